"""The GUI fiscal tests' office: billed clients, fiscal data, the A1, and a Sefin to talk to.

The notes go either to the local simulator ("simulador", what the demo office uses) or to
the fake Sefin Nacional over mutual TLS (`tests/support/sefin_server.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select, update

from contoffice.db.models import FiscalDocument, Invoice
from contoffice.db.uow import Database
from contoffice.fiscal.certificate import load_pkcs12, make_test_pkcs12
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import tool_flow
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.client.tools_fiscal import FiscalTools
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.result_dialog import ResultDialog
from contoffice.ui.settings import DeskSettings
from tests.services.fiscal.support import PASSWORD, fiscal_office, office_pfx
from tests.support.sefin_server import Pki, SefinTestServer, make_pki, sefin_server

THIS_MONTH = date.today().replace(day=1)
TRANSMISSIONS = ("simulador", "sefin")


@dataclass
class Office:
    """The billed office: its invoices, and the fake Sefin when it talks to one."""

    invoices: list[int]
    sefin: SefinTestServer | None

    def person_of(self, db: Database, invoice_id: int) -> int:
        """The client of an invoice."""
        with db.uow() as uow:
            return int(uow.session.scalar(select(Invoice.person_id)
                                          .where(Invoice.id == invoice_id)))


@pytest.fixture(scope="session")
def office_a1() -> bytes:
    """The office's PKCS#12 (the fake Sefin trusts exactly this one)."""
    return office_pfx()


@pytest.fixture(scope="session")
def fiscal_pki(tmp_path_factory: pytest.TempPathFactory, office_a1: bytes) -> Pki:
    """The test CA, the office's certificate and the simulated Sefin's own."""
    sefin = load_pkcs12(make_test_pkcs12("00394460005887", "SEFIN NACIONAL SIMULADA", "x"), "x")
    return make_pki(tmp_path_factory.mktemp("sefin-pki"), load_pkcs12(office_a1, PASSWORD),
                    sefin)


@pytest.fixture(params=TRANSMISSIONS)
def office(request: pytest.FixtureRequest, db: Database, actor: Actor, tmp_path: Path,
           office_a1: bytes) -> Iterator[Office]:
    """Three clients billed this month, fiscal data saved, the A1 installed; both Sefins."""
    if request.param == "simulador":
        ids = fiscal_office(db, actor, 3, tmp_path, pfx=office_a1)
        yield _this_month(db, Office(ids, None))
        return
    with sefin_server(request.getfixturevalue("fiscal_pki")) as server:
        ids = fiscal_office(db, actor, 3, tmp_path, url=server.url, ca_file=server.ca_file,
                            pfx=office_a1)
        yield _this_month(db, Office(ids, server))


def _this_month(db: Database, office: Office) -> Office:
    # The office bills 12/2026 in its fixtures; a note's competência may not come after the
    # day it is issued, and the window issues it today.
    with db.uow() as uow:
        uow.session.execute(update(Invoice).where(Invoice.id.in_(office.invoices))
                            .values(competence=THIS_MONTH))
        uow.commit()
    return office


class Seen:
    """What the window asked or showed instead of blocking on a modal dialog."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.results: list[ResultDialog] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.go_on = True


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    record = Seen()

    def ask(_parent: Any, message: str) -> bool:
        record.questions.append(message)
        return record.go_on

    def present(self: ResultDialog) -> int:
        record.results.append(self)
        ok = not self.preview or (record.go_on and self.continue_button.isEnabled())
        return QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected

    def error(_parent: Any, error: BaseException) -> None:
        record.errors.append(str(error))

    monkeypatch.setattr(tool_flow, "ask_confirmation", ask)
    monkeypatch.setattr(tool_flow, "show_error", error)
    monkeypatch.setattr("contoffice.ui.operations.show_error", error)
    monkeypatch.setattr("contoffice.ui.client.grid_page.show_error", error)
    monkeypatch.setattr("contoffice.ui.messages.send_dialog.show_error", error)
    monkeypatch.setattr(ResultDialog, "exec", present)
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _title, text: record.infos.append(text))
    return record


def documents(db: Database) -> list[FiscalDocument]:
    """Every fiscal document in id order (detached)."""
    with db.uow() as uow:
        found = list(uow.session.scalars(select(FiscalDocument).order_by(FiscalDocument.id)))
        uow.session.expunge_all()
        return found


# -- driving the client panel's fiscal pages ------------------------------------------------
WAIT = 20_000
PENDING, ISSUED = "client.fiscal_pending", "client.fiscal_issued"


def open_tab(qtbot: Any, db: Database, actor: Actor, desk: DeskSettings,
             person_id: int) -> ClientTab:
    """A client's panel, shown."""
    tab = ClientTab(WindowContext(db, actor, desk), person_id)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    return tab


def rows(page: GridPage) -> list[Any]:
    """The page's rows after a fresh read."""
    page.refresh()
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


def select_rows(page: GridPage, ids: list[int]) -> None:
    """Select the rows with these ids."""
    selection = page.grid.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id in ids:
            selection.select(page.model.index(row, 0), flags)
    assert sorted(page.selected_ids()) == sorted(ids)


def tools_of(page: GridPage) -> FiscalTools:
    """The page's fiscal tool slots."""
    return next(t for t in page.tools if isinstance(t, FiscalTools))


def press(qtbot: Any, page: GridPage, action: str) -> FiscalTools:
    """Press a fiscal tool and wait until its flow has ended."""
    tools = tools_of(page)
    tools.last_flow = None
    assert page.actions.actions[action].isEnabled(), action
    page.actions.actions[action].trigger()
    qtbot.waitUntil(lambda: tools.last_flow is None or tools.last_flow.done, timeout=WAIT)
    return tools


def generate(qtbot: Any, tab: ClientTab, invoice_id: int) -> None:
    """Gerar documento fiscal for one invoice from its pending page."""
    pending = tab.show_page(PENDING)
    qtbot.waitUntil(lambda: invoice_id in [r.id for r in rows(pending)], timeout=WAIT)
    select_rows(pending, [invoice_id])
    press(qtbot, pending, "generate")
