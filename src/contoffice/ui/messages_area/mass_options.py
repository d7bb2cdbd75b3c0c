"""Envio em massa's choices: what to send, the channel, the template, the account or gateway."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QRadioButton,
    QWidget,
)

from contoffice.core.message_vocab import MessageChannel
from contoffice.services.messaging import templates_store as store
from contoffice.services.messaging.mass import Selection
from contoffice.ui.messages_area import labels as t


@dataclass(frozen=True)
class Lists:
    """What the combos offer: mass templates per channel, e-mail accounts, SMS gateways."""

    templates: dict[MessageChannel, list[str]]
    accounts: list[str]  # by name, the default first
    gateways: list[tuple[int, str]]  # (id, name), active ones


class MassOptions(QWidget):
    """The radio buttons, the month, and the three combos; `changed` on any edit."""

    changed = Signal()

    def __init__(self, lists: Lists, people: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists, self.people = lists, tuple(people)
        group = QGroupBox(t.WHAT, self)
        grid = QGridLayout(group)
        self.competence_radio = QRadioButton(t.BY_COMPETENCE, group)
        self.competence_radio.setObjectName("competence_radio")
        self.competence_edit = QDateEdit(group)
        self.competence_edit.setObjectName("competence_edit")
        self.competence_edit.setDisplayFormat("MM/yyyy")
        self.competence_edit.setDate(QDate(date.today().replace(day=1)))
        self.overdue_radio = QRadioButton(t.OVERDUE, group)
        self.overdue_radio.setObjectName("overdue_radio")
        self.finder_radio = QRadioButton(
            t.FINDER.format(n=len(self.people)) if self.people else t.FINDER_NONE, group)
        self.finder_radio.setObjectName("finder_radio")
        self.finder_radio.setEnabled(bool(self.people))
        self.kinds = QButtonGroup(self)
        for row, radio in enumerate((self.competence_radio, self.overdue_radio,
                                     self.finder_radio)):
            self.kinds.addButton(radio, row)
            grid.addWidget(radio, row, 0)
        grid.addWidget(self.competence_edit, 0, 1)
        self.competence_radio.setChecked(True)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("channel_combo")
        self.channel_combo.addItem(MessageChannel.EMAIL.label, MessageChannel.EMAIL)
        if lists.gateways:  # SMS only where the office has a gateway
            self.channel_combo.addItem(MessageChannel.SMS.label, MessageChannel.SMS)
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("template_combo")
        self.account_combo = QComboBox(self)
        self.account_combo.setObjectName("account_combo")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(group)
        form.addRow(t.CHANNEL, self.channel_combo)
        form.addRow(t.TEMPLATE, self.template_combo)
        form.addRow(t.ACCOUNT, self.account_combo)
        self.form = form
        self._fill()
        self.kinds.idToggled.connect(lambda _id, on: on and self._kind_changed())
        self.competence_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.channel_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.template_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.account_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    @property
    def channel(self) -> MessageChannel:
        """E-mail or SMS."""
        return MessageChannel(self.channel_combo.currentData())

    @property
    def template(self) -> str:
        """The chosen template's name."""
        return self.template_combo.currentText()

    @property
    def account(self) -> str | None:
        """The e-mail account's name (None for SMS)."""
        if self.channel != "email":
            return None
        return self.account_combo.currentText() or None

    @property
    def gateway_id(self) -> int | None:
        """The SMS gateway's id (None for e-mail)."""
        return self.account_combo.currentData() if self.channel == "sms" else None

    def selection(self) -> Selection:
        """Whom the batch writes to."""
        if self.overdue_radio.isChecked():
            return Selection(overdue=True)
        if self.finder_radio.isChecked():
            return Selection(person_ids=self.people)
        month = self.competence_edit.date().toPython()
        assert isinstance(month, date)
        return Selection(competence=month.replace(day=1))

    def _fill(self) -> None:
        """Templates and accounts of the channel chosen."""
        for combo in (self.template_combo, self.account_combo):
            combo.blockSignals(True)
            combo.clear()
        self.template_combo.addItems(self.lists.templates.get(self.channel, []))
        if self.channel == "email":
            self.account_combo.addItems(self.lists.accounts)
        else:
            for gateway_id, name in self.lists.gateways:
                self.account_combo.addItem(name, gateway_id)
        self.form.labelForField(self.account_combo).setText(
            t.ACCOUNT if self.channel == "email" else t.GATEWAY)
        for combo in (self.template_combo, self.account_combo):
            combo.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """The set's template for the kind chosen (Fatura vencida for the overdue ones)."""
        wanted = store.OVERDUE if self.overdue_radio.isChecked() else store.BOLETO
        index = self.template_combo.findText(wanted)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)
        self.changed.emit()
