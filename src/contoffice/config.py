"""What the process needs to start: the database URL and the user data folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from platformdirs import user_config_path, user_data_path
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from contoffice.errors import ContofficeError

APP_NAME = "contoffice"
ENV_DATABASE_URL = "CONTOFFICE_DATABASE_URL"
KEYRING_SERVICE = "contoffice"
PRIVATE_FOLDER = 0o700
CONFIG_FILE = "config.json"  # the database the first-run wizard chose (never its password)
CONFIG_DAMAGED = ("O arquivo de configuração {path} está danificado ({reason}). Apague-o e abra "
                  "o contoffice de novo para refazer a configuração.")


def data_dir() -> Path:
    """The per-user data folder (created on demand), readable by the user only."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    # A folder made by an older version (or under another umask) is tightened too.
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_FOLDER)
    return path


def default_database_url() -> str:
    """The embedded SQLite file in the user data folder."""
    return f"sqlite:///{data_dir() / 'contoffice.sqlite3'}"


def database_url(explicit: str | None = None) -> str:
    """The URL to use: an explicit one, else the environment, else the saved one, else the file."""
    return (explicit or os.environ.get(ENV_DATABASE_URL) or saved_database_url()
            or default_database_url())


def config_file() -> Path:
    """The user's config file (platformdirs user_config_path), present once the wizard ran."""
    return user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE


def saved_database_url() -> str | None:
    """The database URL saved in the user's config file (None when there is no file).

    A file that cannot be read as the wizard wrote it is refused, not skipped: opening the
    embedded file instead of the office's server would look like an empty office.
    """
    path = config_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError:
        raise _damaged(path, "não pôde ser lido") from None
    except ValueError:
        raise _damaged(path, "conteúdo inválido") from None
    url = data.get("database_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url:
        raise _damaged(path, "sem o banco de dados")
    return url


def _damaged(path: Path, reason: str) -> ContofficeError:
    return ContofficeError(CONFIG_DAMAGED.format(path=path, reason=reason))


def save_database_url(url: str | URL) -> Path:
    """Keep the chosen database URL, without its password, in the user's config file."""
    parsed = make_url(url)
    # The password lives in the keyring only (URL.set cannot clear it).
    parsed = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                        parsed.database, parsed.query)
    path = config_file()
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    document = {"database_url": parsed.render_as_string(hide_password=False)}
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)  # atomic: a crash leaves the old file or the new one, never half
    return path


def is_postgresql(url: str | URL) -> bool:
    """Whether the URL names a PostgreSQL database (False for text that is no URL)."""
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


def has_password(url: str | URL) -> bool:
    """Whether the URL carries a password of its own."""
    return make_url(url).password is not None


def password_key(url: str | URL) -> str:
    """The keyring username of a PostgreSQL URL's password (service "contoffice").

    The key is "postgresql:<user>@<host>:<port>/<database>" with the URL's own user,
    host and database (empty when the URL leaves them out) and port 5432 when it has
    none: e.g. "postgresql:escritorio@servidor:5432/contoffice". The password is
    kept there by `contoffice db password --url URL` (or any keyring tool).
    """
    parsed = make_url(url)
    return (f"postgresql:{parsed.username or ''}@{parsed.host or ''}:{parsed.port or 5432}"
            f"/{parsed.database or ''}")


def connect_url(url: str) -> URL:
    """The URL to connect with: a PostgreSQL URL without a password gets the keyring's.

    Without one in the keyring the URL stays without a password, so libpq reads
    PGPASSFILE (or ~/.pgpass) as usual. The password never shows when the URL is
    printed: str(URL) and render_as_string() hide it.
    """
    parsed = make_url(url)
    if not is_postgresql(parsed) or has_password(parsed):
        return parsed
    password = keyring_password(parsed)
    return parsed if password is None else parsed.set(password=password)


def keyring_password(url: str | URL) -> str | None:
    """The password the OS keyring keeps for a PostgreSQL URL (None if none or no keyring)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, password_key(url))
    # No usable keyring on this desk (none installed, a backend that does not load, no
    # D-Bus session): connect without, so libpq's password file still works.
    except Exception:
        return None


def store_password(url: str | URL, password: str) -> str:
    """Keep a PostgreSQL URL's password in the OS keyring; returns the key used."""
    import keyring

    key = password_key(url)
    keyring.set_password(KEYRING_SERVICE, key, password)
    return key
