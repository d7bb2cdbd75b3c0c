"""CNAB 240 returns refused: the line and a pt-BR reason for every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.returns import read_return

LOCAL = Path(__file__).parent / "cnab_fixtures"


def sample(name: str) -> bytes:
    """A return sample kept beside the tests."""
    path = LOCAL / name
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


def with_line(name: str, number: int, change: bytes | None) -> bytes:
    """A sample with line `number` replaced (None: removed)."""
    lines, sep = lines_of(name)
    if change is None:
        del lines[number - 1]
    else:
        lines[number - 1] = change
    return sep.join(lines)


def line_of(name: str, number: int) -> bytes:
    """One line of a sample, line terminator dropped."""
    return lines_of(name)[0][number - 1].rstrip(b"\r")


def test_wrong_width_and_unknown_bank_are_refused() -> None:
    error = refused(with_line("CNAB240SICOOB.RET", 3, line_of("CNAB240SICOOB.RET", 3)
                              .ljust(240) + b"0"))
    assert error.line_number == 3 and "241 caracteres" in error.message
    data = sample("CNAB240SICOOB.RET").replace(b"\n756", b"\n999")
    error = refused(b"999" + data[3:])
    assert error.line_number == 1 and "banco 999" in error.message
    error = refused(with_line("CNAB240SICOOB.RET", 4, b"001" + line_of("CNAB240SICOOB.RET", 4)[3:]))
    assert error.line_number == 4 and "banco 001" in error.message


def test_truncated_files_are_refused() -> None:
    lines, sep = lines_of("CNAB240SICOOB.RET")
    error = refused(sep.join(lines[:9]))
    assert error.line_number == 9 and "trailer" in error.message
    error = refused(sep.join(lines[:5]))
    assert error.line_number == 5 and "trailer" in error.message
    # A lost detail breaks the numbering within the lot.
    error = refused(with_line("CNAB240SICOOB.RET", 4, None))
    assert error.line_number == 4 and "sequencial" in error.message


def test_non_numeric_amount_is_refused() -> None:
    line = line_of("CNAB240SICOOB.RET", 4)
    error = refused(with_line("CNAB240SICOOB.RET", 4, line[:85] + b"X" + line[86:]))
    assert error.line_number == 4 and "campo valor pago" in error.message


def test_trailer_counts_and_totals_are_checked() -> None:
    lot = line_of("CNAB240SICOOB.RET", 9)
    error = refused(with_line("CNAB240SICOOB.RET", 9, lot[:17] + b"000007" + lot[23:]))
    assert error.line_number == 9 and "registros" in error.message
    tail = line_of("CNAB240SICOOB.RET", 10)
    error = refused(with_line("CNAB240SICOOB.RET", 10, tail[:23] + b"000011" + tail[29:]))
    assert error.line_number == 10 and "000011" not in error.message and "11" in error.message
    error = refused(with_line("CNAB240SICOOB.RET", 10, tail[:17] + b"000002" + tail[23:]))
    assert error.line_number == 10 and "lotes" in error.message
    sicredi = line_of("CNAB240SICREDI.CRT", 7)
    error = refused(with_line("CNAB240SICREDI.CRT", 7, sicredi[:23] + b"000003" + sicredi[29:]))
    assert error.line_number == 7 and "títulos" in error.message
    error = refused(with_line("CNAB240SICREDI.CRT", 7, sicredi[:29] + b"0" * 13 + b"1991"
                              + sicredi[46:]))
    assert error.line_number == 7 and "1990" in error.message


def test_a_payments_file_is_not_collection() -> None:
    lot = line_of("CNAB240SANTANDER.RET", 2)
    error = refused(with_line("CNAB240SANTANDER.RET", 2, lot[:8] + b"C20" + lot[11:]))
    assert error.line_number == 2 and "pagamentos" in error.message
    detail = line_of("CNAB240SANTANDER.RET", 3)
    error = refused(with_line("CNAB240SANTANDER.RET", 3, detail[:13] + b"A" + detail[14:]))
    assert error.line_number == 3 and "pagamentos" in error.message


def test_segments_out_of_place_are_refused() -> None:
    t_line = line_of("CNAB240SICOOB.RET", 3)
    u_line = line_of("CNAB240SICOOB.RET", 4)
    # U where T should be: the title starts without its T.
    error = refused(with_line("CNAB240SICOOB.RET", 3, u_line[:8] + b"00001" + u_line[13:]))
    assert error.line_number == 3 and "segmento T" in error.message
    # T where U should be: the first title lost its U.
    error = refused(with_line("CNAB240SICOOB.RET", 4, t_line[:8] + b"00002" + t_line[13:]))
    assert error.line_number == 4 and "segmento U" in error.message
    error = refused(with_line("CNAB240SICOOB.RET", 4, u_line[:13] + b"K" + u_line[14:]))
    assert error.line_number == 4 and "'K'" in error.message
