"""What the tool declarations are written with: page names, shared options, service paths."""

from __future__ import annotations

from contoffice.services.kernel.tools import Kind, Option

SVC = "contoffice.services."
RECEIVABLE, PAYABLE, REMOVED = "client.receivable", "client.payable", "client.removed"
UNBILLED, CONTRACTS = "client.unbilled", "client.contracts"
PAYABLE_CHARGES = "client.payable_charges"
REMITTANCES, RETURNS = "bank.remittances", "bank.returns"
BANK = "Cobrança bancária"
MESSAGES, SENT_MESSAGES = "client.messages", "messages.sent"

ALTER = "contoffice.services.invoices.alteration:"
REISSUE = "invoice.reissue"
LARGE = "money.large_amount"


def opt_text(name: str, flag: str, label: str, *, required: bool = False, default: object = None,
             help: str = "") -> Option:
    """A text the clerk types."""
    return Option(name, flag, label, Kind.TEXT, required, default, help=help)


def opt_why(name: str = "justification", label: str = "Justificativa") -> Option:
    """The free text every mass tool records in the history and the audit trail."""
    return Option(name, "--justification", label, Kind.TEXT, default="",
                  help="justificativa (gravada no histórico e na auditoria)")


def opt_money(name: str, flag: str, label: str, *, required: bool = False,
              help: str = "") -> Option:
    """A value in reais (1.234,56), kept in cents."""
    return Option(name, flag, label, Kind.MONEY, required, help=help)


def opt_date(name: str, flag: str, label: str, *, required: bool = False, help: str = "") -> Option:
    """A date typed dd/mm/aaaa."""
    return Option(name, flag, label, Kind.DATE, required, help=help)


def opt_id(name: str, flag: str, label: str, *, required: bool = False, help: str = "") -> Option:
    """A record's code."""
    return Option(name, flag, label, Kind.ID, required, help=help)


def opt_count(name: str, flag: str, label: str, default: int | None = None,
              help: str = "") -> Option:
    """A whole number ≥ 0."""
    return Option(name, flag, label, Kind.COUNT, default=default, help=help)


def opt_flag(name: str, flag: str, label: str, help: str = "") -> Option:
    """A yes/no switch."""
    return Option(name, flag, label, Kind.FLAG, default=False, help=help)


REASON = opt_text("reason", "--reason", "Motivo", required=True,
                help="motivo cadastrado em Motivos de Suspensão")
NOTES = opt_text("notes", "--notes", "Observações", default="")
