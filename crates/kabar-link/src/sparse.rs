//! Sparse vectors as key-sorted `(key, weight)` lists.
//!
//! Sorted lists (not hash maps) so that sums run in one fixed order: the same state gives
//! bit-identical scores before and after a save/load round trip.

/// A sparse vector sorted by key, keys unique.
pub(crate) type Sparse = Vec<(u64, f32)>;

/// Builds a sorted sparse vector from unsorted `(key, weight)` pairs, summing repeats.
pub(crate) fn from_pairs(mut pairs: Vec<(u64, f32)>) -> Sparse {
    pairs.sort_unstable_by_key(|p| p.0);
    let mut out: Sparse = Vec::with_capacity(pairs.len());
    for (k, w) in pairs {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => out.push((k, w)),
        }
    }
    out
}

/// `a += b` (both sorted).
pub(crate) fn add_into(a: &mut Sparse, b: &[(u64, f32)]) {
    let mut out: Sparse = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].0 < b[j].0 {
            out.push(a[i]);
            i += 1;
        } else if a[i].0 > b[j].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    *a = out;
}

/// Keeps the `keep` entries with the highest `score(key, weight)` (ties by key), sorted by
/// key again.
pub(crate) fn prune(a: &mut Sparse, keep: usize, score: impl Fn(u64, f32) -> f32) {
    if a.len() <= keep {
        return;
    }
    let mut scored: Vec<(f32, u64, f32)> = a.iter().map(|&(k, w)| (score(k, w), k, w)).collect();
    scored.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    scored.truncate(keep);
    *a = from_pairs(scored.into_iter().map(|(_, k, w)| (k, w)).collect());
}

/// Cosine of `a` and `b` where every entry is scaled by `idf(key)` (the reference the
/// cached [`Weighted::cosine`] is tested against).
#[cfg(test)]
pub(crate) fn cosine_idf(a: &[(u64, f32)], b: &[(u64, f32)], idf: impl Fn(u64) -> f32) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0f64, 0f64, 0f64);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            let w = f64::from(a[i].1 * idf(a[i].0));
            na += w * w;
            i += 1;
        } else if i >= a.len() || a[i].0 > b[j].0 {
            let w = f64::from(b[j].1 * idf(b[j].0));
            nb += w * w;
            j += 1;
        } else {
            let f = f64::from(idf(a[i].0));
            let (x, y) = (f64::from(a[i].1) * f, f64::from(b[j].1) * f);
            dot += x * y;
            na += x * x;
            nb += y * y;
            i += 1;
            j += 1;
        }
    }
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    (dot / (na.sqrt() * nb.sqrt())) as f32
}

/// An article-side vector with IDF applied once: `(key, weight·idf, idf)` sorted by key,
/// and its norm. Scoring against many profiles then needs no IDF look-ups except for
/// the profile norms, which are cached on the profiles.
pub(crate) struct Weighted {
    pub v: Vec<(u64, f32, f32)>,
    pub norm: f32,
}

impl Weighted {
    pub fn new(a: &[(u64, f32)], idf: impl Fn(u64) -> f32) -> Self {
        let v: Vec<(u64, f32, f32)> = a
            .iter()
            .map(|&(k, w)| {
                let f = idf(k);
                (k, w * f, f)
            })
            .collect();
        let norm = v
            .iter()
            .map(|x| f64::from(x.1) * f64::from(x.1))
            .sum::<f64>()
            .sqrt() as f32;
        Weighted { v, norm }
    }

    pub fn is_empty(&self) -> bool {
        self.v.is_empty()
    }

    /// Cosine with profile `b` (raw weights) whose IDF-weighted norm is `b_norm`.
    pub fn cosine(&self, b: &[(u64, f32)], b_norm: f32) -> f32 {
        if self.norm <= 0.0 || b_norm <= 0.0 {
            return 0.0;
        }
        self.cosine_of(self.dot(b), b_norm)
    }

    /// [`Weighted::cosine`] from a dot product of [`Weighted::dot`]: a caller that finds
    /// the dot product zero (no shared key) knows the cosine is 0 without `b_norm`.
    pub fn cosine_of(&self, dot: f64, b_norm: f32) -> f32 {
        if self.norm <= 0.0 || b_norm <= 0.0 {
            return 0.0;
        }
        ((dot / (f64::from(self.norm) * f64::from(b_norm))) as f32).min(1.0)
    }

    /// Dot product with profile `b` (raw weights), the article's IDF applied to both.
    pub fn dot(&self, b: &[(u64, f32)]) -> f64 {
        let (mut i, mut j) = (0, 0);
        let mut dot = 0f64;
        while i < self.v.len() && j < b.len() {
            let (ka, kb) = (self.v[i].0, b[j].0);
            if ka < kb {
                i += 1;
            } else if ka > kb {
                j += 1;
            } else {
                dot += f64::from(self.v[i].1) * f64::from(b[j].1 * self.v[i].2);
                i += 1;
                j += 1;
            }
        }
        dot
    }
}

/// IDF-weighted norm of a profile.
pub(crate) fn norm_idf(a: &[(u64, f32)], mut idf: impl FnMut(u64) -> f32) -> f32 {
    a.iter()
        .map(|&(k, w)| {
            let x = f64::from(w * idf(k));
            x * x
        })
        .sum::<f64>()
        .sqrt() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_prune_cosine() {
        let mut a = from_pairs(vec![(3, 1.0), (1, 2.0), (3, 1.0)]);
        assert_eq!(a, vec![(1, 2.0), (3, 2.0)]);
        add_into(&mut a, &[(2, 5.0), (3, 1.0)]);
        assert_eq!(a, vec![(1, 2.0), (2, 5.0), (3, 3.0)]);
        let c = cosine_idf(&a, &a, |_| 2.0);
        assert!((c - 1.0).abs() < 1e-5);
        assert_eq!(cosine_idf(&a, &[(9, 1.0)], |_| 1.0), 0.0);
        let b = from_pairs(vec![(2, 1.0), (3, 4.0), (7, 2.0)]);
        let idf = |k: u64| 1.0 + k as f32 / 3.0;
        let w = Weighted::new(&a, idf);
        let fast = w.cosine(&b, norm_idf(&b, idf));
        assert!((fast - cosine_idf(&a, &b, idf)).abs() < 1e-5, "{fast}");
        prune(&mut a, 2, |_, w| w);
        assert_eq!(a, vec![(2, 5.0), (3, 3.0)]);
    }
}
