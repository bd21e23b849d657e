//! Unit tests of the binary's helpers, in their own file so that `mod.rs`
//! holds only the run itself.

use super::*;

#[test]
fn threads_are_capped_per_core_and_in_all() {
    assert_eq!(thread_count(3, 2), 3);
    assert_eq!(thread_count(0, 2), 1);
    assert_eq!(thread_count(100_000, 2), 8);
    assert_eq!(thread_count(100_000, 512), MAX_THREADS);
    assert_eq!(thread_count(5, 0), 4);
}
