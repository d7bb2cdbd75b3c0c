"""CNAB 240: the sample returns give the values boleto.md §4.1 lists, the golden remittances
read back, and bad files are refused with the line and a pt-BR reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
from contoffice.banking.cnab.remittance import read_remittance, write_remittance
from contoffice.banking.cnab.returns import ReturnFile, read_return

LOCAL = Path(__file__).parent / "cnab_fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "cnab"


def sample(name: str) -> bytes:
    """A return sample: the copy beside the tests, else the shared one."""
    for path in (LOCAL / name, SHARED / "retorno" / name):
        if path.exists():
            return path.read_bytes()
    pytest.skip(f"{name} ausente")


def golden(name: str) -> bytes:
    """A shared remittance golden file (skipped where the shared folder is absent)."""
    path = SHARED / "remessa" / name
    if not path.exists():
        pytest.skip(f"{name} ausente")
    return path.read_bytes()


def refused(data: bytes) -> CnabError:
    """The error reading `data` as a return raises."""
    with pytest.raises(CnabError) as caught:
        read_return(data)
    return caught.value


def lines_of(name: str) -> tuple[list[bytes], bytes]:
    """A sample's lines and the terminator it uses."""
    data = sample(name)
    sep = b"\r\n" if b"\r\n" in data else b"\n"
    return data.split(sep), sep


def test_banco_do_brasil_sample() -> None:
    result = read_return(sample("CNAB240.RET"))
    assert (result.bank, result.bank_name, result.file_format) == (
        "001", "Banco do Brasil", "CNAB240")
    assert len(result.records) == 35  # §4.1: 35 payments
    first = result.records[0]
    fields = first.fields
    # §4.1 agencia `012345`, cedente `0000000054321`: agência+DV, conta+DV.
    assert f"{fields['agencia']}{fields['agencia_dv']}" == "012345"
    assert f"{fields['conta']}{fields['conta_dv']}" == "0000000054321"
    assert (result.agency, result.account, result.agreement) == ("01234", "000000005432",
                                                                 "001999957")
    # §4.1 says NN `00020673` (brcobranca cut a sub-range); BB's field 38-57 holds the
    # whole nosso número, convênio 1449957 + sequence, which is what matching needs.
    assert first.nosso_numero == "14499570000020673"
    assert first.nosso_numero.endswith("00020673")
    assert first.wallet == "7"
    assert first.face_value == 34_400 and first.paid == 34_400
    assert fields["banco_cobrador"] == "001"
    assert first.credit_date == date(2012, 1, 2)
    assert first.interest == 9 and first.fee == 103
    assert first.reasons == ("03",)
    assert (first.discount, first.rebate, fields["iof"]) == (1, 2, 3)
    assert (fields["outras_despesas"], fields["outros_creditos"]) == (4, 5)
    assert first.occurrence_code == "17" and first.occurrence is Occurrence.LIQUIDACAO
    assert first.due_date is None and first.line_number == 3
    assert result.generated_on == date(2011, 12, 29)
    assert (result.declared_count, result.declared_total_cents) == (None, None)


@pytest.mark.parametrize(("name", "bank", "nosso_numero"), [
    ("CNAB240SICOOB.RET", "756", "0000000083"),
    ("CNAB240AILOS.RET", "085", "000000000000083"),
])
def test_sicoob_and_ailos_samples(name: str, bank: str, nosso_numero: str) -> None:
    result = read_return(sample(name))
    assert result.bank == bank and len(result.records) == 3
    first = result.records[0]
    assert first.nosso_numero == nosso_numero
    assert first.occurrence_code == "06" and first.occurrence is Occurrence.LIQUIDACAO
    assert first.occurrence_date == first.credit_date == date(2015, 8, 10)
    assert first.face_value == first.paid == 200
    assert first.fee == 170
    assert first.reasons == ("03",)
    assert [r.line_number for r in result.records] == [3, 5, 7]


def test_santander_sample() -> None:
    result = read_return(sample("CNAB240SANTANDER.RET"))
    assert (result.bank, result.bank_name) == ("033", "Santander") and len(result.records) == 2
    first = result.records[0]
    assert f"{first.fields['agencia']}{first.fields['agencia_dv']}" == "31638"
    assert first.nosso_numero == "0000000001406"
    assert first.due_date == first.credit_date == date(2016, 4, 1)
    assert first.face_value == 1_000 and first.paid == 1_000
    assert first.fee == 392 and first.reasons == ()
    assert result.agreement == "007401949"


def test_sicredi_sample() -> None:
    result = read_return(sample("CNAB240SICREDI.CRT"))
    assert result.bank == "748" and len(result.records) == 2
    first = result.records[0]
    assert first.nosso_numero == "172000595"
    assert first.occurrence_code == "02" and first.occurrence is Occurrence.ENTRADA_CONFIRMADA
    assert first.credit_date is None  # blank in the file
    assert first.reasons == ("A4",)
    assert result.records[1].occurrence is Occurrence.TARIFA
    # Sicredi fills the lot's title count and sum: they are checked and reported.
    assert (result.declared_count, result.declared_total_cents) == (2, 1_990)


@pytest.mark.parametrize("name", ["CNAB240.RET", "CNAB240SANTANDER.RET"])
def test_bom_line_endings_and_padding_are_tolerated(name: str) -> None:
    original = read_return(sample(name))
    lines, _ = lines_of(name)
    stripped = [line.rstrip(b"\r") for line in lines]
    for data in (
        b"\r\n".join(stripped),
        b"\xef\xbb\xbf" + b"\n".join(stripped),
        b"\n".join(line.ljust(240) if line else line for line in stripped) + b"\n\x1a",
    ):
        again = read_return(data)
        assert again.records == original.records


@pytest.mark.parametrize(("name", "bank", "nosso_numero", "amount", "due"), [
    ("remessa-banco_brasil-cnab240.rem", "001", "12345670000000123", 19_990, date(2015, 7, 14)),
    ("remessa-bancoob-cnab240.rem", "756", "0000429715", 5_000, date(2015, 7, 14)),
    ("remessa-caixa-cnab240.rem", "104", "000000000000123", 19_990, date(2015, 7, 14)),
    ("remessa-santander-cnab240.rem", "033", "0000012345679", 19_990, date(2015, 7, 14)),
    ("remessa-sicredi-cnab240.rem", "748", "072000031", 5_000, date(2007, 7, 14)),
    ("remessa-sicoob-correspondente-bb-cnab240.rem", "756", "12345678901234567", 5_000,
     date(2015, 7, 14)),
    ("remessa-unicred-cnab240.rem", "748", "072000031", 5_000, date(2007, 7, 14)),
])
def test_golden_remittances_read_back(
    name: str, bank: str, nosso_numero: str, amount: int, due: date
) -> None:
    back = read_remittance(golden(name))
    assert (back.bank, back.file_format) == (bank, "CNAB240") and len(back.details) == 1
    title = back.details[0]  # P, Q (and R) merged
    assert title["nosso_numero"] == nosso_numero
    assert title["valor"] == amount and title["vencimento"] == due
    assert title["ocorrencia"] == "01"
    assert title["pagador_nome"] == "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN"
    assert title["pagador_cidade"] == "SANTA RITA DE C"


def test_golden_remittances_bank_details() -> None:
    bb = read_remittance(golden("remessa-banco_brasil-cnab240.rem"))
    assert (bb.header["convenio"], bb.header["carteira_convenio"], bb.header["variacao"]) == (
        "001234567", "12", "123")
    assert bb.header["versao_layout"] == "083" and bb.lot_header["versao_layout_lote"] == "042"
    caixa = read_remittance(golden("remessa-caixa-cnab240.rem")).details[0]
    assert caixa["modalidade_nosso_numero"] == "14" and caixa["convenio"] == "123456"
    assert (caixa["multa_codigo"], caixa["multa_data"]) == ("2", date(2015, 7, 15))
    santander = read_remittance(golden("remessa-santander-cnab240.rem"))
    assert santander.header["convenio"] == "000100001234567"
    assert santander.details[0]["conta_cobranca"] == "013001234"
    sicoob = read_remittance(golden("remessa-bancoob-cnab240.rem")).details[0]
    assert (sicoob["parcela"], sicoob["modalidade"], sicoob["conta"]) == (
        "01", "01", "000000003666")
    correspondent = read_remittance(golden("remessa-sicoob-correspondente-bb-cnab240.rem"))
    assert correspondent.lot_header["agencia"] == "4327"
    assert correspondent.lot_header["numero_remessa"] == "00000001"
    assert correspondent.trailer["valor_titulos"] == 5_000
    with pytest.raises(CnabError) as caught:
        read_return(golden("remessa-sicoob-correspondente-bb-cnab240.rem"))
    assert caught.value.line_number == 1 and "remessa" in caught.value.message
    with pytest.raises(CnabError) as caught:
        read_return(golden("remessa-caixa-cnab240.rem"))
    assert caught.value.line_number == 1 and "remessa" in caught.value.message


def test_written_remittance_has_the_frame() -> None:
    beneficiary = Beneficiary("756", "240", "Escritório São João", "12.345.678/0001-95",
                              "4327", "3", "3666", "8", wallet="1", modality="01")
    item = RemittanceItem("0042971", "NF-7", date(2026, 12, 10), 154_990, "Ana Ação",
                          "123.456.789-09", nosso_numero_dv="5", fine_bp=200)
    data = write_remittance(beneficiary, 9, [item, item], generated_on=date(2026, 11, 29))
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) == 240 for line in lines)
    assert [line[7:8] + (line[13:14] if line[7:8] == b"3" else b"") for line in lines] == [
        b"0", b"1", b"3P", b"3Q", b"3R", b"3P", b"3Q", b"3R", b"5", b"9"]
    assert [line[8:13] for line in lines[2:8]] == [b"00001", b"00002", b"00003", b"00004",
                                                    b"00005", b"00006"]
    back = read_remittance(data)
    assert back.lot_trailer["quantidade_registros"] == "000008"
    assert back.trailer["quantidade_registros"] == "000010"
    title = back.details[0]
    assert title["nosso_numero"] == "0000429715"  # the DV goes in Sicoob's field
    assert title["multa_codigo"] == "2" and title["multa_percentual"] == "000000000000200"
    assert title["multa_data"] == date(2026, 12, 11)
    assert title["pagador_documento"] == "000012345678909"
    assert title["pagador_tipo_inscricao"] == "1"
    assert back.header["empresa_documento"] == "12345678000195"
    assert back.header["sequencial_arquivo"] == "000009"
    assert back.header["empresa_nome"] == "ESCRITORIO SAO JOAO"
    assert refused(data).line_number == 1  # a remittance is not a return


def test_the_result_type() -> None:
    assert isinstance(read_return(sample("CNAB240SICOOB.RET")), ReturnFile)
