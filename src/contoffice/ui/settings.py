"""Desk-local window state per operator (geometry, grid headers, open tabs) over QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView

SETTINGS_VERSION = 1
# Every key lives here; widgets never spell a key themselves.
KEY_VERSION = "settings_version"
KEY_LAST_LOGIN = "last_login"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_FINDER_PANEL = "finder/panel"
KEY_OPEN_CLIENTS = "window/open_clients"
KEY_ACTIVE_CLIENT = "window/active_client"  # 0: no client's tab was in front
KEY_GRID = "grids/{grid}/header"
KEY_PIVOT_ROWS = "pivot/rows"
KEY_PIVOT_COLUMNS = "pivot/columns"


class DeskSettings:
    """Typed accessors; values of an operator are kept under the operator's login."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings("contoffice", "contoffice")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self.operator = ""
        if int(self._qs.value(KEY_VERSION, 0) or 0) < SETTINGS_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        # Version 1 is the first layout: nothing older to convert.
        self._qs.setValue(KEY_VERSION, SETTINGS_VERSION)

    def _key(self, key: str) -> str:
        return f"operators/{self.operator or '_'}/{key}"

    def _get(self, key: str) -> object:
        return self._qs.value(self._key(key))

    def _set(self, key: str, value: object) -> None:
        self._qs.setValue(self._key(key), value)

    def sync(self) -> None:
        """Write to disk now."""
        self._qs.sync()

    @property
    def last_login(self) -> str:
        """The login typed last on this desk (the login dialog remembers it)."""
        return str(self._qs.value(KEY_LAST_LOGIN, "") or "")

    @last_login.setter
    def last_login(self, login: str) -> None:
        self._qs.setValue(KEY_LAST_LOGIN, login)

    def bytes_value(self, key: str) -> QByteArray | None:
        """A stored geometry/state blob."""
        value = self._get(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        """Store a geometry/state blob."""
        self._set(key, value)

    def int_value(self, key: str, default: int = 0) -> int:
        """A stored integer."""
        value = self._get(key)
        try:
            return int(value) if value is not None else default  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return default

    def set_int(self, key: str, value: int) -> None:
        """Store an integer."""
        self._set(key, value)

    def list_value(self, key: str) -> list[str]:
        """A stored list of strings."""
        value = self._get(key)
        if value is None or value == "":
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def set_list(self, key: str, values: list[str]) -> None:
        """Store a list of strings."""
        self._set(key, values)

    def save_header(self, grid: str, header: QHeaderView) -> None:
        """Column order, widths and sort of one grid."""
        self._set(KEY_GRID.format(grid=grid), header.saveState())

    def restore_header(self, grid: str, header: QHeaderView) -> bool:
        """Put back what save_header stored; False when there was nothing."""
        state = self.bytes_value(KEY_GRID.format(grid=grid))
        return bool(state) and header.restoreState(state)
