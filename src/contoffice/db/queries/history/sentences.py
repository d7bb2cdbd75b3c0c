"""The history a clerk reads, in pt-BR sentences: audit events and invoice events.

One table of templates turns an audit event (action, values before and after,
operator, justification) into a sentence such as "Vencimento alterado de
15/12/2026 para 10/01/2027 por Ana — pedido do cliente". Values are shown the
pt-BR way (dd/mm/aaaa, R$ 1.234,56, statuses by their label, Sim/Não, "fatura
123"); a field this table does not name is left out rather than shown by its
code, and an action without a template gets a generic sentence from its label.

It lives with the queries because the Atividade grid renders its rows here
(db may not import services); the services, the window and the command line
reach it through `invoice_history` and the grid.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Any

from contoffice.db.queries.history.fields import Values, changes, show
from contoffice.db.queries.history.labels import label
from contoffice.db.queries.history.templates import (
    EVENT_DEFAULT,
    EVENT_TEMPLATES,
    GENERIC,
    PYTHON_LIST,
    PYTHON_VALUE,
    TEMPLATES,
)
from contoffice.db.queries.history.values import is_empty

_ENTITY_OF_PREFIX = {"invoice": "invoice", "charges": "invoice", "charge": "charge",
                     "payable": "charge", "contract": "contract", "person": "person"}


def _loaded(values: Values | str | None) -> dict[str, Any]:
    """The audit trail keeps before/after as JSON text; accept that or a mapping."""
    if not values:
        return {}
    if isinstance(values, str):
        try:
            loaded = json.loads(values)
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return dict(values)


class _Side:
    """One side (before or after) of an event: `side.field` is the field's value, shown."""

    def __init__(self, values: dict[str, Any], entity: str, seen: list[bool]) -> None:
        self._values, self._entity, self._seen = values, entity, seen

    def __getattr__(self, key: str) -> str:
        value = self._values.get(key)
        if is_empty(value) or value is False or value == 0:
            self._seen.append(False)  # an optional part about nothing (no acréscimo) is left out
        return show(key, value, self._entity)


def _entity(action: str) -> str:
    return _ENTITY_OF_PREFIX.get(action.split(".", 1)[0], "")


class _Formatter(string.Formatter):
    """str.format that notes an empty value (for the optional "?" parts)."""

    def __init__(self, seen: list[bool]) -> None:
        self._seen = seen

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        value = super().get_value(key, args, kwargs)
        if isinstance(value, str) and value == "":
            self._seen.append(False)
        return value


def _render(parts: tuple[str, ...], context: dict[str, Any],
            before: dict[str, Any], after: dict[str, Any], entity: str) -> str:
    out: list[str] = []
    for part in parts:
        optional = part.startswith("?")
        seen: list[bool] = []
        formatter = _Formatter(seen)
        text = formatter.format(part[1:] if optional else part,
                                b=_Side(before, entity, seen), a=_Side(after, entity, seen),
                                **context)
        if optional and seen:
            continue
        out.append(text)
    return "".join(out)


def sentence(action: str, before: Values | str | None, after: Values | str | None,
             operator: str | None, justification: str = "") -> str:
    """The pt-BR sentence of one audit event, e.g. "Vencimento alterado de … por Ana — motivo"."""
    old, new = _loaded(before), _loaded(after)
    entity = _entity(action)
    who = (operator or "").strip()
    context = {
        "who": who,
        "por": f" por {who}" if who else "",
        "label": label(action),
        "changes": changes(old, new, entity),
    }
    text = _render(TEMPLATES.get(action, GENERIC), context, old, new, entity)
    note = (justification or "").strip()
    return f"{text} — {note}" if note else text


def event_sentence(kind: str, text: str, operator: str | None) -> str:
    """The pt-BR sentence of one invoice event (its journal text, framed by who did it)."""
    who = (operator or "").strip()
    cleaned = PYTHON_LIST.sub(r"\1", (text or "").strip())
    if PYTHON_VALUE.search(cleaned):
        cleaned = ""  # an older version wrote raw values here; the audit event tells them
    context = {"who": who, "por": f" por {who}" if who else "", "label": label(kind),
               "text": cleaned}
    return _render(EVENT_TEMPLATES.get(kind, EVENT_DEFAULT), context, {}, {}, "invoice")
