//! MinHash signatures over word shingles and a banded LSH index.
//!
//! Hand-written rather than taken from `gaoya` (MIT, the kept Rust LSH crate) because the
//! linker's whole state must be persisted by the store between runs: gaoya's index and
//! hashers are not `serde`-serialisable and its hashers are seeded at run time, so a
//! snapshot could not be reloaded with the same hash functions. Here the hash functions
//! are fixed (FNV-1a + SplitMix64 with constant seeds), signatures are plain `Vec<u32>`
//! that serialise compactly, and the band index is rebuilt from them on load. The whole
//! thing is ~150 lines.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// 64-bit FNV-1a: stable across Rust versions and platforms (std's hasher is not), so
/// hashed keys can be persisted.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64 finaliser: a cheap, well-mixed 64-bit permutation.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Words for shingling: maximal runs of alphanumeric characters, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Hashes of the `k`-word shingles of `text` (deduplicated). Texts shorter than `k`
/// words give one shingle of all their words; empty texts give none.
pub(crate) fn shingles(text: &str, k: usize) -> Vec<u64> {
    let w = words(text);
    if w.is_empty() {
        return Vec::new();
    }
    let k = k.max(1).min(w.len());
    let mut out: Vec<u64> = w
        .windows(k)
        .map(|win| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for (i, word) in win.iter().enumerate() {
                if i > 0 {
                    h ^= 0x20;
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
                for &b in word.as_bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A MinHash signature of a shingle set and the set's size (for containment estimates).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Signature {
    pub mins: Vec<u32>,
    pub n_shingles: u32,
}

/// Computes a `num_perm`-value signature of the shingle hashes.
pub(crate) fn signature(sh: &[u64], num_perm: usize) -> Signature {
    // Universal hashing h_i(x) = high 32 bits of (a_i·x + b_i) over well-mixed shingle
    // hashes: one multiply-add per (shingle, permutation).
    let coef: Vec<(u64, u64)> = (0..num_perm as u64)
        .map(|i| {
            (
                mix64(i.wrapping_add(0x9e37_79b9_7f4a_7c15)) | 1,
                mix64(i ^ 0x5851_f42d_4c95_7f2d),
            )
        })
        .collect();
    let mut mins = vec![u32::MAX; num_perm];
    for &s in sh {
        let x = mix64(s);
        for (m, &(a, b)) in mins.iter_mut().zip(&coef) {
            let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    Signature {
        mins,
        n_shingles: sh.len() as u32,
    }
}

impl Signature {
    /// Estimated Jaccard similarity (share of equal minimums).
    pub fn jaccard(&self, other: &Signature) -> f32 {
        let n = self.mins.len().min(other.mins.len());
        if n == 0 || self.n_shingles == 0 || other.n_shingles == 0 {
            return 0.0;
        }
        let eq = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        eq as f32 / n as f32
    }

    /// Estimated share of the smaller set contained in the larger, from the Jaccard
    /// estimate and both set sizes: |A∩B| = J/(1+J)·(|A|+|B|).
    pub fn containment(&self, other: &Signature, j: f32) -> f32 {
        let (a, b) = (self.n_shingles as f32, other.n_shingles as f32);
        let small = a.min(b);
        if small <= 0.0 {
            return 0.0;
        }
        (j / (1.0 + j) * (a + b) / small).min(1.0)
    }
}

/// Banded LSH index from band hash to the slots of documents whose signature has it.
#[derive(Debug, Default, Clone)]
pub(crate) struct LshIndex {
    bands: usize,
    rows: usize,
    buckets: HashMap<u64, Vec<u32>>,
}

impl LshIndex {
    pub fn new(bands: usize, rows: usize) -> Self {
        LshIndex {
            bands: bands.max(1),
            rows: rows.max(1),
            buckets: HashMap::new(),
        }
    }

    fn band_keys(&self, sig: &Signature) -> impl Iterator<Item = u64> + '_ {
        let rows = self.rows;
        let mins: Vec<u32> = sig.mins.clone();
        (0..self.bands).filter_map(move |b| {
            let chunk = mins.get(b * rows..(b + 1) * rows)?;
            let mut h = mix64(b as u64 + 1);
            for &v in chunk {
                h = mix64(h ^ u64::from(v));
            }
            Some(h)
        })
    }

    pub fn insert(&mut self, slot: u32, sig: &Signature) {
        if sig.n_shingles == 0 {
            return;
        }
        let keys: Vec<u64> = self.band_keys(sig).collect();
        for k in keys {
            self.buckets.entry(k).or_default().push(slot);
        }
    }

    pub fn remove(&mut self, slot: u32, sig: &Signature) {
        let keys: Vec<u64> = self.band_keys(sig).collect();
        for k in keys {
            if let Some(v) = self.buckets.get_mut(&k) {
                v.retain(|&s| s != slot);
                if v.is_empty() {
                    self.buckets.remove(&k);
                }
            }
        }
    }

    /// Slots sharing at least one band with `sig`, deduplicated and sorted.
    pub fn query(&self, sig: &Signature) -> Vec<u32> {
        if sig.n_shingles == 0 {
            return Vec::new();
        }
        let mut out: Vec<u32> = self
            .band_keys(sig)
            .filter_map(|k| self.buckets.get(&k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_jaccard_one_and_disjoint_near_zero() {
        let a = "the quick brown fox jumps over the lazy dog near the river bank today";
        let b = "completely different words about parliament budget votes and tax reform bills";
        let sa = signature(&shingles(a, 3), 120);
        let sb = signature(&shingles(b, 3), 120);
        assert_eq!(sa.jaccard(&sa.clone()), 1.0);
        assert!(sa.jaccard(&sb) < 0.1);
        let mut idx = LshIndex::new(40, 3);
        idx.insert(7, &sa);
        assert_eq!(idx.query(&sa), vec![7]);
        assert!(idx.query(&sb).is_empty());
        idx.remove(7, &sa);
        assert!(idx.query(&sa).is_empty());
    }

    #[test]
    fn empty_text_has_no_shingles() {
        assert!(shingles("  ,. ", 5).is_empty());
        assert_eq!(shingles("two words", 5).len(), 1);
    }
}
