"""Extrato de conta over a case built with the real tools, and over the demo office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.billing import charge_billing, charges
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.client_panel import client_header
from contoffice.services.settlements import reversals
from contoffice.services.settlements import settle as settlements
from contoffice.services.statements import Statement, print_statements, statement
from tests.services.billing_support import cash_account, make_person, make_profile
from tests.support.pdftools import PdfTools, require_pdf_tools

START, END = date(2025, 2, 1), date(2025, 4, 15)


def _invoice(db: Database, actor: Actor, person: int, profile: int, cents: int, issued: date,
             due: date, text: str) -> int:
    data = charges.ChargeInput(person_id=person, description=text, amount_cents=cents,
                               due_date=due, payment_profile_id=profile)
    created = charges.insert_charges(db.uow(), actor, data=data, today=issued)
    result = charge_billing.bill_charges(db.uow(), actor, charge_ids=created,
                                         method=charge_billing.PER_CHARGE, today=issued)
    new_id = result.outcomes[0].new_id
    assert new_id is not None, result.outcomes[0].message
    return new_id


def _settle(db: Database, actor: Actor, invoice_id: int, cents: int, day: date,
            partial: bool) -> None:
    result = settlements.settle_invoices(
        db.uow(), actor, invoice_ids=[invoice_id], method="other", justification="balcão",
        settled_on=day, value_cents=cents, partial=partial, today=day)
    assert result.outcomes[0].done, result.outcomes[0].message


@pytest.fixture
def case(db: Database, actor: Actor) -> dict[str, int]:
    """A 600,00 opening, B partly paid, C paid with a discount and reversed, D after the end."""
    person, profile = make_person(db), make_profile(db)
    a = _invoice(db, actor, person, profile, 100_000, date(2025, 1, 10), date(2025, 2, 10), "A")
    _settle(db, actor, a, 40_000, date(2025, 1, 31), partial=True)
    b = _invoice(db, actor, person, profile, 50_000, date(2025, 2, 15), date(2025, 3, 10), "B")
    _settle(db, actor, a, 60_000, date(2025, 2, 20), partial=True)
    _settle(db, actor, b, 20_000, date(2025, 3, 5), partial=True)
    c = _invoice(db, actor, person, profile, 80_000, date(2025, 3, 20), date(2025, 4, 10), "C")
    _settle(db, actor, c, 75_000, date(2025, 3, 25), partial=False)  # 50,00 of discount
    result = reversals.reverse_settlements(db.uow(), actor, invoice_ids=[c],
                                           cash_account_id=cash_account(db),
                                           justification="cheque devolvido",
                                           today=date(2025, 4, 2))
    assert result.outcomes[0].done, result.outcomes[0].message
    d = _invoice(db, actor, person, profile, 30_000, date(2025, 5, 5), date(2025, 5, 20), "D")
    return {"person": person, "a": a, "b": b, "c": c, "d": d}


def _lines(s: Statement) -> list[tuple[date, str, int, int, int]]:
    return [(x.day, x.kind, x.invoice_id, x.amount_cents, x.balance_cents) for x in s.lines]


def test_opening_lines_closing_and_aging_of_the_built_case(
    db: Database, actor: Actor, case: dict[str, int]
) -> None:
    s = statement(db.uow(), actor, case["person"], START, END)
    a, b, c = case["a"], case["b"], case["c"]
    assert s.opening_cents == 60_000  # A: 1.000,00 issued, 400,00 paid before the period
    assert _lines(s) == [
        (date(2025, 2, 15), "fatura", b, 50_000, 110_000),
        (date(2025, 2, 20), "liquidacao", a, -60_000, 50_000),
        (date(2025, 3, 5), "liquidacao", b, -20_000, 30_000),
        (date(2025, 3, 20), "fatura", c, 80_000, 110_000),
        (date(2025, 3, 25), "desconto", c, -5_000, 105_000),
        (date(2025, 3, 25), "liquidacao", c, -75_000, 30_000),
        (date(2025, 4, 2), "ajuste_estornado", c, 5_000, 35_000),
        (date(2025, 4, 2), "estorno", c, 75_000, 110_000),
    ]
    assert s.closing_cents == 110_000
    assert s.invoiced_cents == 130_000 and s.received_cents == 80_000
    # B (300,00) is 36 days late, C (800,00) 5 days; nothing not yet due.
    assert [(x.label, x.cents, x.count) for x in s.aging] == [
        ("A vencer", 0, 0), ("1–30", 80_000, 1), ("31–60", 30_000, 1), ("61–90", 0, 0),
        ("> 90", 0, 0)]
    assert sum(x.cents for x in s.aging) == s.closing_cents
    before = statement(db.uow(), actor, case["person"], date(2025, 1, 1), date(2025, 1, 31))
    assert before.opening_cents == 0 and before.closing_cents == 60_000
    assert [x.kind for x in before.lines] == ["fatura", "liquidacao"]
    assert before.aging[0].cents == 60_000  # A is due on 10/02: not yet due on 31/01


def test_closing_to_today_equals_the_header(
    db: Database, actor: Actor, case: dict[str, int]
) -> None:
    today = date.today()
    s = statement(db.uow(), actor, case["person"], date(today.year, 1, 1), today)
    balances = client_header(db.uow(), case["person"], today=today).balances
    assert s.closing_cents == balances.overdue_cents + balances.current_cents == 140_000
    assert s.aging[0].cents == balances.current_cents
    assert tuple(x.cents for x in s.aging[1:]) == balances.aging_cents


def test_the_featured_client_of_the_demo_matches_its_header(db: Database, actor: Actor) -> None:
    build_demo(db, people=40, seed=7)
    with db.uow() as uow:
        person = int(uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ)))
    today = date.today()
    s = statement(db.uow(), actor, person, date(today.year, 1, 1), today)
    balances = client_header(db.uow(), person, today=today).balances
    assert s.closing_cents == balances.overdue_cents + balances.current_cents > 0
    assert s.aging[0].cents == balances.current_cents
    assert tuple(x.cents for x in s.aging[1:]) == balances.aging_cents
    assert s.closing_cents == s.opening_cents + sum(x.amount_cents for x in s.lines)
    assert s.lines and all(x.day >= s.start for x in s.lines)


def test_an_inverted_period_names_the_field(
    db: Database, actor: Actor, case: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput) as caught:
        statement(db.uow(), actor, case["person"], END, START)
    assert caught.value.field == "Data final"
    assert str(caught.value) == (
        "Período inválido: a data final (01/02/2025) é anterior à data inicial (15/04/2025).")
    out = tmp_path / "x.pdf"
    with pytest.raises(InvalidInput):
        print_statements(db, actor, [case["person"]], END, START, out)
    assert not out.exists()


def test_without_the_permission_it_is_refused(db: Database, case: dict[str, int]) -> None:
    clerk = Actor(1, "bia", "Bia", permissions=frozenset({"people.view"}))
    with pytest.raises(NotAllowed):
        statement(db.uow(), clerk, case["person"], START, END)


def test_the_pdf_says_names_amounts_and_period(
    db: Database, actor: Actor, case: dict[str, int], tmp_path: Path
) -> None:
    other = make_person(db, "Oficina Dois Irmãos ME")
    out = tmp_path / "extratos.pdf"
    pages = print_statements(db, actor, [case["person"], other], START, END, out,
                             today=date(2025, 4, 16))
    assert pages == 2
    require_pdf_tools()
    text = PdfTools(tmp_path).text(out)
    flat = " ".join(text.split())
    assert "EXTRATO DE CONTA" in flat and "Padaria Pão Quente Ltda" in flat
    assert "Oficina Dois Irmãos ME" in flat and "Nenhum lançamento no período." in flat
    assert "Período: 01/02/2025 a 15/04/2025" in flat
    assert "Saldo anterior R$ 600,00" in flat and "Saldo final R$ 1.100,00" in flat
    assert "Desconto na liquidação" in flat and "Estorno de liquidação" in flat
    assert "Emitido em 16/04/2025" in flat
    # The credit in its column, the running balance last.
    row = next(line for line in text.splitlines() if "25/03/2025" in line and "Liquidação" in line)
    assert row.split() == ["25/03/2025", "Liquidação", str(case["c"]), "10/04/2025", "R$",
                           "750,00", "R$", "300,00"]
    assert "1–30" in flat and "R$ 800,00" in flat
