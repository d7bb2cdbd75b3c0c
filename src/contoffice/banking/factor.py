"""Fator de vencimento: days since 1997-10-07, restarting at 1000 after each 9999.

FEBRABAN (comunicado 082/2012): 9999 = 2025-02-21, 1000 = 2025-02-22, and the
second cycle ends with 9999 = 2049-10-13. Factor 0 means "contra apresentação"
(no due date). A factor is decoded against a reference date (usually today or
the processing date): a boleto is only valid from 3000 factors before to 5500
factors after the reference, and at most one cycle falls inside that window.
"""

from __future__ import annotations

from datetime import date, timedelta

from contoffice.banking.errors import BoletoError

BASE_DATE = date(1997, 10, 7)
FIRST_ROLLOVER = date(2025, 2, 22)  # factor 1000 of the second cycle
LAST_SUPPORTED = date(2049, 10, 13)  # factor 9999 of the second cycle
NO_DUE_DATE = 0  # "contra apresentação"
CYCLE_DAYS = 9000  # a cycle runs 1000..9999
WINDOW_PAST = 3000
WINDOW_FUTURE = 5500


def _br(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def due_factor(d: date) -> int:
    """Factor of a due date, for every cycle up to 2049-10-13."""
    if d <= BASE_DATE:
        # 1997-10-07 itself would be factor 0, which the standard reserves for
        # "contra apresentação", so only later dates are encodable.
        raise BoletoError(
            f"Vencimento {_br(d)} anterior ao início do fator de vencimento "
            f"({_br(BASE_DATE + timedelta(days=1))}) (due_date)",
            "due_date",
        )
    if d > LAST_SUPPORTED:
        raise BoletoError(
            f"Vencimento {_br(d)} posterior a {_br(LAST_SUPPORTED)}: o fator de vencimento "
            "da FEBRABAN ainda não foi definido para essa data (due_date)",
            "due_date",
        )
    factor = (d - BASE_DATE).days
    while factor > 9999:
        factor -= CYCLE_DAYS
    return factor


def _candidates(factor: int) -> list[date]:
    """Every date whose factor is `factor`, one per cycle (a few cycles past 2049)."""
    found = [BASE_DATE + timedelta(days=factor)]
    if factor >= 1000:  # 1..999 only exist before 2000-07-03
        for cycle in range(4):
            found.append(FIRST_ROLLOVER + timedelta(days=factor - 1000 + cycle * CYCLE_DAYS))
    return found


def date_from_factor(factor: int, reference: date) -> date | None:
    """The due date a factor means near `reference`; None for 0 ("contra apresentação")."""
    if not 0 <= factor <= 9999:
        raise BoletoError(f"Fator de vencimento inválido: {factor} (due_factor)", "due_factor")
    if factor == NO_DUE_DATE:
        return None
    start = reference - timedelta(days=WINDOW_PAST)
    end = reference + timedelta(days=WINDOW_FUTURE)
    inside = [d for d in _candidates(factor) if start <= d <= end]
    if not inside:
        raise BoletoError(
            f"Fator de vencimento {factor} fora da janela de validade em torno de "
            f"{_br(reference)} (de {_br(start)} a {_br(end)}) (due_factor)",
            "due_factor",
        )
    # The window (8501 days) is shorter than a cycle (9000), so this is unique.
    return min(inside, key=lambda d: abs((d - reference).days))


def factor_or_blank(due: date | None) -> int:
    """Factor of a due date, or 0 when there is none ("contra apresentação")."""
    return NO_DUE_DATE if due is None else due_factor(due)
