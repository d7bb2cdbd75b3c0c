"""compute_codes and boleto_input_from_mapping: every refusal names the input field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from contoffice.banking.boleto import (
    BoletoCodes,
    BoletoError,
    BoletoInput,
    boleto_input_from_mapping,
    compute_codes,
)
from contoffice.core.validation import ValidationError

ITAU = {
    "bank": "341",
    "agency": "1248",
    "account": "02124",
    "wallet": "109",
    "our_number": "00010152",
    "amount_cents": 675787,
    "due_date": date(2029, 5, 20),
}
BB = {
    "bank": "001",
    "agency": "4042",
    "account": "61900",
    "wallet": "18",
    "agreement": "12387989",
    "our_number": "777700168",
    "amount_cents": 13500,
    "due_date": date(2008, 2, 1),
}


def _refused(fields: dict[str, Any], field: str, *words: str) -> BoletoError:
    with pytest.raises(BoletoError) as caught:
        compute_codes(BoletoInput(**fields))
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.field == field
    assert field in error.message, error.message
    for word in words:
        assert word in error.message, error.message
    return error


def test_codes_for_itau() -> None:
    codes = compute_codes(BoletoInput(**ITAU))
    assert codes == BoletoCodes(
        barcode="34194254800006757871090001015271248021246000",
        digitable_line="34191090080101527124880212460002425480000675787",
        digitable_line_formatted="34191.09008 01015.271248 80212.460002 4 25480000675787",
        our_number_formatted="109/00010152-7",
        due_factor=2548,
        bank_code_with_dv="341-7",
        agency_account_formatted="1248 / 02124-6",
    )


def test_contra_apresentacao_has_factor_zero() -> None:
    codes = compute_codes(BoletoInput(**{**ITAU, "due_date": None}))
    assert codes.due_factor == 0 and codes.barcode[5:9] == "0000"


def test_unknown_bank() -> None:
    error = _refused({**ITAU, "bank": "999"}, "bank")
    assert error.message.startswith("Banco 999 não suportado")


@pytest.mark.parametrize("agreement", ["123", "12345", "123456789"])
def test_bb_agreement_length(agreement: str) -> None:
    _refused({**BB, "agreement": agreement}, "agreement", "convênio", "4, 6, 7 ou 8")


def test_missing_required_field() -> None:
    error = _refused({**BB, "agreement": ""}, "agreement", "Campo obrigatório para o banco 001")
    assert "convênio (agreement)" in error.message


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({**BB, "our_number": "1234567890"}, "our_number"),  # convênio 8 → 9 digits
        ({**ITAU, "our_number": "123456789"}, "our_number"),
        ({**ITAU, "account": "123456"}, "account"),
        ({**ITAU, "agency": "12a4"}, "agency"),
    ],
)
def test_too_long_or_not_digits(fields: dict[str, Any], field: str) -> None:
    _refused(fields, field, "nosso número" if field == "our_number" else "")


@pytest.mark.parametrize("amount", [0, -100, 10_000_000_000])
def test_amount_refused(amount: int) -> None:
    _refused({**ITAU, "amount_cents": amount}, "amount_cents", "Valor")


def test_due_date_after_2049() -> None:
    _refused({**ITAU, "due_date": date(2049, 10, 14)}, "due_date", "13/10/2049")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {
                "bank": "104",
                "agency": "1825",
                "agreement": "24527",
                "our_number": "1",
                "amount_cents": 100,
            },
            "agreement",
        ),
        (
            {
                "bank": "104",
                "agency": "1825",
                "agreement": "245274",
                "our_number": "1",
                "wallet": "XX",
                "amount_cents": 100,
            },
            "wallet",
        ),
        (
            {
                "bank": "748",
                "agency": "0710",
                "post": "65",
                "agreement": "129",
                "our_number": "1",
                "byte_idt": "1",
                "amount_cents": 100,
            },
            "byte_idt",
        ),
        (
            {
                "bank": "748",
                "agency": "0710",
                "agreement": "129",
                "our_number": "1",
                "amount_cents": 100,
            },
            "post",
        ),
        (
            {
                "bank": "341",
                "agency": "0810",
                "account": "53678",
                "wallet": "196",
                "our_number": "1",
                "agreement": "12345",
                "amount_cents": 100,
            },
            "document_number",
        ),
        (
            {
                "bank": "001",
                "agency": "4042",
                "account": "61900",
                "wallet": "17",
                "agreement": "123879",
                "our_number": "12345678901234567",
                "amount_cents": 100,
            },
            "our_number",
        ),
    ],
    ids=[
        "caixa-agreement",
        "caixa-wallet",
        "sicredi-byte",
        "sicredi-post",
        "itau-special-seu-numero",
        "bb-17-digits-wrong-wallet",
    ],
)
def test_bank_specific_refusals(fields: dict[str, Any], field: str) -> None:
    _refused(fields, field)


def test_mapping_accepts_reais_and_cents() -> None:
    base = {
        "bank": "341",
        "agency": "1248",
        "account": "02124",
        "wallet": 109,
        "our_number": "00010152",
        "due_date": "2029-05-20",
    }
    expected = BoletoInput(**ITAU)
    assert boleto_input_from_mapping({**base, "amount": "6757.87"}) == expected
    assert boleto_input_from_mapping({**base, "amount": "6.757,87"}) == expected
    assert boleto_input_from_mapping({**base, "amount": 6757.87}) == expected
    assert boleto_input_from_mapping({**base, "amount_cents": 675787}) == expected
    both = {**base, "amount": "6757.87", "amount_cents": 675787}
    assert boleto_input_from_mapping(both) == expected
    brazilian = {**base, "due_date": "20/05/2029", "amount_cents": 675787}
    assert boleto_input_from_mapping(brazilian) == expected


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": "12.345"}, "amount"),
        ({"amount": "doze"}, "amount"),
        ({"amount": "1.00", "amount_cents": 200}, "amount"),
        ({"amount_cents": "100"}, "amount_cents"),
        ({"amount_cents": None, "amount": None}, "amount"),
        ({"due_date": "31/02/2029"}, "due_date"),  # dd/mm/aaaa is read, this day is not
        ({"due_date": "2029/05/20"}, "due_date"),
        ({"bank": ""}, "bank"),
        ({"agencia": "1"}, "agencia"),
    ],
)
def test_mapping_refusals_name_the_field(change: dict[str, Any], field: str) -> None:
    data = {"bank": "341", "our_number": "1", "amount_cents": 100, **change}
    with pytest.raises(BoletoError) as caught:
        boleto_input_from_mapping(data)
    assert caught.value.field == field
    assert field in caught.value.message
