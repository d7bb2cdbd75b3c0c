"""Money bounds (issue 15 item 4): a ceiling per operation, a confirmation above a threshold,
no date before the office existed, and a receipt that always reads its amount in words."""

from __future__ import annotations

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from sqlalchemy import func, select

from contoffice.core.extenso import valor_por_extenso
from contoffice.db.models import Invoice, Settlement
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NeedsConfirmation
from contoffice.services.admin import office
from contoffice.services.billing import charges
from contoffice.services.contracts import records as contracts
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.kernel import money_limits
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import receipts
from contoffice.services.settlements import settle as settlements
from tests.cli.money_support import open_invoices
from tests.services.billing_support import make_person

CEILING = money_limits.DEFAULT_CEILING_CENTS  # R$ 10.000.000,00
THRESHOLD = money_limits.DEFAULT_CONFIRM_CENTS  # R$ 100.000,00


def _settle(db: Database, actor: Actor, invoice_id: int, value: int | None, **extra: object):
    return settlements.settle_invoices(
        db.uow(), actor, invoice_ids=[invoice_id], method="other",
        settled_on=extra.pop("settled_on", date.today()),  # type: ignore[arg-type]
        justification="pago no balcão", value_cents=value, **extra,  # type: ignore[arg-type]
    )


def _settlements(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Settlement)) or 0)


def test_defaults_fit_the_boleto_and_the_words(db: Database) -> None:
    with db.uow() as uow:
        bounds = money_limits.limits(uow)
    assert (bounds.ceiling_cents, bounds.confirm_cents) == (CEILING, THRESHOLD)
    assert bounds.ceiling_cents <= money_limits.MAX_CEILING_CENTS == 9_999_999_999
    assert bounds.founded_on == money_limits.DEFAULT_FOUNDED_ON
    assert valor_por_extenso(bounds.ceiling_cents) == "dez milhões de reais"


def test_settlement_above_the_ceiling_refused(db: Database, actor: Actor) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    huge = 9_223_372_036_854_775_807  # the 92.233.720.368.547.758,07
    for value in (CEILING + 1, huge, 100_000_000_000):
        with pytest.raises(InvalidInput) as refused:
            _settle(db, actor, invoice_id, value, confirmed=frozenset({"money.large_amount"}))
        assert "R$ 10.000.000,00" in refused.value.message
        assert refused.value.field == "Valor de liquidação"
    assert _settlements(db) == 0


def test_settlement_above_the_threshold_needs_confirmation(db: Database, actor: Actor) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    with pytest.raises(NeedsConfirmation) as asked:
        _settle(db, actor, invoice_id, THRESHOLD + 1)
    assert asked.value.key == money_limits.LARGE_AMOUNT_KEY
    assert "R$ 100.000,01" in asked.value.message and "R$ 100.000,00" in asked.value.message
    assert _settlements(db) == 0
    preview = _settle(db, actor, invoice_id, THRESHOLD + 1, dry_run=True)  # no question
    assert preview.outcomes[0].done and _settlements(db) == 0
    done = _settle(db, actor, invoice_id, CEILING, confirmed=frozenset({asked.value.key}))
    assert done.outcomes[0].done and _settlements(db) == 1
    # At the threshold exactly, nothing is asked.
    [other] = open_invoices(db, actor, 1)
    assert _settle(db, actor, other, THRESHOLD).outcomes[0].done


def test_settlement_dated_before_the_office_refused(db: Database, actor: Actor) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    with pytest.raises(InvalidInput) as refused:
        _settle(db, actor, invoice_id, None, settled_on=date(1900, 1, 1))
    assert "01/01/1900" in refused.value.message and "01/01/2000" in refused.value.message
    with db.uow() as uow:
        office.save_settings(uow, actor, {money_limits.FOUNDED_KEY: "2020-03-01"})
    with pytest.raises(InvalidInput, match="01/03/2020"):
        _settle(db, actor, invoice_id, None, settled_on=date(2020, 2, 29))
    assert _settle(db, actor, invoice_id, None, settled_on=date(2020, 3, 1)).outcomes[0].done


def test_the_office_sets_its_own_bounds(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        office.save_settings(uow, actor, {money_limits.CEILING_KEY: "500000",
                                          money_limits.CONFIRM_KEY: "100000"})
    [invoice_id] = open_invoices(db, actor, 1, cents=1_000)
    with pytest.raises(InvalidInput, match=re.escape("R$ 5.000,00")):
        _settle(db, actor, invoice_id, 500_001)
    with pytest.raises(NeedsConfirmation, match=re.escape("R$ 1.000,00")):
        _settle(db, actor, invoice_id, 100_001)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({money_limits.CEILING_KEY: "10000000000"}, money_limits.CEILING_FIELD),  # > boleto
        ({money_limits.CEILING_KEY: "0"}, money_limits.CEILING_FIELD),
        ({money_limits.CEILING_KEY: "1_000"}, money_limits.CEILING_FIELD),
        ({money_limits.CEILING_KEY: "١٠٠"}, money_limits.CEILING_FIELD),
        ({money_limits.CONFIRM_KEY: str(CEILING + 1)}, money_limits.CONFIRM_FIELD),
        ({money_limits.FOUNDED_KEY: "1899-12-31"}, money_limits.FOUNDED_FIELD),
        ({money_limits.FOUNDED_KEY: "3000-01-01"}, money_limits.FOUNDED_FIELD),
        ({money_limits.FOUNDED_KEY: "ontem"}, money_limits.FOUNDED_FIELD),
    ],
)
def test_settings_out_of_bounds_refused(
    db: Database, actor: Actor, values: dict[str, str], field: str
) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput) as refused:
        office.save_settings(uow, actor, values)
    assert refused.value.field == field
    with db.uow() as uow:
        assert money_limits.limits(uow).ceiling_cents == CEILING


def test_every_typed_amount_is_bounded(db: Database, actor: Actor) -> None:
    person = make_person(db)
    due = date.today() + timedelta(days=10)
    data = charges.ChargeInput(person_id=person, description="Consultoria",
                               amount_cents=CEILING + 1, due_date=due)
    with pytest.raises(InvalidInput, match=re.escape("R$ 10.000.000,00")):
        charges.insert_charges(db.uow(), actor, data=data)
    big = charges.ChargeInput(person_id=person, description="Consultoria",
                              amount_cents=THRESHOLD * 2, due_date=due)
    with pytest.raises(NeedsConfirmation):
        charges.insert_charges(db.uow(), actor, data=big)
    assert charges.insert_charges(db.uow(), actor, data=big,
                                  confirmed=frozenset({money_limits.LARGE_AMOUNT_KEY}))
    contract = contracts.ContractInput(person_id=person, plan="Completo",
                                       fee_cents=CEILING + 1, starts_on=date(2026, 1, 1))
    with pytest.raises(InvalidInput):
        contracts.create_contract(db.uow(), actor, data=contract)
    [invoice_id] = open_invoices(db, actor, 1)
    with pytest.raises(InvalidInput):
        invoice_changes.alter_value(
            db.uow(), actor, invoice_ids=[invoice_id], value_cents=CEILING + 1,
            justification="x", confirmed=frozenset({"invoice.reissue"}))
    with pytest.raises(NeedsConfirmation):
        invoice_changes.alter_discount(
            db.uow(), actor, invoice_ids=[invoice_id], discount_cents=THRESHOLD + 1,
            discount_until=None, instruction="", justification="x")


def test_dates_far_ahead_never_overflow(db: Database, actor: Actor) -> None:
    person = make_person(db)
    far = charges.ChargeInput(person_id=person, description="Consultoria", amount_cents=100,
                              due_date=date(9999, 12, 31), replications=3)
    with pytest.raises(InvalidInput, match="31/12/9999"):
        charges.insert_charges(db.uow(), actor, data=far)
    long = charges.ChargeInput(person_id=person, description="Consultoria", amount_cents=100,
                               due_date=date.today(), replications=360, interval_days=10**6)
    with pytest.raises(InvalidInput, match="3660 dias"):
        charges.insert_charges(db.uow(), actor, data=long)


def test_receipt_of_a_large_settled_amount(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        office.save_settings(uow, actor, {"office.name": "Lima Contábil",
                                          "office.document": "02.558.157/0001-62"})
    [at_ceiling, legacy] = open_invoices(db, actor, 2)
    _settle(db, actor, at_ceiling, CEILING, confirmed=frozenset({"money.large_amount"}))
    # A settlement stored before the ceiling existed (the 92 quatrilhões).
    with db.uow() as uow:
        invoice = uow.get(Invoice, legacy)
        uow.session.add(Settlement(invoice_id=legacy, person_id=invoice.person_id,
                                   amount_cents=9_223_372_036_854_775_807,
                                   settled_on=date.today(), method="other",
                                   justification="antigo", operator_id=actor.id))
        uow.commit()
    with db.uow() as uow:
        found = receipts.receipts_for_invoices(uow, actor, [at_ceiling, legacy])
    assert found[0].amount_words == "dez milhões de reais"
    assert found[1].amount_words.startswith("noventa e dois quatrilhões")
    out = BytesIO()
    assert receipts.print_receipts(db, actor, [at_ceiling, legacy], out) >= 1
    assert out.getvalue().startswith(b"%PDF")
