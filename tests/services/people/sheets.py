"""Spreadsheets an office brings from its old system, written for the import tests."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from contoffice.core.documents import format_cnpj, format_cpf, generate_cnpj, generate_cpf

HEADER = ("Código", "Nome", "CPF/CNPJ", "E-mail", "Telefone", "CEP", "Endereço", "Nº",
          "Bairro", "Cidade", "UF")


def person_row(rng: random.Random, index: int) -> list[str]:
    """One well-formed client: PF or PJ (some alphanumeric CNPJs), in São Paulo or Recife."""
    if index % 3 == 0:
        document = format_cnpj(generate_cnpj(rng, alphanumeric=index % 2 == 0))
        name = f"Empresa {index} Ltda"
    else:
        document = format_cpf(generate_cpf(rng))
        name = f"Cliente {index} da Silva"
    city, state = ("São Paulo", "SP") if index % 2 else ("recife", "pe")
    return [str(1000 + index), name, document, f"cliente{index}@exemplo.com.br",
            "(11) 3456-7890", "01310-100", "Av. Paulista", str(index), "Bela Vista", city, state]


def rows(count: int, seed: int = 7) -> list[list[str]]:
    """`count` good clients, no two with the same CPF/CNPJ."""
    rng = random.Random(seed)
    found: list[list[str]] = []
    seen: set[str] = set()
    for index in range(1, count + 1):
        row = person_row(rng, index)
        while row[2] in seen:  # random CPFs do meet among 50,000
            row = person_row(rng, index)
        seen.add(row[2])
        found.append(row)
    return found


def write_xlsx(path: Path, data: Sequence[Sequence[object]],
               header: Sequence[str] = HEADER) -> Path:
    """A first sheet with the header on row 1 and the data below."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Clientes")
    sheet.append(list(header))
    for row in data:
        sheet.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, data: Sequence[Sequence[object]], *, header: Sequence[str] = HEADER,
              delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    """CSV as Excel pt-BR saves it (`;`, Windows-1252 or UTF-8 with BOM)."""
    lines = [delimiter.join(header), *(delimiter.join(str(c) for c in row) for row in data)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
