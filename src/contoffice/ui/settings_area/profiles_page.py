"""Configurações → Profiles de pagamento: the list and the form of one profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contoffice.errors import ContofficeError, InvalidInput
from contoffice.services.boletos.profiles import list_profiles, profile_input, save_profile
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area.list_table import ListTable
from contoffice.ui.settings_area.profile_form import ProfileForm


class ProfilesPage(QWidget):
    """Select a profile to edit it; Novo starts an empty one; Salvar goes to the service."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("profiles_page")
        self.table = ListTable(texts.PROFILE_COLUMNS, self)
        self.table.setObjectName("profiles_table")
        self.form = ProfileForm(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.new_button = QPushButton(texts.NEW, self)
        self.new_button.setObjectName("new_button")
        self.save_button = QPushButton(texts.SAVE_CHANGES, self)
        self.save_button.setObjectName("save_button")
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([520, 520])
        QVBoxLayout(self).addWidget(splitter)
        self.table.itemSelectionChanged.connect(self.load_selected)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list (F5)."""
        try:
            rows = list_profiles(self.ctx.db.uow())
        except ContofficeError as error:
            show_error(self, error)
            return
        yes_no = {True: texts.YES, False: texts.NO}
        self.table.fill(
            [
                (
                    p.id,
                    (
                        p.name,
                        f"{p.bank_code} {p.bank_name}",
                        p.agency,
                        p.account,
                        p.wallet,
                        p.agreement,
                        str(p.next_our_number),
                        yes_no[p.active],
                    ),
                )
                for p in rows
            ],
            select_id,
        )

    def load_selected(self) -> None:
        """Show the selected profile in the form."""
        profile_id = self.table.current_id()
        if profile_id is None:
            return
        try:
            self.form.load(profile_input(self.ctx.db.uow(), profile_id), profile_id)
        except ContofficeError as error:
            show_error(self, error)
        self.status.clear()

    def new(self) -> None:
        """Novo: an empty form."""
        self.table.clearSelection()
        self.form.load(ProfileForm.empty(), None)
        self.status.clear()
        self.form.name.setFocus()

    def save(self) -> int | None:
        """Salvar: the service checks it against the bank; its refusal shows at the field."""
        try:
            with self.ctx.db.uow() as uow:
                profile_id = save_profile(
                    uow,
                    self.ctx.actor,
                    self.form.value(),
                    profile_id=self.form.profile_id,
                    loaded_next_our_number=self.form.loaded_next_our_number,
                )
        except InvalidInput as error:
            self.form.show_error(error)
            return None
        except ContofficeError as error:
            show_error(self, error)
            return None
        self.refresh(profile_id)
        self.load_selected()  # the counter the form remembers is the one now stored
        self.status.setText(texts.SAVED)
        return profile_id
