//! The NER tagger: features → averaged perceptron → constrained Viterbi → BIO over
//! PER/ORG/GPE/LOC.

use crate::features::{
    context_features, sentence_infos, word_hash, word_info, TokenInfo, WordInfo,
};
use crate::lexicon::{fold, Lexicon};
use crate::model::{FlatTable, IdMap, Model, NL};
use crate::Error;
use kabar_core::{EntityType, Lang};
use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The Indonesian weights trained by `kabar-train-ner` (see data/README.md).
static MODEL_BYTES: &[u8] = include_bytes!("../data/ner-model.bin");

/// The English weights trained by `kabar-train-ner --lang en` (see data/README.md).
static MODEL_EN_BYTES: &[u8] = include_bytes!("../data/ner-model-en.bin");

/// Longest run of tokens tagged as one sentence by [`Tagger::tag_conll`] when the input
/// has no blank lines; longer runs are tagged in pieces.
const MAX_SENTENCE: usize = 2000;

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
    // first words of LOC names: data/lang/id/place_heads.txt, read once
    if crate::words::Words::embedded().place_heads.contains(first) {
        EntityType::Loc
    } else {
        EntityType::Gpe
    }
}

/// One trained model, ready for tagging.
#[derive(Debug, Clone)]
struct Loaded {
    model: Model,
    table: FlatTable,
    features: usize,
    /// Distinguishes this model's entries in the per-thread word cache.
    uid: u64,
}

impl Loaded {
    fn new(mut model: Model) -> Loaded {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let table = FlatTable::new(&model);
        let features = model.weights.len();
        // the table holds the weights now; keep only the transitions and word statistics
        model.weights = Vec::new();
        model.index = Default::default();
        Loaded {
            table,
            features,
            model,
            uid: NEXT
                .fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15),
        }
    }
}

/// What the tagger keeps of a distinct token: its ids and the summed weights of its
/// word-local features.
#[derive(Debug, Clone, Copy)]
struct Cached {
    info: WordInfo,
    local: [f32; NL],
}

/// Weight of the Indonesian model's scores in English text (see
/// `Tagger::tag_indices_folded`); chosen on the English held-out part, see docs/entities.md.
const ID_WEIGHT_IN_EN: f32 = 0.5;

/// Entries of the per-thread word cache before it is emptied (~8 MB).
const CACHE_CAP: usize = 1 << 17;

thread_local! {
    /// Per thread, keyed by the token's hash mixed with the model's uid: news repeats its
    /// words, so most tokens skip lower-casing, affixes, shape and ~20 weight lookups.
    static CACHE: RefCell<IdMap<u64, Cached>> = RefCell::new(IdMap::default());
}

/// The statistical NER tagger: an Indonesian model and, when loaded, an English one,
/// chosen per call by the text's language ([`Tagger::spans_folded_lang`]).
#[derive(Debug, Clone)]
pub struct Tagger {
    id: Arc<Loaded>,
    en: Option<Arc<Loaded>>,
    lex: &'static Lexicon,
}

impl Tagger {
    /// The tagger with the embedded weights (data/ner-model.bin for Indonesian and
    /// unknown languages, data/ner-model-en.bin for English).
    pub fn load_default() -> Result<Tagger, Error> {
        Tagger::from_pair(MODEL_BYTES, MODEL_EN_BYTES)
    }

    /// True when unlabelled news (the Indonesian model's word statistics) writes `word`
    /// in lower case in the middle of sentences (capitalised in < 5 % of them): a
    /// common word ("kekesalan", "benahi"), not a name, when a title-case headline or a
    /// sentence start capitalises it.
    pub fn usually_lower(&self, word: &str) -> bool {
        let key = crate::features::WordStats::key(&word.to_lowercase());
        self.id
            .model
            .stats
            .map
            .get(&key)
            .is_some_and(|&c| c / 4 == 0)
    }

    /// A tagger from an Indonesian and an English model in the format `kabar-train-ner`
    /// writes.
    pub fn from_pair(id: &[u8], en: &[u8]) -> Result<Tagger, Error> {
        let mut t = Tagger::from_bytes(id)?;
        t.en = Some(Arc::new(Loaded::new(Model::from_bytes(en)?)));
        Ok(t)
    }

    /// A tagger from model bytes in the format `kabar-train-ner` writes, used for every
    /// language.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        Ok(Tagger::from_model(Model::from_bytes(bytes)?))
    }

    /// A tagger from an in-memory model (used by training and evaluation), used for every
    /// language.
    pub fn from_model(model: Model) -> Tagger {
        Tagger {
            id: Arc::new(Loaded::new(model)),
            en: None,
            lex: Lexicon::embedded(),
        }
    }

    /// Number of weighted features in the (Indonesian) model.
    pub fn feature_count(&self) -> usize {
        self.id.features
    }

    /// True when a separate English model is loaded.
    pub fn has_english(&self) -> bool {
        self.en.is_some()
    }

    /// Internal label indices (see [`crate::model::LABELS`]) of one sentence, with the
    /// Indonesian model.
    pub fn tag_indices(&self, tokens: &[&str]) -> Vec<usize> {
        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
        self.tag_indices_folded(tokens, &folded, Lang::Id)
    }

    /// [`Tagger::tag_indices`] with the tokens already folded ([`fold`]). English text
    /// is scored by the English model plus [`ID_WEIGHT_IN_EN`] × the Indonesian one: the
    /// English training data is small (50k tokens) and the Indonesian model knows news
    /// patterns it lacks ("Minister X Y", reporting verbs, the lexicon's titles).
    fn tag_indices_folded(&self, tokens: &[&str], folded: &[String], lang: Lang) -> Vec<usize> {
        if tokens.is_empty() || folded.len() != tokens.len() {
            return vec![0; tokens.len()];
        }
        let mut em = self.emissions(&self.id, tokens, folded);
        match (lang, &self.en) {
            (Lang::En, Some(en)) => {
                let e2 = self.emissions(en, tokens, folded);
                for (a, b) in em.iter_mut().zip(&e2) {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x = *x * ID_WEIGHT_IN_EN + y;
                    }
                }
                en.model.viterbi(&em)
            }
            _ => self.id.model.viterbi(&em),
        }
    }

    /// Label scores of every token of a sentence under model `m`.
    fn emissions(&self, m: &Loaded, tokens: &[&str], folded: &[String]) -> Vec<[f32; NL]> {
        let mut infos: Vec<TokenInfo> = Vec::with_capacity(tokens.len());
        let mut em: Vec<[f32; NL]> = Vec::with_capacity(tokens.len());
        let mut buf = Vec::with_capacity(64);
        CACHE.with(|c| {
            let mut cache = c.borrow_mut();
            if cache.len() > CACHE_CAP {
                cache.clear();
            }
            for t in tokens {
                let key = word_hash(t) ^ m.uid;
                let e = *cache.entry(key).or_insert_with(|| {
                    buf.clear();
                    let info = word_info(t, &m.model.stats, &mut buf);
                    let mut local = [0f32; NL];
                    m.table.accumulate(&buf, &mut local);
                    Cached { info, local }
                });
                infos.push(TokenInfo {
                    w: e.info,
                    gaz: 0,
                    title_end: false,
                });
                em.push(e.local);
            }
        });
        sentence_infos(tokens, folded, self.lex, &mut infos);
        for (i, e) in em.iter_mut().enumerate() {
            buf.clear();
            context_features(&infos, i, &mut buf);
            m.table.accumulate(&buf, e);
        }
        em
    }

    /// Entity spans of one sentence: `(first token, end token exclusive, type)`.
    /// Uses the Indonesian model; see [`Tagger::spans_lang`].
    pub fn spans(&self, tokens: &[&str]) -> Vec<(usize, usize, EntityType)> {
        self.spans_lang(tokens, Lang::Id)
    }

    /// [`Tagger::spans`] with the model of language `lang` (English with the English
    /// model when loaded; Indonesian and unknown languages with the Indonesian one).
    pub fn spans_lang(&self, tokens: &[&str], lang: Lang) -> Vec<(usize, usize, EntityType)> {
        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
        self.spans_folded_lang(tokens, &folded, lang)
    }

    /// [`Tagger::spans`] with the tokens already folded ([`fold`]).
    pub fn spans_folded(
        &self,
        tokens: &[&str],
        folded: &[String],
    ) -> Vec<(usize, usize, EntityType)> {
        self.spans_folded_lang(tokens, folded, Lang::Id)
    }

    /// [`Tagger::spans_lang`] with the tokens already folded ([`fold`]).
    pub fn spans_folded_lang(
        &self,
        tokens: &[&str],
        folded: &[String],
        lang: Lang,
    ) -> Vec<(usize, usize, EntityType)> {
        let labels = self.tag_indices_folded(tokens, folded, lang);
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

    /// BIO tags over PER/ORG/GPE/LOC ("B-PER", "I-GPE", "O"), one per token, with the
    /// Indonesian model; see [`Tagger::tag_lang`].
    pub fn tag(&self, tokens: &[&str]) -> Vec<String> {
        self.tag_lang(tokens, Lang::Id)
    }

    /// [`Tagger::tag`] with the model of language `lang`.
    pub fn tag_lang(&self, tokens: &[&str], lang: Lang) -> Vec<String> {
        let mut out = vec!["O".to_string(); tokens.len()];
        for (s, e, kind) in self.spans_lang(tokens, lang) {
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
    ///
    /// Uses the Indonesian model; see [`Tagger::tag_conll_lang`].
    pub fn tag_conll<R: BufRead, W: Write>(&self, input: R, output: W) -> std::io::Result<()> {
        self.tag_conll_lang(input, output, Lang::Id)
    }

    /// [`Tagger::tag_conll`] with the model of language `lang`.
    pub fn tag_conll_lang<R: BufRead, W: Write>(
        &self,
        mut input: R,
        mut output: W,
        lang: Lang,
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
                        self.flush(&mut pending, &mut output, lang)?;
                    }
                }
                LineKind::Blank => {
                    self.flush(&mut pending, &mut output, lang)?;
                    output.write_all(&line)?;
                }
                LineKind::Other => {
                    self.flush(&mut pending, &mut output, lang)?;
                    output.write_all(body)?;
                    output.write_all(b"\tO")?;
                    output.write_all(ending)?;
                }
            }
        }
        self.flush(&mut pending, &mut output, lang)?;
        output.flush()
    }

    fn flush<W: Write>(
        &self,
        pending: &mut Vec<Vec<u8>>,
        out: &mut W,
        lang: Lang,
    ) -> std::io::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let texts: Vec<String> = pending
            .iter()
            .map(|l| String::from_utf8_lossy(split_ending(l).0).into_owned())
            .collect();
        let toks: Vec<&str> = texts.iter().map(|t| first_column(t)).collect();
        let tags = self.tag_lang(&toks, lang);
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

/// The language of CoNLL input, from its first 5,000 tokens (kabar_text's detector);
/// [`Lang::Id`] when undecided, as Kabar is Indonesian-first.
pub fn conll_lang(input: &[u8]) -> Lang {
    let text = String::from_utf8_lossy(input);
    let mut words = String::new();
    for line in text.lines().take(5000) {
        if let LineKind::Token = classify(line) {
            words.push_str(first_column(line));
            words.push(' ');
        }
    }
    match kabar_text::detect(&words) {
        Lang::En => Lang::En,
        _ => Lang::Id,
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
