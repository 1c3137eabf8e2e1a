//! Training the tagger: CoNLL reading, label mapping and the averaged structured
//! perceptron (used by the `kabar-train-ner` binary).

use crate::features::{context_features, sentence_infos, word_info, TokenInfo, WordStats};
use crate::lexicon::Lexicon;
use crate::model::{viterbi, IdMap, Model, LABELS, NL};
use std::io::BufRead;

/// One labelled sentence (internal label indices, see [`LABELS`]).
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Tokens.
    pub tokens: Vec<String>,
    /// Label index per token.
    pub labels: Vec<u8>,
}

/// Maps a dataset's entity type onto the tagger's: PER, ORG or PLACE (None: not an entity
/// for Kabar, e.g. IndoLEM's TIME and QUANTITY).
pub fn map_type(t: &str) -> Option<&'static str> {
    match t.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" | "PPL" => Some("PER"),
        "ORG" | "ORGANISATION" | "ORGANIZATION" | "IND" => Some("ORG"),
        "LOC" | "LOCATION" | "PLACE" | "PLC" | "GPE" => Some("PLACE"),
        _ => None,
    }
}

/// Internal label index of a dataset tag (`B-PERSON`, `I-PLACE`, `O`…). An `I-` that does
/// not continue an entity of its type becomes `B-` (as conlleval reads it).
pub fn map_tag(tag: &str, prev: u8) -> u8 {
    let (bio, ty) = match tag.split_once('-') {
        Some((b, t)) if b == "B" || b == "I" => (b, t),
        _ => return 0,
    };
    let Some(t) = map_type(ty) else { return 0 };
    let base = match t {
        "PER" => 1,
        "ORG" => 3,
        _ => 5,
    };
    if bio == "I" && (prev == base || prev == base + 1) {
        base + 1
    } else {
        base
    }
}

/// Reads a CoNLL file: token in the first column, tag in the last; blank lines end
/// sentences; `-DOCSTART-` lines are skipped. Universal NER's `index token tag - annotator`
/// lines (the first column a number, the third a tag) and its `# ` comment lines are read
/// too.
pub fn read_conll<R: BufRead>(r: R) -> std::io::Result<Vec<Sentence>> {
    Ok(read_conll_docs(r)?.into_iter().flatten().collect())
}

/// [`read_conll`] grouped into documents: a `-DOCSTART-` line or a `# newdoc` comment
/// starts a new one.
pub fn read_conll_docs<R: BufRead>(r: R) -> std::io::Result<Vec<Vec<Sentence>>> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut cur = Sentence::default();
    for line in r.lines() {
        let line = line?;
        let new_doc = line.starts_with("-DOCSTART-") || line.starts_with("# newdoc");
        if line.starts_with("# ") || new_doc {
            if !cur.tokens.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push(std::mem::take(&mut cur));
                }
            }
            if new_doc && docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.is_empty() {
            if !cur.tokens.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push(std::mem::take(&mut cur));
                }
            }
            continue;
        }
        let uner = cols.len() >= 3
            && cols[0].bytes().all(|b| b.is_ascii_digit())
            && (cols[2] == "O" || cols[2].starts_with("B-") || cols[2].starts_with("I-"));
        let (tok, tag) = if uner {
            (cols[1], cols[2])
        } else if cols.len() > 1 {
            (cols[0], cols[cols.len() - 1])
        } else {
            (cols[0], "O")
        };
        let prev = cur.labels.last().copied().unwrap_or(0);
        cur.tokens.push(tok.to_string());
        cur.labels.push(map_tag(tag, prev));
    }
    if !cur.tokens.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.push(cur);
        }
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// The English NER data of `shared` (`ner-en/uner-en-ewt-dev.iob2`,
/// `ner-en/wikigold.conll.txt`) split by document: in each file every fifth document
/// (the 5th, 10th, …) is held out for evaluation. Returns (train, held-out).
pub fn english_split(shared: &std::path::Path) -> std::io::Result<(Vec<Sentence>, Vec<Sentence>)> {
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for f in ENGLISH_FILES {
        let p = shared.join(f);
        let file = std::fs::File::open(&p)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
        for (i, doc) in read_conll_docs(std::io::BufReader::new(file))?
            .into_iter()
            .enumerate()
        {
            if i % 5 == 4 {
                held.extend(doc);
            } else {
                train.extend(doc);
            }
        }
    }
    Ok((train, held))
}

/// The Indonesian NER training files under `shared/data` (NERGrit and idner-news train;
/// IndoLEM's files state no licence and are not used).
pub const INDONESIAN_TRAIN: [&str; 2] = ["ner-id/nergrit/train.txt", "ner-id/idner-news/train.txt"];

/// The Indonesian development sets under `shared/data` (never trained on).
pub const INDONESIAN_DEV: [&str; 2] = ["ner-id/nergrit/valid.txt", "ner-id/idner-news/dev.txt"];

fn read_file(p: &std::path::Path) -> Result<Vec<Sentence>, crate::Error> {
    let file =
        std::fs::File::open(p).map_err(|e| crate::Error::Data(format!("{}: {e}", p.display())))?;
    read_conll(std::io::BufReader::new(file))
        .map_err(|e| crate::Error::Data(format!("{}: {e}", p.display())))
}

/// The labelled training sentences of language `lang` ("id" or "en") under `shared`.
pub fn labelled_train(shared: &std::path::Path, lang: &str) -> Result<Vec<Sentence>, crate::Error> {
    match lang {
        "id" => {
            let mut out = Vec::new();
            for f in INDONESIAN_TRAIN {
                out.extend(read_file(&shared.join(f))?);
            }
            Ok(out)
        }
        "en" => Ok(english_split(shared)?.0),
        _ => Err(crate::Error::Data(format!(
            "language {lang}: expected id or en"
        ))),
    }
}

/// The labelled evaluation sets of language `lang` under `shared`, by name.
pub fn labelled_eval(
    shared: &std::path::Path,
    lang: &str,
) -> Result<Vec<(String, Vec<Sentence>)>, crate::Error> {
    match lang {
        "id" => INDONESIAN_DEV
            .iter()
            .map(|f| Ok((f.to_string(), read_file(&shared.join(f))?)))
            .collect(),
        "en" => Ok(vec![(
            "ner-en held-out (every 5th document)".to_string(),
            english_split(shared)?.1,
        )]),
        _ => Err(crate::Error::Data(format!(
            "language {lang}: expected id or en"
        ))),
    }
}

/// The English NER files under `shared/data` that [`english_split`] reads.
pub const ENGLISH_FILES: [&str; 2] = ["ner-en/uner-en-ewt-dev.iob2", "ner-en/wikigold.conll.txt"];

/// Training options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this are not given weights.
    pub min_count: u32,
    /// Seed of the shuffling.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 20,
            min_count: 1,
            seed: 7,
        }
    }
}

/// Trains an averaged structured perceptron. `progress` is called after each epoch with
/// the epoch number and the token accuracy of that pass.
pub fn train(
    data: &[Sentence],
    lex: &Lexicon,
    stats: WordStats,
    opts: &Options,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    // 1. features of every token, as indices into the weight table
    let mut counts: IdMap<u64, u32> = IdMap::default();
    let mut hashed: Vec<Vec<Vec<u64>>> = Vec::with_capacity(data.len());
    let mut buf = Vec::with_capacity(64);
    for s in data {
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
        let folded: Vec<String> = toks.iter().map(|t| crate::lexicon::fold(t)).collect();
        let mut infos = Vec::with_capacity(toks.len());
        let mut sent = Vec::with_capacity(toks.len());
        for t in &toks {
            buf.clear();
            let w = word_info(t, &stats, &mut buf);
            infos.push(TokenInfo {
                w,
                gaz: 0,
                title_end: false,
            });
            sent.push(buf.clone());
        }
        sentence_infos(&toks, &folded, lex, &mut infos);
        for (i, fs) in sent.iter_mut().enumerate() {
            context_features(&infos, i, fs);
            for &f in fs.iter() {
                *counts.entry(f).or_insert(0) += 1;
            }
        }
        hashed.push(sent);
    }
    let mut index: IdMap<u64, u32> = IdMap::default();
    for (&f, &c) in &counts {
        if c >= opts.min_count {
            let n = index.len() as u32;
            index.insert(f, n);
        }
    }
    drop(counts);
    let feats: Vec<Vec<Vec<u32>>> = hashed
        .into_iter()
        .map(|s| {
            s.into_iter()
                .map(|fs| fs.iter().filter_map(|f| index.get(f).copied()).collect())
                .collect()
        })
        .collect();
    let nf = index.len();

    // 2. perceptron with averaging by the "w - u/c" trick (Daumé 2006)
    let mut w = vec![[0f32; NL]; nf];
    let mut u = vec![[0f32; NL]; nf];
    let mut tw = [[0f32; NL]; NL];
    let mut tu = [[0f32; NL]; NL];
    let mut sw = [0f32; NL];
    let mut su = [0f32; NL];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = opts.seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    let mut em: Vec<[f32; NL]> = Vec::new();
    for epoch in 1..=opts.epochs {
        // Fisher–Yates with an LCG: reproducible without a dependency
        for i in (1..order.len()).rev() {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let j = ((rng >> 33) as usize) % (i + 1);
            order.swap(i, j);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &data[si];
            let fs = &feats[si];
            em.clear();
            for tf in fs {
                let mut e = [0f32; NL];
                for &f in tf {
                    let row = &w[f as usize];
                    for l in 0..NL {
                        e[l] += row[l];
                    }
                }
                em.push(e);
            }
            let pred = viterbi(&em, &tw, &sw);
            let gold: Vec<usize> = s.labels.iter().map(|&l| l as usize).collect();
            total += gold.len();
            right += pred.iter().zip(&gold).filter(|(a, b)| a == b).count();
            if pred != gold {
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &f in &fs[i] {
                            let f = f as usize;
                            w[f][g] += 1.0;
                            w[f][p] -= 1.0;
                            u[f][g] += c;
                            u[f][p] -= c;
                        }
                    }
                    let (gp, pp) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(gold[i - 1]), Some(pred[i - 1]))
                    };
                    if gp != pp || g != p {
                        match gp {
                            None => {
                                sw[g] += 1.0;
                                su[g] += c;
                            }
                            Some(q) => {
                                tw[q][g] += 1.0;
                                tu[q][g] += c;
                            }
                        }
                        match pp {
                            None => {
                                sw[p] -= 1.0;
                                su[p] -= c;
                            }
                            Some(q) => {
                                tw[q][p] -= 1.0;
                                tu[q][p] -= c;
                            }
                        }
                    }
                }
            }
            c += 1.0;
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    // 3. averaged weights
    let weights: Vec<[f32; NL]> = w
        .iter()
        .zip(&u)
        .map(|(a, b)| {
            let mut r = [0f32; NL];
            for l in 0..NL {
                r[l] = a[l] - b[l] / c;
            }
            r
        })
        .collect();
    let mut trans = [[0f32; NL]; NL];
    for p in 0..NL {
        for l in 0..NL {
            trans[p][l] = tw[p][l] - tu[p][l] / c;
        }
    }
    let mut start = [0f32; NL];
    for l in 0..NL {
        start[l] = sw[l] - su[l] / c;
    }
    let index32 = index
        .into_iter()
        .map(|(k, v)| (crate::model::key32(k), v))
        .collect();
    Model {
        index: index32,
        weights,
        trans,
        start,
        stats,
    }
}

/// Counts, over unlabelled text, how often each word is capitalised when it does not
/// start a sentence; words seen fewer than `min` times are left out.
pub fn word_stats<'a>(texts: impl Iterator<Item = &'a str>, min: u32) -> WordStats {
    let mut counts: std::collections::HashMap<String, (u32, u32)> = Default::default();
    for text in texts {
        let toks = kabar_text::tokenize(text);
        let mut prev_end: Option<&str> = None;
        for t in &toks {
            let w = t.span.slice(text);
            if t.kind == kabar_core::TokenKind::Word && w.chars().any(|c| c.is_alphabetic()) {
                // skip sentence starts and words after openers, where capitals say nothing
                let initial = match prev_end {
                    None => true,
                    Some(p) => matches!(p, "." | "!" | "?" | "\"" | "“" | "(" | ":" | "-" | "—"),
                };
                if !initial {
                    let c = counts.entry(w.to_lowercase()).or_insert((0, 0));
                    if w.chars().next().is_some_and(|c| c.is_uppercase()) {
                        c.0 += 1;
                    }
                    c.1 += 1;
                }
            }
            prev_end = Some(w);
        }
    }
    let mut stats = WordStats::default();
    for (w, (cap, total)) in counts {
        if total >= min {
            stats
                .map
                .insert(WordStats::key(&w), WordStats::class(cap, total));
        }
    }
    stats
}

/// Averages models (trained with different shuffles): a cheap ensemble that smooths the
/// perceptron's dependence on example order.
pub fn average(models: Vec<Model>) -> Option<Model> {
    let n = models.len() as f32;
    let mut it = models.into_iter();
    let mut acc = it.next()?;
    for m in it {
        for (k, r) in &m.index {
            let w = m.weights[*r as usize];
            match acc.index.get(k) {
                Some(&ar) => {
                    for (a, b) in acc.weights[ar as usize].iter_mut().zip(&w) {
                        *a += b;
                    }
                }
                None => {
                    acc.index.insert(*k, acc.weights.len() as u32);
                    acc.weights.push(w);
                }
            }
        }
        for p in 0..NL {
            for l in 0..NL {
                acc.trans[p][l] += m.trans[p][l];
            }
            acc.start[p] += m.start[p];
        }
    }
    for w in acc.weights.iter_mut() {
        for x in w.iter_mut() {
            *x /= n;
        }
    }
    for p in 0..NL {
        for l in 0..NL {
            acc.trans[p][l] /= n;
        }
        acc.start[p] /= n;
    }
    Some(acc)
}

/// The label names, for reports.
pub fn label_name(l: u8) -> &'static str {
    LABELS.get(l as usize).copied().unwrap_or("O")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_dataset_tags() {
        assert_eq!(label_name(map_tag("B-PERSON", 0)), "B-PER");
        assert_eq!(label_name(map_tag("I-PERSON", 1)), "I-PER");
        // I- without a B- before it starts an entity
        assert_eq!(label_name(map_tag("I-ORGANISATION", 0)), "B-ORG");
        assert_eq!(label_name(map_tag("B-LOCATION", 0)), "B-PLACE");
        assert_eq!(label_name(map_tag("B-TIME", 0)), "O");
        assert_eq!(label_name(map_tag("O", 3)), "O");
    }

    #[test]
    fn reads_universal_ner_and_documents() {
        let text = "# newdoc id = a\n# sent_id = a-1\n# text = Obama spoke\n1\tObama\tB-PER\t-\t-\n2\tspoke\tO\t-\t-\n\n# newdoc id = b\n1\tIn\tO\t-\t-\n2\tParis\tB-LOC\t-\t-\n\n";
        let docs = read_conll_docs(text.as_bytes()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].tokens, ["Obama", "spoke"]);
        assert_eq!(docs[0][0].labels, [1, 0]);
        assert_eq!(docs[1][0].labels, [0, 5]);
        // IOB1 (wikigold): I- opens an entity, MISC is not one
        let s = read_conll("-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nEnglish I-MISC\n".as_bytes())
            .unwrap();
        assert_eq!(s[0].labels, [1, 2, 0]);
    }

    #[test]
    fn reads_conll_with_both_separators() {
        let text = "-DOCSTART- O\n\nAnis PROPN B-PER\nkata NOUN O\n\n\nDi\tO\nPPP\tB-ORG\n";
        let s = read_conll(text.as_bytes()).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Anis", "kata"]);
        assert_eq!(s[1].labels, [0, 3]);
    }
}
