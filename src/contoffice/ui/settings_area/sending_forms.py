"""The forms of Contas de envio: an SMTP account, and an SMS gateway."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from contoffice.core.message_vocab import MailSecurity
from contoffice.services.messaging.accounts import AccountInput
from contoffice.services.messaging.gateways import METHODS, GatewayInput
from contoffice.ui.settings_area import sending_texts as t
from contoffice.ui.settings_area.form_fields import FieldForm

USUAL_PORT = {MailSecurity.STARTTLS: 587, MailSecurity.TLS: 465, MailSecurity.PLAIN: 25}
# The services call the per-minute limit "Por minuto"; the form's row says it in full.
ALIASES = {"Por minuto": "per_minute"}


def _limit(parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, 1_000_000)
    box.setSpecialValueText(t.NO_LIMIT)  # what 0 means
    box.setToolTip(t.LIMIT_HINT)
    return box


def _secret(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountForm(FieldForm):
    """Nome, Servidor, Porta, Segurança, Usuário, Senha, remetente, limites, padrão, ativa."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, ALIASES)
        self.name, self.host = QLineEdit(self), QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        for security in MailSecurity:
            self.security.addItem(security.label, security)
        self.username, self.password = QLineEdit(self), _secret(self)
        self.sender_name, self.sender_address = QLineEdit(self), QLineEdit(self)
        self.daily_limit, self.per_minute = _limit(self), _limit(self)
        self.is_default = QCheckBox(t.DEFAULT_ACCOUNT, self)
        self.active = QCheckBox(t.ACTIVE_ACCOUNT, self)
        for label, key, widget in (
            (t.NAME, "name", self.name), (t.HOST, "host", self.host),
            (t.PORT, "port", self.port), (t.SECURITY, "security", self.security),
            (t.USER, "username", self.username), (t.PASSWORD, "password", self.password),
            (t.SENDER_NAME, "sender_name", self.sender_name),
            (t.SENDER_ADDRESS, "sender_address", self.sender_address),
            (t.DAILY_LIMIT, "daily_limit", self.daily_limit),
            (t.PER_MINUTE, "per_minute", self.per_minute),
        ):
            self.add(label, {key: widget})
        self.add("", {"is_default": self.is_default, "active": self.active}, compact=True)
        self._shown = MailSecurity.STARTTLS
        self.security.currentIndexChanged.connect(self._security_chosen)

    def _security_chosen(self) -> None:
        """The usual port of the new security, unless the clerk typed another port."""
        chosen = MailSecurity(self.security.currentData())
        if self.port.value() == USUAL_PORT[self._shown]:
            self.port.setValue(USUAL_PORT[chosen])
        self._shown = chosen

    def load(self, data: AccountInput | None, *, has_password: bool = False) -> None:
        """Show an account (None: a new one, STARTTLS on 587, active)."""
        self.clear_errors()
        data = data or AccountInput(name="", host="", port=587, security=MailSecurity.STARTTLS,
                                    username="", sender_name="", sender_address="",
                                    active=True)
        for edit, text in ((self.name, data.name), (self.host, data.host),
                           (self.username, data.username), (self.sender_name, data.sender_name),
                           (self.sender_address, data.sender_address)):
            edit.setText(text)
        self._shown = MailSecurity(data.security)
        self.security.blockSignals(True)
        self.security.setCurrentIndex(self.security.findData(self._shown))
        self.security.blockSignals(False)
        self.port.setValue(data.port)
        self.password.clear()
        editing = bool(data.name)
        self.password.setPlaceholderText(
            (t.PASSWORD_KEEP if has_password else t.PASSWORD_NONE) if editing else "")
        self.daily_limit.setValue(data.daily_limit)
        self.per_minute.setValue(data.per_minute)
        self.is_default.setChecked(data.is_default)
        self.active.setChecked(data.active)

    def value(self) -> AccountInput:
        """The form as the service's input (the password apart: see `new_password`)."""
        return AccountInput(
            name=self.name.text(), host=self.host.text(), port=self.port.value(),
            security=MailSecurity(self.security.currentData()), username=self.username.text(),
            sender_name=self.sender_name.text(), sender_address=self.sender_address.text(),
            daily_limit=self.daily_limit.value(), per_minute=self.per_minute.value(),
            is_default=self.is_default.isChecked(), active=self.active.isChecked())

    def new_password(self) -> str | None:
        """The password typed, or None: keep the stored one."""
        return self.password.text() or None


class GatewayForm(FieldForm):
    """Nome, URL, Método, Cabeçalhos, Corpo, Token, limites, padrão, ativo, and the coringas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, ALIASES)
        self.name, self.url = QLineEdit(self), QLineEdit(self)
        self.method = QComboBox(self)
        self.method.addItems(list(METHODS))
        self.headers, self.body = QPlainTextEdit(self), QPlainTextEdit(self)
        self.headers.setPlaceholderText(t.HEADERS_HINT)
        self.headers.setTabChangesFocus(True)
        self.body.setTabChangesFocus(True)
        self.token = _secret(self)
        self.daily_limit, self.per_minute = _limit(self), _limit(self)
        self.is_default = QCheckBox(t.DEFAULT_GATEWAY, self)
        self.active = QCheckBox(t.ACTIVE_GATEWAY, self)
        for label, key, widget in (
            (t.NAME, "name", self.name), (t.URL, "url", self.url),
            (t.METHOD, "method", self.method), (t.HEADERS, "headers", self.headers),
            (t.BODY, "body", self.body), (t.TOKEN, "token", self.token),
            (t.DAILY_LIMIT, "daily_limit", self.daily_limit),
            (t.PER_MINUTE, "per_minute", self.per_minute),
        ):
            self.add(label, {key: widget})
        self.add("", {"is_default": self.is_default, "active": self.active}, compact=True)
        self.help = QLabel(t.PLACEHOLDERS, self)
        self.help.setObjectName("placeholders_label")
        self.help.setWordWrap(True)
        self.layout_.addRow(self.help)

    def load(self, data: GatewayInput | None, *, has_token: bool = False) -> None:
        """Show a gateway (None: a new one, POST, active)."""
        self.clear_errors()
        data = data or GatewayInput(name="", url="", method="POST", headers="",
                                    body_template="", active=True)
        self.name.setText(data.name)
        self.url.setText(data.url)
        self.method.setCurrentIndex(max(self.method.findText(data.method), 0))
        self.headers.setPlainText(data.headers)
        self.body.setPlainText(data.body_template)
        self.token.clear()
        editing = bool(data.name)
        self.token.setPlaceholderText(
            (t.TOKEN_KEEP if has_token else t.TOKEN_NONE) if editing else "")
        self.daily_limit.setValue(data.daily_limit)
        self.per_minute.setValue(data.per_minute)
        self.is_default.setChecked(data.is_default)
        self.active.setChecked(data.active)

    def value(self) -> GatewayInput:
        """The form as the service's input (the token apart: see `new_token`)."""
        return GatewayInput(
            name=self.name.text(), url=self.url.text(), method=self.method.currentText(),
            headers=self.headers.toPlainText(), body_template=self.body.toPlainText(),
            daily_limit=self.daily_limit.value(), per_minute=self.per_minute.value(),
            is_default=self.is_default.isChecked(), active=self.active.isChecked())

    def new_token(self) -> str | None:
        """The token typed, or None: keep the stored one."""
        return self.token.text() or None
