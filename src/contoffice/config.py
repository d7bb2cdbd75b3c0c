"""What the process needs to start: the database URL and the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "contoffice"
ENV_DATABASE_URL = "CONTOFFICE_DATABASE_URL"


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """The embedded SQLite file in the user data folder."""
    return f"sqlite:///{data_dir() / 'contoffice.sqlite3'}"


def database_url(explicit: str | None = None) -> str:
    """The URL to use: an explicit one, else the environment, else the embedded file."""
    return explicit or os.environ.get(ENV_DATABASE_URL) or default_database_url()
