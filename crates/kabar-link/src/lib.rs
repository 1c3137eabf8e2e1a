//! kabar-link (placeholder until its stage lands).
