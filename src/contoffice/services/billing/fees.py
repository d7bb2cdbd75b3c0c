"""Gerar honorários (INV-D-13): fee contas of active contracts for N months from a start."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from contoffice.core.format import format_competence, format_money
from contoffice.core.vocab import ChargeKind, ContractStatus
from contoffice.db.models import Charge, Contract, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.invoicing.rules import add_months
from contoffice.services.kernel import audit, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome


@dataclass(frozen=True, slots=True)
class LastFee:
    """The last honorário scheduled for a client (shown on the generation screen)."""

    person_id: int
    competence: date | None
    due_date: date | None
    amount_cents: int | None


def fee_description(contract: Contract, competence: date) -> str:
    """"Honorários 11/2026 — <plan>"."""
    return f"Honorários {format_competence(competence)} — {contract.plan}"


def new_fee(contract: Contract, competence: date, run_id: int | None = None) -> Charge:
    """The fee conta of a contract for one competência (not added to the session)."""
    charge = invoicing.open_charge(
        person_id=contract.person_id, kind=ChargeKind.FEE,
        description=fee_description(contract, competence), amount_cents=contract.fee_cents,
        due_date=invoicing.fee_due_date(contract, competence),
        ledger_account_id=contract.ledger_account_id, contract_id=contract.id,
        competence=competence)
    charge.payment_profile_id, charge.billing_run_id = contract.payment_profile_id, run_id
    charge.period_start = competence
    charge.period_end = add_months(competence, 1).replace(day=1)
    charge.period_end = date.fromordinal(charge.period_end.toordinal() - 1)
    return charge


def fee_charges(uow: UnitOfWork, contract: Contract, start: date, times: int) -> list[Charge]:
    """Create the contract's missing fee contas for `times` months from `start`."""
    first = contract.starts_on.replace(day=1)
    last = contract.ends_on.replace(day=1) if contract.ends_on else date.max
    months = [c for n in range(times) if first <= (c := add_months(start, n)) <= last]
    existing = set(uow.session.scalars(select(Charge.competence).where(
        Charge.contract_id == contract.id, Charge.kind == ChargeKind.FEE,
        Charge.competence.in_(months))))
    created = [new_fee(contract, c) for c in months if c not in existing]
    uow.session.add_all(created)
    return created


def last_scheduled_fees(uow: UnitOfWork, person_ids: Sequence[int]) -> dict[int, LastFee]:
    """Each client's last scheduled honorário (None fields when none was generated)."""
    with uow:
        result = {pid: LastFee(pid, None, None, None) for pid in person_ids}
        latest = (select(Charge.person_id, func.max(Charge.competence).label("competence"))
                  .where(Charge.person_id.in_(list(person_ids)), Charge.kind == ChargeKind.FEE,
                         Charge.status != "removed")
                  .group_by(Charge.person_id).subquery())
        rows = uow.session.execute(
            select(Charge.person_id, Charge.competence, Charge.due_date, Charge.amount_cents)
            .join(latest, (latest.c.person_id == Charge.person_id)
                  & (latest.c.competence == Charge.competence))
            .where(Charge.kind == ChargeKind.FEE).order_by(Charge.id))
        for pid, competence, due, amount in rows:
            result[pid] = LastFee(pid, competence, due, amount)
        return result


def generate_fees(uow: UnitOfWork, actor: Actor, *, person_ids: Sequence[int],
                  start: date | str, times: int = 1, dry_run: bool = False) -> BatchResult:
    """Gerar honorários for the clients' active contracts; `times=1` is "Não repetir"."""
    start = invoicing.competence_of(start)
    ids = unique_ids(person_ids)
    with uow:
        require(actor, "fees.generate")
        if not 1 <= times <= 120:
            raise InvalidInput(m.FEES_TIMES_INVALID, field="Número de vezes")
        money_limits.check_date(uow, start, "Competência inicial")
        ceiling = money_limits.limits(uow).ceiling_cents

        def one(person_id: int) -> RowOutcome:
            uow.get(Person, person_id, what="Cadastro")
            contracts = list(uow.session.scalars(select(Contract).where(
                Contract.person_id == person_id,
                Contract.status.in_((ContractStatus.ACTIVE, ContractStatus.CANCEL_REQUESTED)))
                .order_by(Contract.id)))
            if not contracts:
                raise Refused(m.FEES_NO_ACTIVE_CONTRACT.format(code=person_id))
            for contract in contracts:  # a fee stored before the office set its ceiling
                if contract.fee_cents > ceiling:
                    raise Refused(m.CONTRACT_FEE_ABOVE_CEILING.format(
                        code=contract.id, ceiling=format_money(ceiling)))
            created = [c for contract in contracts
                       for c in fee_charges(uow, contract, start, times)]
            uow.session.flush()
            audit.record(uow, actor, "fees.generated", "person", person_id,
                         person_id=person_id,
                         after={"start": start, "times": times, "charges": len(created),
                                "charge_ids": [c.id for c in created]})
            return RowOutcome(person_id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(charges=True, header=True))
