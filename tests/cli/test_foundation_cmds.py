"""db, demo, people and invoices commands: JSON contracts scripts rely on, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from contoffice.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


@pytest.fixture
def office(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, summary, _ = run(
        capsys, "demo", "--people", "120", "--seed", "5", "--database", db_url, "--json"
    )
    assert code == 0 and summary["people"] == 120 and summary["invoices"] > 0
    return db_url


def test_db_upgrade_reports_revisions(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code, doc, _ = run(capsys, "db", "upgrade", "--database", url, "--json")
    assert code == 0 and doc["from"] is None and doc["to"]
    code, doc, _ = run(capsys, "db", "upgrade", "--database", url, "--json")
    assert doc["from"] == doc["to"]
    code, doc, _ = run(
        capsys, "db", "backup", str(tmp_path / "b.sqlite3"), "--database", url, "--json"
    )
    assert code == 0 and Path(doc["backup"]).stat().st_size > 0


def test_people_search_filters_and_json(office: str, capsys) -> None:
    code, doc, _ = run(
        capsys, "people", "search", "--document", "12.ABC", "--json", "--database", office
    )
    assert code == 0 and doc["total"] == 1
    row = doc["rows"][0]
    assert row["name"] == "Padaria Pão Quente Ltda" and row["document"] == "12ABC34501DE35"
    code, doc, _ = run(
        capsys, "people", "search", "--kind", "PF", "--inactive", "--json", "--database", office
    )
    assert doc["total"] == len(doc["rows"]) and all(
        r["kind"] == "PF" and not r["active"] for r in doc["rows"]
    )
    code, doc, _ = run(
        capsys, "people", "search", "--latest", "--limit", "5", "--json", "--database", office
    )
    dates = [r["registered_on"] for r in doc["rows"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5


def test_invoices_list_json_contract(office: str, capsys) -> None:
    _, found, _ = run(
        capsys, "people", "search", "--document", "12ABC", "--json", "--database", office
    )
    person = found["rows"][0]["id"]
    code, doc, _ = run(
        capsys, "invoices", "list", "--person", str(person), "--json", "--database", office
    )
    assert code == 0 and doc["total"] == len(doc["invoices"]) > 12
    first = doc["invoices"][0]
    assert {"id", "our_number", "due_date", "amount_cents", "status"} <= set(first)
    assert isinstance(first["amount_cents"], int)
    assert {i["status"] for i in doc["invoices"]} >= {"open", "settled"}


def test_bad_filter_value_is_one_line(office: str, capsys) -> None:
    code, _, err = run(
        capsys, "people", "search", "--registered-from", "31/02/2026", "--database", office
    )
    assert code == 2 and err.count("\n") == 1 and "inválid" in err


def test_demo_twice_is_refused_but_if_empty_is_quiet(office: str, capsys) -> None:
    code, _, err = run(capsys, "demo", "--people", "10", "--database", office)
    assert code == 2 and "já tem cadastros" in err
    code, _, _ = run(capsys, "demo", "--people", "10", "--if-empty", "--database", office)
    assert code == 0


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    proc = subprocess.run(
        [sys.executable, "-m", "contoffice", "demo", "--people", "30", "--database", url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["people"] == 30


def test_unexpected_error_is_one_line_and_logged(monkeypatch, capsys, tmp_path: Path) -> None:
    from contoffice.cli import people_cmd

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    def boom(args):
        raise RuntimeError("disco cheio")

    monkeypatch.setattr(people_cmd, "_search", boom)
    code = main(["people", "search", "--database", f"sqlite:///{tmp_path / 'x.sqlite3'}"])
    err = capsys.readouterr().err
    # The message may quote a client's data: only the type is said (tests/cli/test_error_log.py).
    assert code == 1 and err.count("\n") == 1 and "RuntimeError" in err
    assert "Traceback" in (tmp_path / "contoffice" / "contoffice-errors.log").read_text()
