"""Alterar Fatura: which service each "O que alterar" option calls, with what."""

from __future__ import annotations

from typing import Any

from contoffice.services import invoice_changes as ic
from contoffice.ui.client.tool_flow import Call, service_call
from contoffice.ui.dialogs.invoice_alter_dialog import InvoiceAlteration


def alteration_call(ctx: Any, ids: list[int], v: InvoiceAlteration) -> Call:
    """The service call of the chosen option (due date and value reissue the invoice)."""
    common: dict[str, Any] = {"justification": v.justification}
    if v.option == "description":
        return service_call(
            ctx,
            ic.alter_description,
            invoice_ids=ids,
            description=v.description,
            versions=v.versions,
            **common,
        )
    if v.option == "due_date":
        return service_call(
            ctx,
            ic.alter_due_date,
            confirm=True,
            invoice_ids=ids,
            due_date=v.due_date,
            surcharge_cents=v.surcharge_cents,
            versions=v.versions,
            **common,
        )
    if v.option == "charges":
        return service_call(
            ctx,
            ic.alter_invoice_charge,
            confirm=True,
            invoice_id=ids[0],
            charge_id=v.charge_id,
            amount_cents=v.charge_amount_cents,
            description=v.charge_description,
            ledger_account_id=v.ledger_account_id,
            **common,
        )
    if v.option in ("mark", "unmark"):
        return service_call(
            ctx, ic.set_remittance_mark, invoice_ids=ids, transmitted=v.option == "mark", **common
        )
    if v.option == "value":
        return service_call(
            ctx,
            ic.alter_value,
            confirm=True,
            invoice_ids=ids,
            value_cents=v.value_cents,
            versions=v.versions,
            **common,
        )
    return service_call(
        ctx,
        ic.alter_discount,
        confirm=True,
        invoice_ids=ids,
        discount_cents=v.discount_cents,
        discount_until=v.discount_until,
        instruction=v.instruction,
        versions=v.versions,
        **common,
    )
