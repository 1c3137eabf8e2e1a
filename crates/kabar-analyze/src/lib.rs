//! kabar-analyze (placeholder until its stage lands).
