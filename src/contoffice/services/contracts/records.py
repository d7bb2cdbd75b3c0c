"""Contratos (INV-D): new, the four alteration tools, cancel, suspend, activate, grouping."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.core.vocab import ContractStatus, DueRule, InvoiceStatus
from contoffice.db.models import Contract, Invoice, PaymentProfile, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.billing import fees
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, confirmations, guards, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

REISSUE_KEY = "contract.reissue"
_CHANGES = Changes(contracts=True, invoices=True, charges=True, header=True)


@dataclass(frozen=True, slots=True)
class ContractInput:
    """Cadastro Novo Contrato: plan and fee, due rule, profile, start, grouping."""

    person_id: int
    plan: str
    fee_cents: int
    starts_on: date
    due_day: int = 10
    due_rule: str = DueRule.FIXED_DAY
    move_to_business_day: bool = True
    due_month_offset: int = 1
    payment_profile_id: int | None = None
    ledger_account_id: int | None = None
    description: str = ""
    grouping: str = ""
    awaiting_activation: bool = False
    # SCENARIOS.md 7: the new contract's honorários for the next N months, in the same save.
    generate_months: int = 0


def _check_rule(due_rule: str, due_day: int, offset: int) -> None:
    if due_rule not in {r.value for r in DueRule}:
        raise InvalidInput(m.DUE_RULE_INVALID.format(rule=due_rule),
                           field="Regra de vencimento")
    limit = 23 if due_rule == DueRule.BUSINESS_DAY else 31
    if not 1 <= due_day <= limit:
        raise InvalidInput(m.DUE_DAY_OUT_OF_RANGE.format(limit=limit),
                           field="Dia de vencimento")
    if not 0 <= offset <= 2:
        raise InvalidInput(m.DUE_OFFSET_OUT_OF_RANGE,
                           field="Mês de vencimento")


def create_contract(uow: UnitOfWork, actor: Actor, *, data: ContractInput,
                    confirmed: frozenset[str] = frozenset()) -> int:
    """Cadastrar novo contrato; returns its id."""
    with uow:
        require(actor, "contracts.create")
        uow.get(Person, data.person_id, what="Cadastro")
        plan = invoicing.require_text(data.plan, "Plano")
        invoicing.require_positive(data.fee_cents, "Valor do plano")
        _check_rule(data.due_rule, data.due_day, data.due_month_offset)
        if data.payment_profile_id is not None:
            uow.get(PaymentProfile, data.payment_profile_id, what="Profile de pagamento")
        money_limits.check_date(uow, data.starts_on, "Início")
        money_limits.check_amount(uow, data.fee_cents, "Valor do plano", confirmed=confirmed)
        contract = Contract(
            person_id=data.person_id, plan=plan, description=data.description.strip(),
            fee_cents=data.fee_cents, due_rule=data.due_rule, due_day=data.due_day,
            move_to_business_day=data.move_to_business_day,
            due_month_offset=data.due_month_offset, payment_profile_id=data.payment_profile_id,
            ledger_account_id=data.ledger_account_id or guards.ledger_id(uow, "ledger.fees"),
            starts_on=data.starts_on, grouping=data.grouping.strip(),
            status=(ContractStatus.AWAITING_ACTIVATION if data.awaiting_activation
                    else ContractStatus.ACTIVE))
        uow.session.add(contract)
        uow.session.flush()
        audit.record(uow, actor, "contract.created", "contract", contract.id,
                     person_id=contract.person_id,
                     after={"plan": plan, "fee_cents": data.fee_cents, "status": contract.status})
        if data.generate_months and not data.awaiting_activation:
            require(actor, "fees.generate")
            if not 1 <= data.generate_months <= 120:
                raise InvalidInput(m.FEES_TIMES_INVALID, field="Número de vezes")
            created = fees.fee_charges(uow, contract, data.starts_on.replace(day=1),
                                       data.generate_months)
            uow.session.flush()
            audit.record(uow, actor, "fees.generated", "person", contract.person_id,
                         person_id=contract.person_id,
                         after={"start": data.starts_on.replace(day=1),
                                "times": data.generate_months, "charges": len(created),
                                "charge_ids": [c.id for c in created]})
        uow.commit()
        return contract.id


def affected_invoices(uow: UnitOfWork, contract_ids: Sequence[int], today: date) -> list[int]:
    """The open invoices a contract change would recreate (due today or later)."""
    return list(uow.session.scalars(select(Invoice.id).where(
        Invoice.contract_id.in_(contract_ids), Invoice.status == InvoiceStatus.OPEN,
        Invoice.due_date >= today).order_by(Invoice.id)))


def _change(uow: UnitOfWork, actor: Actor, ids: Sequence[int], *, key: str, action: str,
            values: Callable[[Contract], dict], justification: str, reissue: bool,
            confirmed: frozenset[str], today: date, dry_run: bool,
            profile_id: int | None = None) -> BatchResult:
    """One alteration tool: set `values`, then recreate the affected invoices (INV-D-5)."""
    require(actor, key)
    ids = unique_ids(ids)
    affected = affected_invoices(uow, ids, today) if reissue else []
    if affected:
        confirmations.ask(REISSUE_KEY, m.REISSUE_WARNING.format(
            codes=", ".join(map(str, affected))), confirmed=confirmed, dry_run=dry_run)

    def one(contract_id: int) -> RowOutcome:
        contract = uow.get(Contract, contract_id, what="Contrato")
        if contract.status == ContractStatus.CANCELLED:
            raise Refused(m.CONTRACT_ALREADY_CANCELLED.format(code=contract.id))
        new_values = values(contract)
        before, after = audit.changed_fields(contract, new_values)
        for name, value in new_values.items():
            setattr(contract, name, value)
        reissued: list[int] = []
        for invoice_id in affected_invoices(uow, [contract.id], today) if reissue else []:
            invoice = uow.get(Invoice, invoice_id)
            if guards.alter_refusal(invoice) is not None:
                continue  # left as is; the contract change applies from the next billing
            for charge in invoicing.charges_of(uow, invoice.id):
                if charge.kind == "fee":
                    charge.amount_cents = contract.fee_cents
                    charge.due_date = invoicing.fee_due_date(contract, charge.competence
                                                             or invoice.due_date)
            fee_due = invoicing.fee_due_date(contract, invoice.competence or invoice.due_date)
            new = invoicing.reissue(uow, actor, invoice, reason=justification, today=today,
                                    due_date=max(fee_due, today), profile_id=profile_id)
            reissued.append(new.id)
        after["reissued_invoices"] = reissued
        audit.record(uow, actor, action, "contract", contract.id, person_id=contract.person_id,
                     before=before, after=after, justification=justification)
        return RowOutcome(contract.id, True)

    outcomes = run_rows(uow, ids, one)
    finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def change_due_rule(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                    due_rule: str, due_day: int, move_to_business_day: bool = True,
                    due_month_offset: int = 1, justification: str,
                    confirmed: frozenset[str] = frozenset(), today: date | None = None,
                    dry_run: bool = False) -> BatchResult:
    """Trocar Regra de Vencimento; open invoices are recreated with the new due dates."""
    with uow:
        _check_rule(due_rule, due_day, due_month_offset)
        justification = invoicing.require_text(justification)
        return _change(uow, actor, contract_ids, key="contracts.change_due_rule",
                       action="contract.due_rule_changed", justification=justification,
                       values=lambda c: {"due_rule": due_rule, "due_day": due_day,
                                         "move_to_business_day": move_to_business_day,
                                         "due_month_offset": due_month_offset},
                       reissue=True, confirmed=confirmed, today=today or date.today(),
                       dry_run=dry_run)


def change_profile(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                   payment_profile_id: int, justification: str,
                   confirmed: frozenset[str] = frozenset(), today: date | None = None,
                   dry_run: bool = False) -> BatchResult:
    """Trocar Profile de Pagamento; open invoices get a nosso número of the new profile."""
    with uow:
        uow.get(PaymentProfile, payment_profile_id, what="Profile de pagamento")
        justification = invoicing.require_text(justification)
        return _change(uow, actor, contract_ids, key="contracts.change_profile",
                       action="contract.profile_changed", justification=justification,
                       values=lambda c: {"payment_profile_id": payment_profile_id},
                       reissue=True, confirmed=confirmed, today=today or date.today(),
                       dry_run=dry_run, profile_id=payment_profile_id)


def change_plan(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int], plan: str,
                fee_cents: int, justification: str, confirmed: frozenset[str] = frozenset(),
                today: date | None = None, dry_run: bool = False) -> BatchResult:
    """Trocar Plano de Acesso (the honorários package); open invoices take the new fee."""
    with uow:
        plan = invoicing.require_text(plan, "Plano")
        invoicing.require_positive(fee_cents, "Valor do plano")
        justification = invoicing.require_text(justification)
        money_limits.check_amount(uow, fee_cents, "Valor do plano", confirmed=confirmed,
                                  dry_run=dry_run)
        return _change(uow, actor, contract_ids, key="contracts.change_plan",
                       action="contract.plan_changed", justification=justification,
                       values=lambda c: {"plan": plan, "fee_cents": fee_cents},
                       reissue=True, confirmed=confirmed, today=today or date.today(),
                       dry_run=dry_run)


def change_general(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                   justification: str, description: str | None = None,
                   grouping: str | None = None, ledger_account_id: int | None = None,
                   dry_run: bool = False) -> BatchResult:
    """Alterações Gerais: description, grouping, ledger account (no invoice is recreated)."""
    given = {"description": description, "grouping": grouping,
             "ledger_account_id": ledger_account_id}
    given = {k: (v.strip() if isinstance(v, str) else v) for k, v in given.items()
             if v is not None}
    with uow:
        justification = invoicing.require_text(justification)
        if not given:
            raise InvalidInput(m.NOTHING_TO_CHANGE)
        return _change(uow, actor, contract_ids, key="contracts.general_changes",
                       action="contract.general_changed", justification=justification,
                       values=lambda c: given, reissue=False, confirmed=frozenset(),
                       today=date.today(), dry_run=dry_run)


def set_grouping(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int], grouping: str,
                 dry_run: bool = False) -> BatchResult:
    """Gerenciar agrupamentos: put contracts in a group ("" takes them out)."""
    with uow:
        return _change(uow, actor, contract_ids, key="contracts.grouping",
                       action="contract.grouping_changed", justification="",
                       values=lambda c: {"grouping": grouping.strip()}, reissue=False,
                       confirmed=frozenset(), today=date.today(), dry_run=dry_run)


def activate_contracts(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                       generate_months: int = 12, today: date | None = None,
                       dry_run: bool = False) -> BatchResult:
    """Ativar contrato aguardando ativação, generating its parcelas (0: only activate)."""
    today = today or date.today()
    with uow:
        require(actor, "contracts.activate")
        if not 0 <= generate_months <= 120:
            raise InvalidInput(m.FEES_TIMES_INVALID, field="Parcelas")

        def one(contract_id: int) -> RowOutcome:
            contract = uow.get(Contract, contract_id, what="Contrato")
            if contract.status != ContractStatus.AWAITING_ACTIVATION:
                raise Refused(m.CONTRACT_NOT_AWAITING.format(code=contract.id))
            contract.status = ContractStatus.ACTIVE
            start = max(contract.starts_on, today).replace(day=1)
            created = fees.fee_charges(uow, contract, start, generate_months) if \
                generate_months else []
            audit.record(uow, actor, "contract.activated", "contract", contract.id,
                         person_id=contract.person_id, before={"status": "awaiting"},
                         after={"status": "active", "fees_created": len(created)})
            return RowOutcome(contract.id, True)

        outcomes = run_rows(uow, unique_ids(contract_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)
