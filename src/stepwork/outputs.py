"""Every file stepwork writes is written here, one way.

A path a person gives may be their journal, a link, a device, a folder, or a file they care
about. So, before a byte is written: the journal and the files beside it, and anything inside
stepwork's data folder, are refused as targets; an existing file is replaced only when the
person said `--force`; a folder, a socket or a block device is never replaced; a FIFO or a
terminal (`/dev/stdout`) is written by opening it, never by renaming over it. A regular file is
written to a private temporary file beside the target, synced, and renamed into place, so it is
either whole or not there.
"""

import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from stepwork.errors import UserError
from stepwork.home import PRIVATE_FILE_MODE, ensure_private_dir, paths
from stepwork.messages import outputs as outputs_messages

STDOUT = "-"
# The journal's companions: SQLite's, the key file, the lock, and a conversion's files.
JOURNAL_COMPANIONS = ("", "-wal", "-shm", "-journal", ".key", ".new", ".old", ".new.key")


@dataclass(frozen=True)
class Target:
    path: Path
    stream: bool = False  # a FIFO or a character device: opened and written in place
    replace: bool = False  # an existing regular file, replaced as a whole


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def shares_home(path: Path) -> bool:
    """Whether `path` is stepwork's data folder, lies inside it, or holds it (a folder another
    tool carries elsewhere must never carry the journal and its key)."""
    real, home = _real(path), _real(paths().data_dir)
    return _is_inside(real, home) or _is_inside(home, real)


def _refuse_ours(real: Path, allowed: Path | None) -> None:
    where = paths()
    db = where.database
    for suffix in JOURNAL_COMPANIONS:
        companion = db.with_name(db.name + suffix)
        same = real == _real(companion)
        if not same and os.path.exists(companion) and os.path.exists(real):
            same = os.path.samefile(companion, real)
        if same:
            raise UserError(outputs_messages.output_is_journal(real))
    if real.name.endswith(".key") and real.with_name(real.name[: -len(".key")]).exists():
        raise UserError(outputs_messages.output_is_keyfile(real))
    data_dir = _real(where.data_dir)
    if _is_inside(real, data_dir) and not (allowed and _is_inside(real, _real(allowed))):
        raise UserError(outputs_messages.output_in_home(real, where.data_dir))
    for own in (where.settings_file, where.wording_file):
        if real == _real(own):
            raise UserError(outputs_messages.output_is_journal(real))


def target(path: Path, force: bool = False, allowed: Path | None = None) -> Target:
    """How `path` will be written, or one line saying why it will not (nothing written yet).

    `allowed`: a folder inside stepwork's own where this output belongs (backups)."""
    if os.path.lexists(path):
        # What --force could never make writable is said first, so nobody is told to add it
        # only to be refused.
        real = _real(path)
        if not real.exists():
            raise UserError(outputs_messages.output_dangling(path))
        _refuse_ours(real, allowed)
        mode = os.stat(real).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(outputs_messages.output_is_folder(path))
        streamed = stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)
        if not streamed and not stat.S_ISREG(mode):
            raise UserError(outputs_messages.output_not_regular(path))
        if not force:
            raise UserError(outputs_messages.output_exists(path))
        return Target(real, stream=True) if streamed else Target(real, replace=True)
    parent = path.absolute().parent
    real = _real(parent) / path.name
    _refuse_ours(real, allowed)
    return Target(real)


def temporary_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial-{os.getpid()}-{secrets.token_hex(4)}")


def place(tmp: Path, chosen: Target) -> None:
    """Move a complete temporary file into place: over the target where replacing was
    chosen, and only where nothing is there otherwise."""
    try:
        if chosen.replace:
            os.replace(tmp, chosen.path)
        else:
            try:
                os.link(tmp, chosen.path)
            except FileExistsError:
                raise UserError(outputs_messages.output_exists(chosen.path)) from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                    raise
                if os.path.lexists(chosen.path):  # a file system without hard links
                    raise UserError(outputs_messages.output_exists(chosen.path)) from None
                os.replace(tmp, chosen.path)
            tmp.unlink(missing_ok=True)
        sync_folder(chosen.path.parent)
    finally:
        _discard(tmp)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` last through a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder_fd(fd: int) -> None:
    with suppress(OSError):
        os.fsync(fd)


def _discard(tmp: Path) -> None:
    """Remove a temporary file if it is there; never lets a second failure (a read-only
    folder) hide the first."""
    with suppress(OSError):
        tmp.unlink(missing_ok=True)


def _write_failed(path: Path, exc: OSError) -> UserError:
    if exc.errno == errno.ENOSPC:
        return UserError(outputs_messages.disk_full(path.parent))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return UserError(
            outputs_messages.folder_not_writable(path.parent, exc.strerror or str(exc))
        )
    return UserError(outputs_messages.cannot_write_file(path, exc.strerror or str(exc)))


@contextmanager
def writing(chosen: Target) -> Iterator[TextIO]:
    """A text handle for `chosen`; the file appears only once everything was written."""
    if chosen.stream:
        try:
            # Not blocking on a FIFO nobody reads: that is said, not waited for.
            fd = os.open(chosen.path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
            os.set_blocking(fd, True)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise UserError(outputs_messages.output_no_reader(chosen.path)) from exc
            raise _write_failed(chosen.path, exc) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        return
    ensure_private_dir(chosen.path.parent)
    tmp = temporary_beside(chosen.path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise _write_failed(chosen.path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        place(tmp, chosen)
    except OSError as exc:
        raise _write_failed(chosen.path, exc) from exc
    finally:
        _discard(tmp)


@contextmanager
def output(path_text: str, force: bool = False) -> Iterator[TextIO]:
    """What a command's `--output` names: `-` for standard output, else a checked file."""
    if path_text == STDOUT:
        yield sys.stdout
        return
    with writing(target(Path(path_text), force)) as handle:
        yield handle


def write_own_file(path: Path, text: str) -> None:
    """One of stepwork's own files (settings, a key file), replaced whole, readable by the
    owner only."""
    with writing(Target(path, replace=True)) as handle:
        handle.write(text)


class Folder:
    """A folder of files stepwork writes (a vault): created 0700 if new, never written through
    a link inside it, and never replacing anything there that is not a regular file."""

    def __init__(self, path: Path) -> None:
        if os.path.lexists(path) and not path.is_dir():
            raise UserError(outputs_messages.output_not_dir(path))
        _refuse_ours(_real(path), None)
        ensure_private_dir(path)
        self.path = path
        self.left_alone: list[Path] = []
        """Links and other things that are not regular files, where stepwork would write."""
        self._fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        self._subfolders: dict[str, int] = {}

    def close(self) -> None:
        for fd in self._subfolders.values():
            os.close(fd)
        os.close(self._fd)

    def __enter__(self) -> "Folder":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _leave(self, path: Path) -> None:
        if path not in self.left_alone:
            self.left_alone.append(path)

    def _subfolder(self, name: str, create: bool = True) -> int | None:
        """The folder `name` inside this one ("" for this one); None where it is a link or
        not a folder (noted as left alone) or, when not `create`, not there."""
        if not name:
            return self._fd
        if name in self._subfolders:
            return self._subfolders[name]
        if create:
            with suppress(FileExistsError):
                os.mkdir(name, 0o700, dir_fd=self._fd)
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=self._fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                self._leave(self.path / name)
                return None
            raise
        self._subfolders[name] = fd
        return fd

    def _regular(self, folder: int, name: str) -> bool | None:
        """True for a regular file, False for anything else, None where nothing is there."""
        try:
            return stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
        except FileNotFoundError:
            return None

    def read_bytes(self, subfolder: str, name: str) -> bytes | None:
        """The bytes of `subfolder/name` if it is a regular file (never through a link)."""
        folder = self._subfolder(subfolder, create=False)
        if folder is None or not self._regular(folder, name):
            return None
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            return handle.read()

    def read(self, subfolder: str, name: str) -> str | None:
        """The text of `subfolder/name` if it is a regular file (never through a link)."""
        data = self.read_bytes(subfolder, name)
        return None if data is None else data.decode("utf-8", errors="replace")

    def remove_if_empty(self, subfolder: str) -> None:
        """Remove the folder `subfolder` if nothing is left in it (never the vault itself)."""
        fd = self._subfolders.pop(subfolder, None)
        if not subfolder or fd is None:
            return
        os.close(fd)
        with suppress(OSError):
            os.rmdir(subfolder, dir_fd=self._fd)

    def remove(self, subfolder: str, name: str) -> bool:
        """Remove `subfolder/name` if it is a regular file; a link, a folder or anything else
        is left alone (and noted)."""
        folder = self._subfolder(subfolder, create=False)
        if folder is None:
            return False
        kind = self._regular(folder, name)
        if kind is None:
            return False
        if not kind:
            self._leave(self.path / subfolder / name)
            return False
        try:
            os.unlink(name, dir_fd=folder)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise _write_failed(self.path / subfolder / name, exc) from exc
        _sync_folder_fd(folder)
        return True

    def remove_link(self, subfolder: str, name: str) -> bool:
        """Remove `subfolder/name` if it is a symbolic link (the link, never its target)."""
        folder = self._subfolder(subfolder, create=False)
        if folder is None:
            return False
        try:
            if not stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
                return False
            os.unlink(name, dir_fd=folder)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise _write_failed(self.path / subfolder / name, exc) from exc
        _sync_folder_fd(folder)
        self.left_alone = [p for p in self.left_alone if p != self.path / subfolder / name]
        return True

    def write(self, subfolder: str, name: str, text: str) -> bool:
        """Write `subfolder/name` whole; False where something other than a regular file is
        there (it is left alone)."""
        folder = self._subfolder(subfolder)
        if folder is None:
            return False
        if self._regular(folder, name) is False:
            self._leave(self.path / subfolder / name)
            return False
        tmp = temporary_beside(Path(name)).name
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        try:
            fd = os.open(tmp, flags, PRIVATE_FILE_MODE, dir_fd=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except OSError as exc:
            raise _write_failed(self.path / subfolder / name, exc) from exc
        finally:
            # Never lets a second failure (a read-only folder) hide the first.
            with suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
        return True
