"""`contoffice bank …` on both backends: remittance, test return, import, report, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from contoffice.banking.cnab.remittance import read_remittance
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import run
from tests.services.bank_files import support as s


def test_a_remittance_and_its_return_through_the_command_line(
        db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    profile = s.office(db, 4)
    s.bill(db, actor)
    out = tmp_path / "remessa.rem"
    preview = run(capsys, db_url, "bank", "remittance", "--profile", str(profile),
                  "--dry-run", "--json")
    assert preview.code == 0 and preview.json["titles"] == 4 and not out.exists()
    made = run(capsys, db_url, "bank", "remittance", "--profile", str(profile), "-o", str(out),
               "--json")
    assert made.code == 0, made.err
    assert len(read_remittance(out.read_bytes()).details) == 4
    again = run(capsys, db_url, "bank", "remittance-file", str(made.json["remittance_id"]),
                "-o", str(tmp_path / "copia.rem"))
    assert again.code == 0 and (tmp_path / "copia.rem").read_bytes() == out.read_bytes()
    nothing = run(capsys, db_url, "bank", "remittance", "--profile", str(profile), "-o",
                  str(tmp_path / "vazia.rem"))
    assert nothing.code == 2 and "Nenhuma fatura aguarda remessa" in nothing.err

    answer = tmp_path / "retorno.ret"
    assert run(capsys, db_url, "bank", "test-return", str(made.json["remittance_id"]),
               "--paid", "2", "-o", str(answer)).code == 0
    dry = run(capsys, db_url, "bank", "import-return", str(answer), "--dry-run", "--json")
    assert dry.code == 0 and dry.json["dry_run"] and dry.json["return_id"] is None
    sheet = tmp_path / "retorno.xlsx"
    done = run(capsys, db_url, "bank", "import-return", str(answer), "--xlsx", str(sheet),
               "--json")
    assert done.code == 0, done.err
    assert done.json["counts"] == {"settled": 2, "confirmed": 2}
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Linha", "Nosso número", "Fatura") and len(rows) == 5
    assert {r[5] for r in rows[1:]} == {"Liquidada", "Entrada confirmada"}
    twice = run(capsys, db_url, "bank", "import-return", str(answer))
    assert twice.code == 2 and "já foi importado" in twice.err
    listed = run(capsys, db_url, "bank", "returns", "--json")
    assert [r["settled"] for r in listed.json] == [2]
    report = run(capsys, db_url, "bank", "return-report", str(listed.json[0]["id"]), "--json")
    assert report.json["counts"] == {"settled": 2, "confirmed": 2}


def test_a_bad_return_is_one_line_with_its_line_number(
        db: Database, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    s.office(db, 1)
    bad = tmp_path / "ruim.ret"
    bad.write_bytes(b"02RETORNO01COBRANCA" + b" " * 381 + b"\r\n1" + b"X" * 420 + b"\r\n")
    ran = run(capsys, db_url, "bank", "import-return", str(bad))
    assert ran.code == 2
    assert ran.err.startswith("contoffice: Arquivo de retorno recusado, linha ")
    assert "Nada foi importado" in ran.err and "Traceback" not in ran.err
    missing = run(capsys, db_url, "bank", "import-return", str(tmp_path / "nao-existe.ret"))
    assert missing.code != 0 and "não" in missing.err.lower()
