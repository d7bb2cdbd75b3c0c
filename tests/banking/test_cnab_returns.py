"""CNAB 400 returns: the sample files give the values boleto.md §4.1 lists; bad files refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.model import Beneficiary, RemittanceItem
from contoffice.banking.cnab.remittance import write_remittance
from contoffice.banking.cnab.returns import read_return

FIXTURES = Path(__file__).parent / "cnab_fixtures"


def fixture(name: str) -> bytes:
    """The bytes of a sample file."""
    return (FIXTURES / name).read_bytes()


def refused(data: bytes) -> CnabError:
    """The error reading `data` raises."""
    with pytest.raises(CnabError) as caught:
        read_return(data)
    return caught.value


@pytest.mark.parametrize("name", ["CNAB400ITAU.RET", "CNAB400.RET"])
def test_itau_sample(name: str) -> None:
    result = read_return(fixture(name))
    assert (result.bank, result.bank_name, result.file_format) == ("341", "Itaú", "CNAB400")
    assert (result.agency, result.account) == ("0730", "03511")
    # §4.1: 54 lines, "53 details" after the header = 52 details and the trailer.
    assert len(result.records) == 52
    first = result.records[0]
    assert first.nosso_numero == "00000011"
    assert first.wallet == "109"
    assert first.occurrence_code == "06" and first.occurrence is Occurrence.LIQUIDACAO
    assert first.face_value == 4000
    assert first.paid == 3790
    assert first.fee == 210
    assert first.occurrence_date == date(2013, 5, 20)
    assert first.credit_date == date(2013, 5, 21)
    assert first.due_date is None  # the file sends 000000
    assert first.line_number == 2
    assert result.trailer["quantidade_detalhes"] == "00000052"
    assert result.trailer["valor_detalhes"] == sum(r.face_value for r in result.records)
    assert result.declared_count == 52
    assert result.declared_total_cents == sum(r.face_value for r in result.records)
    last = result.records[-1]
    assert last.occurrence_code == "09" and last.occurrence is Occurrence.BAIXA


def test_bradesco_sample() -> None:
    result = read_return(fixture("CNAB400BRADESCO.RET"))
    assert (result.bank, result.bank_name) == ("237", "Bradesco")
    assert result.agreement == "00000000000004540691"
    # §4.1: ag 01467-2, cedente 0019669P; the file carries them in each detail.
    assert (result.agency, result.account) == ("01467", "0019669")
    assert result.records[0].fields["conta_dv"] == "P"
    assert result.generated_on == date(2015, 5, 15)
    # §4.1: 8 lines, "7 details" after the header = 6 details and the trailer.
    assert len(result.records) == 6
    first = result.records[0]
    assert first.nosso_numero == "000000000303"
    assert first.wallet == "009"
    assert first.occurrence_code == "02" and first.occurrence is Occurrence.ENTRADA_CONFIRMADA
    assert first.face_value == 145_000
    assert first.fee == 160
    assert first.due_date == date(2015, 5, 25)
    assert first.credit_date == date(2015, 5, 15)
    assert first.reasons == ()
    assert [r.occurrence_code for r in result.records] == ["02"] * 5 + ["10"]
    assert result.records[1].nosso_numero == "51350000004P"
    assert result.records[1].credit_date is None  # blank in the file
    # Bradesco's trailer counts by occurrence only: no total for every detail.
    assert (result.declared_count, result.declared_total_cents) == (None, None)


def test_line_endings_bom_and_encodings_are_tolerated() -> None:
    original = read_return(fixture("CNAB400BRADESCO.RET"))
    lines = fixture("CNAB400BRADESCO.RET").split(b"\r\n")
    for data in (
        b"\n".join(lines),
        b"\xef\xbb\xbf" + b"\r\n".join(lines),
        b"\n".join(lines) + b"\n\n\x1a",
        fixture("CNAB400BRADESCO.RET").replace(b"COBRANCA", "COBRANÇA".encode()),
        fixture("CNAB400BRADESCO.RET").replace(b"COBRANCA", "COBRANÇA".encode("latin-1")),
    ):
        assert read_return(data).records == original.records


def test_right_trimmed_lines_are_padded_back() -> None:
    original = read_return(fixture("CNAB400ITAU.RET"))
    lines = fixture("CNAB400ITAU.RET").split(b"\n")
    trimmed = b"\r\n".join(line.rstrip() for line in lines)
    assert read_return(trimmed).records == original.records


def test_reasons_are_split_into_codes() -> None:
    lines = fixture("CNAB400BRADESCO.RET").split(b"\r\n")
    lines[1] = lines[1][:108] + b"03" + lines[1][110:318] + b"0014000000" + lines[1][328:]
    lines[7] = lines[7][:57] + b"00004" + lines[7][62:]  # one entrada fewer in the trailer
    record = read_return(b"\r\n".join(lines)).records[0]
    assert record.occurrence is Occurrence.REJEITADA and record.reasons == ("14",)


def with_line(name: str, number: int, new: bytes, sep: bytes = b"\n") -> bytes:
    """A sample file with one line replaced."""
    lines = fixture(name).split(sep)
    lines[number - 1] = new
    return sep.join(lines)


def test_wrong_width_is_refused() -> None:
    line = fixture("CNAB400ITAU.RET").split(b"\n")[4]
    error = refused(with_line("CNAB400ITAU.RET", 5, line + b" "))
    assert error.line_number == 5 and "401 caracteres" in error.message
    error = refused(with_line("CNAB400ITAU.RET", 5, line[:300]))
    assert error.line_number == 5
    assert refused(fixture("CNAB400ITAU.RET")[1:]).line_number == 1


def test_unknown_bank_and_format_are_refused() -> None:
    itau = fixture("CNAB400ITAU.RET")
    error = refused(itau[:76] + b"999" + itau[79:])
    assert error.line_number == 1 and "banco 999" in error.message
    error = refused(b"01REMESSA" + b" " * 435 + b"\r\n9" + b" " * 443 + b"\r\n")
    assert error.line_number == 1 and "444" in error.message and "formato" in error.message
    assert refused(b"").line_number == 1
    error = refused(fixture("CNAB400ITAU.RET").replace(b"02RETORNO", b"02RETORNX", 1))
    assert error.line_number == 1


def test_truncated_file_is_refused() -> None:
    lines = fixture("CNAB400ITAU.RET").split(b"\n")
    error = refused(b"\n".join(lines[:30]))
    assert error.line_number == 30 and "trailer" in error.message
    error = refused(b"\n".join(lines[:10] + lines[11:]))
    assert error.line_number == 11 and "sequencial" in error.message
    cut = fixture("CNAB400ITAU.RET")[:5000]
    assert refused(cut).line_number == 13


def test_non_numeric_amount_is_refused() -> None:
    line = fixture("CNAB400ITAU.RET").split(b"\n")[3]
    bad = line[:155] + b"X" + line[156:]
    error = refused(with_line("CNAB400ITAU.RET", 4, bad))
    assert error.line_number == 4 and "campo valor do título" in error.message


def test_bad_date_is_refused() -> None:
    line = fixture("CNAB400ITAU.RET").split(b"\n")[2]
    bad = line[:110] + b"320513" + line[116:]
    error = refused(with_line("CNAB400ITAU.RET", 3, bad))
    assert error.line_number == 3 and "campo data da ocorrência" in error.message


def test_trailer_totals_are_checked() -> None:
    lines = fixture("CNAB400ITAU.RET").split(b"\n")
    line = lines[2]
    lines[2] = line[:152] + b"0000000004001" + line[165:]
    error = refused(b"\n".join(lines))
    assert error.line_number == 54 and "268896" in error.message
    bradesco = fixture("CNAB400BRADESCO.RET").split(b"\r\n")
    bradesco[2] = bradesco[2][:108] + b"06" + bradesco[2][110:]
    error = refused(b"\r\n".join(bradesco))
    assert error.line_number == 8 and "títulos" in error.message


def test_lines_after_the_trailer_and_unknown_records_are_refused() -> None:
    lines = fixture("CNAB400ITAU.RET").split(b"\n")
    error = refused(b"\n".join([*lines, lines[1]]))
    assert error.line_number == 55
    error = refused(b"\n".join([*lines[:3], b"5" + lines[3][1:], *lines[4:]]))
    assert error.line_number == 4 and "'5'" in error.message


@pytest.mark.parametrize("name", ["remessa-itau-cnab400.rem", "remessa-bradesco-cnab400.rem"])
def test_a_remittance_is_not_a_return(name: str) -> None:
    error = refused(fixture(name))
    assert error.line_number == 1 and "remessa" in error.message
    item = RemittanceItem("1", "1", date(2026, 1, 1), 100, "ANA", "12345678909")
    bradesco = Beneficiary("237", "400", "ANA", "12345678909", "1467", agreement="1")
    assert refused(write_remittance(bradesco, 1, [item])).line_number == 1
