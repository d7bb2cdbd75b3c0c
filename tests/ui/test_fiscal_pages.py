"""Documentos Fiscais Pendentes and Gerados driven through the real pages, on both Sefins."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import attachments
from contoffice.ui.client.fiscal_dialogs import CancelDialog, ObservationsDialog
from contoffice.ui.settings import DeskSettings
from tests.ui import fiscal_support
from tests.ui.fiscal_support import (
    ISSUED,
    PENDING,
    WAIT,
    Office,
    Seen,
    documents,
    generate,
    open_tab,
    press,
    rows,
    select_rows,
    tools_of,
)

# The fixtures of the fiscal GUI tests (shared with test_fiscal_area.py).
office_a1, fiscal_pki = fiscal_support.office_a1, fiscal_support.fiscal_pki
office, seen = fiscal_support.office, fiscal_support.seen

def test_generate_print_cancel_and_annul_through_the_pages(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    invoice = office.invoices[0]
    tab = open_tab(qtbot, db, actor, desk_settings, office.person_of(db, invoice))
    pending = tab.show_page(PENDING)
    row = next(r for r in rows(pending) if r.id == invoice)
    assert row.fiscal_state == "none" and pending.grid.model.data(
        pending.model.index(0, 7)) == "Sem nota"
    # The toolbars are the seed's, in its order.
    issued = tab.show_page(ISSUED)
    assert [a.text() for a in issued.toolbar.actions() if a.text()] == [
        "Editar informações do documento fiscal", "Cancelar Documento", "Anular Documento",
        "Imprimir documento fiscal", "Enviar e-mail ao cliente", "Exportar planilha"]
    assert rows(issued) == []

    generate(qtbot, tab, invoice)  # one invoice: asked once, then sent
    assert seen.errors == [] and len(seen.questions) == 1
    assert invoice not in [r.id for r in rows(pending)]  # the row moved to Gerados
    notes = rows(issued)
    assert [(n.invoice_id, n.status, n.number) for n in notes] == [(invoice, "authorised", 1)]
    assert notes[0].nfse_number and len(notes[0].key or "") == 50
    if office.sefin is not None:  # the DPS really went over mutual TLS
        assert [r.path for r in office.sefin.requests if r.method == "POST"] == ["/nfse"]

    # Imprimir documento fiscal: the DANFSe in the print preview.
    select_rows(issued, [notes[0].id])
    issued.actions.actions["print"].trigger()
    tools = tools_of(issued)
    assert tools.last_operation is not None
    qtbot.waitUntil(lambda: tools.last_preview is not None, timeout=WAIT)
    preview = tools.last_preview
    assert preview is not None and preview.page_count >= 1
    text = subprocess.run(["pdftotext", str(preview.pdf.path), "-"], capture_output=True,
                          check=True, text=True).stdout
    assert str(notes[0].nfse_number) in text and "CANCELADA" not in text
    preview.close()

    # Anular Documento is refused for an authorised note, in pt-BR.
    press(qtbot, issued, "annul")
    assert seen.errors == ["Nota autorizada não pode ser anulada: cancele-a."]
    assert rows(issued)[0].status == "authorised"

    # Cancelar Documento: the XSD's reason and a justification of 15 characters or more.
    def fill(dialog: CancelDialog) -> int:
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData(2))
        dialog.justification_edit.setPlainText("curta")
        dialog.confirm_check.setChecked(True)
        assert not dialog.finish_button.isEnabled()  # fewer than 15 characters
        dialog.justification_edit.setPlainText("Serviço cobrado em duplicidade")
        assert dialog.finish_button.isEnabled()
        return CancelDialog.DialogCode.Accepted

    monkeypatch.setattr(CancelDialog, "exec", fill)
    select_rows(issued, [notes[0].id])
    press(qtbot, issued, "cancel")
    assert seen.errors[1:] == []
    cancelled = rows(issued)
    assert [(n.id, n.status) for n in cancelled] == [(notes[0].id, "cancelled")]
    assert issued.grid.model.data(issued.model.index(0, 6)) == "Cancelada"
    [doc] = documents(db)
    assert (doc.cancel_reason, doc.cancel_justification) == (2, "Serviço cobrado em duplicidade")
    if office.sefin is not None:
        assert any("/eventos" in r.path for r in office.sefin.requests)
    # The invoice needs a note again; its last note shows as cancelled.
    back = next(r for r in rows(pending) if r.id == invoice)
    assert back.fiscal_state == "cancelled"


def test_observations_are_prefilled_and_saved(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    invoice = office.invoices[1]
    tab = open_tab(qtbot, db, actor, desk_settings, office.person_of(db, invoice))
    generate(qtbot, tab, invoice)
    issued = tab.show_page(ISSUED)
    [note] = rows(issued)
    before = documents(db)[0]
    shown: list[list[str]] = []

    def fill(dialog: ObservationsDialog) -> int:
        shown.append([e.toPlainText() for e in dialog.edits])
        dialog.edits[2].setPlainText("Competência com serviços extras de folha")
        dialog.confirm_check.setChecked(True)
        return ObservationsDialog.DialogCode.Accepted

    monkeypatch.setattr(ObservationsDialog, "exec", fill)
    select_rows(issued, [note.id])
    press(qtbot, issued, "edit")
    assert seen.errors == []
    assert shown == [[before.observation1, before.observation2, before.observation3,
                      before.observation4]]
    assert documents(db)[0].observation3 == "Competência com serviços extras de folha"


def test_send_attaches_the_danfse_and_the_xml(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    invoice = office.invoices[2]
    tab = open_tab(qtbot, db, actor, desk_settings, office.person_of(db, invoice))
    generate(qtbot, tab, invoice)
    issued = tab.show_page(ISSUED)
    [note] = rows(issued)
    select_rows(issued, [note.id])
    issued.actions.actions["send"].trigger()
    dialog = tools_of(issued).last_send
    assert seen.errors == [] and dialog is not None
    assert dialog.subject_edit.text() == f"Nota fiscal de serviço nº {note.nfse_number}"
    assert dialog.attachments.labels(checked_only=True)[:2] == [
        f"DANFSe da NFS-e nº {note.nfse_number} (PDF)", f"XML da NFS-e nº {note.nfse_number}"]
    fiscal = [c for c in dialog.attachments.chosen() if c["kind"] == "fiscal"]
    assert [c["part"] for c in fiscal] == ["pdf", "xml"]
    with db.uow() as uow:  # what the outbox builds when the message leaves
        built = attachments.build(uow, actor, fiscal)
    assert built[0].content.startswith(b"%PDF") and built[0].mime_type == "application/pdf"
    assert (note.key or "").encode() in built[1].content
    dialog.close()


@pytest.mark.parametrize("office", ["sefin"], indirect=True)  # the simulator never rejects
def test_annul_a_rejected_dps_from_the_pending_page(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen) -> None:
    assert office.sefin is not None
    invoice = office.invoices[0]
    tab = open_tab(qtbot, db, actor, desk_settings, office.person_of(db, invoice))
    office.sefin.script("rejected", codes=(("E0014", "Conjunto de dados inválido"),))
    generate(qtbot, tab, invoice)
    assert any("E0014" in m for d in seen.results for m in d.messages())
    pending = tab.show_page(PENDING)
    row = next(r for r in rows(pending) if r.id == invoice)
    assert row.fiscal_state == "rejected" and "E0014" in row.codes and row.number == 1
    select_rows(pending, [invoice])
    press(qtbot, pending, "annul")
    assert seen.errors == []
    assert [d.status for d in documents(db)] == ["annulled"]
    assert next(r for r in rows(pending) if r.id == invoice).fiscal_state == "none"
    # Nothing to annul any more: said, not attempted.
    select_rows(pending, [invoice])
    pending.actions.actions["annul"].trigger()
    assert seen.infos == [f"A fatura {invoice} não tem documento fiscal para anular."]
