//! `MemFs`: a file system in RAM, for boards without flash and for tests.
//!
//! A flat map from absolute path to node; the root directory is implicit.
//! Usage counts file bytes plus a fixed cost per entry (its name and map
//! slot), against a capacity fixed at creation: a write that would exceed
//! it fails with ENOSPC and leaves the file as it was.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Stat, StatVfs, Vfs, VfsError, VfsResult};

/// Bytes charged per file or directory, besides its content.
const ENTRY_COST: usize = 64;
const BLOCK: usize = 512;

enum Node {
    Dir,
    File(Vec<u8>),
}

pub struct MemFs {
    nodes: BTreeMap<String, Node>,
    capacity: usize,
    used: usize,
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => crate::substr::sub(path, ..i),
    }
}

impl MemFs {
    /// An empty file system holding at most `capacity` bytes.
    pub fn new(capacity: usize) -> MemFs {
        MemFs {
            nodes: BTreeMap::new(),
            capacity,
            used: 0,
        }
    }

    pub fn used(&self) -> usize {
        self.used
    }

    fn is_dir(&self, path: &str) -> bool {
        path == "/" || matches!(self.nodes.get(path), Some(Node::Dir))
    }

    fn check_parent(&self, path: &str) -> VfsResult<()> {
        let p = parent(path);
        if self.is_dir(p) {
            Ok(())
        } else if self.nodes.contains_key(p) {
            Err(VfsError::NotDir)
        } else {
            Err(VfsError::NotFound)
        }
    }

    fn charge(&mut self, add: usize, free: usize) -> VfsResult<()> {
        let after = self.used - free.min(self.used) + add;
        if after > self.capacity {
            return Err(VfsError::NoSpace);
        }
        self.used = after;
        Ok(())
    }

    fn children<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let prefix_len = if dir == "/" { 1 } else { dir.len() + 1 };
        self.nodes
            .range::<str, _>((core::ops::Bound::Excluded(dir), core::ops::Bound::Unbounded))
            .map(|(k, _)| k.as_str())
            .take_while(move |k| k.starts_with(dir))
            .filter(move |k| {
                k.len() > prefix_len
                    && (dir == "/" || k.as_bytes().get(dir.len()) == Some(&b'/'))
                    && !crate::substr::sub(k, prefix_len..).contains('/')
            })
    }
}

impl Vfs for MemFs {
    fn stat(&mut self, path: &str) -> VfsResult<Stat> {
        match self.nodes.get(path) {
            _ if path == "/" => Ok(Stat {
                is_dir: true,
                ..Stat::default()
            }),
            Some(Node::Dir) => Ok(Stat {
                is_dir: true,
                ..Stat::default()
            }),
            Some(Node::File(d)) => Ok(Stat {
                is_dir: false,
                size: d.len() as u64,
                mtime: 0,
            }),
            None => Err(VfsError::NotFound),
        }
    }

    fn read(&mut self, path: &str) -> VfsResult<Vec<u8>> {
        match self.nodes.get(path) {
            _ if path == "/" => Err(VfsError::IsDir),
            Some(Node::Dir) => Err(VfsError::IsDir),
            Some(Node::File(d)) => Ok(d.clone()),
            None => Err(VfsError::NotFound),
        }
    }

    fn write(&mut self, path: &str, data: &[u8]) -> VfsResult<()> {
        if self.is_dir(path) {
            return Err(VfsError::IsDir);
        }
        self.check_parent(path)?;
        let old = match self.nodes.get(path) {
            Some(Node::File(d)) => d.len() + ENTRY_COST + path.len(),
            _ => 0,
        };
        self.charge(data.len() + ENTRY_COST + path.len(), old)?;
        self.nodes
            .insert(String::from(path), Node::File(data.to_vec()));
        Ok(())
    }

    fn read_at(&mut self, path: &str, offset: u64, len: usize) -> VfsResult<Vec<u8>> {
        match self.nodes.get(path) {
            _ if path == "/" => Err(VfsError::IsDir),
            Some(Node::Dir) => Err(VfsError::IsDir),
            Some(Node::File(d)) => {
                let start = usize::try_from(offset).unwrap_or(usize::MAX).min(d.len());
                let end = start.saturating_add(len).min(d.len());
                Ok(d[start..end].to_vec())
            }
            None => Err(VfsError::NotFound),
        }
    }

    fn write_at(&mut self, path: &str, offset: u64, data: &[u8]) -> VfsResult<()> {
        let old_len = match self.nodes.get(path) {
            _ if path == "/" => return Err(VfsError::IsDir),
            Some(Node::Dir) => return Err(VfsError::IsDir),
            Some(Node::File(d)) => d.len(),
            None => return Err(VfsError::NotFound),
        };
        let end = usize::try_from(offset)
            .ok()
            .and_then(|o| o.checked_add(data.len()))
            .ok_or(VfsError::NoSpace)?;
        // Charge the growth first: a full file system refuses the write
        // and the file keeps its content.
        let grow = end.saturating_sub(old_len);
        self.charge(grow, 0)?;
        if let Some(Node::File(d)) = self.nodes.get_mut(path) {
            if let Err(e) = super::splice_at(d, offset, data) {
                self.used -= grow;
                return Err(e);
            }
        }
        Ok(())
    }

    fn truncate(&mut self, path: &str, size: u64) -> VfsResult<()> {
        let old_len = match self.nodes.get(path) {
            Some(Node::File(d)) => d.len(),
            Some(Node::Dir) => return Err(VfsError::IsDir),
            None => return Err(VfsError::NotFound),
        };
        let size = usize::try_from(size).map_err(|_| VfsError::NoSpace)?;
        self.charge(size, old_len)?;
        if let Some(Node::File(d)) = self.nodes.get_mut(path) {
            d.truncate(size);
            if d.try_reserve(size - d.len()).is_err() {
                self.used -= size - d.len();
                return Err(VfsError::NoSpace);
            }
            d.resize(size, 0);
        }
        Ok(())
    }

    fn listdir(&mut self, path: &str) -> VfsResult<Vec<String>> {
        if !self.is_dir(path) {
            return Err(if self.nodes.contains_key(path) {
                VfsError::NotDir
            } else {
                VfsError::NotFound
            });
        }
        let skip = if path == "/" { 1 } else { path.len() + 1 };
        Ok(self
            .children(path)
            .map(|k| String::from(crate::substr::sub(k, skip..)))
            .collect())
    }

    fn mkdir(&mut self, path: &str) -> VfsResult<()> {
        if path == "/" || self.nodes.contains_key(path) {
            return Err(VfsError::Exists);
        }
        self.check_parent(path)?;
        self.charge(ENTRY_COST + path.len(), 0)?;
        self.nodes.insert(String::from(path), Node::Dir);
        Ok(())
    }

    fn rmdir(&mut self, path: &str) -> VfsResult<()> {
        match self.nodes.get(path) {
            _ if path == "/" => Err(VfsError::Access),
            Some(Node::Dir) => {
                if self.children(path).next().is_some() {
                    return Err(VfsError::NotEmpty);
                }
                self.nodes.remove(path);
                self.charge(0, ENTRY_COST + path.len())
            }
            Some(Node::File(_)) => Err(VfsError::NotDir),
            None => Err(VfsError::NotFound),
        }
    }

    fn remove(&mut self, path: &str) -> VfsResult<()> {
        match self.nodes.get(path) {
            _ if path == "/" => Err(VfsError::IsDir),
            Some(Node::File(d)) => {
                let n = d.len();
                self.nodes.remove(path);
                self.charge(0, n + ENTRY_COST + path.len())
            }
            Some(Node::Dir) => Err(VfsError::IsDir),
            None => Err(VfsError::NotFound),
        }
    }

    fn rename(&mut self, from: &str, to: &str) -> VfsResult<()> {
        if from == "/" || !self.nodes.contains_key(from) {
            return Err(VfsError::NotFound);
        }
        if from == to {
            return Ok(());
        }
        // A directory cannot move inside itself.
        if to.starts_with(from) && to.as_bytes().get(from.len()) == Some(&b'/') {
            return Err(VfsError::Invalid);
        }
        self.check_parent(to)?;
        let src_dir = self.is_dir(from);
        match self.nodes.get(to) {
            Some(Node::Dir) if !src_dir => return Err(VfsError::IsDir),
            Some(Node::File(_)) if src_dir => return Err(VfsError::NotDir),
            Some(Node::Dir) if self.children(to).next().is_some() => {
                return Err(VfsError::NotEmpty)
            }
            _ => {}
        }
        // Replacing `to` frees it; every moved path changes length.
        let moved: Vec<String> = self
            .nodes
            .keys()
            .filter(|k| {
                k.as_str() == from
                    || (k.starts_with(from) && k.as_bytes().get(from.len()) == Some(&b'/'))
            })
            .cloned()
            .collect();
        let grow = (to.len() as isize - from.len() as isize) * moved.len() as isize;
        let freed = match self.nodes.get(to) {
            Some(Node::File(d)) => d.len() + ENTRY_COST + to.len(),
            Some(Node::Dir) => ENTRY_COST + to.len(),
            None => 0,
        };
        if grow >= 0 {
            self.charge(grow as usize, freed)?;
        } else {
            self.charge(0, freed + (-grow) as usize)?;
        }
        self.nodes.remove(to);
        for k in moved {
            if let Some(node) = self.nodes.remove(&k) {
                let mut nk = String::from(to);
                nk.push_str(crate::substr::sub(&k, from.len()..));
                self.nodes.insert(nk, node);
            }
        }
        Ok(())
    }

    fn statvfs(&mut self) -> VfsResult<StatVfs> {
        Ok(StatVfs {
            block_size: BLOCK as u64,
            blocks: (self.capacity / BLOCK) as u64,
            free: (self.capacity.saturating_sub(self.used) / BLOCK) as u64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_dirs() {
        let mut fs = MemFs::new(4096);
        fs.mkdir("/d").unwrap();
        fs.write("/d/a", b"hello").unwrap();
        fs.write("/b", b"x").unwrap();
        assert_eq!(fs.listdir("/").unwrap(), ["b", "d"]);
        assert_eq!(fs.listdir("/d").unwrap(), ["a"]);
        assert_eq!(fs.read("/d/a").unwrap(), b"hello");
        assert_eq!(fs.rmdir("/d"), Err(VfsError::NotEmpty));
        assert_eq!(fs.write("/nope/a", b""), Err(VfsError::NotFound));
        fs.rename("/d", "/e").unwrap();
        assert_eq!(fs.read("/e/a").unwrap(), b"hello");
        fs.remove("/e/a").unwrap();
        fs.rmdir("/e").unwrap();
        fs.remove("/b").unwrap();
        assert_eq!(fs.used(), 0);
    }

    #[test]
    fn positional_io() {
        let mut fs = MemFs::new(200);
        fs.write("/f", b"hello").unwrap();
        fs.write_at("/f", 5, b" world").unwrap();
        assert_eq!(fs.read_at("/f", 3, 4).unwrap(), b"lo w");
        assert_eq!(fs.read_at("/f", 50, 4).unwrap(), b"");
        fs.write_at("/f", 0, b"J").unwrap();
        fs.write_at("/f", 13, b"!").unwrap();
        assert_eq!(fs.read("/f").unwrap(), b"Jello world\0\0!");
        // Too big: refused, content and usage unchanged.
        let used = fs.used();
        assert_eq!(fs.write_at("/f", 14, &[7; 200]), Err(VfsError::NoSpace));
        assert_eq!(fs.read("/f").unwrap(), b"Jello world\0\0!");
        assert_eq!(fs.used(), used);
        fs.truncate("/f", 5).unwrap();
        assert_eq!(fs.read("/f").unwrap(), b"Jello");
        assert_eq!(fs.used(), used - 9);
        assert_eq!(fs.write_at("/g", 0, b"x"), Err(VfsError::NotFound));
    }

    #[test]
    fn full_keeps_old_content() {
        let mut fs = MemFs::new(256);
        fs.write("/f", b"old").unwrap();
        assert_eq!(fs.write("/f", &[0u8; 300]), Err(VfsError::NoSpace));
        assert_eq!(fs.read("/f").unwrap(), b"old");
    }
}
