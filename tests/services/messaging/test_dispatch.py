"""Sending through a real SMTP server on 127.0.0.1: what arrives, what fails, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from contoffice.core.message_vocab import MailSecurity, MessageStatus
from contoffice.db.models import Invoice, Operator, OutboundMessage, Person
from contoffice.db.uow import Database
from contoffice.services.admin.operators import ensure_roles
from contoffice.services.boletos.printing import slips_for_invoices
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import dispatch, mass, outbox
from contoffice.services.messaging.dispatch import Pace
from tests.services.messaging.support import NO_WAIT, add_account, billed_office
from tests.support import smtp_server as local
from tests.support.pdftools import PdfTools, require_pdf_tools


def _send_all(db: Database, actor: Actor, invoice_ids: list[int],
              pace: Pace = NO_WAIT) -> tuple[int, dispatch.DispatchReport]:
    plan = mass.plan_batch(db.uow(), actor, mass.Selection(invoice_ids=tuple(invoice_ids)))
    batch_id = mass.queue_batch(db, actor, plan)
    return batch_id, dispatch.send_queued(db, actor, batch_id=batch_id, pace=pace)


def _statuses(db: Database) -> dict[int, tuple[MessageStatus, str]]:
    with db.uow() as uow:
        return {r.invoice_id: (r.status, r.last_error)
                for r in uow.session.scalars(select(OutboundMessage))}


def test_each_client_gets_its_boleto_with_the_operator_in_copy(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    require_pdf_tools()
    ids = billed_office(db, actor, 3)
    with db.uow() as uow:
        role = ensure_roles(uow)
        operator = Operator(login="julia", name="Júlia", email="julia@escritorio.com.br",
                            role_id=role.id)
        uow.session.add(operator)
        uow.flush()
        first = uow.session.get(Invoice, ids[0])
        uow.session.get(Person, first.person_id).assigned_operator_id = operator.id
        barcode = slips_for_invoices(uow, [ids[0]])[0].barcode
        line = slips_for_invoices(uow, [ids[0]])[0].digitable_line_formatted
        uow.commit()
    with local.smtp_server() as server:
        add_account(db, actor, server.port)
        _batch, report = _send_all(db, actor, ids)
        received = list(server.received)
    assert (report.sent, report.failed, report.pending) == (3, 0, 0)
    assert len(received) == 3
    mail = next(r for r in received if f"fatura {ids[0]} " in str(r.message["Subject"]))
    message = mail.message
    assert message["To"] == f"cliente{first.person_id}@exemplo.com.br"
    assert message["Cc"] == "julia@escritorio.com.br"
    assert set(mail.rcpt_tos) == {message["To"], "julia@escritorio.com.br"}
    assert "Escritório Modelo" in message["From"]
    body = message.get_body().get_content()
    assert "Olá, Cliente 00000 Ltda." in body and "R$ 5" in body and line in body
    assert "#" not in body  # no wildcard left raw
    (pdf,) = list(message.iter_attachments())
    assert pdf.get_filename() == f"boleto-fatura-{ids[0]}.pdf"
    path = tmp_path / "boleto.pdf"
    path.write_bytes(pdf.get_content())
    tools = PdfTools(tmp_path)
    assert barcode in [code for page in tools.pages(path) for code in tools.decode(page, "i25")]
    others = [r for r in received if r is not mail]
    assert all(r.message["Cc"] is None for r in others)  # no assigned operator: no copy


def test_refused_authentication_is_logged_as_failed_with_the_reason(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 2)
    with local.smtp_server() as server:
        add_account(db, actor, server.port, password="senha-errada-123")
        _batch, report = _send_all(db, actor, ids)
        assert server.received == []
    assert report.sent == 0 and report.failed == 2
    for status, reason in _statuses(db).values():
        assert status is MessageStatus.FAILED
        assert reason == "O servidor recusou o usuário ou a senha."


def test_a_server_that_is_down_leaves_the_rest_pending_and_a_later_run_sends_them(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 5)
    port = local.free_port()
    add_account(db, actor, port)
    batch_id, report = _send_all(db, actor, ids)
    assert report.sent == 0 and report.failed == dispatch.DOWN_AFTER
    assert report.pending == 5 - dispatch.DOWN_AFTER
    assert any(f"127.0.0.1:{port}" in reason for reason in report.stopped)
    failed = [reason for status, reason in _statuses(db).values()
              if status is MessageStatus.FAILED]
    assert failed and all("Não foi possível conectar" in reason for reason in failed)
    with local.smtp_server() as server, db.uow() as uow:
        uow.session.execute(text("UPDATE mail_account SET port = :p"), {"p": server.port})
        uow.commit()
        again = dispatch.send_queued(db, actor, batch_id=batch_id, pace=NO_WAIT)
        assert again.sent == 5 - dispatch.DOWN_AFTER and len(server.received) == again.sent


def test_a_busy_mailbox_is_retried_and_a_refused_one_fails_alone(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 3)
    with db.uow() as uow:
        people = [uow.session.get(Invoice, i).person_id for i in ids]
    busy, refused = (f"cliente{people[0]}@exemplo.com.br", f"cliente{people[1]}@exemplo.com.br")
    with local.smtp_server(flaky={busy: 2},
                           refuse={refused: "550 5.1.1 Caixa inexistente"}) as server:
        add_account(db, actor, server.port)
        _batch, report = _send_all(db, actor, ids)
        arrived = sorted(r.message["To"] for r in server.received)
    assert (report.sent, report.failed) == (2, 1)
    assert busy in arrived and refused not in arrived
    status = _statuses(db)
    assert status[ids[1]] == (
        MessageStatus.FAILED,
        f"O servidor recusou o destinatário {refused}: 550 5.1.1 Caixa inexistente")
    with db.uow() as uow:
        row = uow.session.scalars(select(OutboundMessage).where(
            OutboundMessage.invoice_id == ids[0])).one()
        assert row.status is MessageStatus.SENT and row.attempts == 1


def test_the_daily_limit_stops_the_account_and_keeps_the_rest(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 4)
    with local.smtp_server() as server:
        add_account(db, actor, server.port, daily_limit=3)
        batch_id, report = _send_all(db, actor, ids)
        assert (report.sent, report.pending) == (3, 1) and len(server.received) == 3
        assert "Limite diário da conta Principal atingido" in report.stopped[0]
        again = dispatch.send_queued(db, actor, batch_id=batch_id, pace=NO_WAIT)
        assert again.sent == 0 and again.pending == 1 and len(server.received) == 3


def test_resend_puts_a_failed_message_back_and_sends_it_once(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 1)
    with db.uow() as uow:
        person = uow.session.get(Invoice, ids[0]).person_id
    address = f"cliente{person}@exemplo.com.br"
    with local.smtp_server(refuse={address: "550 5.7.1 Bloqueado"}) as server:
        add_account(db, actor, server.port)
        _batch, report = _send_all(db, actor, ids)
    assert report.failed == 1
    (row_id,) = report_ids = [i for i, _reason in report.failures]
    with local.smtp_server() as server, db.uow() as uow:
        uow.session.execute(text("UPDATE mail_account SET port = :p"), {"p": server.port})
        uow.commit()
        assert outbox.resend(db.uow(), actor, report_ids) == [row_id]
        again = dispatch.send_queued(db, actor, ids=[row_id], pace=NO_WAIT)
        assert again.sent == 1 and len(server.received) == 1
        assert dispatch.send_queued(db, actor, ids=[row_id], pace=NO_WAIT).sent == 0


def test_starttls_with_authentication(db: Database, actor: Actor, tmp_path: Path) -> None:
    certificate = local.require_certificate(tmp_path)
    ids = billed_office(db, actor, 1)
    with local.smtp_server(security="starttls", certificate=certificate) as server:
        add_account(db, actor, server.port, security=MailSecurity.STARTTLS)
        pace = Pace(retries=(), sleep=lambda _s: None, timeout=5,
                    ssl_context=certificate.client_context())
        _batch, report = _send_all(db, actor, ids, pace)
        assert report.sent == 1 and len(server.received) == 1


def test_an_attachment_that_cannot_be_built_fails_that_message_alone(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 3)
    with local.smtp_server() as server:
        add_account(db, actor, server.port)
        plan = mass.plan_batch(db.uow(), actor, mass.Selection(invoice_ids=tuple(ids)))
        batch_id = mass.queue_batch(db, actor, plan)
        with db.uow() as uow:  # removed after it was queued: its boleto can no longer be made
            uow.session.get(Invoice, ids[1]).status = "removed"
            uow.commit()
        report = dispatch.send_queued(db, actor, batch_id=batch_id, pace=NO_WAIT)
        assert len(server.received) == 2
    assert (report.sent, report.failed) == (2, 1)
    status, reason = _statuses(db)[ids[1]]
    assert status is MessageStatus.FAILED
    assert reason.startswith(f"Não foi possível gerar o anexo boleto-fatura-{ids[1]}.pdf: ")


def test_the_pace_per_minute_spaces_the_messages(db: Database, actor: Actor) -> None:
    ids = billed_office(db, actor, 3)
    now, waits = [0.0], []

    def sleep(seconds: float) -> None:  # a clock that moves only when the sender waits
        waits.append(seconds)
        now[0] += seconds

    with local.smtp_server() as server:
        account_id = add_account(db, actor, server.port)
        with db.uow() as uow:
            uow.session.execute(text("UPDATE mail_account SET per_minute = 60 WHERE id = :i"),
                                {"i": account_id})
            uow.commit()
        _batch, report = _send_all(db, actor, ids,
                                   Pace(retries=(), sleep=sleep, clock=lambda: now[0]))
    assert report.sent == 3
    assert waits == [1.0, 1.0]  # 60 a minute: a second apart


def test_an_unknown_wildcard_is_refused_by_name_and_nothing_is_queued(
    db: Database, actor: Actor
) -> None:
    from contoffice.errors import InvalidInput
    from contoffice.services.messaging import compose

    ids = billed_office(db, actor, 1)
    with db.uow() as uow:
        person_id = uow.session.get(Invoice, ids[0]).person_id
    with pytest.raises(InvalidInput, match="#nome_fantasia#"):
        compose.send_message(db, actor, compose.Outgoing(
            person_id=person_id, to="a@exemplo.com.br", cc="", subject="Olá",
            body="Prezado #nome_fantasia#, segue."), pace=NO_WAIT)
    with db.uow() as uow:
        assert uow.session.scalars(select(OutboundMessage)).all() == []
