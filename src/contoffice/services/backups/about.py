"""What *Sobre* shows: version, database (without its password) and the folders in use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from contoffice.config import data_dir
from contoffice.db.uow import Database
from contoffice.services.backups import schedule
from contoffice.services.backups.logfile import log_dir
from contoffice.services.backups.naming import app_version


@dataclass(frozen=True, slots=True)
class About:
    """The lines of *Sobre*."""

    version: str
    database: str
    data_folder: Path
    log_folder: Path
    backup_folder: Path


def shown_database(url: str) -> str:
    """The database URL with its password hidden."""
    return make_url(url).render_as_string(hide_password=True)


def about(db: Database) -> About:
    """Version, database and folders of this desk."""
    try:
        with db.uow() as uow:
            folder = schedule.load(uow).folder_path()
    except Exception:  # the database is down: Sobre still opens, with the default folder
        folder = schedule.BackupSchedule().folder_path()
    return About(app_version(), shown_database(db.url), data_dir(), log_dir(), folder)
