//! Entity extraction (placeholder while the tagger is trained).

/// Tagger plus lexicon.
#[derive(Debug)]
pub struct EntityExtractor;
