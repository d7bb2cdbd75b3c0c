"""CNAB 400 of Banrisul, Sicredi, BRB, BNB, CrediSIS and Unicred: the sample returns give
the values boleto.md §4.1 lists, the golden remittances read back, 041/748 round-trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.banks import unicred400
from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import read_record, split_lines
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.model import (
    Beneficiary,
    Command,
    RemittanceItem,
    ReturnEntry,
)
from contoffice.banking.cnab.remittance import read_remittance, write_remittance
from contoffice.banking.cnab.returns import read_return, write_return

FIXTURES = Path(__file__).parent / "cnab_fixtures"
Oc = Occurrence


def fixture(name: str) -> bytes:
    """The bytes of a sample file (copies of /work/shared/fixtures/cnab)."""
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"amostra {name} ausente")
    return path.read_bytes()


def mended(name: str, header_bank: str | None = None) -> bytes:
    """A sample whose trailer numbers itself as its line (and, if asked, whose header
    names `header_bank`): the BRB and Unicred samples were cut from longer files."""
    lines = split_lines(fixture(name))
    lines[-1] = lines[-1][:394] + f"{len(lines):06d}"
    if header_bank is not None:
        lines[0] = lines[0][:76] + header_bank + lines[0][79:]
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def test_banrisul_sample() -> None:
    result = read_return(fixture("CNAB400BANRISUL.RET"))
    assert (result.bank, result.bank_name) == ("041", "Banrisul")
    assert result.generated_on == date(2015, 5, 15)
    (first,) = result.records
    # §4.1: NN 2283256350 (with its duplo dígito), ocorrência 06, venc 250515,
    # valor = recebido 145000, tarifa 160, crédito 150515.
    assert (first.nosso_numero, first.fields["nosso_numero_dv"]) == ("22832563", "50")
    assert first.occurrence_code == "06" and first.occurrence is Oc.LIQUIDACAO
    assert first.due_date == date(2015, 5, 25)
    assert first.face_value == first.paid == 145_000
    assert first.fee == 160
    assert first.credit_date == date(2015, 5, 15)
    assert first.occurrence_date == date(2015, 5, 15)
    assert first.wallet == "1" and first.reasons == ()
    fields = first.fields
    assert (fields["agencia"], fields["codigo_empresa"]) == ("1102", "9000150")


def test_brb_sample() -> None:
    # The sample's trailer numbers itself 30 on line 3; the rest is read as sent.
    result = read_return(mended("CNAB400BANCOBRASILIA.RET"))
    assert (result.bank, result.bank_name) == ("070", "BRB")
    assert result.agreement == "00000000000279998886"
    assert result.generated_on == date(2012, 7, 26)  # DDMMAAAA, as every BRB date
    (first,) = result.records
    # §4.1: NN 107851907015, ocorrência 05, recebido 26492.
    assert first.nosso_numero == "107851907015"
    assert first.occurrence_code == "05" and first.occurrence is Oc.LIQUIDACAO
    assert first.paid == 26_492 and first.face_value == 26_492
    assert first.occurrence_date == first.due_date == first.credit_date == date(2012, 7, 26)
    assert first.fee == 0 and first.reasons == ()


def test_bnb_sample() -> None:
    result = read_return(fixture("CNAB400BANCONORDESTE.RET"))
    assert (result.bank, result.bank_name) == ("004", "Banco do Nordeste")
    assert (result.agency, result.account) == ("0217", "0005691")
    assert result.generated_on == date(2014, 11, 19)
    (first,) = result.records
    # §4.1: NN 00000116 (with its DV), ocorrência 06, tarifa 260, motivo a bitmap.
    assert (first.nosso_numero, first.fields["nosso_numero_dv"]) == ("0000011", "6")
    assert first.occurrence_code == "06" and first.occurrence is Oc.LIQUIDACAO
    assert first.fee == 260
    assert first.face_value == first.paid == 17_500
    assert first.wallet == "I"
    flags = first.fields["indicadores_erro"]
    assert isinstance(flags, str) and set(flags) == {"0", "1"} and len(flags) == 64
    assert first.reasons == ()  # a bitmap is not cut into two-character codes
    assert first.credit_date is None  # BNB sends none


def test_credisis_sample() -> None:
    result = read_return(fixture("CNAB400CREDISIS.RET"))
    assert (result.bank, result.bank_name) == ("097", "CrediSIS")
    assert (result.agency, result.account) == ("6901", "00040311")
    (first,) = result.records
    # §4.1: NN 00005005001, recebido 44400.
    assert first.nosso_numero == "00005005001"
    assert first.paid == 44_400
    assert first.credit_date == date(2015, 5, 15)
    assert first.due_date == date(2012, 10, 1)
    # The sample leaves the occurrence columns blank.
    assert first.occurrence_code == "" and first.occurrence is Oc.OUTROS


def test_unicred_sample_detail() -> None:
    # §4.1: the spec is empty. The header names 001 BANCO DO BRASIL (collection through
    # BB), the detail is Unicred's own layout: read it with Unicred's records.
    lines = split_lines(fixture("CNAB400UNICRED.RET"))
    assert lines[0][76:94] == "001BANCO DO BRASIL"
    header = read_record(unicred400.RETURN_HEADER, lines[0], 1)
    assert (header["agencia"], header["conta"]) == ("4205", "00015662")
    assert header["data_geracao"] == date(2013, 8, 7)
    detail = read_record(unicred400.RETURN_DETAIL, lines[1], 2)
    assert detail["nosso_numero"] == "00000000000000116"
    assert detail["ocorrencia"] == "06"
    assert detail["data_ocorrencia"] == date(2015, 5, 15)
    assert detail["vencimento"] == date(2015, 5, 13)
    assert detail["valor_titulo"] == detail["valor_pago"] == 44_400
    assert detail["tarifa"] == 160
    assert detail["data_credito"] == date(2015, 5, 18)
    assert detail["valor_lancamento"] == 43_840
    assert detail["instrucao_origem"] == "01"


def test_unicred_sample_as_a_136_return() -> None:
    result = read_return(mended("CNAB400UNICRED.RET", header_bank="136"))
    assert (result.bank, result.bank_name) == ("136", "Unicred")
    (first,) = result.records
    assert first.nosso_numero == "00000000000000116"
    assert first.occurrence is Oc.LIQUIDACAO
    assert (first.face_value, first.paid, first.fee) == (44_400, 44_400, 160)
    assert first.credit_date == date(2015, 5, 18) and first.reasons == ()


def test_banrisul_golden_remittance_reads_back() -> None:
    back = read_remittance(fixture("remessa-banrisul-cnab400.rem"))
    assert back.bank == "041" and len(back.details) == 1
    head = back.header
    assert (head["agencia"], head["codigo_empresa"], head["codigo_empresa_dv"]) == (
        "1102", "9000150", "46")
    assert head["empresa_nome"] == "SOCIEDADE BRASILEIRA DE ZOOLOG"
    assert head["data_geracao"] == date(2015, 7, 14)
    (detail,) = back.details
    assert (detail["nosso_numero"], detail["nosso_numero_dv"]) == ("22832563", "51")
    assert detail["ocorrencia"] == "01" and detail["carteira"] == "1"
    assert detail["valor"] == 19_990 and detail["vencimento"] == date(2015, 7, 14)
    assert detail["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA"  # 35 columns
    assert detail["pagador_documento"] == "00012345678901"
    assert (detail["pagador_cidade"], detail["pagador_uf"]) == ("SANTA RITA DE C", "SP")
    assert detail["multa_decimos"] == "020"  # 2,0 %
    assert back.trailer["valor_total"] == 19_990


def test_unicred_golden_remittance_reads_back() -> None:
    back = read_remittance(fixture("remessa-unicred-cnab400.rem"))
    assert back.bank == "136" and len(back.details) == 1
    assert back.header["codigo_empresa"] == "00000000001234567890"
    (detail,) = back.details
    assert (detail["agencia"], detail["conta"], detail["carteira"]) == (
        "01234", "000000012345", "021")
    assert detail["nosso_numero"] == "00072000031"
    assert detail["numero_documento"] == "0000001/01"
    assert detail["valor"] == 19_990 and detail["juros_dia"] == 200
    assert (detail["protesto_codigo"], detail["prazo_protesto"]) == ("2", "05")
    assert detail["pagador_nome"] == "AKRETION LTDA"
    assert (detail["pagador_cidade"], detail["pagador_uf"]) == ("SAO PAULO", "SP")


@pytest.mark.parametrize("code", ["041", "748", "070", "004", "097", "136"])
def test_occurrence_tables_are_two_digit_codes(code: str) -> None:
    layout = CNAB400[code]
    assert layout.occurrences
    for raw, kind in layout.occurrences.items():
        assert len(raw) == 2 and raw.isdigit() and isinstance(kind, Occurrence)
    assert layout.occurrence("99") is Oc.OUTROS


@pytest.mark.parametrize("code", ["070", "004", "097"])
def test_return_only_banks_have_no_remittance(code: str) -> None:
    layout = CNAB400[code]
    assert layout.remittance_detail is None and not layout.commands


BENEFICIARIES = {
    # Banrisul: agência 1102, código 9000150 and its duplo dígito 46 (boleto.md §3.9).
    "041": Beneficiary(
        bank="041", file_format="400", name="Escritório Contábil São João Ltda — Matriz",
        document="12.345.678/0001-95", agency="1102", account="9000150", account_dv="46",
        wallet="1", agreement="9000150",
    ),
    # Sicredi: cooperativa 0165, posto 02, código 00623 (boleto.md §3.8).
    "748": Beneficiary(
        bank="748", file_format="400", name="Escritório Contábil São João Ltda — Matriz",
        document="12.345.678/0001-95", agency="0165", account="00623", wallet="1",
        agreement="00623", post="02",
    ),
}
OUR_NUMBERS = {"041": [("22832563", "51"), ("00009274", "22")],
               "748": [("16208879", "3"), ("07200003", "1")]}
LONG_NAME = "Pablo Diego José Francisco,!^.?\\/@ de Paula Juan Nepomuceno María de los Remedios"


def items(bank: str) -> list[RemittanceItem]:
    """Two boletos: a long accented payer with every option, and a write-off."""
    (nn1, dv1), (nn2, dv2) = OUR_NUMBERS[bank]
    return [
        RemittanceItem(
            nosso_numero=nn1, nosso_numero_dv=dv1, document_number="NF-1/2026",
            due_date=date(2026, 12, 10), amount_cents=154_990, payer_name=LONG_NAME,
            payer_document="123.456.789-09", payer_street="Rua Rio Grande do Sul, 1º andar",
            payer_district="Santa Efigênia", payer_city="São Paulo", payer_state="SP",
            payer_cep="01001-000", interest_per_day_cents=52, fine_bp=200, protest_days=5,
            discount_cents=1_000, discount_until=date(2026, 12, 1),
        ),
        RemittanceItem(
            nosso_numero=nn2, nosso_numero_dv=dv2, document_number="2",
            due_date=date(2027, 1, 10), amount_cents=1, payer_name="Ação Ltda",
            payer_document="12.345.678/0001-95", issue_date=date(2026, 11, 1),
            command=Command.WRITE_OFF,
        ),
    ]


@pytest.mark.parametrize("bank", ["041", "748"])
def test_remittance_round_trips(bank: str) -> None:
    data = write_remittance(BENEFICIARIES[bank], 17, items(bank), date(2026, 11, 29))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) == 400 for line in lines[:-1])
    assert [int(line[394:400]) for line in lines[:-1]] == [1, 2, 3, 4]
    text = data.decode("ascii")
    assert text == text.upper()
    back = read_remittance(data)
    assert back.bank == bank and len(back.details) == 2
    assert back.trailer["sequencial"] == "000004"
    first, second = back.details
    (nn1, dv1), (nn2, dv2) = OUR_NUMBERS[bank]
    assert (first["nosso_numero"], first["nosso_numero_dv"]) == (nn1, dv1)
    assert (second["nosso_numero"], second["nosso_numero_dv"]) == (nn2, dv2)
    assert (first["ocorrencia"], second["ocorrencia"]) == ("01", "02")
    assert first["numero_documento"] == "NF-1/2026"
    assert first["vencimento"] == date(2026, 12, 10)
    assert (first["valor"], second["valor"]) == (154_990, 1)
    assert first["emissao"] == date(2026, 11, 29) and second["emissao"] == date(2026, 11, 1)
    assert first["juros_dia"] == 52
    assert (first["desconto"], first["desconto_ate"]) == (1_000, date(2026, 12, 1))
    assert first["prazo_protesto"] == "05"
    assert first["pagador_documento"] == "00012345678909"
    assert second["pagador_documento"] == "12345678000195"
    assert first["pagador_cep"] == "01001000"
    assert first["pagador_endereco"] == "RUA RIO GRANDE DO SUL, 1O ANDAR"
    name = "PABLO DIEGO JOSE FRANCISCO,!^.?\\/@ DE PAULA JUAN NEPOMUCENO"
    if bank == "041":
        assert back.header["data_geracao"] == date(2026, 11, 29)
        # 30 columns for the office, 35 for the payer: cut, never spilled.
        assert back.header["empresa_nome"] == "ESCRITORIO CONTABIL SAO JOAO L"
        for record in (back.header, first):
            assert (record["agencia"], record["codigo_empresa"], record["codigo_empresa_dv"]) == (
                "1102", "9000150", "46")
        assert first["pagador_nome"] == name[:35].rstrip()
        assert (first["pagador_tipo_inscricao"], second["pagador_tipo_inscricao"]) == ("01", "02")
        assert (first["pagador_cidade"], first["pagador_uf"]) == ("SAO PAULO", "SP")
        assert first["carteira"] == "1" and first["tipo_cobranca"] == "08"
    else:
        assert back.header["codigo_empresa"] == "00623"
        assert back.header["empresa_documento"] == "12345678000195"
        assert back.header["sequencial_remessa"] == "0000017"
        assert first["pagador_nome"] == name[:40]
        # Sicredi: one digit for the payer's kind, then a zero.
        assert (first["pagador_tipo_inscricao"], second["pagador_tipo_inscricao"]) == ("1", "2")
        assert lines[1][218:220] == b"10" and lines[2][218:220] == b"20"
        assert first["multa_percentual"] == "0200"  # 2,00 %
        assert first["emissao_boleto"] == "B"  # the office prints the slip


@pytest.mark.parametrize("bank", ["041", "748"])
def test_a_command_the_bank_lacks_is_refused(bank: str) -> None:
    item = items(bank)[0]
    changed = RemittanceItem(**{**item.__dict__, "command": Command.CHANGE_AMOUNT})
    with pytest.raises(CnabError) as caught:
        write_remittance(BENEFICIARIES[bank], 1, [item, changed], date(2026, 11, 29))
    assert caught.value.line_number == 3


@pytest.mark.parametrize("bank", ["070", "004", "097", "136"])
def test_return_only_banks_write_no_remittance(bank: str) -> None:
    beneficiary = Beneficiary(bank=bank, file_format="400", name="X", document="1", agency="1")
    with pytest.raises(CnabError):
        write_remittance(beneficiary, 1, items("041"), date(2026, 11, 29))


ENTRIES = [
    ReturnEntry("NN1", "NF-1/2026", "06", date(2026, 12, 10), date(2026, 12, 10), 154_990,
                paid=155_042, interest=52, fee=160, credit_date=date(2026, 12, 11)),
    ReturnEntry("NN2", "2", "03", date(2026, 12, 2), date(2027, 1, 10), 1,
                reasons=("08", "16")),
    ReturnEntry("NN3", "3", "02", date(2026, 12, 2), date(2027, 2, 10), 9_999,
                discount=100, rebate=200, fee=50),
]
RETURN_NUMBERS = {"041": ("22832563", "00009274", "00012345"),
                  "748": ("16208879", "07200003", "26200001")}


@pytest.mark.parametrize("bank", ["041", "748"])
def test_return_round_trips(bank: str) -> None:
    numbers = RETURN_NUMBERS[bank]
    entries = [
        ReturnEntry(**{**entry.__dict__, "nosso_numero": number})
        for entry, number in zip(ENTRIES, numbers, strict=True)
    ]
    data = write_return(BENEFICIARIES[bank], entries, date(2026, 12, 11), sequence_number=3)
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) == 400 for line in lines[:-1])
    assert [int(line[394:400]) for line in lines[:-1]] == [1, 2, 3, 4, 5]
    result = read_return(data)
    assert result.bank == bank and result.agreement == BENEFICIARIES[bank].agreement
    paid, refused, entered = result.records
    assert [r.nosso_numero for r in result.records] == list(numbers)
    assert paid.occurrence is Oc.LIQUIDACAO and paid.occurrence_code == "06"
    assert (paid.face_value, paid.paid, paid.interest, paid.fee) == (154_990, 155_042, 52, 160)
    assert paid.occurrence_date == paid.due_date == date(2026, 12, 10)
    assert paid.document_number == "NF-1/2026"
    assert refused.occurrence is Oc.REJEITADA and refused.reasons == ("08", "16")
    assert entered.occurrence is Oc.ENTRADA_CONFIRMADA
    assert (entered.discount, entered.rebate, entered.fee) == (100, 200, 50)
    if bank == "041":
        assert result.generated_on == date(2026, 12, 11)
        assert paid.credit_date == date(2026, 12, 11)
        assert (result.agency, paid.fields["codigo_empresa_dv"]) == ("1102", "46")
    else:
        assert result.header["sequencial_retorno"] == "0000003"


def test_sicredi_dates_are_written_and_read_year_first() -> None:
    from contoffice.banking.cnab.model import Beneficiary, RemittanceItem, ReturnEntry
    from contoffice.banking.cnab.remittance import write_remittance
    from contoffice.banking.cnab.returns import read_return, write_return

    account = Beneficiary(bank="748", file_format="400", name="Escritório",
                          document="11222333000181", agency="0165", account="00623",
                          agreement="00623", post="02")
    item = RemittanceItem("26200123", "1", date(2026, 12, 10), 10_000, "Ana", "12345678909",
                          nosso_numero_dv="8")
    data = write_remittance(account, 1, [item], date(2026, 11, 29))
    header, detail = data.split(b"\r\n")[:2]
    assert header[94:102] == b"20261129" and detail[62:70] == b"20261129"
    paid = ReturnEntry("26200123", "1", "06", date(2026, 12, 9), date(2026, 12, 10), 10_000,
                       paid=10_000, credit_date=date(2026, 12, 11))
    (record,) = read_return(write_return(account, [paid], date(2026, 12, 11))).records
    assert record.credit_date == date(2026, 12, 11)


def test_banrisul_and_santander_carry_the_fine_in_their_own_terms() -> None:
    from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
    from contoffice.banking.cnab.remittance import read_remittance, write_remittance

    item = RemittanceItem("123", "1", date(2026, 12, 10), 10_000, "Ana", "12345678909",
                          nosso_numero_dv="00", fine_bp=200)
    banrisul = Beneficiary(bank="041", file_format="400", name="Escritório",
                           document="11222333000181", agency="1102", account="9000150",
                           agreement="9000150")
    (detail,) = read_remittance(write_remittance(banrisul, 1, [item])).details
    assert detail["multa_decimos"] == "020"
    santander = Beneficiary(bank="033", file_format="400", name="Escritório",
                            document="11222333000181", agency="4042", account="61900",
                            agreement="0282033")
    (detail,) = read_remittance(write_remittance(santander, 1, [item])).details
    assert (detail["codigo_multa"], detail["multa_percentual"]) == ("4", "0200")
