//! Kabar linking: near-duplicates, events and stories — online, incremental, persistable.
//!
//! A [`Linker`] is a pure in-memory state. The store feeds it batches of [`LinkDoc`]s
//! with [`Linker::add_batch`], writes the returned [`Assignment`]s into `articles`
//! (`duplicate_of`, `event`, `story`) and persists the state with [`Linker::save`] /
//! [`Linker::load`]. Nothing here reads files or needs reference data at run time:
//! document frequencies are learned as articles arrive.
//!
//! The method follows Miranda et al. 2018 (Priberam's multilingual stream clustering):
//! one pass in publication order; each article is compared with the events retrieved
//! through an inverted index (never a scan of all events) using TF-IDF cosine over
//! title-weighted stems, TF-IDF cosine over canonical entity IDs, and a Gaussian decay
//! over the gap in days; it joins the best event above a threshold or founds a new one.
//! See `docs/link.md` for the rules, the tuning and the figures.

#![warn(missing_docs)]

pub mod checks;
pub mod gold;
mod minhash;
pub mod purity;
mod sparse;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use minhash::{fnv1a, mix64, shingles, signature, LshIndex, Signature};
use sparse::{add_into, from_pairs, norm_idf, prune, Sparse, Weighted};

pub use kabar_core::Lang;

/// One article as the linker sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkDoc {
    /// Article ID (`a:` + 16 hex digits).
    pub id: String,
    /// Publication time; `None` when unknown (such articles are processed last in a
    /// batch and get no time evidence).
    pub published: Option<NaiveDateTime>,
    /// Language of the article (kept for callers; the scores use canonical terms and
    /// entity IDs, so they work across languages where entities are shared).
    pub lang: Lang,
    /// Title.
    pub title: String,
    /// Cleaned body text, used for near-duplicate shingles.
    pub text: String,
    /// Title content terms: lower-cased stems, stop words removed.
    pub title_terms: Vec<String>,
    /// Body content terms: lower-cased stems, stop words removed.
    pub body_terms: Vec<String>,
    /// Canonical entity IDs (`gpe:tiongkok`, `per:retno-marsudi`), one per mention or
    /// once each; may be empty.
    pub entities: Vec<String>,
    /// The day the article says its happening took place: the first day-precision date
    /// of its lead (its `DATE` expressions resolved against publication, `hari ini` and
    /// `kemarin` included), `None` when the lead names no day. Two reports stating
    /// different days report two happenings (see [`LinkConfig::happening_text_min`]).
    pub happened: Option<NaiveDate>,
}

/// Where one article was linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The article ID.
    pub article: String,
    /// The original of its near-duplicate group (`None` when it is an original).
    pub duplicate_of: Option<String>,
    /// Event ID, `e:` + 16 hex digits, derived from the founding article's ID.
    pub event: String,
    /// Story ID, `s:` + 16 hex digits, derived from the story's founding article's ID.
    pub story: String,
}

/// Why an article sits in its event and its event in its story: kept for every
/// article ([`Linker::why`]) so a reader can check each membership.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Why {
    /// How the article came to its event: `founded` (first report), `joined` (scored
    /// above the threshold) or `duplicate` (a near-copy of an article of the event).
    pub event: String,
    /// The join score (time factor included); 0 for founders and copies.
    pub score: f32,
    /// Term similarity with the event (members and centroid, IDF-weighted).
    pub terms: f32,
    /// Entity similarity with the event.
    pub entities: f32,
    /// Distinctive terms and entities the article shares with the event.
    pub shared: Vec<String>,
    /// For the article that founded the event: how the event came to its story,
    /// `founded` or `joined`; empty for the others (they follow their event).
    pub story: String,
    /// Term similarity of the founding article with the story it joined.
    pub story_terms: f32,
    /// Person/organisation similarity of the founding article with the story it joined.
    pub story_actors: f32,
    /// Terms and entities the founding article shares with the story it joined.
    pub story_shared: Vec<String>,
    /// Term similarity of the founding article with the story over content terms only
    /// (the words of entity names left out).
    #[serde(default)]
    pub story_content: f32,
    /// Persons/organisations the founding article shares with the story it joined.
    #[serde(default)]
    pub story_shared_actors: u32,
    /// The story's subject terms (its most distinctive terms) that the founding article
    /// holds: a story join needs one (see [`LinkConfig::story_subject_terms`]).
    #[serde(default)]
    pub story_subject: Vec<String>,
    /// How many of the story's subject terms the founding article holds (the names in
    /// `story_subject` may be fewer: only the article's first terms keep their names).
    #[serde(default)]
    pub story_subject_n: u32,
    /// The article is a promotion ([`checks::is_promotion`]): it shares events only with
    /// promotions of about one day, and its event never joins a story.
    #[serde(default)]
    pub promotion: bool,
    /// The article is an evergreen piece ([`checks::is_evergreen`]: a tip, a how-to, an
    /// explainer, a profile): it founds an event nothing else joins, joins an event only
    /// of about one day, and never joins or shapes a story.
    #[serde(default)]
    pub evergreen: bool,
    /// The founding article names a competition the story's titles name
    /// ([`LinkConfig::story_competitions`]): the competition is the shared subject.
    #[serde(default)]
    pub story_competition: bool,
    /// The distinctive title word the founding article shares with the titles of the
    /// story it joined ([`LinkConfig::story_title_subject`]); empty when none was needed.
    #[serde(default)]
    pub story_title: String,
}

/// Tuning knobs. [`LinkConfig::default`] holds the values tuned in `docs/link.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkConfig {
    /// Words per shingle for near-duplicate detection.
    pub shingle_size: usize,
    /// MinHash values per signature (`lsh_bands` × rows).
    pub num_perm: usize,
    /// LSH bands (rows per band = `num_perm / lsh_bands`).
    pub lsh_bands: usize,
    /// A candidate is a duplicate when its estimated Jaccard is at least this…
    pub dup_jaccard: f32,
    /// …or when the smaller text is at least this much contained in the larger one…
    pub dup_containment: f32,
    /// …with a Jaccard of at least this much.
    pub dup_min_jaccard: f32,
    /// Texts with fewer shingles than this are never marked duplicates (too little
    /// evidence).
    pub dup_min_shingles: u32,
    /// Signatures are kept this many days behind the newest article seen.
    pub dup_window_days: i64,
    /// At most this many signatures are kept (oldest dropped first).
    pub max_dup_docs: usize,
    /// Weight of a title term relative to a body term.
    pub title_weight: f32,
    /// Weight of the entity channel in the noisy-OR with the term channel.
    pub entity_weight: f32,
    /// Factor applied to place entities (`gpe:`, `loc:`): sharing a country is weak
    /// evidence.
    pub place_factor: f32,
    /// An article joins the best event whose score reaches this (languages listed in
    /// [`LinkConfig::by_lang`] use their own value).
    pub join_threshold: f32,
    /// Standard deviation of the Gaussian time decay, in days.
    pub time_sigma_days: f32,
    /// Floor of the time factor (1.0 switches time evidence off).
    pub time_floor: f32,
    /// Days outside an event's span that cost nothing: the same day's and the next
    /// morning's reports of one happening; the Gaussian decay starts after them.
    #[serde(default)]
    pub time_grace_days: f32,
    /// Events whose date span is farther than this from the article are not candidates.
    pub event_window_days: i64,
    /// An article never joins an event whose span (first to last report) would then
    /// exceed this many days: reports of one happening cluster within days.
    pub max_event_span_days: f32,
    /// The term cosine an article must reach with an event before entities count at
    /// all: sharing people or places is never enough without shared content terms.
    pub event_text_min: f32,
    /// Weight of the mean similarity to the event's members against the similarity to
    /// its centroid (0 = centroid only).
    pub member_mix: f32,
    /// Terms kept per member vector.
    pub member_terms: usize,
    /// Member vectors kept per event.
    pub max_members: usize,
    /// Events idle for this many days (behind the newest article) leave the active set.
    pub event_retention_days: i64,
    /// Events, stories and signatures touched within the last this-many ingested
    /// articles are never evicted by age, so a late (out-of-order) batch still finds
    /// what was recently active around its dates.
    pub keep_recent_docs: u64,
    /// At most this many active events (least recently active dropped first).
    pub max_active_events: usize,
    /// Terms kept in an event or story profile.
    pub profile_terms: usize,
    /// Index keys (highest TF-IDF terms, plus entities) an article queries and registers.
    pub query_keys: usize,
    /// Candidates (events or stories) fully scored per article.
    pub max_candidates: usize,
    /// A new event joins the best story whose term cosine with the founding article
    /// reaches this (languages in [`LinkConfig::by_lang`] use their own value)…
    pub story_text_min: f32,
    /// …and, when both sides have person/organisation entities, whose entity cosine over
    /// those (places left out) reaches this; when either side has none, the term cosine
    /// must reach `story_text_only` instead.
    pub story_entity_min: f32,
    /// Term cosine needed for a story join without person/organisation evidence.
    pub story_text_only: f32,
    /// The term cosine a story join needs over *content* terms alone (the words of the
    /// article's entity names left out) when the article shares only one person or
    /// organisation with the story: one shared person, organisation, platform or brand
    /// (`Google Play`) never makes a story without clearly shared content.
    pub story_one_entity_text: f32,
    /// A new event joins a story only when its founding article holds one of the story's
    /// this-many most distinctive terms (profile weight × IDF): the story's *subject*
    /// (`hantavirus`), not only its genre words (`wabah`, outbreak) or the agencies it
    /// quotes (WHO, the health ministry). 0 switches the rule off.
    pub story_subject_terms: usize,
    /// The story's subject terms are *content* terms: the words of the names of the
    /// people and organisations its articles name (`bpjs`, `xiaomi`, `bareskrim`) are
    /// left out, so a story held by one brand, institution or minister alone is no
    /// subject. The founding article must hold `story_subject_min` of them.
    pub story_subject_content: bool,
    /// Subject terms (of the story's `story_subject_terms`) the founding article of a
    /// new event must hold to join the story, unless it shares `story_subject_actors`
    /// people or organisations with it (then one does).
    pub story_subject_min: usize,
    /// Shared people/organisations with which one subject term is enough for a story
    /// join (see `story_subject_min`).
    #[serde(default)]
    pub story_subject_actors: usize,
    /// A story's subject terms are *distinctive*: only terms held by at most this share
    /// of the articles seen (or by at most [`SUBJECT_DF_FLOOR`] articles in a small
    /// corpus) can be subject terms — `hantavirus`, `thomas`, `anambas`, not the genre
    /// words of a category (`saham`, `kulit`, `penyakit`) — so a sector, a category or a
    /// kind of incident never carries a join. 0 switches the rule off.
    #[serde(default)]
    pub story_subject_df_max: f32,
    /// …or by at most this many times the story's own articles: a term mostly found in
    /// the story itself is its subject however common the thread has made it (`kurban`
    /// in the Idul Adha thread; a topic of a small corpus).
    #[serde(default)]
    pub story_subject_df_story: f32,
    /// A story of two or more events is joined through its *core*: its subject terms are
    /// drawn only from terms that the founding articles of at least two of its events
    /// hold, so one weak link (a fun run sharing a police unit with a raid) never becomes
    /// the thread a further event chains through.
    #[serde(default)]
    pub story_core: bool,
    /// An article whose lead states a happening day ([`LinkDoc::happened`]) at least
    /// `happening_days` away from every day the event's reports state joins the event
    /// only when its term similarity with it reaches this: two crashes in one city on
    /// two days, a race and the next day's test, two trading days are two happenings
    /// unless the reports are clearly about one case (a murder found on one day and its
    /// suspect caught the next share its victim, place and story). 0 switches the rule off.
    #[serde(default)]
    pub happening_text_min: f32,
    /// Days between two stated happening days that make them two happenings (see
    /// `happening_text_min`).
    #[serde(default)]
    pub happening_days: f32,
    /// Competitions are subjects: a new event whose founding article's title names a
    /// competition ([`checks::competitions`]: `Thomas Cup`, `Singapore Open`) never joins
    /// a story whose titles name only other competitions (two tournaments of one sport
    /// are two stories).
    #[serde(default)]
    pub story_competitions: bool,
    /// A story's subject is in its titles: a new event joins a story only when its
    /// founding article's title shares a distinctive content term (not a word of an
    /// entity name; distinctive as for [`LinkConfig::story_subject_df_max`]) with the
    /// titles of the story's articles, or a competition. Two happenings of one brand,
    /// institution or minister (a SpaceX accident and a Mars mission; two Pertamina
    /// forums) share body vocabulary of the actor's field, not a titled subject.
    ///
    /// Applies to events founded by an article of a language whose
    /// [`LangTuning::story_title_subject`] is set (Indonesian: checked on Detik news
    /// only; the English development sets — reference pages of broad topics, where the
    /// shared title word is often a name — lose story recall under it).
    #[serde(default)]
    pub story_title_subject: bool,
    /// Evergreen pieces ([`checks::is_evergreen`]) stay apart: nothing joins an event
    /// an evergreen piece founded, an evergreen piece joins only an event of about one
    /// day, and its event neither joins nor shapes a story.
    pub evergreen_apart: bool,
    /// Cross-language joins: an article joins an event (a new event a story) that has no
    /// article in its language yet — both languages known — when their entity cosine
    /// (people, organisations, places down-weighted) reaches this and they share at
    /// least two people/organisations; term cosines say nothing across languages, entity
    /// IDs are canonical in every language. 0 switches cross-language joins off.
    pub cross_lang_entity_min: f32,
    /// A cross-language join needs the article within this many days of the event.
    pub cross_lang_days: f32,
    /// Stories idle for this many days leave the active set.
    pub story_retention_days: i64,
    /// Articles in the re-link window: a batch holding an article that sorts before
    /// already linked ones re-links the window in canonical (time, ID) order, so arrival
    /// order does not change the result; a new window starts after this many articles.
    pub relink_window_docs: usize,
    /// At most this many active stories.
    pub max_active_stories: usize,
    /// Days looked back to measure how *persistent* a term or entity is: on how many
    /// distinct earlier days it appeared (0 switches the measure off).
    pub persist_window_days: i64,
    /// A key seen on at most this many of those days keeps its full weight; one seen on
    /// more days (a daily market report's vocabulary, a minister quoted every day) is
    /// weighted by `(persist_free_days / days) ^ persist_power`: it marks a recurring
    /// topic, not one happening.
    pub persist_free_days: f32,
    /// Exponent of the persistence discount.
    pub persist_power: f32,
    /// Factor on content terms that are tokens of the article's person entities (the
    /// name "purbaya" as a word): who was involved is the entity channel's evidence, so
    /// the term channel measures what happened.
    pub name_term_factor: f32,
    /// Per-language calibration by ISO 639-1 code (`id`): term cosines are not on one
    /// scale across languages (stemmers, stop lists and the vocabulary of a daily outlet
    /// differ), so the two term thresholds are set per language, as Miranda et al. 2018
    /// train their monolingual clustering per language. Languages not listed use
    /// `join_threshold` and `story_text_min`.
    pub by_lang: BTreeMap<String, LangTuning>,
}

/// Thresholds of one language (see [`LinkConfig::by_lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LangTuning {
    /// Replaces [`LinkConfig::join_threshold`] for articles of this language.
    pub join_threshold: f32,
    /// Replaces [`LinkConfig::story_text_min`] for events founded by an article of this
    /// language.
    pub story_text_min: f32,
    /// [`LinkConfig::story_title_subject`] applies to events founded by an article of
    /// this language (when that switch is on).
    #[serde(default)]
    pub story_title_subject: bool,
}

impl LinkConfig {
    /// The (join threshold, story term minimum) for an article of `lang`.
    pub fn thresholds(&self, lang: Lang) -> (f32, f32) {
        match self.by_lang.get(lang.code()) {
            Some(t) => (t.join_threshold, t.story_text_min),
            None => (self.join_threshold, self.story_text_min),
        }
    }

    /// Whether [`LinkConfig::story_title_subject`] applies to an event founded by an
    /// article of `lang`.
    pub fn title_rule(&self, lang: Lang) -> bool {
        self.story_title_subject
            && self
                .by_lang
                .get(lang.code())
                .is_some_and(|t| t.story_title_subject)
    }
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            shingle_size: 5,
            num_perm: 120,
            lsh_bands: 40,
            dup_jaccard: 0.5,
            dup_containment: 0.9,
            dup_min_jaccard: 0.35,
            dup_min_shingles: 8,
            dup_window_days: 14,
            max_dup_docs: 50_000,
            title_weight: 5.0,
            entity_weight: 0.5,
            place_factor: 0.3,
            join_threshold: 0.3,
            time_sigma_days: 1.0,
            time_floor: 0.0,
            time_grace_days: 0.5,
            event_window_days: 30,
            max_event_span_days: 5.0,
            event_text_min: 0.15,
            member_mix: 0.8,
            member_terms: 40,
            max_members: 64,
            event_retention_days: 90,
            keep_recent_docs: 5_000,
            max_active_events: 20_000,
            profile_terms: 150,
            query_keys: 12,
            max_candidates: 48,
            story_text_min: 0.12,
            story_entity_min: 0.15,
            story_text_only: 0.2,
            story_one_entity_text: 0.3,
            story_subject_terms: 5,
            story_subject_content: true,
            story_subject_min: 2,
            story_subject_actors: 4,
            story_subject_df_max: 0.0065,
            story_subject_df_story: 3.0,
            story_core: false,
            happening_text_min: 0.5,
            happening_days: 1.0,
            story_competitions: true,
            story_title_subject: true,
            evergreen_apart: true,
            cross_lang_entity_min: 0.5,
            cross_lang_days: 2.0,
            story_retention_days: 120,
            relink_window_docs: 5_000,
            max_active_stories: 20_000,
            persist_window_days: 14,
            persist_free_days: 3.0,
            persist_power: 1.0,
            name_term_factor: 0.0,
            by_lang: BTreeMap::from([(
                "id".to_string(),
                LangTuning {
                    join_threshold: 0.4,
                    story_text_min: 0.2,
                    story_title_subject: true,
                },
            )]),
        }
    }
}

/// Errors of the linker.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The snapshot does not start with the linker's magic bytes or has another version.
    #[error("not a kabar-link snapshot (or an unsupported version)")]
    BadSnapshot,
    /// The snapshot could not be decoded.
    #[error("corrupt kabar-link snapshot: {0}")]
    Decode(String),
}

const MAGIC: &[u8; 4] = b"KLNK";
const VERSION: u8 = 9;
const MINUTES_PER_DAY: f32 = 1440.0;
/// Articles a term may appear in and still be a story subject term however small the
/// corpus (see [`LinkConfig::story_subject_df_max`]): in a corpus of a few hundred
/// articles a thread's own words reach a few per cent of them.
pub const SUBJECT_DF_FLOOR: f32 = 10.0;

/// Title term keys a story remembers (see [`LinkConfig::story_title_subject`]).
const MAX_STORY_TITLE_TERMS: usize = 400;
/// Competitions a story remembers (see [`LinkConfig::story_competitions`]).
const MAX_STORY_COMPETITIONS: usize = 32;
/// Postings scanned per key (most recent first).
const POSTING_SCAN: usize = 256;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct DocRec {
    event: u64,
    story: u64,
    dup_of: Option<String>,
    why: Why,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Event {
    story: u64,
    /// Term vectors of (up to `max_members`) original members, pruned to their
    /// `member_terms` most distinctive terms: an article is compared with the reports
    /// themselves, not only with their sum, so a growing event cannot turn generic.
    members: Vec<Sparse>,
    terms: Sparse,
    ents: Sparse,
    tnorm: f32,
    enorm: f32,
    n_docs: u32,
    first: Option<i64>,
    last: Option<i64>,
    activity: i64,
    seq: u64,
    keys: Vec<u64>,
    /// Founded by a promotion ([`checks::is_promotion`]): only promotions join it.
    promo: bool,
    /// Founded by an evergreen piece ([`checks::is_evergreen`]): nothing joins it.
    evergreen: bool,
    /// Languages of its articles (see [`LinkConfig::cross_lang_entity_min`]).
    langs: Vec<Lang>,
    /// The happening days its original reports state ([`LinkDoc::happened`], as day
    /// numbers), sorted and unique (see [`LinkConfig::happening_text_min`]).
    days: Vec<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Story {
    terms: Sparse,
    ents: Sparse,
    tnorm: f32,
    enorm: f32,
    n_events: u32,
    activity: i64,
    seq: u64,
    keys: Vec<u64>,
    /// Languages of its articles.
    langs: Vec<Lang>,
    /// Term keys of the words of the entity names its articles hold, sorted (see
    /// [`LinkConfig::story_subject_content`]; at most `profile_terms`).
    names: Vec<u64>,
    /// Per term, how many of its events' founding articles hold it (see
    /// [`LinkConfig::story_core`]); sorted by key, at most `profile_terms`.
    core: Sparse,
    /// Articles that shaped its profile.
    n_docs: u32,
    /// Keys of the competitions its articles' titles name ([`checks::competitions`]),
    /// sorted (see [`LinkConfig::story_competitions`]).
    comps: Vec<u64>,
    /// Term keys of its articles' titles, sorted (see
    /// [`LinkConfig::story_title_subject`]; at most `MAX_STORY_TITLE_TERMS`).
    #[serde(default)]
    titles: Vec<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct DupEntry {
    article: String,
    sig: Signature,
    time: Option<i64>,
    activity: i64,
    seq: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct State {
    cfg: LinkConfig,
    n_docs: u64,
    df: HashMap<u64, u32>,
    docs: HashMap<String, DocRec>,
    events: HashMap<u64, Event>,
    stories: HashMap<u64, Story>,
    dups: BTreeMap<u32, DupEntry>,
    next_slot: u32,
    max_time: Option<i64>,
    since_evict: u32,
    /// Days on which each key (term or entity) was seen recently (see [`Seen`]).
    seen: HashMap<u64, Seen>,
}

/// The recent days on which a key appeared: bit `i` of `mask` is day `day - i`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Seen {
    day: i32,
    mask: u32,
}

impl Seen {
    const BITS: i32 = 32;

    fn new(day: i32) -> Self {
        Seen { day, mask: 1 }
    }

    fn record(&mut self, day: i32) {
        if day > self.day {
            let shift = day - self.day;
            self.mask = if shift >= Self::BITS {
                0
            } else {
                self.mask << shift
            };
            self.day = day;
            self.mask |= 1;
        } else if self.day - day < Self::BITS {
            self.mask |= 1 << (self.day - day);
        }
    }

    /// Distinct days in `[day - window, day - 1]` on which the key was seen.
    fn days_before(&self, day: i32, window: i32) -> u32 {
        (day - window..day)
            .filter(|d| {
                let i = self.day - d;
                (0..Self::BITS).contains(&i) && self.mask & (1 << i) != 0
            })
            .count() as u32
    }
}

/// IDF of a key times its persistence discount on `day` (see
/// [`LinkConfig::persist_free_days`]).
fn key_weight(
    df: &HashMap<u64, u32>,
    seen: &HashMap<u64, Seen>,
    n_docs: u64,
    cfg: &LinkConfig,
    k: u64,
    day: Option<i32>,
) -> f32 {
    let n = n_docs as f32;
    let idf = ((n + 1.0) / (df.get(&k).copied().unwrap_or(0) as f32 + 1.0)).ln() + 1.0;
    let window = cfg.persist_window_days.clamp(0, i64::from(Seen::BITS - 1)) as i32;
    match (day, seen.get(&k)) {
        (Some(d), Some(s)) if window > 0 => {
            let days = s.days_before(d, window) as f32;
            if days > cfg.persist_free_days {
                idf * (cfg.persist_free_days.max(0.5) / days).powf(cfg.persist_power)
            } else {
                idf
            }
        }
        _ => idf,
    }
}

/// Sizes of the linker's state, for monitoring and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Articles ever added.
    pub articles: usize,
    /// Events in the active set.
    pub active_events: usize,
    /// Stories in the active set.
    pub active_stories: usize,
    /// Near-duplicate signatures held.
    pub signatures: usize,
    /// Document-frequency entries.
    pub df_terms: usize,
}

/// The incremental linker. See the crate docs.
#[derive(Debug, Clone)]
pub struct Linker {
    st: State,
    // Derived indexes, rebuilt on load.
    event_postings: HashMap<u64, Vec<u64>>,
    story_postings: HashMap<u64, Vec<u64>>,
    lsh: LshIndex,
    // Assignments of earlier articles changed by the last batch (see `take_revisions`).
    revised: Vec<Assignment>,
    // Retired → surviving event/story IDs (see `take_redirects`).
    redirects: Vec<(String, String)>,
    // The state before the re-link window, and the window's articles in canonical order.
    base: Option<State>,
    journal: Vec<Raw>,
}

/// An article reduced to its keys, before IDF weighting: what the re-link journal keeps.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Raw {
    id: String,
    time: Option<i64>,
    terms: Sparse,
    ents: Sparse,
    actors: Sparse,
    sig: Signature,
    /// Readable names of the article's distinctive terms and its entities, by key (for
    /// [`Why`]).
    names: Vec<(u64, String)>,
    /// A market-level report (its title starts with a word of `data/market-titles.txt`):
    /// each day's close is its own happening, so it joins only events of about one day.
    #[serde(default)]
    market: bool,
    /// A promotion ([`checks::is_promotion`]).
    promo: bool,
    /// An evergreen piece ([`checks::is_evergreen`]).
    evergreen: bool,
    /// Language of the article (selects its thresholds, [`LinkConfig::by_lang`]).
    lang: Lang,
    /// The happening day the article states ([`LinkDoc::happened`]), as a day number.
    happened: Option<i32>,
    /// Keys of the competitions its title names ([`checks::competitions`]), sorted.
    comps: Vec<u64>,
    /// Term keys of the words of the article's person/organisation/other entity names
    /// (`org:google-play` → `google`, `play`), sorted: a story is a shared *subject*, so
    /// these words count as entity evidence only, never as shared content terms.
    name_toks: Vec<u64>,
    /// Term keys of its title, sorted (see [`LinkConfig::story_title_subject`]).
    #[serde(default)]
    title: Vec<u64>,
}

impl Raw {
    /// Canonical processing order: dated articles by time, then undated; ties by ID.
    fn order_key(&self) -> (u8, i64, &str) {
        match self.time {
            Some(t) => (0, t, self.id.as_str()),
            None => (1, 0, self.id.as_str()),
        }
    }
}

/// What `save` writes: the live state, the state before the re-link journal, and the
/// journal (articles since `base`, in canonical order).
#[derive(Deserialize)]
struct Snapshot {
    st: State,
    base: Option<State>,
    journal: Vec<Raw>,
}

/// The borrowed twin of [`Snapshot`], for writing without cloning.
#[derive(Serialize)]
struct SnapshotRef<'a> {
    st: &'a State,
    base: Option<&'a State>,
    journal: &'a [Raw],
}

/// An article reduced to weighted keys.
/// The longest span an event may reach by taking a market-level report (see [`Raw::market`]).
const MARKET_SPAN_DAYS: f32 = 1.5;
/// The longest span of an event holding a market-level report: a day's close and the
/// next morning's recap (16 hours apart) are one happening; yesterday morning's gold
/// price and today's (24 hours) are two.
const MARKET_REPORT_SPAN_DAYS: f32 = 0.75;

struct Prepared {
    time: Option<i64>,
    /// Day number of the article (of the newest article seen when undated), for the
    /// persistence discount.
    day: Option<i32>,
    terms: Sparse,
    ents: Sparse,
    /// Person/organisation entities only (for the story rule).
    actors: Sparse,
    sig: Signature,
    wterms: Weighted,
    wents: Weighted,
    /// Terms and actors weighted by plain IDF, for the story rule: a story *is* a
    /// recurring subject, so its terms are not discounted for persistence.
    sterms: Weighted,
    /// Content terms (the words of entity names left out, see [`Raw::name_toks`]) with
    /// the persistence discount: words used every day (`hadir`, `buat`, `tampil`) are
    /// not a shared subject.
    scontent: Weighted,
    wactors: Weighted,
    /// See [`Raw::market`].
    market: bool,
    /// See [`Raw::promo`].
    promo: bool,
    /// See [`Raw::evergreen`] (false when [`LinkConfig::evergreen_apart`] is off).
    evergreen: bool,
    /// See [`Raw::name_toks`].
    name_toks: Vec<u64>,
    /// Language of the article.
    lang: Lang,
    /// See [`Raw::happened`].
    happened: Option<i32>,
    /// See [`Raw::comps`].
    comps: Vec<u64>,
    /// See [`Raw::title`].
    title: Vec<u64>,
    /// [`LinkConfig::title_rule`] for the article's language.
    title_rule: bool,
    /// Join threshold of the article's language.
    join_threshold: f32,
    /// Story term minimum of the article's language.
    story_text_min: f32,
}

/// The words of the names of non-place entity IDs (`org:google-play` → `google`,
/// `play`), more than two letters each.
pub(crate) fn name_words(entities: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = entities
        .iter()
        .filter(|e| !is_place(e))
        .filter_map(|e| e.split_once(':').map(|x| x.1))
        .flat_map(|e| e.split(['-', '_']))
        .filter(|w| w.chars().count() > 2)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// True when the content term (a stem) is one of the name words: equal, or a stem of at
/// least four letters that the word extends by at most three (`googl` of `google`).
pub(crate) fn is_name_word(term: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        *w == term || (term.len() >= 4 && w.starts_with(term) && w.len() - term.len() <= 3)
    })
}

/// Term keys of the article's content terms that are name words (see [`Raw::name_toks`]),
/// sorted and unique.
fn entity_name_tokens(d: &LinkDoc) -> Vec<u64> {
    let words = name_words(&d.entities);
    if words.is_empty() {
        return Vec::new();
    }
    let mut v: Vec<u64> = d
        .title_terms
        .iter()
        .chain(&d.body_terms)
        .filter(|t| is_name_word(t, &words))
        .map(|t| term_key(t))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// `terms` without the keys in `names` (sorted): what the article says, not who it names.
fn content_terms(terms: &[(u64, f32)], names: &[u64]) -> Sparse {
    terms
        .iter()
        .filter(|(k, _)| names.binary_search(k).is_err())
        .copied()
        .collect()
}

/// Key weights ([`Linker::weight`]) of one article's day, memoised while its candidate
/// events are scored: the state does not change meanwhile, and an event's members share
/// most of their terms, so the weight of one key is computed once instead of once per
/// member (it was the linker's hottest function).
type WeightCache = rustc_hash::FxHashMap<u64, f32>;

fn term_key(t: &str) -> u64 {
    mix64(fnv1a(t.as_bytes()) ^ 0x7465_726d)
}

fn entity_key(e: &str) -> u64 {
    mix64(fnv1a(e.as_bytes()) ^ 0x656e_7469_7479)
}

fn is_place(e: &str) -> bool {
    e.starts_with("gpe:") || e.starts_with("loc:")
}

fn minutes(t: &NaiveDateTime) -> i64 {
    t.and_utc().timestamp().div_euclid(60)
}

/// Day number of a time in minutes.
fn day_of(t: i64) -> i32 {
    t.div_euclid(1440) as i32
}

fn id_hash(prefix: &str, article: &str, salt: u32) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(prefix.as_bytes());
    h.update(article.as_bytes());
    if salt > 0 {
        h.update(&salt.to_le_bytes());
    }
    let b = h.finalize();
    let mut x = [0u8; 8];
    x.copy_from_slice(&b.as_bytes()[..8]);
    u64::from_be_bytes(x)
}

fn sublinear(tf: f32) -> f32 {
    if tf <= 0.0 {
        0.0
    } else {
        1.0 + tf.ln()
    }
}

/// Days between `t` and the span `[first, last]` (0 inside it).
fn gap_days(t: i64, first: i64, last: i64) -> f32 {
    let d = if t < first {
        first - t
    } else if t > last {
        t - last
    } else {
        0
    };
    d as f32 / MINUTES_PER_DAY
}

impl Linker {
    /// An empty linker.
    pub fn new(cfg: LinkConfig) -> Self {
        let rows = (cfg.num_perm / cfg.lsh_bands.max(1)).max(1);
        let mut l = Linker {
            lsh: LshIndex::new(cfg.lsh_bands.max(1), rows),
            st: State {
                cfg,
                n_docs: 0,
                df: HashMap::new(),
                docs: HashMap::new(),
                events: HashMap::new(),
                stories: HashMap::new(),
                dups: BTreeMap::new(),
                next_slot: 0,
                max_time: None,
                since_evict: 0,
                seen: HashMap::new(),
            },
            event_postings: HashMap::new(),
            story_postings: HashMap::new(),
            revised: Vec::new(),
            redirects: Vec::new(),
            base: None,
            journal: Vec::new(),
        };
        // The first re-link window starts from the empty state.
        l.base = Some(l.st.clone());
        l
    }

    /// Assignments of articles from *earlier* batches that the last [`Linker::add_batch`]
    /// changed (re-linking the recent window can move them); the caller stores them too.
    pub fn take_revisions(&mut self) -> Vec<Assignment> {
        std::mem::take(&mut self.revised)
    }

    /// The configuration in force.
    pub fn config(&self) -> &LinkConfig {
        &self.st.cfg
    }

    /// Sizes of the state.
    pub fn stats(&self) -> Stats {
        Stats {
            articles: self.st.docs.len(),
            active_events: self.st.events.len(),
            active_stories: self.st.stories.len(),
            signatures: self.st.dups.len(),
            df_terms: self.st.df.len(),
        }
    }

    /// Why an article added earlier sits in its event and story.
    pub fn why(&self, article: &str) -> Option<&Why> {
        self.st.docs.get(article).map(|r| &r.why)
    }

    /// The assignment of an article added earlier.
    pub fn assignment(&self, article: &str) -> Option<Assignment> {
        self.st.docs.get(article).map(|r| Assignment {
            article: article.to_string(),
            duplicate_of: r.dup_of.clone(),
            event: format!("e:{:016x}", r.event),
            story: format!("s:{:016x}", r.story),
        })
    }

    /// Adds a batch; returns one [`Assignment`] per doc, in input order. Internally
    /// processes in publication order (docs without a date go last, in input order). A
    /// doc whose ID was already added returns its existing assignment (idempotent).
    pub fn add_batch(&mut self, docs: &[LinkDoc]) -> Vec<Assignment> {
        let mut fresh: Vec<Raw> = Vec::new();
        let mut seen = HashSet::new();
        for d in docs {
            if !self.st.docs.contains_key(&d.id) && seen.insert(d.id.as_str()) {
                fresh.push(self.raw(d));
            }
        }
        fresh.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let in_order = match (self.journal.last(), fresh.first()) {
            (Some(last), Some(first)) => last.order_key() < first.order_key(),
            _ => true,
        };
        if in_order || self.base.is_none() {
            // Fast path: everything new sorts after what was linked (or no window to
            // re-link): link in canonical order.
            for r in &fresh {
                self.add_one(r);
            }
            self.journal.extend(fresh);
        } else {
            self.relink(fresh);
        }
        self.evict();
        if self.journal.len() >= self.st.cfg.relink_window_docs.max(1) {
            // Start a new re-link window here.
            self.base = Some(self.st.clone());
            self.journal.clear();
        }
        docs.iter()
            .map(|d| {
                self.assignment(&d.id).unwrap_or_else(|| Assignment {
                    article: d.id.clone(),
                    duplicate_of: None,
                    event: format!("e:{:016x}", id_hash("event:", &d.id, 0)),
                    story: format!("s:{:016x}", id_hash("story:", &d.id, 0)),
                })
            })
            .collect()
    }

    /// Re-links the window: back to the state before it, then every article of the
    /// window plus the new ones in canonical order, so the result does not depend on the
    /// order in which articles arrived. Records changed assignments of earlier articles
    /// ([`Linker::take_revisions`]) and where retired event and story IDs went
    /// ([`Linker::take_redirects`]).
    fn relink(&mut self, fresh: Vec<Raw>) {
        let Some(base) = self.base.clone() else {
            return;
        };
        let before: Vec<(String, Assignment)> = self
            .journal
            .iter()
            .filter_map(|r| self.assignment(&r.id).map(|a| (r.id.clone(), a)))
            .collect();
        let mut all = std::mem::take(&mut self.journal);
        all.extend(fresh);
        all.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.st = base;
        self.rebuild_indexes();
        for r in &all {
            self.add_one(r);
        }
        self.journal = all;
        let mut moved_events: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        let mut moved_stories: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for (id, old) in before {
            let Some(new) = self.assignment(&id) else {
                continue;
            };
            *moved_events
                .entry(old.event.clone())
                .or_default()
                .entry(new.event.clone())
                .or_default() += 1;
            *moved_stories
                .entry(old.story.clone())
                .or_default()
                .entry(new.story.clone())
                .or_default() += 1;
            if new != old {
                self.revised.push(new);
            }
        }
        let live_events: HashSet<String> = self
            .journal
            .iter()
            .filter_map(|r| self.assignment(&r.id).map(|a| a.event))
            .collect();
        let live_stories: HashSet<String> = self
            .journal
            .iter()
            .filter_map(|r| self.assignment(&r.id).map(|a| a.story))
            .collect();
        for (moved, live) in [(moved_events, &live_events), (moved_stories, &live_stories)] {
            for (old, to) in moved {
                if live.contains(&old) {
                    continue;
                }
                // The survivor is where most of the retired cluster's articles went
                // (ties: the smallest ID).
                if let Some((new, _)) = to.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
                    self.redirects.push((old, new.clone()));
                }
            }
        }
    }

    /// `(retired ID, surviving ID)` pairs for events and stories that re-linking retired
    /// since the last call; the caller keeps them so old links keep working.
    pub fn take_redirects(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.redirects)
    }

    /// A compact snapshot of the state (magic, version, postcard encoding). Indexes are
    /// not stored; [`Linker::load`] rebuilds them.
    pub fn save(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        let snap = SnapshotRef {
            st: &self.st,
            base: self.base.as_ref(),
            journal: &self.journal,
        };
        // Serialising plain maps and vectors cannot fail; an empty body would be
        // rejected by `load`, never silently accepted.
        if let Ok(body) = postcard::to_allocvec(&snap) {
            out.extend_from_slice(&body);
        }
        out
    }

    /// Restores a linker from [`Linker::save`] output.
    pub fn load(bytes: &[u8]) -> Result<Self, Error> {
        if bytes.len() < 5 || &bytes[..4] != MAGIC || bytes[4] != VERSION {
            return Err(Error::BadSnapshot);
        }
        let snap: Snapshot =
            postcard::from_bytes(&bytes[5..]).map_err(|e| Error::Decode(e.to_string()))?;
        let mut l = Linker::new(snap.st.cfg.clone());
        l.st = snap.st;
        l.base = snap.base;
        l.journal = snap.journal;
        l.rebuild_indexes();
        Ok(l)
    }

    fn rebuild_indexes(&mut self) {
        self.event_postings.clear();
        self.story_postings.clear();
        let rows = (self.st.cfg.num_perm / self.st.cfg.lsh_bands.max(1)).max(1);
        self.lsh = LshIndex::new(self.st.cfg.lsh_bands.max(1), rows);
        let mut ev: Vec<(&u64, &Event)> = self.st.events.iter().collect();
        ev.sort_by_key(|e| *e.0);
        for (id, e) in ev {
            for &k in &e.keys {
                self.event_postings.entry(k).or_default().push(*id);
            }
        }
        let mut sv: Vec<(&u64, &Story)> = self.st.stories.iter().collect();
        sv.sort_by_key(|s| *s.0);
        for (id, s) in sv {
            for &k in &s.keys {
                self.story_postings.entry(k).or_default().push(*id);
            }
        }
        for (slot, d) in &self.st.dups {
            self.lsh.insert(*slot, &d.sig);
        }
    }

    /// IDF with the persistence discount of `day`.
    fn weight(&self, k: u64, day: Option<i32>) -> f32 {
        key_weight(
            &self.st.df,
            &self.st.seen,
            self.st.n_docs,
            &self.st.cfg,
            k,
            day,
        )
    }

    fn raw(&self, d: &LinkDoc) -> Raw {
        let cfg = &self.st.cfg;
        let mut tf: Vec<(u64, f32)> = Vec::new();
        for t in &d.title_terms {
            tf.push((term_key(t), cfg.title_weight));
        }
        for t in &d.body_terms {
            tf.push((term_key(t), 1.0));
        }
        let mut terms = from_pairs(tf);
        // Tokens of the article's person names, as term keys (see `name_term_factor`).
        let name_keys: HashSet<u64> = d
            .entities
            .iter()
            .filter_map(|e| e.strip_prefix("per:"))
            .flat_map(|e| e.split(['-', '_']))
            .filter(|w| w.chars().count() > 2)
            .map(term_key)
            .collect();
        for p in &mut terms {
            p.1 = sublinear(p.1);
            if name_keys.contains(&p.0) {
                p.1 *= cfg.name_term_factor;
            }
        }
        let mut places = Vec::new();
        let mut actors = Vec::new();
        for e in &d.entities {
            if is_place(e) {
                places.push((entity_key(e), 1.0));
            } else {
                actors.push((entity_key(e), 1.0));
            }
        }
        let mut actors = from_pairs(actors);
        for p in &mut actors {
            p.1 = sublinear(p.1);
        }
        let mut places = from_pairs(places);
        for p in &mut places {
            p.1 = cfg.place_factor * sublinear(p.1);
        }
        let mut ents = actors.clone();
        add_into(&mut ents, &places);
        let sh = shingles(&format!("{}\n{}", d.title, d.text), cfg.shingle_size);
        let mut names: Vec<(u64, String)> = Vec::new();
        for t in d.title_terms.iter().chain(d.body_terms.iter().take(60)) {
            let k = term_key(t);
            if t.chars().count() > 2 && !names.iter().any(|x| x.0 == k) && names.len() < 24 {
                names.push((k, t.clone()));
            }
        }
        for e in &d.entities {
            let k = entity_key(e);
            if !names.iter().any(|x| x.0 == k) && names.len() < 40 {
                names.push((k, e.clone()));
            }
        }
        Raw {
            names,
            name_toks: entity_name_tokens(d),
            id: d.id.clone(),
            time: d.published.as_ref().map(minutes),
            terms,
            ents,
            actors,
            sig: signature(&sh, cfg.num_perm),
            market: checks::is_market_title(&d.title),
            promo: checks::is_promotion(&d.title, &d.text),
            evergreen: checks::is_evergreen(&d.title),
            lang: d.lang,
            happened: d.happened.map(|x| x.num_days_from_ce()),
            comps: {
                let mut v: Vec<u64> = checks::competitions(&d.title)
                    .iter()
                    .map(|c| term_key(&format!("competition:{c}")))
                    .collect();
                v.sort_unstable();
                v
            },
            title: {
                let mut v: Vec<u64> = d.title_terms.iter().map(|t| term_key(t)).collect();
                v.sort_unstable();
                v.dedup();
                v
            },
        }
    }

    fn prepare(&self, r: &Raw) -> Prepared {
        let day = r.time.or(self.st.max_time).map(day_of);
        let idf = |k| self.weight(k, day);
        let (join_threshold, story_text_min) = self.st.cfg.thresholds(r.lang);
        Prepared {
            join_threshold,
            story_text_min,
            time: r.time,
            market: r.market,
            promo: r.promo,
            evergreen: r.evergreen && self.st.cfg.evergreen_apart,
            name_toks: r.name_toks.clone(),
            lang: r.lang,
            happened: r.happened,
            comps: r.comps.clone(),
            title: r.title.clone(),
            title_rule: self.st.cfg.title_rule(r.lang),
            day,
            wterms: Weighted::new(&r.terms, idf),
            wents: Weighted::new(&r.ents, idf),
            sterms: Weighted::new(&r.terms, |k| self.weight(k, None)),
            scontent: Weighted::new(&content_terms(&r.terms, &r.name_toks), idf),
            wactors: Weighted::new(&r.actors, |k| self.weight(k, None)),
            terms: r.terms.clone(),
            ents: r.ents.clone(),
            actors: r.actors.clone(),
            sig: r.sig.clone(),
        }
    }

    /// The article's index keys: its `query_keys` highest TF-IDF terms and all its
    /// entities (places included; they are down-weighted in scoring, not in retrieval).
    fn query_keys(&self, p: &Prepared) -> Vec<u64> {
        let mut ts: Vec<(f32, u64)> = p
            .terms
            .iter()
            .map(|&(k, w)| (w * self.weight(k, p.day), k))
            .collect();
        ts.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut keys: Vec<u64> = ts
            .iter()
            .take(self.st.cfg.query_keys)
            .map(|x| x.1)
            .collect();
        keys.extend(p.ents.iter().take(self.st.cfg.query_keys).map(|x| x.0));
        keys
    }

    fn activity_of(&self, t: Option<i64>) -> i64 {
        t.or(self.st.max_time).unwrap_or(0)
    }

    fn add_one(&mut self, r: &Raw) {
        let p = self.prepare(r);
        if let Some(t) = p.time {
            self.st.max_time = Some(self.st.max_time.map_or(t, |m| m.max(t)));
        }
        // Document frequencies, learned online (the article counts itself).
        self.st.n_docs += 1;
        for &(k, _) in p.terms.iter().chain(p.ents.iter()) {
            *self.st.df.entry(k).or_insert(0) += 1;
        }
        if let Some(d) = p.day {
            for &(k, _) in p.terms.iter().chain(p.ents.iter()) {
                self.st
                    .seen
                    .entry(k)
                    .and_modify(|s| s.record(d))
                    .or_insert_with(|| Seen::new(d));
            }
        }
        let activity = self.activity_of(p.time);
        let keys = self.query_keys(&p);
        // Key weights are fixed from here until the article is linked.
        let mut wc = WeightCache::default();

        let rec = if let Some(orig) = self.find_duplicate(&p) {
            self.join_as_duplicate(&orig, &p, activity)
        } else {
            match self.best_event(&p, &keys, &mut wc) {
                Some(ev) => {
                    let mut why = Why {
                        event: "joined".into(),
                        ..Why::default()
                    };
                    if let Some(e) = self.st.events.get(&ev) {
                        (why.score, why.terms, why.entities) = self.event_parts(&p, e, &mut wc);
                        why.shared = shared_names(r, &e.terms, &e.ents);
                    }
                    self.join_event(ev, &p, &keys, activity);
                    let story = self.st.events.get(&ev).map_or(ev, |e| e.story);
                    DocRec {
                        event: ev,
                        story,
                        dup_of: None,
                        why,
                    }
                }
                None => self.found_event(r, &p, &keys, activity),
            }
        };
        self.st.docs.insert(r.id.clone(), rec);

        // Keep the signature for later near-duplicates.
        if p.sig.n_shingles > 0 {
            let slot = self.st.next_slot;
            self.st.next_slot = self.st.next_slot.wrapping_add(1);
            self.lsh.insert(slot, &p.sig);
            self.st.dups.insert(
                slot,
                DupEntry {
                    article: r.id.clone(),
                    sig: p.sig,
                    time: p.time,
                    activity,
                    seq: self.st.n_docs,
                },
            );
        }
        self.st.since_evict += 1;
        if self.st.since_evict >= 512 {
            self.evict();
        }
    }

    /// The original (root of the group) of the best verified near-duplicate, if any.
    fn find_duplicate(&self, p: &Prepared) -> Option<String> {
        let cfg = &self.st.cfg;
        if p.sig.n_shingles < cfg.dup_min_shingles {
            return None;
        }
        let mut best: Option<(f32, u32)> = None;
        for slot in self.lsh.query(&p.sig) {
            let Some(e) = self.st.dups.get(&slot) else {
                continue;
            };
            if e.sig.n_shingles < cfg.dup_min_shingles {
                continue;
            }
            // Only copies within the window count (so eviction never changes a result).
            // A market report or a promotion published again on another day (or a text
            // copied from an earlier day's promotion) is that day's report or sale, not a
            // copy of the earlier one.
            let promo_original = || {
                self.st
                    .docs
                    .get(&e.article)
                    .and_then(|d| self.st.events.get(&d.event))
                    .is_some_and(|ev| ev.promo)
            };
            let window = if p.market || p.promo || promo_original() {
                (MARKET_SPAN_DAYS * MINUTES_PER_DAY) as i64
            } else {
                cfg.dup_window_days * 1440
            };
            if let (Some(t), Some(u)) = (p.time, e.time) {
                if (t - u).abs() > window {
                    continue;
                }
            }
            let j = p.sig.jaccard(&e.sig);
            let c = p.sig.containment(&e.sig, j);
            let ok = j >= cfg.dup_jaccard || (j >= cfg.dup_min_jaccard && c >= cfg.dup_containment);
            if ok && best.is_none_or(|(bj, bs)| j > bj || (j == bj && slot < bs)) {
                best = Some((j, slot));
            }
        }
        let (_, slot) = best?;
        let art = &self.st.dups.get(&slot)?.article;
        let rec = self.st.docs.get(art)?;
        Some(rec.dup_of.clone().unwrap_or_else(|| art.clone()))
    }

    fn join_as_duplicate(&mut self, orig: &str, p: &Prepared, activity: i64) -> DocRec {
        let (event, story) = match self.st.docs.get(orig) {
            Some(r) => (r.event, r.story),
            None => (0, 0),
        };
        // A copy counts as an article of the event but does not reinforce its profile
        // (syndicated copies would otherwise dominate the centroid).
        if let Some(e) = self.st.events.get_mut(&event) {
            e.n_docs += 1;
            if let Some(t) = p.time {
                e.first = Some(e.first.map_or(t, |f| f.min(t)));
                e.last = Some(e.last.map_or(t, |l| l.max(t)));
            }
            e.activity = e.activity.max(activity);
            e.seq = self.st.n_docs;
        }
        DocRec {
            event,
            story,
            dup_of: Some(orig.to_string()),
            why: Why {
                event: "duplicate".into(),
                ..Why::default()
            },
        }
    }

    /// Candidate ids from postings, ranked by summed key hits, capped.
    fn candidates(postings: &HashMap<u64, Vec<u64>>, keys: &[u64], cap: usize) -> Vec<u64> {
        let mut hits: HashMap<u64, u32> = HashMap::new();
        for k in keys {
            if let Some(v) = postings.get(k) {
                // Most recent first, bounded: a very common key cannot make an article
                // touch every active event.
                for &id in v.iter().rev().take(POSTING_SCAN) {
                    *hits.entry(id).or_insert(0) += 1;
                }
            }
        }
        let mut c: Vec<(u32, u64)> = hits.into_iter().map(|(id, h)| (h, id)).collect();
        c.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        c.truncate(cap);
        c.into_iter().map(|x| x.1).collect()
    }

    /// Score of an article against an event (0 when outside the time window).
    fn score_event(&self, p: &Prepared, e: &Event, wc: &mut WeightCache) -> f32 {
        self.event_parts(p, e, wc).0
    }

    /// (score, term similarity, entity similarity) of an article against an event.
    fn event_parts(&self, p: &Prepared, e: &Event, wc: &mut WeightCache) -> (f32, f32, f32) {
        let cfg = &self.st.cfg;
        let mut tfac = 1.0;
        // A promotion reports no happening: it shares an event only with promotions.
        if p.promo != e.promo {
            return (0.0, 0.0, 0.0);
        }
        // An evergreen piece reports no happening: nothing joins the event it founded.
        if e.evergreen {
            return (0.0, 0.0, 0.0);
        }
        if let (Some(t), Some(f), Some(l)) = (p.time, e.first, e.last) {
            let gap = gap_days(t, f, l);
            let span = (l.max(t) - f.min(t)) as f32 / MINUTES_PER_DAY;
            if gap > cfg.event_window_days as f32 || span > cfg.max_event_span_days {
                return (0.0, 0.0, 0.0);
            }
            // a day's market close and the next morning's recap at most: a market report
            // never joins an event that would then span more than MARKET_REPORT_SPAN_DAYS;
            // a promotion or an evergreen piece none spanning more than MARKET_SPAN_DAYS
            // (each sale day, each contest round is its own)
            if p.market && span > MARKET_REPORT_SPAN_DAYS {
                return (0.0, 0.0, 0.0);
            }
            if (p.promo || p.evergreen) && span > MARKET_SPAN_DAYS {
                return (0.0, 0.0, 0.0);
            }
            let s = cfg.time_sigma_days.max(1e-3);
            let gap = (gap - cfg.time_grace_days.max(0.0)).max(0.0);
            let g = (-(gap * gap) / (2.0 * s * s)).exp();
            tfac = cfg.time_floor + (1.0 - cfg.time_floor) * g;
        }
        let centroid = p.wterms.cosine(&e.terms, e.tnorm);
        let text = if cfg.member_mix > 0.0 && !e.members.is_empty() {
            // A member sharing no term scores 0 whatever its norm; the norms of the
            // others take their key weights from the article's cache (`WeightCache`).
            let mut idf = |k| *wc.entry(k).or_insert_with(|| self.weight(k, p.day));
            let sum: f32 = e
                .members
                .iter()
                .map(|m| {
                    let dot = p.wterms.dot(m);
                    if dot == 0.0 {
                        0.0
                    } else {
                        p.wterms.cosine_of(dot, norm_idf(m, &mut idf))
                    }
                })
                .sum();
            let mean = sum / e.members.len() as f32;
            (1.0 - cfg.member_mix) * centroid + cfg.member_mix * mean
        } else {
            centroid
        };
        let ent = if p.wents.is_empty() || e.ents.is_empty() {
            0.0
        } else {
            p.wents.cosine(&e.ents, e.enorm)
        };
        if cfg.cross_lang_entity_min > 0.0 && cross_lang(p.lang, &e.langs) {
            // No shared language: the entities are the evidence (see
            // `LinkConfig::cross_lang_entity_min`), close in time.
            let near = match (p.time, e.first, e.last) {
                (Some(t), Some(f), Some(l)) => gap_days(t, f, l) <= cfg.cross_lang_days,
                _ => false,
            };
            let ok =
                near && ent >= cfg.cross_lang_entity_min && shared_keys(&p.actors, &e.ents) >= 2;
            return (if ok { ent * tfac } else { 0.0 }, text, ent);
        }
        if text < cfg.event_text_min
            || (cfg.happening_text_min > 0.0
                && text < cfg.happening_text_min
                && self.happened_apart(p, e))
        {
            return (0.0, text, ent);
        }
        let combined = 1.0 - (1.0 - text) * (1.0 - cfg.entity_weight * ent);
        (combined * tfac, text, ent)
    }

    /// True when the article states a happening day at least
    /// [`LinkConfig::happening_days`] from every day the event's reports state (both
    /// known): two happenings of one kind, not one reported twice.
    fn happened_apart(&self, p: &Prepared, e: &Event) -> bool {
        let Some(d) = p.happened else {
            return false;
        };
        let min = self.st.cfg.happening_days.max(1.0);
        !e.days.is_empty() && e.days.iter().all(|x| (x - d).abs() as f32 >= min)
    }

    fn best_event(&self, p: &Prepared, keys: &[u64], wc: &mut WeightCache) -> Option<u64> {
        let cands = Self::candidates(&self.event_postings, keys, self.st.cfg.max_candidates);
        let mut best: Option<(f32, u64)> = None;
        for id in cands {
            let Some(e) = self.st.events.get(&id) else {
                continue;
            };
            let s = self.score_event(p, e, wc);
            if s >= p.join_threshold && best.is_none_or(|(bs, bid)| s > bs || (s == bs && id < bid))
            {
                best = Some((s, id));
            }
        }
        best.map(|b| b.1)
    }

    fn register(
        postings: &mut HashMap<u64, Vec<u64>>,
        own: &mut Vec<u64>,
        id: u64,
        keys: &[u64],
        cap: usize,
    ) {
        for &k in keys {
            if own.len() >= cap {
                break;
            }
            if !own.contains(&k) {
                own.push(k);
                postings.entry(k).or_default().push(id);
            }
        }
    }

    fn join_event(&mut self, id: u64, p: &Prepared, keys: &[u64], activity: i64) {
        let keep = self.st.cfg.profile_terms;
        let cap = keep;
        let (df, seen, cfg) = (&self.st.df, &self.st.seen, &self.st.cfg);
        let seq_now = self.st.n_docs;
        let day = p.day;
        let idf = |k: u64| key_weight(df, seen, seq_now, cfg, k, day);
        let member_terms = self.st.cfg.member_terms;
        let max_members = self.st.cfg.max_members;
        let Some(e) = self.st.events.get_mut(&id) else {
            return;
        };
        if e.members.len() < max_members {
            let mut m = p.terms.clone();
            prune(&mut m, member_terms, |k, w| w * idf(k));
            e.members.push(m);
        }
        add_into(&mut e.terms, &p.terms);
        add_into(&mut e.ents, &p.ents);
        if e.terms.len() > keep + keep / 2 {
            prune(&mut e.terms, keep, |k, w| w * idf(k));
        }
        if e.ents.len() > keep {
            prune(&mut e.ents, keep, |k, w| w * idf(k));
        }
        e.tnorm = norm_idf(&e.terms, idf);
        e.enorm = norm_idf(&e.ents, idf);
        e.n_docs += 1;
        if let Some(t) = p.time {
            e.first = Some(e.first.map_or(t, |f| f.min(t)));
            e.last = Some(e.last.map_or(t, |l| l.max(t)));
        }
        e.activity = e.activity.max(activity);
        e.seq = seq_now;
        if !e.langs.contains(&p.lang) {
            e.langs.push(p.lang);
        }
        if let Some(d) = p.happened {
            if let Err(i) = e.days.binary_search(&d) {
                e.days.insert(i, d);
            }
        }
        let story = e.story;
        Self::register(&mut self.event_postings, &mut e.keys, id, keys, cap);
        // A promotion never shapes a story: its story gets no profile and no index keys,
        // so nothing joins it.
        if !p.promo && !p.evergreen {
            self.reinforce_story(story, p, keys, activity);
        }
    }

    fn reinforce_story(&mut self, id: u64, p: &Prepared, keys: &[u64], activity: i64) {
        let keep = self.st.cfg.profile_terms;
        let (df, seen, cfg) = (&self.st.df, &self.st.seen, &self.st.cfg);
        let seq_now = self.st.n_docs;
        // Plain IDF: see `Prepared::sterms`.
        let idf = |k: u64| key_weight(df, seen, seq_now, cfg, k, None);
        let Some(s) = self.st.stories.get_mut(&id) else {
            return;
        };
        add_into(&mut s.terms, &p.terms);
        add_into(&mut s.ents, &p.actors);
        s.n_docs += 1;
        if s.terms.len() > keep + keep / 2 {
            prune(&mut s.terms, keep, |k, w| w * idf(k));
        }
        if s.ents.len() > keep {
            prune(&mut s.ents, keep, |k, w| w * idf(k));
        }
        s.tnorm = norm_idf(&s.terms, idf);
        s.enorm = norm_idf(&s.ents, idf);
        s.activity = s.activity.max(activity);
        s.seq = seq_now;
        if !s.langs.contains(&p.lang) {
            s.langs.push(p.lang);
        }
        if s.names.len() < keep {
            s.names.extend(&p.name_toks);
            s.names.sort_unstable();
            s.names.dedup();
        }
        if !p.comps.is_empty() && s.comps.len() < MAX_STORY_COMPETITIONS {
            s.comps.extend(&p.comps);
            s.comps.sort_unstable();
            s.comps.dedup();
        }
        if !p.title.is_empty() && s.titles.len() < MAX_STORY_TITLE_TERMS {
            s.titles.extend(&p.title);
            s.titles.sort_unstable();
            s.titles.dedup();
        }
        Self::register(&mut self.story_postings, &mut s.keys, id, keys, keep);
    }

    /// The story rule (see `docs/link.md`): term cosine with the story profile at least
    /// `story_text_min`, and shared actors (person/organisation entities, places left
    /// out) with cosine at least `story_entity_min`; without actors on either side, the
    /// term cosine must reach `story_text_only`.
    fn best_story(&self, p: &Prepared, keys: &[u64]) -> Option<(u64, f32, f32)> {
        let cfg = &self.st.cfg;
        let cands = Self::candidates(&self.story_postings, keys, cfg.max_candidates);
        let mut best: Option<(f32, u64, f32)> = None;
        for id in cands {
            let Some(s) = self.st.stories.get(&id) else {
                continue;
            };
            if cfg.story_competitions && other_competition(&p.comps, &s.comps) {
                continue;
            }
            let text = p.sterms.cosine(&s.terms, s.tnorm);
            let actors = if p.actors.is_empty() || s.ents.is_empty() {
                0.0
            } else {
                p.wactors.cosine(&s.ents, s.enorm)
            };
            if cfg.cross_lang_entity_min > 0.0 && cross_lang(p.lang, &s.langs) {
                // No shared language: shared people/organisations carry the join.
                if actors >= cfg.cross_lang_entity_min
                    && shared_keys(&p.actors, &s.ents) >= 2
                    && best.is_none_or(|(bs, bid, _)| text > bs || (text == bs && id < bid))
                {
                    best = Some((text, id, actors));
                }
                continue;
            }
            let ok = if p.actors.is_empty() || s.ents.is_empty() {
                text >= cfg.story_text_only
            } else {
                text >= p.story_text_min
                    && actors >= cfg.story_entity_min
                    && (shared_keys(&p.actors, &s.ents) > 1
                        || p.scontent.cosine(&s.terms, s.tnorm) >= cfg.story_one_entity_text)
            };
            // Subject terms plus entities: sharing `story_subject_actors` people or
            // organisations, one subject term does; with fewer (a brand, an institution,
            // an expert, a category) it takes `story_subject_min`.
            let need = if shared_keys(&p.actors, &s.ents) >= cfg.story_subject_actors {
                1
            } else {
                cfg.story_subject_min.max(1)
            };
            // A shared competition is a shared subject (`Singapore Open`).
            let same_comp = cfg.story_competitions && shares_competition(&p.comps, &s.comps);
            let ok = ok
                && (cfg.story_subject_terms == 0
                    || same_comp
                    || self.subject_of(p, s).len() >= need)
                && (!p.title_rule || same_comp || self.title_subject(p, s).is_some());
            if ok && best.is_none_or(|(bs, bid, _)| text > bs || (text == bs && id < bid)) {
                best = Some((text, id, actors));
            }
        }
        best.map(|b| (b.1, b.0, b.2))
    }

    /// Most articles a term may appear in to count as a story's subject (see
    /// [`LinkConfig::story_subject_df_max`]).
    fn subject_df_max(&self, s: &Story) -> f32 {
        (self.st.cfg.story_subject_df_max * self.st.n_docs as f32)
            .max(SUBJECT_DF_FLOOR)
            .max(self.st.cfg.story_subject_df_story * s.n_docs as f32)
    }

    /// A distinctive content term the article's title shares with the titles of the
    /// story's articles (see [`LinkConfig::story_title_subject`]), the rarest first.
    fn title_subject(&self, p: &Prepared, s: &Story) -> Option<u64> {
        let df_max = self.subject_df_max(s);
        p.title
            .iter()
            .filter(|k| s.titles.binary_search(k).is_ok())
            .filter(|k| s.names.binary_search(k).is_err() && p.name_toks.binary_search(k).is_err())
            .map(|k| (self.st.df.get(k).map_or(0, |&d| d), *k))
            .filter(|(d, _)| *d as f32 <= df_max)
            .min()
            .map(|x| x.1)
    }

    /// The story's subject terms — its `story_subject_terms` most distinctive profile
    /// terms (weight × plain IDF) — that the article holds, by key.
    fn subject_of(&self, p: &Prepared, s: &Story) -> Vec<u64> {
        let k = self.st.cfg.story_subject_terms;
        // Content terms only: not the words of names (see `story_subject_content`).
        let named = |key: &u64| {
            self.st.cfg.story_subject_content
                && (s.names.binary_search(key).is_ok() || p.name_toks.binary_search(key).is_ok())
        };
        // The story's core (see `story_core`): terms of at least two of its events.
        let in_core = |key: &u64| {
            !self.st.cfg.story_core
                || s.n_events < 2
                || s.core
                    .binary_search_by_key(key, |x| x.0)
                    .is_ok_and(|i| s.core[i].1 >= 2.0)
        };
        // Distinctive terms only (see `story_subject_df_max`).
        let share = self.st.cfg.story_subject_df_max;
        let df_max = (share * self.st.n_docs as f32)
            .max(SUBJECT_DF_FLOOR)
            .max(self.st.cfg.story_subject_df_story * s.n_docs as f32);
        let distinctive =
            |key: &u64| share <= 0.0 || self.st.df.get(key).map_or(0.0, |&d| d as f32) <= df_max;
        let mut top: Vec<(f32, u64)> = s
            .terms
            .iter()
            .filter(|(key, _)| !named(key) && in_core(key) && distinctive(key))
            .map(|&(key, w)| (w * self.weight(key, None), key))
            .collect();
        top.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        top.truncate(k);
        top.into_iter()
            .map(|x| x.1)
            .filter(|key| p.terms.binary_search_by_key(key, |x| x.0).is_ok())
            .collect()
    }

    /// Counts the founding article's most distinctive terms into its story's core (see
    /// [`LinkConfig::story_core`]).
    fn add_core(&mut self, story: u64, p: &Prepared) {
        if !self.st.cfg.story_core {
            return;
        }
        let (df, seen, cfg) = (&self.st.df, &self.st.seen, &self.st.cfg);
        let seq_now = self.st.n_docs;
        let idf = |k: u64| key_weight(df, seen, seq_now, cfg, k, None);
        let mut m = p.terms.clone();
        prune(&mut m, cfg.member_terms, |k, w| w * idf(k));
        let ones: Sparse = m.iter().map(|x| (x.0, 1.0)).collect();
        let keep = cfg.profile_terms;
        let Some(s) = self.st.stories.get_mut(&story) else {
            return;
        };
        add_into(&mut s.core, &ones);
        if s.core.len() > keep + keep / 2 {
            prune(&mut s.core, keep, |k, w| w * idf(k));
        }
    }

    fn fresh_id(&self, prefix: &str, article: &str, taken: impl Fn(u64) -> bool) -> u64 {
        let mut salt = 0;
        loop {
            let id = id_hash(prefix, article, salt);
            if !taken(id) || salt > 1000 {
                return id;
            }
            salt += 1;
        }
    }

    fn found_event(&mut self, r: &Raw, p: &Prepared, keys: &[u64], activity: i64) -> DocRec {
        let article = r.id.as_str();
        let id = self.fresh_id("event:", article, |x| self.st.events.contains_key(&x));
        let mut why = Why {
            event: "founded".into(),
            story: "founded".into(),
            promotion: p.promo,
            evergreen: p.evergreen,
            ..Why::default()
        };
        // A promotion or an evergreen piece founds its own story (see `join_event`).
        let joined = if p.promo || p.evergreen {
            None
        } else {
            self.best_story(p, keys)
        };
        let story = match joined {
            Some((s, text, actors)) => {
                why.story = "joined".into();
                why.story_terms = text;
                why.story_actors = actors;
                let subject = match self.st.stories.get(&s) {
                    Some(st) => self.subject_of(p, st),
                    None => Vec::new(),
                };
                why.story_subject_n = subject.len() as u32;
                why.story_subject = subject
                    .iter()
                    .filter_map(|k| r.names.iter().find(|x| x.0 == *k).map(|x| x.1.clone()))
                    .collect();
                if let Some(st) = self.st.stories.get(&s) {
                    why.story_competition =
                        self.st.cfg.story_competitions && shares_competition(&p.comps, &st.comps);
                    if p.title_rule {
                        why.story_title = self
                            .title_subject(p, st)
                            .and_then(|k| r.names.iter().find(|x| x.0 == k))
                            .map(|x| x.1.clone())
                            .unwrap_or_default();
                    }
                }
                if let Some(st) = self.st.stories.get_mut(&s) {
                    st.n_events += 1;
                    why.story_shared = shared_names(r, &st.terms, &st.ents);
                    why.story_content = p.scontent.cosine(&st.terms, st.tnorm);
                    why.story_shared_actors = shared_keys(&p.actors, &st.ents) as u32;
                }
                s
            }
            None => {
                let sid = self.fresh_id("story:", article, |x| self.st.stories.contains_key(&x));
                self.st.stories.insert(
                    sid,
                    Story {
                        terms: Vec::new(),
                        ents: Vec::new(),
                        tnorm: 0.0,
                        enorm: 0.0,
                        n_events: 1,
                        activity,
                        seq: self.st.n_docs,
                        keys: Vec::new(),
                        langs: Vec::new(),
                        names: Vec::new(),
                        core: Vec::new(),
                        n_docs: 0,
                        comps: Vec::new(),
                        titles: Vec::new(),
                    },
                );
                sid
            }
        };
        if !p.promo && !p.evergreen {
            self.add_core(story, p);
        }
        self.st.events.insert(
            id,
            Event {
                story,
                members: Vec::new(),
                terms: Vec::new(),
                ents: Vec::new(),
                tnorm: 0.0,
                enorm: 0.0,
                n_docs: 0,
                first: None,
                last: None,
                activity,
                seq: self.st.n_docs,
                keys: Vec::new(),
                promo: p.promo,
                evergreen: p.evergreen,
                langs: Vec::new(),
                days: Vec::new(),
            },
        );
        self.join_event(id, p, keys, activity);
        DocRec {
            event: id,
            story,
            dup_of: None,
            why,
        }
    }

    /// Drops events, stories and signatures that fell out of their windows or over
    /// their caps, and unlinks them from the indexes.
    fn evict(&mut self) {
        self.st.since_evict = 0;
        let cfg = self.st.cfg.clone();
        let now = self.st.max_time;
        let seq = self.st.n_docs;

        // Events.
        let mut gone: Vec<u64> = match now {
            Some(m) => {
                let lim = m - cfg.event_retention_days * 1440;
                self.st
                    .events
                    .iter()
                    .filter(|(_, e)| {
                        e.activity < lim && seq.saturating_sub(e.seq) > cfg.keep_recent_docs
                    })
                    .map(|(k, _)| *k)
                    .collect()
            }
            None => Vec::new(),
        };
        if self.st.events.len() - gone.len() > cfg.max_active_events {
            let gone_set: HashSet<u64> = gone.iter().copied().collect();
            let mut rest: Vec<(i64, u64)> = self
                .st
                .events
                .iter()
                .filter(|(k, _)| !gone_set.contains(*k))
                .map(|(k, e)| (e.activity, *k))
                .collect();
            rest.sort_unstable();
            let target = cfg.max_active_events * 9 / 10;
            let extra = rest.len().saturating_sub(target);
            gone.extend(rest.iter().take(extra).map(|x| x.1));
        }
        for id in gone {
            if let Some(e) = self.st.events.remove(&id) {
                unlink(&mut self.event_postings, &e.keys, id);
            }
        }

        // Stories.
        let mut gone: Vec<u64> = match now {
            Some(m) => {
                let lim = m - cfg.story_retention_days * 1440;
                self.st
                    .stories
                    .iter()
                    .filter(|(_, s)| {
                        s.activity < lim && seq.saturating_sub(s.seq) > cfg.keep_recent_docs
                    })
                    .map(|(k, _)| *k)
                    .collect()
            }
            None => Vec::new(),
        };
        if self.st.stories.len() - gone.len() > cfg.max_active_stories {
            let gone_set: HashSet<u64> = gone.iter().copied().collect();
            let mut rest: Vec<(i64, u64)> = self
                .st
                .stories
                .iter()
                .filter(|(k, _)| !gone_set.contains(*k))
                .map(|(k, s)| (s.activity, *k))
                .collect();
            rest.sort_unstable();
            let target = cfg.max_active_stories * 9 / 10;
            let extra = rest.len().saturating_sub(target);
            gone.extend(rest.iter().take(extra).map(|x| x.1));
        }
        for id in gone {
            if let Some(s) = self.st.stories.remove(&id) {
                unlink(&mut self.story_postings, &s.keys, id);
            }
        }

        // Persistence days: a key not seen for longer than the bitmask is forgotten.
        if let Some(m) = now {
            let lim = day_of(m) - Seen::BITS;
            self.st.seen.retain(|_, s| s.day >= lim);
        }

        // Signatures: by time, then by count (oldest slot first).
        let mut drop: Vec<u32> = match now {
            Some(m) => {
                let lim = m - cfg.dup_window_days * 1440;
                self.st
                    .dups
                    .iter()
                    .filter(|(_, d)| {
                        d.activity < lim && seq.saturating_sub(d.seq) > cfg.keep_recent_docs
                    })
                    .map(|(k, _)| *k)
                    .collect()
            }
            None => Vec::new(),
        };
        let over = (self.st.dups.len() - drop.len()).saturating_sub(cfg.max_dup_docs);
        if over > 0 {
            let drop_set: HashSet<u32> = drop.iter().copied().collect();
            let extra: Vec<u32> = self
                .st
                .dups
                .keys()
                .filter(|k| !drop_set.contains(*k))
                .take(over)
                .copied()
                .collect();
            drop.extend(extra);
        }
        for slot in drop {
            if let Some(d) = self.st.dups.remove(&slot) {
                self.lsh.remove(slot, &d.sig);
            }
        }
    }
}

/// Names of the article's terms and entities present in a profile, most distinctive
/// first (the order the article listed them: title terms, then body, then entities);
/// content terms come before the words of entity names (see [`Raw::name_toks`]).
fn shared_names(r: &Raw, terms: &[(u64, f32)], ents: &[(u64, f32)]) -> Vec<String> {
    let has = |v: &[(u64, f32)], k: u64| v.binary_search_by_key(&k, |x| x.0).is_ok();
    let is_name = |k: u64| r.name_toks.binary_search(&k).is_ok();
    let shared = r
        .names
        .iter()
        .filter(|(k, _)| has(terms, *k) || has(ents, *k));
    let (names, content): (Vec<_>, Vec<_>) = shared.partition(|(k, _)| is_name(*k));
    content
        .into_iter()
        .chain(names)
        .map(|x| x.1.clone())
        .take(8)
        .collect()
}

/// True when an article of `lang` meets a cluster of other languages only (all known):
/// terms cannot be compared, entities can.
/// True when both sides name competitions and share none (see
/// [`LinkConfig::story_competitions`]); both sorted.
fn other_competition(article: &[u64], story: &[u64]) -> bool {
    !article.is_empty() && !story.is_empty() && !shares_competition(article, story)
}

/// True when the article names a competition the story's titles name (`story` sorted).
fn shares_competition(article: &[u64], story: &[u64]) -> bool {
    article.iter().any(|c| story.binary_search(c).is_ok())
}

fn cross_lang(lang: Lang, langs: &[Lang]) -> bool {
    lang != Lang::Unknown
        && !langs.is_empty()
        && !langs.contains(&lang)
        && !langs.contains(&Lang::Unknown)
}

/// Keys present in both sorted vectors.
fn shared_keys(a: &[(u64, f32)], b: &[(u64, f32)]) -> usize {
    a.iter()
        .filter(|(k, _)| b.binary_search_by_key(k, |x| x.0).is_ok())
        .count()
}

fn unlink(postings: &mut HashMap<u64, Vec<u64>>, keys: &[u64], id: u64) {
    for k in keys {
        if let Some(v) = postings.get_mut(k) {
            v.retain(|&x| x != id);
            if v.is_empty() {
                postings.remove(k);
            }
        }
    }
}

#[cfg(test)]
mod tests;
