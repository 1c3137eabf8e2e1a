//! Checks on names shared by the stages that find them and the stores that keep them.

/// Is a mention's surface fit to show as an alias? A span cut across a bracket
/// ("Kementerian) Keuangan", "PT Pertamina (Persero") or one name written twice by a typo
/// ("Prabowo Prabowo") still counts as a mention of its entity, but is no other name
/// for it.
pub fn readable_alias(surface: &str) -> bool {
    let mut depth = 0i32;
    for c in surface.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    let words: Vec<&str> = surface.split_whitespace().collect();
    let n = words.len();
    let doubled = n >= 2 && n.is_multiple_of(2) && words[..n / 2] == words[n / 2..];
    depth == 0 && !doubled
}

#[cfg(test)]
mod tests {
    use super::readable_alias;

    #[test]
    fn cut_or_doubled_surfaces_are_no_aliases() {
        assert!(readable_alias("Kemenkeu"));
        assert!(readable_alias("PT Pertamina (Persero)"));
        assert!(!readable_alias("Kementerian) Keuangan"));
        assert!(!readable_alias("PT Pertamina (Persero"));
        assert!(!readable_alias("Prabowo Prabowo"));
        assert!(readable_alias("Prabowo Subianto"));
    }
}
