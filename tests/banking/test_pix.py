"""PIX BR Code: the CRCs of research/boleto.md §5.2, parsing, building, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.banking.pix import (
    PixError,
    build_static_pix,
    crc16_ccitt_false,
    encode_brcode,
    parse_brcode,
    parse_tlv,
    validate_brcode,
)

VECTORS = {
    "1D3D": "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865"
    "802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D",
    "F0C4": "00020101021226580014br.gov.bcb.pix013639a1178e-db6b-4407-bc7b-b674390acf5f5204000053"
    "039865406100.005802BR5904ACME6006CIDADE623405301234567890123456789012345678906304F0C4",
    "64FF": "00020101021226870014br.gov.bcb.pix2565qrcodepix-h.bb.com.br/pix/v2/d9b97f73-b48b-43f6"
    "-be7e-f0594fb275a65204000053039865802BR5920ALAN GUIACHERO BUENO6008BRASILIA62070503***6304"
    "64FF",
    "665D": "00020101021226920014br.gov.bcb.pix2570qrcodepix-h.bb.com.br/pix/v2/cobv/ab49966b-c17e"
    "-46b6-a798-7aff3e72411752040000530398654043.005802BR5925MERCEARIA MANASSES PEREIR6008BRASIL"
    "IA62070503***6304665D",
    # wdev-qrcode-pix-php issue #5: the buggy generator printed "EA9"
    "0EA9": "00020126730014br.gov.bcb.pix0136e57b119f-3f91-4734-93f0-29d6a9c02b0a0211CestaLivres5"
    "20400005303986540522.005802BR5913Milena Savini6009Sao Paulo622605221wDQuczihqxiuSkkkLu0aS"
    "63040EA9",
}


def test_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == "29B1"


@pytest.mark.parametrize("crc", list(VECTORS))
def test_published_crcs(crc: str) -> None:
    payload = VECTORS[crc]
    assert crc16_ccitt_false(payload[:-4].encode()) == crc
    validate_brcode(payload)
    parsed = parse_brcode(payload)
    assert parsed.crc == crc
    # re-encoding the parsed fields gives the same payload back
    fields = [(tag, value) for tag, value in parsed.tags.items() if tag != "63"]
    assert encode_brcode(fields) == payload


def test_parsed_templates() -> None:
    static = parse_brcode(VECTORS["0EA9"])
    assert static.key == "e57b119f-3f91-4734-93f0-29d6a9c02b0a"
    assert static.merchant_account["02"] == "CestaLivres"
    assert static.amount_cents == 2200
    assert static.txid == "1wDQuczihqxiuSkkkLu0aS"
    hybrid = parse_brcode(VECTORS["665D"])
    assert hybrid.url and hybrid.url.startswith("qrcodepix-h.bb.com.br/pix/v2/cobv/")
    assert hybrid.key is None and hybrid.amount_cents == 300
    assert hybrid.name == "MERCEARIA MANASSES PEREIR" and hybrid.city == "BRASILIA"
    assert parse_brcode(VECTORS["1D3D"]).amount_cents is None


def test_gist_static_example_with_wrong_length_is_refused() -> None:
    """§5.2 warning: `6208 0503***` declares 8 characters for 7."""
    bad = VECTORS["1D3D"].replace("62070503***63041D3D", "62080503***6304170E")
    with pytest.raises(PixError):
        validate_brcode(bad)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (VECTORS["1D3D"][:-4] + "1D3E", "CRC"),
        (VECTORS["1D3D"][:-4] + "1d3d", None),  # lower-case hex is accepted
        (VECTORS["1D3D"][:30], "malformado"),
        ("0002016304" + crc16_ccitt_false(b"0002016304"), "obrigatório"),
        ("00020226580014", "malformado"),
    ],
)
def test_bad_payloads(payload: str, message: str | None) -> None:
    if message is None:
        validate_brcode(payload)
        return
    with pytest.raises(PixError, match=message):
        validate_brcode(payload)


def test_build_static_upper_cases_truncates_and_pads() -> None:
    payload = build_static_pix(
        "fulano@example.com",
        "José da Silva Comércio de Serviços Ltda",
        "São José dos Campos",
        amount_cents=123456,
        txid="FAT2026000123",
        description="Honorarios",
    )
    parsed = parse_brcode(payload)
    assert parsed.name == "JOSE DA SILVA COMERCIO DE"  # 25 characters
    assert parsed.city == "SAO JOSE DOS CA"  # 15 characters
    assert parsed.tags["54"] == "1234.56" and parsed.amount_cents == 123456
    assert parsed.txid == "FAT2026000123"
    assert parsed.key == "fulano@example.com"
    assert "01" not in parsed.tags  # static: no point-of-initiation "12"


def test_build_reproduces_bcb_manual_layout() -> None:
    payload = build_static_pix("123e4567-e12b-12d1-a456-426655440000", "Fulano de Tal", "Brasília")
    expected = VECTORS["1D3D"][:-8].replace("Fulano de Tal", "FULANO DE TAL")
    assert payload.startswith(expected) and len(payload) == len(VECTORS["1D3D"])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"key": ""}, "key"),
        ({"key": "x" * 78}, "key"),
        ({"name": "   "}, "name"),
        ({"city": ""}, "city"),
        ({"txid": "abc-123"}, "txid"),
        ({"txid": "a" * 26}, "txid"),
        ({"amount_cents": 0}, "amount_cents"),
        ({"description": "d" * 60}, "description"),
    ],
)
def test_build_refusals(kwargs: dict, field: str) -> None:
    args = {"key": "+5511999999999", "name": "Escritorio", "city": "Campinas", **kwargs}
    with pytest.raises(PixError) as caught:
        build_static_pix(**args)
    assert field in caught.value.message


@given(
    key=st.from_regex(r"\A[a-z0-9@.+-]{1,40}\Z"),
    name=st.text(min_size=1, max_size=40).filter(
        lambda s: any(c.isascii() and c.isalnum() for c in s)
    ),
    cents=st.none() | st.integers(1, 10**11 - 1),
)
def test_build_parse_round_trip(key: str, name: str, cents: int | None) -> None:
    payload = build_static_pix(key, name, "Campinas", amount_cents=cents)
    parsed = parse_brcode(payload)
    assert parsed.key == key and parsed.amount_cents == cents
    assert len(parsed.name) <= 25 and parsed.name.isascii()
    assert all(len(tag) == 2 for tag, _ in parse_tlv(payload))
