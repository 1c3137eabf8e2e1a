//! Word lists shared by the publication-date parser and the tagger: month names and their
//! abbreviations, weekday names, number words (Indonesian and English).
//!
//! Hand-written: these are closed classes of a few dozen words each, and no maintained
//! crate lists the Indonesian forms (Agu/Agt/Ags, Nop, Pebruari, Jum'at, Ahad…).

use chrono::Weekday;

/// Month names and abbreviations (lower case), Indonesian and English, with their number.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agust", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Weekday names (lower case), Indonesian and English, full and abbreviated.
pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("jum'at", Weekday::Fri),
    ("jum’at", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("sen", Weekday::Mon),
    ("sel", Weekday::Tue),
    ("rab", Weekday::Wed),
    ("kam", Weekday::Thu),
    ("jum", Weekday::Fri),
    ("sab", Weekday::Sat),
    ("min", Weekday::Sun),
];

/// The month number of a (case-insensitive) month word, ignoring a trailing dot.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// The weekday of a (case-insensitive) weekday word, ignoring a trailing dot.
pub(crate) fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_lowercase();
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|&(_, d)| d)
}

/// A regex alternation of all month words, longest first (so `Maret` wins over `Mar`).
pub(crate) fn month_alternation() -> String {
    let mut words: Vec<&str> = MONTHS.iter().map(|(w, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

/// English name of a weekday, for warning messages.
pub(crate) fn weekday_en(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// English name of a month (1-based), for warning messages.
pub(crate) fn month_en(m: u32) -> &'static str {
    const N: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    N.get(m.wrapping_sub(1) as usize).copied().unwrap_or("?")
}

/// The value of a number written as digits or as an Indonesian or English number word
/// ("enam", "dua puluh", "sebelas", "twenty-one", "a"). `None` when it is not a number.
pub(crate) fn number_of(word: &str) -> Option<i64> {
    let w = word.trim().to_lowercase();
    if w.is_empty() {
        return None;
    }
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().filter(|&n: &i64| n < 100_000);
    }
    let w = w.replace('-', " ");
    let parts: Vec<&str> = w.split_whitespace().collect();
    match parts.as_slice() {
        [one] => unit_word(one),
        // "dua belas" (12)
        [u, "belas"] => unit_word(u).filter(|&n| n < 10).map(|n| n + 10),
        // "dua puluh" (20)
        [u, "puluh"] => unit_word(u).filter(|&n| n < 10).map(|n| n * 10),
        // "dua puluh lima" (25)
        [u, "puluh", v] => {
            let t = unit_word(u).filter(|&n| n < 10)?;
            let o = unit_word(v).filter(|&n| n < 10)?;
            Some(t * 10 + o)
        }
        // "twenty one"
        [t, o] => {
            let t = unit_word(t).filter(|&n| n >= 20 && n % 10 == 0)?;
            let o = unit_word(o).filter(|&n| n < 10)?;
            Some(t + o)
        }
        _ => None,
    }
}

fn unit_word(w: &str) -> Option<i64> {
    Some(match w {
        "satu" | "one" | "a" | "an" | "se" => 1,
        "dua" | "two" => 2,
        "tiga" | "three" => 3,
        "empat" | "four" => 4,
        "lima" | "five" => 5,
        "enam" | "six" => 6,
        "tujuh" | "seven" => 7,
        "delapan" | "eight" => 8,
        "sembilan" | "nine" => 9,
        "sepuluh" | "ten" => 10,
        "sebelas" | "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" | "tigapuluh" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "seratus" | "hundred" => 100,
        _ => return None,
    })
}

/// A regex fragment matching a number in digits or words (Indonesian and English).
pub(crate) const NUMBER_RE: &str = r"(?:\d{1,4}|(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:\s+(?:belas|puluh(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?))?|sepuluh|sebelas|seratus|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)";

/// The word lists of `data/words.tsv` (`list<TAB>word<TAB>value`), read once.
static WORDS: std::sync::LazyLock<Vec<(String, String, String)>> = std::sync::LazyLock::new(|| {
    include_str!("../data/words.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let list = f.next().unwrap_or("").trim().to_string();
            let word = f.next().unwrap_or("").trim().to_string();
            let value = f.next().unwrap_or("").trim().to_string();
            (list, word, value)
        })
        .collect()
});

/// The (word, value) pairs of one list of `data/words.tsv`, longest word first.
pub(crate) fn word_list(list: &str) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&'static str, &'static str)> = WORDS
        .iter()
        .filter(|(l, _, _)| l == list)
        .map(|(_, w, v)| (w.as_str(), v.as_str()))
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
}

/// The value of `word` (lower case, white space collapsed) in `list`.
pub(crate) fn word_value(list: &str, word: &str) -> Option<&'static str> {
    let w = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    WORDS
        .iter()
        .find(|(l, x, _)| l == list && *x == w)
        .map(|(_, _, v)| v.as_str())
}

/// A regex alternation of the words of `list` (longest first, spaces as `\s+`).
pub(crate) fn word_alternation(list: &str) -> String {
    word_list(list)
        .iter()
        .map(|(w, _)| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_well_formed() {
        for (l, w, _) in WORDS.iter() {
            assert!(
                !l.is_empty() && !w.is_empty(),
                "data/words.tsv: empty field in {l:?} {w:?}"
            );
            assert_eq!(
                *w,
                w.to_lowercase(),
                "data/words.tsv: {w:?} is not lower case"
            );
        }
        for l in ["ref", "vague", "pod", "mod", "season"] {
            assert!(
                word_list(l).iter().all(|(_, v)| !v.is_empty()),
                "list {l} needs values"
            );
        }
        assert_eq!(word_value("pod", "sore"), Some("AF"));
        assert_eq!(word_value("mod", "lebih  dari"), Some("MORE_THAN"));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_of("enam"), Some(6));
        assert_eq!(number_of("dua belas"), Some(12));
        assert_eq!(number_of("dua puluh lima"), Some(25));
        assert_eq!(number_of("twenty-one"), Some(21));
        assert_eq!(number_of("30"), Some(30));
        assert_eq!(number_of("banyak"), None);
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_of("Nop"), Some(11));
        assert_eq!(month_of("Agt."), Some(8));
        assert_eq!(month_of("Sept"), Some(9));
        assert_eq!(month_of("Mei"), Some(5));
        assert_eq!(month_of("Minggu"), None);
        assert_eq!(weekday_of("Jum'at"), Some(Weekday::Fri));
        assert_eq!(weekday_of("Minggu"), Some(Weekday::Sun));
        assert!(month_alternation().starts_with("september|"));
    }
}
