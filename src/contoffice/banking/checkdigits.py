"""Check digits of the FEBRABAN boleto and of each bank's nosso número.

Every function takes a string of decimal digits and returns the check digit as
a string (a few banks print a letter for the "10" result).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import cycle

from contoffice.core.text import is_ascii_digits


def _digits(number: str) -> list[int]:
    if not is_ascii_digits(number):
        raise ValueError(f"apenas dígitos são aceitos: {number!r}")
    return [int(c) for c in number]


def mod10(number: str) -> str:
    """FEBRABAN mod 10: weights 2,1 from the right, digits of each product summed."""
    total = 0
    for digit, weight in zip(reversed(_digits(number)), cycle((2, 1)), strict=False):
        product = digit * weight
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def weighted_sum(number: str, weights: Sequence[int], *, from_right: bool = True) -> int:
    """Sum of digit × weight, the weights repeating, applied from the right (default) or left."""
    digits = _digits(number)
    if from_right:
        digits = digits[::-1]
    return sum(d * w for d, w in zip(digits, cycle(weights), strict=False))


def mod11(
    number: str,
    *,
    weights: Sequence[int] = (2, 3, 4, 5, 6, 7, 8, 9),
    mapping: Mapping[int, str] | None = None,
) -> str:
    """Mod 11 as most banks write it: 11 − (sum mod 11), with `mapping` for 10 and 11."""
    result = 11 - weighted_sum(number, weights) % 11
    table = {10: "0", 11: "0"} if mapping is None else mapping
    return table.get(result, str(result))


def mod11_barcode(number: str) -> str:
    """General DV of the 44-digit barcode: weights 2–9, results 0, 10 and 11 become 1."""
    return mod11(number, mapping={0: "1", 10: "1", 11: "1"})


def mod11_bb(number: str) -> str:
    """Banco do Brasil: weights 9..2 from the right, the remainder is the DV, 10 → X."""
    remainder = weighted_sum(number, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return "X" if remainder == 10 else str(remainder)


def mod11_bradesco(number: str) -> str:
    """Bradesco nosso número: weights 2–7, 11 − r; 10 → P, 11 → 0."""
    return mod11(number, weights=(2, 3, 4, 5, 6, 7), mapping={10: "P", 11: "0"})


def mod11_bradesco_account(number: str) -> str:
    """Bradesco agência/conta DV: weights 2–9, 11 − r; 10 → P, 11 → 0."""
    return mod11(number, mapping={10: "P", 11: "0"})


def mod11_sicoob(number: str) -> str:
    """Sicoob nosso número: weights 3,1,9,7 from the left, 11 − r; 10/11 → 0."""
    result = 11 - weighted_sum(number, (3, 1, 9, 7), from_right=False) % 11
    return "0" if result >= 10 else str(result)


def banrisul_double_digit(number: str) -> str:
    """Banrisul "duplo dígito": mod 10, then mod 11 (weights 2–7) over number + first DV.

    A mod-11 remainder of 1 cannot make a digit, so the manual bumps the first
    DV (9 wraps to 0) and tries again.
    """
    first = int(mod10(number))
    while True:
        remainder = weighted_sum(f"{number}{first}", (2, 3, 4, 5, 6, 7)) % 11
        if remainder != 1:
            second = 0 if remainder == 0 else 11 - remainder
            return f"{first}{second}"
        first = (first + 1) % 10
