from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.core.format import (
    date_extenso,
    format_competence,
    format_date,
    format_datetime,
    format_decimal_cents,
    format_money,
    format_percent,
    month_name,
    parse_competence,
    parse_date,
)
from contoffice.core.validation import ValidationError


@pytest.mark.parametrize(
    ("cents", "expected"),
    [
        (123456, "R$ 1.234,56"),
        (-123456, "-R$ 1.234,56"),
        (0, "R$ 0,00"),
        (1, "R$ 0,01"),
        (123456789012, "R$ 1.234.567.890,12"),
    ],
)
def test_format_money(cents: int, expected: str) -> None:
    text = format_money(cents)
    assert text == expected
    assert "\xa0" not in text


def test_format_decimal_cents_and_percent() -> None:
    assert format_decimal_cents(123456) == "1.234,56"
    assert format_decimal_cents(-5) == "-0,05"
    assert format_percent(200) == "2,00%"
    assert format_percent(3) == "0,03%"
    assert format_percent(123456) == "1.234,56%"


def test_format_dates() -> None:
    assert format_date(date(2026, 11, 3)) == "03/11/2026"
    assert format_date(None) == ""
    assert format_competence(date(2026, 3, 15)) == "03/2026"


def test_format_datetime_converts_utc_to_sao_paulo() -> None:
    assert format_datetime(datetime(2026, 11, 23, 15, 5)) == "23/11/2026 12:05"
    assert format_datetime(datetime(2026, 1, 1, 2, 30, tzinfo=UTC)) == "31/12/2025 23:30"
    plus2 = timezone(timedelta(hours=2))
    assert format_datetime(datetime(2026, 6, 1, 12, 0, tzinfo=plus2)) == "01/06/2026 07:00"
    assert format_datetime(None) == ""


def test_month_names_and_extenso() -> None:
    assert month_name(3) == "março"
    assert [month_name(m) for m in (1, 12)] == ["janeiro", "dezembro"]
    assert date_extenso(date(2026, 11, 23)) == "23 de novembro de 2026"
    assert date_extenso(date(2026, 5, 1)) == "1º de maio de 2026"
    with pytest.raises(ValueError):
        month_name(13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23/11/2026", date(2026, 11, 23)),
        ("3/2/2026", date(2026, 2, 3)),
        ("2026-11-23", date(2026, 11, 23)),
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31/02/2026", "não existe"),
        ("23/13/2026", "mês 13"),
        ("23/11/26", "dd/mm/aaaa"),
        ("amanhã", "dd/mm/aaaa"),
        ("__/__/____", "obrigatório"),
        ("01/01/1800", "ano 1800"),
    ],
)
def test_parse_date_errors(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        parse_date(text, field="Vencimento")
    assert info.value.field == "Vencimento"


def test_date_error_message_agrees_in_gender() -> None:
    with pytest.raises(ValidationError, match=r"^Data inválida:"):
        parse_date("x")
    with pytest.raises(ValidationError, match=r"^Vencimento inválido:"):
        parse_date("x", field="Vencimento")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-11", date(2026, 11, 1)), ("11/2026", date(2026, 11, 1)), ("3/2026", date(2026, 3, 1))],
)
def test_parse_competence(text: str, expected: date) -> None:
    assert parse_competence(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("13/2026", "mês 13"),
        ("2026-1x", "mm/aaaa"),
        ("00/2026", "mês 00"),
        ("2026-11-01", "mm/aaaa"),
        ("11/26", "mm/aaaa"),
        ("", "obrigatório"),
    ],
)
def test_parse_competence_errors(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        parse_competence(text)
    assert info.value.field == "Competência"
    assert info.value.message.startswith("Competência")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_date_round_trips(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_competence(format_competence(d)) == d.replace(day=1)
