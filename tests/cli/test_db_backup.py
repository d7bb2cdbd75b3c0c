"""`db backup`, `db restore` and `db backups` on both backends, as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contoffice.cli import main
from contoffice.config import is_postgresql
from contoffice.db import migrate
from contoffice.services.backups import checks
from tests.services.backups.support import marker, set_marker


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


def test_backup_list_and_restore_round_trip(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "copias"
    set_marker(db_url, "antes")
    code, doc, err = run(capsys, "db", "backup", "--folder", str(folder),
                         "--database", db_url, "--json")
    assert code == 0, err
    copy = Path(doc["backup"])
    assert copy.parent == folder
    assert copy.suffix == (".dump" if is_postgresql(db_url) else ".sqlite3")
    code, doc, _ = run(capsys, "db", "backups", "--folder", str(folder), "--json")
    assert code == 0 and [b["file"] for b in doc["backups"]] == [str(copy)]
    assert doc["backups"][0]["size"] == copy.stat().st_size
    set_marker(db_url, "depois")

    code, doc, err = run(capsys, "db", "restore", str(copy), "--yes", "--database", db_url,
                         "--json")

    assert code == 0, err
    assert doc["restored_from"] == str(copy) and doc["revision"] == migrate.head_revision()
    assert doc["previous"] and "antes-da-restauracao" in doc["previous"]
    assert marker(db_url) == "antes"


def test_the_text_listing_names_the_files_newest_first(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        assert main(["db", "backup", "--folder", str(tmp_path), "--database", db_url]) == 0
    out = capsys.readouterr().out
    assert out.count("Backup gravado e verificado") == 2
    assert main(["db", "backups", "--folder", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Cópias de segurança em {tmp_path}:"
    names = [line.split()[-1] for line in lines[1:]]
    assert len(names) == 2 and names == sorted(names, reverse=True)
    assert all(f"versão {name.split('-v')[-1].rsplit('.', 1)[0]}" in line
               for name, line in zip(names, lines[1:], strict=True))


def test_restoring_another_applications_file_fails_in_one_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notas.txt"
    other.write_text("não sou uma cópia", encoding="utf-8")
    set_marker(db_url, "intacto")
    code, _, err = run(capsys, "db", "restore", str(other), "--yes", "--database", db_url)
    assert code == 2 and err.strip() == f"contoffice: {checks.NOT_OURS}"
    code, _, err = run(capsys, "db", "restore", str(tmp_path / "sumiu.dump"), "--yes",
                       "--database", db_url)
    assert code == 2 and "Não foi possível ler a cópia de segurança" in err
    assert "Traceback" not in err and marker(db_url) == "intacto"


def test_an_empty_folder_lists_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    assert main(["db", "backups", "--folder", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == f"Nenhuma cópia de segurança em {tmp_path}."


def test_backup_to_a_named_file_on_both_backends(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pendrive" / "copia-do-mes.bak"
    code, doc, err = run(capsys, "db", "backup", str(target), "--database", db_url, "--json")
    assert code == 0, err
    assert doc["backup"] == str(target) and target.stat().st_size > 0
    assert main(["db", "restore", str(target), "--database", db_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Banco de dados restaurado da cópia {target}.")
    assert "Os dados anteriores foram guardados em" in out
