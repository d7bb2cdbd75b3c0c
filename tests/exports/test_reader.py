"""Reading the spreadsheets an office brings: XLSX and CSV, rows numbered as the clerk sees them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from contoffice.exports.reader import SheetError, decode, delimiter, read_sheet, read_sheet_bytes


def _xlsx(path: Path, rows: list[list[object]], merge: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(number, column, value)
    for ref in merge:
        sheet.merge_cells(ref)
    book.save(path)
    return path


def test_xlsx_header_rows_and_their_sheet_numbers(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "clientes.xlsx", [
        [None], ["Nome", "CPF", "Cadastro", "CEP"], ["Ana  Souza ", 12345678909, None, 1310100],
        [None, None], ["José", "529.982.247-25", date(2024, 3, 5), "01310-100"],
    ])
    sheet = read_sheet(path)
    assert sheet.name == "clientes.xlsx" and sheet.header_row == 2
    assert sheet.headers == ("Nome", "CPF", "Cadastro", "CEP")
    assert [(r.number, r.cells) for r in sheet.rows] == [
        (3, ("Ana Souza", "12345678909", "", "1310100")),
        (5, ("José", "529.982.247-25", "05/03/2024", "01310-100")),
    ]


def test_merged_cells_are_refused_with_their_range_and_rows(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "m.xlsx", [["Nome", "CPF"], ["Ana", "1"], ["Bia", "2"], ["Caio", "3"]],
                 merge=("A3:A4", "A1:B1"))
    with pytest.raises(SheetError) as refused:
        read_sheet(path)
    text = str(refused.value)
    assert "células mescladas" in text
    assert "A3:A4 (linhas 3 a 4)" in text and "A1:B1 (linha 1)" in text


def test_csv_semicolon_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("Nome;Cidade;UF\r\nJoão Ção;São Paulo;SP\r\n;;\r\nMaria;Jundiaí;sp\r\n"
                     .encode("cp1252"))
    sheet = read_sheet(path)
    assert sheet.headers == ("Nome", "Cidade", "UF")
    assert [(r.number, r.cells) for r in sheet.rows] == [
        (2, ("João Ção", "São Paulo", "SP")), (4, ("Maria", "Jundiaí", "sp"))]


def test_csv_comma_utf8_with_bom_and_quoted_fields(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes('Nome,Endereço\n"Silva, Ana","Rua A, 10"\nBia,Rua B\n'.encode("utf-8-sig"))
    sheet = read_sheet(path)
    assert sheet.headers == ("Nome", "Endereço")
    assert [r.cells for r in sheet.rows] == [("Silva, Ana", "Rua A, 10"), ("Bia", "Rua B")]
    assert [r.number for r in sheet.rows] == [2, 3]


def test_delimiter_and_encoding_detection() -> None:
    assert delimiter("a;b,c;d\n1;2;3") == ";"
    assert delimiter('"x;y",b,c\n') == ","
    assert delimiter("a\tb\tc") == "\t"
    assert delimiter("só uma coluna") == ";"
    assert decode("Conceição".encode("cp1252")) == "Conceição"
    assert decode("Conceição".encode()) == "Conceição"


def test_short_rows_are_padded_and_longer_ones_cut_to_the_header() -> None:
    sheet = read_sheet_bytes(b"Nome;CPF\nAna\nBia;1;extra\n", "x.csv")
    assert [r.cells for r in sheet.rows] == [("Ana", ""), ("Bia", "1")]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "vazia"),
    (b";;\n;;\n", "vazia"),
    (b"\xd0\xcf\x11\xe0rest", ".xls"),
    (b"PK\x03\x04not really a zip", "danificado"),
])
def test_unreadable_files_say_why(data: bytes, message: str) -> None:
    with pytest.raises(SheetError) as refused:
        read_sheet_bytes(data, "planilha.xlsx" if data.startswith(b"PK") else "p.csv")
    assert message in str(refused.value)


def test_xlsx_with_shared_strings_as_excel_saves_it(tmp_path: Path) -> None:
    from rustpy_xlsxwriter import write_worksheet

    path = tmp_path / "excel.xlsx"
    write_worksheet([{"Nome": "Ana", "Cidade": "São Paulo", "Nº": 12},
                     {"Nome": "Bia", "Cidade": "São Paulo", "Nº": 7.5}], str(path),
                    dedupe_strings=True)
    sheet = read_sheet(path)
    assert sheet.headers == ("Nome", "Cidade", "Nº")
    assert [(r.number, r.cells) for r in sheet.rows] == [
        (2, ("Ana", "São Paulo", "12")), (3, ("Bia", "São Paulo", "7.5"))]


class _StopAtOnce:
    def __init__(self) -> None:
        self.steps: list[tuple[int, str]] = []

    def step(self, done: int, total: int, label: str = "") -> None:
        self.steps.append((done, label))

    def cancelled(self) -> bool:
        return len(self.steps) >= 2


def test_a_large_xlsx_reports_rows_read_and_can_be_cancelled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contoffice.core.progress import Cancelled
    from contoffice.exports import reader

    monkeypatch.setattr(reader, "READ_STEP", 3)
    path = _xlsx(tmp_path / "big.xlsx", [["Nome"], *[[f"Cliente {n}"] for n in range(20)]])
    progress = _StopAtOnce()
    with pytest.raises(Cancelled):
        read_sheet(path, progress)
    assert progress.steps == [(3, reader.READING), (6, reader.READING)]
