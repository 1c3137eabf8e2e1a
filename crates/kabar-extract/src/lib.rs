//! kabar-extract (placeholder until its stage lands).
