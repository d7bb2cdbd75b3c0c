"""How many SMS a text takes (GSM 03.38 or UCS-2), for the clerk's counter."""

from __future__ import annotations

SMS_MAX = 160

# GSM 03.38: the basic table (one septet each, ESC left out) and the extension table (ESC +
# one septet). "ç", "ã", "õ", "á", "ê", "í", "ó", "ú" are in neither: such a text goes as UCS-2.
_GSM_BASIC = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                       "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
_GSM_EXTENSION = frozenset("\f^{}\\[~]|€")


def sms_parts(text: str) -> int:
    """How many SMS the text takes: GSM-7 160 (153 per part), else UCS-2 70 (67 per part)."""
    if all(c in _GSM_BASIC or c in _GSM_EXTENSION for c in text):
        sizes, single, part = [1 + (c in _GSM_EXTENSION) for c in text], SMS_MAX, 153
    else:  # UTF-16 units: an emoji takes two
        sizes, single, part = [len(c.encode("utf-16-le")) // 2 for c in text], 70, 67
    if sum(sizes) <= single:
        return 1
    parts, used = 1, 0
    for size in sizes:  # an escape pair or a surrogate pair is never split between parts
        if used + size > part:
            parts, used = parts + 1, 0
        used += size
    return parts
