"""CNAB 400 remittances: written at exact width, read back equal, golden files re-written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import read_record, split_lines, write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.remittance import RemittanceItem, read_remittance, write_remittance

FIXTURES = Path(__file__).parent / "cnab_fixtures"

PROFILES = {
    "341": {"agencia": "1234", "conta": "12345", "dac": "1", "carteira": "109",
            "empresa_tipo_inscricao": "02", "empresa_documento": "12345678000195",
            "empresa_nome": "Escritório Contábil São João Ltda"},
    "237": {"codigo_empresa": "4540691", "empresa_nome": "Escritório Contábil São João",
            "carteira": "009", "agencia": "01467", "conta": "0019669", "conta_dv": "P"},
}

ITEMS = [
    RemittanceItem(
        nosso_numero="00000123", document_number="NF-1/2026", due_date=date(2026, 12, 10),
        amount_cents=154_990, payer_name="Pablo Diego José Francisco de Paula Juan Nepomuceno",
        payer_document="123.456.789-09", payer_street="Rua Rio Grande do Sul, 1º andar",
        payer_district="Santa Efigênia", payer_city="São Paulo", payer_state="SP",
        payer_cep="01001-000", instruction1="09", interest_per_day_cents=52,
    ),
    RemittanceItem(
        nosso_numero="00000124", document_number="2", due_date=date(2027, 1, 10),
        amount_cents=1, payer_name="Ação Ltda", payer_document="12.345.678/0001-95",
        issue_date=date(2026, 11, 1),
    ),
]


@pytest.mark.parametrize("bank", ["341", "237"])
def test_remittance_round_trips(bank: str) -> None:
    data = write_remittance(bank, PROFILES[bank], 17, ITEMS, generated_on=date(2026, 11, 29))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) == 400 for line in lines[:-1])
    assert [int(line[394:400]) for line in lines[:-1]] == [1, 2, 3, 4]
    back = read_remittance(data)
    assert back.bank == bank and len(back.details) == 2
    assert back.header["data_geracao"] == date(2026, 11, 29)
    # 30 columns: the Itaú name is cut, never spilled into the bank code.
    assert back.header["empresa_nome"] == "ESCRITORIO CONTABIL SAO JOAO" + (
        " L" if bank == "341" else "")
    assert back.trailer["sequencial"] == "000004"
    first, second = back.details
    assert first["nosso_numero"].lstrip("0") == "123"  # type: ignore[union-attr]
    assert first["numero_documento"] == "NF-1/2026"
    assert first["vencimento"] == date(2026, 12, 10)
    assert first["valor"] == 154_990 and second["valor"] == 1
    assert first["juros_dia"] == 52 and first["instrucao1"] == "09"
    assert first["emissao"] == date(2026, 11, 29) and second["emissao"] == date(2026, 11, 1)
    assert first["pagador_tipo_inscricao"] == "01" and second["pagador_tipo_inscricao"] == "02"
    assert first["pagador_documento"] == "00012345678909"
    assert second["pagador_documento"] == "12345678000195"
    assert first["pagador_cep"] == "01001000"
    assert first["pagador_endereco"] == "RUA RIO GRANDE DO SUL, 1O ANDAR"
    assert first["pagador_nome"] == (
        "PABLO DIEGO JOSE FRANCISCO DE" if bank == "341"
        else "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN"
    )
    for key in ("agencia", "conta", "carteira"):
        assert first[key] == PROFILES[bank][key]
    if bank == "237":
        assert back.header["sequencial_remessa"] == "0000017"
    else:
        assert first["pagador_cidade"] == "SAO PAULO" and first["pagador_bairro"] == "SANTA EFIGEN"


def test_unknown_bank_and_bad_values_are_refused() -> None:
    with pytest.raises(CnabError):
        write_remittance("999", {}, 1, ITEMS)
    bad = RemittanceItem("1" * 12, "1", date(2026, 1, 1), 1, "A", "1")
    with pytest.raises(CnabError) as caught:
        write_remittance("341", PROFILES["341"], 1, [bad])
    assert caught.value.line_number == 2
    with pytest.raises(KeyError):
        write_remittance("341", {"agencai": "1"}, 1, ITEMS)


@pytest.mark.parametrize(("name", "bank"), [("remessa-bradesco-cnab400.rem", "237"),
                                            ("remessa-itau-cnab400.rem", "341")])
def test_golden_remittance_lines_rewrite_byte_for_byte(name: str, bank: str) -> None:
    layout = CNAB400[bank]
    lines = split_lines((FIXTURES / name).read_bytes())
    records = {"0": layout.remittance_header, "1": layout.remittance_detail,
               "9": layout.remittance_trailer}
    checked = 0
    for number, line in enumerate(lines, start=1):
        record = records.get(line[0])
        if record is None:  # Itaú's optional fine record (type 2) has no layout yet
            continue
        values = read_record(record, line, number)
        assert write_record(record, values, number) == line
        checked += 1
    assert checked == len(lines) - (1 if bank == "341" else 0)


def test_bradesco_golden_file_reads_as_a_remittance() -> None:
    back = read_remittance((FIXTURES / "remessa-bradesco-cnab400.rem").read_bytes())
    assert back.bank == "237" and len(back.details) == 1
    assert back.header["sequencial_remessa"] == "0000001"
    detail = back.details[0]
    assert detail["nosso_numero"] == "00000000123" and detail["nosso_numero_dv"] == "P"
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)
