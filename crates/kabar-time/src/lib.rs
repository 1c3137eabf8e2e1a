//! kabar-time (placeholder until its stage lands).
