"""Negativas de Débitos on the client panel: generate (refused, then issued), print, e-mail.

The e-mail goes through the real send dialog to a real SMTP server on 127.0.0.1 and
arrives with the declaration's PDF; the page then says when it was sent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contoffice.db.models import Invoice
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.tools_clearances import ClearanceTools, YearDialog
from contoffice.ui.messages.send_dialog import SendDialog
from tests.services.billing_support import make_profile
from tests.services.clearance_support import YEAR, pay, year_of_invoices
from tests.ui.client.conftest import drive, select, trigger
from tests.ui.messages.conftest import Office
from tests.ui.messages.conftest import send as _send


def _fill(dialog: YearDialog) -> None:
    assert dialog.year_spin.value() == YEAR  # the previous year comes chosen
    dialog.confirm_check.setChecked(True)


def test_generate_print_and_send_from_the_panel(
        qtbot: Any, office: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with office.db.uow() as uow:
        person_id = uow.session.get(Invoice, office.invoices[0]).person_id
    year = year_of_invoices(office.db, office.ctx.actor, person_id, make_profile(office.db),
                            months=(2, 8))
    pay(office.db, office.ctx.actor, year[:1], date(YEAR, 3, 1))
    errors: list[str] = []
    monkeypatch.setattr("contoffice.ui.tool_flow.show_error", lambda _p, e: errors.append(str(e)))
    drive(monkeypatch, YearDialog, _fill)
    tab = ClientTab(office.ctx, person_id)
    qtbot.addWidget(tab)
    tab.show()
    page = tab.show_page("client.clearances")
    assert page.model.rowCount() == 0
    assert [a for a in page.actions.actions] == ["generate", "print", "send", "export"]

    trigger(qtbot, page, "generate")  # the August invoice is still open: refused, named
    assert errors and f"Fatura {year[1]}, vencida em 10/08/{YEAR}, em aberto" in errors[-1]
    assert page.model.rowCount() == 0

    pay(office.db, office.ctx.actor, year[1:], date(YEAR, 9, 1))
    trigger(qtbot, page, "generate")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    row = page.model.row_at(0)
    assert (row.year, row.invoices, row.sent_at) == (YEAR, 2, None)

    tools = next(t for t in page.tools if isinstance(t, ClearanceTools))
    select(page, [row.id])
    page.actions.actions["print"].trigger()
    preview = tools.last_preview
    assert preview is not None and preview.pdf.path.name == f"negativa-{YEAR}-{person_id}.pdf"
    assert preview.pdf.path.read_bytes().startswith(b"%PDF")
    assert preview.document.pageCount() == 1
    preview.close()

    page.actions.actions["send"].trigger()
    dialog = tools.last_send
    assert isinstance(dialog, SendDialog)
    assert dialog.attachments.labels(checked_only=True) == [
        f"Negativa de débitos de {YEAR} — 2 fatura(s) — {_money(row.amount_cents)}"]
    assert dialog.subject_edit.text() == f"Declaração anual de quitação de débitos de {YEAR}"
    _send(qtbot, office, dialog)
    mail = office.server.received[-1].message
    (attached,) = [p for p in mail.iter_attachments()]
    assert attached.get_filename() == f"negativa-{YEAR}-{person_id}.pdf"
    assert attached.get_content().startswith(b"%PDF")
    assert f"quitação de débitos de {YEAR}" in mail.get_body(("plain",)).get_content()
    qtbot.waitUntil(lambda: page.model.row_at(0).sent_at is not None, timeout=10_000)


def _money(cents: int) -> str:
    from contoffice.core.format import format_money

    return format_money(cents)
