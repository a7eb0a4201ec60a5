//! The Windows side of [`crate::platform`]. Sockets need nothing here: mio's IOCP backend
//! serves TCP and UDP through the same API as epoll and kqueue.

use super::unsupported;
use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::windows::fs::{FileExt, MetadataExt};
use std::os::windows::io::AsHandle;

/// Unix-domain sockets: mio has none on Windows, so these stand-ins have no values; their
/// constructors fail with "Unix-domain sockets are not supported on this platform" and the
/// methods the socket backend calls on an open one can never run.
pub(crate) mod uds {
    use std::io;
    use std::net::Shutdown;
    use std::os::windows::io::{AsSocket, BorrowedSocket};
    use std::path::Path;

    fn none() -> io::Error {
        super::unsupported("Unix-domain sockets")
    }

    /// A Unix-domain stream (none on this platform).
    pub(crate) enum UnixStream {}
    /// A Unix-domain listener (none on this platform).
    pub(crate) enum UnixListener {}
    /// A Unix-domain datagram socket (none on this platform).
    pub(crate) enum UnixDatagram {}
    /// A Unix-domain address (none on this platform).
    pub(crate) enum SocketAddr {}

    impl UnixStream {
        pub(crate) fn connect(_: impl AsRef<Path>) -> io::Result<UnixStream> {
            Err(none())
        }
        pub(crate) fn shutdown(&self, _: Shutdown) -> io::Result<()> {
            match *self {}
        }
    }
    impl io::Read for UnixStream {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            match *self {}
        }
    }
    impl io::Write for UnixStream {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            match *self {}
        }
        fn flush(&mut self) -> io::Result<()> {
            match *self {}
        }
    }
    impl UnixListener {
        pub(crate) fn bind(_: impl AsRef<Path>) -> io::Result<UnixListener> {
            Err(none())
        }
        pub(crate) fn accept(&self) -> io::Result<(UnixStream, SocketAddr)> {
            match *self {}
        }
    }
    impl AsSocket for UnixListener {
        fn as_socket(&self) -> BorrowedSocket<'_> {
            match *self {}
        }
    }
    impl UnixDatagram {
        pub(crate) fn unbound() -> io::Result<UnixDatagram> {
            Err(none())
        }
        pub(crate) fn bind(_: impl AsRef<Path>) -> io::Result<UnixDatagram> {
            Err(none())
        }
        pub(crate) fn connect(&self, _: impl AsRef<Path>) -> io::Result<()> {
            match *self {}
        }
        pub(crate) fn send(&self, _: &[u8]) -> io::Result<usize> {
            match *self {}
        }
        pub(crate) fn send_to(&self, _: &[u8], _: impl AsRef<Path>) -> io::Result<usize> {
            match *self {}
        }
        pub(crate) fn recv(&self, _: &mut [u8]) -> io::Result<usize> {
            match *self {}
        }
        pub(crate) fn recv_from(&self, _: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
            match *self {}
        }
        pub(crate) fn local_addr(&self) -> io::Result<SocketAddr> {
            match *self {}
        }
        pub(crate) fn peer_addr(&self) -> io::Result<SocketAddr> {
            match *self {}
        }
    }
    impl SocketAddr {
        pub(crate) fn as_pathname(&self) -> Option<&Path> {
            match *self {}
        }
    }

    macro_rules! no_source {
        ($($t:ty),*) => {$(
            impl mio::event::Source for $t {
                fn register(&mut self, _: &mio::Registry, _: mio::Token, _: mio::Interest) -> io::Result<()> {
                    match *self {}
                }
                fn reregister(&mut self, _: &mio::Registry, _: mio::Token, _: mio::Interest) -> io::Result<()> {
                    match *self {}
                }
                fn deregister(&mut self, _: &mio::Registry) -> io::Result<()> {
                    match *self {}
                }
            }
        )*};
    }
    no_source!(UnixStream, UnixListener, UnixDatagram);
}

/// Reads into `buf` at `offset` (`ReadFile` with an offset). Unlike `pread` it moves the
/// handle's file pointer: use it only on a handle from [`reader_at`].
pub(crate) fn read_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    f.seek_read(buf, offset)
}

/// A handle [`read_at`] may use from other threads while `f` goes on being read: the file
/// opened again by path. A duplicate of `f` would share its file pointer, which every
/// `seek_read` moves; a handle of its own leaves `f`'s position where the program put it.
/// Files that std opens share reading, writing and deletion, so this open succeeds whenever
/// `f`'s did; if it fails, the caller reads without read-ahead.
pub(crate) fn reader_at(_f: &File, path: &str) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

/// A duplicate of the standard output handle.
pub(crate) fn dup_stdout() -> io::Result<File> {
    io::stdout().as_handle().try_clone_to_owned().map(File::from)
}

/// The path that opens descriptor `fd` again: Windows has numbered handles only for 0–2
/// (served by the stdio backend), so there is none.
pub(crate) fn fd_path(_fd: i64) -> io::Result<String> {
    Err(unsupported("file descriptors other than 0, 1 and 2"))
}

/// What `stat` names descriptor `fd` in its errors, and its metadata: the standard handles
/// are read by handle (`GetFileInformationByHandle`, as Parrot's `Parrot_file_fstat`).
pub(crate) fn fd_metadata(fd: i64, _link: bool) -> (String, io::Result<Metadata>) {
    let handle = match fd {
        0 => io::stdin().as_handle().try_clone_to_owned(),
        1 => io::stdout().as_handle().try_clone_to_owned(),
        2 => io::stderr().as_handle().try_clone_to_owned(),
        _ => Err(unsupported("file descriptors other than 0, 1 and 2")),
    };
    (format!("fd {fd}"), handle.and_then(|h| File::from(h).metadata()))
}

/// `FILE_ATTRIBUTE_DEVICE`.
const ATTRIBUTE_DEVICE: u32 = 0x40;
/// `FILE_ATTRIBUTE_DIRECTORY`.
const ATTRIBUTE_DIRECTORY: u32 = 0x10;

/// The `stat` facts Windows has no value for: Parrot's `Parrot_file_stat_intval`
/// (`src/platform/win32/file.c`) throws for them before it looks at the file.
pub(crate) fn stat_unsupported(what: i64) -> Option<String> {
    let name = match what {
        10 => "STAT_UID",
        11 => "STAT_GID",
        12 => "STAT_ISLNK",
        -1 => "STAT_PLATFORM_DEV",
        -2 => "STAT_PLATFORM_INODE",
        -4 => "STAT_PLATFORM_NLINKS",
        -5 => "STAT_PLATFORM_DEVTYPE",
        -6 => "STAT_PLATFORM_BLOCKSIZE",
        -7 => "STAT_PLATFORM_BLOCKS",
        _ => return None,
    };
    Some(format!("{name} not supported"))
}

/// A `FILETIME` (100 ns ticks since 1601) as Unix seconds, 0 before 1970, as Parrot's
/// `filetime_to_timespec`.
fn unix_seconds(ticks: u64) -> i64 {
    const EPOCH: u64 = 116_444_736_000_000_000;
    (ticks.saturating_sub(EPOCH) / 10_000_000) as i64
}

/// One `stat` fact (`stat.pasm` codes 3..8 and -3; the portable ones are the caller's), as
/// Parrot's `file_attribute_intval` (`src/platform/win32/file.c`) reads the attribute data:
/// a device is `FILE_ATTRIBUTE_DEVICE`, a regular file is neither that nor a directory, the
/// change time is the last write time, and the mode is always 0777.
pub(crate) fn stat_field(md: &Metadata, what: i64) -> Result<i64, String> {
    let attrs = md.file_attributes();
    Ok(match what {
        3 => (attrs & (ATTRIBUTE_DIRECTORY | ATTRIBUTE_DEVICE) == 0) as i64,
        4 => (attrs & ATTRIBUTE_DEVICE != 0) as i64,
        5 => unix_seconds(md.creation_time()),
        6 => unix_seconds(md.last_access_time()),
        7 | 8 => unix_seconds(md.last_write_time()),
        -3 => 0o777,
        w => match stat_unsupported(w) {
            Some(e) => return Err(e),
            // A code Parrot does not know.
            None => -1,
        },
    })
}

/// What every new socket gets. Sockets are created not inheritable already (socket2 asks
/// for `WSA_FLAG_NO_HANDLE_INHERIT`).
///
/// `SO_REUSEADDR` is not set: what a Unix program asks for with it (bind a port that a
/// closed socket left in TIME_WAIT) Windows allows without it, and Windows' own
/// `SO_REUSEADDR` would let the socket take a port another socket is listening on, so a
/// second server on a busy port would not fail with "address in use". Windows has no
/// `SO_REUSEPORT`; a program that asks for it is told so rather than given a socket without
/// it.
pub(crate) fn socket_setup(_s: &socket2::Socket, _reuse_addr: bool, reuse_port: bool) -> io::Result<()> {
    if reuse_port {
        return Err(unsupported("SO_REUSEPORT sockets"));
    }
    Ok(())
}

/// Run under Wine by `tests/windows/run` (cargo's runner for the Windows target).
#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn temp_file(tag: &str, bytes: &[u8]) -> (String, File) {
        let path = std::env::temp_dir().join(format!("kea-platform-{tag}-{}", std::process::id()));
        std::fs::File::create(&path).and_then(|mut f| f.write_all(bytes)).expect("write temp file");
        let path = path.to_string_lossy().into_owned();
        let f = File::open(&path).expect("open temp file");
        (path, f)
    }

    #[test]
    fn unix_domain_sockets_say_they_are_not_supported() {
        let want = "Unix-domain sockets are not supported on this platform";
        assert_eq!(uds::UnixListener::bind("x.sock").err().map(|e| e.to_string()).as_deref(), Some(want));
        assert_eq!(uds::UnixStream::connect("x.sock").err().map(|e| e.to_string()).as_deref(), Some(want));
        assert_eq!(uds::UnixDatagram::bind("x.sock").err().map(|e| e.to_string()).as_deref(), Some(want));
        assert_eq!(uds::UnixDatagram::unbound().err().map(|e| e.to_string()).as_deref(), Some(want));
    }

    #[test]
    fn reuse_port_is_refused_and_reuse_addr_left_off() {
        let s = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).expect("socket");
        let e = socket_setup(&s, false, true).expect_err("no SO_REUSEPORT");
        assert_eq!(e.to_string(), "SO_REUSEPORT sockets are not supported on this platform");
        socket_setup(&s, true, false).expect("SO_REUSEADDR is accepted");
        assert!(!s.reuse_address().expect("getsockopt"), "Windows' SO_REUSEADDR is never set");
    }

    #[test]
    fn descriptors_past_the_standard_three_are_not_supported() {
        let e = fd_path(7).expect_err("no numbered descriptors");
        assert_eq!(e.to_string(), "file descriptors other than 0, 1 and 2 are not supported on this platform");
        let (name, md) = fd_metadata(7, false);
        assert_eq!(name, "fd 7");
        assert!(md.is_err());
        assert_eq!(fd_metadata(2, false).0, "fd 2");
    }

    #[test]
    fn read_ahead_leaves_the_programs_position_alone() {
        let (path, mut f) = temp_file("read-at", b"0123456789");
        let r = reader_at(&f, &path).expect("second handle");
        let mut buf = [0u8; 5];
        assert_eq!(read_at(&r, &mut buf, 5).expect("seek_read"), 5);
        assert_eq!(&buf, b"56789");
        let mut head = [0u8; 3];
        f.read_exact(&mut head).expect("read");
        assert_eq!(&head, b"012", "the program's handle did not move");
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn stat_follows_parrots_windows_mapping() {
        let (path, f) = temp_file("stat", b"abc");
        let md = f.metadata().expect("metadata");
        assert_eq!(stat_field(&md, 3), Ok(1), "a regular file");
        assert_eq!(stat_field(&md, 4), Ok(0), "not a device");
        assert_eq!(stat_field(&md, -3), Ok(0o777));
        assert_eq!(stat_field(&md, 7), stat_field(&md, 8), "change time is the last write time");
        assert!(stat_field(&md, 5).expect("creation time") > 0);
        assert_eq!(stat_field(&md, 10), Err("STAT_UID not supported".to_string()));
        assert_eq!(stat_field(&md, 99), Ok(-1), "a code Parrot does not know");
        assert_eq!(stat_unsupported(12).as_deref(), Some("STAT_ISLNK not supported"));
        assert_eq!(stat_unsupported(-7).as_deref(), Some("STAT_PLATFORM_BLOCKS not supported"));
        assert_eq!(stat_unsupported(1), None);
        drop(f);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn file_times_before_1970_are_zero() {
        assert_eq!(unix_seconds(0), 0);
        assert_eq!(unix_seconds(116_444_736_000_000_000), 0);
        assert_eq!(unix_seconds(116_444_736_000_000_000 + 15 * 10_000_000 + 9_999_999), 15);
    }
}
