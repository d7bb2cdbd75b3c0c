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


@settings(max_examples=200, deadline=None)
@given(sample=st.sampled_from(SAMPLES), changes=st.lists(edit, min_size=1, max_size=4))
def test_mutated_returns_never_raise_anything_but_cnab_error(
    sample: bytes, changes: list[tuple[str, int, object]]
) -> None:
    data = sample
    for change in changes:
        data = mutate(data, change)
    try:
        result = read_return(data)
    except CnabError as error:
        assert error.line_number >= 1 and error.message
    else:
        assert isinstance(result, ReturnFile)
