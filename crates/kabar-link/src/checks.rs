//! The checks a reader makes on linked real news, as numbers a test can assert: how long
//! and how large events get, whether one event swallowed several days' market reports or
//! one person's statements over many days, and whether a story was joined through a
//! shared entity alone (a person, an organisation, a platform or brand). Used by `kabar-analyze`'s `link_gold` example and test.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::{Assignment, LinkDoc, Linker};

/// Words that mark a market-level report in a title (`data/market-titles.txt`).
const MARKET_TITLES: &str = include_str!("../data/market-titles.txt");
/// Promotion cues of titles (`data/promo-titles.txt`).
const PROMO_TITLES: &str = include_str!("../data/promo-titles.txt");
/// Promotion cues of texts (`data/promo-text.txt`).
const PROMO_TEXT: &str = include_str!("../data/promo-text.txt");
/// Openings of evergreen titles (`data/evergreen-titles.txt`).
const EVERGREEN_TITLES: &str = include_str!("../data/evergreen-titles.txt");
/// Head words of competition names (`data/competition-titles.txt`).
const COMPETITION_TITLES: &str = include_str!("../data/competition-titles.txt");
/// Distinct text cues that make an article a promotion without a title cue.
const PROMO_TEXT_ONLY: usize = 3;

/// Reader checks on one linked corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderChecks {
    /// Events.
    pub events: usize,
    /// Events whose first and last report are more than 14 days apart.
    pub long_events: usize,
    /// Articles in the largest event.
    pub largest: usize,
    /// The most distinct publication days of market-level reports (titles whose subject
    /// is the rupiah, the dollar rate, the stock index: they start with its name) inside
    /// one event: each day's close is its
    /// own happening, so more than 2 (a close and next morning's recap) is an over-merge.
    pub market_days_max: usize,
    /// Events whose market-level reports fall on more than 2 distinct days.
    pub market_over: usize,
    /// The most distinct publication days on which one person is named in the titles
    /// of one event's articles: a person quoted on many days on many subjects is many
    /// happenings.
    pub person_days_max: usize,
    /// Events that joined a story through one shared entity: sharing no content term
    /// with it besides the words of entity names, or sharing a single person or
    /// organisation with content-term similarity under [`ONE_ENTITY_CONTENT`] (a person,
    /// an organisation, a platform or a brand alone — `Google Play` under three unrelated
    /// game promotions — must never make a story).
    pub entity_only_story_joins: usize,
    /// The most distinct publication days of promotions ([`is_promotion`]) inside one
    /// event: each sale day or contest round is its own happening, so more than 2 (an
    /// announcement the evening before and the day itself) is an over-merge.
    pub promotion_days_max: usize,
    /// Stories holding a promotion's event together with any other event: a shared
    /// sponsor, wallet or platform (DANA, Google Play) or a contest about a sport is no
    /// shared subject.
    pub promotion_story_mixes: usize,
    /// Events that joined a story without holding one of its subject terms
    /// ([`crate::LinkConfig::story_subject_terms`]) or naming one of its competitions
    /// ([`crate::LinkConfig::story_competitions`]; from the linker's `Why`).
    pub subjectless_story_joins: usize,
    /// The most distinct publication days of evergreen pieces ([`is_evergreen`]: tips,
    /// how-tos, explainers, profiles) inside one event: two tip pieces quoting one
    /// expert on different days share a genre, not a happening.
    pub evergreen_days_max: usize,
    /// Stories holding two or more events made of evergreen pieces only: a thread of
    /// health tips or of small-business profiles is a category, not a subject.
    pub evergreen_threads: usize,
    /// Events that joined a story whose shared subject terms are all words of entity
    /// names (`bpjs`, `xiaomi`): a story held by one brand or institution alone (from the
    /// linker's `Why`; counted when every subject term kept its name).
    pub name_subject_joins: usize,
    /// Events of multi-event stories that share no *distinctive* content term with any
    /// other event of their story: no term (words of entity names left out) that at most
    /// [`DISTINCTIVE_DF`] of the corpus's articles hold. Such an event is held in its
    /// story by an institution, a brand, a sector or a category alone (a police unit's
    /// raid and its fun run; stock briefs of different companies), not by one subject.
    /// A competition both titles name counts as a shared term.
    pub thin_story_events: usize,
    /// Events whose articles state happening days ([`LinkDoc::happened`]) two or more
    /// days apart: one happening is reported with one day (a case reported over days —
    /// a murder found, then its suspect caught — states days one apart at most).
    pub happening_apart_events: usize,
}

/// The largest share of a corpus's articles a term may appear in and still count as a
/// distinctive subject term for [`ReaderChecks::thin_story_events`] (1 %: `hantavirus`,
/// `anambas`, `thomas`; not `saham`, `polisi`, `kesehatan`).
pub const DISTINCTIVE_DF: f64 = 0.01;

/// The content-term similarity (entity name words left out) a reader expects of a story
/// join that shares one person or organisation only: clearly the same subject.
pub const ONE_ENTITY_CONTENT: f32 = 0.3;

/// The entries of a word-list file (one per line; `#` comments and blank lines skipped).
fn list_words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// True when `title` starts with a market word (`data/market-titles.txt`): a report of one
/// day's exchange rate, index or gold price.
pub fn is_market_title(title: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| list_words(MARKET_TITLES));
    let t = title.trim_start().to_lowercase();
    WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// True when `phrase` occurs in `text` (both lower case) as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(i, _)| {
        !word(text[..i].chars().next_back()) && !word(text[i + phrase.len()..].chars().next())
    })
}

/// How many cues of `list` occur in `text` (lower case), counting each cue once.
fn cues(text: &str, list: &[&str]) -> usize {
    list.iter().filter(|w| has_phrase(text, w)).count()
}

/// True when the article is a promotion — a sale, a discount, a reader contest, a
/// sponsored offer — rather than the report of a happening: its title holds a cue of
/// `data/promo-titles.txt` and its text one of `data/promo-text.txt`, or its text holds
/// three text cues. The annotation criteria (`docs/link.md`) make each promotion its own
/// event unless several articles report the same campaign, and no story joins
/// unrelated promotions through a shared platform, wallet or sponsor.
pub fn is_promotion(title: &str, text: &str) -> bool {
    static TITLE: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| list_words(PROMO_TITLES));
    static TEXT: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| list_words(PROMO_TEXT));
    let text = text.to_lowercase();
    let in_text = cues(&text, &TEXT);
    in_text >= PROMO_TEXT_ONLY || (in_text >= 1 && cues(&title.to_lowercase(), &TITLE) >= 1)
}

/// True when the title opens (after an optional leading number: `5 Makanan …`) with a
/// word of `data/evergreen-titles.txt` — a tip, a how-to, an explainer, a listicle, a
/// prayer text, a profile — rather than the report of a happening. The annotation
/// criteria (`docs/link.md`) make each such piece its own event, and a story is a thread
/// of happenings about one subject, not a genre: two tip pieces quoting one doctor, or
/// profiles of two small businesses, are no thread.
pub fn is_evergreen(title: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| list_words(EVERGREEN_TITLES));
    let t = title.trim_start().to_lowercase();
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
    })
}

/// The competitions a title names, lower case, years left out: a head word of
/// `data/competition-titles.txt` with the word before it (`Thomas Cup 2026` → `thomas
/// cup`, `Singapore Open` → `singapore open`; both names of `Thomas & Uber Cup`), or,
/// for a head marked `>`, with the word after it (`Piala Dunia` → `piala dunia`). A
/// competition is a story's subject: two tournaments of one sport are two stories.
pub fn competitions(title: &str) -> Vec<String> {
    static HEADS: std::sync::LazyLock<(Vec<&'static str>, Vec<&'static str>)> =
        std::sync::LazyLock::new(|| {
            let (before, after): (Vec<&str>, Vec<&str>) = list_words(COMPETITION_TITLES)
                .into_iter()
                .partition(|w| w.starts_with('>'));
            let before = before
                .iter()
                .map(|w| w.trim_start_matches('>').trim())
                .collect();
            (after, before)
        });
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_name = |w: &&str| w.chars().any(char::is_alphabetic) && *w != "&";
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if HEADS.0.contains(w) && i > 0 && is_name(&words[i - 1]) {
            out.push(format!("{} {w}", words[i - 1]));
            // `Thomas & Uber Cup`: both names.
            if i >= 3 && matches!(words[i - 2], "&" | "dan" | "and") && is_name(&words[i - 3]) {
                out.push(format!("{} {w}", words[i - 3]));
            }
        }
        if HEADS.1.contains(w) {
            if let Some(next) = words
                .get(i + 1)
                .filter(|n| n.chars().any(char::is_alphanumeric))
            {
                if !next.chars().all(|c| c.is_ascii_digit()) || next.len() < 4 {
                    out.push(format!("{w} {next}"));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Name tokens of a person entity ID (`per:purbaya-yudhi-sadewa` → `purbaya`, …).
fn person_tokens(id: &str) -> Vec<&str> {
    id.strip_prefix("per:")
        .map(|s| {
            s.split(['-', '_'])
                .filter(|w| w.chars().count() > 3)
                .collect()
        })
        .unwrap_or_default()
}

/// Computes the [`ReaderChecks`] of `docs` linked as `links` (by article ID); `linker`
/// (the one that produced `links`) supplies why each event joined its story.
pub fn reader_checks(
    docs: &[LinkDoc],
    links: &HashMap<String, Assignment>,
    linker: Option<&Linker>,
) -> ReaderChecks {
    let mut events: BTreeMap<&str, Vec<&LinkDoc>> = BTreeMap::new();
    for d in docs {
        if let Some(a) = links.get(&d.id) {
            events.entry(a.event.as_str()).or_default().push(d);
        }
    }
    let mut c = ReaderChecks {
        events: events.len(),
        ..ReaderChecks::default()
    };
    c.promotion_story_mixes = promotion_story_mixes(docs, links);
    c.evergreen_threads = evergreen_threads(docs, links);
    c.thin_story_events = thin_story_events(docs, links);
    for v in events.values() {
        c.largest = c.largest.max(v.len());
        let promo_days: BTreeSet<_> = v
            .iter()
            .filter(|d| is_promotion(&d.title, &d.text))
            .filter_map(|d| d.published.map(|p| p.date()))
            .collect();
        c.promotion_days_max = c.promotion_days_max.max(promo_days.len());
        let evergreen_days: BTreeSet<_> = v
            .iter()
            .filter(|d| is_evergreen(&d.title))
            .filter_map(|d| d.published.map(|p| p.date()))
            .collect();
        c.evergreen_days_max = c.evergreen_days_max.max(evergreen_days.len());
        let stated: BTreeSet<_> = v.iter().filter_map(|d| d.happened).collect();
        if let (Some(x), Some(y)) = (stated.first(), stated.last()) {
            if (*y - *x).num_days() >= 2 {
                c.happening_apart_events += 1;
            }
        }
        let ts: Vec<_> = v.iter().filter_map(|d| d.published).collect();
        if let (Some(x), Some(y)) = (ts.iter().min(), ts.iter().max()) {
            if (*y - *x).num_minutes() as f64 / 1440.0 > 14.0 {
                c.long_events += 1;
            }
        }
        let market: BTreeSet<_> = v
            .iter()
            .filter(|d| is_market_title(&d.title))
            .filter_map(|d| d.published.map(|p| p.date()))
            .collect();
        c.market_days_max = c.market_days_max.max(market.len());
        if market.len() > 2 {
            c.market_over += 1;
        }
        let mut person_days: HashMap<&str, BTreeSet<chrono::NaiveDate>> = HashMap::new();
        for d in v {
            let (Some(p), t) = (d.published, d.title.to_lowercase()) else {
                continue;
            };
            for e in &d.entities {
                for tok in person_tokens(e) {
                    if t.split(|ch: char| !ch.is_alphanumeric()).any(|w| w == tok) {
                        person_days.entry(tok).or_default().insert(p.date());
                    }
                }
            }
        }
        let most = person_days.values().map(BTreeSet::len).max().unwrap_or(0);
        c.person_days_max = c.person_days_max.max(most);
    }
    if let Some(l) = linker {
        for d in docs {
            let Some(w) = l.why(&d.id) else { continue };
            if w.story != "joined" {
                continue;
            }
            let words = crate::name_words(&d.entities);
            let content = w
                .story_shared
                .iter()
                .any(|s| !s.contains(':') && !crate::is_name_word(s, &words));
            let one_entity = w.story_shared_actors == 1 && w.story_content < ONE_ENTITY_CONTENT;
            if !content || one_entity {
                c.entity_only_story_joins += 1;
            }
            if w.story_subject_n == 0 && !w.story_competition {
                c.subjectless_story_joins += 1;
            }
            let named = w.story_subject.len() == w.story_subject_n as usize
                && w.story_subject
                    .iter()
                    .all(|t| crate::is_name_word(t, &words));
            if w.story_subject_n > 0 && named {
                c.name_subject_joins += 1;
            }
        }
    }
    c
}

/// Stories holding two or more events made of evergreen pieces only (see
/// [`ReaderChecks::evergreen_threads`]).
fn evergreen_threads(docs: &[LinkDoc], links: &HashMap<String, Assignment>) -> usize {
    // Per story, per event: (articles, evergreen articles).
    let mut stories: BTreeMap<&str, BTreeMap<&str, (usize, usize)>> = BTreeMap::new();
    for d in docs {
        if let Some(a) = links.get(&d.id) {
            let n = stories
                .entry(a.story.as_str())
                .or_default()
                .entry(a.event.as_str())
                .or_default();
            n.0 += 1;
            n.1 += usize::from(is_evergreen(&d.title));
        }
    }
    stories
        .values()
        .filter(|evs| evs.values().filter(|(n, e)| n == e).count() >= 2)
        .count()
}

/// Events of multi-event stories sharing no distinctive content term with another event
/// of their story (see [`ReaderChecks::thin_story_events`]).
fn thin_story_events(docs: &[LinkDoc], links: &HashMap<String, Assignment>) -> usize {
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut terms_of: Vec<BTreeSet<&str>> = Vec::with_capacity(docs.len());
    for d in docs {
        let words = crate::name_words(&d.entities);
        let set: BTreeSet<&str> = d
            .title_terms
            .iter()
            .chain(&d.body_terms)
            .map(String::as_str)
            .filter(|t| !crate::is_name_word(t, &words))
            .collect();
        for t in &set {
            *df.entry(t).or_default() += 1;
        }
        terms_of.push(set);
    }
    let max_df = ((docs.len() as f64) * DISTINCTIVE_DF).max(2.0) as usize;
    // Per story, per event: its distinctive terms, and the competitions its titles
    // name (a shared competition is a shared subject, see
    // [`crate::LinkConfig::story_competitions`]).
    type Evidence<'a> = (BTreeSet<&'a str>, BTreeSet<String>);
    let mut stories: BTreeMap<&str, BTreeMap<&str, Evidence>> = BTreeMap::new();
    for (d, set) in docs.iter().zip(&terms_of) {
        let Some(a) = links.get(&d.id) else { continue };
        let ev = stories
            .entry(a.story.as_str())
            .or_default()
            .entry(a.event.as_str())
            .or_default();
        ev.0.extend(set.iter().filter(|t| df[*t] <= max_df));
        ev.1.extend(competitions(&d.title));
    }
    let mut thin = 0;
    for evs in stories.values().filter(|e| e.len() > 1) {
        for (id, (terms, comps)) in evs {
            let shares = evs.iter().any(|(other, (t2, c2))| {
                other != id && (terms.iter().any(|t| t2.contains(t)) || !comps.is_disjoint(c2))
            });
            thin += usize::from(!shares);
        }
    }
    thin
}

/// Stories that hold an event with a promotion and another event (see
/// [`ReaderChecks::promotion_story_mixes`]).
fn promotion_story_mixes(docs: &[LinkDoc], links: &HashMap<String, Assignment>) -> usize {
    let mut stories: BTreeMap<&str, (BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    for d in docs {
        if let Some(a) = links.get(&d.id) {
            let (all, promo) = stories.entry(a.story.as_str()).or_default();
            all.insert(a.event.as_str());
            if is_promotion(&d.title, &d.text) {
                promo.insert(a.event.as_str());
            }
        }
    }
    stories
        .values()
        .filter(|(all, promo)| !promo.is_empty() && all.len() > 1)
        .count()
}

#[cfg(test)]
mod tests {
    use super::{competitions, is_evergreen, is_market_title, is_promotion};

    #[test]
    fn competitions_are_named_by_their_head_word() {
        assert_eq!(
            competitions("Hasil Thomas Cup 2026: Indonesia Menang"),
            ["thomas cup"]
        );
        assert_eq!(
            competitions("Jadwal Thomas & Uber Cup 2026 Hari Ini"),
            ["thomas cup", "uber cup"]
        );
        assert_eq!(
            competitions("Lupakan Thomas Cup, Tatap Singapore Open"),
            ["singapore open", "thomas cup"]
        );
        assert_eq!(
            competitions("Timnas Lolos ke Piala Dunia 2026"),
            ["piala dunia"]
        );
        assert_eq!(competitions("Persib Juara Liga 1"), ["liga 1"]);
        // A year is no name.
        assert_eq!(competitions("Piala 2026 Dibuka"), Vec::<String>::new());
        assert!(competitions("Harga Emas Antam Hari Ini").is_empty());
    }

    #[test]
    fn evergreen_titles_open_with_a_genre_word() {
        assert!(is_evergreen("Tips Menyimpan Daging Agar Awet"));
        assert!(is_evergreen("5 Makanan Penangkal Stres"));
        assert!(is_evergreen("Apa Itu Virus Baru Ini?"));
        assert!(!is_evergreen("Menteri Bagikan Tips Hemat Energi"));
        // Whole words: `caranya`, `doanya`, `tanda-tangan` are no cue.
        assert!(!is_evergreen("Caranya Unik, Warga Rayakan Panen"));
        assert!(!is_evergreen("Tanda-tangan Kontrak Baru Pebalap"));
        assert!(!is_evergreen("3 Pejabat Jadi Tersangka Korupsi"));
    }

    #[test]
    fn promotions_need_a_title_cue_and_a_text_cue_or_three_text_cues() {
        let sale = "Serbu diskon 50% di mal ini, hari Minggu saja.";
        assert!(is_promotion("Diskon Jumbo TV di Full Day Sale", sale));
        // A policy that cuts fares is news: no offer or call to action in the text.
        assert!(!is_promotion(
            "Pemerintah Rilis Paket Stimulus: Diskon Tiket Pesawat",
            "Menteri mengumumkan paket stimulus ekonomi untuk kuartal ketiga."
        ));
        // A sponsored text without a title cue: three calls to action.
        assert!(is_promotion(
            "Cara Mudah Dapat Skin Baru",
            "Ada promo. Segera download aplikasinya, lalu top up saldo."
        ));
        assert!(!is_promotion(
            "Cara Mudah Dapat Skin Baru",
            "Ada promo baru."
        ));
        // Whole words only: `promosi` (promotion to a post) is no cue.
        assert!(!is_promotion("Kuis", "Ia mendapat promosi jabatan."));
    }

    #[test]
    fn market_titles_start_with_a_market_word() {
        assert!(is_market_title("Rupiah Ditutup Menguat ke Rp 16.200"));
        assert!(is_market_title("Harga Emas Antam Hari Ini Naik Rp 20.000"));
        assert!(is_market_title(
            "IHSG Masih Loyo, Saham-saham Tambang Berguguran"
        ));
        assert!(!is_market_title("Kursi Menteri Diisi Wajah Baru"));
        assert!(!is_market_title("Purbaya: Rupiah Akan Menguat"));
    }
}
