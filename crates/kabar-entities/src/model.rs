//! The tagger's model: per-feature label weights, label transitions, Viterbi decoding,
//! and the compact binary format of `data/ner-model.bin`.
//!
//! Why an averaged structured perceptron (Collins 2002) of our own rather than a CRF crate:
//! it trains in seconds on the ~150k training tokens, needs no dependency, decodes with a
//! 7×7 Viterbi, and with averaging is within a point or two of a CRF on NER with the same
//! features. The label set is BIO over PER, ORG and PLACE; PLACE is split into Kabar's GPE
//! and LOC after decoding (see [`crate::Tagger`]), because the training sets do not make
//! that distinction and the gazetteer does it better than the data could.
//!
//! File format (little-endian): magic `KNER`, version u32 = 3, label count u32, scale f32,
//! feature count u32, then per feature a u32 key (the 64-bit feature hash folded to 32
//! bits) and one i16 weight per label (weight = i16 × scale), then the transition matrix
//! and the start vector as f32, then the word statistics ([`crate::features::WordStats`]):
//! a u32 count and per word a u32 key and a u8 class; then the word clusters: a u32 count
//! and per word a u32 key and a u32 value (fine + 1 | (coarse + 1) << 16).

use crate::Error;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Version of the model file format.
const VERSION: u32 = 3;

/// Number of labels: O, B/I × PER, ORG, PLACE.
pub const NL: usize = 7;

/// Internal label names.
pub const LABELS: [&str; NL] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-PLACE", "I-PLACE",
];

/// True when label `cur` may follow label `prev` (`prev == None`: sentence start).
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur & 1 == 1 {
        return true;
    }
    // I-X needs B-X or I-X before it
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

/// Folds a 64-bit feature hash into the 32-bit key stored in the model.
#[inline]
pub fn key32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// A hasher for keys that already are hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u32(&mut self, n: u32) {
        // spread the bits so hashbrown's top-7-bit control bytes vary
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by pre-hashed features.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// One slot of [`FlatTable`]: a feature key and its label weights in one 32-byte cell,
/// so a lookup touches one cache line.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    key: u32,
    w: [f32; NL],
}

/// The weights laid out for tagging: an open-addressing (linear probing) table keyed by
/// the 32-bit feature key. A `HashMap` to a row index costs two cache misses per feature
/// (the map, then the row); tagging is bound by those misses, so this halves them.
#[derive(Debug, Clone)]
pub struct FlatTable {
    slots: Vec<Slot>,
    shift: u32,
}

impl FlatTable {
    /// Builds the table of a model.
    pub fn new(model: &Model) -> FlatTable {
        let n = model.weights.len();
        let bits = ((n * 2).max(16)).next_power_of_two().trailing_zeros();
        let mut slots = vec![
            Slot {
                key: 0,
                w: [0f32; NL],
            };
            1usize << bits
        ];
        let shift = 64 - bits;
        let mask = slots.len() - 1;
        for (&k, &r) in &model.index {
            let k = k.max(1);
            let mut i = Self::home(k, shift);
            loop {
                if slots[i].key == 0 {
                    slots[i] = Slot {
                        key: k,
                        w: model.weights[r as usize],
                    };
                    break;
                }
                if slots[i].key == k {
                    for l in 0..NL {
                        slots[i].w[l] += model.weights[r as usize][l];
                    }
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        FlatTable { slots, shift }
    }

    #[inline]
    fn home(k: u32, shift: u32) -> usize {
        ((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
    }

    /// Adds the weights of every known feature of `feats` (64-bit hashes) into `s`.
    #[inline]
    pub fn accumulate(&self, feats: &[u64], s: &mut [f32; NL]) {
        let mask = self.slots.len() - 1;
        for &f in feats {
            let k = key32(f).max(1);
            let mut i = Self::home(k, self.shift);
            loop {
                let slot = &self.slots[i];
                if slot.key == k {
                    for (a, b) in s.iter_mut().zip(&slot.w) {
                        *a += b;
                    }
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }
}

/// Trained weights.
#[derive(Debug, Clone)]
pub struct Model {
    /// Feature key → row in `weights`.
    pub index: IdMap<u32, u32>,
    /// Emission weights, `NL` per feature.
    pub weights: Vec<[f32; NL]>,
    /// Transition weights `trans[prev][cur]`.
    pub trans: [[f32; NL]; NL],
    /// Start weights.
    pub start: [f32; NL],
    /// Word capitalisation statistics used by the features.
    pub stats: crate::features::WordStats,
}

impl Model {
    /// Label scores of one token from its feature hashes.
    #[inline]
    pub fn emission(&self, feats: &[u64]) -> [f32; NL] {
        let mut s = [0f32; NL];
        for &f in feats {
            if let Some(&r) = self.index.get(&key32(f)) {
                let w = &self.weights[r as usize];
                for l in 0..NL {
                    s[l] += w[l];
                }
            }
        }
        s
    }

    /// Best label sequence for the emission scores (constrained BIO Viterbi).
    pub fn viterbi(&self, em: &[[f32; NL]]) -> Vec<usize> {
        viterbi(em, &self.trans, &self.start)
    }

    /// Reads a model from its binary form.
    pub fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        let mut r = Reader { b, p: 0 };
        if r.take(4)? != b"KNER" {
            return Err(Error::Model("bad magic (not a Kabar NER model)".into()));
        }
        if r.u32()? != VERSION {
            return Err(Error::Model("unsupported model version".into()));
        }
        if r.u32()? as usize != NL {
            return Err(Error::Model("label count mismatch".into()));
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n > b.len() / 4 {
            return Err(Error::Model("feature count larger than the file".into()));
        }
        let mut index = IdMap::default();
        index.reserve(n);
        let mut weights = Vec::with_capacity(n);
        for i in 0..n {
            let k = r.u32()?;
            let mut w = [0f32; NL];
            for x in w.iter_mut() {
                *x = r.i16()? as f32 * scale;
            }
            index.insert(k, i as u32);
            weights.push(w);
        }
        let mut trans = [[0f32; NL]; NL];
        for row in trans.iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        let mut start = [0f32; NL];
        for x in start.iter_mut() {
            *x = r.f32()?;
        }
        let ns = r.u32()? as usize;
        if ns > b.len() / 5 {
            return Err(Error::Model("word statistics larger than the file".into()));
        }
        let mut stats = crate::features::WordStats::default();
        stats.map.reserve(ns);
        for _ in 0..ns {
            let k = r.u32()?;
            let v = r.take(1)?[0];
            stats.map.insert(k, v);
        }
        let nc = r.u32()? as usize;
        if nc > b.len() / 8 {
            return Err(Error::Model("word clusters larger than the file".into()));
        }
        stats.clusters.reserve(nc);
        for _ in 0..nc {
            let k = r.u32()?;
            let v = r.u32()?;
            stats.clusters.insert(k, v);
        }
        if r.p != b.len() {
            return Err(Error::Model(
                "trailing bytes after the word clusters".into(),
            ));
        }
        Ok(Model {
            index,
            weights,
            trans,
            start,
            stats,
        })
    }

    /// Writes the binary form; features whose largest absolute weight is below
    /// `prune` are dropped.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let max = self
            .weights
            .iter()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows: Vec<(u32, u32)> = self
            .index
            .iter()
            .filter(|(_, &r)| {
                self.weights[r as usize]
                    .iter()
                    .any(|x| x.abs() >= prune && (x / scale).round() != 0.0)
            })
            .map(|(&k, &r)| (k, r))
            .collect();
        rows.sort_unstable();
        let mut out = Vec::with_capacity(20 + rows.len() * (4 + 2 * NL));
        out.extend_from_slice(b"KNER");
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(NL as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, r) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            for x in self.weights[r as usize] {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for x in &self.start {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let mut st: Vec<(u32, u8)> = self.stats.map.iter().map(|(&k, &v)| (k, v)).collect();
        st.sort_unstable();
        out.extend_from_slice(&(st.len() as u32).to_le_bytes());
        for (k, v) in st {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v);
        }
        let mut cl: Vec<(u32, u32)> = self.stats.clusters.iter().map(|(&k, &v)| (k, v)).collect();
        cl.sort_unstable();
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        for (k, v) in cl {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }
}

/// Constrained BIO Viterbi over emission scores. The constraint is folded into the
/// transition matrix (−∞ where `allowed` says no) once per call, so the inner loop is a
/// plain max over 7 sums.
pub fn viterbi(em: &[[f32; NL]], trans: &[[f32; NL]; NL], start: &[f32; NL]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut tm = [[NEG; NL]; NL];
    for p in 0..NL {
        for c in 0..NL {
            if allowed(Some(p), c) {
                tm[p][c] = trans[p][c];
            }
        }
    }
    let mut back = vec![[0u8; NL]; n];
    let mut score = [NEG; NL];
    for l in 0..NL {
        if allowed(None, l) {
            score[l] = start[l] + em[0][l];
        }
    }
    for i in 1..n {
        let mut next = [NEG; NL];
        for c in 0..NL {
            let mut best = NEG;
            let mut arg = 0u8;
            for p in 0..NL {
                let s = score[p] + tm[p][c];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[c] = best + em[i][c];
            back[i][c] = arg;
        }
        score = next;
    }
    let mut last = 0;
    for l in 1..NL {
        if score[l] > score[last] {
            last = l;
        }
    }
    let mut out = vec![0usize; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]] as usize;
    }
    out
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let s = self
            .b
            .get(self.p..self.p + n)
            .ok_or_else(|| Error::Model("model file truncated".into()))?;
        self.p += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn i16(&mut self) -> Result<i16, Error> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_with_inside() {
        // emissions prefer I-PER everywhere; constraints force a B first
        let mut em = vec![[0f32; NL]; 3];
        for e in em.iter_mut() {
            e[2] = 5.0;
            e[1] = 1.0;
        }
        let out = viterbi(&em, &[[0f32; NL]; NL], &[0f32; NL]);
        assert_eq!(out, vec![1, 2, 2]);
    }

    #[test]
    fn round_trip() {
        let mut index = IdMap::default();
        index.insert(7u32, 0u32);
        index.insert(9u32, 1u32);
        let m = Model {
            index,
            weights: vec![[1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 3.0], [0.0; NL]],
            trans: [[0.25; NL]; NL],
            start: [-1.0; NL],
            stats: Default::default(),
        };
        let mut m = m;
        m.stats.clusters.insert(11, 5 | (2 << 16));
        m.stats.map.insert(12, 3);
        let b = m.to_bytes(0.0);
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.weights.len(), 1, "all-zero row pruned");
        let r = m2.index[&7] as usize;
        assert!((m2.weights[r][1] + 2.0).abs() < 1e-3);
        assert_eq!(m2.trans[3][4], 0.25);
        assert_eq!(m2.stats.clusters[&11], 5 | (2 << 16));
        assert_eq!(m2.stats.map[&12], 3);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nope").is_err());
    }
}
