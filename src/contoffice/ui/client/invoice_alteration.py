"""Alterar Fatura: which registered tool each "O que alterar" option runs, with what."""

from __future__ import annotations

from typing import Any

from contoffice.ui.dialogs.invoice_alter_dialog import InvoiceAlteration


def alteration(v: InvoiceAlteration) -> tuple[str, dict[str, Any]]:
    """The tool key and values of the chosen option (due date and value reissue the invoice)."""
    why: dict[str, Any] = {"justification": v.justification}
    if v.option == "description":
        return "invoices.alter_description", {
            **why, "description": v.description, "versions": v.versions}
    if v.option == "due_date":
        return "invoices.alter_due_date", {
            **why, "due_date": v.due_date, "surcharge_cents": v.surcharge_cents,
            "versions": v.versions}
    if v.option == "charges":
        return "invoices.alter_charge", {
            **why, "charge_id": v.charge_id, "amount_cents": v.charge_amount_cents,
            "description": v.charge_description, "ledger_account_id": v.ledger_account_id}
    if v.option in ("mark", "unmark"):
        key = "invoices.mark_transmitted" if v.option == "mark" else "invoices.remittance_mark"
        return key, why
    if v.option == "value":
        return "invoices.alter_value", {
            **why, "value_cents": v.value_cents, "versions": v.versions}
    return "invoices.alter_discount", {
        **why, "discount_cents": v.discount_cents, "discount_until": v.discount_until,
        "instruction": v.instruction, "versions": v.versions}
