"""A FIFO with a reader thread, to check that a writer writes into it in place."""

from __future__ import annotations

import os
import stat
import threading
from contextlib import suppress
from pathlib import Path


class FifoReader:
    """A FIFO at `path` and a thread reading everything written into it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        os.mkfifo(path)
        self.data = b""
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as fh:
            self.data = fh.read()

    def received(self, timeout: float = 60) -> bytes:
        """What the writer wrote, once it closed the FIFO; the FIFO must still be one."""
        self._thread.join(timeout)
        if self._thread.is_alive():  # nobody opened the FIFO for writing: unblock the reader
            with suppress(OSError):
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            raise AssertionError(f"{self.path} was never written as a FIFO")
        assert stat.S_ISFIFO(os.lstat(self.path).st_mode), f"{self.path} is no longer a FIFO"
        return self.data
