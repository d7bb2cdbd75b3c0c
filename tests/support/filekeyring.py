"""A keyring backend in one JSON file, so test processes share secrets (no D-Bus on CI).

Point CONTOFFICE_TEST_KEYRING at the file and PYTHON_KEYRING_BACKEND at
`filekeyring.FileKeyring` (tests/support on PYTHONPATH) in the child's environment.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ["CONTOFFICE_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        store = self._load()
        store[f"{service}\\n{username}"] = password
        self._path().write_text(json.dumps(store), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        store = self._load()
        if store.pop(f"{service}\\n{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._path().write_text(json.dumps(store), "utf-8")
