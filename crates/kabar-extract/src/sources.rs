//! Reading inputs — files, directories and standard input — into [`RawArticle`]s.
//!
//! Formats (SPEC.md `analyze`): `.txt`, `.json` (an object, an array of objects, or an
//! object holding such an array under `articles`/`data`/`items`/`results`), `.jsonl`,
//! `.csv` (with a header; `;` and tab separators are sniffed), `.html`/`.htm` (through
//! [`crate::html`]). Standard input (`-`) and files without an extension are sniffed.
//!
//! Every bad input — a missing path, a binary file, an empty file or body, a broken JSON
//! line, a CSV without a text column, a file over the size limit, an unknown extension —
//! becomes one `Err(InputError)` naming the file (or `file#line`) and the reason; reading
//! goes on with the rest. Nothing here panics on any input.
//!
//! **Encoding.** UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such.
//! Text that is not valid UTF-8 is *accepted* and decoded as Windows-1252 (the WHATWG
//! superset of Latin-1 used by legacy Indonesian and English pages); an HTML page that
//! declares another charset in a `<meta>` tag is decoded with that charset. Bytes that look
//! binary (a NUL byte, or more than 5 % control characters) are refused.

use kabar_core::RawArticle;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The default size limit of one input file: 64 MiB. Large enough for any real article
/// dump a user would pass as one file (the biggest shared corpus file is ~4 MB), small
/// enough that a stray disk image or video is refused before it is read into memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The default size limit of one JSON line or CSV record: 16 MiB (a news article is rarely
/// over 100 KB; the pipeline analyses at most the first 1 MB of a
/// body anyway).
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

/// File extensions read (lower case, without the dot). Inside directories only these are
/// picked up.
pub const KNOWN_EXTENSIONS: &[&str] = &["txt", "json", "jsonl", "csv", "html", "htm"];

/// Column / field names that hold the body, in order of preference.
pub const BODY_FIELDS: &[&str] = &[
    "text",
    "content",
    "body",
    "isi",
    "isi_berita",
    "maintext",
    "article",
];

/// An input that could not be read, or one record of it that was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, `file#line` (JSONL), `file#row` (CSV data row, 1-based) or `file#n`
    /// (n-th object of a JSON array); `-` for standard input.
    pub source: String,
    /// Why it was refused, in words for the user.
    pub reason: String,
}

impl InputError {
    /// An error about `source`.
    pub fn new(source: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            source: source.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

impl std::error::Error for InputError {}

/// Options of [`read_inputs`] and [`read_bytes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Outlet for articles whose input names none (`--outlet`).
    pub outlet: Option<String>,
    /// Publication date for articles whose input gives none (`--published`), kept raw.
    pub published: Option<String>,
    /// Whole-read files (`.txt`, `.json`, `.html`, standard input) larger than this are
    /// refused. JSON Lines and CSV files are streamed and have no file limit.
    pub max_file_bytes: u64,
    /// One JSON line or CSV record larger than this is refused (that record only).
    pub max_record_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            outlet: None,
            published: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// One result per article read, or per refused input / record.
pub type ReadResult = Result<RawArticle, InputError>;

/// One item of [`stream_inputs`]: an article, a refused input or record, or a warning about
/// an article that was read anyway (for example a JSON line with an invalid UTF-8 byte,
/// decoded with replacement characters).
#[derive(Debug, Clone, PartialEq)]
pub enum ReadItem {
    /// An article read.
    Article(RawArticle),
    /// A refused input or record, and why.
    Refused(InputError),
    /// A record that was read, with something the user should know; the article itself
    /// follows as the next item.
    Warning(InputError),
}

impl From<ReadResult> for ReadItem {
    fn from(r: ReadResult) -> Self {
        match r {
            Ok(a) => ReadItem::Article(a),
            Err(e) => ReadItem::Refused(e),
        }
    }
}

impl ReadItem {
    /// The article or refusal; `None` for a warning.
    pub fn into_result(self) -> Option<ReadResult> {
        match self {
            ReadItem::Article(a) => Some(Ok(a)),
            ReadItem::Refused(e) => Some(Err(e)),
            ReadItem::Warning(_) => None,
        }
    }
}

/// Expands `paths` — files, directories (recursively; only [`KNOWN_EXTENSIONS`] inside
/// them, hidden entries skipped, sorted by name for determinism) and `-` for standard
/// input — and reads every article. Never panics; a bad file or a bad JSONL line / CSV row
/// yields an `Err` item naming it, and reading continues with the rest. Warnings are
/// dropped: use [`stream_inputs`] to see them (and to read without holding every article
/// in memory).
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Vec<ReadResult> {
    stream_inputs(paths, opts)
        .filter_map(ReadItem::into_result)
        .collect()
}

/// Like [`read_inputs`], lazily: JSON Lines and CSV files are read one record at a time,
/// so memory stays flat whatever their size; other files are read whole (up to
/// [`ReadOptions::max_file_bytes`]) when their turn comes.
pub fn stream_inputs(paths: &[PathBuf], opts: &ReadOptions) -> InputStream {
    InputStream {
        paths: paths.iter().cloned().collect(),
        opts: opts.clone(),
        current: Box::new(std::iter::empty()),
    }
}

type Items = Box<dyn Iterator<Item = ReadItem> + Send>;

/// The iterator of [`stream_inputs`].
pub struct InputStream {
    paths: std::collections::VecDeque<PathBuf>,
    opts: ReadOptions,
    current: Items,
}

impl fmt::Debug for InputStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InputStream")
            .field("paths_left", &self.paths.len())
            .finish_non_exhaustive()
    }
}

impl Iterator for InputStream {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(item);
            }
            let path = self.paths.pop_front()?;
            self.current = open_path(path, &self.opts);
        }
    }
}

fn open_path(path: PathBuf, opts: &ReadOptions) -> Items {
    if path.as_os_str() == "-" {
        return Box::new(read_stdin(opts).into_iter());
    }
    let name = path.display().to_string();
    match std::fs::metadata(&path) {
        Err(e) => Box::new(std::iter::once(ReadItem::Refused(InputError::new(
            name,
            io_reason(&e),
        )))),
        Ok(m) if m.is_dir() => Box::new(DirItems::new(path, opts.clone())),
        Ok(_) => read_file(&path, opts, true),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn read_stdin(opts: &ReadOptions) -> Vec<ReadItem> {
    let mut buf = Vec::new();
    let limit = opts.max_file_bytes.saturating_add(1);
    match std::io::stdin().lock().take(limit).read_to_end(&mut buf) {
        Ok(_) => read_bytes_items("-", "", &buf, opts),
        Err(e) => vec![ReadItem::Refused(InputError::new("-", io_reason(&e)))],
    }
}

fn is_known(path: &Path) -> bool {
    ext_of(path).is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.as_str()))
}

fn ext_of(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The articles of a directory, file by file in name order.
struct DirItems {
    dir: PathBuf,
    walker: walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>,
    current: Items,
    opts: ReadOptions,
    produced: bool,
    done: bool,
}

fn not_hidden(e: &walkdir::DirEntry) -> bool {
    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
}

impl DirItems {
    fn new(dir: PathBuf, opts: ReadOptions) -> Self {
        let walker = walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(not_hidden as fn(&walkdir::DirEntry) -> bool);
        DirItems {
            dir,
            walker,
            current: Box::new(std::iter::empty()),
            opts,
            produced: false,
            done: false,
        }
    }

    fn nothing_readable(&self) -> ReadItem {
        ReadItem::Refused(InputError::new(
            self.dir.display().to_string(),
            format!(
                "directory holds no readable input (looked for .{})",
                KNOWN_EXTENSIONS.join(", .")
            ),
        ))
    }
}

impl Iterator for DirItems {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if let Some(item) = self.current.next() {
                self.produced = true;
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.walker.next() {
                None => {
                    self.done = true;
                    return (!self.produced).then(|| self.nothing_readable());
                }
                Some(Err(e)) => {
                    let name = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| self.dir.display().to_string());
                    let err = InputError::new(name, format!("cannot read: {e}"));
                    self.current = Box::new(std::iter::once(ReadItem::Refused(err)));
                }
                Some(Ok(e)) if e.file_type().is_file() && is_known(e.path()) => {
                    self.current = read_file(e.path(), &self.opts, false);
                }
                Some(Ok(_)) => {}
            }
        }
    }
}

fn refused(source: &str, reason: impl Into<String>) -> Items {
    Box::new(std::iter::once(ReadItem::Refused(InputError::new(
        source, reason,
    ))))
}

fn read_file(path: &Path, opts: &ReadOptions, explicit: bool) -> Items {
    let name = path.display().to_string();
    let ext = ext_of(path).unwrap_or_default();
    if explicit && !ext.is_empty() && !KNOWN_EXTENSIONS.contains(&ext.as_str()) {
        return Box::new(std::iter::once(ReadItem::Refused(unknown_ext(&name, &ext))));
    }
    let streamed = matches!(Format::from_ext(&ext), Some(Format::Jsonl | Format::Csv));
    match std::fs::metadata(path) {
        Ok(m) if !streamed && m.len() > opts.max_file_bytes => {
            return Box::new(std::iter::once(ReadItem::Refused(too_big(
                &name,
                m.len(),
                opts.max_file_bytes,
            ))))
        }
        Err(e) => return refused(&name, io_reason(&e)),
        Ok(_) => {}
    }
    if streamed {
        return stream_file(path, &name, &ext, opts);
    }
    match std::fs::read(path) {
        Ok(bytes) => Box::new(read_bytes_items(&name, &ext, &bytes, opts).into_iter()),
        Err(e) => refused(&name, io_reason(&e)),
    }
}

/// Streams a JSON Lines or CSV file record by record, after checking its first 64 KiB for
/// binary data. A UTF-16 file (BOM) cannot be split into lines as bytes: it is read whole.
fn stream_file(path: &Path, name: &str, ext: &str, opts: &ReadOptions) -> Items {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return refused(name, io_reason(&e)),
    };
    let mut rdr = std::io::BufReader::with_capacity(64 * 1024, file);
    let head = match std::io::BufRead::fill_buf(&mut rdr) {
        Ok(h) => h,
        Err(e) => return refused(name, io_reason(&e)),
    };
    if matches!(encoding_rs::Encoding::for_bom(head), Some((enc, _)) if enc != encoding_rs::UTF_8) {
        let mut bytes = Vec::new();
        let limit = opts.max_file_bytes.saturating_add(1);
        return match rdr.take(limit).read_to_end(&mut bytes) {
            Ok(_) => Box::new(read_bytes_items(name, ext, &bytes, opts).into_iter()),
            Err(e) => refused(name, io_reason(&e)),
        };
    }
    if let Err(reason) = check_head(head) {
        return refused(name, reason);
    }
    record_items(name, Format::from_ext(ext), rdr, opts)
}

/// The binary test of [`decode`] on the start of a streamed file (a cut multi-byte
/// character at the end of the sample is harmless: it is decoded lossily here).
fn check_head(head: &[u8]) -> Result<(), String> {
    if memchr::memchr(0, head).is_some() {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    check_controls(String::from_utf8_lossy(head)).map(|_| ())
}

/// The records of a JSON Lines or CSV stream.
fn record_items<R: std::io::BufRead + Send + 'static>(
    name: &str,
    format: Option<Format>,
    rdr: R,
    opts: &ReadOptions,
) -> Items {
    let cap = opts.max_record_bytes;
    let fill = Filler::from(opts);
    match format {
        Some(Format::Csv) => match crate::stream::csv_records(name, rdr, cap) {
            Ok(records) => Box::new(records.flatten().map(move |i| fill.apply(i))),
            Err(e) => Box::new(std::iter::once(ReadItem::Refused(e))),
        },
        _ => Box::new(
            crate::stream::JsonlRecords::new(name, rdr, cap)
                .flatten()
                .map(move |i| fill.apply(i)),
        ),
    }
}

/// `--outlet` / `--published`: fill only what the input lacks.
#[derive(Debug, Clone)]
struct Filler {
    outlet: Option<String>,
    published: Option<String>,
}

impl From<&ReadOptions> for Filler {
    fn from(o: &ReadOptions) -> Self {
        Filler {
            outlet: o.outlet.clone(),
            published: o.published.clone(),
        }
    }
}

impl Filler {
    fn apply(&self, mut item: ReadItem) -> ReadItem {
        if let ReadItem::Article(a) = &mut item {
            if a.outlet.is_none() {
                a.outlet.clone_from(&self.outlet);
            }
            if a.published_raw.is_none() {
                a.published_raw.clone_from(&self.published);
            }
        }
        item
    }
}

fn unknown_ext(source: &str, ext: &str) -> InputError {
    InputError::new(
        source,
        format!(
            "unknown extension '.{ext}' (expected .{})",
            KNOWN_EXTENSIONS.join(", .")
        ),
    )
}

fn too_big(source: &str, len: u64, max: u64) -> InputError {
    InputError::new(
        source,
        format!("file is {len} bytes, over the size limit of {max} bytes"),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Json,
    Jsonl,
    Csv,
    Html,
}

impl Format {
    fn from_ext(ext: &str) -> Option<Format> {
        Some(match ext {
            "txt" => Format::Txt,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// Reads the articles in `bytes`, named `source`, in the format of the extension `ext_hint`
/// (`"jsonl"`, `".csv"`, any case). An empty hint or `-` sniffs the format (HTML, JSON,
/// JSON Lines, else plain text), as for standard input. Used for stdin and tests.
/// Warnings are dropped; [`read_bytes_items`] keeps them.
pub fn read_bytes(
    source: &str,
    ext_hint: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<ReadResult> {
    read_bytes_items(source, ext_hint, bytes, opts)
        .into_iter()
        .filter_map(ReadItem::into_result)
        .collect()
}

/// [`read_bytes`] with warnings (see [`ReadItem`]).
pub fn read_bytes_items(
    source: &str,
    ext_hint: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<ReadItem> {
    let ext = ext_hint.trim().trim_start_matches('.').to_ascii_lowercase();
    let refuse = |e: InputError| vec![ReadItem::Refused(e)];
    if bytes.len() as u64 > opts.max_file_bytes {
        return refuse(too_big(source, bytes.len() as u64, opts.max_file_bytes));
    }
    let known = Format::from_ext(&ext);
    if known.is_none() && !ext.is_empty() && ext != "-" {
        return refuse(unknown_ext(source, &ext));
    }
    let text = match decode(bytes, known == Some(Format::Html)) {
        Ok(t) => t,
        Err(reason) => return refuse(InputError::new(source, reason)),
    };
    if text.trim().is_empty() {
        return refuse(InputError::new(source, "empty file"));
    }
    let format = known.unwrap_or_else(|| sniff(&text));
    let fill = Filler::from(opts);
    match format {
        Format::Jsonl | Format::Csv => {
            // records are decoded one by one from the original bytes (unless the whole
            // input was UTF-16, already decoded above)
            let utf16 = matches!(encoding_rs::Encoding::for_bom(bytes), Some((e, _)) if e != encoding_rs::UTF_8);
            let owned: Vec<u8> = if utf16 {
                text.as_bytes().to_vec()
            } else {
                bytes.to_vec()
            };
            let cursor = std::io::Cursor::new(owned);
            record_items(source, Some(format), cursor, opts).collect()
        }
        Format::Txt => vec![fill.apply(read_txt(source, &text).into())],
        Format::Json => read_json(source, &text)
            .into_iter()
            .map(|r| fill.apply(r.into()))
            .collect(),
        Format::Html => vec![fill.apply(read_html(source, &text).into())],
    }
}

/// Decodes bytes to text (see the module docs for the policy), or says why not.
fn decode(bytes: &[u8], html: bool) -> Result<Cow<'_, str>, String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            // UTF-16 with a BOM: NUL bytes are expected there.
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            return check_controls(text);
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if memchr::memchr(0, bytes).is_some() {
        return Err("binary file (contains NUL bytes)".to_string());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let enc = if html {
                declared_charset(bytes).unwrap_or(encoding_rs::WINDOWS_1252)
            } else {
                encoding_rs::WINDOWS_1252
            };
            let (text, _) = enc.decode_without_bom_handling(bytes);
            text
        }
    };
    check_controls(text)
}

fn check_controls(text: Cow<'_, str>) -> Result<Cow<'_, str>, String> {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        let control =
            ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f';
        if control {
            controls += 1;
        }
    }
    if total > 0 && controls * 20 > total {
        return Err("binary file (too many control characters)".to_string());
    }
    Ok(text)
}

/// The charset an HTML page declares in its first 2 KiB (`<meta charset=…>` or
/// `<meta http-equiv content="…; charset=…">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[pos..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let enc = encoding_rs::Encoding::for_label(&rest[..end])?;
    // A page that declares UTF-8 but is not valid UTF-8 is most likely Windows-1252.
    (enc != encoding_rs::UTF_8).then_some(enc)
}

fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    let head: String = t.chars().take(256).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && (head.contains("<body") || head.contains("<head") || head.contains("<p")))
    {
        return Format::Html;
    }
    if t.starts_with('{') || t.starts_with('[') {
        if serde_json::from_str::<Value>(t).is_ok() {
            return Format::Json;
        }
        return Format::Jsonl;
    }
    Format::Txt
}

fn txt_title_ok(line: &str) -> bool {
    let l = line.trim();
    !l.is_empty()
        && l.chars().count() <= 300
        && (!l.ends_with(['.', ',', ';', ':']) || l.ends_with("..."))
}

fn read_txt(source: &str, text: &str) -> ReadResult {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.trim_start_matches(['\n', ' ', '\t']).splitn(3, '\n');
    let first = lines.next().unwrap_or("");
    let second = lines.next();
    let rest = lines.next().unwrap_or("");
    let (title, body) = match second {
        Some(s) if s.trim().is_empty() && !rest.trim().is_empty() && txt_title_ok(first) => {
            (Some(first.trim().to_string()), rest.trim().to_string())
        }
        _ => (None, text.trim().to_string()),
    };
    finish(
        RawArticle {
            source: source.to_string(),
            title,
            body,
            ..Default::default()
        },
        source,
    )
}

pub(crate) fn finish(a: RawArticle, source: &str) -> ReadResult {
    if a.body.trim().is_empty() {
        Err(InputError::new(source, "empty body"))
    } else {
        Ok(a)
    }
}

fn read_html(source: &str, text: &str) -> ReadResult {
    match crate::html::extract(text, None) {
        Ok(h) => finish(
            RawArticle {
                source: source.to_string(),
                external_id: None,
                title: h.title,
                url: h.url,
                outlet: h.outlet,
                published_raw: h.published_raw,
                body: h.body,
            },
            source,
        ),
        Err(e) => Err(InputError::new(source, e.to_string())),
    }
}

const CONTAINER_FIELDS: &[&str] = &["articles", "data", "items", "results", "documents"];

fn read_json(source: &str, text: &str) -> Vec<ReadResult> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(InputError::new(source, format!("broken JSON: {e}")))],
    };
    let array = match value {
        Value::Array(a) => a,
        Value::Object(o) => {
            let container = find_field(&o, BODY_FIELDS)
                .is_none()
                .then(|| {
                    CONTAINER_FIELDS.iter().find_map(|k| match get_ci(&o, k) {
                        Some(Value::Array(a)) => Some(a.clone()),
                        _ => None,
                    })
                })
                .flatten();
            match container {
                Some(a) => a,
                None => return vec![article_from_object(&o, source)],
            }
        }
        _ => {
            return vec![Err(InputError::new(
                source,
                "JSON is neither an object nor an array of objects",
            ))]
        }
    };
    if array.is_empty() {
        return vec![Err(InputError::new(source, "empty JSON array"))];
    }
    array
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let src = format!("{source}#{}", i + 1);
            match v {
                Value::Object(o) => article_from_object(o, &src),
                _ => Err(InputError::new(src, "not a JSON object")),
            }
        })
        .collect()
}

fn get_ci<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    o.get(key).or_else(|| {
        o.iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn find_field<'a>(o: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| get_ci(o, k).filter(|v| !v.is_null()))
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        other => scalar(other),
    }
}

pub(crate) const TITLE_FIELDS: &[&str] = &["title", "judul", "headline"];
pub(crate) const URL_FIELDS: &[&str] = &["url", "tautan", "link", "source_url"];
pub(crate) const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source",
    "site_name",
    "source_domain",
    "publisher",
    "media",
];
pub(crate) const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "tanggal",
    "published_at",
    "date_publish",
    "publish_date",
    "pubdate",
    "datetime",
];
pub(crate) const ID_FIELDS: &[&str] = &["id", "article_id", "doc_id", "_id"];

/// An "outlet" field that holds a URL is the article's URL when none is given, else dropped.
pub(crate) fn url_and_outlet(
    url: Option<String>,
    outlet: Option<String>,
) -> (Option<String>, Option<String>) {
    match (url, outlet) {
        (None, Some(o)) if looks_like_url(&o) => (Some(o), None),
        (Some(u), Some(o)) if looks_like_url(&o) => (Some(u), None),
        pair => pair,
    }
}

pub(crate) fn looks_like_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

pub(crate) fn article_from_object(o: &Map<String, Value>, source: &str) -> ReadResult {
    let body = match find_field(o, BODY_FIELDS) {
        Some(v) => text_of(v).unwrap_or_default(),
        None => match get_ci(o, "paragraphs") {
            Some(p) => paragraphs_text(p),
            None => {
                return Err(InputError::new(
                    source,
                    format!(
                        "no text field (expected one of {}, or paragraphs)",
                        BODY_FIELDS.join(", ")
                    ),
                ))
            }
        },
    };
    let pick = |keys: &[&str]| find_field(o, keys).and_then(scalar);
    let (url, outlet) = url_and_outlet(pick(URL_FIELDS), pick(OUTLET_FIELDS));
    finish(
        RawArticle {
            source: source.to_string(),
            external_id: pick(ID_FIELDS),
            title: pick(TITLE_FIELDS),
            url,
            outlet,
            published_raw: pick(DATE_FIELDS),
            body,
        },
        source,
    )
}

/// Text of an IndoSum-style `paragraphs` field: paragraphs → sentences → tokens
/// (detokenised with [`detokenize`]); also accepts paragraphs as plain strings or as lists
/// of sentence strings. Paragraphs are joined by a blank line, sentences by a space.
pub fn paragraphs_text(v: &Value) -> String {
    let Value::Array(paras) = v else {
        return text_of(v).unwrap_or_default();
    };
    let mut out: Vec<String> = Vec::new();
    for p in paras {
        let text = match p {
            Value::Array(sents) => {
                let mut ss: Vec<String> = Vec::new();
                for s in sents {
                    match s {
                        Value::Array(tokens) => {
                            let toks: Vec<&str> = tokens.iter().filter_map(Value::as_str).collect();
                            let d = detokenize(&toks);
                            if !d.is_empty() {
                                ss.push(d);
                            }
                        }
                        other => ss.extend(scalar(other)),
                    }
                }
                ss.join(" ")
            }
            other => scalar(other).unwrap_or_default(),
        };
        if !text.trim().is_empty() {
            out.push(text);
        }
    }
    out.join("\n\n")
}

/// Joins pre-tokenised text back into running text: no space before closing punctuation
/// (`, . ; : ! ? ) ] } %` and closing quotes) or after opening brackets and quotes; a
/// straight `"` or `'` opens and closes in turn; `/` binds both sides (`27 / 3` → `27/3`);
/// a lone `-` binds a word to a following lower-case word or digit (`anak - anak` →
/// `anak-anak`, `ke - 25` → `ke-25`) and stays spaced otherwise (`Suara.com - Cerita`);
/// `- -` becomes `--`.
///
/// Hand-written: no crate on crates.io detokenises Indonesian/Moses-style tokens.
pub fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut glue_next = true; // no space before the next token
    let mut dquote_open = false;
    let mut squote_open = false;
    let toks: Vec<&str> = tokens
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let next = toks.get(i + 1).copied();
        let prev_word = out.chars().last().is_some_and(|c| c.is_alphanumeric());
        let push = |out: &mut String, s: &str, space: bool| {
            if space && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
        };
        match t {
            "-" if next == Some("-") => {
                push(&mut out, "--", !glue_next);
                glue_next = false;
                i += 2;
                continue;
            }
            "-" => {
                let next_binds = next
                    .and_then(|n| n.chars().next())
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
                // "GO - JEK": a short capitalised stem before another capitalised part
                let prev_tok = if i > 0 { toks[i - 1] } else { "" };
                let caps = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_uppercase());
                let short_caps = prev_tok.chars().count() <= 3
                    && caps(prev_tok)
                    && next.is_some_and(|n| caps(n) && n.chars().count() <= 4);
                if prev_word && (next_binds || short_caps) {
                    out.push('-');
                    glue_next = true;
                } else {
                    push(&mut out, "-", !glue_next);
                    glue_next = false;
                }
            }
            "/" => {
                out.push('/');
                glue_next = true;
            }
            "\"" | "'" => {
                let open = if t == "\"" {
                    &mut dquote_open
                } else {
                    &mut squote_open
                };
                if *open {
                    out.push_str(t);
                    glue_next = false;
                } else {
                    push(&mut out, t, !glue_next);
                    glue_next = true;
                }
                *open = !*open;
            }
            "(" | "[" | "{" | "“" | "‘" | "«" => {
                push(&mut out, t, !glue_next);
                glue_next = true;
            }
            _ if is_closing(t) => {
                out.push_str(t);
                glue_next = false;
            }
            _ if t.starts_with('\'')
                && t.len() <= 3
                && t[1..].chars().all(|c| c.is_alphabetic())
                && t.len() > 1 =>
            {
                // English clitics: it 's, we 're
                out.push_str(t);
                glue_next = false;
            }
            _ => {
                push(&mut out, t, !glue_next);
                glue_next = false;
            }
        }
        i += 1;
    }
    out
}

fn is_closing(t: &str) -> bool {
    matches!(
        t,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "”" | "’" | "»" | "..." | "…"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn opts() -> ReadOptions {
        ReadOptions::default()
    }

    fn ok(r: &[ReadResult]) -> Vec<&RawArticle> {
        r.iter().filter_map(|x| x.as_ref().ok()).collect()
    }

    fn errs(r: &[ReadResult]) -> Vec<&InputError> {
        r.iter().filter_map(|x| x.as_ref().err()).collect()
    }

    const LEDE: &str = "Pemerintah kota meresmikan jembatan baru di atas sungai pada Senin pagi.";

    #[test]
    fn txt_title_rule() {
        let r = read_bytes(
            "a.txt",
            "txt",
            format!("Jembatan Baru Diresmikan\n\n{LEDE}\nParagraf kedua.").as_bytes(),
            &opts(),
        );
        let a = ok(&r)[0];
        assert_eq!(a.title.as_deref(), Some("Jembatan Baru Diresmikan"));
        assert_eq!(a.body, format!("{LEDE}\nParagraf kedua."));
        assert_eq!(a.source, "a.txt");
        // no blank line after the first line: all body
        let r = read_bytes(
            "b.txt",
            "txt",
            format!("Jembatan Baru\n{LEDE}").as_bytes(),
            &opts(),
        );
        assert_eq!(ok(&r)[0].title, None);
        // a first line that is a sentence is body even before a blank line
        let r = read_bytes(
            "c.txt",
            "txt",
            format!("{LEDE}\n\nParagraf kedua.").as_bytes(),
            &opts(),
        );
        assert_eq!(ok(&r)[0].title, None);
        assert!(ok(&r)[0].body.starts_with(LEDE));
        // CRLF
        let r = read_bytes(
            "d.txt",
            "txt",
            format!("Judul\r\n\r\n{LEDE}\r\n").as_bytes(),
            &opts(),
        );
        assert_eq!(ok(&r)[0].title.as_deref(), Some("Judul"));
        assert_eq!(ok(&r)[0].body, LEDE);
    }

    #[test]
    fn json_object_array_and_container() {
        let one = format!(
            r#"{{"id": 7, "title": "T", "text": "{LEDE}", "url": "https://x.example/a", "outlet": "Kabar", "published": "2026-03-05"}}"#
        );
        let r = read_bytes("one.json", "json", one.as_bytes(), &opts());
        let a = ok(&r)[0];
        assert_eq!(a.external_id.as_deref(), Some("7"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.outlet.as_deref(), Some("Kabar"));
        assert_eq!(a.published_raw.as_deref(), Some("2026-03-05"));
        assert_eq!(a.source, "one.json");

        let arr = format!(
            r#"[{{"content": "{LEDE}"}}, 3, {{"body": ""}}, {{"isi_berita": "isi", "judul": "J", "tanggal": "Jumat, 29 Mei 2026 22:02 WIB"}}]"#
        );
        let r = read_bytes("arr.json", "json", arr.as_bytes(), &opts());
        assert_eq!(r.len(), 4);
        assert_eq!(ok(&r)[0].source, "arr.json#1");
        let e = errs(&r);
        assert_eq!(e[0].source, "arr.json#2");
        assert_eq!(e[1].source, "arr.json#3");
        assert!(e[1].reason.contains("empty body"), "{}", e[1]);
        let last = ok(&r)[1];
        assert_eq!(last.title.as_deref(), Some("J"));
        assert_eq!(
            last.published_raw.as_deref(),
            Some("Jumat, 29 Mei 2026 22:02 WIB")
        );

        let cont = format!(r#"{{"articles": [{{"text": "{LEDE}"}}]}}"#);
        let r = read_bytes("c.json", "json", cont.as_bytes(), &opts());
        assert_eq!(ok(&r).len(), 1);
    }

    #[test]
    fn jsonl_broken_line_is_named_and_rest_read() {
        let text = format!("{{\"text\": \"{LEDE}\"}}\n\n{{\"text\": broken\n{{\"title\": \"no body\"}}\n{{\"body\": \"b\", \"source\": \"https://x.example/2\"}}\n");
        let r = read_bytes("f.jsonl", "jsonl", text.as_bytes(), &opts());
        assert_eq!(r.len(), 4);
        let e = errs(&r);
        assert_eq!(e[0].source, "f.jsonl#3");
        assert!(e[0].reason.starts_with("broken JSON line"), "{}", e[0]);
        assert_eq!(e[1].source, "f.jsonl#4");
        assert!(e[1].reason.contains("no text field"));
        let good = ok(&r);
        assert_eq!(good[0].source, "f.jsonl#1");
        assert_eq!(good[1].source, "f.jsonl#5");
        assert_eq!(
            good[1].url.as_deref(),
            Some("https://x.example/2"),
            "a URL in `source` is the url"
        );
        assert_eq!(good[1].outlet, None);
    }

    #[test]
    fn indosum_paragraphs_are_detokenised() {
        let line = r#"{"id": "1490674536-x", "source": "kumparan", "source_url": "https://k.example/a", "paragraphs": [[["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Ketua", "MPR", "menyesalkan", "kisruh", "bentrokan", "-", "bentrokan", "(", "27", "/", "3", ")", "."]], [["\"", "Tidak", "hanya", "tarif", ",", "\"", "ucap", "dia", "."], ["Ini", "ke", "-", "25", "kali", "."]]]}"#;
        let r = read_bytes("s.jsonl", "jsonl", line.as_bytes(), &opts());
        let a = ok(&r)[0];
        assert_eq!(a.outlet.as_deref(), Some("kumparan"));
        assert_eq!(a.url.as_deref(), Some("https://k.example/a"));
        assert_eq!(a.external_id.as_deref(), Some("1490674536-x"));
        assert_eq!(
            a.body,
            "Jakarta, CNN Indonesia -- Ketua MPR menyesalkan kisruh bentrokan-bentrokan (27/3).\n\n\"Tidak hanya tarif,\" ucap dia. Ini ke-25 kali."
        );
    }

    #[test]
    fn detokenize_keeps_spaced_dashes_between_names() {
        assert_eq!(
            detokenize(&["Suara.com", "-", "Cerita", "sekuel"]),
            "Suara.com - Cerita sekuel"
        );
        assert_eq!(
            detokenize(&["It", "'s", "fine", "'", "gila", "'", "x"]),
            "It's fine 'gila' x"
        );
        assert_eq!(detokenize(&[]), "");
        assert_eq!(
            detokenize(&["GO", "-", "JEK", "ke", "Filipina"]),
            "GO-JEK ke Filipina"
        );
        assert_eq!(
            detokenize(&["JAKARTA", "-", "KPK", "menahan"]),
            "JAKARTA - KPK menahan"
        );
    }

    #[test]
    fn csv_columns_rows_and_missing_text_column() {
        let csv = format!("article_id,judul,isi,url,tanggal\nx1,Judul Satu,\"{LEDE}\nBaris dua\",https://d.example/1,\"Jumat, 29 Mei 2026 22:02 WIB\"\nx2,Kosong,,,\nx3,Tiga,isi tiga,,\n");
        let r = read_bytes(
            "d.csv",
            "csv",
            csv.as_bytes(),
            &ReadOptions {
                outlet: Some("detik".into()),
                ..opts()
            },
        );
        assert_eq!(r.len(), 3);
        let good = ok(&r);
        assert_eq!(good[0].source, "d.csv#1");
        assert_eq!(good[0].external_id.as_deref(), Some("x1"));
        assert_eq!(good[0].body, format!("{LEDE}\nBaris dua"));
        assert_eq!(
            good[0].outlet.as_deref(),
            Some("detik"),
            "--outlet fills the gap"
        );
        assert_eq!(good[1].source, "d.csv#3");
        assert_eq!(errs(&r)[0].source, "d.csv#2");

        let r = read_bytes("n.csv", "csv", b"id,judul,kategori\n1,a,b\n", &opts());
        assert_eq!(r.len(), 1);
        let e = errs(&r)[0];
        assert_eq!(e.source, "n.csv");
        assert!(
            e.reason.contains("no text column") && e.reason.contains("kategori"),
            "{e}"
        );

        let r = read_bytes(
            "s.csv",
            "csv",
            format!("title;content\nA;{LEDE}\n").as_bytes(),
            &opts(),
        );
        assert_eq!(ok(&r)[0].body, LEDE, "semicolon separator sniffed");
    }

    #[test]
    fn options_fill_only_what_is_missing() {
        let o = ReadOptions {
            outlet: Some("O".into()),
            published: Some("2026-01-01".into()),
            ..opts()
        };
        let r = read_bytes("x.json", "json", format!(r#"[{{"text": "{LEDE}", "outlet": "Mine"}}, {{"text": "{LEDE}", "date": "2025-02-02"}}]"#).as_bytes(), &o);
        let g = ok(&r);
        assert_eq!(g[0].outlet.as_deref(), Some("Mine"));
        assert_eq!(g[0].published_raw.as_deref(), Some("2026-01-01"));
        assert_eq!(g[1].outlet.as_deref(), Some("O"));
        assert_eq!(g[1].published_raw.as_deref(), Some("2025-02-02"));
    }

    #[test]
    fn stdin_sniffing() {
        let html = format!("<!doctype html><html><head><title>T</title></head><body><article><p>{LEDE} {LEDE}</p><p>{LEDE}</p></article></body></html>");
        let cases: Vec<(String, &str)> = vec![
            (format!(r#"{{"text": "{LEDE}"}}"#), "-"),
            (
                format!("{{\"text\": \"{LEDE}\"}}\n{{\"text\": \"{LEDE}\"}}\n"),
                "-#1",
            ),
            (html, "-"),
            (format!("Judul\n\n{LEDE}"), "-"),
        ];
        for (text, src) in cases {
            let r = read_bytes("-", "", text.as_bytes(), &opts());
            let a = ok(&r);
            assert!(!a.is_empty(), "{text}: {r:?}");
            assert_eq!(a[0].source, src);
            assert!(a[0].body.contains("jembatan baru"), "{:?}", a[0]);
        }
    }

    #[test]
    fn bad_bytes() {
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("bin.txt", b"abc\x00\x01\x02def".to_vec(), "binary"),
            ("ctl.txt", vec![1u8; 100], "binary"),
            ("empty.txt", b"".to_vec(), "empty file"),
            ("blank.json", b"  \n\t ".to_vec(), "empty file"),
            ("bad.json", b"{\"text\": ".to_vec(), "broken JSON"),
            ("num.json", b"42".to_vec(), "neither an object"),
            ("x.pdf", b"%PDF-1.4".to_vec(), "unknown extension '.pdf'"),
        ];
        for (name, bytes, want) in cases {
            let ext = name.rsplit('.').next().unwrap_or("");
            let r = read_bytes(name, ext, &bytes, &opts());
            assert_eq!(r.len(), 1, "{name}");
            let e = errs(&r);
            assert_eq!(e.len(), 1, "{name}: {r:?}");
            assert_eq!(e[0].source, name);
            assert!(e[0].reason.contains(want), "{name}: {}", e[0]);
            assert_eq!(
                e[0].to_string(),
                format!("{}: {}", e[0].source, e[0].reason)
            );
        }
        let small = ReadOptions {
            max_file_bytes: 10,
            ..opts()
        };
        let r = read_bytes("big.txt", "txt", LEDE.as_bytes(), &small);
        assert!(errs(&r)[0].reason.contains("over the size limit"));
    }

    #[test]
    fn legacy_encodings_are_decoded() {
        // Windows-1252: "Rp 5 juta – kata José" with an en dash (0x96) and é (0xE9)
        let bytes = b"Harga naik \x96 kata Jos\xe9 di pasar pagi ini.";
        let r = read_bytes("w.txt", "txt", bytes, &opts());
        assert_eq!(ok(&r)[0].body, "Harga naik – kata José di pasar pagi ini.");
        // UTF-16LE with BOM
        let mut u16 = vec![0xFF, 0xFE];
        for c in "Berita singkat hari ini.".encode_utf16() {
            u16.extend_from_slice(&c.to_le_bytes());
        }
        let r = read_bytes("u.txt", "txt", &u16, &opts());
        assert_eq!(ok(&r)[0].body, "Berita singkat hari ini.");
        // UTF-8 BOM stripped
        let r = read_bytes("b.txt", "txt", "\u{feff}Isi berita.".as_bytes(), &opts());
        assert_eq!(ok(&r)[0].body, "Isi berita.");
    }

    #[test]
    fn files_dirs_and_missing_paths() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        fs::create_dir_all(d.join("sub/.hidden")).expect("mkdir");
        fs::write(d.join("b.txt"), format!("Judul B\n\n{LEDE}")).expect("write");
        fs::write(
            d.join("a.jsonl"),
            format!("{{\"text\": \"{LEDE}\"}}\nnot json\n"),
        )
        .expect("write");
        fs::write(d.join("sub/c.csv"), "id,kategori\n1,x\n").expect("write");
        fs::write(d.join("sub/notes.md"), "ignored in directories").expect("write");
        fs::write(d.join("sub/.hidden/h.txt"), LEDE).expect("write");
        fs::write(d.join("sub/empty.html"), "").expect("write");
        fs::write(d.join("sub/bin.json"), b"\x00\x01binary").expect("write");
        fs::write(d.join("explicit.md"), LEDE).expect("write");
        fs::write(d.join("big.txt"), LEDE.repeat(10)).expect("write");
        fs::create_dir(d.join("nothing")).expect("mkdir");

        let r = read_inputs(&[d.to_path_buf()], &opts());
        let names: Vec<String> = r
            .iter()
            .map(|x| match x {
                Ok(a) => format!("ok {}", a.source),
                Err(e) => format!("err {}", e.source),
            })
            .map(|s| s.replace(&d.display().to_string(), ""))
            .collect();
        assert_eq!(
            names,
            vec![
                "ok /a.jsonl#1",
                "err /a.jsonl#2",
                "ok /b.txt",
                "ok /big.txt",
                "err /sub/bin.json",
                "err /sub/c.csv",
                "err /sub/empty.html",
            ]
        );

        let r = read_inputs(&[d.join("nothing")], &opts());
        assert!(errs(&r)[0].reason.contains("no readable input"), "{r:?}");

        let small = ReadOptions {
            max_file_bytes: 100,
            ..opts()
        };
        let r = read_inputs(
            &[
                d.join("missing.txt"),
                d.join("explicit.md"),
                d.join("big.txt"),
                d.join("b.txt"),
            ],
            &small,
        );
        let e = errs(&r);
        assert_eq!(e.len(), 3);
        assert!(e[0].reason.contains("no such file"), "{}", e[0]);
        assert!(e[1].reason.contains("unknown extension '.md'"), "{}", e[1]);
        assert!(e[2].reason.contains("over the size limit"), "{}", e[2]);
        assert_eq!(
            ok(&r).len(),
            1,
            "the good file of the same call is still read"
        );
    }
}
