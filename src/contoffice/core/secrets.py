"""Passwords and tokens of the office's servers, kept in the OS keyring and nowhere else.

A desk without a usable keyring (a headless Linux box has none: keyring answers with its
"fail" backend) keeps what the clerk types in this process's memory for the run only; the
window says so and asks again on the next run. Nothing here logs or repeats a secret.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

SERVICE = "contoffice"  # the keyring service name, shared with the database password


def smtp_key(username: str, host: str) -> str:
    """An SMTP login's keyring entry, e.g. "smtp:ana@exemplo.com.br@smtp.exemplo.com.br".

    Without the port: moving an account from 587 (STARTTLS) to 465 (TLS) keeps its password.
    """
    return f"smtp:{username}@{host.lower()}"


def sms_key(url: str) -> str:
    """The keyring entry of an SMS gateway's token, named after the gateway's host and path."""
    parts = urlsplit(url)
    return f"sms:{parts.netloc.lower()}{parts.path}"


class SecretStore:
    """The OS keyring, or this run's memory where the desk has no keyring."""

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()

    def keyring_available(self) -> bool:
        """Whether secrets outlive this run (a real keyring backend answers)."""
        try:
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
            return not isinstance(backend, fail.Keyring | null.Keyring)
        except Exception:  # a backend that does not even load is no keyring
            return False

    def get(self, key: str) -> str | None:
        """The secret kept under `key`, or None."""
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        if not self.keyring_available():
            return None
        try:
            import keyring

            return keyring.get_password(SERVICE, key)
        except Exception:  # a locked or broken keyring reads as "nothing kept"
            return None

    def put(self, key: str, secret: str) -> bool:
        """Keep `secret`; True when the OS keyring took it, False when only this run has it."""
        if self.keyring_available():
            try:
                import keyring

                keyring.set_password(SERVICE, key, secret)
                with self._lock:
                    self._memory.pop(key, None)
                return True
            except Exception:  # refused (locked, no permission): fall back to memory
                pass
        with self._lock:
            self._memory[key] = secret
        return False

    def forget(self, key: str) -> None:
        """Drop the secret from memory and from the keyring."""
        with self._lock:
            self._memory.pop(key, None)
        if not self.keyring_available():
            return
        try:
            import keyring

            keyring.delete_password(SERVICE, key)
        except Exception:  # nothing kept there: nothing to drop
            return


STORE = SecretStore()
