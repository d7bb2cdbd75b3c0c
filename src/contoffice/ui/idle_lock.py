"""After N minutes without input the window covers itself and asks the password again.

The data stays open underneath (tabs, typed text, running work): only the input
is held back until the operator's password is checked by the login service.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QWidget,
)

from contoffice.errors import ContofficeError
from contoffice.services.admin import operators
from contoffice.services.backups import schedule
from contoffice.ui.context import WindowContext
from contoffice.ui.idle_cover import EMPTY, PROMPT, PROMPT_WIDTH, LockCover

TICK_MS = 15_000
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
    QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
})

Check = Callable[[str], object]  # the password → the actor, or ContofficeError


class IdleLock(QObject):
    """Watches the application's input; locks `window` after `minutes` without any (0: never)."""

    def __init__(self, window: QMainWindow, minutes: int, check: Check, name: str, *,
                 clock: Callable[[], float] = time.monotonic, tick_ms: int = TICK_MS) -> None:
        super().__init__(window)
        self.setObjectName("idle_lock")
        self._window, self._check, self._name, self._clock = window, check, name, clock
        self.minutes = minutes
        self.last_input = clock()
        self.cover: LockCover | None = None
        self._focus: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.check_idle)
        self.start()
        window.installEventFilter(self)  # its resizes: the cover follows

    def start(self) -> None:
        """Watch the application's input and count the minutes (counted from now)."""
        self.last_input = self._clock()
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        """The window went away: no more watching (another window may open in this process)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def locked(self) -> bool:
        """Whether the window is covered now."""
        return self.cover is not None

    def set_minutes(self, minutes: int) -> None:
        """A new limit (saved in Cópias de segurança); counted from now."""
        self.minutes = minutes
        self.last_input = self._clock()

    def check_idle(self) -> None:
        """Lock when the limit passed (the timer calls this; tests call it with their clock)."""
        if self.locked or self.minutes <= 0 or not self._window.isVisible():
            return
        if QApplication.activeModalWidget() is not None:
            return  # a dialog in front holds the input: locking waits until it closes
        if self._clock() - self.last_input >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        """Cover the window and ask the password."""
        if self.cover is not None:
            return
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and focus.window() is self._window else None
        cover = LockCover(self._window)
        cover.prompt.setText(PROMPT.format(minutes=self.minutes, name=self._name))
        # The box is fixed-width: the wrapped prompt gets the height it needs at that width.
        cover.prompt.setMinimumHeight(cover.prompt.heightForWidth(PROMPT_WIDTH) + 6)
        cover.unlock_button.clicked.connect(self.try_unlock)
        cover.password.returnPressed.connect(self.try_unlock)
        cover.quit_button.clicked.connect(self._window.close)
        cover.setGeometry(self._window.rect())
        cover.show()
        cover.raise_()
        cover.password.setFocus()
        self.cover = cover

    def try_unlock(self) -> bool:
        """Check the password typed; uncover on success, say why not otherwise."""
        cover = self.cover
        if cover is None:
            return True
        password = cover.password.text()
        cover.password.clear()
        if not password:
            cover.error.setText(EMPTY)
            return False
        try:
            self._check(password)
        except ContofficeError as error:
            cover.error.setText(str(error))
            cover.password.setFocus()
            return False
        self.cover = None
        # The caret goes back where it was, before the cover goes (no select-all on return).
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        cover.hide()
        cover.deleteLater()
        self.last_input = self._clock()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Resize and self.cover is not None:
            self.cover.setGeometry(self._window.rect())
        if watched is self._window and not event.spontaneous():
            # Closed (or hidden by the program): nothing to watch; a minimised window still is.
            if kind == QEvent.Type.Hide:
                self.stop()
            elif kind == QEvent.Type.Show:
                self.start()
        if kind not in _INPUT:
            return False
        if self.cover is None:
            if kind != QEvent.Type.MouseMove or self._inside(watched):
                self.last_input = self._clock()
            return False
        # Locked: input reaches the cover only (no shortcut, no click on what is underneath).
        return self._inside(watched) and not self._in_cover(watched)

    def _in_cover(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and self.cover is not None and (
            watched is self.cover or self.cover.isAncestorOf(watched))

    def _inside(self, watched: QObject | None) -> bool:
        """Whether the event is for this window (its widgets, its actions, its shortcuts)."""
        while watched is not None and not isinstance(watched, QWidget):
            watched = watched.parent()  # a QAction or a QShortcut: the widget that owns it
        return watched is not None and watched.window() is self._window


def install(window: QMainWindow, ctx: WindowContext) -> IdleLock:
    """The main window's lock: the office's minutes, the operator's password checked at login."""
    try:
        with ctx.db.uow() as uow:
            minutes = schedule.idle_minutes(uow)
    except ContofficeError:  # the database is down now: the default until it is back
        minutes = schedule.DEFAULT_IDLE_MINUTES

    def check(password: str) -> object:
        with ctx.db.uow() as uow:
            return operators.login(uow, ctx.actor.login, password)

    return IdleLock(window, minutes, check, ctx.actor.name)
