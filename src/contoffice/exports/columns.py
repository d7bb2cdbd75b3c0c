"""Which column of a spreadsheet fills which field: guessed from the header, corrected by hand.

A mapping is one field key per column of the sheet, in the sheet's order ("" ignores the
column). Headers are compared with accents, case and punctuation ignored ("Nº." is "no").
Each import states its fields (`FieldSpec`) and which of them are required.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from contoffice.core.text import fold
from contoffice.core.validation import ValidationError

WRONG_HEADER = (
    "O cabeçalho da planilha (linha {row}) não tem coluna para: {missing}. "
    "Colunas encontradas: {found}. Colunas esperadas (entre outras): {expected}. "
    "Corrija o cabeçalho ou informe o mapeamento das colunas."
)
NO_HEADERS = "(nenhuma)"
MAPPING_UNREADABLE = "Arquivo de mapeamento ilegível: {reason}."
MAPPING_NOT_OBJECT = (
    'O arquivo de mapeamento deve ser um objeto JSON {{"Coluna da planilha": "campo"}}.')
MAPPING_UNKNOWN_COLUMN = (
    "O mapeamento cita a coluna «{column}», que a planilha não tem. Colunas da planilha: {found}.")
MAPPING_UNKNOWN_FIELD = (
    "Campo «{field}» desconhecido no mapeamento da coluna «{column}». Use: {fields}.")
MAPPING_FIELD_TWICE = "O campo {field} foi escolhido para duas colunas: «{first}» e «{second}»."
MAPPING_WIDTH = "O mapeamento tem {given} colunas, mas a planilha tem {expected}."
_PUNCTUATION = re.compile(r"[\s._\-:;#()/\\º°ª]+")


class ColumnsError(ValidationError):
    """The header or the mapping cannot fill the required fields; pt-BR, naming the field."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


def header_key(text: str) -> str:
    """A header as compared: folded, punctuation as single spaces ("Nº." → "no").

    An abbreviation spelled with dots ("C.E.P.", "U.F.") reads as the word it spells.
    """
    words = _PUNCTUATION.sub(" ", fold(text)).split()
    if len(words) > 1 and all(len(w) == 1 for w in words):
        return "".join(words)
    return " ".join(words)


class ColumnMap:
    """The fields of one import and how headers and a mapping file name them."""

    def __init__(self, fields: Sequence[FieldSpec], required: Sequence[str],
                 expected: Sequence[str]) -> None:
        self.fields = tuple(fields)
        self.by_key = {f.key: f for f in self.fields}
        self.required = tuple(required)
        self.expected = tuple(expected)  # named in the wrong-header message
        self._aliases: dict[str, str] = {}
        for field in self.fields:
            for alias in (field.key, field.label, *field.aliases):
                self._aliases.setdefault(header_key(alias), field.key)

    def field_for(self, text: str) -> str:
        """The field key for a header or a field name (key or pt-BR label), or ""."""
        return self._aliases.get(header_key(text), "")

    def guess(self, headers: Sequence[str]) -> tuple[str, ...]:
        """The field each column most likely holds; each field goes to its first column only."""
        taken: set[str] = set()
        columns: list[str] = []
        for header in headers:
            key = self.field_for(header)
            columns.append(key if key and key not in taken else "")
            taken.add(key)
        return tuple(columns)

    def apply(self, headers: Sequence[str], given: Mapping[str, str]) -> tuple[str, ...]:
        """The guess, corrected by the clerk's {column: field} pairs ("" ignores a column)."""
        columns = list(self.guess(headers))
        keys = [header_key(h) for h in headers]
        for column, field in given.items():
            if header_key(column) not in keys:
                raise ColumnsError(MAPPING_UNKNOWN_COLUMN.format(
                    column=column, found=listed(headers)), "Mapeamento")
            key = self.field_for(field) if field.strip() else ""
            if field.strip() and not key:
                raise ColumnsError(MAPPING_UNKNOWN_FIELD.format(
                    field=field, column=column, fields=", ".join(self.by_key)), "Mapeamento")
            if key:  # the clerk's choice wins over a guess of the same field elsewhere
                columns = ["" if c == key else c for c in columns]
            columns[keys.index(header_key(column))] = key
        return tuple(columns)

    def check(self, headers: Sequence[str], columns: Sequence[str], header_row: int) -> None:
        """Refuse a mapping that leaves a required field out, or fills one field twice."""
        if len(columns) != len(headers):
            raise ColumnsError(MAPPING_WIDTH.format(given=len(columns), expected=len(headers)),
                               "Mapeamento")
        seen: dict[str, int] = {}
        for index, key in enumerate(columns):
            if not key:
                continue
            if key not in self.by_key:
                raise ColumnsError(MAPPING_UNKNOWN_FIELD.format(
                    field=key, column=headers[index], fields=", ".join(self.by_key)),
                    "Mapeamento")
            if key in seen:
                raise ColumnsError(MAPPING_FIELD_TWICE.format(
                    field=self.by_key[key].label, first=headers[seen[key]],
                    second=headers[index]), "Mapeamento")
            seen[key] = index
        missing = [self.by_key[k].label for k in self.required if k not in seen]
        if missing:
            expected = ", ".join(self.by_key[k].label for k in self.expected)
            raise ColumnsError(WRONG_HEADER.format(
                row=header_row, missing=", ".join(missing), found=listed(headers),
                expected=expected), "Cabeçalho")


def read_mapping_file(path: Path) -> dict[str, str]:
    """The {column: field} pairs of a JSON mapping file (checked against the sheet later)."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error).split(":")[0]
        raise ColumnsError(MAPPING_UNREADABLE.format(reason=reason), "Mapeamento") from None
    if not isinstance(loaded, dict) or not all(
            isinstance(k, str) and isinstance(v, str | type(None)) for k, v in loaded.items()):
        raise ColumnsError(MAPPING_NOT_OBJECT, "Mapeamento")
    return {k: v or "" for k, v in loaded.items()}


def listed(headers: Sequence[str]) -> str:
    """The headers as a clerk reads them in a message: «A», «B»."""
    shown = [f"«{h}»" for h in headers if h]
    return ", ".join(shown) if shown else NO_HEADERS
