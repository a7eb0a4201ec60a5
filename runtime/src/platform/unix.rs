//! The Unix side of [`crate::platform`]: Linux, the BSDs and macOS.

use std::fs::{File, Metadata};
use std::io;
use std::os::fd::AsFd;
use std::os::unix::fs::{FileExt, FileTypeExt, MetadataExt};

/// Unix-domain sockets: mio's.
pub(crate) mod uds {
    pub(crate) use mio::net::{UnixDatagram, UnixListener, UnixStream};
    pub(crate) use std::os::unix::net::SocketAddr;
}

/// Reads into `buf` at `offset`, moving no position (`pread`).
pub(crate) fn read_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    f.read_at(buf, offset)
}

/// A handle [`read_at`] may use from other threads while `f` goes on being read: a
/// duplicate, since `pread` leaves the shared offset alone.
pub(crate) fn reader_at(f: &File, _path: &str) -> io::Result<File> {
    f.try_clone()
}

/// A duplicate of stdout's descriptor.
pub(crate) fn dup_stdout() -> io::Result<File> {
    io::stdout().as_fd().try_clone_to_owned().map(File::from)
}

/// The path that opens descriptor `fd` again: `/dev/fd/N` (Linux, macOS, the BSDs with
/// fdescfs).
pub(crate) fn fd_path(fd: i64) -> io::Result<String> {
    Ok(format!("/dev/fd/{fd}"))
}

/// What `stat` names descriptor `fd` in its errors, and its metadata (through `/dev/fd/N`;
/// `link`: of that path itself, as `lstat`).
pub(crate) fn fd_metadata(fd: i64, link: bool) -> (String, io::Result<Metadata>) {
    let p = format!("/dev/fd/{fd}");
    let md = if link { std::fs::symlink_metadata(&p) } else { std::fs::metadata(&p) };
    (p, md)
}

/// The `stat` facts this platform has no value for: none.
pub(crate) fn stat_unsupported(_what: i64) -> Option<String> {
    None
}

/// One `stat` fact (`stat.pasm` codes 3..8 and 10..-7; the portable ones are the
/// caller's), from `struct stat` as Parrot's `src/platform/generic/file.c` reads it; -1 for
/// `CREATETIME` and a code Parrot does not know.
pub(crate) fn stat_field(md: &Metadata, what: i64) -> Result<i64, String> {
    let ft = md.file_type();
    Ok(match what {
        3 => ft.is_file() as i64,
        4 => (ft.is_block_device() || ft.is_char_device()) as i64,
        8 => md.ctime(),
        6 => md.atime(),
        7 => md.mtime(),
        10 => md.uid() as i64,
        11 => md.gid() as i64,
        12 => ft.is_symlink() as i64,
        -1 => md.dev() as i64,
        -2 => md.ino() as i64,
        -3 => md.mode() as i64,
        -4 => md.nlink() as i64,
        -5 => md.rdev() as i64,
        -6 => md.blksize() as i64,
        -7 => md.blocks() as i64,
        // CREATETIME (5) and codes Parrot does not know.
        _ => -1,
    })
}

/// What every new socket gets: not inherited by child processes; `SO_REUSEADDR` and
/// `SO_REUSEPORT` when asked.
pub(crate) fn socket_setup(s: &socket2::Socket, reuse_addr: bool, reuse_port: bool) -> io::Result<()> {
    s.set_cloexec(true)?;
    if reuse_addr {
        s.set_reuse_address(true)?;
    }
    if reuse_port {
        s.set_reuse_port(true)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[test]
    fn read_ahead_leaves_the_programs_position_alone() {
        let path = std::env::temp_dir().join(format!("kea-platform-read-at-{}", std::process::id()));
        File::create(&path).and_then(|mut f| f.write_all(b"0123456789")).expect("write temp file");
        let mut f = File::open(&path).expect("open");
        let r = reader_at(&f, &path.to_string_lossy()).expect("duplicate");
        let mut buf = [0u8; 5];
        assert_eq!(read_at(&r, &mut buf, 5).expect("pread"), 5);
        assert_eq!(&buf, b"56789");
        let mut head = [0u8; 3];
        f.read_exact(&mut head).expect("read");
        assert_eq!(&head, b"012", "the program's handle did not move");
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn reuse_port_is_set_when_asked() {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("socket");
        socket_setup(&s, true, true).expect("setup");
        assert!(s.reuse_address().expect("getsockopt") && s.reuse_port().expect("getsockopt"));
        assert!(stat_unsupported(10).is_none(), "Unix has every stat field");
    }
}
