"""CNAB 400 of Banco do Brasil (CBR641/CBR643), Santander and Sicoob: the sample returns
give the values boleto.md §4.1 lists, the golden remittances read back, files round-trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.banks import santander_pix
from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import read_record, split_lines
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.model import Beneficiary, Command, RemittanceItem, ReturnEntry
from contoffice.banking.cnab.remittance import read_remittance, write_remittance
from contoffice.banking.cnab.returns import read_return, write_return

FIXTURES = Path(__file__).parent / "cnab_fixtures"
Oc = Occurrence
BANKS = ("001", "033", "756")


def fixture(name: str) -> bytes:
    """The bytes of a sample file (copies of /work/shared/fixtures/cnab)."""
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"amostra {name} ausente")
    return path.read_bytes()


def test_santander_return_sample() -> None:
    result = read_return(fixture("CNAB400SANTANDER.RET"))
    assert (result.bank, result.bank_name, result.file_format) == ("033", "Santander", "CNAB400")
    assert (result.agency, result.account) == ("0730", "00035110")
    assert result.generated_on == date(2013, 5, 20)
    # §4.1: 55 lines, "54 details" after the header: 52 details, the PIX record (its
    # fields go into the detail it follows) and the trailer.
    assert len(result.records) == 52
    first = result.records[0]
    assert first.nosso_numero == "00000011"
    assert first.occurrence_code == "06" and first.occurrence is Oc.LIQUIDACAO
    assert (first.face_value, first.paid, first.fee) == (4000, 3790, 210)
    assert first.occurrence_date == date(2013, 5, 20)
    assert first.credit_date == date(2013, 5, 21)
    with_pix = [r for r in result.records if "pix_txid" in r.fields]
    assert len(with_pix) == 1
    (pix,) = with_pix
    assert pix.line_number == 53 and pix.nosso_numero == "27714592"
    assert pix.occurrence_code == "09" and pix.occurrence is Oc.BAIXA
    assert pix.fields["pix_tipo_chave"] == "1"  # CPF
    assert pix.fields["pix_chave"] == "12345678901"
    assert pix.fields["pix_txid"] == "d48c95197d6ec3985b89bc3ccb3351"
    assert pix.fields["sequencial"] == "000053"  # the detail's own, not the PIX line's


def test_bb_cbr643_return_sample() -> None:
    result = read_return(fixture("CBR64310.RET"))
    assert (result.bank, result.bank_name) == ("001", "Banco do Brasil")
    assert result.agreement == "1622420"  # §4.1: convênio 1622420
    assert (result.agency, result.account) == ("3325", "00028935")
    assert result.generated_on == date(2009, 1, 20)
    assert len(result.records) == 26  # 28 lines: header, 26 details of type 7, trailer
    first = result.records[0]
    # §4.1: NN 16224200000000003, liquidação 200109, crédito 220109, recebido 9064.
    assert first.nosso_numero == "16224200000000003"
    assert first.fields["codigo_empresa"] == "1622420"
    assert first.occurrence_code == "06" and first.occurrence is Oc.LIQUIDACAO
    assert first.occurrence_date == date(2009, 1, 20)
    assert first.credit_date == date(2009, 1, 22)
    assert first.paid == first.face_value == 9064
    assert first.fee == 500
    assert first.fields["valor_lancamento"] == 8564  # paid less the fee
    assert first.wallet == "18" and first.fields["variacao"] == "019"
    assert all(r.occurrence is Oc.LIQUIDACAO for r in result.records)
    assert sum(r.paid for r in result.records) == 1_005_183


def test_bb_golden_remittance_reads_back() -> None:
    back = read_remittance(fixture("remessa-banco-brasil-cnab400.rem"))
    assert back.bank == "001" and len(back.details) == 1
    head = back.header
    assert (head["agencia"], head["agencia_dv"], head["conta"], head["conta_dv"]) == (
        "1234", "3", "00001234", "3")
    assert head["convenio_lider"] == "7654321" and head["sequencial_remessa"] == "0000001"
    (detail,) = back.details
    assert detail["registro"] == "7" and detail["codigo_empresa"] == "1234567"
    assert detail["nosso_numero"] == "12345670000000123"  # convênio + sequence
    assert (detail["carteira"], detail["variacao"], detail["tipo_cobranca"]) == (
        "12", "123", "04DSC")
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)
    assert detail["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA J"  # 37 columns
    assert (detail["pagador_cidade"], detail["pagador_uf"]) == ("SANTA RITA DE C", "SP")


def test_santander_golden_remittance_reads_back() -> None:
    back = read_remittance(fixture("remessa-santander-cnab400.rem"))
    assert back.bank == "033" and len(back.details) == 1
    assert back.header["codigo_transmissao"] == "17777751042700080112"
    assert back.header["versao"] == "058"
    (detail,) = back.details
    assert detail["nosso_numero"] == "00000123"
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)
    assert detail["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN"  # 40
    assert detail["juros_dia"] == 800 and detail["instrucao1"] == "06"
    assert (detail["codigo_multa"], detail["multa_percentual"]) == ("4", "0200")
    assert (detail["complemento_tipo"], detail["complemento"]) == ("I", "78")
    assert back.trailer["quantidade_linhas"] == "000003"
    assert back.trailer["valor_total"] == 19_990


def test_santander_pix_golden_remittance_records() -> None:
    # 400 wide; its "8" record (the PIX key of the boleto before it) read with its record.
    lines = split_lines(fixture("remessa-santander-cnab400-pix.rem"))
    assert [len(line) for line in lines] == [400] * 4
    assert [line[0] for line in lines] == ["0", "1", "8", "9"]
    detail = read_record(CNAB400["033"].remittance_detail, lines[1], 2)
    assert detail["nosso_numero"] == "00000123" and detail["valor"] == 19_990
    pix = read_record(santander_pix.REMITTANCE_PIX, lines[2], 3)
    assert (pix["pix_tipo_chave"], pix["pix_chave"]) == ("1", "12345678910")
    assert pix["pix_tipo_pagamento"] == "00" and pix["pix_quantidade_pagamentos"] == "01"


def test_sicoob_golden_remittance_reads_back() -> None:
    back = read_remittance(fixture("remessa-sicoob-cnab400.rem"))
    assert back.bank == "756" and len(back.details) == 1
    head = back.header
    assert (head["agencia"], head["agencia_dv"], head["codigo_empresa"]) == (
        "4327", "3", "123456789")
    assert head["sequencial_remessa"] == "0000001"
    (detail,) = back.details
    assert (detail["conta"], detail["conta_dv"]) == ("12345678", "1")
    assert detail["nosso_numero"] == "000000000123" and detail["parcela"] == "01"
    assert (detail["carteira"], detail["tipo_emissao"]) == ("01", "2")
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)
    assert detail["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN"  # 40
    assert detail["pagador_endereco"] == "RUA RIO GRANDE DO SUL SAO PAULO MINAS"  # 37
    assert detail["pagador_bairro"] == "SAO JOSE DOS QU"  # 15


BENEFICIARIES = {
    "001": Beneficiary(
        bank="001", file_format="400", name="Escritório Contábil São João Ltda",
        document="12.345.678/0001-95", agency="1234", agency_dv="3", account="00001234",
        account_dv="X", wallet="17", agreement="1234567", variation="019",
    ),
    "033": Beneficiary(
        bank="033", file_format="400", name="Escritório Contábil São João Ltda",
        document="123.456.789-09", agency="0730", account="00035110", wallet="101",
        agreement="17777751042700080112", modality="1",
    ),
    "756": Beneficiary(
        bank="756", file_format="400", name="Escritório Contábil São João Ltda",
        document="12.345.678/0001-95", agency="4327", agency_dv="3", account="12345678",
        account_dv="1", wallet="1", agreement="123456789", modality="01",
    ),
}

# The nosso número at each bank's width: BB convênio + 10, Santander 7 + DV, Sicoob 11 + DV.
OUR_NUMBERS = {
    "001": ("12345670000000123", "12345670000000124"),
    "033": ("00001236", "00001244"),
    "756": ("000000001230", "000000001248"),
}

LONG_NAME = "Pablo Diego José Francisco de Paula Juan Nepomuceno María de los Remedios"


def items(bank: str) -> list[RemittanceItem]:
    """Two boletos: an over-long accented payer with a fine, a company without."""
    first, second = OUR_NUMBERS[bank]
    return [
        RemittanceItem(
            nosso_numero=first, document_number="NF-1/2026", due_date=date(2026, 12, 10),
            amount_cents=154_990, payer_name=LONG_NAME, payer_document="123.456.789-09",
            payer_street="Rua Rio Grande do Sul, 1º andar", payer_district="Santa Efigênia",
            payer_city="São Paulo", payer_state="SP", payer_cep="01001-000",
            interest_per_day_cents=52, fine_bp=200,
        ),
        RemittanceItem(
            nosso_numero=second, document_number="2", due_date=date(2027, 1, 10),
            amount_cents=1, payer_name="Ação Ltda", payer_document="12.345.678/0001-95",
            issue_date=date(2026, 11, 1), command=Command.WRITE_OFF,
        ),
    ]


@pytest.mark.parametrize("bank", BANKS)
def test_remittance_round_trips(bank: str) -> None:
    # Exact width, CRLF, numbered 1..n, ASCII upper, names cut; read back equal.
    data = write_remittance(BENEFICIARIES[bank], 17, items(bank), generated_on=date(2026, 11, 29))
    text = data.decode("ascii")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line) == 400 and line == line.upper() for line in lines)
    assert [int(line[394:400]) for line in lines] == list(range(1, len(lines) + 1))
    back = read_remittance(data)
    assert back.bank == bank and len(back.details) == 2
    assert back.header["data_geracao"] == date(2026, 11, 29)
    assert back.header["empresa_nome"] == "ESCRITORIO CONTABIL SAO JOAO L"  # 30 columns
    first, second = back.details
    assert (first["nosso_numero"], second["nosso_numero"]) == OUR_NUMBERS[bank]
    assert (first["ocorrencia"], second["ocorrencia"]) == ("01", "02")
    assert first["numero_documento"] == "NF-1/2026"
    assert first["vencimento"] == date(2026, 12, 10) and first["valor"] == 154_990
    assert second["valor"] == 1 and second["emissao"] == date(2026, 11, 1)
    assert first["emissao"] == date(2026, 11, 29)
    width = CNAB400[bank].remittance_detail.by_name["pagador_nome"].length  # type: ignore[union-attr]
    assert first["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN NEPOMUCENO"[:width]
    assert first["pagador_cidade"] == "SAO PAULO" and first["pagador_cep"] == "01001000"
    assert first["pagador_documento"] == "00012345678909"
    assert second["pagador_tipo_inscricao"] == "02"


def test_bb_remittance_account_fields() -> None:
    data = write_remittance(BENEFICIARIES["001"], 3, items("001")[:1])
    assert [line[:1] for line in data.split(b"\r\n")] == [b"0", b"7", b"5", b"9", b""]
    bb = read_remittance(data)
    assert (bb.header["agencia"], bb.header["conta"], bb.header["conta_dv"]) == (
        "1234", "00001234", "X")
    assert bb.header["sequencial_remessa"] == "0000003"
    detail = bb.details[0]
    assert (detail["codigo_empresa"], detail["carteira"], detail["variacao"]) == (
        "1234567", "17", "019")
    assert detail["empresa_documento"] == "12345678000195"
    assert detail["juros_dia"] == 52
    # The fine goes in BB's type-5 record after the detail, merged back into it.
    assert (detail["multa_codigo"], detail["multa_percentual"]) == ("2", "000000000200")
    assert detail["multa_data"] == date(2026, 12, 11)


def test_santander_remittance_trailer_counts_lines_and_totals() -> None:
    # Santander's trailer carries the file's line count and the sum of the face values
    # (the golden file: 000003 and 19990).
    back = read_remittance(write_remittance(BENEFICIARIES["033"], 3, items("033")))
    assert back.trailer["quantidade_linhas"] == "000004"
    assert back.trailer["valor_total"] == 154_991


def test_remittance_account_fields_come_from_the_beneficiary() -> None:
    santander = read_remittance(write_remittance(BENEFICIARIES["033"], 3, items("033")))
    assert santander.header["codigo_transmissao"] == "17777751042700080112"
    assert santander.details[0]["codigo_transmissao"] == "17777751042700080112"
    assert santander.details[0]["carteira"] == "1"
    sicoob = read_remittance(write_remittance(BENEFICIARIES["756"], 3, items("756")))
    assert sicoob.header["codigo_empresa"] == "123456789"
    first = sicoob.details[0]
    assert (first["agencia"], first["agencia_dv"], first["conta"], first["conta_dv"]) == (
        "4327", "3", "12345678", "1")
    assert first["carteira"] == "01" and first["agencia_cobradora"] == "4327"


@pytest.mark.parametrize("bank", BANKS)
def test_a_command_the_bank_lacks_is_refused(bank: str) -> None:
    item = RemittanceItem(
        nosso_numero=OUR_NUMBERS[bank][0], document_number="1", due_date=date(2026, 12, 1),
        amount_cents=100, payer_name="X", payer_document="12345678909",
        command=Command.CHANGE_AMOUNT,
    )
    with pytest.raises(CnabError):
        write_remittance(BENEFICIARIES[bank], 1, [item])


REASONS = {"001": ("42",), "033": ("057", "108"), "756": ("005",)}


def entries(bank: str) -> list[ReturnEntry]:
    """A settlement, a rejection with the bank's reason codes and an entry confirmed."""
    first, second = OUR_NUMBERS[bank]
    return [
        ReturnEntry(
            nosso_numero=first, document_number="NF-1/2026", occurrence_code="06",
            occurrence_date=date(2026, 12, 11), due_date=date(2026, 12, 10),
            face_value=154_990, paid=155_042, interest=52, fee=350,
            credit_date=date(2026, 12, 12),
        ),
        ReturnEntry(
            nosso_numero=second, document_number="2", occurrence_code="03",
            occurrence_date=date(2026, 11, 30), due_date=date(2027, 1, 10), face_value=1,
            reasons=REASONS[bank],
        ),
        ReturnEntry(
            nosso_numero=first, document_number="NF-1/2026", occurrence_code="02",
            occurrence_date=date(2026, 11, 30), due_date=date(2026, 12, 10),
            face_value=154_990, discount=10, rebate=20,
        ),
    ]


@pytest.mark.parametrize("bank", BANKS)
def test_return_round_trips(bank: str) -> None:
    beneficiary = BENEFICIARIES[bank]
    data = write_return(beneficiary, entries(bank), date(2026, 12, 12), sequence_number=4)
    lines = data.decode("ascii").split("\r\n")[:-1]
    assert all(len(line) == 400 for line in lines)
    assert [int(line[394:400]) for line in lines] == [1, 2, 3, 4, 5]
    result = read_return(data)
    assert result.bank == bank and result.generated_on == date(2026, 12, 12)
    assert (result.agency, result.account) == (beneficiary.agency, beneficiary.account)
    paid, refused, confirmed = result.records
    assert paid.nosso_numero == OUR_NUMBERS[bank][0] and paid.document_number == "NF-1/2026"
    assert paid.occurrence is Oc.LIQUIDACAO
    assert (paid.face_value, paid.paid, paid.interest, paid.fee) == (154_990, 155_042, 52, 350)
    assert paid.occurrence_date == date(2026, 12, 11)
    assert paid.due_date == date(2026, 12, 10) and paid.credit_date == date(2026, 12, 12)
    assert refused.occurrence is Oc.REJEITADA and refused.reasons == REASONS[bank]
    assert refused.credit_date is None
    assert confirmed.occurrence is Oc.ENTRADA_CONFIRMADA
    assert (confirmed.discount, confirmed.rebate) == (10, 20)


def test_bb_return_names_the_convenio() -> None:
    data = write_return(BENEFICIARIES["001"], entries("001"), date(2026, 12, 12))
    result = read_return(data)
    assert result.agreement == "1234567"
    assert {line[0] for line in data.decode("ascii").split("\r\n")[1:-2]} == {"7"}


@pytest.mark.parametrize("bank", BANKS)
def test_occurrence_tables_and_commands(bank: str) -> None:
    layout = CNAB400[bank]
    for raw, kind in layout.occurrences.items():
        assert len(raw) == 2 and raw.isdigit() and isinstance(kind, Occurrence)
    assert layout.occurrence("02") is Oc.ENTRADA_CONFIRMADA
    assert layout.occurrence("03") is Oc.REJEITADA
    assert layout.occurrence("06") is Oc.LIQUIDACAO
    assert layout.occurrence("09") is Oc.BAIXA
    assert layout.occurrence("99") is Oc.OUTROS
    assert layout.commands[Command.REGISTER] == "01"
    assert layout.commands[Command.WRITE_OFF] == "02"
    assert layout.commands[Command.CHANGE_DUE_DATE] == "06"
    assert layout.commands[Command.PROTEST] == "09"
    assert Command.CHANGE_AMOUNT not in layout.commands
