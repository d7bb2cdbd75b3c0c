"""When `contoffice gui` opens the wizard instead of the login."""

from __future__ import annotations

import os

from contoffice import config
from contoffice.services.admin.first_run import database_state


def first_run_needed(explicit_url: str | None = None) -> bool:
    """No URL given, none in the environment, no config file, and nobody can log in.

    `make run` (db upgrade, demo, gui) finds the demo's operators in the embedded file, and
    a URL passed on the command line keeps the old path (the first administrator's dialog).
    """
    if explicit_url or os.environ.get(config.ENV_DATABASE_URL):
        return False
    if config.config_file().exists():
        return False
    try:
        return database_state(config.default_database_url()).is_new
    except Exception:  # a damaged or unreadable file: the usual start says what is wrong
        return False
