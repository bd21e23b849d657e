use super::*;

fn after_s(w: &str) -> Option<(String, String)> {
    let t = tokenize(w, 0, w.len());
    after(w, &t, false).map(|f| (w[f.s..f.e].to_string(), f.cue.map(|(a, b)| w[a..b].to_string()).unwrap_or_default()))
}
fn before_s(w: &str) -> Option<(String, Option<String>)> {
    let t = tokenize(w, 0, w.len());
    before(w, &t, 0).map(|f| (w[f.s..f.e].to_string(), f.cue.map(|(a, b)| w[a..b].to_string())))
}
fn pair(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_string(), b.to_string()))
}

fn subject_s(w: &str) -> Option<String> {
    let t = tokenize(w, 0, w.len());
    subject_speaker(w, &t, 0).map(|f| w[f.s..f.e].to_string())
}

#[test]
fn the_subject_speaks_an_uncued_phrase() {
    assert_eq!(subject_s("In May, Ana Ruiz warned of a "), Some("Ana Ruiz".into()));
    assert_eq!(subject_s("She often speaks of winning "), Some("She".into()));
    assert_eq!(subject_s("The committee saw the vote as "), Some("The committee".into()));
    // No fire: a thing does not speak; "it" is no speaker; nothing between subject and quote.
    assert_eq!(subject_s("The bridge was known as "), None);
    assert_eq!(subject_s("It was described as "), None);
    assert_eq!(subject_s("Ana Ruiz "), None);
    // A who-clause holding the quote: "who", standing for the name.
    let w = "Ana Ruiz, who calls herself a ";
    let t = tokenize(w, 0, w.len());
    let f = subject_speaker(w, &t, 0).map(|f| (w[f.s..f.e].to_string(), f.ante.map(|(a, b, _)| &w[a..b])));
    assert_eq!(f, Some(("who".to_string(), Some("Ana Ruiz"))));
}

#[test]
fn cue_fixes_for_agents_relatives_and_earlier_quotes() {
    // The agent that obtained a document is not its author; the one who sent it is.
    assert_eq!(before_s("A memo obtained by The Harbor Times warns that ").map(|x| x.0), Some("A memo".into()));
    assert_eq!(before_s("An email sent by Ana Ruiz warned that ").map(|x| x.0), Some("Ana Ruiz".into()));
    // "who" after a dash stands for the name before it.
    assert_eq!(before_s("Mayor Ana Ruiz - who later said she would ").map(|x| x.0), Some("who".into()));
    // "The" and a capitalised name is an organization that speaks.
    assert_eq!(
        before_s("The Harbor Rowing Club released a statement, saying ").map(|x| x.0),
        Some("The Harbor Rowing Club".into())
    );
    // In a sentence that opens with a quote, the subject is found after it.
    let w = "“We agree,” he said at a rally, and then predicted: ";
    let t = tokenize(w, 0, w.len());
    let from = t.iter().position(|x| &w[x.s..x.e] == "”").map_or(0, |i| i + 1);
    assert_eq!(before(w, &t, from).map(|f| w[f.s..f.e].to_string()), Some("he".into()));
    // A time phrase before the subject; an appositive name before a naming verb.
    assert_eq!(before_s("Two years ago, he backed the plan and said, ").map(|x| x.0), Some("he".into()));
    assert_eq!(before_s("a port that the last mayor, Ana Ruiz, called ").map(|x| x.0), Some("Ana Ruiz".into()));
    assert_eq!(before_s("a port that locals, in summer, called ").map(|x| x.0), None);
    // "Rather," opens a sentence; it names nobody.
    assert_eq!(subject_s("Rather, costs will rise to "), None);
}

#[test]
fn tokenizer_keeps_abbreviations() {
    let s = "Mr. Okafor of the U.S. said it.";
    let t = tokenize(s, 0, s.len());
    let words: Vec<&str> = t.iter().map(|t| &s[t.s..t.e]).collect();
    assert_eq!(words, vec!["Mr.", "Okafor", "of", "the", "U.S.", "said", "it", "."]);
}

#[test]
fn name_then_cue() {
    assert_eq!(after_s(", Petrov said on Monday."), pair("Petrov", "said"));
    assert_eq!(after_s(", Mr. Petrov said."), pair("Mr. Petrov", "said"));
    assert_eq!(after_s(", Anna Lee, the city manager, said of the plan."), pair("Anna Lee", "said"));
}

#[test]
fn cue_then_name() {
    assert_eq!(after_s(", said Ivan Petrov, the deputy mayor."), pair("Ivan Petrov", "said"));
    assert_eq!(after_s(", added the spokeswoman."), pair("the spokeswoman", "added"));
    assert_eq!(after_s(", said bluntly Petrov"), pair("Petrov", "said bluntly"));
}

#[test]
fn pronoun_and_nominal_after() {
    assert_eq!(after_s(", she added."), pair("she", "added"));
    assert_eq!(after_s(", the ministry said in a statement."), pair("the ministry", "said"));
    assert_eq!(after_s(", a senior aide who asked not to be named said."), pair("a senior aide", "said"));
    assert_eq!(after_s(", officials said."), pair("officials", "said"));
}

#[test]
fn after_needs_a_cue() {
    assert_eq!(after_s(" and then the meeting ended."), None);
    assert_eq!(after_s(", which Petrov rejected."), None);
}

#[test]
fn before_patterns() {
    assert_eq!(before_s("Petrov told reporters:"), Some(("Petrov".into(), Some("told reporters".into()))));
    assert_eq!(before_s("She said that"), Some(("She".into(), Some("said".into()))));
    assert_eq!(
        before_s("Anna Lee, spokeswoman for the water board, warned repeatedly during the week that"),
        Some(("Anna Lee".into(), Some("warned repeatedly".into())))
    );
    assert_eq!(
        before_s("Ivan Petrov praised the pace of the talks but cautioned that"),
        Some(("Ivan Petrov".into(), Some("cautioned".into())))
    );
    assert_eq!(before_s("According to the newspaper,"), Some(("the newspaper".into(), Some("According to".into()))));
    assert_eq!(before_s("The council issued a statement saying"), Some(("The council".into(), Some("saying".into()))));
}

#[test]
fn colon_takes_sentence_subject() {
    assert_eq!(before_s("He made the point again at a cabinet meeting:"), Some(("He".into(), None)));
    assert_eq!(before_s("On Friday, the mayor put the matter plainly:"), Some(("the mayor".into(), None)));
}

#[test]
fn before_without_cue_or_colon_is_none() {
    assert_eq!(before_s("The crowd waved signs reading"), None);
    assert_eq!(before_s("Critics attacked a loophole called"), None);
    assert_eq!(before_s("Petrov was asked,"), None);
    assert_eq!(before_s("Berg repeated his sharp remarks about"), None);
    assert_eq!(before_s("Later that day the first incident came, shouting"), None);
    assert_eq!(
        before_s("Critics were loud, with Ana Ruiz tweeting that"),
        Some(("Ana Ruiz".into(), Some("tweeting".into())))
    );
}

#[test]
fn gerund_after_finite_cue_and_relative_who() {
    assert_eq!(before_s("In the hall, Petrov said, adding,"), Some(("Petrov".into(), Some("adding".into()))));
    let w = "Mr. Berg, who noted that prices had";
    let t = tokenize(w, 0, w.len());
    let f = before(w, &t, 0).unwrap();
    assert_eq!(&w[f.s..f.e], "who");
    let (a, b, _) = f.ante.unwrap();
    assert_eq!(&w[a..b], "Mr. Berg");
}

#[test]
fn tail_clause_and_intro_commas() {
    assert_eq!(after_s(" for the victory, Sanders said."), pair("Sanders", "said"));
    assert_eq!(after_s(" for the victory and more."), None);
    assert_eq!(after_s(" would be fine, former mayor Ana Ruiz said."), pair("Ana Ruiz", "said"));
    assert_eq!(
        before_s("In Concord, New Hampshire, Petrov went after Berg, calling him"),
        Some(("Petrov".into(), Some("calling".into())))
    );
}

#[test]
fn phrasal_and_added_cues() {
    assert_eq!(after_s(" Mr. Okafor shot back."), pair("Mr. Okafor", "shot back"));
    assert_eq!(after_s(", she confessed."), pair("she", "confessed"));
    assert_eq!(after_s(", remembered Ana Ruiz, a former clerk."), pair("Ana Ruiz", "remembered"));
    // Without "back" the verbs are not speech.
    assert_eq!(after_s(" Mr. Okafor shot at dawn."), None);
    assert_eq!(after_s(", the board fired him."), None);
    assert_eq!(before_s("Ms. Lund referred to her rival as"), Some(("Ms. Lund".into(), Some("referred".into()))));
    assert_eq!(before_s("The clinic referred patients elsewhere with a note reading"), None);
}

#[test]
fn inverted_tag_closing_a_clause() {
    assert_eq!(
        after_s(" unless the rates come down by spring, said Ana Ruiz, a housing analyst."),
        pair("Ana Ruiz", "said")
    );
    assert_eq!(after_s(" if the vote is close, said the spokeswoman."), pair("the spokeswoman", "said"));
    // The speaker must close the sentence or open an appositive.
    assert_eq!(after_s(" unless rates fall, said Ana Ruiz would happen soon."), None);
    // A gerund or a naming verb is no tag.
    assert_eq!(after_s(" in the memo, calling Ana Ruiz."), None);
    assert_eq!(after_s(" as a plan; the rest, said Ana Ruiz."), None);
}

#[test]
fn infinitive_and_by_gerund_take_the_verbs_subject() {
    assert_eq!(before_s("When he returned he began by saying,"), Some(("he".into(), Some("saying".into()))));
    assert_eq!(
        before_s("Petrov laughed off the question but went on to say,"),
        Some(("Petrov".into(), Some("say".into())))
    );
    // A nominal that is no role does not speak through "to say".
    assert_eq!(before_s("The sign on the fence seemed to say"), None);
}

#[test]
fn appositive_with_inner_commas_and_relative_clause() {
    assert_eq!(
        before_s("Ana Ruiz, a lecturer who once advised Sen. Tom Berg (R-Ohio), one of the drafters, called it"),
        Some(("Ana Ruiz".into(), Some("called".into())))
    );
    assert_eq!(
        before_s("A senior aide who spoke on condition of anonymity to discuss the talks said Tuesday,"),
        Some(("A senior aide".into(), Some("said".into())))
    );
    // No speaker before "who", or a cue inside the clause: nothing.
    assert_eq!(before_s("Those who watched the hearing said"), None);
    assert_eq!(before_s("An aide who said little at first later warned"), None);
}

#[test]
fn wanted_to_know_puts_a_question() {
    assert_eq!(before_s("But he wanted to know, ").map(|x| x.0), Some("he".to_string()));
    assert_eq!(before_s("She did not know ").map(|x| x.0), None);
}

#[test]
fn lowercase_titles_before_a_name() {
    assert_eq!(after_s(" former state auditor Ana Ruiz explained."), pair("Ana Ruiz", "explained"));
    assert_eq!(after_s(" novelist Tom Berg wrote on his blog."), pair("Tom Berg", "wrote"));
    // An agency's initials inside the title.
    assert_eq!(after_s(" former FBI agent Tim Gall explained."), pair("Tim Gall", "explained"));
    // A clause of the writer's sentence after the quote, closed by the tag.
    assert_eq!(
        after_s(" that Berg can catch Ruiz, said Tom Lark, a former campaign manager."),
        pair("Tom Lark", "said")
    );
    assert_eq!(after_s(" that is plainly unfair, Lark said."), pair("Lark", "said"));
    // Inverted, the titles come between the cue and the name.
    assert_eq!(after_s(", said former Rep. Ana Ruiz (D-Ohio), one of the authors."), pair("Rep. Ana Ruiz", "said"));
    assert_eq!(after_s(", said state party chair Tom Berg."), pair("Tom Berg", "said"));
    assert_eq!(after_s(", said nothing."), None);
    // A clause, not a title, before the name: no tag.
    assert_eq!(after_s(" which is why Ana Ruiz said no."), None);
    assert_eq!(after_s(" unlikely when Ana Ruiz said it."), None);
}

#[test]
fn naming_verb_after_a_person() {
    assert_eq!(before_s("In 2019, under what Ms. Lund called"), Some(("Ms. Lund".into(), Some("called".into()))));
    assert_eq!(before_s("Tom Berg has repeatedly called"), Some(("Tom Berg".into(), Some("called".into()))));
    // Things and "it" are named, they do not speak.
    assert_eq!(before_s("Critics attacked a loophole called"), None);
    assert_eq!(before_s("The agency runs a program it called"), None);
    assert_eq!(before_s("They carried a banner that read"), None);
}

#[test]
fn according_to_does_not_close_a_quote_clause() {
    assert_eq!(after_s(" level, according to a senior official."), None);
}

#[test]
fn parenthesis_after_a_name_is_read_past() {
    assert_eq!(after_s(", Sen. Ana Ruiz (D-Ore.) said in a statement."), pair("Sen. Ana Ruiz", "said"));
    assert_eq!(before_s("Rep. Tom Berg (R-Ohio) warned that"), Some(("Rep. Tom Berg".into(), Some("warned".into()))));
    // A long parenthesis is a clause of its own.
    assert_eq!(
        after_s(", Ana Ruiz (who ran the count in three counties for the board last year and more) said."),
        None
    );
}

#[test]
fn tail_clause_with_a_short_setting_after_the_cue() {
    assert_eq!(after_s(" would be fine, retired judge Ana Ruiz said on the radio."), pair("Ana Ruiz", "said"));
    // A clause after the cue: the tag reports something else.
    assert_eq!(after_s(" would be fine, Ana Ruiz said that it was over."), None);
}

#[test]
fn time_phrase_between_subject_and_cue() {
    assert_eq!(
        before_s("Ana Ruiz on Tuesday night warned of a long count:"),
        Some(("Ana Ruiz".into(), Some("warned".into())))
    );
    assert_eq!(before_s("The mayor last week told"), Some(("The mayor".into(), Some("told".into()))));
    // A bare noun is no time phrase: "the night" is not read past.
    let w = "Berg described the night";
    let t = tokenize(w, 0, w.len());
    assert_eq!(time_back(w, &t, t.len()), t.len());
    let w = "Berg on Friday";
    let t = tokenize(w, 0, w.len());
    assert_eq!(time_back(w, &t, t.len()), 1);
}
