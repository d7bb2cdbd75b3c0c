"""The window's one change channel (Anki's `operation_did_execute(changes, initiator)`).

Every finished operation publishes its `Changes` on the `ChangeBus`; every open
grid, header and area subscribes and refreshes only what the change concerns.
A subscription coalesces bursts into one refresh (a zero-delay timer), waits
while its widget is hidden (it refreshes when shown), refreshes at once when its
own widget acted (the clerk sees the outcome immediately), and ends with its widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, replace

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from contoffice.services.kernel.results import Changes

Handler = Callable[[Changes], None]
FLAGS = tuple(f.name for f in fields(Changes) if f.name != "person_ids")


def concerns(changes: Changes, person_id: int) -> bool:
    """Whether a change may touch this person's rows (no person named means anyone)."""
    return not changes.person_ids or person_id in changes.person_ids


def scoped(changes: Changes, person_ids: Iterable[int]) -> Changes:
    """The change limited to these people, unless the service already named its own."""
    people = frozenset(person_ids)
    if changes.person_ids or not people:
        return changes
    return replace(changes, person_ids=people)


def merge(first: Changes, second: Changes) -> Changes:
    """One change saying everything two say (a broad one keeps the merge broad)."""
    flags = {name: getattr(first, name) or getattr(second, name) for name in FLAGS}
    people: frozenset[int] = frozenset()
    if first.person_ids and second.person_ids:
        people = first.person_ids | second.person_ids
    return Changes(**flags, person_ids=people)


class ChangeBus(QObject):
    """Where finished operations say what they changed; panels listen here."""

    changed = Signal(object, object)  # (Changes, initiator)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        """Tell every subscriber (the initiator is the widget that acted, if any)."""
        self.changed.emit(changes, initiator)

    def publisher(self, initiator: object, person_ids: Iterable[int] = ()) -> Handler:
        """What a tool flow calls with its outcome's Changes, scoped to these people."""
        people = frozenset(person_ids)
        return lambda changes: self.publish(scoped(changes, people), initiator)

    def subscribe(self, widget: QWidget, handler: Handler) -> Subscription:
        """Call `handler` with the merged Changes while `widget` lives (see Subscription)."""
        return Subscription(self, widget, handler)


class Subscription(QObject):
    """One widget's listening: coalesced, deferred while hidden, gone with the widget."""

    def __init__(self, bus: ChangeBus, widget: QWidget, handler: Handler) -> None:
        super().__init__(widget)  # a child: Qt drops the connection when the widget dies
        self._bus, self._widget, self._handler = bus, widget, handler
        self.pending: Changes | None = None
        self.deliveries = 0  # how many times the handler ran (tests count refreshes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        bus.changed.connect(self._received)
        widget.installEventFilter(self)

    @Slot(object, object)
    def _received(self, changes: Changes, initiator: object) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self._widget):
            return  # the widget is being destroyed
        self.pending = changes if self.pending is None else merge(self.pending, changes)
        if not self._widget.isVisible():
            return  # refreshed when shown again
        if self._acted(initiator):
            self.flush()
        else:
            self._timer.start()

    def _acted(self, initiator: object) -> bool:
        if not isinstance(initiator, QWidget) or not shiboken6.isValid(initiator):
            return False
        return initiator is self._widget or self._widget.isAncestorOf(initiator)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._widget and event.type() == QEvent.Type.Show
                and self.pending is not None):
            self.flush()
        return False

    def flush(self) -> None:
        """Hand the merged pending Changes to the handler now."""
        self._timer.stop()
        changes, self.pending = self.pending, None
        if changes is not None:
            self.deliveries += 1
            self._handler(changes)
