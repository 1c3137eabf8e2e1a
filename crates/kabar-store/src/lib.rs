//! kabar-store (placeholder until its stage lands).
