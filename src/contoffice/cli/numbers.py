"""Integer options with an explicit grammar and bounds: ids, counts, offsets (exit 2, pt-BR).

`type=int` takes "١٢", "1_000" and a 5,000-digit number that overflows the
database later; every integer option goes through `bounded` instead.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

MAX_ID = 2**31 - 1  # every id column is at least a 32-bit INTEGER on both databases
MAX_WINDOW = 10**6  # --offset / --limit: more rows than any grid pages through
_INTEGER = re.compile(r"-?[0-9]{1,12}")


def parse_bounded(text: str, low: int, high: int) -> int:
    """text as an integer in [low, high]; ValueError with the pt-BR reason otherwise."""
    cleaned = text.strip()
    if not _INTEGER.fullmatch(cleaned):
        shown = " ".join(cleaned.split())[:20]
        raise ValueError(f"'{shown}' não é um número inteiro (use só 0-9)")
    value = int(cleaned)
    if not low <= value <= high:
        raise ValueError(f"{value} fora do intervalo de {low} a {high}")
    return value


def bounded(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type` accepting integers in [low, high] (pt-BR usage error otherwise)."""

    def convert(text: str) -> int:
        try:
            return parse_bounded(text, low, high)
        except ValueError as error:  # worded like argparse's own "valor inválido: 'x'"
            raise argparse.ArgumentTypeError(f"valor inválido: {error}") from None

    convert.__name__ = "inteiro"  # argparse names the type in some messages
    return convert


record_id = bounded(1, MAX_ID)
window = bounded(0, MAX_WINDOW)
count = bounded(0, MAX_WINDOW)  # how many (months, replications, people); services bound further
