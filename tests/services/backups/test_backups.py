"""Backups and restores on both backends: round trip, refusals, the data kept aside, rotation."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contoffice.config import is_postgresql
from contoffice.db import migrate
from contoffice.db.integrity import sqlite_path
from contoffice.services.backups import checks, naming, service
from tests.services.backups.support import marker, set_marker, set_revision

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_backup_then_restore_brings_the_data_back_and_keeps_the_current_aside(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "copias"
    set_marker(db_url, "antes")
    copy = service.backup_into(db_url, folder, NOW)
    assert copy.parent == folder and copy.name.startswith("contoffice-copia-")
    assert f"-v{naming.app_version()}" in copy.name
    assert service.check(db_url, copy) == migrate.head_revision()
    set_marker(db_url, "depois")

    result = service.restore(db_url, copy, NOW + timedelta(hours=1), folder)

    assert marker(db_url) == "antes"
    assert result.to_revision == migrate.head_revision() and result.previous is not None
    assert "antes-da-restauracao" in result.previous.name
    if is_postgresql(db_url):
        assert result.previous.parent == folder
    else:
        path = sqlite_path(db_url)
        assert path is not None and result.previous.parent == path.parent
        assert result.previous.name.startswith(f"{path.stem}.antes-da-restauracao-")
    # The data replaced is whole in the file kept aside: restoring it brings it back.
    service.restore(db_url, result.previous, NOW + timedelta(hours=2), folder)
    assert marker(db_url) == "depois"


def test_a_missing_or_empty_file_is_refused_in_portuguese(db_url: str, tmp_path: Path) -> None:
    set_marker(db_url, "intacto")
    with pytest.raises(checks.BackupRefused, match="Não foi possível ler a cópia"):
        service.restore(db_url, tmp_path / "nao-existe.sqlite3", NOW, tmp_path)
    empty = tmp_path / "vazia.dump"
    empty.write_bytes(b"")
    with pytest.raises(checks.BackupRefused, match="está vazia"):
        service.restore(db_url, empty, NOW, tmp_path)
    assert marker(db_url) == "intacto"
    assert not list(tmp_path.glob("*antes-da-restauracao*"))


def test_another_applications_file_is_not_a_contoffice_backup(
    db_url: str, tmp_path: Path
) -> None:
    other = tmp_path / "agenda.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contato (nome TEXT)")
        conn.execute("INSERT INTO contato VALUES ('Ana')")
    conn.close()
    text_file = tmp_path / "planilha.csv"
    text_file.write_text("nome;cpf\nAna;123\n", encoding="utf-8")
    set_marker(db_url, "intacto")
    for path in (text_file, other):
        with pytest.raises(checks.BackupRefused) as refused:
            service.restore(db_url, path, NOW, tmp_path)
        if is_postgresql(db_url) and path == other:
            assert "é de um banco SQLite" in str(refused.value)
        else:
            assert str(refused.value) == checks.NOT_OURS
    assert marker(db_url) == "intacto"


def test_a_backup_from_a_newer_program_is_refused_naming_the_versions(
    db_url: str, tmp_path: Path
) -> None:
    set_revision(db_url, "0099_futuro")
    future = service.backup_to(db_url, tmp_path / naming.backup_name(NOW, service.suffix_for(
        db_url), version="9.0.0"))
    set_revision(db_url, migrate.head_revision())
    set_marker(db_url, "intacto")
    with pytest.raises(checks.BackupRefused) as refused:
        service.restore(db_url, future, NOW, tmp_path)
    message = str(refused.value)
    assert "versão mais nova" in message and "versão 9.0.0" in message
    assert "0099_futuro" in message and migrate.head_revision() in message
    assert naming.app_version() in message
    assert marker(db_url) == "intacto"


def test_rotation_keeps_the_newest_n(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "copias"
    other = folder / "notas.txt"
    folder.mkdir()
    other.write_text("não é cópia")
    made = [service.backup_into(db_url, folder, NOW + timedelta(days=d), keep=2)
            for d in range(4)]
    listed = naming.list_backups(folder)
    assert [b.path for b in listed] == [made[3], made[2]]
    assert listed[0].taken_at > listed[1].taken_at and listed[0].size > 0
    assert other.exists()


def test_two_backups_in_the_same_second_both_stay(db_url: str, tmp_path: Path) -> None:
    first = service.backup_into(db_url, tmp_path, NOW)
    second = service.backup_into(db_url, tmp_path, NOW)
    assert first != second and first.exists() and second.exists()
    assert len(naming.list_backups(tmp_path)) == 2


def test_the_backup_of_the_other_backend_is_refused(db_url: str, tmp_path: Path) -> None:
    set_marker(db_url, "intacto")
    wrong = tmp_path / ("copia.sqlite3" if is_postgresql(db_url) else "copia.dump")
    wrong.write_bytes(b"SQLite format 3\x00" + bytes(100) if is_postgresql(db_url)
                      else b"PGDMP" + bytes(100))
    with pytest.raises(checks.BackupRefused, match="escolha uma cópia feita neste banco"):
        service.restore(db_url, wrong, NOW, tmp_path)
    assert marker(db_url) == "intacto"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_dump_of_another_database_is_not_a_contoffice_backup(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    server = request.getfixturevalue("pg_server")
    other = service.backup_to(server.url_for("postgres"), tmp_path / "outro.dump")
    set_marker(db_url, "intacto")
    with pytest.raises(checks.BackupRefused) as refused:
        service.restore(db_url, other, NOW, tmp_path)
    assert str(refused.value) == checks.NOT_OURS
    assert marker(db_url) == "intacto"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_new_empty_server_database_takes_a_backup(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    server = request.getfixturevalue("pg_server")
    set_marker(db_url, "do escritório")
    copy = service.backup_into(db_url, tmp_path, NOW)
    name = "novo_servidor_" + tmp_path.name[-8:].replace("-", "_").lower()
    with server.admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        result = service.restore(server.url_for(name), copy, NOW, tmp_path)
        assert result.to_revision == migrate.head_revision()
        assert marker(server.url_for(name)) == "do escritório"
    finally:
        server.drop(name)
