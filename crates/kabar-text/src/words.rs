//! Small helpers shared by the word-list modules: a fast hash set for static word lists
//! and ASCII-first lower-casing.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the word lists hold short keys, for which it beats SipHash severalfold and
/// needs no dependency. The keys are our own constants, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of static words.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Builds a [`WordSet`] from a whitespace-separated list.
pub(crate) fn word_set(list: &'static str) -> WordSet {
    list.split_whitespace().collect()
}

/// Lower-cases `word` into `buf` (reused), ASCII fast path.
#[inline]
pub(crate) fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}
