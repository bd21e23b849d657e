//! Stage timings for benchmarking: with `ANALYZE_TIMINGS=1` in the
//! environment, every [`stage`] guard prints its wall time to stderr when it
//! is dropped. Off by default and free when off (one cached lookup).

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ANALYZE_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// Times a stage until the guard is dropped.
pub struct Stage {
    name: &'static str,
    start: Option<Instant>,
}

pub fn stage(name: &'static str) -> Stage {
    Stage { name, start: enabled().then(Instant::now) }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if let Some(t) = self.start {
            eprintln!("analyze: timing: {:<24} {:>9.3} s  rss {} MB", self.name, t.elapsed().as_secs_f64(), rss_mb());
        }
    }
}

/// Resident memory now, from /proc (Linux); 0 elsewhere.
fn rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
