"""Barcode and linha digitável: build, parse, validate; property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.banking.barcode import (
    BarcodeParts,
    barcode_from_digitable_line,
    build_barcode,
    digitable_line,
    format_digitable_line,
    parse_barcode,
    validate_barcode,
    validate_digitable_line,
)
from contoffice.banking.checkdigits import weighted_sum
from contoffice.banking.errors import BoletoError

BB8 = "00193376900000135000000001238798977770016818"
BB8_LINE = "00190000090123879897777700168188337690000013500"

codes = st.builds(
    build_barcode,
    bank_code=st.from_regex(r"\A[0-9]{3}\Z"),
    factor=st.integers(0, 9999),
    amount_cents=st.integers(0, 9_999_999_999),
    free_field=st.from_regex(r"\A[0-9]{25}\Z"),
)


def test_parse_published_barcode() -> None:
    assert parse_barcode(BB8) == BarcodeParts(
        bank="001",
        currency="9",
        dv="3",
        factor=3769,
        amount_cents=13500,
        free_field="0000001238798977770016818",
    )


def test_linha_and_back() -> None:
    assert digitable_line(BB8) == BB8_LINE
    assert barcode_from_digitable_line(format_digitable_line(BB8_LINE)) == BB8
    assert format_digitable_line(BB8_LINE) == (
        "00190.00009 01238.798977 77700.168188 3 37690000013500"
    )


def test_general_dv_never_zero() -> None:
    # remainder cases 0/10/11 all map to 1; a zero free field exercises it
    assert build_barcode("001", 1000, 0, "0" * 25)[4] != "0"


def test_wrong_general_dv_names_the_digit() -> None:
    bad = BB8[:4] + "4" + BB8[5:]
    with pytest.raises(BoletoError, match="geral") as caught:
        validate_barcode(bad)
    assert caught.value.field == "barcode"


@pytest.mark.parametrize(("position", "field"), [(9, "campo 1"), (20, "campo 2"), (31, "campo 3")])
def test_wrong_field_dv_names_the_field(position: int, field: str) -> None:
    digit = str((int(BB8_LINE[position]) + 1) % 10)
    with pytest.raises(BoletoError, match=field):
        validate_digitable_line(BB8_LINE[:position] + digit + BB8_LINE[position + 1 :])


@pytest.mark.parametrize("bad", ["123", "0019337690000013500000000123879897777001681X", ""])
def test_wrong_length_or_characters(bad: str) -> None:
    with pytest.raises(BoletoError, match="44 dígitos"):
        validate_barcode(bad)


@pytest.mark.parametrize(
    ("amount", "message"),
    [(-1, "maior que zero"), (10_000_000_000, "99.999.999,99")],
)
def test_amount_limits(amount: int, message: str) -> None:
    with pytest.raises(BoletoError, match=message) as caught:
        build_barcode("001", 1000, amount, "0" * 25)
    assert caught.value.field == "amount_cents"


def test_bad_factor_and_free_field() -> None:
    with pytest.raises(BoletoError, match="due_factor"):
        build_barcode("001", 10000, 1, "0" * 25)
    with pytest.raises(BoletoError, match="free_field"):
        build_barcode("001", 1000, 1, "0" * 24)


@given(codes)
def test_build_parse_round_trip(code: str) -> None:
    parts = parse_barcode(code)
    assert (
        build_barcode(
            parts.bank, parts.factor, parts.amount_cents, parts.free_field, parts.currency
        )
        == code
    )
    line = digitable_line(code)
    assert len(line) == 47
    assert barcode_from_digitable_line(line) == code
    assert barcode_from_digitable_line(format_digitable_line(line)) == code


def _remainder(barcode: str) -> int:
    return weighted_sum(barcode[:4] + barcode[5:], (2, 3, 4, 5, 6, 7, 8, 9)) % 11


@given(codes, st.integers(0, 46), st.integers(1, 9))
def test_any_single_digit_corruption_of_a_linha_is_detected(
    code: str, position: int, delta: int
) -> None:
    """Fields 1–4 always; field 5 except where the standard itself is blind (see below)."""
    line = digitable_line(code)
    corrupted = line[:position] + str((int(line[position]) + delta) % 10) + line[position + 1 :]
    try:
        validate_digitable_line(corrupted)
    except BoletoError as error:
        assert error.field == "digitable_line"
        return
    # Undetected only in field 5 (factor + value, positions 34–47), and only when
    # both mod-11 remainders are among 0, 1 and 10, which FEBRABAN all maps to DV 1.
    assert position >= 33
    rebuilt = corrupted[0:4] + corrupted[32:47] + corrupted[4:9] + corrupted[10:20]
    rebuilt += corrupted[21:31]
    assert {_remainder(code), _remainder(rebuilt)} <= {0, 1, 10}


def test_standard_blind_spot_remainders_0_1_10_share_dv_1() -> None:
    """A known limit of the FEBRABAN general DV, pinned so nobody "fixes" it away."""
    code = "00091000000000000620000000000000000000000000"
    line = digitable_line(code)
    corrupted = line[:33] + "4" + line[34:]  # factor 0000 → 4000
    assert validate_digitable_line(corrupted) == corrupted
    assert {_remainder(code), _remainder(barcode_from_digitable_line(corrupted))} <= {0, 1, 10}
