"""The one engine that writes a record from a dict and reads a line back into a dict."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from itertools import repeat

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Field, FieldKind, Record, Value


def ascii_upper(text: str) -> str:
    """Upper-case printable ASCII: accents dropped, anything else becomes a space."""
    if text.isascii() and text.isprintable():  # most fields: nothing to strip
        return text.upper()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Banks read remittances as ASCII/Latin-1 with one byte per column: a character
    # outside printable ASCII would shift every later field.
    return "".join(c if " " <= c <= "~" else " " for c in plain).upper()


def _format(f: Field, value: Value, line_number: int) -> str:
    """The exact-width text of one field."""
    if f.constant or value is None:
        value = f.default
    if f.kind is FieldKind.ALPHA:
        text = ascii_upper("" if value is None else str(value))
        return text[: f.length].ljust(f.length)
    if f.kind is FieldKind.DATE:
        if value is None:
            return "0" * f.length
        if not isinstance(value, date):
            raise CnabError(line_number,
                            errors.BAD_DATE.format(field=errors.label(f.name), value=value))
        return value.strftime("%d%m%y" if f.length == 6 else "%d%m%Y")
    if value is None or value == "":
        value = 0
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise CnabError(line_number,
                        errors.NOT_NUMERIC.format(field=errors.label(f.name), value=value))
    if isinstance(value, int) and value < 0:
        raise CnabError(line_number, errors.NEGATIVE.format(field=errors.label(f.name)))
    digits = str(value)
    if not (digits.isascii() and digits.isdigit()):
        raise CnabError(line_number,
                        errors.NOT_NUMERIC.format(field=errors.label(f.name), value=value))
    if len(digits) > f.length:
        # A number is never cut: a cut nosso número or amount would be a different one.
        raise CnabError(
            line_number,
            errors.TOO_LONG.format(field=errors.label(f.name), length=f.length, found=len(digits)),
        )
    return digits.zfill(f.length)


def _template(record: Record) -> tuple[list[str], dict[str, tuple[int, Field]]]:
    """The record's line cut into blanks and fields, each field at its default, and where
    each field the caller may set sits in it (computed once per record)."""
    plan = record.plan
    if plan.template is None:
        parts: list[str] = []
        slots: dict[str, tuple[int, Field]] = {}
        column = 1
        for f in sorted(record.fields, key=lambda f: f.start):
            if f.start > column:
                parts.append(" " * (f.start - column))
            if not f.constant:
                slots[f.name] = (len(parts), f)
            parts.append(_format(f, None, 0))
            column = f.end + 1
        parts.append(" " * (record.width - column + 1))
        plan.template, plan.slots = parts, slots
    return plan.template, plan.slots


def write_record(record: Record, values: Mapping[str, Value], line_number: int = 0) -> str:
    """One line of exactly `record.width` characters (no line terminator)."""
    template, slots = _template(record)
    parts = template.copy()
    for name, value in values.items():
        slot = slots.get(name)
        if slot is None:
            if name in record.by_name:
                continue  # a constant writes its own value whatever it is given
            raise KeyError(f"{record.name}: campo desconhecido {name}")
        if value is not None:
            parts[slot[0]] = _format(slot[1], value, line_number)
    return "".join(parts)


# Dates repeat across a file's records: each text is parsed once (bounded, so a hostile
# file cannot grow it without end).
_DATES: dict[str, date | None] = {}
_MISS = object()


def _parse_date(f: Field, text: str, line_number: int) -> date | None:
    """A DDMMYY or DDMMYYYY date; zeros or blanks are no date."""
    if text.strip(" 0") == "":
        _DATES[text] = None
        return None
    if not (text.isascii() and text.isdigit()):
        raise CnabError(line_number, errors.BAD_DATE.format(field=errors.label(f.name), value=text))
    day, month, year = int(text[0:2]), int(text[2:4]), int(text[4:])
    try:
        found = date(2000 + year if len(text) == 6 else year, month, day)
    except ValueError:
        raise CnabError(
            line_number, errors.BAD_DATE.format(field=errors.label(f.name), value=text)
        ) from None
    if len(_DATES) > 100_000:
        _DATES.clear()
    _DATES[text] = found
    return found


def _parse(f: Field, text: str, line_number: int) -> Value:
    """The value of one field's characters."""
    if f.kind is FieldKind.ALPHA:
        return text.rstrip()
    if f.kind is FieldKind.DATE:
        return _parse_date(f, text, line_number)
    if text.strip() == "":
        # Banks leave unused numeric fields blank; that is "nothing", not an error.
        return 0 if f.kind is FieldKind.AMOUNT else ""
    if not (text.isascii() and text.isdigit()):
        raise CnabError(line_number,
                        errors.NOT_NUMERIC.format(field=errors.label(f.name), value=text))
    return int(text) if f.kind is FieldKind.AMOUNT else text


def read_record(record: Record, line: str, line_number: int) -> dict[str, Value]:
    """The fields of one line; the line must be exactly `record.width` characters."""
    if len(line) != record.width:
        raise CnabError(
            line_number, errors.WRONG_WIDTH.format(found=len(line), width=record.width)
        )
    plan = record.plan
    digits = plan.digits(line)
    joined = "0" + "".join(digits)
    if joined.isascii() and joined.isdigit():
        # The common case cut in C: every numeric field is digits, every date known.
        dates = tuple(map(_DATES.get, plan.dates(line), repeat(_MISS)))
        if _MISS not in dates:
            count = plan.numeric_count
            found = (*map(str.rstrip, plan.alpha(line)), *digits[:count],
                     *map(int, digits[count:]), *dates)
            return dict(zip(plan.names, found, strict=True))
    # Blanks, bad characters or a first-seen date: field by field, with the exact reason.
    return {
        f.name: _parse(f, line[f.start - 1 : f.end], line_number) for f in record.fields
    }


def split_lines(data: bytes) -> list[str]:
    """The lines of a bank file: UTF-8 BOM dropped, LF or CRLF, trailing empty lines gone."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        # One character per column: "COBRANÇA" in UTF-8 must still count 400 columns.
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    while lines and lines[-1].strip() in ("", "\x1a"):  # \x1a: DOS end-of-file mark
        lines.pop()
    return lines


def fit_line(line: str, width: int, line_number: int) -> str:
    """A line padded to `width` (banks and editors right-trim blanks); too long is refused."""
    if len(line) > width:
        raise CnabError(line_number, errors.WRONG_WIDTH.format(found=len(line), width=width))
    return line.ljust(width)


def read_lenient(record: Record, line: str) -> dict[str, Value]:
    """The fields of a header line, a field that does not parse read as None: banks fill
    informational header fields loosely, and a file is not refused for them."""
    values: dict[str, Value] = {}
    for f in record.fields:
        try:
            value = _parse(f, line[f.start - 1 : f.end], 0)
        except CnabError:
            value = None
        # A shifted header can spell a real but absurd date (01/08/5000).
        if isinstance(value, date) and not 1990 <= value.year <= 2099:
            value = None
        values[f.name] = value
    return values
