"""Every file stepwork reads from a path a person gave (or from its own folder, where a person
may have put anything): only a regular file, and only up to a size.

A FIFO, a device (`/dev/zero`), a folder or a socket is refused before a byte is read: reading
one could wait forever or fill the memory. The refusal is an `OSError` whose `strerror` is our
own sentence, so callers' one-line messages ("could not read X: <why>") say it as they say any
other reason.
"""

import os
import stat
from pathlib import Path

from stepwork.messages import outputs as outputs_messages

MiB = 1024 * 1024
IMPORT_LIMIT = 512 * MiB
"""A JSON export or a jrnl journal: far more than any journal a person writes."""
SMALL_LIMIT = 4 * MiB
"""A settings or wording file."""


def read_file(path: Path, limit: int) -> bytes:
    """The whole file, refused if it is not a regular file or is larger than `limit` bytes."""
    return _read(path, limit, whole=True)


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file (for telling formats apart)."""
    return _read(path, size, whole=False)


def _read(path: Path, limit: int, whole: bool) -> bytes:
    # O_NONBLOCK: opening a FIFO must not wait for a writer before we can look at what it is.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(0, outputs_messages.not_a_regular_file(_kind(mode)))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1 if whole else limit)
    finally:
        os.close(fd)
    if whole and len(data) > limit:
        raise OSError(0, outputs_messages.file_too_large(limit // MiB))
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return outputs_messages.KIND_FOLDER
    if stat.S_ISFIFO(mode):
        return outputs_messages.KIND_FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return outputs_messages.KIND_DEVICE
    if stat.S_ISSOCK(mode):
        return outputs_messages.KIND_SOCKET
    return outputs_messages.KIND_OTHER
