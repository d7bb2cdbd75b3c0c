"""A client's panel as a tab: the header and the pages, each built when first shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from contoffice.errors import DatabaseUnavailable, NotFound
from contoffice.services.kernel.results import Changes
from contoffice.services.panels.client_panel import client_header
from contoffice.ui import texts
from contoffice.ui.changes import concerns
from contoffice.ui.client import statement_actions
from contoffice.ui.client.grid_page import GridPage
from contoffice.ui.client.header import ClientHeaderWidget
from contoffice.ui.client.pages import PAGES
from contoffice.ui.context import WindowContext
from contoffice.ui.db_health import notify_unavailable
from contoffice.ui.dialogs.attachments_dialog import AttachmentScope, AttachmentsDialog
from contoffice.ui.operations import error_text

# Which pages show what a Changes flag names (Atividade and Notas follow every change).
_PAGES_OF = {
    "contracts": ("client.contracts",),
    "invoices": (
        "client.receivable",
        "client.payable",
        "client.removed",
        "client.fiscal_pending",
        "client.notes",
    ),
    "charges": ("client.unbilled", "client.payable_charges"),
    "settlements": ("client.settled_receivable", "client.settled_payable"),
    # A declaration's "Enviada em" follows the e-mails that carried it.
    "messages": ("client.messages", "client.clearances"),
    "clearances": ("client.clearances",),
    "fiscal": ("client.fiscal_pending", "client.fiscal_issued"),
}
_ALWAYS = ("client.activity",)
ARCHIVE = "Arquivo permanente"


class ClientTab(QWidget):
    """Header + one tab per page; a page's query runs when its tab is first shown."""

    retitled = Signal(str)  # the client's name changed (the window's tab text follows)

    def __init__(self, ctx: WindowContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"client_{person_id}")
        self.ctx, self.person_id = ctx, person_id
        self.title = str(person_id)
        self.header = ClientHeaderWidget(self)
        self.pages_tabs = QTabWidget(self)
        self.pages_tabs.setObjectName("client_pages")
        self.pages_tabs.setDocumentMode(True)
        self.pages: dict[str, GridPage] = {}
        self._holders: list[QWidget] = []
        for page in PAGES:
            holder = QWidget(self.pages_tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders.append(holder)
            self.pages_tabs.addTab(holder, page.title)
        # INV-R-1: the client's own documents, beside who the client is.
        self.archive_button = QPushButton(ARCHIVE, self)
        self.archive_button.setObjectName("archive_button")
        self.archive_button.setVisible(ctx.actor.can("contracts.images"))
        self.archive_button.clicked.connect(self.open_archive)
        self.archive_dialog: AttachmentsDialog | None = None
        # Issue 13: the statement of account and the registration sheet, as PDFs.
        self.statement_button = self._header_button(
            "statement_button", statement_actions.STATEMENT,
            statement_actions.STATEMENT_PERMISSION, self.open_statement)
        self.sheet_button = self._header_button(
            "sheet_button", statement_actions.SHEET, statement_actions.SHEET_PERMISSION,
            self.open_sheet)
        buttons = QVBoxLayout()
        for button in (self.archive_button, self.statement_button, self.sheet_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.pages_tabs, 1)
        self.pages_tabs.currentChanged.connect(self._build)
        self.load_header()
        self._build(0)
        # Every finished operation of the window (this tab's, another tab's, an area's).
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def load_header(self) -> bool:
        """Read the header; a vanished client or a lost connection shows a message."""
        try:
            data = client_header(self.ctx.db.uow(), self.person_id)
        except NotFound:
            self.header.show_message(texts.STALE_CLIENT.format(code=self.person_id))
            return False
        except Exception as error:
            self.header.show_message(error_text(error))
            if isinstance(error, DatabaseUnavailable):
                notify_unavailable(self, str(error))
            return False
        self.header.show_header(data)
        title = data.person.trade_name or data.person.name
        if title != self.title:
            self.title = title
            self.retitled.emit(title)
        return True

    def open_archive(self) -> None:
        """Arquivo permanente: contrato social, certificado, alvará, CND… (INV-R-1, R-2)."""
        scope = AttachmentScope(self.person_id, title=ARCHIVE, person_only=True)
        self.archive_dialog = AttachmentsDialog(self, self.ctx, scope)
        self.archive_dialog.exec()

    def _header_button(self, name: str, text: str, permission: str,
                       slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setVisible(self.ctx.actor.can(permission))
        button.clicked.connect(slot)
        return button

    def open_statement(self) -> None:
        """Extrato: the period, then the statement's PDF preview."""
        statement_actions.open_statement(self, self.ctx, self.person_id)

    def open_sheet(self) -> None:
        """Ficha cadastral: the registration's PDF preview."""
        statement_actions.open_sheet(self, self.ctx, self.person_id)

    def _build(self, index: int) -> None:
        if index < 0 or PAGES[index].grid in self.pages:
            return
        page = GridPage(
            self.ctx,
            PAGES[index],
            self.person_id,
            self._holders[index],
        )
        self._holders[index].layout().addWidget(page)
        self.pages[PAGES[index].grid] = page

    def show_page(self, grid: str) -> GridPage:
        """Switch to a page (building it) and return it."""
        index = next(i for i, p in enumerate(PAGES) if p.grid == grid)
        self.pages_tabs.setCurrentIndex(index)
        self._build(index)
        return self.pages[grid]

    def refresh(self) -> None:
        """F5: header and the built pages."""
        if self.load_header():
            for page in self.pages.values():
                page.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """After an operation: reload the header and the built pages the change touches."""
        if not concerns(changes, self.person_id):
            return  # another client's rows
        if changes.header or changes.people:
            self.load_header()
        grids = set(_ALWAYS)
        for flag, pages in _PAGES_OF.items():
            if getattr(changes, flag):
                grids.update(pages)
        for key, page in self.pages.items():
            if key in grids:
                page.refresh()

    def focus_filters(self) -> None:
        """Ctrl+F on the page shown."""
        page = self.pages.get(PAGES[self.pages_tabs.currentIndex()].grid)
        if page is not None:
            page.focus_filters()

    def save_state(self) -> None:
        """Column layout of the built pages."""
        for page in self.pages.values():
            page.grid.save_state()
