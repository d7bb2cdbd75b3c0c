"""`contoffice db password`: the PostgreSQL password goes to the keyring, never to the screen."""

from __future__ import annotations

import keyring
import pytest

from contoffice import config
from contoffice.cli import main
from contoffice.services.kernel import messages

URL = "postgresql+psycopg://escritorio@servidor-teste:5432/contoffice"


def test_password_from_the_environment_is_kept_in_the_keyring(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTOFFICE_DB_PASSWORD", "muito-secreta")
    try:
        assert main(["db", "password", "--url", URL]) == 0
        out, err = capsys.readouterr()
        assert keyring.get_password("contoffice", "postgresql:escritorio@servidor-teste:5432/"
                                    "contoffice") == "muito-secreta"
        assert "muito-secreta" not in out + err and config.password_key(URL) in out
        assert config.connect_url(URL).password == "muito-secreta"
    finally:
        keyring.delete_password(config.KEYRING_SERVICE, config.password_key(URL))


@pytest.mark.parametrize(("url", "message"), [
    ("sqlite:////tmp/x.sqlite3", messages.DB_PASSWORD_NOT_POSTGRES),
    ("isto não é uma URL", messages.DB_PASSWORD_NOT_POSTGRES),
    ("postgresql://escritorio:abc@servidor/contoffice", messages.DB_PASSWORD_IN_URL),
])
def test_refusals_are_one_line(url: str, message: str, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONTOFFICE_DB_PASSWORD", "x")
    assert main(["db", "password", "--url", url]) == 2
    assert capsys.readouterr().err == f"contoffice: {message}\n"


def test_an_empty_password_is_not_kept(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONTOFFICE_DB_PASSWORD", "")
    assert main(["db", "password", "--url", URL]) == 2
    assert messages.DB_PASSWORD_EMPTY in capsys.readouterr().err
    assert keyring.get_password(config.KEYRING_SERVICE, config.password_key(URL)) is None
