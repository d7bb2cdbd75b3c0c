"""Valor por extenso in BRL: num2words' pt-BR words with receipt grammar fixed."""

from __future__ import annotations

from functools import cache

from num2words import num2words

# (singular, plural) of each thousand-group scale above the units; "mil" does not inflect.
_SCALES = (
    ("", ""),
    ("mil", "mil"),
    ("milhão", "milhões"),
    ("bilhão", "bilhões"),
    ("trilhão", "trilhões"),
    # Far above any ceiling, but a receipt sums what the database holds (BIGINT cents,
    # up to 92 quatrilhões of reais per row): every stored sum must read in words.
    ("quatrilhão", "quatrilhões"),
    ("quintilhão", "quintilhões"),
    ("sextilhão", "sextilhões"),
    ("septilhão", "septilhões"),
    ("octilhão", "octilhões"),
    ("nonilhão", "nonilhões"),
    ("decilhão", "decilhões"),
)
_LIMIT_REAIS = 1000 ** len(_SCALES)


@cache
def _hundreds(n: int) -> str:
    """Words for 1..999 from num2words ("cem", "cento e um", "catorze")."""
    return num2words(n, lang="pt_BR")


def _groups(n: int) -> list[int]:
    """Thousand-groups of n, least significant first."""
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups


def cardinal(n: int) -> str:
    """pt-BR cardinal words for 0 <= n < 10^36, without num2words' comma after "mil"."""
    if n == 0:
        return "zero"
    if not 0 < n < _LIMIT_REAIS:
        raise ValueError(f"out of range for extenso: {n}")
    parts: list[tuple[int, str]] = []
    for scale, group in enumerate(_groups(n)):
        if not group:
            continue
        singular, plural = _SCALES[scale]
        if scale == 1 and group == 1:
            words = "mil"  # never "um mil"
        elif scale == 0:
            words = _hundreds(group)
        else:
            words = f"{_hundreds(group)} {singular if group == 1 else plural}"
        parts.append((group, words))
    parts.reverse()  # most significant first
    text = parts[0][1]
    for i, (group, words) in enumerate(parts[1:], start=1):
        # "e" joins only the last group, and only when it is below 100 or a round hundred:
        # "mil e cem", "mil e oitenta", "um milhão e quinhentos mil", "mil duzentos e trinta".
        is_last = i == len(parts) - 1
        joiner = " e " if is_last and (group < 100 or group % 100 == 0) else " "
        text += joiner + words
    return text


def valor_por_extenso(cents: int) -> str:
    """`mil duzentos e trinta e quatro reais e cinquenta e seis centavos` for 123456."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"cents must be int, got {type(cents).__name__}")
    if cents < 0:
        raise ValueError("valor por extenso of a negative amount")
    reais, centavos = divmod(cents, 100)
    if reais >= _LIMIT_REAIS:
        raise ValueError(f"amount too large for extenso: {cents} cents")
    cents_text = f"{cardinal(centavos)} {'centavo' if centavos == 1 else 'centavos'}"
    if reais == 0:
        return cents_text if centavos else "zero reais"
    currency = "real" if reais == 1 else "reais"
    # Whole millions (and above) take "de": "um milhão de reais", "dois bilhões de reais".
    if reais >= 1_000_000 and reais % 1_000_000 == 0:
        currency = "de reais"
    reais_text = f"{cardinal(reais)} {currency}"
    return f"{reais_text} e {cents_text}" if centavos else reais_text


def valor_por_extenso_upper(cents: int) -> str:
    """The same words in upper case, for checks and contract headings."""
    return valor_por_extenso(cents).upper()
