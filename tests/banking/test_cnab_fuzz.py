"""A mangled return file gives a ReturnFile or a CnabError, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.returns import ReturnFile, read_return

FIXTURES = Path(__file__).parent / "cnab_fixtures"
SAMPLES = [
    (FIXTURES / name).read_bytes() for name in ("CNAB400ITAU.RET", "CNAB400BRADESCO.RET")
]

# Short files keep the search cheap: header, three details, trailer.
SAMPLES.append(b"\n".join(SAMPLES[0].split(b"\n")[:4]))

# The real CNAB 240 returns (CRLF and LF, right-trimmed, one with totals in its trailers).
SAMPLES_240 = [
    (FIXTURES / name).read_bytes()
    for name in ("CNAB240.RET", "CNAB240SICOOB.RET", "CNAB240AILOS.RET",
                 "CNAB240SANTANDER.RET", "CNAB240SICREDI.CRT")
]
# A short BB file: headers, one title (T, U), the trailers recounted for it.
_BB = SAMPLES_240[0].split(b"\n")
_LOT_END, _FILE_END = _BB[-3], _BB[-2]
SAMPLES_240.append(b"\n".join([
    *_BB[:4],
    _LOT_END[:17] + b"000004" + _LOT_END[23:],
    _FILE_END[:23] + b"000006" + _FILE_END[29:],
]))

edit = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 30_000), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, 30_000), st.integers(1, 50)),
    st.tuples(st.just("insert"), st.integers(0, 30_000), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("truncate_line"), st.integers(0, 60), st.integers(0, 400)),
    st.tuples(st.just("cut"), st.integers(0, 30_000), st.just(0)),
)


def mutate(data: bytes, change: tuple[str, int, object]) -> bytes:
    """The sample with one edit applied."""
    kind, at, arg = change
    at = at % (len(data) + 1)
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([arg]) + data[at + 1 :]  # type: ignore[list-item]
    if kind == "delete":
        return data[:at] + data[at + int(arg) :]  # type: ignore[call-overload]
    if kind == "insert":
        return data[:at] + arg + data[at:]  # type: ignore[operator]
    if kind == "truncate_line":
        lines = data.split(b"\n")
        index = change[1] % len(lines)
        lines[index] = lines[index][: int(arg)]  # type: ignore[call-overload]
        return b"\n".join(lines)
    return data[:at]


def read_or_refuse(data: bytes) -> None:
    """A ReturnFile or a CnabError with a line and a reason; anything else fails the test."""
    try:
        result = read_return(data)
    except CnabError as error:
        assert error.line_number >= 1 and error.message
    else:
        assert isinstance(result, ReturnFile)


@settings(max_examples=200, deadline=None)
@given(sample=st.sampled_from(SAMPLES), changes=st.lists(edit, min_size=1, max_size=4))
def test_mutated_returns_never_raise_anything_but_cnab_error(
    sample: bytes, changes: list[tuple[str, int, object]]
) -> None:
    data = sample
    for change in changes:
        data = mutate(data, change)
    read_or_refuse(data)


@settings(max_examples=300, deadline=None)
@given(sample=st.sampled_from(SAMPLES_240), changes=st.lists(edit, min_size=1, max_size=4))
def test_mutated_cnab240_returns_never_raise_anything_but_cnab_error(
    sample: bytes, changes: list[tuple[str, int, object]]
) -> None:
    data = sample
    for change in changes:
        data = mutate(data, change)
    read_or_refuse(data)


def test_the_240_samples_parse_unmutated() -> None:
    for sample in SAMPLES_240:
        assert isinstance(read_return(sample), ReturnFile)
