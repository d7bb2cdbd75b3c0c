"""The columns of the Remessas and Retornos importados grids (filterable and sortable here)."""

from __future__ import annotations

from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.services.boletos.profiles import banks

REMITTANCES = "bank.remittances"
RETURNS = "bank.returns"


def _col(key: str, header: str, kind: ColumnKind = ColumnKind.TEXT, width: int = 120,
         labels: dict[str, str] | None = None) -> ColumnSpec:
    """A column filtered and sorted by its own key (the rows are held in memory)."""
    return ColumnSpec(key, header, kind, filter_key=key, sort_key=key, labels=labels or {},
                      width=width)


def bank_labels() -> dict[str, str]:
    """"341 Itaú" for the bank code 341."""
    return {code: f"{code} {name}" for code, name in banks()}


def remittance_columns() -> tuple[ColumnSpec, ...]:
    """Número, Profile, Banco, Arquivo, Títulos, Valor, Situação, Gerada em, Operador."""
    return (
        _col("sequence_number", "Número", ColumnKind.INT, 80),
        _col("profile", "Profile", width=180),
        _col("bank", "Banco", ColumnKind.LABEL, 120, bank_labels()),
        _col("filename", "Arquivo", width=130),
        _col("titles", "Títulos", ColumnKind.INT, 80),
        _col("total_cents", "Valor", ColumnKind.MONEY, 120),
        _col("status", "Situação", width=110),
        _col("created_at", "Gerada em", ColumnKind.DATETIME, 130),
        _col("operator", "Operador", width=140),
    )


def return_columns() -> tuple[ColumnSpec, ...]:
    """Código, Arquivo, Profile, Banco, Gerado em, counts and values, Importado em, Operador."""
    return (
        _col("id", "Código", ColumnKind.INT, 70),
        _col("filename", "Arquivo", width=130),
        _col("profile", "Profile", width=140),
        _col("bank", "Banco", ColumnKind.LABEL, 90, bank_labels()),
        _col("generated_on", "Gerado em", ColumnKind.DATE, 90),
        _col("records", "Registros", ColumnKind.INT, 75),
        _col("settled", "Liquidadas", ColumnKind.INT, 80),
        _col("settled_cents", "Valor liquidado", ColumnKind.MONEY, 110),
        _col("fee_cents", "Tarifas", ColumnKind.MONEY, 90),
        _col("problems", "A conferir", ColumnKind.INT, 80),
        _col("imported_at", "Importado em", ColumnKind.DATETIME, 120),
        _col("operator", "Operador", width=110),
    )
