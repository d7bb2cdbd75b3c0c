"""The program's log file: rotated, in the user log folder, never holding a secret."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

from platformdirs import user_log_path

from contoffice.config import APP_NAME, PRIVATE_FOLDER

LOG_FILE = "contoffice.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# A password inside a URL (postgresql://user:secret@host) or after password=.
_SECRETS = ((re.compile(r"(://[^:/@\s]*):[^@/\s]*@"), r"\1:***@"),
            (re.compile(r"(?i)(password=)\S+"), r"\1***"))


def log_dir() -> Path:
    """The per-user log folder (not created here)."""
    return user_log_path(APP_NAME, appauthor=False)


class _Redact(logging.Filter):
    """Masks passwords in whatever a record says, whoever logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        clean = text
        for pattern, replacement in _SECRETS:
            clean = pattern.sub(replacement, clean)
        if clean != text:
            record.msg, record.args = clean, None
        return True


def setup(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log records to the rotated file (once); None when it cannot be made."""
    folder = folder or log_dir()
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    try:
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        if os.name == "posix":
            path.chmod(0o600)
    except OSError:  # a read-only home: the program runs without its log
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_Redact())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # The libraries' chatter stays out (SQLAlchemy would log statements at INFO).
    for noisy in ("sqlalchemy", "alembic", "urllib3", "keyring", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
