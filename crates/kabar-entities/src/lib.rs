//! kabar-entities (placeholder until its stage lands).
