//! kabar-actions (placeholder until its stage lands).
