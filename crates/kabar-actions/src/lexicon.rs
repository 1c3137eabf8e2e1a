//! Trigger lexicons: every surface form that can start an action or a piece of reported
//! speech, with its PLOVER type, Kabar `kind` and grammatical voice.
//!
//! Forms are listed explicitly (Indonesian affixed forms included) rather than produced by
//! a stemmer: the set is small, a stemmer would over-generate ("memanggil" → "panggil" also
//! covers "panggilan"), and an explicit list keeps precision auditable. All forms are
//! matched case-insensitively, whole words only, by one Aho–Corasick automaton
//! (leftmost-longest, so "menyatakan keprihatinan" wins over "menyatakan").

use kabar_core::Plover;

/// How the trigger relates its arguments to their positions in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Subject before is the source, object after is the target ("X memanggil Y").
    Active,
    /// Subject before is the target, the "oleh"/"by" agent (or an agent right after an
    /// Indonesian di- verb) is the source ("Y dipanggil oleh X").
    Passive,
    /// A noun whose possessor is the agent ("kunjungan X ke Y", "serangan X terhadap Y").
    NominalAgent,
    /// A noun whose possessor is the object ("pemanggilan Dubes Y oleh X").
    NominalObject,
}

/// Extra conditions and role options of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing.
    None,
    /// The sentence must mention an ambassador or envoy after the trigger.
    Envoy,
    /// The sentence must mention troops or forces near the trigger.
    Troops,
    /// The sentence must mention a policy, rule or decision near the trigger.
    Policy,
    /// The sentence must mention an agreement or document near the trigger.
    Deal,
    /// Only with a named target: "mendukung" alone is as often "supports the learning
    /// process" as political support.
    Target,
}

/// One action trigger.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// Surface form (lower case).
    pub form: &'static str,
    /// PLOVER category.
    pub plover: Plover,
    /// Kabar kind.
    pub kind: &'static str,
    /// Voice.
    pub voice: Voice,
    /// Condition.
    pub need: Need,
}

use Need as N;
use Plover as P;
use Voice::{Active as A, NominalAgent as NA, NominalObject as NO, Passive as PS};

macro_rules! t {
    ($f:expr, $p:expr, $k:expr, $v:expr) => {
        Trigger {
            form: $f,
            plover: $p,
            kind: $k,
            voice: $v,
            need: N::None,
        }
    };
    ($f:expr, $p:expr, $k:expr, $v:expr, $n:expr) => {
        Trigger {
            form: $f,
            plover: $p,
            kind: $k,
            voice: $v,
            need: $n,
        }
    };
}

/// Every action trigger, Indonesian and English.
#[rustfmt::skip]
pub const TRIGGERS: &[Trigger] = &[
    // summon_ambassador — DISAPPROVE (a formal diplomatic complaint)
    t!("memanggil", P::Disapprove, "summon_ambassador", A, N::Envoy),
    t!("dipanggil", P::Disapprove, "summon_ambassador", PS, N::Envoy),
    t!("pemanggilan", P::Disapprove, "summon_ambassador", NO, N::Envoy),
    t!("summoned", P::Disapprove, "summon_ambassador", A, N::Envoy),
    t!("summons", P::Disapprove, "summon_ambassador", A, N::Envoy),
    t!("summon", P::Disapprove, "summon_ambassador", A, N::Envoy),
    // sign_agreement / ratify_agreement / agree — AGREE
    t!("menandatangani", P::Agree, "sign_agreement", A),
    t!("meneken", P::Agree, "sign_agreement", A),
    t!("ditandatangani", P::Agree, "sign_agreement", PS),
    t!("diteken", P::Agree, "sign_agreement", PS),
    t!("penandatanganan", P::Agree, "sign_agreement", NO),
    t!("signed", P::Agree, "sign_agreement", A, N::Deal),
    t!("sign", P::Agree, "sign_agreement", A, N::Deal),
    t!("signs", P::Agree, "sign_agreement", A, N::Deal),
    t!("signing", P::Agree, "sign_agreement", NO, N::Deal),
    t!("meratifikasi", P::Agree, "ratify_agreement", A),
    t!("diratifikasi", P::Agree, "ratify_agreement", PS),
    t!("ratifikasi", P::Agree, "ratify_agreement", NO),
    t!("ratified", P::Agree, "ratify_agreement", A),
    t!("ratifies", P::Agree, "ratify_agreement", A),
    t!("ratification", P::Agree, "ratify_agreement", NO),
    t!("menyepakati", P::Agree, "agree", A),
    t!("disepakati", P::Agree, "agree", PS),
    t!("mencapai kesepakatan", P::Agree, "agree", A),
    t!("reached an agreement", P::Agree, "agree", A),
    t!("reached a deal", P::Agree, "agree", A),
    // meet / phone_call / visit / negotiate — CONSULT
    t!("bertemu", P::Consult, "meet", A),
    t!("menemui", P::Consult, "meet", A),
    t!("mengadakan pertemuan", P::Consult, "meet", A),
    t!("menggelar pertemuan", P::Consult, "meet", A),
    t!("melakukan pertemuan", P::Consult, "meet", A),
    t!("pertemuan bilateral", P::Consult, "meet", NA),
    t!("menerima kunjungan", P::Consult, "meet", A),
    t!("met", P::Consult, "meet", A),
    t!("meets", P::Consult, "meet", A),
    t!("held talks", P::Consult, "meet", A),
    t!("melakukan panggilan telepon", P::Consult, "phone_call", A),
    t!("berbicara melalui telepon", P::Consult, "phone_call", A),
    t!("berbicara lewat telepon", P::Consult, "phone_call", A),
    t!("berbicara via telepon", P::Consult, "phone_call", A),
    t!("bercakap melalui telepon", P::Consult, "phone_call", A),
    t!("menelepon", P::Consult, "phone_call", A),
    t!("menelpon", P::Consult, "phone_call", A),
    t!("bertelepon", P::Consult, "phone_call", A),
    t!("percakapan telepon", P::Consult, "phone_call", NA),
    t!("pembicaraan telepon", P::Consult, "phone_call", NA),
    t!("phoned", P::Consult, "phone_call", A),
    t!("telephoned", P::Consult, "phone_call", A),
    t!("spoke by phone", P::Consult, "phone_call", A),
    t!("spoke by telephone", P::Consult, "phone_call", A),
    t!("spoke on the phone", P::Consult, "phone_call", A),
    t!("held a phone call", P::Consult, "phone_call", A),
    t!("phone call", P::Consult, "phone_call", NA),
    t!("mengunjungi", P::Consult, "visit", A),
    t!("berkunjung", P::Consult, "visit", A),
    t!("bertandang", P::Consult, "visit", A),
    t!("melakukan kunjungan", P::Consult, "visit", A),
    t!("melawat", P::Consult, "visit", A),
    t!("kunjungan", P::Consult, "visit", NA),
    t!("lawatan", P::Consult, "visit", NA),
    t!("visited", P::Consult, "visit", A),
    t!("visits", P::Consult, "visit", A),
    t!("paid a visit", P::Consult, "visit", A),
    t!("berunding", P::Consult, "negotiate", A),
    t!("perundingan", P::Consult, "negotiate", NA),
    t!("negotiated", P::Consult, "negotiate", A),
    // urge / call_for / demand — DEMAND
    t!("mendesak", P::Demand, "urge", A),
    t!("didesak", P::Demand, "urge", PS),
    t!("desakan", P::Demand, "urge", NA),
    t!("urged", P::Demand, "urge", A),
    t!("urges", P::Demand, "urge", A),
    t!("menyerukan", P::Demand, "call_for", A),
    t!("seruan", P::Demand, "call_for", NA),
    t!("called for", P::Demand, "call_for", A),
    t!("calls for", P::Demand, "call_for", A),
    t!("called on", P::Demand, "call_for", A),
    t!("menuntut", P::Demand, "demand", A),
    t!("tuntutan", P::Demand, "demand", NA),
    t!("demanded", P::Demand, "demand", A),
    t!("demands", P::Demand, "demand", A),
    // condemn / criticise / accuse / express_concern — DISAPPROVE
    t!("mengecam", P::Disapprove, "condemn", A),
    t!("dikecam", P::Disapprove, "condemn", PS),
    t!("kecaman", P::Disapprove, "condemn", NA),
    t!("mengutuk", P::Disapprove, "condemn", A),
    t!("dikutuk", P::Disapprove, "condemn", PS),
    t!("condemned", P::Disapprove, "condemn", A),
    t!("condemns", P::Disapprove, "condemn", A),
    t!("denounced", P::Disapprove, "condemn", A),
    t!("mengkritik", P::Disapprove, "criticise", A),
    t!("dikritik", P::Disapprove, "criticise", PS),
    t!("melontarkan kritik", P::Disapprove, "criticise", A),
    t!("criticised", P::Disapprove, "criticise", A),
    t!("criticized", P::Disapprove, "criticise", A),
    t!("criticises", P::Disapprove, "criticise", A),
    t!("criticizes", P::Disapprove, "criticise", A),
    t!("menuduh", P::Disapprove, "accuse", A),
    t!("dituduh", P::Disapprove, "accuse", PS),
    t!("tuduhan", P::Disapprove, "accuse", NA),
    t!("accused", P::Disapprove, "accuse", A),
    t!("accuses", P::Disapprove, "accuse", A),
    t!("menyatakan keprihatinan", P::Disapprove, "express_concern", A),
    t!("menyampaikan keprihatinan", P::Disapprove, "express_concern", A),
    t!("mengungkapkan keprihatinan", P::Disapprove, "express_concern", A),
    t!("menyatakan prihatin", P::Disapprove, "express_concern", A),
    t!("expressed concern", P::Disapprove, "express_concern", A),
    t!("expressed deep concern", P::Disapprove, "express_concern", A),
    t!("expressed grave concern", P::Disapprove, "express_concern", A),
    t!("voiced concern", P::Disapprove, "express_concern", A),
    // warn / threaten — THREATEN
    t!("memperingatkan", P::Threaten, "warn", A),
    t!("diperingatkan", P::Threaten, "warn", PS),
    t!("warned", P::Threaten, "warn", A),
    t!("warns", P::Threaten, "warn", A),
    t!("mengancam", P::Threaten, "threaten", A),
    t!("diancam", P::Threaten, "threaten", PS),
    t!("threatened", P::Threaten, "threaten", A),
    t!("threatens", P::Threaten, "threaten", A),
    // deny / reject — REJECT
    t!("membantah", P::Reject, "deny", A),
    t!("dibantah", P::Reject, "deny", PS),
    t!("bantahan", P::Reject, "deny", NA),
    t!("menyangkal", P::Reject, "deny", A),
    t!("denied", P::Reject, "deny", A),
    t!("denies", P::Reject, "deny", A),
    t!("menolak", P::Reject, "reject", A),
    t!("ditolak", P::Reject, "reject", PS),
    t!("penolakan", P::Reject, "reject", NA),
    t!("rejected", P::Reject, "reject", A),
    t!("rejects", P::Reject, "reject", A),
    // support / praise — SUPPORT
    t!("mendukung", P::Support, "support", A, N::Target),
    t!("didukung", P::Support, "support", PS, N::Target),
    t!("menyatakan dukungan", P::Support, "support", A),
    t!("memberikan dukungan", P::Support, "support", A),
    t!("menyampaikan dukungan", P::Support, "support", A),
    t!("supported", P::Support, "support", A, N::Target),
    t!("supports", P::Support, "support", A, N::Target),
    t!("backed", P::Support, "support", A, N::Target),
    t!("endorsed", P::Support, "support", A),
    t!("memuji", P::Support, "praise", A),
    t!("mengapresiasi", P::Support, "praise", A),
    t!("menyambut baik", P::Support, "praise", A),
    t!("praised", P::Support, "praise", A),
    t!("welcomed", P::Support, "praise", A),
    // provide_aid — AID
    t!("memberikan bantuan", P::Aid, "provide_aid", A),
    t!("menyalurkan bantuan", P::Aid, "provide_aid", A),
    t!("mengirimkan bantuan", P::Aid, "provide_aid", A),
    t!("mengirim bantuan", P::Aid, "provide_aid", A),
    t!("menyerahkan bantuan", P::Aid, "provide_aid", A),
    t!("penyaluran bantuan", P::Aid, "provide_aid", NA),
    t!("pengiriman bantuan", P::Aid, "provide_aid", NA),
    t!("provided aid", P::Aid, "provide_aid", A),
    t!("sent aid", P::Aid, "provide_aid", A),
    t!("delivered aid", P::Aid, "provide_aid", A),
    t!("sent humanitarian aid", P::Aid, "provide_aid", A),
    t!("provided humanitarian aid", P::Aid, "provide_aid", A),
    t!("pledged aid", P::Aid, "provide_aid", A),
    t!("provided assistance", P::Aid, "provide_aid", A),
    // deploy_troops — MOBILIZE; withdraw_troops — RETREAT
    t!("mengerahkan", P::Mobilize, "deploy_troops", A, N::Troops),
    t!("dikerahkan", P::Mobilize, "deploy_troops", PS, N::Troops),
    t!("pengerahan", P::Mobilize, "deploy_troops", NA, N::Troops),
    t!("menempatkan pasukan", P::Mobilize, "deploy_troops", A),
    t!("deployed", P::Mobilize, "deploy_troops", A, N::Troops),
    t!("deploy", P::Mobilize, "deploy_troops", A, N::Troops),
    t!("deploys", P::Mobilize, "deploy_troops", A, N::Troops),
    t!("deployment", P::Mobilize, "deploy_troops", NA, N::Troops),
    t!("menarik pasukan", P::Retreat, "withdraw_troops", A),
    t!("menarik mundur", P::Retreat, "withdraw_troops", A, N::Troops),
    t!("penarikan pasukan", P::Retreat, "withdraw_troops", NA),
    t!("withdrew", P::Retreat, "withdraw_troops", A, N::Troops),
    t!("pulled out", P::Retreat, "withdraw_troops", A, N::Troops),
    // impose_sanctions — SANCTION; lift_sanctions, review_policy — CONCEDE
    t!("menjatuhkan sanksi", P::Sanction, "impose_sanctions", A),
    t!("memberlakukan sanksi", P::Sanction, "impose_sanctions", A),
    t!("mengenakan sanksi", P::Sanction, "impose_sanctions", A),
    t!("menerapkan sanksi", P::Sanction, "impose_sanctions", A),
    t!("menjatuhi sanksi", P::Sanction, "impose_sanctions", A),
    t!("dijatuhi sanksi", P::Sanction, "impose_sanctions", PS),
    t!("dikenai sanksi", P::Sanction, "impose_sanctions", PS),
    t!("imposed sanctions", P::Sanction, "impose_sanctions", A),
    t!("imposes sanctions", P::Sanction, "impose_sanctions", A),
    t!("imposed new sanctions", P::Sanction, "impose_sanctions", A),
    t!("slapped sanctions", P::Sanction, "impose_sanctions", A),
    t!("mencabut sanksi", P::Concede, "lift_sanctions", A),
    t!("lifted sanctions", P::Concede, "lift_sanctions", A),
    t!("eased sanctions", P::Concede, "lift_sanctions", A),
    t!("meninjau ulang", P::Concede, "review_policy", A),
    t!("meninjau kembali", P::Concede, "review_policy", A),
    t!("mengkaji ulang", P::Concede, "review_policy", A),
    t!("mengevaluasi", P::Concede, "review_policy", A, N::Policy),
    t!("reviewing", P::Concede, "review_policy", A, N::Policy),
    t!("review", P::Concede, "review_policy", A, N::Policy),
    t!("reviewed", P::Concede, "review_policy", A, N::Policy),
    // attack — ASSAULT; bombard — FIGHT
    t!("menyerang", P::Assault, "attack", A),
    t!("diserang", P::Assault, "attack", PS),
    t!("serangan", P::Assault, "attack", NA),
    t!("attacked", P::Assault, "attack", A),
    t!("menggempur", P::Fight, "bombard", A),
    t!("mengebom", P::Fight, "bombard", A),
    t!("membombardir", P::Fight, "bombard", A),
    t!("serangan udara", P::Fight, "bombard", NA),
    t!("melancarkan serangan udara", P::Fight, "bombard", A),
    t!("airstrikes", P::Fight, "bombard", NA),
    t!("air strikes", P::Fight, "bombard", NA),
    t!("bombed", P::Fight, "bombard", A),
    t!("shelled", P::Fight, "bombard", A),
    // investigate — INVESTIGATE; arrest — COERCE
    t!("menyelidiki", P::Investigate, "investigate", A),
    t!("diselidiki", P::Investigate, "investigate", PS),
    t!("penyelidikan", P::Investigate, "investigate", NO),
    t!("menyidik", P::Investigate, "investigate", A),
    t!("penyidikan", P::Investigate, "investigate", NO),
    t!("investigated", P::Investigate, "investigate", A),
    t!("investigating", P::Investigate, "investigate", A),
    t!("launched an investigation", P::Investigate, "investigate", A),
    t!("menangkap", P::Coerce, "arrest", A),
    t!("ditangkap", P::Coerce, "arrest", PS),
    t!("penangkapan", P::Coerce, "arrest", NO),
    t!("arrested", P::Coerce, "arrest", A),
    t!("detained", P::Coerce, "arrest", A),
    // search — INVESTIGATE; seize, deport — COERCE
    t!("menggeledah", P::Investigate, "search", A),
    t!("digeledah", P::Investigate, "search", PS),
    t!("penggeledahan", P::Investigate, "search", NO),
    t!("raided", P::Investigate, "search", A),
    t!("menyita", P::Coerce, "seize", A),
    t!("disita", P::Coerce, "seize", PS),
    t!("penyitaan", P::Coerce, "seize", NO),
    t!("seized", P::Coerce, "seize", A),
    t!("mendeportasi", P::Coerce, "deport", A),
    t!("dideportasi", P::Coerce, "deport", PS),
    t!("deportasi", P::Coerce, "deport", NO),
    t!("deported", P::Coerce, "deport", A),
    // protest — PROTEST
    t!("berunjuk rasa", P::Protest, "protest", A),
    t!("unjuk rasa", P::Protest, "protest", NA),
    t!("berdemonstrasi", P::Protest, "protest", A),
    t!("demonstrasi", P::Protest, "protest", NA),
    t!("memprotes", P::Protest, "protest", A),
    t!("protested", P::Protest, "protest", A),
    t!("demonstrated", P::Protest, "protest", A),
    // cooperate — COOPERATE
    t!("bekerja sama", P::Cooperate, "cooperate", A),
    t!("menjalin kerja sama", P::Cooperate, "cooperate", A),
    t!("memperkuat kerja sama", P::Cooperate, "cooperate", A),
    t!("cooperate", P::Cooperate, "cooperate", A),
    t!("cooperated", P::Cooperate, "cooperate", A),
];

/// Kinds whose target may be a place introduced by a locative preposition
/// ("berkunjung ke Beijing", "mengerahkan pasukan ke perbatasan").
pub fn target_may_be_place(kind: &str) -> bool {
    matches!(
        kind,
        "visit"
            | "deploy_troops"
            | "withdraw_troops"
            | "attack"
            | "bombard"
            | "provide_aid"
            | "protest"
    )
}

/// Kinds where actors are interchangeable ("X meets Y" = "Y meets X"); the timeline merge
/// compares their actors as one set.
pub fn is_symmetric(kind: &str) -> bool {
    matches!(
        kind,
        "meet" | "phone_call" | "sign_agreement" | "agree" | "negotiate" | "cooperate"
    )
}

/// How a reporting verb introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Speaker before, speech after ("X mengatakan bahwa …", "X said that …").
    SaysThat,
    /// Inverted, speaker after the verb ("… , kata X", "… , said X"); "-nya" forms carry
    /// the speaker as a pronoun ("katanya").
    Inverted,
    /// "Menurut X, …", "according to X, …".
    According,
}

/// A reporting verb.
#[derive(Debug, Clone, Copy)]
pub struct ReportVerb {
    /// Surface form (lower case).
    pub form: &'static str,
    /// How it introduces speech.
    pub how: Report,
    /// True for "-nya" forms whose speaker is a pronoun ("katanya", "ujarnya").
    pub pronoun: bool,
}

macro_rules! r {
    ($f:expr, $h:expr) => {
        ReportVerb {
            form: $f,
            how: $h,
            pronoun: false,
        }
    };
    ($f:expr, $h:expr, nya) => {
        ReportVerb {
            form: $f,
            how: $h,
            pronoun: true,
        }
    };
}

/// Reporting verbs, Indonesian and English.
#[rustfmt::skip]
pub const REPORTS: &[ReportVerb] = &[
    r!("kata", Report::Inverted), r!("ujar", Report::Inverted), r!("ucap", Report::Inverted),
    r!("ungkap", Report::Inverted), r!("tutur", Report::Inverted), r!("jelas", Report::Inverted),
    r!("tegas", Report::Inverted), r!("imbuh", Report::Inverted), r!("tambah", Report::Inverted),
    r!("sebut", Report::Inverted), r!("terang", Report::Inverted), r!("lanjut", Report::Inverted),
    r!("katanya", Report::Inverted, nya), r!("ujarnya", Report::Inverted, nya),
    r!("ucapnya", Report::Inverted, nya), r!("ungkapnya", Report::Inverted, nya),
    r!("tuturnya", Report::Inverted, nya), r!("jelasnya", Report::Inverted, nya),
    r!("tegasnya", Report::Inverted, nya), r!("imbuhnya", Report::Inverted, nya),
    r!("tambahnya", Report::Inverted, nya), r!("sebutnya", Report::Inverted, nya),
    r!("terangnya", Report::Inverted, nya), r!("lanjutnya", Report::Inverted, nya),
    r!("said", Report::SaysThat), r!("says", Report::SaysThat), r!("told", Report::SaysThat),
    r!("added", Report::SaysThat), r!("stated", Report::SaysThat), r!("noted", Report::SaysThat),
    r!("mengatakan", Report::SaysThat), r!("menyatakan", Report::SaysThat),
    r!("menegaskan", Report::SaysThat), r!("menjelaskan", Report::SaysThat),
    r!("mengungkapkan", Report::SaysThat), r!("menyebut", Report::SaysThat),
    r!("menyebutkan", Report::SaysThat), r!("menilai", Report::SaysThat),
    r!("menambahkan", Report::SaysThat), r!("berkata", Report::SaysThat),
    r!("menuturkan", Report::SaysThat), r!("mengingatkan", Report::SaysThat),
    r!("menurut", Report::According), r!("according to", Report::According),
];
