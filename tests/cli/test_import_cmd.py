"""`contoffice import people FILE`: dry run, all or nothing, refused rows with their numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contoffice.cli import main
from contoffice.db.uow import Database
from contoffice.services.people import finder
from tests.services.people import sheets

pytestmark = pytest.mark.db


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _people(url: str) -> list[str]:
    db = Database(url)
    try:
        from contoffice.core.paging import PageRequest

        return [r.name for r in finder.search_people(db.uow(), PageRequest(limit=1000)).rows]
    finally:
        db.dispose()


def _sheet(tmp_path: Path, *, bad: bool) -> Path:
    data = sheets.rows(6)
    if bad:
        data[3][2] = "111.222.333-44"  # row 5
        data[5][9] = "Atlântida"  # row 7
    return sheets.write_csv(tmp_path / "clientes.csv", data, encoding="cp1252")


def test_dry_run_json_lists_refused_rows_and_writes_nothing(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "people", str(_sheet(tmp_path, bad=True)),
                         "--dry-run", "--json", "--database", db_url)
    assert code == 4, err
    doc = json.loads(out)
    assert (doc["dry_run"], doc["applied"], doc["rows"], doc["accepted"]) == (True, False, 6, 4)
    assert [(r["row"], r["reason"][:12]) for r in doc["refused"]] == [
        (5, "CPF inválido"), (7, "Cidade desco")]
    assert {"column": "Nº", "field": "number"} in doc["columns"]
    assert [(x["row"], x["outcome"], x["code"]) for x in doc["lines"]] == [
        (2, "create", None), (3, "create", None), (4, "create", None), (5, "refused", None),
        (6, "create", None), (7, "refused", None)]
    assert _people(db_url) == []


def test_apply_refuses_the_whole_file_then_skip_refused_imports_the_rest(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_sheet(tmp_path, bad=True))
    code, out, err = run(capsys, "import", "people", path, "--database", db_url)
    assert code == 4
    assert "linha 5 (Cliente 4 da Silva): CPF inválido" in out and "nada foi importado" in err
    assert _people(db_url) == []
    code, out, err = run(capsys, "import", "people", path, "--skip-refused", "--json",
                         "--database", db_url)
    assert code == 4, err
    doc = json.loads(out)
    assert doc["applied"] is True and [c["row"] for c in doc["created"]] == [2, 3, 4, 6]
    codes = {c["row"]: c["code"] for c in doc["created"]}
    assert [x["code"] for x in doc["lines"]] == [codes[2], codes[3], codes[4], None, codes[6],
                                                 None]
    assert len(_people(db_url)) == 4


def test_a_clean_file_imports_with_exit_zero(db_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "people", str(_sheet(tmp_path, bad=False)),
                         "--database", db_url)
    assert code == 0, err
    assert "Importado(s) 6 cadastro(s) de clientes.csv" in out
    assert len(_people(db_url)) == 6


def test_mapping_file_fixes_a_header_the_guess_cannot_read(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ("Ref", "Razão do freguês", "Identificação", *sheets.HEADER[3:])
    path = str(sheets.write_xlsx(tmp_path / "x.xlsx", sheets.rows(3), header=header))
    code, _out, err = run(capsys, "import", "people", path, "--dry-run", "--database", db_url)
    assert code == 2
    assert "não tem coluna para: Nome / Razão social, CPF/CNPJ" in err
    assert "«Razão do freguês», «Identificação»" in err
    mapping = tmp_path / "mapa.json"
    mapping.write_text(json.dumps({"Razão do freguês": "name", "Identificação": "document",
                                   "Ref": "external_code"}), encoding="utf-8")
    code, _out, err = run(capsys, "import", "people", path, "--mapping", str(mapping),
                         "--database", db_url)
    assert code == 0, err
    assert len(_people(db_url)) == 3


def test_merged_cells_and_bad_mapping_are_one_line_with_exit_two(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Nome", "CPF"])
    book.active.append(["Ana", "1"])
    book.active.merge_cells("A2:B2")
    book.save(tmp_path / "m.xlsx")
    code, _out, err = run(capsys, "import", "people", str(tmp_path / "m.xlsx"),
                          "--database", db_url)
    assert code == 2 and "A2:B2 (linha 2)" in err and len(err.strip().splitlines()) == 1
    mapping = tmp_path / "mapa.json"
    mapping.write_text('{"Nome": "apelido"}', encoding="utf-8")
    code, _out, err = run(capsys, "import", "people", str(_sheet(tmp_path, bad=False)),
                          "--mapping", str(mapping), "--database", db_url)
    assert code == 2 and "Campo «apelido» desconhecido" in err


def test_contracts_after_the_clients(db_url: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    clients = sheets.rows(2)
    code, _out, err = run(capsys, "import", "people", str(sheets.write_csv(
        tmp_path / "clientes.csv", clients)), "--database", db_url)
    assert code == 0, err
    path = sheets.write_csv(tmp_path / "contratos.csv", [
        [clients[0][2], "Contábil", "500,00", "01/02/2026", "10"],
        [clients[1][2], "Fiscal", "-1", "", ""],
    ], header=("CPF/CNPJ", "Plano", "Valor", "Início", "Vencimento"))
    code, out, err = run(capsys, "import", "contracts", str(path), "--dry-run", "--json",
                         "--database", db_url)
    assert code == 4, err
    doc = json.loads(out)
    assert [(x["row"], x["outcome"]) for x in doc["lines"]] == [(2, "create"), (3, "refused")]
    code, out, err = run(capsys, "import", "contracts", str(path), "--skip-refused",
                         "--database", db_url)
    assert code == 4, err
    assert "Importado(s) 1 contrato(s) de contratos.csv" in out
    assert "linha 3 (Cliente 2 da Silva):" in out


def test_open_invoices_after_the_clients(db_url: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    clients = sheets.rows(1)
    code, _out, err = run(capsys, "import", "people", str(sheets.write_csv(
        tmp_path / "clientes.csv", clients)), "--database", db_url)
    assert code == 0, err
    path = sheets.write_csv(tmp_path / "abertas.csv", [
        [clients[0][2], "250,00", "05/01/2027"], [clients[0][2], "250,00", "05/02/2027"]],
        header=("CPF/CNPJ", "Valor", "Vencimento"))
    code, out, err = run(capsys, "import", "invoices", str(path), "--json",
                         "--database", db_url)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["applied"] is True and [c["row"] for c in doc["created"]] == [2, 3]
    code, out, err = run(capsys, "import", "invoices", str(path), "--dry-run",
                         "--database", db_url)
    assert code == 4 and "linha 2 (Cliente 1 da Silva): O cliente já tem a fatura" in out
