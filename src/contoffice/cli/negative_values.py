"""Let a value option take a negative pt-BR amount: `--value -1.234,56` reaches the service.

argparse (3.11, 3.12) reads an argument that starts with "-" as an option unless it is
a plain negative number such as `-5` or `-1.5`; `-1.234,56` or `-2%` then leave the
option without its value ("falta o valor") and the clerk never hears the real reason.
Python 3.13 widened the rule to "a minus, maybe a dot, then a digit"; this module gives
a parser that rule on every version, so the value is parsed and refused in pt-BR by the
rule that owns it (e.g. "O valor deve ser maior que zero.").
"""

from __future__ import annotations

import argparse
import re

# Python 3.13's own pattern (argparse.ArgumentParser._negative_number_matcher).
NEGATIVE_VALUE = re.compile(r"-\.?\d")


def accept_negative_values(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Make `parser` read `-1.234,56` or `-2%` as a value; returns the parser."""
    # No option of ours looks like a number (`-1`), so a digit after the minus is a value.
    parser._negative_number_matcher = NEGATIVE_VALUE
    return parser
