"""What the window can import: clients, or the contracts or open invoices of registered ones.

Each kind names its fields and the services that simulate and apply it; the steps of
the window are the same for both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from contoffice.errors import NotAllowed
from contoffice.services.contracts import importing as contracts
from contoffice.services.invoices import importing as invoices
from contoffice.services.people import import_mapping, importing
from contoffice.ui.people_import import labels as t


@dataclass(frozen=True, slots=True)
class ImportKind:
    key: str
    label: str
    fields: tuple[tuple[str, str], ...]  # (key, pt-BR label) of each field a column may fill
    guess: Callable[[Sequence[str]], tuple[str, ...]]
    preview: Callable[..., Any]  # (uow, actor, sheet, columns, progress=…) → plan
    apply: Callable[..., Any]  # (…, skip_refused=…) → result with .plan, .created, .changes
    refused: type[NotAllowed]  # raised by `apply` with the plan when rows were refused
    done: str  # the result line


KINDS = (
    ImportKind("people", t.KIND_PEOPLE,
               tuple((f.key, f.label) for f in import_mapping.FIELDS), import_mapping.guess,
               importing.preview_import, importing.apply_import, importing.ImportRefused,
               t.DONE),
    ImportKind("contracts", t.KIND_CONTRACTS,
               tuple((f.key, f.label) for f in contracts.MAP.fields), contracts.MAP.guess,
               contracts.preview_contracts, contracts.apply_contracts,
               contracts.ContractsRefused, t.DONE_CONTRACTS),
    ImportKind("invoices", t.KIND_INVOICES,
               tuple((f.key, f.label) for f in invoices.MAP.fields), invoices.MAP.guess,
               invoices.preview_invoices, invoices.apply_invoices, invoices.InvoicesRefused,
               t.DONE_INVOICES),
)
