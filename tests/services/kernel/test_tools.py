"""The tool registry: one declaration per tool, the faces derived from it, previews that answer."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

from sqlalchemy import func, select, text

from contoffice.db.models import Invoice, PaymentProfile
from contoffice.db.uow import Database
from contoffice.services.billing import charge_billing, charges
from contoffice.services.billing.charges import ChargeInput
from contoffice.services.kernel import tools
from contoffice.services.kernel.permissions import PERMISSIONS, PERMISSIONS_BY_KEY, Actor
from contoffice.services.kernel.toolbox import ACCESS, REGISTRY
from tests.services.billing_support import make_person, make_profile


def test_every_batch_tool_names_a_service_that_takes_what_it_declares() -> None:
    for tool in REGISTRY.tools:
        if tool.runs is not tools.Runs.BATCH:
            assert not tool.service and not tool.command, tool.key
            continue
        accepted = inspect.signature(tool.function()).parameters
        wanted = [tool.ids, "dry_run", *(o.name for o in tool.options), *tool.fixed]
        if tool.confirms:
            wanted.append("confirmed")
        assert [w for w in wanted if w not in accepted] == [], tool.key


def test_the_permission_list_is_derived_from_the_tools() -> None:
    assert len({p.key for p in PERMISSIONS}) == len(PERMISSIONS)
    for tool in REGISTRY.tools:
        assert tool.permission in PERMISSIONS_BY_KEY, tool.key
    first: dict[str, str] = {key: label for key, _panel, label in ACCESS}
    for tool in REGISTRY.tools:
        first.setdefault(tool.permission, tool.label)
    for key, label in first.items():
        assert PERMISSIONS_BY_KEY[key].label == label
    # A capability that is not built offers no permission to grant.
    assert not [p.key for p in PERMISSIONS if p.key.split(".")[0] in {"clearance"}]
    assert {p.key for p in PERMISSIONS if p.key.startswith("fiscal.")} == {
        "fiscal.generate", "fiscal.edit", "fiscal.cancel", "fiscal.annul", "fiscal.print",
        "fiscal.send"}
    assert {p.key for p in PERMISSIONS if p.key.startswith("bank.")} == {
        "bank.remittance", "bank.import_return"}


def test_commands_and_pages_come_from_the_declarations() -> None:
    assert [t.key for t in REGISTRY.commands("payables")] == [
        "payable_charges.edit", "payable_charges.remove"]
    on_page = [t.action_id for t in REGISTRY.on_page("client.unbilled")]
    assert on_page == ["insert", "edit", "remove", "suspend", "unsuspend", "bill"]


def _two_invoices(db: Database, actor: Actor) -> tuple[int, list[int]]:
    person, profile = make_person(db), make_profile(db)
    due = date.today() + timedelta(days=15)
    made = []
    for n in range(2):
        ids = charges.insert_charges(db.uow(), actor, data=ChargeInput(
            person, f"Consultoria {n}", 40_000, due))
        result = charge_billing.bill_charges(db.uow(), actor, charge_ids=ids,
                                             method="per_charge", payment_profile_id=profile)
        made.append(result.outcomes[0].new_id)
    return profile, made


def test_the_preview_answers_with_its_questions_and_keeps_nothing(
        db: Database, actor: Actor) -> None:
    profile, invoices = _two_invoices(db, actor)
    with db.uow() as uow:
        counter = uow.session.get(PaymentProfile, profile).next_our_number
        count = uow.session.scalar(select(func.count()).select_from(Invoice))
    tool = REGISTRY["invoices.additional_charge"]
    found = tools.preview(tool, db.uow(), actor, invoices, {
        "description": "Taxa", "amount_cents": 2_500, "justification": "pedido do cliente"})
    assert [q.key for q in found.questions] == ["invoice.reissue"]
    assert all(str(i) in found.questions[0].message for i in invoices)
    assert [o.done for o in found.result.outcomes] == [True, True]
    with db.uow() as uow:
        # No nosso número consumed, no invoice kept …
        assert uow.session.get(PaymentProfile, profile).next_our_number == counter
        assert uow.session.scalar(select(func.count()).select_from(Invoice)) == count
        # … and no lock held once it answered: the profile row can be taken at once.
        if db.engine.dialect.name == "postgresql":
            uow.session.execute(text(
                "SELECT id FROM payment_profile WHERE id = :id FOR UPDATE NOWAIT"), {"id": profile})
        uow.session.get(PaymentProfile, profile).name = "Itaú — conferido"
        uow.commit()


def test_the_real_call_asks_what_the_preview_found(db: Database, actor: Actor) -> None:
    _profile, invoices = _two_invoices(db, actor)
    tool = REGISTRY["invoices.additional_charge"]
    values = {"description": "Taxa", "amount_cents": 2_500, "justification": "pedido"}
    found = tools.preview(tool, db.uow(), actor, invoices, values)
    result = tool.call(db.uow(), actor, invoices, values, dry_run=False,
                       confirmed=frozenset(q.key for q in found.questions))
    assert all(o.done and o.new_id for o in result.outcomes)
