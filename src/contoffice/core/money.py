"""Money as integer cents, pt-BR parsing, and exact installment splits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from contoffice.core.format import format_money
from contoffice.core.messages import invalid, required
from contoffice.core.text import quoted

_CENT = Decimal("0.01")
# R$ 999 trilhões: above any ceiling an office sets, and its cents still fit a BIGINT.
MAX_INTEGER_DIGITS = 15
# Integer part: either plain digits, or groups of exactly three after each dot.
_AMOUNT = re.compile(r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)?(?:,(?P<frac>[0-9]+))?")
# What a script or JSON writes: a dot before the cents, no thousands separator.
_PLAIN = re.compile(r"(?P<sign>-?)(?P<int>[0-9]+)(?:\.(?P<frac>[0-9]+))?")


def _require_int(value: object, what: str) -> int:
    """Return value if it is a true int; bool and float are refused (they hide bugs)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, got {type(value).__name__}")
    return value


def _half_up_div(numerator: int, denominator: int) -> int:
    """Integer division rounding half away from zero (ROUND_HALF_UP on magnitudes)."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    q, r = divmod(abs(numerator), abs(denominator))
    if 2 * r >= abs(denominator):
        q += 1
    return sign * q


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in BRL, held as integer cents."""

    cents: int

    def __post_init__(self) -> None:
        _require_int(self.cents, "Money.cents")

    @classmethod
    def zero(cls) -> Money:
        """R$ 0,00."""
        return cls(0)

    @classmethod
    def from_decimal(cls, value: Decimal) -> Money:
        """Money from a Decimal in reais, rounded half-up to the cent."""
        if not isinstance(value, Decimal):
            raise TypeError(f"from_decimal needs Decimal, got {type(value).__name__}")
        if not value.is_finite():
            raise ValueError(f"not a finite amount: {value}")
        return cls(int(value.quantize(_CENT, rounding=ROUND_HALF_UP).scaleb(2)))

    @classmethod
    def parse(cls, text: str, field: str = "Valor") -> Money:
        """Parse pt-BR input such as `1.234,56`, `R$ 1234`, `-10,00`."""
        cleaned = (text or "").replace("\xa0", " ").strip()
        negative = cleaned.startswith("-")
        cleaned = cleaned.removeprefix("-").strip()
        cleaned = cleaned.removeprefix("R$").strip()
        if not negative and cleaned.startswith("-"):  # `R$ -10,00`
            negative = True
            cleaned = cleaned[1:].strip()
        if not cleaned:
            raise required(field)
        match = _AMOUNT.fullmatch(cleaned)
        if match is None or (match["int"] is None and match["frac"] is None):
            shown = quoted(text)
            if re.fullmatch(r"[0-9.]+", cleaned) or re.fullmatch(r"[0-9]+\.[0-9]{1,2}", cleaned):
                raise invalid(field, f"“{shown}” é ambíguo; use vírgula nos centavos (1.234,56).")
            raise invalid(field, f"“{shown}” não é um valor; use o formato 1.234,56.")
        cents = _cents(field, (match["int"] or "0").replace(".", ""), match["frac"] or "")
        return cls(-cents if negative else cents)

    @property
    def decimal(self) -> Decimal:
        """The amount in reais as an exact Decimal with two places."""
        return Decimal(self.cents).scaleb(-2)

    def percent_of(self, rate_basis_points: int) -> Money:
        """This amount times a rate in basis points (200 = 2%), rounded half-up."""
        rate = _require_int(rate_basis_points, "rate_basis_points")
        return Money(_half_up_div(self.cents * rate, 10_000))

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __radd__(self, other: object) -> Money:
        # Lets the builtin sum() start from its default 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __neg__(self) -> Money:
        return Money(-self.cents)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money(abs(self.cents))

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Money(self.cents * factor)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.cents != 0

    def __str__(self) -> str:
        return format_money(self.cents)


def _cents(field: str, integer: str, frac: str) -> int:
    """Cents from the ASCII digits before and after the decimal mark, within the bounds."""
    if len(frac) > 2:
        raise invalid(field, "use no máximo duas casas decimais.")
    if len(integer.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise invalid(field, f"mais de {MAX_INTEGER_DIGITS} dígitos antes da vírgula.")
    return int(integer) * 100 + int(frac.ljust(2, "0"))


def parse_reais(text: str, field: str = "Valor") -> Money:
    """Reais as a script writes them: `1234.56`, `1234`, `-5`; with a comma, pt-BR `1.234,56`.

    Nothing else: no exponent, NaN, underscore (`1_000`) or non-ASCII digit.
    """
    cleaned = (text or "").strip()
    if "," in cleaned:
        return Money.parse(cleaned, field)
    match = _PLAIN.fullmatch(cleaned)
    if match is None:
        if not cleaned:
            raise required(field)
        raise invalid(field, f"“{quoted(cleaned)}” não é um valor; use reais, como 1234.56.")
    cents = _cents(field, match["int"], match["frac"] or "")
    return Money(-cents if match["sign"] else cents)


def sum_money(items: Iterable[Money]) -> Money:
    """Total of an iterable of Money (R$ 0,00 when empty)."""
    return Money(sum(item.cents for item in items))


def split_installments(total_cents: int, n: int) -> list[int]:
    """Split total into n parts summing back exactly; leftover cents go to the first parts."""
    _require_int(total_cents, "total_cents")
    _require_int(n, "n")
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    sign = -1 if total_cents < 0 else 1
    base, remainder = divmod(abs(total_cents), n)
    return [sign * (base + (1 if i < remainder else 0)) for i in range(n)]
