"""Sending what the outbox holds: one desk per account, the account's limits, retries.

Each row is claimed ("sending", committed) before the server hears of it and closed right
after, so a killed or cancelled run never sends a row twice and the next run sends only
what is still pending. Temporary failures (4xx, timeouts) are retried with back-off; after
three messages in a row fail that way the server is taken as down and the rest of that
account's messages stay pending for a later run.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from contoffice.core.message_vocab import MessageStatus
from contoffice.core.progress import NullProgress, Progress
from contoffice.db.models import MailAccount, SmsGateway
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.run_lock import exclusive
from contoffice.services.messaging import accounts, messages, outbox
from contoffice.services.messaging import attachments as files
from contoffice.services.messaging.channels import Channel, Failure, MailChannel, SmsChannel
from contoffice.services.messaging.values import PASSWORD_MARK
from contoffice.services.people.access import issue_one_time_password

_LOCK_CLASS = 4_0002  # pg_advisory_lock(class, account): "sending on an account"
DOWN_AFTER = 3  # messages in a row that exhausted their retries


@dataclass
class DispatchReport:
    """What a run did; `stopped` says why messages were left pending, if any were."""

    sent: int = 0
    failed: int = 0
    pending: int = 0
    uncertain: int = 0
    cancelled: bool = False
    stopped: list[str] = field(default_factory=list)
    failures: list[tuple[int, str]] = field(default_factory=list)  # (message id, reason)


@dataclass(frozen=True)
class Pace:
    """Retry delays (seconds), how to wait and how to tell the time (tests fake the last two)."""

    retries: tuple[float, ...] = (2.0, 5.0, 15.0)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    timeout: float = 20.0
    ssl_context: object = None


PACE = Pace()


def send_queued(db: Database, actor: Actor, *, batch_id: int | None = None,
                ids: Sequence[int] | None = None, progress: Progress | None = None,
                pace: Pace = PACE) -> DispatchReport:
    """Send every pending message in scope (a batch, some ids, or all); the report."""
    progress = progress or NullProgress()
    rows = outbox.pending(db, batch_id=batch_id, ids=ids)
    report, total = DispatchReport(), len(rows)
    groups: dict[tuple[str, int | None, int | None], list[int]] = {}
    for row_id, channel, account_id, gateway_id in rows:
        groups.setdefault((channel, account_id, gateway_id), []).append(row_id)
    for (channel, account_id, gateway_id), row_ids in groups.items():
        if report.cancelled:
            report.pending += len(row_ids)
            continue
        key = account_id if channel == "email" else -(gateway_id or 0)
        with exclusive(db, _LOCK_CLASS, key or 0, f"messages:{channel}:{key}"):
            report.uncertain += outbox.orphans_to_uncertain(
                db, account_id=account_id, gateway_id=gateway_id) if (
                account_id or gateway_id) else 0
            _send_group(db, actor, channel, account_id, gateway_id, row_ids, report, progress,
                        total, pace)
    return report


def _open(db: Database, channel: str, account_id: int | None, gateway_id: int | None,
          pace: Pace) -> tuple[Channel, int]:
    with db.uow() as uow:
        if channel == "email":
            row = (uow.get(MailAccount, account_id, what="Conta de envio") if account_id
                   else accounts.find_account(uow))
            opened: Channel = MailChannel(row, timeout=pace.timeout,
                                          ssl_context=pace.ssl_context)
            return opened, accounts.sent_today(uow, row.id)
        gateway = uow.get(SmsGateway, gateway_id, what="Gateway de SMS")
        return SmsChannel(gateway, timeout=pace.timeout), 0


def _send_group(db: Database, actor: Actor, channel: str, account_id: int | None,
                gateway_id: int | None, row_ids: list[int], report: DispatchReport,
                progress: Progress, total: int, pace: Pace) -> None:
    try:
        sender, today = _open(db, channel, account_id, gateway_id, pace)
    except (Failure, ContofficeError) as error:
        report.stopped.append(error.message)
        report.pending += len(row_ids)
        return
    token, in_a_row = uuid.uuid4().hex, 0
    last: float | None = None  # when the previous message went (None: none yet)
    spacing = 60.0 / sender.per_minute if sender.per_minute else 0.0
    try:
        for index, row_id in enumerate(row_ids):
            if progress.cancelled():
                report.cancelled = True
            if sender.daily_limit and today >= sender.daily_limit:
                report.stopped.append(messages.DAILY_LIMIT.format(
                    name=sender.name, limit=sender.daily_limit))
            if report.cancelled or (sender.daily_limit and today >= sender.daily_limit) \
                    or in_a_row >= DOWN_AFTER:
                report.pending += len(row_ids) - index
                return
            if spacing and last is not None and (wait := last + spacing - pace.clock()) > 0:
                pace.sleep(wait)
            last = pace.clock()
            row = outbox.load(db, row_id)
            if row is None:
                continue
            outcome = _send_one(db, actor, sender, row, token, pace, progress)
            if outcome is False:
                continue
            if outcome is None:
                report.sent, today, in_a_row = report.sent + 1, today + 1, 0
            else:
                report.failed += 1
                report.failures.append((row_id, outcome.message))
                in_a_row = in_a_row + 1 if outcome.temporary else 0
                if in_a_row >= DOWN_AFTER:
                    report.stopped.append(outcome.message)
            progress.step(report.sent + report.failed, total,
                          f"Enviando {report.sent + report.failed} de {total}")
    finally:
        sender.close()


def _send_one(db: Database, actor: Actor, sender: Channel, row: outbox.Claimed, token: str,
              pace: Pace, progress: Progress) -> Failure | bool | None:
    """Build, claim, send with retries, close the row: the failure, None when sent.

    False when another run took the row first. The files are built before the claim, so
    "sending" covers only the talk with the server.
    """
    try:
        with db.uow() as uow:
            built = files.build(uow, actor, files.loads(row.attachments))
            body = row.body
            if PASSWORD_MARK in body and row.person_id is not None:
                body = body.replace(PASSWORD_MARK, issue_one_time_password(
                    uow, row.person_id, actor=actor, commit=False))
            uow.commit()
    except ContofficeError as error:
        if not outbox.claim(db, row.id, token):
            return False
        outbox.finish(db, row.id, MessageStatus.FAILED, error=error.message)
        return Failure(error.message, temporary=False)
    if not outbox.claim(db, row.id, token):
        return False
    failure: Failure | None = None
    attempts = 0
    for delay in (*pace.retries, None):
        attempts += 1
        try:
            sender.send(row, body, built)
        except Failure as error:
            failure = error
            if not error.temporary or delay is None or progress.cancelled():
                break
            pace.sleep(delay)
            continue
        outbox.finish(db, row.id, MessageStatus.SENT, actor_id=actor.id)
        return None
    assert failure is not None
    reason = (messages.RETRIED.format(reason=failure.message, attempts=attempts)
              if failure.temporary and attempts > 1 else failure.message)
    outbox.finish(db, row.id, MessageStatus.FAILED, error=reason)
    return Failure(reason, failure.temporary)
