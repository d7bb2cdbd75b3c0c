"""The data folder is private; a PostgreSQL password comes from the keyring or libpq's file."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from contoffice import config
from contoffice.db.uow import Database
from tests.support.databases import PostgresServer

SECRET = "s3nha-do-keyring"


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database of the test cluster, its URL without a password."""
    server: PostgresServer | None = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL indisponível")
    name, url = server.new()
    assert make_url(url).password is None
    try:
        yield url
    finally:
        server.drop(name)


@pytest.fixture
def kept(pg_url: str) -> Iterator[str]:
    """The password of pg_url kept in the keyring (removed afterwards)."""
    config.store_password(pg_url, SECRET)
    try:
        yield SECRET
    finally:
        keyring.delete_password(config.KEYRING_SERVICE, config.password_key(pg_url))


def _password_used(url: str) -> str | None:
    """The password libpq connected with (the cluster trusts loopback, so any is accepted)."""
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            return conn.connection.driver_connection.info.password  # type: ignore[union-attr]
    finally:
        db.dispose()


def test_data_folder_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert stat.S_IMODE(config.data_dir().stat().st_mode) == 0o700
    (tmp_path / "contoffice").chmod(0o755)  # made by an older version
    assert stat.S_IMODE(config.data_dir().stat().st_mode) == 0o700


def test_the_key_names_user_host_port_and_database() -> None:
    assert config.password_key("postgresql+psycopg://escritorio@servidor/contoffice") == (
        "postgresql:escritorio@servidor:5432/contoffice")
    assert config.password_key("postgresql://ana@10.0.0.5:5433/livros") == (
        "postgresql:ana@10.0.0.5:5433/livros")


def test_keyring_password_goes_to_the_engine_hidden(pg_url: str, kept: str) -> None:
    url = config.connect_url(pg_url)
    assert url.password == kept
    assert kept not in str(url) and kept not in repr(url) and kept not in url.render_as_string()
    db = Database(pg_url)
    try:
        assert db.engine.url.password == kept and kept not in str(db.engine.url)
        assert kept not in db.url
    finally:
        db.dispose()
    assert _password_used(pg_url) == kept


def test_a_password_in_the_url_wins_over_the_keyring(pg_url: str, kept: str) -> None:
    own = make_url(pg_url).set(password="da-url").render_as_string(hide_password=False)
    assert config.connect_url(own).password == "da-url"


def test_no_keyring_password_leaves_libpq_its_password_file(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = make_url(pg_url)
    assert config.connect_url(pg_url).password is None
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{parts.host}:{parts.port}:{parts.database}:{parts.username}:do-arquivo\n")
    passfile.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert _password_used(pg_url) == "do-arquivo"


def test_sqlite_urls_are_left_alone() -> None:
    assert config.connect_url("sqlite:////tmp/x.sqlite3").render_as_string() == (
        "sqlite:////tmp/x.sqlite3")


def test_the_saved_database_is_used_when_nothing_else_is_given(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "dados"))
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    assert config.saved_database_url() is None
    assert config.database_url() == config.default_database_url()
    path = config.save_database_url("postgresql+psycopg://ana:segredo@servidor:5433/livros")
    assert path == tmp_path / "config" / "contoffice" / "config.json"
    assert "segredo" not in path.read_text(encoding="utf-8")  # the keyring keeps it
    saved = "postgresql+psycopg://ana@servidor:5433/livros"
    assert config.saved_database_url() == config.database_url() == saved
    assert config.database_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    monkeypatch.setenv(config.ENV_DATABASE_URL, "sqlite:////tmp/y.sqlite3")
    assert config.database_url() == "sqlite:////tmp/y.sqlite3"


def test_a_damaged_config_file_is_refused_in_portuguese(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from contoffice.errors import ContofficeError

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    config.config_file().parent.mkdir()
    for content in ("{ não é json", "[]", '{"database_url": ""}'):
        config.config_file().write_text(content, encoding="utf-8")
        with pytest.raises(ContofficeError, match=r"está danificado .* Apague-o"):
            config.database_url()
