"""Configurações → Operadores: the office's clerks, their role, password, expiry and lockout."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_date, parse_date
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError, InvalidInput
from contoffice.services.admin.operator_admin import (
    OperatorRow,
    list_operators,
    list_roles,
    operator_input,
    unlock_operator,
)
from contoffice.services.admin.operators import OperatorInput, save_operator
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.fields import DateEdit
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area.form_fields import FieldForm
from contoffice.ui.settings_area.list_table import ListTable

EXPIRES_FIELD = "Válido até"


class OperatorForm(FieldForm):
    """Login, name, e-mail, role, password, active, expiry date, attempt limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, {"Login e Nome": "login", "Perfil de acesso": "role_id",
                                  EXPIRES_FIELD: "expires_on"})
        self.login, self.name, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        self.role = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox("Ativo")
        self.expires = QCheckBox(EXPIRES_FIELD)
        # Typed as dd/mm/aaaa: 31/02 is said wrong at the field, never turned into 28/02.
        self.expires_on = DateEdit()
        self.expires.toggled.connect(self.expires_on.setEnabled)
        self.max_attempts = QSpinBox()
        self.max_attempts.setRange(1, 20)
        for label, key, widget in (
            ("Login", "login", self.login),
            ("Nome", "name", self.name),
            ("E-mail", "email", self.email),
            ("Perfil", "role_id", self.role),
            ("Senha", "password", self.password),
        ):
            self.add(label, {key: widget})
        self.add("Validade", {"expires": self.expires, "expires_on": self.expires_on}, compact=True)
        self.add("Tentativas de login", {"max_attempts": self.max_attempts})
        self.add("", {"active": self.active}, compact=True)
        self.operator_id: int | None = None

    def set_roles(self, roles: list[tuple[int, str]]) -> None:
        """The roles the combo offers."""
        self.role.clear()
        for role_id, name in roles:
            self.role.addItem(name, role_id)

    def load(self, data: OperatorInput, operator_id: int | None) -> None:
        """Show an operator (None: a new one, password required)."""
        self.clear_errors()
        self.operator_id = operator_id
        self.login.setText(data.login)
        self.name.setText(data.name)
        self.email.setText(data.email)
        self.role.setCurrentIndex(max(self.role.findData(data.role_id), 0))
        self.password.clear()
        self.password.setPlaceholderText(texts.PASSWORD_KEEP if operator_id else "")
        self.active.setChecked(data.active)
        self.expires.setChecked(data.expires_on is not None)
        self.expires_on.setEnabled(data.expires_on is not None)
        self.expires_on.setDate(data.expires_on or date.today())
        self.max_attempts.setValue(data.max_attempts)

    def value(self) -> OperatorInput:
        """The form as the service's input."""
        expires = None
        if self.expires.isChecked():
            try:
                expires = parse_date(self.expires_on.displayText(), EXPIRES_FIELD)
            except ValidationError as error:
                raise InvalidInput(error.message, field=EXPIRES_FIELD) from None
        return OperatorInput(
            login=self.login.text(),
            name=self.name.text(),
            role_id=self.role.currentData() or 0,
            email=self.email.text().strip(),
            password=self.password.text() or None,
            active=self.active.isChecked(),
            expires_on=expires,
            max_attempts=self.max_attempts.value(),
        )


class OperatorsPage(QWidget):
    """The operators list, the form, and Desbloquear for a locked operator."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("operators_page")
        self.rows: dict[int, OperatorRow] = {}
        self.table = ListTable(texts.OPERATOR_COLUMNS, self)
        self.table.setObjectName("operators_table")
        self.form = OperatorForm(self)
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("lock_label")
        self.unlock_button = self._button("unlock_button", texts.UNLOCK, self.unlock)
        self.new_button = self._button("new_button", texts.NEW, self.new)
        self.save_button = self._button("save_button", texts.SAVE_CHANGES, self.save)
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        lock = QHBoxLayout()
        lock.addWidget(self.lock_label, 1)
        lock.addWidget(self.unlock_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form)
        right_layout.addLayout(lock)
        right_layout.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        QVBoxLayout(self).addWidget(splitter)
        self.table.itemSelectionChanged.connect(self.load_selected)
        self.refresh()
        self.new()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def refresh(self, select_id: int | None = None) -> None:
        """Reload roles and operators."""
        try:
            roles = list_roles(self.ctx.db.uow())
            operators = list_operators(self.ctx.db.uow())
        except ContofficeError as error:
            show_error(self, error)
            return
        self.form.set_roles([(r.id, r.name) for r in roles])
        self.rows = {o.id: o for o in operators}
        yes_no = {True: texts.YES, False: texts.NO}
        self.table.fill(
            [
                (
                    o.id,
                    (
                        o.login,
                        o.name,
                        o.role_name,
                        yes_no[o.active],
                        format_date(o.expires_on) or texts.NO_EXPIRY,
                        yes_no[o.locked],
                    ),
                )
                for o in operators
            ],
            select_id,
        )

    def load_selected(self) -> None:
        """Show the selected operator."""
        row = self.rows.get(self.table.current_id() or 0)
        if row is None:
            return
        self.form.load(operator_input(row), row.id)
        self._show_lock(row)
        self.status.clear()

    def _show_lock(self, row: OperatorRow | None) -> None:
        locked = row is not None and row.locked
        self.lock_label.setText(
            texts.LOCKED_STATE.format(n=row.failed_attempts) if locked else texts.NOT_LOCKED
        )
        self.unlock_button.setEnabled(locked)

    def new(self) -> None:
        """Novo: an empty form (a password is required)."""
        self.table.clearSelection()
        role = self.form.role.itemData(0) or 0
        self.form.load(OperatorInput(login="", name="", role_id=role), None)
        self._show_lock(None)
        self.status.clear()

    def save(self) -> int | None:
        """Salvar: the service's refusal shows at its field."""
        self.status.clear()  # an earlier "salvas" must not stand beside a refusal
        try:
            with self.ctx.db.uow() as uow:
                operator_id = save_operator(
                    uow, self.ctx.actor, self.form.value(), self.form.operator_id
                )
        except InvalidInput as error:
            self.form.show_error(error)
            return None
        except ContofficeError as error:
            show_error(self, error)
            return None
        self.refresh(operator_id)
        self.load_selected()
        self.status.setText(texts.SAVED)
        return operator_id

    def unlock(self) -> None:
        """Desbloquear the selected operator."""
        if self.form.operator_id is None:
            return
        try:
            with self.ctx.db.uow() as uow:
                unlock_operator(uow, self.ctx.actor, self.form.operator_id)
        except ContofficeError as error:
            show_error(self, error)
            return
        self.refresh(self.form.operator_id)
        self.load_selected()
        self.status.setText(texts.UNLOCKED)
