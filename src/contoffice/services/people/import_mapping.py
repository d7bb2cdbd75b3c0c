"""Which column of an imported spreadsheet fills which field of the person: guessed or given.

A mapping is one field key per column of the sheet, in the sheet's order ("" ignores
the column). The guess reads pt-BR header names with accents, case and punctuation
ignored; a mapping file (JSON `{"Coluna da planilha": "campo"}`) corrects it. The
matching itself is `exports.columns`; these are the person's fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from contoffice.errors import InvalidInput
from contoffice.exports import columns as sheet_columns
from contoffice.exports.columns import ColumnMap, ColumnsError, FieldSpec

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_code", "Código externo",
                ("codigo", "cod", "id", "codigo do cliente", "cod cliente", "codigo cliente")),
    FieldSpec("kind", "Tipo de pessoa", ("tipo", "tipo pessoa", "pessoa", "pf pj", "pf/pj")),
    FieldSpec("name", "Nome / Razão social",
                ("nome", "razao social", "nome/razao social", "nome razao social", "cliente",
                 "nome do cliente", "nome completo", "razao", "nome ou razao social")),
    FieldSpec("trade_name", "Nome fantasia", ("fantasia",)),
    FieldSpec("document", "CPF/CNPJ",
                ("cpf", "cnpj", "cpf cnpj", "cnpj/cpf", "cnpj cpf", "documento", "doc",
                 "cpf ou cnpj", "cpf/cnpj do cliente")),
    FieldSpec("state_registration", "Inscrição estadual", ("ie", "insc estadual")),
    FieldSpec("municipal_registration", "Inscrição municipal", ("im", "insc municipal")),
    FieldSpec("email", "E-mail", ("email", "correio eletronico", "e-mail principal")),
    FieldSpec("email_cc", "E-mails em cópia",
                ("email cc", "cc", "outros e-mails", "email 2", "e-mail 2", "e-mails")),
    FieldSpec("phone", "Telefone", ("fone", "tel", "telefone fixo", "telefone 1")),
    FieldSpec("mobile", "Celular", ("cel", "whatsapp", "telefone celular", "telefone 2")),
    FieldSpec("postal_code", "CEP", ()),
    FieldSpec("street", "Logradouro", ("endereco", "rua", "logradouro/endereco")),
    FieldSpec("number", "Número", ("numero", "n", "no", "num", "nro")),
    FieldSpec("complement", "Complemento", ("compl",)),
    FieldSpec("district", "Bairro", ()),
    FieldSpec("city", "Cidade", ("municipio",)),
    FieldSpec("state", "UF", ("estado",)),
    FieldSpec("city_ibge_code", "Código IBGE",
                ("ibge", "cod ibge", "codigo do municipio", "codigo municipio")),
    FieldSpec("notes1", "Observação 1", ("observacao", "observacoes", "obs", "obs 1")),
    FieldSpec("notes2", "Observação 2", ("obs 2", "observacoes 2")),
    FieldSpec("internal_notes", "Observação interna", ("anotacoes", "obs interna")),
)
REQUIRED = ("name", "document")
MAP = ColumnMap(FIELDS, REQUIRED, ("name", "document", "email", "phone", "postal_code",
                                   "street", "number", "district", "city", "state"))
BY_KEY = MAP.by_key


def _said(error: ColumnsError) -> InvalidInput:
    return InvalidInput(error.message, field=error.field)


def field_for(text: str) -> str:
    """Our field key for a header or a field name (key or pt-BR label), or ""."""
    return MAP.field_for(text)


def guess(headers: Sequence[str]) -> tuple[str, ...]:
    """The field each column most likely holds; each field goes to its first column only."""
    return MAP.guess(headers)


def read_mapping_file(path: Path) -> dict[str, str]:
    """The {column: field} pairs of a JSON mapping file (checked against the sheet later)."""
    try:
        return sheet_columns.read_mapping_file(path)
    except ColumnsError as error:
        raise _said(error) from None


def apply_mapping(headers: Sequence[str], given: Mapping[str, str]) -> tuple[str, ...]:
    """The guess, corrected by the clerk's {column: field} pairs ("" ignores a column)."""
    try:
        return MAP.apply(headers, given)
    except ColumnsError as error:
        raise _said(error) from None


def check(headers: Sequence[str], columns: Sequence[str], header_row: int) -> None:
    """Refuse a mapping that fills no name or no document, or one field twice."""
    try:
        MAP.check(headers, columns, header_row)
    except ColumnsError as error:
        raise _said(error) from None
