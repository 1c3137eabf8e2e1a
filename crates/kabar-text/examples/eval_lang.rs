//! Language identification on the shared corpora: accuracy on whole bodies, first
//! sentences and titles, for `detect` (scorer + whatlang fallback), the scorer alone and
//! whatlang alone; speed on whole bodies.
//!
//! `cargo run --release -p kabar-text --example eval_lang [-- --errors]`

#[path = "../tests/support/corpus.rs"]
mod corpus;

use kabar_text::lang::{detect, detect_detail, detect_scorer, detect_whatlang};
use kabar_text::{sentences, Lang};
use std::time::Instant;

type Detector = (&'static str, fn(&str) -> Lang);

const DETECTORS: &[Detector] = &[
    ("detect (scorer+fallback)", detect),
    ("scorer alone", detect_scorer),
    ("whatlang 0.18", detect_whatlang),
];

/// Short texts in other languages, written for this evaluation (not from any corpus).
const OTHER: &[&str] = &[
    "Le gouvernement a présenté mardi un projet de loi sur le logement social.",
    "Les habitants ont été évacués après les inondations dans le sud du pays.",
    "Die Polizei hat am Montag zwei Verdächtige in der Innenstadt festgenommen.",
    "Der Minister kündigte neue Hilfen für die betroffenen Landwirte an.",
    "El presidente se reunió con los gobernadores para hablar de la sequía.",
    "Los precios del arroz subieron un diez por ciento en el último mes.",
    "De regering heeft dinsdag nieuwe maatregelen tegen de overstromingen aangekondigd.",
    "Il governo ha approvato ieri sera il nuovo decreto sulle pensioni.",
    "O governo anunciou ontem novas medidas para conter a inflação no país.",
    "Ang mga residente ay inilikas matapos ang malakas na pagbaha sa lalawigan.",
    "Warga desa padha ngungsi amarga banjir gedhe sing nekani wingi sore.",
    "Pemerentah kabupaten bakal mbangun kreteg anyar kanggo warga ing pinggir kali.",
    "Hükümet salı günü yeni ekonomik önlemleri açıkladı.",
    "Chính phủ đã công bố các biện pháp mới để kiểm soát lạm phát.",
    "Правительство объявило о новых мерах поддержки фермеров.",
    "政府は新たな住宅政策を発表した。",
];

/// Malay news-like sentences, written for this evaluation.
const MALAY: &[&str] = &[
    "Kerajaan negeri berkata bahawa kenderaan awam akan dibenarkan beroperasi selepas perintah kawalan ditarik balik.",
    "Polis sedang menyiasat kes kecurian wang tunai di sebuah pejabat pos semalam.",
    "Perdana Menteri berkata ekonomi negara dijangka pulih sepenuhnya tahun hadapan.",
    "Jabatan Kebajikan Masyarakat menyalurkan bantuan kepada mangsa banjir di tiga daerah.",
    "Harga minyak sawit mentah naik kerana permintaan yang tinggi dari luar negara.",
    "Beliau berkata pihaknya akan mengadakan mesyuarat dengan kakitangan minggu ini.",
];

fn first_sentence(t: &str) -> &str {
    sentences(t).first().map(|s| s.slice(t)).unwrap_or("")
}

fn main() {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let id = corpus::indonesian();
    let en = corpus::english();
    if id.is_empty() || en.is_empty() {
        eprintln!(
            "shared corpora not found under {}",
            corpus::data_dir().display()
        );
        std::process::exit(1);
    }
    println!(
        "corpora: {} Indonesian docs (detik-2026, detik-2025, indosum-dev), {} English docs (giveme5w1h, ecbplus, wikiref220)\n",
        id.len(),
        en.len()
    );
    let sets: Vec<(&str, Lang, Vec<&str>)> = vec![
        (
            "id body",
            Lang::Id,
            id.iter()
                .map(|d| d.body.as_str())
                .filter(|b| !b.trim().is_empty())
                .collect(),
        ),
        (
            "id first sentence",
            Lang::Id,
            id.iter()
                .map(|d| first_sentence(&d.body))
                .filter(|b| !b.is_empty())
                .collect(),
        ),
        (
            "id title",
            Lang::Id,
            id.iter().filter_map(|d| d.title.as_deref()).collect(),
        ),
        (
            "en body",
            Lang::En,
            en.iter()
                .map(|d| d.body.as_str())
                .filter(|b| !b.trim().is_empty())
                .collect(),
        ),
        (
            "en first sentence",
            Lang::En,
            en.iter()
                .map(|d| first_sentence(&d.body))
                .filter(|b| !b.is_empty())
                .collect(),
        ),
        (
            "en title",
            Lang::En,
            en.iter().filter_map(|d| d.title.as_deref()).collect(),
        ),
        ("other langs (und)", Lang::Unknown, OTHER.to_vec()),
        ("Malay (-> id)", Lang::Id, MALAY.to_vec()),
    ];
    print!("{:<20} {:>6}", "set", "n");
    for (name, _) in DETECTORS {
        print!(" | {:>24}", name);
    }
    println!();
    for (name, want, texts) in &sets {
        print!("{:<20} {:>6}", name, texts.len());
        for (dname, f) in DETECTORS {
            let mut ok = 0usize;
            let mut und = 0usize;
            for t in texts {
                let got = f(t);
                if got == *want {
                    ok += 1;
                } else if show_errors && *dname == DETECTORS[0].0 {
                    let short: String = t.chars().take(100).collect();
                    eprintln!("[{name}] want {} got {}: {short}", want.code(), got.code());
                }
                if got == Lang::Unknown {
                    und += 1;
                }
            }
            let acc = 100.0 * ok as f64 / texts.len().max(1) as f64;
            let cell = format!("{acc:6.2}% (und {und})");
            print!(" | {:>24}", cell);
        }
        println!();
    }
    // Malay flagging
    let flagged = MALAY
        .iter()
        .filter(|t| detect_detail(t).malay_like())
        .count();
    let id_flagged = id
        .iter()
        .filter(|d| detect_detail(&d.body).malay_like())
        .count();
    println!(
        "\nmalay_like(): {flagged}/{} Malay sentences, {id_flagged}/{} Indonesian bodies",
        MALAY.len(),
        id.len()
    );

    // speed on whole bodies
    let bodies: Vec<&str> = id
        .iter()
        .chain(en.iter())
        .map(|d| d.body.as_str())
        .collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    println!(
        "\nspeed on {} bodies ({:.1} MB), best of 3:",
        bodies.len(),
        bytes as f64 / 1e6
    );
    for (name, f) in DETECTORS {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t0 = Instant::now();
            let mut n = 0usize;
            for b in &bodies {
                n += f(b) as usize;
            }
            std::hint::black_box(n);
            best = best.min(t0.elapsed().as_secs_f64());
        }
        println!(
            "  {:<26} {:>8.1} µs/doc  {:>8.1} MB/s of article text",
            name,
            best * 1e6 / bodies.len() as f64,
            bytes as f64 / 1e6 / best
        );
    }
}
