"""The CNAB engine: fields written at exact width and read back, bad lines refused."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.banking.cnab.engine import (
    ascii_upper,
    fit_line,
    read_record,
    split_lines,
    write_record,
)
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Record, alpha, cents, const, ddmmyy, num

RECORD = Record("teste", 40, (
    const("registro", 1, 1, "1"),
    num("numero", 2, 9),
    alpha("nome", 10, 19),
    ddmmyy("data", 20, 25),
    cents("valor", 26, 35),
    num("sequencial", 36, 40),
))


def test_write_then_read_gives_the_same_values() -> None:
    values = {"numero": "00123", "nome": "ANA", "data": date(2026, 11, 29), "valor": 12345,
              "sequencial": 7}
    line = write_record(RECORD, values)
    assert line == "100000123ANA       2911260000012345" + "00007"
    assert read_record(RECORD, line, 1) == {
        "registro": "1", "numero": "00000123", "nome": "ANA", "data": date(2026, 11, 29),
        "valor": 12345, "sequencial": "00007",
    }


def test_alpha_is_upper_ascii_without_accents_and_truncated() -> None:
    line = write_record(RECORD, {"nome": "joão çé,!^ ~ßwx€"})
    assert line[9:19] == "JOAO CE,!^"
    assert ascii_upper("Pablo Diego José Francisco") == "PABLO DIEGO JOSE FRANCISCO"
    assert ascii_upper("ação€\t") == "ACAO  "


def test_defaults_fill_missing_values_and_constants_cannot_be_overridden() -> None:
    line = write_record(RECORD, {"registro": "7"})
    assert line == "1" + "0" * 8 + " " * 10 + "0" * 6 + "0" * 10 + "0" * 5
    assert read_record(RECORD, line, 3)["data"] is None


@pytest.mark.parametrize("bad", [{"numero": "12a"}, {"numero": -1}, {"numero": "123456789"},
                                 {"valor": 10**10}, {"data": "291126"}])
def test_bad_values_are_refused_on_write(bad: dict[str, object]) -> None:
    with pytest.raises(CnabError):
        write_record(RECORD, bad)  # type: ignore[arg-type]


def test_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        write_record(RECORD, {"nomee": "ANA"})


def test_wrong_width_is_refused_with_the_line_number() -> None:
    with pytest.raises(CnabError) as caught:
        read_record(RECORD, "1" * 41, 12)
    assert caught.value.line_number == 12
    assert "41 caracteres" in str(caught.value)


@pytest.mark.parametrize(
    ("start", "text", "words"),
    [(25, "00000001X0", "algarismos"), (19, "310299", "data"), (19, "31a299", "data")],
)
def test_bad_fields_are_refused_on_read(start: int, text: str, words: str) -> None:
    line = write_record(RECORD, {})
    line = line[:start] + text + line[start + len(text):]
    with pytest.raises(CnabError) as caught:
        read_record(RECORD, line, 4)
    assert caught.value.line_number == 4
    assert words in caught.value.message


def test_blank_numeric_fields_read_as_nothing() -> None:
    line = "1" + " " * 34 + "00001"
    values = read_record(RECORD, line, 1)
    assert values["numero"] == "" and values["valor"] == 0 and values["data"] is None


def test_overlapping_or_overflowing_fields_fail_at_definition() -> None:
    with pytest.raises(ValueError):
        Record("x", 10, (num("a", 1, 5), num("b", 5, 6)))
    with pytest.raises(ValueError):
        Record("x", 10, (num("a", 8, 11),))


def test_split_lines_drops_bom_cr_and_trailing_blank_lines() -> None:
    data = "\ufeffABC\r\nDÉF\n\r\n\x1a".encode()
    assert split_lines(data) == ["ABC", "DÉF"]
    assert split_lines("DÉF".encode("latin-1")) == ["DÉF"]


def test_fit_line_pads_right_trimmed_lines_and_refuses_long_ones() -> None:
    assert fit_line("1ABC", 6, 1) == "1ABC  "
    with pytest.raises(CnabError) as caught:
        fit_line("1234567", 6, 9)
    assert caught.value.line_number == 9
