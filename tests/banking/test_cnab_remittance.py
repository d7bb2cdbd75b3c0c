"""CNAB 400 remittances: written at exact width, read back equal, golden files re-written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import read_record, split_lines, write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.model import Beneficiary, Command, RemittanceItem
from contoffice.banking.cnab.remittance import read_remittance, write_remittance

FIXTURES = Path(__file__).parent / "cnab_fixtures"

BENEFICIARIES = {
    "341": Beneficiary(bank="341", file_format="400",
                       name="Escritório Contábil São João Ltda", document="12.345.678/0001-95",
                       agency="1234", account="12345", account_dv="1", wallet="109"),
    "237": Beneficiary(bank="237", file_format="400", name="Escritório Contábil São João",
                       document="12345678000195", agreement="4540691", wallet="009",
                       agency="01467", account="0019669", account_dv="P"),
}
# What each bank's records read back for the beneficiary's agency, account and wallet.
ACCOUNT = {
    "341": {"agencia": "1234", "conta": "12345", "carteira": "109"},
    "237": {"agencia": "01467", "conta": "0019669", "carteira": "009"},
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
    data = write_remittance(BENEFICIARIES[bank], 17, ITEMS, generated_on=date(2026, 11, 29))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) == 400 for line in lines[:-1])
    assert [int(line[394:400]) for line in lines[:-1]] == [1, 2, 3, 4]
    back = read_remittance(data)
    assert (back.bank, back.file_format) == (bank, "CNAB400") and len(back.details) == 2
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
        assert first[key] == ACCOUNT[bank][key]
    assert first["ocorrencia"] == "01"
    if bank == "237":
        assert back.header["sequencial_remessa"] == "0000017"
        assert back.header["codigo_empresa"] == "00000000000004540691"
        assert first["conta_dv"] == "P"
    else:
        assert first["empresa_tipo_inscricao"] == "02"
        assert first["empresa_documento"] == "12345678000195"
        assert first["dac"] == "1"
        assert first["pagador_cidade"] == "SAO PAULO" and first["pagador_bairro"] == "SANTA EFIGEN"


def test_unknown_bank_format_and_bad_values_are_refused() -> None:
    itau = BENEFICIARIES["341"]
    with pytest.raises(CnabError) as caught:
        write_remittance(replace(itau, bank="999"), 1, ITEMS)
    assert "999" in caught.value.message
    with pytest.raises(CnabError) as caught:
        write_remittance(replace(itau, file_format="444"), 1, ITEMS)
    assert "444" in caught.value.message
    bad = RemittanceItem("1" * 12, "1", date(2026, 1, 1), 1, "A", "1")
    with pytest.raises(CnabError) as caught:
        write_remittance(itau, 1, [bad])
    assert caught.value.line_number == 2
    with pytest.raises(CnabError) as caught:
        write_remittance(replace(itau, agency="12a4"), 1, ITEMS)
    assert caught.value.line_number == 1 and "campo agência" in caught.value.message


@pytest.mark.parametrize("bank", ["341", "237"])
def test_commands_are_written_with_the_banks_codes(bank: str) -> None:
    items = [replace(ITEMS[0], command=command) for command in
             (Command.REGISTER, Command.WRITE_OFF, Command.CHANGE_DUE_DATE, Command.PROTEST)]
    back = read_remittance(write_remittance(BENEFICIARIES[bank], 1, items))
    assert [d["ocorrencia"] for d in back.details] == ["01", "02", "06", "09"]


@pytest.mark.parametrize("bank", ["341", "237"])
def test_a_command_the_bank_lacks_is_refused_in_pt_br(bank: str) -> None:
    item = replace(ITEMS[1], command=Command.CHANGE_AMOUNT)
    with pytest.raises(CnabError) as caught:
        write_remittance(BENEFICIARIES[bank], 1, [ITEMS[0], item])
    assert caught.value.line_number == 3
    assert f"banco {bank} não aceita o comando 'alterar_valor'" in caught.value.message


def test_fine_discount_and_protest_reach_the_records() -> None:
    item = replace(ITEMS[0], fine_bp=200, discount_cents=1_500,
                   discount_until=date(2026, 12, 5), protest_days=5)
    back = read_remittance(write_remittance(BENEFICIARIES["237"], 1, [item]))
    detail = back.details[0]
    assert (detail["multa_tipo"], detail["multa_percentual"]) == ("2", "0200")
    assert detail["desconto"] == 1_500 and detail["desconto_ate"] == date(2026, 12, 5)
    itau = write_remittance(BENEFICIARIES["341"], 1, [item, ITEMS[1]])
    lines = itau.split(b"\r\n")
    # Itaú's fine goes in a type-2 record right after its detail; numbering goes on.
    assert [line[:1] for line in lines[:-1]] == [b"0", b"1", b"2", b"1", b"9"]
    back = read_remittance(itau)
    assert len(back.details) == 2 and back.trailer["sequencial"] == "000005"
    first = back.details[0]
    assert first["multa_codigo"] == "2" and first["multa_data"] == date(2026, 12, 11)
    assert int(first["multa_percentual"]) == 200  # type: ignore[arg-type]
    assert first["prazo_protesto"] == "05" and first["desconto"] == 1_500
    assert "multa_codigo" not in back.details[1]


@pytest.mark.parametrize(("name", "bank"), [("remessa-bradesco-cnab400.rem", "237"),
                                            ("remessa-itau-cnab400.rem", "341")])
def test_golden_remittance_lines_rewrite_byte_for_byte(name: str, bank: str) -> None:
    layout = CNAB400[bank]
    lines = split_lines((FIXTURES / name).read_bytes())
    records = {"0": layout.remittance_header, "1": layout.remittance_detail,
               "9": layout.remittance_trailer}
    checked = 0
    for number, line in enumerate(lines, start=1):
        record = records.get(line[0]) or layout.remittance_fine
        values = read_record(record, line, number)
        assert write_record(record, values, number) == line
        checked += 1
    assert checked == len(lines)


def test_bradesco_golden_file_reads_as_a_remittance() -> None:
    back = read_remittance((FIXTURES / "remessa-bradesco-cnab400.rem").read_bytes())
    assert back.bank == "237" and len(back.details) == 1
    assert back.header["sequencial_remessa"] == "0000001"
    detail = back.details[0]
    assert detail["nosso_numero"] == "00000000123" and detail["nosso_numero_dv"] == "P"
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)


@pytest.mark.parametrize(("bank", "code"), [("341", "09"), ("237", "06")])
def test_protest_days_order_the_banks_protest_instruction(bank: str, code: str) -> None:
    item = replace(ITEMS[1], protest_days=5)
    detail = read_remittance(write_remittance(BENEFICIARIES[bank], 1, [item, ITEMS[1]])).details
    assert detail[0]["instrucao1"] == code and detail[1]["instrucao1"] == ""
    if "prazo_protesto" in CNAB400[bank].remittance_detail.by_name:  # type: ignore[union-attr]
        assert detail[0]["prazo_protesto"] == "05"
