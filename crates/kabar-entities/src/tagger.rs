//! The NER tagger: features → averaged perceptron → constrained Viterbi → BIO over
//! PER/ORG/GPE/LOC.

use crate::features::{features, token_infos};
use crate::lexicon::{fold, Lexicon};
use crate::model::{FlatTable, Model, NL};
use crate::Error;
use kabar_core::EntityType;
use std::io::{BufRead, Write};

/// The weights trained by `kabar-train-ner` (see data/README.md).
static MODEL_BYTES: &[u8] = include_bytes!("../data/ner-model.bin");

/// Longest run of tokens tagged as one sentence by [`Tagger::tag_conll`] when the input
/// has no blank lines; longer runs are tagged in pieces.
const MAX_SENTENCE: usize = 2000;

/// First words of a place name that make it a geographic feature (LOC) rather than a
/// political unit (GPE).
const LOC_HEADS: &[&str] = &[
    "gunung",
    "pegunungan",
    "sungai",
    "kali",
    "danau",
    "laut",
    "selat",
    "teluk",
    "pantai",
    "pulau",
    "kepulauan",
    "samudra",
    "samudera",
    "semenanjung",
    "tanjung",
    "bukit",
    "lembah",
    "gua",
    "goa",
    "air",
    "jalan",
    "jl",
    "jln",
    "gang",
    "bandara",
    "bandar",
    "pelabuhan",
    "stasiun",
    "terminal",
    "masjid",
    "gereja",
    "pura",
    "candi",
    "klenteng",
    "vihara",
    "taman",
    "hutan",
    "sd",
    "smp",
    "sma",
    "smk",
    "mts",
    "ma",
    "sekolah",
    "kampus",
    "universitas",
    "rumah",
    "rs",
    "rsud",
    "gedung",
    "istana",
    "stadion",
    "museum",
    "monumen",
    "hotel",
    "mal",
    "pasar",
    "alun",
    "lapangan",
    "jembatan",
    "tol",
    "bendungan",
    "waduk",
    "kawah",
    "mount",
    "mt",
    "river",
    "lake",
    "sea",
    "strait",
    "gulf",
    "bay",
    "ocean",
    "island",
    "islands",
    "peninsula",
    "street",
    "road",
    "avenue",
    "airport",
    "station",
    "port",
    "palace",
    "hall",
    "square",
    "bridge",
    "valley",
    "desert",
    "cape",
];

/// Decides GPE or LOC for a place span.
pub(crate) fn place_type(tokens: &[&str], lex: &Lexicon) -> EntityType {
    let joined = tokens.join(" ");
    if let Some(e) = lex.lookup(&joined) {
        if matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
            return e.kind;
        }
    }
    let first = tokens.first().map(|t| fold(t)).unwrap_or_default();
    let first = first.split(' ').next().unwrap_or("");
    if LOC_HEADS.contains(&first) {
        EntityType::Loc
    } else {
        EntityType::Gpe
    }
}

/// The statistical NER tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    table: FlatTable,
    features: usize,
    lex: &'static Lexicon,
}

impl Tagger {
    /// The tagger with the embedded weights (data/ner-model.bin).
    pub fn load_default() -> Result<Tagger, Error> {
        Tagger::from_bytes(MODEL_BYTES)
    }

    /// A tagger from model bytes in the format `kabar-train-ner` writes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        Ok(Tagger::from_model(Model::from_bytes(bytes)?))
    }

    /// A tagger from an in-memory model (used by training and evaluation).
    pub fn from_model(mut model: Model) -> Tagger {
        let table = FlatTable::new(&model);
        let features = model.weights.len();
        // the table holds the weights now; keep only the transitions
        model.weights = Vec::new();
        model.index = Default::default();
        Tagger {
            table,
            features,
            model,
            lex: Lexicon::embedded(),
        }
    }

    /// Number of weighted features in the model.
    pub fn feature_count(&self) -> usize {
        self.features
    }

    /// Internal label indices (see [`crate::model::LABELS`]) of one sentence.
    pub fn tag_indices(&self, tokens: &[&str]) -> Vec<usize> {
        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
        self.tag_indices_folded(tokens, &folded)
    }

    /// [`Tagger::tag_indices`] with the tokens already folded ([`fold`]).
    fn tag_indices_folded(&self, tokens: &[&str], folded: &[String]) -> Vec<usize> {
        if tokens.is_empty() || folded.len() != tokens.len() {
            return vec![0; tokens.len()];
        }
        let infos = token_infos(tokens, folded, self.lex, &self.model.stats);
        let mut em: Vec<[f32; NL]> = Vec::with_capacity(tokens.len());
        let mut buf = Vec::with_capacity(64);
        for i in 0..tokens.len() {
            buf.clear();
            features(tokens, &infos, i, &mut buf);
            let mut e = [0f32; NL];
            self.table.accumulate(&buf, &mut e);
            em.push(e);
        }
        self.model.viterbi(&em)
    }

    /// Entity spans of one sentence: `(first token, end token exclusive, type)`.
    pub fn spans(&self, tokens: &[&str]) -> Vec<(usize, usize, EntityType)> {
        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
        self.spans_folded(tokens, &folded)
    }

    /// [`Tagger::spans`] with the tokens already folded ([`fold`]).
    pub fn spans_folded(
        &self,
        tokens: &[&str],
        folded: &[String],
    ) -> Vec<(usize, usize, EntityType)> {
        let labels = self.tag_indices_folded(tokens, folded);
        let mut out = Vec::new();
        let mut i = 0;
        while i < labels.len() {
            let l = labels[i];
            if l == 0 || l & 1 == 0 {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < labels.len() && labels[e] == l + 1 {
                e += 1;
            }
            let mut s = i;
            if l == 1 {
                // honorifics are not part of the name: "Pak Daeng Soetigna", "Drs Sabarani"
                while e - s > 1 && crate::features::is_honorific(&tokens[s].to_lowercase()) {
                    s += 1;
                }
            }
            let kind = match l {
                1 => EntityType::Per,
                3 => EntityType::Org,
                _ => place_type(&tokens[s..e], self.lex),
            };
            out.push((s, e, kind));
            i = e;
        }
        out
    }

    /// BIO tags over PER/ORG/GPE/LOC ("B-PER", "I-GPE", "O"), one per token.
    pub fn tag(&self, tokens: &[&str]) -> Vec<String> {
        let mut out = vec!["O".to_string(); tokens.len()];
        for (s, e, kind) in self.spans(tokens) {
            for (k, slot) in out.iter_mut().enumerate().take(e).skip(s) {
                *slot = format!("{}-{}", if k == s { "B" } else { "I" }, kind.label());
            }
        }
        out
    }

    /// Reads CoNLL (token in the first column, other columns ignored, a blank line between
    /// sentences) and writes every line back with one more tab-separated column, the
    /// predicted tag. Blank (or white-space-only) lines are written back unchanged and end
    /// a sentence; `-DOCSTART-` lines and comment lines (`# …` without a tab) get the tag
    /// `O` and also end a sentence. Tokens are never re-tokenised; the output has exactly
    /// the input's lines, in order, with the input's line endings (a last line without a
    /// newline stays without one). Bytes that are not UTF-8 are read lossily for tagging and
    /// written back as they were.
    pub fn tag_conll<R: BufRead, W: Write>(
        &self,
        mut input: R,
        mut output: W,
    ) -> std::io::Result<()> {
        let mut pending: Vec<Vec<u8>> = Vec::new();
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = input.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            let (body, ending) = split_ending(&line);
            let text = String::from_utf8_lossy(body);
            let kind = classify(&text);
            match kind {
                LineKind::Token => {
                    pending.push(line.clone());
                    if pending.len() >= MAX_SENTENCE {
                        self.flush(&mut pending, &mut output)?;
                    }
                }
                LineKind::Blank => {
                    self.flush(&mut pending, &mut output)?;
                    output.write_all(&line)?;
                }
                LineKind::Other => {
                    self.flush(&mut pending, &mut output)?;
                    output.write_all(body)?;
                    output.write_all(b"\tO")?;
                    output.write_all(ending)?;
                }
            }
        }
        self.flush(&mut pending, &mut output)?;
        output.flush()
    }

    fn flush<W: Write>(&self, pending: &mut Vec<Vec<u8>>, out: &mut W) -> std::io::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let texts: Vec<String> = pending
            .iter()
            .map(|l| String::from_utf8_lossy(split_ending(l).0).into_owned())
            .collect();
        let toks: Vec<&str> = texts.iter().map(|t| first_column(t)).collect();
        let tags = self.tag(&toks);
        for (l, tag) in pending.iter().zip(&tags) {
            let (body, ending) = split_ending(l);
            out.write_all(body)?;
            out.write_all(b"\t")?;
            out.write_all(tag.as_bytes())?;
            out.write_all(ending)?;
        }
        pending.clear();
        Ok(())
    }
}

enum LineKind {
    Token,
    Blank,
    Other,
}

fn classify(text: &str) -> LineKind {
    if text.trim().is_empty() {
        LineKind::Blank
    } else if text.starts_with("-DOCSTART-") || (text.starts_with("# ") && !text.contains('\t')) {
        LineKind::Other
    } else {
        LineKind::Token
    }
}

/// The token of a CoNLL line: the first tab-separated column when the line has a tab,
/// else the first white-space-separated one.
fn first_column(line: &str) -> &str {
    if line.contains('\t') {
        line.split('\t').next().unwrap_or("").trim()
    } else {
        line.split_whitespace().next().unwrap_or("")
    }
}

fn split_ending(line: &[u8]) -> (&[u8], &[u8]) {
    if line.ends_with(b"\r\n") {
        line.split_at(line.len() - 2)
    } else if line.ends_with(b"\n") {
        line.split_at(line.len() - 1)
    } else {
        (line, &[])
    }
}
