//! Byte spans and the byte → char offset conversion used at the output boundary.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The slice of `text` this span covers, or `""` when it does not fit `text` or does not
    /// fall on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into Unicode scalar (char) offsets.
///
/// Built once per text in O(n); each lookup is O(log n) for non-ASCII text and O(1) for
/// ASCII text.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char that is not ASCII, in order; empty for ASCII text.
    multibyte: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0usize;
        for (b, c) in text.char_indices() {
            let l = c.len_utf8();
            if l > 1 {
                extra += l - 1;
                // after this char, char offset = byte offset - extra
                multibyte.push((b + l, extra));
            }
        }
        CharIndex {
            multibyte,
            len_bytes: text.len(),
        }
    }

    /// The char offset of byte offset `byte` (clamped to the text's length).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        if self.multibyte.is_empty() {
            return byte;
        }
        // number of extra bytes of all multibyte chars that end at or before `byte`
        let idx = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].1
        };
        byte - extra
    }

    /// Converts a byte span into a (start, end) pair of char offsets.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_at(span.start), self.char_at(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_naive_count() {
        let text = "Kamis (6/3) — “Tiongkok” ialah 中国 ok";
        let idx = CharIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.char_at(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain ascii");
        assert_eq!(idx.chars(Span::new(2, 7)), (2, 7));
    }
}
