"""Nosso-número DVs and the printed boxes (§3 DV lists), per bank."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.banking.banks import get_bank, supported_banks
from contoffice.banking.boleto import BoletoInput
from contoffice.banking.checkdigits import (
    banrisul_double_digit,
    mod10,
    mod11,
    mod11_barcode,
    mod11_bb,
    mod11_bradesco_account,
)


def _rule_and_input(**fields: object) -> tuple:
    inp = BoletoInput(**fields, amount_cents=100)  # type: ignore[arg-type]
    return get_bank(inp.bank), inp


def test_registry_has_the_eight_banks() -> None:
    assert set(supported_banks()) == {"001", "033", "041", "104", "237", "341", "748", "756"}


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        ("001", "001-9"),
        ("237", "237-2"),
        ("341", "341-7"),
        ("104", "104-0"),
        ("033", "033-7"),
        ("756", "756-0"),
        ("748", "748-X"),
        ("041", "041-8"),
    ],
)
def test_bank_code_dv_matches_mod11(code: str, printed: str) -> None:
    rule = get_bank(code)
    assert f"{rule.code}-{rule.code_dv}" == printed
    computed = mod11(code, mapping={10: "X" if code == "748" else "0", 11: "0"})
    assert computed == rule.code_dv


@pytest.mark.parametrize(("nn", "dv"), [("4042", "4"), ("61900", "7"), ("0719", "2")])
def test_bb_convenio8_dvs(nn: str, dv: str) -> None:
    rule, inp = _rule_and_input(
        bank="001", agency="4042", account="61900", wallet="18", agreement="12387989", our_number=nn
    )
    assert rule.our_number_with_dv(inp) == f"12387989{nn.zfill(9)}{dv}"
    # convênios 7 and 8 print the 17 digits without DV (BB manual)
    assert rule.format_our_number(inp) == f"12387989{nn.zfill(9)}"


def test_bb_vectors_dvs_and_boxes() -> None:
    rule, inp = _rule_and_input(
        bank="001",
        agency="4042",
        account="61900",
        wallet="18",
        agreement="12387989",
        our_number="777700168",
    )
    assert rule.our_number_with_dv(inp)[-1] == "7"
    assert mod11_bb("00061900") == "0"
    assert rule.format_agency_account(inp) == f"4042-{mod11_bb('4042')} / 00061900-0"
    rule, inp = _rule_and_input(
        bank="001",
        agency="3174",
        account="00011672",
        wallet="17",
        agreement="1474166",
        our_number="0000000328",
    )
    assert rule.our_number_with_dv(inp)[-1] == "4"
    assert rule.format_agency_account(inp).endswith("00011672-6")
    rule, inp = _rule_and_input(
        bank="001",
        agency="4042",
        account="61900",
        wallet="18",
        agreement="123879",
        our_number="1234",
    )
    assert rule.format_our_number(inp) == "12387901234-" + mod11_bb("12387901234")


def test_bb_convenio6_seventeen_digit_numbering() -> None:
    rule, inp = _rule_and_input(
        bank="001",
        agency="4042",
        account="61900",
        wallet="16",
        agreement="123879",
        our_number="12345678901234567",
    )
    assert rule.free_field(inp) == "1238791234567890123456721"
    assert rule.format_our_number(inp) == "12345678901234567"


def test_bb_convenio4() -> None:
    rule, inp = _rule_and_input(
        bank="001", agency="4042", account="61900", wallet="18", agreement="1234", our_number="56"
    )
    assert rule.free_field(inp) == "1234000005640420006190018"


@pytest.mark.parametrize(
    "printed",
    [
        "06/00000000525-P",
        "09/00000000001-1",
        "19/00000000002-8",
        "19/00000000006-0",
        "19/00000000001-P",
    ],
)
def test_bradesco_dvs(printed: str) -> None:
    wallet, rest = printed.split("/")
    rule, inp = _rule_and_input(
        bank="237",
        agency="1172",
        account="0403005",
        wallet=wallet,
        our_number=rest[:-2].lstrip("0") or "0",
    )
    assert rule.format_our_number(inp) == printed


@pytest.mark.parametrize(("number", "dv"), [("0255", "0"), ("0121", "P"), ("0019669", "P")])
def test_bradesco_agency_account_dvs(number: str, dv: str) -> None:
    assert mod11_bradesco_account(number) == dv


def test_bradesco_box_uses_given_dvs() -> None:
    rule, inp = _rule_and_input(
        bank="237", agency="1467", agency_dv="2", account="19669", wallet="09", our_number="303"
    )
    assert rule.format_agency_account(inp) == "1467-2 / 0019669-P"


@pytest.mark.parametrize(
    ("nn", "dv"), [("00015448", "6"), ("12345678", "4"), ("34230", "5"), ("258281", "7")]
)
def test_itau_dacs(nn: str, dv: str) -> None:
    rule, inp = _rule_and_input(
        bank="341", agency="0810", account="53678", wallet="175", our_number=nn
    )
    assert rule.our_number_with_dv(inp) == nn.zfill(8) + dv


def test_itau_printed_boxes() -> None:
    rule, inp = _rule_and_input(
        bank="341", agency="0810", account="53678", wallet="175", our_number="12345678"
    )
    assert rule.format_our_number(inp) == "175/12345678-4"
    assert rule.format_agency_account(inp) == "0810 / 53678-9"


def test_itau_short_dac_wallets_ignore_agency_and_account() -> None:
    rule, inp = _rule_and_input(
        bank="341", agency="0810", account="53678", wallet="126", our_number="12345678"
    )
    assert rule.our_number_with_dv(inp)[-1] == mod10("12612345678")


def test_caixa_nn_and_boxes() -> None:
    rule, inp = _rule_and_input(
        bank="104", agency="1825", agreement="245274", wallet="1", our_number="1"
    )
    assert mod11("245274") == "0"  # convenio_dv of brc caixa_spec
    assert rule.format_our_number(inp) == "14000000000000001-4"
    assert rule.format_agency_account(inp) == "1825 / 245274-0"
    _, sr = _rule_and_input(
        bank="104", agency="0501", wallet="SR", agreement="433756", our_number="5000000061"
    )
    assert rule.format_our_number(sr) == "24000005000000061-2"
    _, rg7 = _rule_and_input(
        bank="104", agency="3454", wallet="RG", agreement="1242119", our_number="157460299"
    )
    assert rule.format_our_number(rg7) == "14000000157460299-6"


@pytest.mark.parametrize(
    ("nn", "dv"), [("566612457800", "2"), ("90002720", "7"), ("1961005", "0"), ("9000026", "9")]
)
def test_santander_dvs(nn: str, dv: str) -> None:
    rule, inp = _rule_and_input(
        bank="033", agency="0059", agreement="1899775", wallet="102", our_number=nn
    )
    assert rule.format_our_number(inp) == f"{nn.zfill(12)}-{dv}"
    assert rule.format_agency_account(inp) == "0059 / 1899775"


@pytest.mark.parametrize(
    ("nn", "dv"),
    [
        (1, 7),
        (2, 4),
        (3, 1),
        (4, 9),
        (5, 6),
        (6, 3),
        (7, 0),
        (8, 8),
        (9, 5),
        (10, 3),
        (11, 0),
        (12, 8),
        (13, 5),
    ],
)
def test_sicoob_dvs(nn: int, dv: int) -> None:
    rule, inp = _rule_and_input(bank="756", agency="4327", agreement="229385", our_number=str(nn))
    assert rule.our_number_with_dv(inp) == f"{nn:07d}{dv}"
    assert rule.format_our_number(inp) == f"{nn:07d}-{dv}"
    assert rule.format_agency_account(inp) == "4327 / 0229385"


def test_sicredi_printed_boxes() -> None:
    rule, inp = _rule_and_input(
        bank="748",
        agency="0710",
        post="65",
        agreement="129",
        byte_idt="2",
        processing_date=date(2016, 8, 22),
        our_number="8879",
    )
    assert rule.format_our_number(inp) == "16/208879-3"
    assert rule.format_agency_account(inp) == "0710.65.00129"
    _, second = _rule_and_input(
        bank="748",
        agency="0165",
        post="02",
        agreement="00623",
        byte_idt="2",
        processing_date=date(2007, 1, 5),
        our_number="3",
    )
    assert rule.format_our_number(second) == "07/200003-1"
    # an 8-digit nosso número already carries year and byte
    _, full = _rule_and_input(
        bank="748", agency="0710", post="65", agreement="129", our_number="16208879"
    )
    assert rule.format_our_number(full) == "16/208879-3"


@pytest.mark.parametrize("printed", ["22832563-51", "00009274-22", "00009194-38"])
def test_banrisul_double_digit(printed: str) -> None:
    nn, dd = printed.split("-")
    assert banrisul_double_digit(nn) == dd
    rule, inp = _rule_and_input(bank="041", agency="1102", agreement="9000150", our_number=nn)
    assert rule.format_our_number(inp) == printed


def test_banrisul_agency_box() -> None:
    rule, inp = _rule_and_input(bank="041", agency="1102", agreement="9000150", our_number="1")
    assert rule.format_agency_account(inp) == "1102.9000150.46"


def test_mod10_and_barcode_mod11_basics() -> None:
    assert mod10("001900000") == "9"  # field 1 of the BB convênio-8 linha
    assert mod10("341917512") == "4"  # field 1 of the Itaú carteira-175 linha
    assert mod10("0000000001") == "8"
    assert mod11_barcode("0" * 43) == "1"  # results 0/10/11 never give 0
