//! The f-string body scanner: splits `f"..."` into literal text and
//! replacement fields whose expression source the parser lexes and parses
//! later. Its own file: the one lexer concept with its own cursor.

use super::*;

/// Cursor over an f-string body, tracking source positions.
pub(super) struct FCur<'a> {
    pub(super) s: &'a str,
    pub(super) i: usize,
    pub(super) pos: Pos,
    pub(super) raw: bool,
    /// Where f-string errors are reported (the string token).
    pub(super) err_pos: Pos,
}

impl<'a> FCur<'a> {
    pub(super) fn peek(&self) -> u8 {
        self.s.as_bytes().get(self.i).copied().unwrap_or(0)
    }
    /// The two characters after the current one are both `q`.
    fn tripled(&self, q: u8) -> bool {
        let b = self.s.as_bytes();
        b.get(self.i + 1) == Some(&q) && b.get(self.i + 2) == Some(&q)
    }
    pub(super) fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }
    pub(super) fn bump(&mut self) {
        let b = self.s.as_bytes();
        if let Some(&c) = b.get(self.i) {
            // One character: its first byte and any continuation bytes.
            self.i += 1;
            while b.get(self.i).is_some_and(|x| x & 0xc0 == 0x80) {
                self.i += 1;
            }
            if c == b'\n' {
                self.pos.line += 1;
                self.pos.col = 1;
            } else {
                self.pos.col += 1;
            }
        }
    }
    pub(super) fn err(&self, msg: &str) -> Box<SyntaxError> {
        self.err_s(msg.to_string())
    }
    pub(super) fn err_s(&self, msg: String) -> Box<SyntaxError> {
        Box::new(err_at(ErrorKind::Syntax, msg, self.err_pos, false))
    }

    /// Parse literal text and fields until the end of the body, or (for a
    /// format spec, `depth > 0`) until an unmatched '}' (not consumed).
    pub(super) fn parts(&mut self, depth: u32) -> SResult<Vec<FRaw>> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        while !self.at_end() {
            let c = self.peek();
            if c == b'{' || c == b'}' {
                if depth == 0 && self.s.as_bytes().get(self.i + 1) == Some(&c) {
                    lit.push(c as char);
                    self.bump();
                    self.bump();
                    continue;
                }
                if c == b'}' {
                    if depth == 0 {
                        return Err(self.err("f-string: single '}' is not allowed"));
                    }
                    break;
                }
                self.bump();
                if !lit.is_empty() {
                    parts.push(FRaw::Lit(core::mem::take(&mut lit)));
                }
                self.field(depth, &mut parts)?;
                continue;
            }
            if c == b'\\' && !self.raw {
                let nb = self.s.as_bytes().get(self.i + 1).copied();
                if matches!(nb, Some(b'{') | Some(b'}')) {
                    lit.push('\\');
                    self.bump();
                    continue;
                }
                let start = self.i;
                let next = str_escape(self.s, start, &mut lit, self.err_pos)?;
                while self.i < next {
                    self.bump();
                }
                continue;
            }
            let start = self.i;
            self.bump();
            lit.push_str(crate::substr::sub(self.s, start..self.i));
        }
        if !lit.is_empty() {
            parts.push(FRaw::Lit(lit));
        }
        Ok(parts)
    }

    /// After '{': scan the expression, `=`, `!conv`, `:spec`, and '}'.
    pub(super) fn field(&mut self, depth: u32, parts: &mut Vec<FRaw>) -> SResult<()> {
        if depth >= 2 {
            return Err(self.err("f-string: expressions nested too deeply"));
        }
        let start = self.i;
        let start_pos = self.pos;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let b = self.s.as_bytes();
        while !self.at_end() {
            let c = self.peek();
            if c == b'\\' {
                return Err(self.err("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.tripled(q) {
                        self.bump();
                        self.bump();
                        quote = None;
                    }
                }
                self.bump();
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.tripled(c);
                    if triple {
                        self.bump();
                        self.bump();
                    }
                    quote = Some((c, triple));
                }
                b'(' | b'[' | b'{' => {
                    if nest.len() >= MAX_BRACKETS {
                        return Err(self.err("f-string: too many nested parenthesis"));
                    }
                    nest.push(c);
                }
                b'#' => return Err(self.err("f-string expression part cannot include '#'")),
                b')' | b']' | b'}' if !nest.is_empty() => {
                    let open = nest.pop().unwrap_or(b'(');
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != c {
                        return Err(self.err_s(format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)));
                    }
                }
                b')' | b']' => {
                    return Err(self.err_s(format!("f-string: unmatched '{}'", c as char)))
                }
                b'!' | b'=' | b'<' | b'>'
                    if nest.is_empty() && b.get(self.i + 1) == Some(&b'=') =>
                {
                    self.bump();
                }
                b'!' | b':' | b'=' | b'}' if nest.is_empty() => break,
                _ => {}
            }
            self.bump();
        }
        if quote.is_some() {
            return Err(self.err("f-string: unterminated string"));
        }
        if self.at_end() {
            if let Some(&o) = nest.last() {
                return Err(self.err_s(format!("f-string: unmatched '{}'", o as char)));
            }
            return Err(self.err("f-string: expecting '}'"));
        }
        let src = crate::substr::sub(self.s, start..self.i);
        let term = self.peek();
        if src
            .trim_matches(|c: char| c.is_ascii_whitespace())
            .is_empty()
        {
            if term == b'}' {
                return Err(self.err("f-string: empty expression not allowed"));
            }
            return Err(self.err_s(format!(
                "f-string: expression required before '{}'",
                term as char
            )));
        }
        let mut debug = false;
        if term == b'=' {
            self.bump();
            while matches!(self.peek(), b' ' | b'\t' | b'\n' | 0x0c) {
                self.bump();
            }
            parts.push(FRaw::Lit(
                crate::substr::sub(self.s, start..self.i).to_string(),
            ));
            debug = true;
        }
        let mut conv = None;
        if self.peek() == b'!' {
            self.bump();
            if self.at_end() {
                return Err(self.err("f-string: expecting '}'"));
            }
            let c = self.peek();
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(
                    self.err("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            self.bump();
            conv = Some(c as char);
            if !matches!(self.peek(), b':' | b'}') {
                return Err(self.err("f-string: expecting '}'"));
            }
        }
        let mut spec = None;
        if self.peek() == b':' {
            self.bump();
            spec = Some(self.parts(depth + 1)?);
        }
        if self.peek() != b'}' {
            return Err(self.err("f-string: expecting '}'"));
        }
        self.bump();
        if debug && conv.is_none() && spec.is_none() {
            conv = Some('r');
        }
        parts.push(FRaw::Field {
            src: src.to_string(),
            pos: start_pos,
            conv,
            spec,
        });
        Ok(())
    }
}
