"""Every grid of the window by key: its title, columns, fixed filters and read query.

The window's lazy models, the XLSX export and `contoffice export` all read
rows through `fetch_page`, so a grid shows and exports the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from contoffice.core.grids import ColumnSpec
from contoffice.core.paging import Page, PageRequest
from contoffice.core.text import is_ascii_digits
from contoffice.db.queries import (
    clearances,
    client_activity,
    client_charges,
    client_contracts,
    client_invoices,
    client_recurrence,
    client_settlements,
    fiscal_documents,
    messages,
)
from contoffice.db.queries import people as people_queries
from contoffice.db.uow import UnitOfWork
from contoffice.services.panels import grid_columns as cols

Query = Callable[[Session, PageRequest], Page[Any]]


@dataclass(frozen=True, slots=True)
class GridSpec:
    """A grid: `per_person` grids need a person_id filter; `query` None means no table yet."""

    key: str
    title: str
    columns: tuple[ColumnSpec, ...]
    query: Query | None
    fixed: Mapping[str, Any] = field(default_factory=dict)
    per_person: bool = True
    search_mode: bool = False  # "modo pesquisa": no rows until a filter or "listar todos"

    def column(self, key: str) -> ColumnSpec:
        """The column with `key`."""
        return next(c for c in self.columns if c.key == key)


def _people(session: Session, request: PageRequest) -> Page[Any]:
    code = request.filters.get("code")
    if code not in (None, "") and not is_ascii_digits(str(code).strip()):
        return Page([], 0, request.offset)  # a code filter with letters matches nobody
    return people_queries.search(session, request)


def _latest(session: Session, request: PageRequest) -> Page[Any]:
    code = request.filters.get("code")
    if code not in (None, "") and not is_ascii_digits(str(code).strip()):
        return Page([], 0, request.offset)
    return people_queries.latest_active(session, request)


_NOT_REMOVED = {"status_not": "removed"}
GRIDS: dict[str, GridSpec] = {g.key: g for g in (
    GridSpec("finder.latest", "Últimos 1000 novos cadastros ativos", cols.PEOPLE, _latest,
             per_person=False),
    GridSpec("finder.active", "Cadastros ativos", cols.PEOPLE, _people, {"active": True},
             per_person=False, search_mode=True),
    GridSpec("finder.inactive", "Cadastros inativos", cols.PEOPLE, _people, {"active": False},
             per_person=False, search_mode=True),
    GridSpec("finder.advanced", "Pesquisa avançada", cols.PEOPLE, _people, per_person=False),
    GridSpec("client.contracts", "Contratos", cols.CONTRACTS, client_contracts.search),
    GridSpec("client.receivable", "Faturas a Receber", cols.INVOICES, client_invoices.search,
             {"direction": "R", **_NOT_REMOVED}),
    GridSpec("client.payable", "Faturas a Pagar", cols.INVOICES, client_invoices.search,
             {"direction": "P", **_NOT_REMOVED}),
    GridSpec("client.unbilled", "Contas a Receber não faturadas", cols.UNBILLED,
             client_charges.search, {"direction": "R", "unbilled": True, **_NOT_REMOVED}),
    GridSpec("client.payable_charges", "Contas a pagar", cols.PAYABLE_CHARGES,
             client_charges.search, {"direction": "P", **_NOT_REMOVED}),
    GridSpec("client.removed", "Faturas que foram excluídas", cols.REMOVED_INVOICES,
             client_invoices.search, {"status_in": ["removed"]}),
    GridSpec("client.settled_receivable", "Contas a Receber Liquidadas", cols.SETTLEMENTS,
             client_settlements.search, {"direction": "R"}),
    GridSpec("client.settled_payable", "Contas a Pagar Liquidadas", cols.SETTLEMENTS,
             client_settlements.search, {"direction": "P"}),
    GridSpec("client.fiscal_pending", "Documentos Fiscais Pendentes", cols.FISCAL_PENDING,
             fiscal_documents.pending),
    GridSpec("client.fiscal_issued", "Documentos Fiscais Gerados", cols.FISCAL_ISSUED,
             fiscal_documents.issued),
    GridSpec("fiscal.pending", "Faturas sem nota da competência", cols.OFFICE_FISCAL_PENDING,
             fiscal_documents.pending, per_person=False),
    GridSpec("fiscal.issued", "Notas emitidas da competência", cols.OFFICE_FISCAL_ISSUED,
             fiscal_documents.issued, per_person=False),
    GridSpec("client.messages", "SMS, e-mail e Mensagens Enviadas", cols.MESSAGES,
             messages.search),
    GridSpec("messages.sent", "Mensagens enviadas", cols.SENT_MESSAGES, messages.search,
             per_person=False),
    GridSpec("client.clearances", "Negativas de Débitos", cols.CLEARANCES,
             clearances.search),
    GridSpec("client.recurrence", "Faturas programadas para recorrência automática",
             cols.RECURRENCE, client_recurrence.search),
    GridSpec("client.cards", "Cartões de créditos cadastrados", cols.CARDS, None),
    GridSpec("client.activity", "Atividade", cols.ACTIVITY, client_activity.activity),
    GridSpec("client.notes", "Notas", cols.NOTES, client_activity.notes),
)}


def grid(key: str) -> GridSpec:
    """The grid with `key` (KeyError names the unknown key)."""
    return GRIDS[key]


def full_request(spec: GridSpec, request: PageRequest, person_id: int | None) -> PageRequest:
    """The clerk's request plus the grid's fixed filters and the panel's person."""
    filters = {**request.filters, **spec.fixed}
    if spec.per_person:
        if person_id is None:
            raise ValueError(f"grid {spec.key} needs a person")
        filters["person_id"] = person_id
    return PageRequest(filters, request.sort, request.offset, request.limit)


def fetch_page(uow: UnitOfWork, key: str, request: PageRequest, *,
               person_id: int | None = None) -> Page[Any]:
    """One page of the grid `key` (server-side filter and sort)."""
    spec = GRIDS[key]
    if spec.query is None:
        return Page([], 0, request.offset)
    with uow:
        return spec.query(uow.session, full_request(spec, request, person_id))
