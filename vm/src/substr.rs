//! Substrings by byte offset without core's `&s[a..b]`.
//!
//! Slicing a `str` at an offset that is not a character boundary panics
//! through `core::str::slice_error_fail`, whose message formats the string
//! and the offending character with `char`'s `Debug` (escapes, grapheme
//! tables): one such slice anywhere links ~3.5 KB into every image, the
//! same for core's `&str` pattern searcher (search with
//! `builtins::strbytes::Finder` instead). The VM's offsets come from its
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substrings_never_panic() {
        let s = "aé€b";
        assert_eq!(sub(s, 1..3), "é");
        assert_eq!(sub(s, 2..), "");
        assert_eq!(sub(s, ..99), "");
        assert_eq!(sub(s, 3..6), "€");
    }
}
