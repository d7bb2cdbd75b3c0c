"""When backups are made and where (office_setting rows "backup.*"), and the idle lock's minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from contoffice.db.models import OfficeSetting
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.backups.naming import default_folder
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require

PERMISSION = "settings.backups"
DAILY = "backup.daily"
ON_CLOSE = "backup.on_close"
KEEP = "backup.keep"
FOLDER = "backup.folder"
LAST_AT = "backup.last_at"  # UTC ISO time of the last backup any desk made
IDLE_MINUTES = "security.idle_minutes"
DEFAULT_KEEP = 10
DEFAULT_IDLE_MINUTES = 15
MAX_KEEP = 999
MAX_IDLE_MINUTES = 24 * 60
_YES = frozenset({"1", "true", "sim"})
BAD_KEEP = f"Informe quantas cópias guardar (de 0 a {MAX_KEEP}; 0 guarda todas)."
BAD_IDLE = f"Informe os minutos sem uso antes do bloqueio (de 0 a {MAX_IDLE_MINUTES}; 0 desliga)."
BAD_FOLDER = "Informe a pasta das cópias de segurança."


@dataclass(frozen=True, slots=True)
class BackupSchedule:
    """The office's backup settings."""

    daily: bool = True
    on_close: bool = False
    keep: int = DEFAULT_KEEP
    folder: str = ""  # empty: the default folder in the user data folder
    last_at: datetime | None = None

    def folder_path(self) -> Path:
        """The folder chosen, or the default one."""
        return Path(self.folder).expanduser() if self.folder.strip() else default_folder()

    def due(self, now: datetime) -> bool:
        """Whether the daily backup is due: set, and none made in the last 24 hours."""
        if not self.daily:
            return False
        return self.last_at is None or now - self.last_at >= timedelta(days=1)


def _values(uow: UnitOfWork) -> dict[str, str]:
    rows = uow.session.execute(
        select(OfficeSetting.key, OfficeSetting.value).where(
            OfficeSetting.key.like("backup.%") | (OfficeSetting.key == IDLE_MINUTES)
        )
    )
    return {key: value for key, value in rows}


def _int(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def load(uow: UnitOfWork) -> BackupSchedule:
    """The schedule saved for the office (defaults where nothing was saved)."""
    values = _values(uow)
    last = None
    if values.get(LAST_AT):
        try:
            last = datetime.fromisoformat(values[LAST_AT])
        except ValueError:
            last = None
    return BackupSchedule(
        daily=values.get(DAILY, "1").strip().lower() in _YES,
        on_close=values.get(ON_CLOSE, "0").strip().lower() in _YES,
        keep=max(0, _int(values.get(KEEP), DEFAULT_KEEP)),
        folder=values.get(FOLDER, ""),
        last_at=last,
    )


def idle_minutes(uow: UnitOfWork) -> int:
    """Minutes without input before the window locks (0: never)."""
    value = _int(_values(uow).get(IDLE_MINUTES), DEFAULT_IDLE_MINUTES)
    return min(max(value, 0), MAX_IDLE_MINUTES)


def save(uow: UnitOfWork, actor: Actor, schedule: BackupSchedule, idle: int) -> None:
    """Save the schedule and the idle minutes (Cópias de segurança), audited."""
    require(actor, PERMISSION)
    if not 0 <= schedule.keep <= MAX_KEEP:
        raise InvalidInput(BAD_KEEP, field="Guardar")
    if not 0 <= idle <= MAX_IDLE_MINUTES:
        raise InvalidInput(BAD_IDLE, field="Bloqueio")
    values = {
        DAILY: "1" if schedule.daily else "0",
        ON_CLOSE: "1" if schedule.on_close else "0",
        KEEP: str(schedule.keep),
        FOLDER: schedule.folder.strip(),
        IDLE_MINUTES: str(idle),
    }
    for key, value in values.items():
        row = uow.session.get(OfficeSetting, key)
        before = row.value if row else None
        if before == value:
            continue
        if row is None:
            uow.session.add(OfficeSetting(key=key, value=value))
        else:
            row.value = value
        audit.record(uow, actor, "setting.changed", "office_setting", None,
                     before={key: before}, after={key: value})
    uow.commit()


def record_done(uow: UnitOfWork, when: datetime) -> None:
    """Note when the last backup was made (the daily one is counted from it)."""
    value = when.astimezone(UTC).isoformat()
    row = uow.session.get(OfficeSetting, LAST_AT)
    if row is None:
        uow.session.add(OfficeSetting(key=LAST_AT, value=value))
    else:
        row.value = value
    uow.commit()
