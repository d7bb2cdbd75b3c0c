"""The backup schedule and the idle minutes: office settings, audited, with due() on a clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from contoffice.db.models import AuditEvent
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.backups import naming, schedule
from contoffice.services.backups.schedule import BackupSchedule
from contoffice.services.kernel.permissions import Actor

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def test_defaults_then_saved_values_come_back(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        plan = schedule.load(uow)
        assert schedule.idle_minutes(uow) == schedule.DEFAULT_IDLE_MINUTES
    assert plan.daily and not plan.on_close and plan.keep == schedule.DEFAULT_KEEP
    assert plan.folder_path() == naming.default_folder()
    with db.uow() as uow:
        schedule.save(uow, actor, BackupSchedule(daily=False, on_close=True, keep=4,
                                                 folder=" /srv/copias "), 0)
    with db.uow() as uow:
        plan = schedule.load(uow)
        assert schedule.idle_minutes(uow) == 0
        events = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "setting.changed")).all()
    assert (plan.daily, plan.on_close, plan.keep, plan.folder) == (False, True, 4, "/srv/copias")
    assert len(events) == 5  # one per setting that changed


def test_out_of_range_values_and_a_clerk_without_the_key_are_refused(
    db: Database, actor: Actor
) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput, match="quantas cópias"):
        schedule.save(uow, actor, BackupSchedule(keep=-1), 15)
    with db.uow() as uow, pytest.raises(InvalidInput, match="minutos sem uso"):
        schedule.save(uow, actor, BackupSchedule(), schedule.MAX_IDLE_MINUTES + 1)
    clerk = Actor(id=actor.id, login="ana", name="Ana", permissions=frozenset({"people.view"}))
    with db.uow() as uow, pytest.raises(NotAllowed):
        schedule.save(uow, clerk, BackupSchedule(), 15)


def test_the_daily_backup_is_due_a_day_after_the_last_one(db: Database) -> None:
    with db.uow() as uow:
        assert schedule.load(uow).due(NOW)  # never made: due
        schedule.record_done(uow, NOW)
    with db.uow() as uow:
        plan = schedule.load(uow)
    assert plan.last_at == NOW
    assert not plan.due(NOW + timedelta(hours=23, minutes=59))
    assert plan.due(NOW + timedelta(days=1))
    assert not BackupSchedule(daily=False).due(NOW)
