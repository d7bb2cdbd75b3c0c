"""Formatting of values for the NFS-e XML: money, rates, date-times, clean text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

BRASILIA = ZoneInfo("America/Sao_Paulo")
# XML 1.0 forbids most C0 controls; lxml would raise on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
# TSString (addresses, xInfComp, xMotivo...) accepts only U+0020..U+00FF: map the usual
# typographic characters of pasted text, decompose the rest, drop what has no Latin-1 form.
_TYPOGRAPHIC = str.maketrans({
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
    "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2022": "-", "\u20ac": "EUR",
})


def money(cents: int) -> str:
    """TSDec15V2: 150000 → "1500.00" (dot, no leading zeros)."""
    if cents < 0:
        raise ValueError(f"negative amount: {cents}")
    return f"{cents // 100}.{cents % 100:02d}"


def rate(basis_points: int) -> str:
    """TSDec1V2/TSDec2V2: 200 → "2.00", 50 → "0.50"."""
    if basis_points < 0:
        raise ValueError(f"negative rate: {basis_points}")
    return f"{basis_points // 100}.{basis_points % 100:02d}"


def percent_br(basis_points: int) -> str:
    """pt-BR for messages: 550 → "5,50 %"."""
    return f"{basis_points // 100},{basis_points % 100:02d} %"


def local_time(moment: datetime) -> datetime:
    """The moment in Brasília time, whole seconds."""
    return moment.astimezone(BRASILIA).replace(microsecond=0)


def date_time(moment: datetime) -> str:
    """TSDateTimeUTC: "2026-11-20T10:14:05-03:00" (Brasília, whole-hour offset, no fraction)."""
    local = local_time(moment)
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"{local:%Y-%m-%dT%H:%M:%S}{sign}{abs(minutes) // 60:02d}:00"


def iso_date(day: date) -> str:
    """TSData: "2026-11-20"."""
    return day.isoformat()


def date_br(day: date) -> str:
    """dd/mm/aaaa for messages."""
    return day.strftime("%d/%m/%Y")


def latin1(text: str) -> str:
    """The text in the Latin-1 range the layout's TSString pattern accepts."""
    text = text.translate(_TYPOGRAPHIC)
    if all(ord(c) <= 0xFF for c in text):
        return text
    out = []
    for char in text:
        if ord(char) > 0xFF:
            char = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) <= 0xFF)
        out.append(char)
    return "".join(out)


def line(text: str) -> str:
    """One-line Latin-1 text: controls dropped, runs of blanks folded, ends trimmed."""
    return _SPACES.sub(" ", latin1(_CONTROL.sub("", text or ""))).strip()


def block(text: str) -> str:
    """Multi-line text (xDescServ, xInfComp): controls dropped, line breaks kept."""
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def digits(text: str) -> str:
    """Only the digits of text (phone, CEP, codes typed with dots)."""
    return "".join(c for c in text or "" if c.isascii() and c.isdigit())
