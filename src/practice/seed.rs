//! The next practice example's seed (practice-new), from the current one and some entropy.

use crate::value::splitmix64;

/// The largest seed drawn: six digits keep a class link short.
pub const MAX_SEED: u64 = 999_999;

/// A fresh seed in 1..=[`MAX_SEED`] from the current one (if any) and an entropy input such as
/// the time in milliseconds; never the current seed.
pub fn next_seed(current: Option<u64>, entropy: u64) -> u64 {
    let mut state = current.unwrap_or(0) ^ entropy.rotate_left(29);
    loop {
        let (next, out) = splitmix64(state);
        state = next;
        let seed = out % MAX_SEED + 1;
        if Some(seed) != current {
            return seed;
        }
    }
}
