"""The one writer of output files: atomic for a file, in place for a device or a FIFO."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

_NAME_KEPT = 100  # of the target's name in the temporary one, so it stays under NAME_MAX


@contextmanager
def output_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write `path` through; a regular file changes only if the block succeeds.

    A regular or new file is written beside itself and renamed over it once complete,
    so a failure leaves the old content. A character or block device or a FIFO
    (/dev/null, a pipe) is written in place and never replaced by a regular file.
    A symlink is followed: the rule applies to its target, and the link stays a link.
    """
    target = Path(os.path.realpath(path))
    try:
        current: os.stat_result | None = target.stat()
    except FileNotFoundError:
        current = None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if current is not None and not stat.S_ISREG(current.st_mode):
        with open(target, "wb") as fh:  # truncating a device or a FIFO changes nothing
            yield fh
        return
    fd, temporary = _create_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # the content is on disk before the name points at it
        if current is not None:
            _keep_owner_and_mode(temporary, current)
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` through `output_file`."""
    with output_file(path) as fh:
        fh.write(data)


def _create_beside(target: Path) -> tuple[int, Path]:
    # O_CREAT with 0o666 lets the umask decide, as for any new file (mkstemp gives 0600).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = f".{target.name[:_NAME_KEPT]}.{secrets.token_hex(4)}.part"
        temporary = target.with_name(name)
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def _keep_owner_and_mode(temporary: Path, old: os.stat_result) -> None:
    # The replaced file keeps its permissions (and, where allowed, its owner).
    if hasattr(os, "chown"):
        with suppress(OSError):
            os.chown(temporary, old.st_uid, old.st_gid)
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
