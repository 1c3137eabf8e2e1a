//! Streaming readers for the record formats (JSON Lines and CSV): one record in memory at a
//! time, a cap on one record's size instead of the file's, and decoding **per record** so
//! one bad byte touches only its own record.
//!
//! Per-record decoding: a record that is valid UTF-8 is kept as it is. One that is not is
//! still read, with a [`ReadItem::Warning`] naming `file#line` (or `file#row`): when the
//! record holds valid multi-byte UTF-8 elsewhere, the bad bytes become U+FFFD replacement
//! characters (a UTF-8 file with a damaged byte); when it holds none, it is decoded as
//! Windows-1252 (a legacy file).

use crate::sources::{article_from_object, finish, paragraphs_text, InputError, ReadItem};
use crate::sources::{
    url_and_outlet, BODY_FIELDS, DATE_FIELDS, ID_FIELDS, OUTLET_FIELDS, TITLE_FIELDS, URL_FIELDS,
};
use kabar_core::RawArticle;
use serde_json::Value;
use std::io::{BufRead, Read};

/// Decodes one record's bytes; the second value is the warning to give, if any.
pub(crate) fn decode_record(bytes: &[u8]) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let at = e.valid_up_to();
            let utf8_elsewhere = bytes.utf8_chunks().any(|c| !c.valid().is_ascii());
            if utf8_elsewhere {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let msg = format!(
                    "invalid UTF-8 at byte {at} of the record; the bad bytes were replaced with U+FFFD"
                );
                (text, Some(msg))
            } else {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                let msg = format!("not UTF-8 (first bad byte at {at}); decoded as Windows-1252");
                (text.into_owned(), Some(msg))
            }
        }
    }
}

/// JSON Lines from any buffered reader, one line at a time.
pub(crate) struct JsonlRecords<R> {
    source: String,
    rdr: R,
    line: usize,
    max_record: u64,
    produced: bool,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonlRecords<R> {
    pub(crate) fn new(source: &str, rdr: R, max_record: u64) -> Self {
        JsonlRecords {
            source: source.to_string(),
            rdr,
            line: 0,
            max_record,
            produced: false,
            done: false,
            buf: Vec::new(),
        }
    }

    /// Reads the next physical line into `buf` (without its end), at most `max_record`
    /// bytes of it; returns `None` at the end, `Some(false)` for a line over the cap (its
    /// rest skipped).
    fn next_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let n = (&mut self.rdr)
            .take(self.max_record.saturating_add(1))
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
        } else if self.buf.len() as u64 > self.max_record {
            self.rdr.skip_until(b'\n')?;
            return Ok(Some(false));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        Ok(Some(true))
    }

    fn record(&mut self) -> Option<Vec<ReadItem>> {
        let src = format!("{}#{}", self.source, self.line + 1);
        let fits = match self.next_line() {
            Ok(Some(fits)) => fits,
            Ok(None) => return None,
            Err(e) => {
                self.done = true;
                return Some(vec![ReadItem::Refused(InputError::new(
                    src,
                    format!("cannot read: {e}"),
                ))]);
            }
        };
        if !fits {
            let reason = format!(
                "record is over the per-record limit of {} bytes",
                self.max_record
            );
            return Some(vec![ReadItem::Refused(InputError::new(src, reason))]);
        }
        if self.buf.iter().all(u8::is_ascii_whitespace) {
            return Some(vec![]);
        }
        if memchr::memchr(0, &self.buf).is_some() {
            let e = InputError::new(src, "binary data (contains NUL bytes)");
            return Some(vec![ReadItem::Refused(e)]);
        }
        let (text, warning) = decode_record(&self.buf);
        let mut out: Vec<ReadItem> = warning
            .map(|w| ReadItem::Warning(InputError::new(src.clone(), w)))
            .into_iter()
            .collect();
        out.push(match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(o)) => article_from_object(&o, &src).into(),
            Ok(_) => ReadItem::Refused(InputError::new(src, "line is not a JSON object")),
            Err(e) => ReadItem::Refused(InputError::new(src, format!("broken JSON line: {e}"))),
        });
        Some(out)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Vec<ReadItem>;

    fn next(&mut self) -> Option<Vec<ReadItem>> {
        if self.done {
            return None;
        }
        match self.record() {
            Some(items) => {
                self.produced |= items.iter().any(|i| !matches!(i, ReadItem::Warning(_)));
                Some(items)
            }
            None => {
                self.done = true;
                (!self.produced).then(|| {
                    vec![ReadItem::Refused(InputError::new(
                        self.source.clone(),
                        "empty file",
                    ))]
                })
            }
        }
    }
}

/// Columns of a CSV header that Kabar reads.
struct CsvColumns {
    body: Option<usize>,
    paragraphs: Option<usize>,
    title: Option<usize>,
    url: Option<usize>,
    outlet: Option<usize>,
    date: Option<usize>,
    id: Option<usize>,
}

/// CSV with a header from any reader, one record at a time.
pub(crate) struct CsvRecords<R: Read> {
    source: String,
    rdr: csv::Reader<R>,
    cols: CsvColumns,
    row: usize,
    max_record: u64,
    record: csv::ByteRecord,
    done: bool,
}

/// Picks the separator from the header line: `,` unless the line has none and has `;` or
/// a tab.
fn delimiter_of(header_line: &[u8]) -> u8 {
    let has = |b: u8| memchr::memchr(b, header_line).is_some();
    if !has(b',') && has(b';') {
        b';'
    } else if !has(b',') && has(b'\t') {
        b'\t'
    } else {
        b','
    }
}

/// The header line read for sniffing, put back in front of the rest of the input.
type HeaderThen<R> = std::io::Chain<std::io::Cursor<Vec<u8>>, R>;

/// Opens a CSV stream: reads the header line, sniffs the separator and finds the columns;
/// a CSV without a text column is one refusal of the whole file.
pub(crate) fn csv_records<R: BufRead + Send + 'static>(
    source: &str,
    mut rdr: R,
    max_record: u64,
) -> Result<CsvRecords<HeaderThen<R>>, InputError> {
    let mut header = Vec::new();
    (&mut rdr)
        .take(max_record)
        .read_until(b'\n', &mut header)
        .map_err(|e| InputError::new(source, format!("cannot read: {e}")))?;
    let delimiter = delimiter_of(&header);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(std::io::Cursor::new(header).chain(rdr));
    let headers: Vec<String> = match csv.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|s| {
                let (t, _) = decode_record(s);
                t.trim().trim_start_matches('\u{feff}').to_ascii_lowercase()
            })
            .collect(),
        Err(e) => return Err(InputError::new(source, format!("broken CSV header: {e}"))),
    };
    let col = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| headers.iter().position(|h| h == k))
    };
    let cols = CsvColumns {
        body: col(BODY_FIELDS),
        paragraphs: col(&["paragraphs"]),
        title: col(TITLE_FIELDS),
        url: col(URL_FIELDS),
        outlet: col(OUTLET_FIELDS),
        date: col(DATE_FIELDS),
        id: col(ID_FIELDS),
    };
    if cols.body.is_none() && cols.paragraphs.is_none() {
        return Err(InputError::new(
            source,
            format!(
                "CSV has no text column (expected one of {}; header has: {})",
                BODY_FIELDS.join(", "),
                headers.join(", ")
            ),
        ));
    }
    Ok(CsvRecords {
        source: source.to_string(),
        rdr: csv,
        cols,
        row: 0,
        max_record,
        record: csv::ByteRecord::new(),
        done: false,
    })
}

impl<R: Read> CsvRecords<R> {
    fn article(&self, src: &str, fields: &[String]) -> ReadItem {
        let get = |c: Option<usize>| {
            c.and_then(|c| fields.get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let body = match (get(self.cols.body), self.cols.paragraphs) {
            (Some(b), _) => b,
            (None, Some(pc)) => fields
                .get(pc)
                .map(|s| match serde_json::from_str::<Value>(s) {
                    Ok(v) => paragraphs_text(&v),
                    Err(_) => s.trim().to_string(),
                })
                .unwrap_or_default(),
            (None, None) => String::new(),
        };
        let (url, outlet) = url_and_outlet(get(self.cols.url), get(self.cols.outlet));
        finish(
            RawArticle {
                source: src.to_string(),
                external_id: get(self.cols.id),
                title: get(self.cols.title),
                url,
                outlet,
                published_raw: get(self.cols.date),
                body,
            },
            src,
        )
        .into()
    }
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = Vec<ReadItem>;

    fn next(&mut self) -> Option<Vec<ReadItem>> {
        if self.done {
            return None;
        }
        let read = self.rdr.read_byte_record(&mut self.record);
        self.row += 1;
        let src = format!("{}#{}", self.source, self.row);
        match read {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return (self.row == 1).then(|| {
                    vec![ReadItem::Refused(InputError::new(
                        self.source.clone(),
                        "CSV has a header but no rows",
                    ))]
                });
            }
            Err(e) => {
                // an I/O error ends the file; a malformed row is only that row
                self.done = matches!(e.kind(), csv::ErrorKind::Io(_));
                let e = InputError::new(src, format!("broken CSV row: {e}"));
                return Some(vec![ReadItem::Refused(e)]);
            }
        }
        if self.record.as_slice().len() as u64 > self.max_record {
            let reason = format!(
                "record is over the per-record limit of {} bytes",
                self.max_record
            );
            return Some(vec![ReadItem::Refused(InputError::new(src, reason))]);
        }
        let mut warning = None;
        let fields: Vec<String> = self
            .record
            .iter()
            .map(|f| {
                let (t, w) = decode_record(f);
                warning = warning.take().or(w);
                t
            })
            .collect();
        let mut out: Vec<ReadItem> = warning
            .map(|w| ReadItem::Warning(InputError::new(src.clone(), w)))
            .into_iter()
            .collect();
        out.push(self.article(&src, &fields));
        Some(out)
    }
}
