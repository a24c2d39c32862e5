//! The virtual file system: a mount table of `Vfs` implementations, like
//! MicroPython's `vfs.mount`.
//!
//! Paths inside the VM are absolute after joining with the current
//! directory and folding `.`/`..`; the longest mount point that prefixes a
//! path owns it and sees the rest as an absolute path of its own ("/" for
//! its root). The VM ships `MemFs`; hosts mount their own (the CLI mounts a
//! host directory). With nothing mounted, file operations raise ENODEV and
//! the importer falls back to `Board::read_file`.
//!
//! Files are read and written by position (`read_at`/`write_at`), so an
//! open file in the VM holds only a small buffer (the `io` module's
//! `_File`), never the whole file: a data logger can append to a file larger
//! than the heap. A `write_at` that fails (ENOSPC) changes nothing, so what
//! was written before stays. `read`/`write` (whole file) serve imports and
//! file creation; the positional methods have whole-file defaults for
//! simple file systems.

pub mod memfs;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

pub use memfs::MemFs;

/// Why a file system operation failed; `errno` gives MicroPython's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VfsError {
    NotFound,
    Exists,
    IsDir,
    NotDir,
    NotEmpty,
    NoSpace,
    Invalid,
    Access,
    Io,
    NoDevice,
}

impl VfsError {
    pub fn errno(self) -> i64 {
        match self {
            VfsError::NotFound => 2,
            VfsError::Io => 5,
            VfsError::Access => 13,
            VfsError::NoDevice => 19,
            VfsError::Exists => 17,
            VfsError::NotDir => 20,
            VfsError::IsDir => 21,
            VfsError::Invalid => 22,
            VfsError::NoSpace => 28,
            VfsError::NotEmpty => 39,
        }
    }
}

pub type VfsResult<T> = Result<T, VfsError>;

/// What `stat` reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    pub is_dir: bool,
    pub size: u64,
    /// Seconds since the epoch; 0 when the file system has no clock.
    pub mtime: u64,
}

/// `statvfs`: block size, total blocks, free blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatVfs {
    pub block_size: u64,
    pub blocks: u64,
    pub free: u64,
}

/// A mountable file system. Paths are absolute within it ("/", "/a/b.txt"),
/// already normalised (no `.`, `..`, empty or trailing components).
pub trait Vfs {
    fn stat(&mut self, path: &str) -> VfsResult<Stat>;
    /// A file's content; IsDir for a directory.
    fn read(&mut self, path: &str) -> VfsResult<Vec<u8>>;
    /// Create or replace a file's content. The parent must exist. On error
    /// the previous content is unchanged.
    fn write(&mut self, path: &str, data: &[u8]) -> VfsResult<()>;
    /// Up to `len` bytes from `offset` (fewer at the end of the file,
    /// none past it).
    fn read_at(&mut self, path: &str, offset: u64, len: usize) -> VfsResult<Vec<u8>> {
        let d = self.read(path)?;
        let start = usize::try_from(offset).unwrap_or(usize::MAX).min(d.len());
        let end = start.saturating_add(len).min(d.len());
        Ok(d[start..end].to_vec())
    }
    /// Write `data` at `offset` of an existing file, extending it (with
    /// zero bytes if `offset` is past its end). On error nothing changes.
    fn write_at(&mut self, path: &str, offset: u64, data: &[u8]) -> VfsResult<()> {
        let mut d = self.read(path)?;
        splice_at(&mut d, offset, data)?;
        self.write(path, &d)
    }
    /// Cut a file to `size` bytes (or extend it with zeros).
    fn truncate(&mut self, path: &str, size: u64) -> VfsResult<()> {
        let mut d = self.read(path)?;
        d.resize(usize::try_from(size).map_err(|_| VfsError::NoSpace)?, 0);
        self.write(path, &d)
    }
    /// Names in a directory, sorted.
    fn listdir(&mut self, path: &str) -> VfsResult<Vec<String>>;
    fn mkdir(&mut self, path: &str) -> VfsResult<()>;
    fn rmdir(&mut self, path: &str) -> VfsResult<()>;
    fn remove(&mut self, path: &str) -> VfsResult<()>;
    fn rename(&mut self, from: &str, to: &str) -> VfsResult<()>;
    fn statvfs(&mut self) -> VfsResult<StatVfs> {
        Ok(StatVfs::default())
    }
}

/// `data` written into `d` at `offset`, growing it as needed.
pub fn splice_at(d: &mut Vec<u8>, offset: u64, data: &[u8]) -> VfsResult<()> {
    let start = usize::try_from(offset).map_err(|_| VfsError::NoSpace)?;
    let end = start.checked_add(data.len()).ok_or(VfsError::NoSpace)?;
    if end > d.len() {
        d.try_reserve(end - d.len())
            .map_err(|_| VfsError::NoSpace)?;
        d.resize(end, 0);
    }
    d[start..end].copy_from_slice(data);
    Ok(())
}

/// The VM's mount table and current directory.
pub struct Mounts {
    /// (mount point, file system), mount point normalised ("/" or "/flash").
    entries: Vec<(String, Box<dyn Vfs>)>,
    pub cwd: String,
}

impl Default for Mounts {
    fn default() -> Self {
        Mounts {
            entries: Vec::new(),
            cwd: String::from("/"),
        }
    }
}

/// Join `path` to `cwd` and fold `.` and `..` (`..` at the root stays there).
pub fn normalize(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let full = if path.starts_with('/') {
        [path, ""]
    } else {
        [cwd, path]
    };
    for piece in full {
        for c in piece.split('/') {
            match c {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                c => parts.push(c),
            }
        }
    }
    let mut out = String::new();
    for p in parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

impl Mounts {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Mount `fs` at `point`, replacing what was mounted there.
    pub fn mount(&mut self, point: &str, fs: Box<dyn Vfs>) {
        let point = normalize("/", point);
        self.entries.retain(|(p, _)| *p != point);
        self.entries.push((point, fs));
    }

    /// Remove the file system mounted at `point`; false if none was.
    pub fn umount(&mut self, point: &str) -> bool {
        let point = normalize("/", point);
        let before = self.entries.len();
        self.entries.retain(|(p, _)| *p != point);
        self.entries.len() != before
    }

    /// The absolute form of `path` (relative to the current directory).
    pub fn absolute(&self, path: &str) -> String {
        normalize(&self.cwd, path)
    }

    /// Index of the mount owning absolute path `abs`: the longest mount
    /// point that is `abs` or a directory prefix of it.
    fn owner(&self, abs: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, (p, _)) in self.entries.iter().enumerate() {
            let owns = p == "/"
                || abs == p
                || (abs.starts_with(p.as_str()) && abs.as_bytes().get(p.len()) == Some(&b'/'));
            if owns && best.map(|(_, len)| p.len() > len).unwrap_or(true) {
                best = Some((i, p.len()));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The file system owning `path` and the path inside it.
    pub fn resolve(&mut self, path: &str) -> VfsResult<(&mut dyn Vfs, String)> {
        let abs = self.absolute(path);
        let best = self.owner(&abs);
        let i = best.ok_or(VfsError::NoDevice)?;
        let (p, fs) = self.entries.get_mut(i).ok_or(VfsError::NoDevice)?;
        let rest = if p == "/" {
            abs
        } else {
            let r = crate::substr::sub(&abs, p.len()..);
            if r.is_empty() {
                String::from("/")
            } else {
                String::from(r)
            }
        };
        Ok((fs.as_mut(), rest))
    }

    /// Mount points directly below directory `abs` (they appear in its
    /// listing like MicroPython's).
    pub fn mount_names_in(&self, abs: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (p, _) in &self.entries {
            if p == "/" {
                continue;
            }
            if let Some(i) = p.rfind('/') {
                let parent = if i == 0 {
                    "/"
                } else {
                    crate::substr::sub(p, ..i)
                };
                if parent == abs {
                    out.push(String::from(crate::substr::sub(p, i + 1..)));
                }
            }
        }
        out
    }

    pub fn read(&mut self, path: &str) -> VfsResult<Vec<u8>> {
        let (fs, p) = self.resolve(path)?;
        fs.read(&p)
    }

    pub fn write(&mut self, path: &str, data: &[u8]) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.write(&p, data)
    }

    pub fn read_at(&mut self, path: &str, offset: u64, len: usize) -> VfsResult<Vec<u8>> {
        let (fs, p) = self.resolve(path)?;
        fs.read_at(&p, offset, len)
    }
    pub fn write_at(&mut self, path: &str, offset: u64, data: &[u8]) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.write_at(&p, offset, data)
    }
    pub fn truncate(&mut self, path: &str, size: u64) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.truncate(&p, size)
    }
    pub fn stat(&mut self, path: &str) -> VfsResult<Stat> {
        let (fs, p) = self.resolve(path)?;
        fs.stat(&p)
    }

    pub fn listdir(&mut self, path: &str) -> VfsResult<Vec<String>> {
        let abs = self.absolute(path);
        let extra = self.mount_names_in(&abs);
        let (fs, p) = self.resolve(&abs)?;
        let mut names = fs.listdir(&p)?;
        for e in extra {
            if !names.contains(&e) {
                names.push(e);
            }
        }
        Ok(names)
    }

    pub fn mkdir(&mut self, path: &str) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.mkdir(&p)
    }

    pub fn rmdir(&mut self, path: &str) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.rmdir(&p)
    }

    pub fn remove(&mut self, path: &str) -> VfsResult<()> {
        let (fs, p) = self.resolve(path)?;
        fs.remove(&p)
    }

    /// Rename within one file system (EXDEV-like across mounts: Invalid).
    pub fn rename(&mut self, from: &str, to: &str) -> VfsResult<()> {
        let a = self.absolute(from);
        let b = self.absolute(to);
        let ia = self.owner(&a);
        let ib = self.owner(&b);
        if ia != ib {
            return Err(VfsError::Invalid);
        }
        let (_, pb) = self.resolve(&b)?;
        let (fs, pa) = self.resolve(&a)?;
        fs.rename(&pa, &pb)
    }

    pub fn statvfs(&mut self, path: &str) -> VfsResult<StatVfs> {
        let (fs, _) = self.resolve(path)?;
        fs.statvfs()
    }

    /// Change the current directory (must be a directory).
    pub fn chdir(&mut self, path: &str) -> VfsResult<()> {
        let abs = self.absolute(path);
        if !self.stat(&abs)?.is_dir {
            return Err(VfsError::NotDir);
        }
        self.cwd = abs;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("/", "a/./b/../c"), "/a/c");
        assert_eq!(normalize("/x", ".."), "/");
        assert_eq!(normalize("/x", "../.."), "/");
        assert_eq!(normalize("/x", "/y//z/"), "/y/z");
        assert_eq!(normalize("/x", "y"), "/x/y");
    }

    #[test]
    fn mounts_resolve_longest_prefix() {
        let mut m = Mounts::default();
        m.mount("/", Box::new(MemFs::new(1 << 16)));
        m.mount("/ram", Box::new(MemFs::new(1 << 16)));
        m.write("/ram/a", b"1").ok();
        m.write("/a", b"22").ok();
        assert_eq!(m.read("/ram/a").ok(), Some(b"1".to_vec()));
        assert_eq!(m.read("/a").ok(), Some(b"22".to_vec()));
        assert_eq!(
            m.listdir("/").ok(),
            Some(alloc::vec!["a".into(), "ram".into()])
        );
        assert_eq!(m.rename("/a", "/ram/b"), Err(VfsError::Invalid));
        m.chdir("/ram").ok();
        assert_eq!(m.read("a").ok(), Some(b"1".to_vec()));
    }
}
