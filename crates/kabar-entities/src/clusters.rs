//! Word clusters learned from unlabelled news, a feature of the tagger.
//!
//! Words that occur in the same contexts ("Jokowi", "Prabowo", "Anies" after "kata" and
//! before "mengatakan") fall into one cluster, so a name the labelled data never showed
//! still gets the weights its cluster earned. Brown clustering (Brown et al. 1992) is the
//! classic choice for NER; this uses the cheaper distributional route with the same
//! effect (Turian et al. 2010 found both worth about the same on NER), written by hand
//! because no maintained crate does either without pulling a linear-algebra stack:
//!
//! 1. every word is described by its neighbours at −2, −1, +1, +2 (the most frequent
//!    context words), weighted by positive pointwise mutual information;
//! 2. that sparse vector is normalised to unit length;
//! 3. spherical k-means gives `fine` clusters, and k-means over their centroids a
//!    `coarse` level above them (the two levels play the role of Brown bit-prefixes).
//!
//! Everything is seeded and iterated in a fixed order: the same text gives the same
//! clusters.

use std::collections::HashMap;

/// Options of [`build`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// At most this many words (the most frequent) are clustered.
    pub max_words: usize,
    /// At most this many context words (the most frequent).
    pub contexts: usize,
    /// Number of fine clusters.
    pub fine: usize,
    /// Number of coarse clusters.
    pub coarse: usize,
    /// k-means iterations.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 3,
            max_words: 60_000,
            contexts: 2_000,
            fine: 256,
            coarse: 32,
            iterations: 12,
        }
    }
}

/// One clustered word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCluster {
    /// The lower-cased word.
    pub word: String,
    /// Fine cluster, `0..fine`.
    pub fine: u16,
    /// Coarse cluster, `0..coarse`.
    pub coarse: u16,
}

/// Lower-cases a token the way the tagger keys words.
pub fn norm(w: &str) -> String {
    w.to_lowercase()
}

/// Clusters the words of `sentences` (tokens as written; they are lower-cased here).
/// The result is sorted by word.
pub fn build(sentences: &[Vec<String>], opts: &ClusterOptions) -> Vec<WordCluster> {
    // 1. vocabulary by frequency
    let mut freq: HashMap<String, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(norm(w)).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&String, u32)> = freq.iter().map(|(w, &c)| (w, c)).collect();
    by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let words: Vec<&String> = by_freq
        .iter()
        .filter(|(_, c)| *c >= opts.min_count)
        .take(opts.max_words)
        .map(|(w, _)| *w)
        .collect();
    let id: HashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i as u32))
        .collect();
    let nctx = opts.contexts.min(words.len()) as u32;
    if words.is_empty() {
        return Vec::new();
    }
    // 2. co-occurrence pairs (word, position, context) packed in a u64, then counted by
    // sorting: less memory than a map of millions of entries
    let mut pairs: Vec<u64> = Vec::new();
    for s in sentences {
        let ids: Vec<Option<u32>> = s
            .iter()
            .map(|w| id.get(norm(w).as_str()).copied())
            .collect();
        for (i, w) in ids.iter().enumerate() {
            let Some(w) = *w else { continue };
            for (p, off) in [-2isize, -1, 1, 2].iter().enumerate() {
                let j = i as isize + off;
                let ctx = if j < 0 || j as usize >= ids.len() {
                    nctx // sentence boundary
                } else {
                    match ids[j as usize] {
                        Some(c) if c < nctx => c,
                        _ => nctx + 1, // rare word
                    }
                };
                pairs.push(((w as u64) << 32) | ((p as u64) << 24) | ctx as u64);
            }
        }
    }
    pairs.sort_unstable();
    let total = pairs.len() as f64;
    let mut wcount = vec![0f64; words.len()];
    let mut ccount = vec![0f64; 4 * (nctx as usize + 2)];
    let mut runs: Vec<(u64, f64)> = Vec::new();
    let mut k = 0;
    while k < pairs.len() {
        let mut e = k + 1;
        while e < pairs.len() && pairs[e] == pairs[k] {
            e += 1;
        }
        let n = (e - k) as f64;
        let key = pairs[k];
        wcount[(key >> 32) as usize] += n;
        ccount[ctx_slot(key, nctx)] += n;
        runs.push((key, n));
        k = e;
    }
    drop(pairs);
    // 3. sparse PPMI vectors, normalised
    let nslots = 4 * (nctx as usize + 2);
    let mut vecs: Vec<Vec<(u32, f32)>> = vec![Vec::new(); words.len()];
    for &(key, n) in &runs {
        let w = (key >> 32) as usize;
        let slot = ctx_slot(key, nctx);
        let pmi = (n * total / (wcount[w] * ccount[slot])).ln();
        if pmi > 0.0 {
            vecs[w].push((slot as u32, pmi as f32));
        }
    }
    drop(runs);
    for v in vecs.iter_mut() {
        let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if n > 0.0 {
            for x in v.iter_mut() {
                x.1 /= n;
            }
        }
    }
    // 4. spherical k-means, then k-means over the fine centroids
    let k = opts.fine.min(words.len());
    let (fine, cents) = kmeans(&vecs, nslots, k, opts.iterations);
    let dense: Vec<Vec<(u32, f32)>> = (0..k)
        .map(|c| {
            (0..nslots)
                .filter_map(|s| {
                    let x = cents[s * k + c];
                    (x != 0.0).then_some((s as u32, x))
                })
                .collect()
        })
        .collect();
    let (coarse, _) = kmeans(&dense, nslots, opts.coarse.min(k), opts.iterations * 2);
    let mut out: Vec<WordCluster> = words
        .iter()
        .enumerate()
        .map(|(i, w)| WordCluster {
            word: (*w).clone(),
            fine: fine[i] as u16,
            coarse: coarse[fine[i] as usize] as u16,
        })
        .collect();
    out.sort_unstable_by(|a, b| a.word.cmp(&b.word));
    out
}

fn ctx_slot(key: u64, nctx: u32) -> usize {
    let p = ((key >> 24) & 0xff) as usize;
    let c = (key & 0xff_ffff) as usize;
    p * (nctx as usize + 2) + c
}

/// SplitMix64's finaliser: a fixed pseudo-random function.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Spherical k-means over sparse unit rows, seeded with evenly spaced rows (rows are
/// frequency-ordered, so seeds spread over frequent and rare words). Centroids are kept
/// slot-major (`cents[slot * k + c]`) so scoring a row adds one contiguous run of `k`
/// weights per non-zero. Returns the cluster of every row and the centroids.
fn kmeans(
    rows: &[Vec<(u32, f32)>],
    nslots: usize,
    k: usize,
    iterations: usize,
) -> (Vec<u32>, Vec<f32>) {
    let mut assign: Vec<u32> = vec![0; rows.len()];
    if k == 0 {
        return (assign, Vec::new());
    }
    // seeds: row j of cluster c
    let mut cents = vec![0f32; nslots * k];
    for c in 0..k {
        let j = (c * rows.len() / k + (mix(c as u64) % 3) as usize).min(rows.len() - 1);
        for &(s, x) in &rows[j] {
            cents[s as usize * k + c] = x;
        }
    }
    let mut scores = vec![0f32; k];
    for _ in 0..iterations {
        let mut moved = 0;
        for (r, a) in rows.iter().zip(assign.iter_mut()) {
            scores.iter_mut().for_each(|x| *x = 0.0);
            for &(s, x) in r {
                let row = &cents[s as usize * k..s as usize * k + k];
                for (y, c) in scores.iter_mut().zip(row) {
                    *y += x * c;
                }
            }
            let mut best = (f32::NEG_INFINITY, 0u32);
            for (c, &y) in scores.iter().enumerate() {
                if y > best.0 {
                    best = (y, c as u32);
                }
            }
            if *a != best.1 {
                moved += 1;
            }
            *a = best.1;
        }
        // new centroids: normalised sums
        cents.iter_mut().for_each(|x| *x = 0.0);
        for (r, &a) in rows.iter().zip(&assign) {
            for &(s, x) in r {
                cents[s as usize * k + a as usize] += x;
            }
        }
        let mut norms = vec![0f32; k];
        for s in 0..nslots {
            for c in 0..k {
                norms[c] += cents[s * k + c] * cents[s * k + c];
            }
        }
        for s in 0..nslots {
            for c in 0..k {
                if norms[c] > 0.0 {
                    cents[s * k + c] /= norms[c].sqrt();
                }
            }
        }
        if moved == 0 {
            break;
        }
    }
    (assign, cents)
}

/// Writes clusters as `word<TAB>fine<TAB>coarse` lines.
pub fn to_tsv(clusters: &[WordCluster]) -> String {
    let mut s = String::new();
    for c in clusters {
        s.push_str(&format!("{}\t{}\t{}\n", c.word, c.fine, c.coarse));
    }
    s
}

/// Reads `word<TAB>fine<TAB>coarse` lines; `name` names the source in errors.
pub fn from_tsv(text: &str, name: &str) -> Result<Vec<WordCluster>, crate::Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let bad = || crate::Error::Data(format!("{name}:{}: expected word, fine, coarse", n + 1));
        let mut it = line.split('\t');
        let word = it.next().ok_or_else(bad)?;
        let fine = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
        let coarse = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
        out.push(WordCluster {
            word: word.to_string(),
            fine,
            coarse,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        let names = ["budi", "ani", "joko", "sri"];
        let things = ["meja", "kursi", "pintu", "lemari"];
        for (i, n) in names.iter().enumerate() {
            for (j, t) in things.iter().enumerate() {
                for _ in 0..3 {
                    sents.push(
                        format!("kata {n} kepada wartawan di kantor {}", names[(i + j) % 4])
                            .split(' ')
                            .map(String::from)
                            .collect(),
                    );
                    sents.push(
                        format!("sebuah {t} besar dibeli kemarin oleh {n}")
                            .split(' ')
                            .map(String::from)
                            .collect(),
                    );
                }
            }
        }
        let opts = ClusterOptions {
            fine: 4,
            coarse: 2,
            ..Default::default()
        };
        let cl = build(&sents, &opts);
        let of = |w: &str| cl.iter().find(|c| c.word == w).unwrap().fine;
        assert_eq!(of("meja"), of("lemari"));
        assert_eq!(of("kursi"), of("pintu"));
        assert_ne!(of("meja"), of("kepada"));
        let again = build(&sents, &opts);
        assert_eq!(cl, again, "deterministic");
        let back = from_tsv(&to_tsv(&cl), "t").unwrap();
        assert_eq!(back, cl);
        assert!(from_tsv("x\t1\n", "t").is_err());
    }
}
