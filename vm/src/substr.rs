//! Substrings by byte offset without core's `&s[a..b]`.
//!
//! Slicing a `str` at an offset that is not a character boundary panics
//! through `core::str::slice_error_fail`, whose message formats the string
//! and the offending character with `char`'s `Debug` (escapes, grapheme
//! tables): one such slice anywhere links ~3.5 KB into every image, the
//! same for core's `&str` pattern searcher. The VM's offsets come from its
//! own scans and are always boundaries, so these helpers use `get`: an
//! impossible bad offset gives an empty string instead of a panic. The
//! `clippy::string_slice` lint (run by `cargo xtask test`) keeps new
//! slices out.

use core::slice::SliceIndex;

/// `&s[i]` for a byte range `i`, or "" if `i` is out of bounds or not on
/// character boundaries.
#[inline]
pub fn sub<I: SliceIndex<str, Output = str>>(s: &str, i: I) -> &str {
    s.get(i).unwrap_or("")
}

/// The character starting at byte offset `i` (None at the end).
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    sub(s, i..).chars().next()
}

/// The byte offset of the first `needle` in `hay` (`str::find` with a
/// `&str` pattern, without core's two-way searcher: these needles are
/// short).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substrings_never_panic() {
        let s = "aé€b";
        assert_eq!(sub(s, 1..3), "é");
        assert_eq!(sub(s, 2..), "");
        assert_eq!(sub(s, ..99), "");
        assert_eq!(char_at(s, 3), Some('€'));
        assert_eq!(char_at(s, 4), None);
        assert_eq!(char_at(s, s.len()), None);
        assert_eq!(find(s, "€b"), Some(3));
        assert_eq!(find(s, ""), Some(0));
        assert_eq!(find(s, "x"), None);
        assert_eq!(find("a", "ab"), None);
    }
}
