"""Every mapped class, imported so the metadata is complete for Alembic and create_all."""

from contoffice.db.models.accounts import (
    CashAccount,
    LedgerAccount,
    OfficeSetting,
    PaymentProfile,
    SuspensionReason,
)
from contoffice.db.models.audit import Attachment, AuditEvent
from contoffice.db.models.bank_files import (
    BankRemittance,
    BankRemittanceItem,
    BankReturn,
    BankReturnRecord,
)
from contoffice.db.models.billing import Charge, Contract, Invoice, InvoiceEvent, Settlement
from contoffice.db.models.clearances import ClearanceDeclaration, ClearanceItem
from contoffice.db.models.fiscal import (
    FiscalAttempt,
    FiscalCertificate,
    FiscalDocument,
    FiscalSeries,
)
from contoffice.db.models.messaging import (
    MailAccount,
    MessageBatch,
    MessageTemplate,
    OutboundMessage,
    SmsGateway,
)
from contoffice.db.models.operators import Operator, OperatorRole, RolePermission
from contoffice.db.models.people import EmailTest, Person
from contoffice.db.models.runs import BillingRun, CancellationRequest, DeskLock

__all__ = [
    "Attachment",
    "AuditEvent",
    "BankRemittance",
    "BankRemittanceItem",
    "BankReturn",
    "BankReturnRecord",
    "BillingRun",
    "CancellationRequest",
    "CashAccount",
    "Charge",
    "ClearanceDeclaration",
    "ClearanceItem",
    "Contract",
    "DeskLock",
    "EmailTest",
    "FiscalAttempt",
    "FiscalCertificate",
    "FiscalDocument",
    "FiscalSeries",
    "Invoice",
    "InvoiceEvent",
    "LedgerAccount",
    "MailAccount",
    "MessageBatch",
    "MessageTemplate",
    "OfficeSetting",
    "Operator",
    "OperatorRole",
    "OutboundMessage",
    "PaymentProfile",
    "Person",
    "RolePermission",
    "Settlement",
    "SmsGateway",
    "SuspensionReason",
]
