"""The fiscal pages' grids: every column filters and sorts, export, and many invoices at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from contoffice.core.paging import PageRequest, Sort
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels import grids
from contoffice.services.panels.grid_export import export_grid
from contoffice.ui.settings import DeskSettings
from tests.ui import fiscal_support
from tests.ui.fiscal_support import (
    ISSUED,
    PENDING,
    THIS_MONTH,
    WAIT,
    Office,
    Seen,
    documents,
    generate,
    open_tab,
    press,
    rows,
    select_rows,
)

office_a1, fiscal_pki = fiscal_support.office_a1, fiscal_support.fiscal_pki
office, seen = fiscal_support.office, fiscal_support.seen


@pytest.mark.parametrize("office", ["simulador"], indirect=True)
def test_every_column_filters_and_sorts(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen, tmp_path: Path) -> None:
    invoice = office.invoices[0]
    person = office.person_of(db, invoice)
    tab = open_tab(qtbot, db, actor, desk_settings, person)
    generate(qtbot, tab, invoice)
    [note] = documents(db)
    samples = {"id": str(office.invoices[1]), "client": "Cliente", "description": "Honorários",
               "status": "Em aberto", "fiscal_state": "Sem nota", "codes": "E0",
               "nfse_number": str(note.nfse_number), "number": "1", "invoice_id": str(invoice),
               "key": (note.key or "")[:10], "issue_date": "2026", "due_date": "2027",
               "competence": f"{THIS_MONTH:%m/%Y}", "issued_at": str(date.today().year),
               "amount_cents": ">=1,00"}
    for key in ("client.fiscal_pending", "client.fiscal_issued", "fiscal.pending",
                "fiscal.issued"):
        spec = grids.grid(key)
        for column in spec.columns:
            who = {"person_id": person} if spec.per_person else {}
            if column.filter_key:
                page = grids.fetch_page(db.uow(), key, PageRequest(
                    {column.filter_key: samples[column.filter_key]}), **who)
                assert page.total >= 0, (key, column.key)
            if column.sort_key:
                grids.fetch_page(db.uow(), key, PageRequest(sort=(Sort(column.sort_key,
                                                                       True),)), **who)
    issued = grids.fetch_page(db.uow(), "fiscal.issued", PageRequest(
        {"nfse_number": str(note.nfse_number)}))
    assert [r.id for r in issued.rows] == [note.id]
    # Exportar planilha of Gerados: the note's row with its chave, as text.
    target = tmp_path / "gerados.csv"
    assert export_grid(db, actor, ISSUED, target, person_id=person).rows == 1
    assert note.key and note.key in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("office", ["simulador"], indirect=True)
def test_several_invoices_are_previewed_then_sent_once(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    first, second, _third = office.invoices
    person = office.person_of(db, first)
    with db.uow() as uow:  # the first client gets a second fee
        uow.session.execute(update(Invoice).where(Invoice.id == second)
                            .values(person_id=person))
        uow.commit()
    tab = open_tab(qtbot, db, actor, desk_settings, person)
    pending = tab.show_page(PENDING)
    qtbot.waitUntil(lambda: len(rows(pending)) == 2, timeout=WAIT)
    select_rows(pending, [first, second])
    seen.go_on = False  # the preview found nothing to refuse: the clerk is asked, says no
    tools = press(qtbot, pending, "generate")
    assert seen.questions == [
        "Gerar e transmitir 2 documento(s) fiscal(is)? Uma nota autorizada só pode ser "
        "cancelada, não apagada."]
    assert documents(db) == [] and tools.last_flow is not None
    preview = tools.last_flow.preview_result
    assert preview is not None and [o.done for o in preview.outcomes] == [True, True]
    seen.go_on = True
    select_rows(pending, [first, second])
    press(qtbot, pending, "generate")
    made = documents(db)  # numbered in the order the grid lists them
    assert sorted(d.invoice_id for d in made) == [first, second]
    assert [d.number for d in made] == [1, 2] and {d.status for d in made} == {"authorised"}
    [shown] = [r for r in seen.results if not r.preview]
    assert all("autorizada" in m for m in shown.messages())
    assert rows(pending) == []
