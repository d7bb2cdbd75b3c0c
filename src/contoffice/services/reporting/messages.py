"""What the Relatórios services say to the clerk (pt-BR)."""

from __future__ import annotations

DAYS_INVERTED = "O período está invertido: a data final vem antes da inicial."
MONTHS_INVERTED = "O período está invertido: o mês final vem antes do inicial."
MONTHS_AHEAD = "Escolha de 1 a {most} meses."
MONTHS_AT_MOST = "Escolha um período de no máximo {most} meses."
