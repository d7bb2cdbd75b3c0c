"""The streaming grid export: XLSX and CSV read back typed, atomic, one query, LibreOffice."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, select

from contoffice.core.grids import ColumnKind as K
from contoffice.core.grids import ColumnSpec as C
from contoffice.core.paging import PageRequest, Sort
from contoffice.core.progress import Cancelled
from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.exports.table import MONEY_FORMAT, Table, write_table
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.grid_export import ExportFailed, export_grid
from contoffice.services.panels.grids import fetch_page

PEOPLE = ["id", "registered_on", "name", "document", "city"]
INVOICES = ["id", "description", "due_date", "amount_cents", "status"]


@pytest.fixture
def office(db: Database) -> Database:
    build_demo(db, people=30, seed=5)
    return db


def _featured(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ)))


def _expected(db: Database, key: str, request: PageRequest, person_id: int | None = None
              ) -> list[Any]:
    return fetch_page(db.uow(), key, request.with_window(0, 10**6), person_id=person_id).rows


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(raw[3:].decode("utf-8").splitlines(), delimiter=";"))


@pytest.mark.db
def test_people_grid_to_xlsx_and_csv(office: Database, actor: Actor, tmp_path: Path) -> None:
    request = PageRequest({"city": "s"}, (Sort("name", descending=True),))
    expected = _expected(office, "finder.active", request)
    assert len(expected) > 1
    sheet = load_workbook(export_grid(office, actor, "finder.active", tmp_path / "p.xlsx",
                                      request=request, column_keys=PEOPLE).path).active
    title = sheet["A1"].value
    assert title.startswith("Ribeiro & Lima Contabilidade Ltda · Cadastros ativos")
    assert "Cidade: s" in title and "ordem: Cliente decrescente" in title
    assert f"Exportado em {date.today():%d/%m/%Y}" in title
    assert [c.value for c in sheet[2]] == ["Código", "Data de cadastro", "Cliente",
                                           "Documento", "Cidade"]
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:E")
    rows = list(sheet.iter_rows(min_row=3))
    assert [r[0].value for r in rows] == [p.id for p in expected]  # filter and sort honoured
    for row, person in zip(rows, expected, strict=True):
        _code, registered, name, document, city = row
        assert isinstance(registered.value, datetime) and registered.value.date() == \
            person.registered_on and registered.number_format == "dd/mm/yyyy"
        assert name.value == person.name and city.value.lower().startswith("s")
        if person.document:
            assert document.data_type == "s" and document.number_format == "@"
    csv_rows = _csv(export_grid(office, actor, "finder.active", tmp_path / "p.csv",
                                request=request, column_keys=PEOPLE).path)
    assert csv_rows[0] == ["Código", "Data de cadastro", "Cliente", "Documento", "Cidade"]
    assert [int(r[0]) for r in csv_rows[1:]] == [p.id for p in expected]
    assert csv_rows[1][1] == f"{expected[0].registered_on:%d/%m/%Y}"


@pytest.mark.db
def test_money_dates_and_cnpj(office: Database, actor: Actor, tmp_path: Path) -> None:
    person = _featured(office)
    request = PageRequest({}, (Sort("amount_cents"),))
    expected = _expected(office, "client.receivable", request, person)
    result = export_grid(office, actor, "client.receivable", tmp_path / "f.xlsx",
                         request=request, person_id=person, column_keys=INVOICES)
    assert result.rows == len(expected) > 0
    rows = list(load_workbook(result.path).active.iter_rows(min_row=3))
    for row, invoice in zip(rows, expected, strict=True):
        code, description, due, amount, _status = row
        assert code.value == invoice.id and description.value == invoice.description
        assert due.value == datetime.combine(invoice.due_date, datetime.min.time())
        assert amount.data_type == "n" and amount.number_format == MONEY_FORMAT
        assert Decimal(str(amount.value)) == Decimal(invoice.amount_cents) / 100
    lines = _csv(export_grid(office, actor, "client.receivable", tmp_path / "f.csv",
                             request=request, person_id=person, column_keys=INVOICES).path)
    first = expected[0]
    whole, cents = divmod(first.amount_cents, 100)
    assert lines[1][2:4] == [f"{first.due_date:%d/%m/%Y}", f"{whole},{cents:02d}"]
    finder = export_grid(office, actor, "finder.active", tmp_path / "c.xlsx",
                         request=PageRequest({"text": "pão quente"}), column_keys=PEOPLE)
    cnpj = load_workbook(finder.path).active["D3"]
    assert cnpj.value == "12.ABC.345/01DE-35" and cnpj.data_type == "s"


@pytest.mark.db
def test_one_streaming_query_without_offset(office: Database, actor: Actor,
                                            tmp_path: Path) -> None:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement.upper())

    event.listen(office.engine, "before_cursor_execute", record)
    try:
        export_grid(office, actor, "finder.advanced", tmp_path / "a.xlsx")
    finally:
        event.remove(office.engine, "before_cursor_execute", record)
    selects = [s for s in seen if s.lstrip().startswith("SELECT")]
    assert not any("OFFSET" in s for s in seen)
    assert sum("FROM PERSON" in s and "COUNT(" not in s for s in selects) == 1


def test_hostile_text_and_empty_tables(tmp_path: Path) -> None:
    table = Table("Atividade", "Escritório · Atividade",
                  (C("text", "Comentário"), C("amount", "Valor", K.MONEY)))
    hostile = ['=HYPERLINK("http://example.com","x")', "+1", "@SUM(A1)", "bell\x07 x"]
    write_table(tmp_path / "h.xlsx", table, [(t, -150) for t in hostile])
    cells = list(load_workbook(tmp_path / "h.xlsx").active.iter_rows(min_row=3))
    assert [r[0].value for r in cells] == [*hostile[:3], "bell x"]
    assert all(r[0].data_type == "s" and r[1].value == -1.5 for r in cells)
    write_table(tmp_path / "h.csv", table, [(t, -150) for t in hostile])
    assert [r[0] for r in _csv(tmp_path / "h.csv")[1:4]] == [f"'{t}" for t in hostile[:3]]
    assert _csv(tmp_path / "h.csv")[1][1] == "-1,50"
    assert write_table(tmp_path / "e.xlsx", table, []) == 0
    rows = list(load_workbook(tmp_path / "e.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == ("Comentário", "Valor")  # the header even without rows


def test_a_cancel_mid_way_leaves_the_old_file(tmp_path: Path) -> None:
    table = Table("T", "T", (C("id", "Código", K.INT),))
    for name in ("x.xlsx", "x.csv"):
        target = tmp_path / name
        target.write_bytes(b"antigo")

        def rows() -> Iterator[tuple[int]]:
            yield (1,)
            raise Cancelled

        with pytest.raises(Cancelled):
            write_table(target, table, rows())
        assert target.read_bytes() == b"antigo"
    assert sorted(os.listdir(tmp_path)) == ["x.csv", "x.xlsx"]  # no .part left


def _closed_folder(tmp_path: Path) -> Path:
    if os.name == "posix" and os.geteuid() == 0:  # root ignores modes: /sys refuses files
        return Path("/sys")
    folder = tmp_path / "fechada"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.db
def test_a_folder_that_cannot_be_written(office: Database, actor: Actor,
                                         tmp_path: Path) -> None:
    folder = _closed_folder(tmp_path)
    for name in ("cadastros.xlsx", "cadastros.csv"):
        target = folder / name
        with pytest.raises(ExportFailed) as caught:
            export_grid(office, actor, "finder.advanced", target)
        assert str(caught.value) == f"Sem permissão para gravar em {target}."
        assert not target.exists() and not any(folder.glob(".cadastros*"))
    missing = tmp_path / "nao" / "existe.xlsx"
    with pytest.raises(ExportFailed, match="Pasta não encontrada"):
        export_grid(office, actor, "finder.advanced", missing)
    assert not (tmp_path / "nao").exists()


@pytest.mark.db
def test_libreoffice_opens_the_export(office: Database, actor: Actor, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice ausente: instale libreoffice-calc-nogui (make test)")
        pytest.skip("LibreOffice (soffice) não instalado")
    person = _featured(office)
    source = export_grid(office, actor, "client.receivable", tmp_path / "faturas.xlsx",
                         person_id=person, column_keys=INVOICES).path
    out = tmp_path / "convertido"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'perfil'}", "--headless",
         # CSV filter: comma-separated, quoted text, UTF-8 (76)
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out),
         str(source)],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    lines = (out / "faturas.csv").read_text(encoding="utf-8").splitlines()
    assert "Faturas a Receber" in lines[0]
    assert lines[1].startswith("Fatura,Descrição")
    first = _expected(office, "client.receivable", PageRequest(), person)[0]
    assert lines[2].startswith(f"{first.id},")
