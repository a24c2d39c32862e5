//! `HostFs`: a host directory mounted into the VM's file system (`--fs DIR`,
//! default the current directory). VM paths are normalised before they get
//! here (no `..`), so they stay under the root unless a symlink leads out.

use std::path::PathBuf;

use ferrite_vm::vfs::{Stat, StatVfs, Vfs, VfsError, VfsResult};

pub struct HostFs {
    root: PathBuf,
}

impl HostFs {
    pub fn new(root: PathBuf) -> HostFs {
        HostFs { root }
    }

    fn host(&self, path: &str) -> PathBuf {
        self.root.join(path.trim_start_matches('/'))
    }
}

fn err(e: std::io::Error) -> VfsError {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => return VfsError::NotFound,
        ErrorKind::AlreadyExists => return VfsError::Exists,
        ErrorKind::PermissionDenied => return VfsError::Access,
        _ => {}
    }
    // Linux errno values, for the kinds std does not name on stable.
    match e.raw_os_error() {
        Some(20) => VfsError::NotDir,
        Some(21) => VfsError::IsDir,
        Some(39) => VfsError::NotEmpty,
        Some(28) => VfsError::NoSpace,
        Some(18) | Some(22) => VfsError::Invalid,
        _ => VfsError::Io,
    }
}

impl Vfs for HostFs {
    fn stat(&mut self, path: &str) -> VfsResult<Stat> {
        let m = std::fs::metadata(self.host(path)).map_err(err)?;
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Ok(Stat {
            is_dir: m.is_dir(),
            size: if m.is_dir() { 0 } else { m.len() },
            mtime,
        })
    }

    fn read(&mut self, path: &str) -> VfsResult<Vec<u8>> {
        let p = self.host(path);
        if p.is_dir() {
            return Err(VfsError::IsDir);
        }
        std::fs::read(p).map_err(err)
    }

    fn write(&mut self, path: &str, data: &[u8]) -> VfsResult<()> {
        std::fs::write(self.host(path), data).map_err(err)
    }

    fn read_at(&mut self, path: &str, offset: u64, len: usize) -> VfsResult<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        let p = self.host(path);
        if p.is_dir() {
            return Err(VfsError::IsDir);
        }
        let mut f = std::fs::File::open(p).map_err(err)?;
        f.seek(SeekFrom::Start(offset)).map_err(err)?;
        let mut out = Vec::new();
        f.take(len as u64).read_to_end(&mut out).map_err(err)?;
        Ok(out)
    }

    fn write_at(&mut self, path: &str, offset: u64, data: &[u8]) -> VfsResult<()> {
        use std::io::{Seek, SeekFrom, Write};
        let p = self.host(path);
        if p.is_dir() {
            return Err(VfsError::IsDir);
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(p)
            .map_err(err)?;
        f.seek(SeekFrom::Start(offset)).map_err(err)?;
        f.write_all(data).map_err(err)
    }

    fn truncate(&mut self, path: &str, size: u64) -> VfsResult<()> {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(self.host(path))
            .map_err(err)?;
        f.set_len(size).map_err(err)
    }

    fn listdir(&mut self, path: &str) -> VfsResult<Vec<String>> {
        let p = self.host(path);
        if p.is_file() {
            return Err(VfsError::NotDir);
        }
        let mut names: Vec<String> = std::fs::read_dir(p)
            .map_err(err)?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        names.sort();
        Ok(names)
    }

    fn mkdir(&mut self, path: &str) -> VfsResult<()> {
        std::fs::create_dir(self.host(path)).map_err(err)
    }

    fn rmdir(&mut self, path: &str) -> VfsResult<()> {
        std::fs::remove_dir(self.host(path)).map_err(err)
    }

    fn remove(&mut self, path: &str) -> VfsResult<()> {
        let p = self.host(path);
        if p.is_dir() {
            return Err(VfsError::IsDir);
        }
        std::fs::remove_file(p).map_err(err)
    }

    fn rename(&mut self, from: &str, to: &str) -> VfsResult<()> {
        std::fs::rename(self.host(from), self.host(to)).map_err(err)
    }

    fn statvfs(&mut self) -> VfsResult<StatVfs> {
        // std has no statvfs; report a nominal 4 KiB-block volume.
        Ok(StatVfs {
            block_size: 4096,
            blocks: 0,
            free: 0,
        })
    }
}
