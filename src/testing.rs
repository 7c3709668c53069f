//! Helpers shared by the unit tests of the stages.

/// A reproducible pseudo-random sequence (xorshift64) for generated test
/// inputs: the same seed gives the same inputs on every run.
pub(crate) fn pseudo_random(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
