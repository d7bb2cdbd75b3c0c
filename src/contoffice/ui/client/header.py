"""The client panel's header: who, how to reach them, and the balances with aging."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.documents import format_document
from contoffice.core.format import format_money
from contoffice.core.phone import format_phone
from contoffice.core.vocab import PersonKind
from contoffice.services.panels.client_panel import AGING_BUCKETS, ClientHeader
from contoffice.ui import texts


def _value(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", "figure")
    return label


class ClientHeaderWidget(QFrame):
    """Name and document on the left, balance figures on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("client_header")
        self.name_label = QLabel(self)
        self.name_label.setObjectName("name_label")
        self.name_label.setProperty("role", "title")
        self.details_label = QLabel(self)
        self.details_label.setObjectName("details_label")
        self.contacts_label = QLabel(self)
        self.contacts_label.setObjectName("contacts_label")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message_label")
        self.message_label.setProperty("role", "error")
        self.message_label.hide()
        who = QVBoxLayout()
        for widget in (
            self.name_label,
            self.details_label,
            self.contacts_label,
            self.message_label,
        ):
            who.addWidget(widget)
        figures = QGridLayout()
        self.overdue = _value("overdue_value", self)
        self.overdue.setProperty("tone", "alert")
        self.current = _value("current_value", self)
        self.paid = _value("paid_value", self)
        self.aging = [_value(f"aging_{i}_value", self) for i in range(len(AGING_BUCKETS))]
        captions = [texts.OVERDUE, texts.CURRENT, texts.PAID_12]
        for column, (caption, widget) in enumerate(
            zip(captions, (self.overdue, self.current, self.paid), strict=True)
        ):
            figures.addWidget(QLabel(caption, self), 0, column)
            figures.addWidget(widget, 1, column)
        figures.addWidget(QLabel(texts.AGING, self), 2, 0)
        for column, ((label, _first, _last), widget) in enumerate(
            zip(AGING_BUCKETS, self.aging, strict=True)
        ):
            figures.addWidget(QLabel(label, self), 3, column)
            figures.addWidget(widget, 4, column)
        self._who, self._figures = who, figures
        # Side by side when there is room, figures below the name when there is not: the
        # header never widens the window (a 1,366-pixel desk shows it whole).
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._layout.addLayout(who, 1)
        self._layout.addLayout(figures)

    def _side_by_side_width(self) -> int:
        margins = self._layout.contentsMargins()
        return (self._who.sizeHint().width() + self._figures.sizeHint().width()
                + self._layout.spacing() + margins.left() + margins.right())

    def reflow(self) -> None:
        """Put the figures beside or below the name, as the width allows."""
        wide = self.width() >= self._side_by_side_width()
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.TopToBottom)
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
            self.setMinimumHeight(self._layout.minimumSize().height() if not wide else 0)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Reflow on every width change."""
        super().resizeEvent(event)
        self.reflow()

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        """As narrow as the wider of its two blocks (they stack when the window is narrow)."""
        hint = super().minimumSizeHint()
        narrow = max(self._who.minimumSize().width(), self._figures.minimumSize().width())
        hint.setWidth(narrow + self._layout.contentsMargins().left()
                      + self._layout.contentsMargins().right())
        return hint

    def show_header(self, data: ClientHeader) -> None:
        """Fill every label from the service's header."""
        person, balances = data.person, data.balances
        self.message_label.hide()
        self.name_label.setText(person.name)
        kind = PersonKind(person.kind).label
        parts = [f"{kind} {format_document(person.document)}".strip()]
        if person.trade_name:
            parts.append(person.trade_name)
        parts.append(f"{texts.ASSIGNED}: {person.assigned_operator or '—'}")
        self.details_label.setText("  ·  ".join(parts))
        phones = [format_phone(p) for p in (person.phone, person.mobile) if p]
        place = f"{person.city}/{person.state}" if person.city else ""
        self.contacts_label.setText("  ·  ".join(p for p in (person.email, *phones, place) if p))
        self.overdue.setText(
            f"{format_money(balances.overdue_cents)} "
            f"({texts.INVOICES_COUNT.format(n=balances.overdue_count)})"
        )
        self.current.setText(
            f"{format_money(balances.current_cents)} "
            f"({texts.INVOICES_COUNT.format(n=balances.current_count)})"
        )
        self.paid.setText(format_money(balances.paid_12_months_cents))
        for widget, cents in zip(self.aging, balances.aging_cents, strict=True):
            widget.setText(format_money(cents))
        self.reflow()

    def show_message(self, message: str) -> None:
        """A problem reading the client (removed by another desk, connection lost)."""
        self.message_label.setText(message)
        self.message_label.show()
