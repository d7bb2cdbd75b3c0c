"""The history reads as pt-BR sentences: every audit action has a template, no raw value."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import contoffice
from contoffice.core.format import format_date
from contoffice.core.paging import PageRequest
from contoffice.db.models import Operator
from contoffice.db.queries import client_activity, history
from contoffice.db.uow import Database
from contoffice.services.admin.operators import actor_of, ensure_roles
from contoffice.services.invoices import actions as invoices
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import TODAY, invoice
from tests.services.test_billing_messages import Office

SRC = Path(contoffice.__file__).parent

# The audit helpers and where their action argument sits (position, keyword).
_AUDIT_SINKS = {("audit", "record"): (2, "action"), ("audit", "values"): (1, "action")}


def _callee(call: ast.Call) -> tuple[str, str]:
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return owner, func.attr
    return "", func.id if isinstance(func, ast.Name) else ""


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return call.args[position] if len(call.args) > position else None


def _strings(node: ast.expr | None) -> list[str]:
    """The literal keys an argument can be: "a", or `"a" if x else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def written_actions(root: Path) -> tuple[set[str], list[str]]:
    """Every action key passed to the audit helpers under `root`, and what could not be read.

    A helper that hands its own parameter on as the action (`_audit`, `_alter`,
    `_set_status`, …) becomes a sink too, so the keys its callers pass are found.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in root.rglob("*.py")}
    # Sinks by module: a private helper's callers live in its own module.
    sinks: dict[tuple[Path | None, str, str], tuple[int, str]] = {
        (None, owner, name): where for (owner, name), where in _AUDIT_SINKS.items()}

    def sink_of(path: Path, call: ast.Call) -> tuple[int, str] | None:
        owner, name = _callee(call)
        return sinks.get((None, owner, name)) or sinks.get((path, owner, name))

    grew = True
    while grew:
        grew = False
        for path, tree in trees.items():
            for func in ast.walk(tree):
                if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                params = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
                names = params + [a.arg for a in func.args.kwonlyargs]
                for call in ast.walk(func):
                    if not isinstance(call, ast.Call) or (where := sink_of(path, call)) is None:
                        continue
                    arg = _argument(call, *where)
                    if isinstance(arg, ast.Name) and arg.id in names:
                        position = params.index(arg.id) if arg.id in params else 10**6
                        key = (path, "", func.name)
                        if key not in sinks:
                            sinks[key] = (position, arg.id)
                            grew = True
    keys: set[str] = set()
    unread: list[str] = []
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or (where := sink_of(path, call)) is None:
                continue
            arg = _argument(call, *where)
            found = _strings(arg)
            keys.update(found)
            if not found and not isinstance(arg, ast.Name):
                unread.append(f"{path.relative_to(root)}:{call.lineno}")
    return keys, unread


def written_event_kinds(root: Path) -> set[str]:
    """The kinds of the invoice events written under `root` (`event(…, kind, text)`)."""
    kinds: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _callee(node)[1] == "event":
                kinds.update(_strings(_argument(node, 3, "kind")))
            if isinstance(node, ast.Dict):  # a bulk insert's rows: {"invoice_id", "kind", "text"}
                fields = {getattr(k, "value", None): v for k, v in zip(node.keys, node.values,
                                                                       strict=True)}
                if {"invoice_id", "kind", "text"} <= fields.keys():
                    kinds.update(_strings(fields["kind"]))
    return kinds


def test_every_audit_action_written_has_a_template() -> None:
    keys, unread = written_actions(SRC)
    assert unread == []
    assert len(keys) > 40  # the scan found the trail, not nothing
    missing = sorted(k for k in keys if k not in history.TEMPLATES)
    assert missing == [], f"actions without a pt-BR template: {missing}"
    unlabelled = sorted(k for k in keys if k not in history.ACTION_LABELS)
    assert unlabelled == [], f"actions without a pt-BR label: {unlabelled}"


def test_every_invoice_event_kind_has_a_label() -> None:
    kinds = written_event_kinds(SRC)
    assert {"comment", "created", "settled"} <= kinds
    assert sorted(k for k in kinds if k not in history.ACTION_LABELS) == []


def test_an_action_without_template_reads_its_label_never_its_key() -> None:
    text = history.sentence("invoice.something_new", {"x_y": 1}, {"x_y": 2}, "Ana", "motivo")
    assert text == "Fatura: alteração registrada por Ana — motivo"
    assert history.sentence("contract.cancelled", {"status": "active"},
                            {"status": "cancelled"}, "Ana") == "Contrato cancelado por Ana"


def test_values_read_the_pt_br_way() -> None:
    text = history.sentence(
        "invoice.settled", {"status": "open"},
        {"status": "settled", "value_cents": 123_456, "settled_on": "2026-11-24",
         "method": "other"}, "Ana", "pago")
    assert text == ("Liquidação de R$ 1.234,56 em 24/11/2026 (Outros) por Ana; "
                    "situação de Em aberto para Liquidada — pago")
    mark = history.sentence("invoice.remittance_mark", {"remittance_status": "generated"},
                            {"remittance_status": "none"}, "Ana")
    assert mark == "Marcação de remessa alterada de Remessa gerada para Sem remessa por Ana"
    spc = history.sentence("person.updated", {"active": True}, {"active": False}, "Ana")
    assert spc == "Cadastro alterado por Ana: ativo de Sim para Não"


def _ana(db: Database) -> Actor:
    with db.uow() as uow:
        operator = Operator(login="ana", name="Ana", role_id=ensure_roles(uow).id)
        uow.session.add(operator)
        uow.flush()
        uow.session.refresh(operator)
        ana = actor_of(operator)
        uow.commit()
    return ana


_RAW = re.compile(r"\{|\}|datetime|<|>|Enum|\b\w*_\w*\b")


def _assert_sentences(texts: list[str]) -> None:
    keys = [k for k in history.ACTION_LABELS if "." in k]
    for text in texts:
        assert not _RAW.search(text), text
        assert not any(k in text for k in keys), text


def test_history_of_a_due_date_change_reads_a_sentence(db: Database, actor: Actor) -> None:
    office = Office(db, actor)
    ana = _ana(db)
    old_due = invoice(db, office.invoice).due_date
    result = invoice_changes.alter_due_date(
        db.uow(), ana, invoice_ids=[office.invoice], due_date=date(2027, 1, 10),
        justification="pedido do cliente", confirmed=frozenset({"invoice.reissue"}),
        today=TODAY)
    new_id = result.outcomes[0].new_id
    assert result.outcomes[0].done and new_id is not None

    items = invoices.invoice_history(db.uow(), office.invoice)
    expected = (f"Vencimento alterado de {format_date(old_due)} para 10/01/2027 por Ana; "
                f"a fatura foi recriada como fatura {new_id} — pedido do cliente")
    assert expected in [i.text for i in items]
    changed = next(i for i in items if i.text == expected)
    assert (changed.label, changed.operator, changed.kind) == ("Vencimento alterado", "Ana",
                                                               "altered")
    recreated = invoices.invoice_history(db.uow(), new_id)
    assert any(f"Recriada a partir da fatura {office.invoice}" in i.text for i in recreated)
    _assert_sentences([t for i in [*items, *recreated] for t in (i.text, i.label)])

    with db.uow() as uow:
        page = client_activity.activity(
            uow.session, PageRequest({"person_id": office.person}, limit=500))
    details = [r.detail for r in page.rows]
    assert expected in details
    _assert_sentences(details)
    assert all(r.action in history.ACTION_LABELS for r in page.rows)
