"""Why a row is refused, per tool, in the order the seed lists the messages (INV-U-7).

The refusal tables decide from plain values only; what they need to know from the
database comes from db.queries.refusals.
"""

from __future__ import annotations

from collections.abc import Collection

from contoffice.core.vocab import (
    ChargeStatus,
    FiscalStatus,
    InvoiceStatus,
    ReconciliationStatus,
    RemittanceStatus,
)
from contoffice.db.models import Charge, Invoice
from contoffice.db.queries import refusals
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel import messages as m

_SENT = (RemittanceStatus.GENERATED, RemittanceStatus.TRANSMITTED)


def remove_refusal(uow: UnitOfWork, invoice: Invoice, running: Collection[int]) -> str | None:
    """INV-E-7: why this invoice cannot be removed (None: it can)."""
    session = uow.session
    pending = refusals.charge_awaiting_run(session, invoice.id, running)
    # A conta awaiting its run decides alone; the profile is only read when it may matter.
    inactive = pending is None and refusals.profile_inactive(session, invoice.payment_profile_id)
    return removal_refusal(invoice, charge_awaiting_run=pending, profile_inactive=inactive)


def removal_refusal(
    invoice: Invoice, *, charge_awaiting_run: int | None = None, profile_inactive: bool = False
) -> str | None:
    """INV-E-7 from plain facts: a conta awaiting its billing run, the profile switched off."""
    code = invoice.id
    if charge_awaiting_run is not None:
        return m.CHARGE_NOT_YET_BILLED.format(code=charge_awaiting_run)
    checks = (
        (invoice.status == InvoiceStatus.SETTLED, m.INVOICE_ALREADY_SETTLED.format(code=code)),
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED_STATUS.format(code=code)),
        (invoice.remittance_status == RemittanceStatus.TRANSMITTED,
         m.INVOICE_REMITTANCE_TRANSMITTED.format(code=code)),
        (invoice.fiscal_status == FiscalStatus.ISSUED,
         m.INVOICE_HAS_FISCAL_DOCUMENTS.format(code=code)),
        (invoice.reconciliation_status == ReconciliationStatus.AWAITING,
         m.INVOICE_AWAITS_RECONCILIATION),
        # "Programação suspensa na profile": the profile's collection is switched off.
        (profile_inactive, m.INVOICE_PROFILE_SCHEDULE_SUSPENDED),
        (invoice.reconciliation_status == ReconciliationStatus.RECONCILED,
         m.INVOICE_ALREADY_RECONCILED),
        (invoice.status == InvoiceStatus.PARTIAL, m.INVOICE_HAS_PARTIAL_SETTLEMENTS),
        (invoice.fiscal_status == FiscalStatus.PENDING, m.INVOICE_AWAITS_FISCAL_DOCUMENTS),
        (invoice.remittance_status == RemittanceStatus.PENDING, m.INVOICE_AWAITS_REMITTANCE),
    )
    return next((msg for failed, msg in checks if failed), None)


def suspend_refusal(invoice: Invoice) -> str | None:
    """INV-E-8: why this invoice cannot be suspended (the remittance warning is separate)."""
    code = invoice.id
    checks = (
        (invoice.status == InvoiceStatus.SETTLED, m.INVOICE_ALREADY_SETTLED.format(code=code)),
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED_STATUS_CAP.format(code=code)),
        (invoice.status == InvoiceStatus.SUSPENDED,
         m.INVOICE_ALREADY_SUSPENDED.format(code=code)),
        (invoice.reconciliation_status == ReconciliationStatus.RECONCILED,
         m.INVOICE_ALREADY_RECONCILED),
        (invoice.reconciliation_status == ReconciliationStatus.AWAITING,
         m.INVOICE_AWAITS_RECONCILIATION),
    )
    return next((msg for failed, msg in checks if failed), None)


def suspend_warning(invoice: Invoice) -> str | None:
    """INV-E-8 message 3: allowed, but the boleto is already at the bank."""
    return m.SUSPEND_REMITTANCE_WARNING if invoice.remittance_status in _SENT else None


def alter_refusal(invoice: Invoice, *, remittance_free: bool = False) -> str | None:
    """INV-E-10: why this invoice cannot be altered; marks ignore the remittance state."""
    code = invoice.id
    checks = (
        (invoice.status == InvoiceStatus.SETTLED, m.INVOICE_ALREADY_SETTLED.format(code=code)),
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED_STATUS.format(code=code)),
        (invoice.status == InvoiceStatus.SUSPENDED,
         m.INVOICE_ALREADY_SUSPENDED.format(code=code)),
        (invoice.reconciliation_status == ReconciliationStatus.RECONCILED,
         m.INVOICE_ALREADY_RECONCILED),
        (invoice.reconciliation_status == ReconciliationStatus.AWAITING,
         m.INVOICE_AWAITS_RECONCILIATION),
        (not remittance_free and invoice.remittance_status == RemittanceStatus.PENDING,
         m.INVOICE_AWAITS_REMITTANCE),
        (invoice.fiscal_status == FiscalStatus.PENDING, m.INVOICE_AWAITS_FISCAL_DOCUMENTS),
        (invoice.profile_change_pending, m.INVOICE_AWAITS_PROFILE_CHANGE),
        (invoice.fiscal_status == FiscalStatus.ISSUED, m.INVOICE_HAS_FISCAL_DOCUMENTS_ALTER),
        (not remittance_free and invoice.remittance_status == RemittanceStatus.TRANSMITTED,
         m.INVOICE_REMITTANCE_TRANSMITTED_ALTER),
        (invoice.status == InvoiceStatus.PARTIAL, m.INVOICE_PARTIAL_ALTER),
    )
    return next((msg for failed, msg in checks if failed), None)


def settle_refusal(invoice: Invoice, *, partial: bool = False) -> str | None:
    """INV-E-16: why this invoice cannot be settled; a partial payment may follow another."""
    code = invoice.id
    checks = (
        (invoice.status == InvoiceStatus.SETTLED, m.INVOICE_ALREADY_SETTLED.format(code=code)),
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED_STATUS.format(code=code)),
        (invoice.status == InvoiceStatus.SUSPENDED,
         m.INVOICE_ALREADY_SUSPENDED.format(code=code)),
        (not partial and invoice.status == InvoiceStatus.PARTIAL,
         m.INVOICE_HAS_PARTIAL_SETTLEMENTS),
    )
    return next((msg for failed, msg in checks if failed), None)


def reverse_refusal(invoice: Invoice) -> str | None:
    """Estorno (INV-E-13, our list of features §1.Z.1)."""
    code = invoice.id
    checks = (
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED_STATUS_CAP.format(code=code)),
        (invoice.status not in (InvoiceStatus.SETTLED, InvoiceStatus.PARTIAL),
         m.REVERSAL_NOT_SETTLED.format(code=code)),
        (invoice.reconciliation_status == ReconciliationStatus.RECONCILED,
         m.INVOICE_ALREADY_RECONCILED),
        (invoice.fiscal_status == FiscalStatus.ISSUED, m.REVERSAL_HAS_FISCAL_DOCUMENTS),
    )
    return next((msg for failed, msg in checks if failed), None)


def charge_is_settled(charge: Charge) -> bool:
    """Settled contas (or contas of a settled invoice)."""
    return charge.status == ChargeStatus.SETTLED


def ledger_id(uow: UnitOfWork, setting_key: str) -> int | None:
    """The ledger account Configuração Básica names under `setting_key`."""
    return refusals.ledger_id(uow.session, setting_key)
