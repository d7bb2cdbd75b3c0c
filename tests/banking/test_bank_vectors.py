"""Every published vector of research/boleto.md §3, bank by bank, through compute_codes."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.banking.banks import get_bank
from contoffice.banking.barcode import build_barcode, digitable_line, format_digitable_line
from contoffice.banking.boleto import BoletoInput, compute_codes
from contoffice.banking.factor import due_factor

D = date.fromisoformat

BB = {"bank": "001", "agency": "4042", "account": "61900", "wallet": "18"}
BB8 = {**BB, "agreement": "12387989", "our_number": "777700168"}
BB7 = {**BB, "agreement": "1238798", "our_number": "7777700168"}
BRAD6 = {"bank": "237", "agency": "1172", "account": "0403005", "wallet": "06"}
BRAD6 |= {"our_number": "75896452"}
ITAU109 = {"bank": "341", "agency": "1248", "account": "02124", "wallet": "109"}
ITAU109 |= {"our_number": "00010152"}
CAIXA = {"bank": "104", "agency": "1825", "agreement": "245274", "wallet": "1"}
CAIXA |= {"our_number": "000000000000001"}
SANT = {"bank": "033", "agency": "0059", "agreement": "1899775", "wallet": "102"}
SICOOB = {"bank": "756", "agency": "4327", "agreement": "229385", "modality": "01"}
SICREDI = {"bank": "748", "agency": "0710", "post": "65", "agreement": "129", "byte_idt": "2"}
SICREDI |= {"processing_date": D("2016-08-22"), "our_number": "8879"}
BANRISUL = {"bank": "041", "agency": "1102", "agreement": "9000150", "our_number": "22832563"}

# (id, input fields, amount_cents, due date, barcode or None, linha or None)
VECTORS = [
    # 3.2 Banco do Brasil (brc)
    (
        "bb-conv8",
        BB8,
        13500,
        "2008-02-01",
        "00193376900000135000000001238798977770016818",
        "00190.00009 01238.798977 77700.168188 3 37690000013500",
    ),
    (
        "bb-conv7",
        BB7,
        72356,
        "2008-02-03",
        "00195377100000723560000001238798777770016818",
        "00190.00009 01238.798779 77700.168188 5 37710000072356",
    ),
    (
        "bb-conv6",
        {**BB, "agreement": "123879", "our_number": "1234"},
        13500,
        "2008-02-01",
        "00192376900000135001238790123440420006190018",
        "00191.23876 90123.440423 00061.900189 2 37690000013500",
    ),
    (
        "bb-cart17",
        {
            "bank": "001",
            "agency": "3174",
            "account": "00011672",
            "wallet": "17",
            "agreement": "1474166",
            "our_number": "0000000328",
        },
        224674,
        "2016-07-05",
        "00191684600002246740000001474166000000032817",
        "00190.00009 01474.166004 00000.328179 1 68460000224674",
    ),
    # 3.3 Bradesco (brc)
    (
        "bradesco-06",
        BRAD6,
        295295,
        "2009-04-30",
        "23795422300002952951172060007589645204030050",
        "23791.17209 60007.589645 52040.300502 5 42230000295295",
    ),
    (
        "bradesco-03",
        {
            "bank": "237",
            "agency": "4042",
            "account": "61900",
            "wallet": "03",
            "our_number": "777700168",
        },
        13500,
        "2008-02-02",
        "23791377000000135004042030077770016800619000",
        "23794.04201 30077.770011 68006.190000 1 37700000013500",
    ),
    # 3.4 Itaú (brc); the valor-0 carteira 175 case is in test_itau_blank_value
    (
        "itau-196",
        {
            "bank": "341",
            "agency": "0810",
            "account": "53678",
            "wallet": "196",
            "document_number": "1234567",
            "agreement": "12345",
            "our_number": "258281",
        },
        13500,
        "2004-09-05",
        "34191252500000135001960025828112345671234550",
        "34191.96005 25828.112349 56712.345505 1 25250000013500",
    ),
    # 1.6 / issue: openboleto ItauTest.php carteira 112 (full DAC over ag+conta+cart+NN)
    (
        "itau-112",
        {"bank": "341", "agency": "1724", "account": "12345", "wallet": "112",
         "our_number": "12345678"},
        1050,
        "2013-01-01",
        None,
        "34191.12127 34567.881726 41234.580003 1 55650000001050",
    ),
    # 3.1 post-rollover (brc itau_spec, venc 2029-05-20)
    (
        "itau-109-2029",
        ITAU109,
        675787,
        "2029-05-20",
        "34194254800006757871090001015271248021246000",
        "34191.09008 01015.271248 80212.460002 4 25480000675787",
    ),
    # 3.5 Caixa SIGCB (ob)
    (
        "caixa-sr",
        {
            "bank": "104",
            "agency": "0501",
            "wallet": "SR",
            "agreement": "433756",
            "our_number": "5000000061",
        },
        81094,
        "2014-03-18",
        None,
        "10494.33756 65000.200546 00000.006106 8 60060000081094",
    ),
    (
        "caixa-7digit",
        {
            "bank": "104",
            "agency": "3454",
            "wallet": "RG",
            "agreement": "1242119",
            "our_number": "157460299",
        },
        2000,
        "2024-11-04",
        None,
        "10491.24215 19000.100040 15746.029915 1 98900000002000",
    ),
    # 3.6 Santander (brc)
    (
        "santander-1",
        {**SANT, "our_number": "9000026"},
        2500,
        "2011-10-09",
        "03399511500000025009189977500000900002690102",
        "03399.18997 77500.000904 00026.901025 9 51150000002500",
    ),
    (
        "santander-2",
        {**SANT, "our_number": "9000272"},
        5400,
        "2012-09-08",
        "03393545000000054009189977500000900027250102",
        None,
    ),
    # 3.7 Sicoob (brc)
    (
        "sicoob-01",
        {**SICOOB, "our_number": "2"},
        5000,
        "2016-02-18",
        None,
        "75691.43279 01022.938508 00000.240010 2 67080000005000",
    ),
    (
        "sicoob-05",
        {
            "bank": "756",
            "agency": "4134",
            "agreement": "148180",
            "variation": "05",
            "our_number": "110",
        },
        23500,
        "2017-04-15",
        None,
        "75691.41349 05014.818008 00011.040011 4 71300000023500",
    ),
    # 3.8 Sicredi (brc)
    (
        "sicredi-3",
        {**SICREDI, "wallet": "3"},
        19557,
        "2016-08-22",
        None,
        "74893.11626 08879.307109 65001.291056 1 68940000019557",
    ),
    (
        "sicredi-1",
        {**SICREDI, "wallet": "1"},
        19557,
        "2016-08-22",
        None,
        "74891.11620 08879.307109 65001.291015 1 68940000019557",
    ),
    # 3.9 Banrisul (brc)
    (
        "banrisul-2015",
        BANRISUL,
        127890,
        "2015-06-26",
        "04191647100001278902111029000150228325634059",
        "04192.11107 29000.150226 83256.340593 1 64710000127890",
    ),
    (
        "banrisul-2000",
        BANRISUL,
        55000,
        "2000-07-04",
        "04198100100000550002111029000150228325634059",
        None,
    ),
    (
        "banrisul-0016",
        {"bank": "041", "agency": "0016", "agreement": "0164640", "our_number": "03408099"},
        121600,
        "2017-01-12",
        "04192703700001216002100160164640034080994027",
        "04192.10018 60164.640033 40809.940279 2 70370000121600",
    ),
    # 3.11 rollover vectors (derived)
    (
        "roll-bb7-1000",
        BB7,
        13500,
        "2025-02-22",
        "00195100000000135000000001238798777770016818",
        "00190.00009 01238.798779 77700.168188 5 10000000013500",
    ),
    (
        "roll-bb7-1327",
        BB7,
        13500,
        "2026-01-15",
        "00193132700000135000000001238798777770016818",
        "00190.00009 01238.798779 77700.168188 3 13270000013500",
    ),
    (
        "roll-brad-9999",
        BRAD6,
        295295,
        "2025-02-21",
        "23799999900002952951172060007589645204030050",
        "23791.17209 60007.589645 52040.300502 9 99990000295295",
    ),
    (
        "roll-brad-1000",
        BRAD6,
        295295,
        "2025-02-22",
        "23794100000002952951172060007589645204030050",
        "23791.17209 60007.589645 52040.300502 4 10000000295295",
    ),
    (
        "roll-itau-1007",
        ITAU109,
        675787,
        "2025-03-01",
        "34191100700006757871090001015271248021246000",
        "34191.09008 01015.271248 80212.460002 1 10070000675787",
    ),
    (
        "roll-caixa-1016",
        CAIXA,
        1000,
        "2025-03-10",
        "10491101600000010002452740000100040000000017",
        "10492.45275 40000.100046 00000.000174 1 10160000001000",
    ),
    (
        "roll-sant-1312",
        {**SANT, "our_number": "9000026"},
        2500,
        "2025-12-31",
        "03399131200000025009189977500000900002690102",
        "03399.18997 77500.000904 00026.901025 9 13120000002500",
    ),
    (
        "roll-sicoob-1493",
        {**SICOOB, "our_number": "2"},
        5000,
        "2026-06-30",
        "75691149300000050001432701022938500000024001",
        "75691.43279 01022.938508 00000.240010 1 14930000005000",
    ),
    (
        "roll-sicredi-1002",
        {**SICREDI, "wallet": "1"},
        19557,
        "2025-02-24",
        "74897100200000195571116208879307106500129101",
        "74891.11620 08879.307109 65001.291015 7 10020000019557",
    ),
    (
        "roll-banrisul-9999",
        BANRISUL,
        55000,
        "2049-10-13",
        "04197999900000550002111029000150228325634059",
        "04192.11107 29000.150226 83256.340593 7 99990000055000",
    ),
]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@pytest.mark.parametrize(
    ("fields", "amount", "due", "barcode", "line"),
    [v[1:] for v in VECTORS],
    ids=[v[0] for v in VECTORS],
)
def test_published_vector(
    fields: dict, amount: int, due: str, barcode: str | None, line: str | None
) -> None:
    codes = compute_codes(BoletoInput(**fields, amount_cents=amount, due_date=D(due)))
    if barcode is not None:
        assert codes.barcode == barcode
    if line is not None:
        assert codes.digitable_line == _digits(line)
        assert codes.digitable_line_formatted == line
    assert codes.due_factor == due_factor(D(due))
    assert len(codes.barcode) == 44 and len(codes.digitable_line) == 47


def test_itau_112_our_number_has_the_full_dac() -> None:
    """Itaú Anexo 4: 112 is not a short-DAC carteira (openboleto: `112/12345678-8`)."""
    inp = BoletoInput(bank="341", agency="1724", account="12345", wallet="112",
                      our_number="12345678", amount_cents=1050, due_date=D("2013-01-01"))
    assert get_bank("341").format_our_number(inp) == "112/12345678-8"


def test_itau_blank_value_vector() -> None:
    """brc itau_spec carteira 175, valor 0: a blank value (compute_codes refuses it)."""
    inp = BoletoInput(
        bank="341", agency="0810", account="53678", wallet="175", our_number="12345678"
    )
    free = get_bank("341").free_field(inp)
    code = build_barcode("341", due_factor(D("2009-08-14")), 0, free)
    assert code == "34191432900000000001751234567840810536789000"
    assert format_digitable_line(digitable_line(code)) == (
        "34191.75124 34567.840813 05367.890000 1 43290000000000"
    )


def test_safra_post_rollover_barcode_layer() -> None:
    """§3.1 Safra (422, a bank we do not issue for): factor 1001 = 2025-02-23 at barcode level."""
    code = build_barcode("422", due_factor(D("2025-02-23")), 18084, "7004000002782472617300112")
    assert code == "42296100100000180847004000002782472617300112"
    assert format_digitable_line(digitable_line(code)) == (
        "42297.00408 00002.782472 26173.001129 6 10010000018084"
    )


@pytest.mark.parametrize(
    ("fields", "free"),
    [
        ({**BB8}, "0000001238798977770016818"),
        ({**ITAU109}, "1090001015271248021246000"),
        ({**CAIXA}, "2452740000100040000000017"),
        ({**SICOOB, "our_number": "2"}, "1432701022938500000024001"),
        ({**SICREDI, "wallet": "3"}, "3116208879307106500129105"),
        ({**BRAD6}, "1172060007589645204030050"),
    ],
    ids=["bb", "itau", "caixa", "sicoob", "sicredi", "bradesco"],
)
def test_published_free_fields(fields: dict, free: str) -> None:
    inp = BoletoInput(**fields, amount_cents=100)
    assert get_bank(inp.bank).free_field(inp) == free
