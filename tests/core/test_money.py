from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contoffice.core.format import format_decimal_cents, format_money
from contoffice.core.money import Money, split_installments, sum_money
from contoffice.core.validation import ValidationError

cents = st.integers(min_value=-(10**13), max_value=10**13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234,56", 123456),
        ("1.234,56", 123456),
        ("1234", 123400),
        ("R$ 1.234,56", 123456),
        ("R$\xa01.234,56", 123456),
        ("-10,00", -1000),
        ("-R$ 10,00", -1000),
        ("R$ -10,00", -1000),
        ("1.234", 123400),
        ("12.345.678,9", 1234567890),
        ("0,5", 50),
        (",50", 50),
        ("  7 ", 700),
        ("0", 0),
    ],
)
def test_parse_accepts_pt_br_input(text: str, expected: int) -> None:
    assert Money.parse(text) == Money(expected)


@pytest.mark.parametrize(
    "text", ["1234.56", "1.23", "1.2345", "12.34,00", "1,234", "abc", "1,2,3", "R$", "--1", "1e3"]
)
def test_parse_rejects_ambiguous_or_garbage(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        Money.parse(text, field="Valor da parcela")
    assert info.value.field == "Valor da parcela"
    assert info.value.message.startswith("Valor da parcela")


def test_parse_ambiguous_dot_message_suggests_comma() -> None:
    with pytest.raises(ValidationError, match="vírgula"):
        Money.parse("1234.56")


def test_parse_empty_is_required() -> None:
    with pytest.raises(ValidationError, match="obrigatório"):
        Money.parse("   ")


@pytest.mark.parametrize("bad", [1.5, True, Decimal("1"), "100"])
def test_money_rejects_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]


def test_from_decimal_rounds_half_up() -> None:
    assert Money.from_decimal(Decimal("1.005")) == Money(101)
    assert Money.from_decimal(Decimal("1.004")) == Money(100)
    assert Money.from_decimal(Decimal("-1.005")) == Money(-101)
    assert Money.from_decimal(Decimal("1234.56")).decimal == Decimal("1234.56")
    with pytest.raises(TypeError):
        Money.from_decimal(1.5)  # type: ignore[arg-type]


def test_arithmetic_and_ordering() -> None:
    a, b = Money(1050), Money(-300)
    assert a + b == Money(750)
    assert a - b == Money(1350)
    assert -a == Money(-1050)
    assert abs(b) == Money(300)
    assert a * 3 == 3 * a == Money(3150)
    assert b < Money.zero() < a
    assert sorted([a, b, Money(0)]) == [b, Money(0), a]
    assert not Money.zero()
    assert bool(b)
    with pytest.raises(TypeError):
        _ = a * 1.5
    with pytest.raises(TypeError):
        _ = a + 1
    with pytest.raises(TypeError):
        _ = a < 5


def test_sum_money_and_builtin_sum() -> None:
    items = [Money(100), Money(250), Money(-50)]
    assert sum_money(items) == Money(300)
    assert sum(items) == Money(300)
    assert sum_money([]) == Money.zero()


@pytest.mark.parametrize(
    ("amount", "bp", "expected"),
    [
        (10000, 200, 200),
        (12345, 200, 247),
        (25, 200, 1),
        (24, 200, 0),
        (-25, 200, -1),
        (333, 3333, 111),
    ],
)
def test_percent_of_rounds_half_up(amount: int, bp: int, expected: int) -> None:
    assert Money(amount).percent_of(bp) == Money(expected)


def test_str_uses_format_money() -> None:
    assert str(Money(123456)) == "R$ 1.234,56"
    assert str(Money(-123456)) == "-R$ 1.234,56"
    assert str(Money(0)) == "R$ 0,00"


@pytest.mark.parametrize(
    ("total", "n", "expected"),
    [
        (10000, 3, [3334, 3333, 3333]),
        (-10000, 3, [-3334, -3333, -3333]),
        (5, 1, [5]),
        (2, 4, [1, 1, 0, 0]),
        (0, 2, [0, 0]),
    ],
)
def test_split_installments_table(total: int, n: int, expected: list[int]) -> None:
    assert split_installments(total, n) == expected


def test_split_installments_rejects_bad_n() -> None:
    with pytest.raises(ValueError):
        split_installments(100, 0)
    with pytest.raises(TypeError):
        split_installments(100.0, 2)  # type: ignore[arg-type]


@given(cents)
def test_parse_format_round_trip(value: int) -> None:
    assert Money.parse(format_money(value)) == Money(value)
    assert Money.parse(format_decimal_cents(value)) == Money(value)


@given(cents, st.integers(min_value=1, max_value=500))
def test_split_sums_back_and_parts_differ_by_at_most_one(total: int, n: int) -> None:
    parts = split_installments(total, n)
    assert len(parts) == n
    assert sum(parts) == total
    assert max(parts) - min(parts) <= 1
    # leftover cents sit on the first parts
    assert [abs(p) for p in parts] == sorted((abs(p) for p in parts), reverse=True)


@given(cents, cents, cents)
def test_addition_is_associative_and_commutative(a: int, b: int, c: int) -> None:
    x, y, z = Money(a), Money(b), Money(c)
    assert (x + y) + z == x + (y + z)
    assert x + y == y + x
    assert x - x == Money.zero()


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=4))
def test_from_decimal_is_within_half_a_cent(value: Decimal) -> None:
    assert abs(Money.from_decimal(value).decimal - value) <= Decimal("0.005")
