"""The idle lock: the window covers itself after N minutes without input and asks the password."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow

from contoffice.db.uow import Database
from contoffice.services.admin import operators
from contoffice.services.backups import schedule
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.idle_cover import EMPTY
from contoffice.ui.idle_lock import IdleLock
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings
from tests.support.cli_login import CLI_LOGIN, CLI_PASSWORD, add_operator


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot: Any, db_url: str, db: Database) -> tuple[QMainWindow, IdleLock, Clock]:
    add_operator(db_url)
    clock = Clock()
    main = QMainWindow()
    main.setCentralWidget(QLineEdit(main))
    qtbot.addWidget(main)
    main.resize(800, 600)
    main.show()

    def check(password: str) -> Actor:
        with db.uow() as uow:
            return operators.login(uow, CLI_LOGIN, password)

    lock = IdleLock(main, 15, check, "Operador caixa", clock=clock, tick_ms=3_600_000)
    return main, lock, clock


def test_it_locks_after_the_minutes_without_input_and_input_resets_the_count(
    window: tuple[QMainWindow, IdleLock, Clock], qtbot: Any
) -> None:
    main, lock, clock = window
    edit = main.centralWidget()
    clock.now += 14 * 60
    lock.check_idle()
    assert not lock.locked
    qtbot.keyClicks(edit, "Padaria")  # typing counts as use: the 15 minutes start again
    clock.now += 14 * 60
    lock.check_idle()
    assert not lock.locked
    clock.now += 60
    lock.check_idle()
    assert lock.locked and lock.cover is not None and lock.cover.isVisible()
    assert lock.cover.geometry() == main.rect()
    assert "Operador caixa" in lock.cover.prompt.text()


def test_while_locked_nothing_underneath_takes_input_and_the_data_stays(
    window: tuple[QMainWindow, IdleLock, Clock], qtbot: Any
) -> None:
    main, lock, clock = window
    edit = main.centralWidget()
    qtbot.keyClicks(edit, "Pao Quente")
    lock.lock()
    qtbot.keyClicks(edit, " e mais")
    assert edit.text() == "Pao Quente"
    cover = lock.cover
    assert cover is not None
    qtbot.mouseClick(cover.unlock_button, Qt.MouseButton.LeftButton)
    assert cover.error.text() == EMPTY and lock.locked
    qtbot.keyClicks(cover.password, "errada")
    qtbot.keyClick(cover.password, Qt.Key.Key_Return)
    assert cover.error.text() == messages.LOGIN_FAILED and lock.locked
    assert cover.password.text() == ""
    qtbot.keyClicks(cover.password, CLI_PASSWORD)
    qtbot.mouseClick(cover.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked and not cover.isVisible()
    assert edit.text() == "Pao Quente"  # what was typed before the lock is still there
    qtbot.keyClicks(edit, "!")
    assert edit.text() == "Pao Quente!"
    clock.now += 15 * 60 - 1  # counted again from the unlock
    lock.check_idle()
    assert not lock.locked


def test_zero_minutes_never_locks(window: tuple[QMainWindow, IdleLock, Clock]) -> None:
    _main, lock, clock = window
    lock.set_minutes(0)
    clock.now += 24 * 3600
    lock.check_idle()
    assert not lock.locked


def test_the_main_window_locks_after_the_offices_minutes(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings
) -> None:
    with demo_db.uow() as uow:
        schedule.save(uow, demo_actor, schedule.BackupSchedule(), 3)
    main = MainWindow(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(main)
    assert main.idle_lock.minutes == 3 and not main.idle_lock.locked


def test_a_locked_window_runs_no_shortcut_and_other_windows_are_untouched(
    window: tuple[QMainWindow, IdleLock, Clock], qtbot: Any
) -> None:
    main, lock, _clock = window
    fired: list[str] = []
    action = QAction("Atualizar", main)
    action.setShortcut(QKeySequence("F5"))
    action.triggered.connect(lambda: fired.append("principal"))
    main.addAction(action)
    other = QMainWindow()
    other.setCentralWidget(QLineEdit(other))
    qtbot.addWidget(other)
    other.show()
    lock.lock()
    qtbot.keyClick(main.centralWidget(), Qt.Key.Key_F5)
    qtbot.keyClicks(other.centralWidget(), "outra janela")
    assert fired == [] and other.centralWidget().text() == "outra janela"
    assert lock.try_unlock() is False  # nothing typed yet
    qtbot.keyClicks(lock.cover.password, CLI_PASSWORD)
    assert lock.try_unlock()
    qtbot.keyClick(main.centralWidget(), Qt.Key.Key_F5)
    assert fired == ["principal"]


def test_a_closed_window_stops_watching(window: tuple[QMainWindow, IdleLock, Clock]) -> None:
    main, lock, clock = window
    main.close()
    assert not lock.timer.isActive()
    clock.now += 3600
    lock.check_idle()
    assert not lock.locked
