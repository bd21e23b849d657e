use super::*;
use std::fs;

fn ok(bytes: &[u8]) -> (Decoded, Option<Warning>) {
    decode("a", bytes.to_vec()).expect("decoded as an article")
}

/// The file bytes of `text[start..end]` under the decoding's map.
fn file_slice<'a>(raw: &'a [u8], d: &Decoded, start: usize, end: usize) -> &'a [u8] {
    &raw[d.map.to_file(start)..d.map.to_file(end)]
}

#[test]
fn utf8_with_bom_keeps_offsets() {
    let (d, w) = ok("\u{feff}Hello".as_bytes());
    assert_eq!(d.encoding, TextEncoding::Utf8Bom);
    assert!(w.is_none());
    assert_eq!(d.text.find('H'), Some(3));
}

#[test]
fn windows_1252_is_decoded_and_mapped() {
    // "€5 café" in Windows-1252: € is 0x80, é is 0xE9.
    let raw = vec![0x80, b'5', b' ', b'c', b'a', b'f', 0xE9];
    let (d, w) = ok(&raw);
    assert_eq!(d.text, "€5 café");
    assert_eq!(d.encoding, TextEncoding::Windows1252);
    assert_eq!(w.map(|w| w.kind), Some(WarningKind::Encoding));
    let caf = d.text.find("caf").unwrap();
    assert_eq!(d.map.to_file(caf), 3);
    assert_eq!(d.map.to_file(d.text.len()), 7);
    assert_eq!(d.map.to_file(d.text.find('5').unwrap()), 1);
}

#[test]
fn one_stray_byte_in_utf8_keeps_the_utf8_text() {
    // A Windows-1252 right quote (0x94) pasted into a UTF-8 file.
    let mut raw = "The fund holds €450 million — for now.".as_bytes().to_vec();
    raw.extend_from_slice(b" \x94Enough,\x94 she said. Caf\xC3\xA9 ok.");
    let (d, w) = ok(&raw);
    assert_eq!(d.encoding, TextEncoding::Utf8);
    assert!(d.text.contains("€450 million — for now."), "{}", d.text);
    assert!(d.text.contains("\u{FFFD}Enough,\u{FFFD} she said. Café ok."));
    let w = w.expect("a warning for the replaced bytes");
    assert_eq!(w.kind, WarningKind::InvalidBytes);
    assert!(w.message.contains("2 invalid UTF-8 sequences"), "{}", w.message);
    // Offsets on both sides of each replacement point into the file.
    for needle in ["Enough", "she said", "Café", "€450"] {
        let s = d.text.find(needle).unwrap();
        assert_eq!(file_slice(&raw, &d, s, s + needle.len()), needle.as_bytes(), "{needle}");
    }
    let q = d.text.find('\u{FFFD}').unwrap();
    assert_eq!(file_slice(&raw, &d, q, q + 3), b"\x94");
    assert_eq!(d.map.to_file(d.text.len()), raw.len());
}

#[test]
fn a_file_that_is_not_mostly_utf8_stays_windows_1252() {
    // Two curly quotes as single bytes and one accidental valid pair are still Windows-1252.
    let (d, _) = ok(b"\x93Yes,\x94 said Zo\xEB. \xC3\xA9");
    assert_eq!(d.encoding, TextEncoding::Windows1252);
    assert!(d.text.starts_with("“Yes,” said Zoë."), "{}", d.text);
}

#[test]
fn utf16_with_a_bom_is_decoded_and_mapped() {
    let text = "\u{feff}Kyiv — “We stay,” she said. 5€ 😀";
    for big_endian in [false, true] {
        let mut raw = Vec::new();
        for u in text.encode_utf16() {
            raw.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let (d, w) = ok(&raw);
        assert!(w.is_none());
        assert_eq!(d.encoding, if big_endian { TextEncoding::Utf16Be } else { TextEncoding::Utf16Le });
        assert_eq!(d.text, text);
        let s = d.text.find("We stay").unwrap();
        assert_eq!(d.map.to_file(s), 2 * text[..s].encode_utf16().count());
        assert_eq!(d.map.to_file(d.text.len()), raw.len());
        let e = d.text.find('😀').unwrap();
        assert_eq!(d.map.to_file(e + '😀'.len_utf8()) - d.map.to_file(e), 4, "a surrogate pair is 4 bytes");
    }
}

#[test]
fn broken_utf16_is_repaired_not_dropped() {
    // A lone high surrogate and an odd last byte.
    let raw = [0xFF, 0xFE, b'H', 0, b'i', 0, 0x00, 0xD8, b'!', 0, b'x'];
    let (d, w) = ok(&raw);
    assert_eq!(d.text, "\u{feff}Hi\u{FFFD}!\u{FFFD}");
    assert_eq!(w.map(|w| w.kind), Some(WarningKind::InvalidBytes));
}

#[test]
fn control_characters_are_spaces_and_keep_offsets() {
    let raw = b"Talks \x1b[1mresumed\x1b[0m on Monday.\x00 The vote\x07 passed. C1:\xC2\x85.\x0c".to_vec();
    let (d, w) = ok(&raw);
    assert_eq!(d.encoding, TextEncoding::Utf8);
    assert!(d.map.is_identity());
    assert_eq!(d.text.len(), raw.len());
    assert_eq!(d.text, "Talks  [1mresumed [0m on Monday.  The vote  passed. C1:\u{a0}. ");
    let w = w.expect("a warning");
    assert_eq!(w.kind, WarningKind::ControlCharacters);
    assert!(w.message.starts_with("6 control characters"), "{}", w.message);
}

#[test]
fn a_few_nul_bytes_or_escapes_never_make_a_file_binary() {
    let mut raw = b"The council met on Tuesday and approved the budget. ".repeat(20);
    raw[100] = 0;
    raw.extend_from_slice(&[0; 4000]); // NUL padding left by a crashed editor
    assert!(decode("a", raw).is_ok());
}

#[test]
fn binary_and_empty_are_skipped_with_a_reason() {
    assert_eq!(decode("a", vec![0x89, b'P', 0, 0, 1]).unwrap_err().kind, WarningKind::Binary);
    assert_eq!(decode("a", vec![]).unwrap_err().kind, WarningKind::Empty);
    assert_eq!(decode("a", b" \r\n\t\n".to_vec()).unwrap_err().kind, WarningKind::Empty);
    let png = decode("a", b"\x89PNG\r\n\x1a\nIHDR".to_vec()).unwrap_err();
    assert!(png.message.contains("PNG"), "{}", png.message);
    assert_eq!(decode("a", b"%PDF-1.7\n".to_vec()).unwrap_err().kind, WarningKind::Binary);
    assert_eq!(decode("a", vec![0; 100]).unwrap_err().kind, WarningKind::Binary);
    // Pseudo-random bytes, as in a compressed or encrypted file without a signature.
    let mut x: u32 = 7;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    assert_eq!(decode("a", noise).unwrap_err().kind, WarningKind::Binary);
    // Text that merely starts like a signature is text.
    assert!(decode("a", b"BZh, the village, voted on Sunday.".to_vec()).is_ok());
}

fn ids(inputs: &Inputs, root: &Path) -> Vec<String> {
    inputs.files.iter().map(|f| f.path.strip_prefix(root).unwrap_or(&f.path).to_string_lossy().to_string()).collect()
}

fn kinds(inputs: &Inputs) -> Vec<WarningKind> {
    inputs.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn walk_is_sorted_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    for f in ["b/2.txt", "a.txt", ".hidden.txt", ".git/x.txt", "b/1.txt"] {
        fs::write(dir.path().join(f), "x").unwrap();
    }
    let files = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<_> =
        files.iter().map(|f| f.path.strip_prefix(dir.path()).unwrap().to_string_lossy().to_string()).collect();
    assert_eq!(names, ["a.txt", "b/1.txt", "b/2.txt"]);
}

#[test]
fn only_article_extensions_are_walked_and_the_rest_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a.txt", "B.TXT", "README.md", "page.html", "old.json", "notes.md", "Makefile", "x.txt~"] {
        fs::write(dir.path().join(f), "Some words here.").unwrap();
    }
    let root = dir.path().to_path_buf();
    let got = collect(std::slice::from_ref(&root), &WalkOptions::default()).unwrap();
    assert_eq!(ids(&got, &root), ["B.TXT", "a.txt"]);
    assert_eq!(kinds(&got), [WarningKind::NotArticle]);
    let m = &got.warnings[0].message;
    assert!(m.starts_with("6 files not read as articles (1 .html, 1 .json, 2 .md, 1 .txt~, 1 no extension)"), "{m}");
    assert!(m.contains("--ext html,json,md,txt~"), "{m}");

    let got = collect(std::slice::from_ref(&root), &WalkOptions::with_extensions([".MD", "html"])).unwrap();
    assert_eq!(ids(&got, &root), ["B.TXT", "README.md", "a.txt", "notes.md", "page.html"]);
    let got = collect(std::slice::from_ref(&root), &WalkOptions::with_extensions(["*"])).unwrap();
    assert_eq!(got.files.len(), 8);
    assert!(got.warnings.is_empty());

    // A file named explicitly is read whatever its extension.
    let got = collect(&[root.join("README.md")], &WalkOptions::default()).unwrap();
    assert_eq!(got.files.len(), 1);
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_symlink_loop_is_one_warning_and_every_file_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        fs::create_dir_all(root.join("loop/deeper")).unwrap();
        fs::write(root.join("a.txt"), "x").unwrap();
        fs::write(root.join("loop/b.txt"), "x").unwrap();
        fs::write(root.join("loop/deeper/c.txt"), "x").unwrap();
        symlink("..", root.join("loop/up")).unwrap();
        symlink("../..", root.join("loop/deeper/top")).unwrap();
        let got = collect(std::slice::from_ref(&root), &WalkOptions::default()).unwrap();
        assert_eq!(ids(&got, &root), ["a.txt", "loop/b.txt", "loop/deeper/c.txt"]);
        assert_eq!(kinds(&got), [WarningKind::SymlinkLoop, WarningKind::SymlinkLoop], "{:?}", got.warnings);
        assert!(got.warnings[0].message.contains("loop back to"));
    }

    #[test]
    fn the_same_files_through_other_paths_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        fs::create_dir(root.join("news")).unwrap();
        fs::write(root.join("news/a.txt"), "x").unwrap();
        fs::write(root.join("news/b.txt"), "x").unwrap();
        symlink("news", root.join("mirror")).unwrap();
        symlink("a.txt", root.join("news/latest.txt")).unwrap();
        let news = root.join("news");
        let again = root.join("news/../news/");
        let got =
            collect(&[news.clone(), again, root.join("mirror"), root.join("news/b.txt")], &Default::default()).unwrap();
        assert_eq!(ids(&got, &root), ["news/a.txt", "news/b.txt"]);
        assert!(kinds(&got).iter().all(|k| *k == WarningKind::Duplicate), "{:?}", got.warnings);
        assert_eq!(got.warnings.len(), 4, "{:?}", got.warnings);
        // Given the parent, the link `mirror` sorts before `news` but the real path wins.
        let got = collect(std::slice::from_ref(&root), &Default::default()).unwrap();
        assert_eq!(ids(&got, &root), ["news/a.txt", "news/b.txt"]);
        // Files only reachable through a link are still read, under the link's path.
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("far.txt"), "x").unwrap();
        symlink(outside.path(), root.join("news/elsewhere")).unwrap();
        let got = collect(std::slice::from_ref(&news), &Default::default()).unwrap();
        assert_eq!(ids(&got, &root), ["news/a.txt", "news/b.txt", "news/elsewhere/far.txt"]);
    }

    /// Folders linked to each other twice per level: 2^16 paths, 16 folders.
    #[test]
    fn a_lattice_of_links_is_walked_in_linear_time() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for i in 0..16 {
            let d = root.join(format!("d{i}"));
            fs::create_dir(&d).unwrap();
            fs::write(d.join("a.txt"), "x").unwrap();
        }
        for i in 0..15 {
            let d = root.join(format!("d{i}"));
            symlink(format!("../d{}", i + 1), d.join("l1")).unwrap();
            symlink(format!("../d{}", i + 1), d.join("l2")).unwrap();
        }
        let got = collect(&[root.join("d0")], &Default::default()).unwrap();
        assert_eq!(got.files.len(), 16);
    }

    #[test]
    fn fifos_are_never_opened_also_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        fs::write(root.join("a.txt"), "x").unwrap();
        let fifo = root.join("pipe.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let got = collect(std::slice::from_ref(&root), &Default::default()).unwrap();
        assert_eq!(ids(&got, &root), ["a.txt"]);
        assert_eq!(kinds(&got), [WarningKind::SpecialFile]);
        assert!(got.warnings[0].message.contains("FIFO"));
        let got = collect(std::slice::from_ref(&fifo), &Default::default()).unwrap();
        assert!(got.files.is_empty());
        assert_eq!(kinds(&got), [WarningKind::SpecialFile]);
        // Read as if the walk had raced with a file turned into a FIFO.
        let w = read_file(&InputFile { id: "pipe.txt".into(), path: fifo }).unwrap_err();
        assert_eq!(w.kind, WarningKind::SpecialFile);
    }

    #[test]
    fn broken_links_and_unreadable_folders_are_warnings() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        fs::write(root.join("a.txt"), "x").unwrap();
        symlink("nowhere.txt", root.join("gone.txt")).unwrap();
        let locked = root.join("locked");
        fs::create_dir(&locked).unwrap();
        fs::write(locked.join("secret.txt"), "x").unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let root_user = fs::read_dir(&locked).is_ok();
        let got = collect(std::slice::from_ref(&root), &Default::default()).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        let gone = got.warnings.iter().find(|w| w.path.ends_with("gone.txt")).expect("broken link warned");
        assert_eq!(gone.kind, WarningKind::Unreadable);
        assert!(gone.message.contains("broken symbolic link"));
        if !root_user {
            // Permissions do not bind root, which many containers run tests as.
            assert!(got.warnings.iter().any(|w| w.path.ends_with("locked") && w.kind == WarningKind::Unreadable));
            assert_eq!(ids(&got, &root), ["a.txt"]);
        }
    }

    #[test]
    fn names_that_differ_in_an_invalid_byte_stay_two_articles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for b in [0xFE_u8, 0xFF] {
            let name = [b'n', b, b'.', b't', b'x', b't'];
            fs::write(root.join(std::ffi::OsStr::from_bytes(&name)), "x").unwrap();
        }
        // A name that spells out the escape literally.
        fs::write(root.join("n\\xFE.txt"), "x").unwrap();
        let got = collect(std::slice::from_ref(&root), &Default::default()).unwrap();
        let names: Vec<&str> = got.files.iter().filter_map(|f| f.id.rsplit('/').next()).collect();
        assert_eq!(names, ["n\\xFE.txt", "n\\xFE.txt (2)", "n\\xFF.txt"]);
        let distinct: HashSet<&PathBuf> = got.files.iter().map(|f| &f.path).collect();
        assert_eq!(distinct.len(), 3);
    }
}

#[test]
fn missing_path_is_an_error() {
    assert!(matches!(collect_inputs(&[PathBuf::from("/no/such/dir")]), Err(InputError::NotFound(_))));
}

#[test]
fn ids_drop_a_leading_dot_slash_only() {
    assert_eq!(path_id(Path::new("./a.txt")), "a.txt");
    assert_eq!(path_id(Path::new("./")), "./");
    assert_eq!(path_id(Path::new("dir/a.txt")), "dir/a.txt");
}

/// What the reader promises for any bytes: no panic, and every character of
/// the decoded text maps to file bytes that decode to that character.
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn slice_decodes_to(raw: &[u8], enc: TextEncoding, start: usize, end: usize) -> String {
        let slice = &raw[start..end];
        let s = match enc {
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(slice).0,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE.decode_without_bom_handling(slice).0,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE.decode_without_bom_handling(slice).0,
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => String::from_utf8_lossy(slice),
        };
        s.chars()
            .map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { control_replacement(c) } else { c })
            .collect()
    }

    /// News-like text with the bytes that trouble decoders mixed in.
    fn newsish() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"The council said ".to_vec()),
            Just("€450 million — “yes,” ".as_bytes().to_vec()),
            Just(b"\x93quoted\x94 ".to_vec()),
            Just(b"\x1b[1m".to_vec()),
            Just(vec![0]),
            Just(vec![0xC3]),
            Just(vec![0xE2, 0x82]),
            Just(vec![0xFF, 0xFE]),
            Just(vec![0xFE, 0xFF]),
            Just("Zoë ".as_bytes().to_vec()),
            any::<u8>().prop_map(|b| vec![b]),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn check(raw: Vec<u8>) -> Result<(), TestCaseError> {
        let Ok((d, _)) = decode("p", raw.clone()) else { return Ok(()) };
        let mut last = 0;
        for (i, c) in d.text.char_indices() {
            let (a, b) = (d.map.to_file(i), d.map.to_file(i + c.len_utf8()));
            prop_assert!(a >= last && a <= b && b <= raw.len(), "char {i} maps to {a}..{b}");
            last = a;
            if c != '\u{FFFD}' {
                let got = slice_decodes_to(&raw, d.encoding, a, b);
                prop_assert_eq!(got, c.to_string(), "char {} of {:?} ({:?})", i, d.text, d.encoding);
            }
        }
        prop_assert_eq!(d.map.to_file(d.text.len()), raw.len());
        Ok(())
    }

    proptest! {
        // PROPTEST_CASES=200000 for a long run.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000),
            ..ProptestConfig::default()
        })]
        #[test]
        fn every_char_maps_back_to_its_bytes(raw in newsish()) {
            check(raw)?;
        }

        #[test]
        fn arbitrary_bytes_never_panic(raw in proptest::collection::vec(any::<u8>(), 0..300)) {
            check(raw)?;
        }
    }
}
