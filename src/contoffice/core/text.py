"""Text helpers: accent- and case-insensitive search keys, ASCII-only digits."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case, accents removed, whitespace collapsed: "  Ávila  João " → "avila joao"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 only (`str.isdigit` also takes "²", "٣", "３")."""
    return text.isascii() and text.isdigit()


def ascii_digits(text: str) -> str:
    """Only the 0-9 characters of text: "(11) 3456-7890" → "1134567890"."""
    return _NOT_ASCII_DIGIT.sub("", text)


def database_text(text: str) -> str:
    """Text both databases store and compare: no NUL (PostgreSQL refuses it), no lone surrogate."""
    cleaned = text.replace("\x00", "")
    # A lone surrogate (argv bytes that were not UTF-8) cannot be encoded for the driver.
    return cleaned.encode("utf-8", "replace").decode("utf-8") if not cleaned.isascii() else cleaned


def quoted(text: str, limit: int = 40) -> str:
    """What the clerk typed, on one short line, to quote back in a message."""
    shown = " ".join(text.split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
