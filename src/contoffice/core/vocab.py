"""The domain's closed vocabularies (stored as short strings), shared by every layer."""

from __future__ import annotations

from enum import IntFlag, StrEnum


class PersonKind(StrEnum):
    PF = "PF"
    PJ = "PJ"
    PRE = "PRE"  # pré-cadastro: not yet a full registration

    @property
    def label(self) -> str:
        return {"PF": "Pessoa Física", "PJ": "Pessoa Jurídica", "PRE": "Pré-Cadastro"}[self.value]


class Role(IntFlag):
    """A person's roles; a classification of the finder is an exact combination."""

    NONE = 0
    CLIENT = 1
    SUPPLIER = 2
    EMPLOYEE = 4
    CARRIER = 8


# The eight "Classificação de pessoa" options of the advanced search (INV-A-8 item 6).
# Pré-cadastro is a kind, not a role: it is matched on PersonKind.PRE.
CLASSIFICATIONS: dict[str, tuple[str, Role | None]] = {
    "cliente": ("Cliente", Role.CLIENT),
    "fornecedor": ("Fornecedor", Role.SUPPLIER),
    "funcionario": ("Funcionário", Role.EMPLOYEE),
    "cliente_fornecedor": ("Cliente + Fornecedor", Role.CLIENT | Role.SUPPLIER),
    "fornecedor_funcionario": ("Fornecedor + Funcionário", Role.SUPPLIER | Role.EMPLOYEE),
    "transportadora": ("Transportadoras", Role.CARRIER),
    "cliente_funcionario": ("Cliente + Funcionário", Role.CLIENT | Role.EMPLOYEE),
    "pre_cadastro": ("Pré-cadastro", None),
}


def role_label(roles: int) -> str:
    """The pt-BR label of a role combination ("Cliente + Fornecedor")."""
    names = [
        ("Cliente", Role.CLIENT),
        ("Fornecedor", Role.SUPPLIER),
        ("Funcionário", Role.EMPLOYEE),
        ("Transportadora", Role.CARRIER),
    ]
    return " + ".join(label for label, flag in names if roles & flag) or "—"


class Direction(StrEnum):
    RECEIVABLE = "R"  # a receber
    PAYABLE = "P"  # a pagar


class ContractStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"
    AWAITING_ACTIVATION = "awaiting"
    CANCEL_REQUESTED = "cancel_requested"

    @property
    def label(self) -> str:
        return {
            "active": "Ativo",
            "suspended": "Suspenso",
            "cancelled": "Cancelado",
            "awaiting": "Aguardando ativação",
            "cancel_requested": "Cancelamento solicitado",
        }[self.value]


class DueRule(StrEnum):
    FIXED_DAY = "fixed_day"  # dia fixo do mês, ajustado ao último dia
    BUSINESS_DAY = "business_day"  # N-ésimo dia útil do mês


class ChargeKind(StrEnum):
    FEE = "fee"  # honorário mensal do contrato
    ONE_OFF = "one_off"  # conta avulsa
    DISCOUNT = "discount"  # conta de desconto (liquidação a menor)
    SURCHARGE = "surcharge"  # conta de acréscimo (liquidação a maior, juros de nova data)
    ADDITIONAL = "additional"  # cobrança adicional incluída em faturas


class ChargeStatus(StrEnum):
    OPEN = "open"  # não faturada, ou faturada e em aberto
    SUSPENDED = "suspended"
    SETTLED = "settled"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        return {
            "open": "Aberta",
            "suspended": "Suspensa",
            "settled": "Liquidada",
            "removed": "Removida",
        }[self.value]


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PARTIAL = "partial"  # liquidação parcial: saldo continua em aberto
    SETTLED = "settled"
    SUSPENDED = "suspended"
    REMOVED = "removed"  # "Faturas excluídas": nothing is destroyed

    @property
    def label(self) -> str:
        return {
            "open": "Em aberto",
            "partial": "Liquidação parcial",
            "settled": "Liquidada",
            "suspended": "Suspensa",
            "removed": "Excluída",
        }[self.value]


class RemittanceStatus(StrEnum):
    NONE = "none"
    PENDING = "pending"  # aguarda efetivação de remessa
    GENERATED = "generated"
    TRANSMITTED = "transmitted"


class FiscalStatus(StrEnum):
    NONE = "none"
    PENDING = "pending"  # aguarda efetivação de geração de documentos fiscais
    ISSUED = "issued"


class ReconciliationStatus(StrEnum):
    NONE = "none"
    AWAITING = "awaiting"  # aguarda conciliação na profile
    RECONCILED = "reconciled"


class SettlementMethod(StrEnum):
    BANK_PROFILE = "bank_profile"  # Profile bancária (aguarda conciliação)
    OTHER = "other"  # Outros (sem integração)
    RETURN_FILE = "return_file"  # retorno CNAB
    CASH = "cash"


class CashAccountKind(StrEnum):
    SAFE = "cofre"
    CASH = "caixa"
    BANK = "banco"


class BillingRunStatus(StrEnum):
    RUNNING = "running"  # em andamento (or killed, to be resumed by the next run)
    DONE = "done"

    @property
    def label(self) -> str:
        return {"running": "Em andamento", "done": "Concluído"}[self.value]


class CancellationStatus(StrEnum):
    """A cancellation request of the Gerenciador de cancelamentos."""

    OPEN = "open"  # aguarda retenção
    KEPT = "kept"  # o cliente ficou: o contrato segue
    CANCELLED = "cancelled"  # o contrato foi cancelado

    @property
    def label(self) -> str:
        return {"open": "Em aberto", "kept": "Mantido", "cancelled": "Cancelado"}[self.value]


class RemittanceFileStatus(StrEnum):
    """A remittance file of Cobrança bancária: generated, sent to the bank, or undone."""

    GENERATED = "generated"
    TRANSMITTED = "transmitted"
    UNDONE = "undone"

    @property
    def label(self) -> str:
        return {"generated": "Gerada", "transmitted": "Transmitida", "undone": "Desfeita"}[
            self.value
        ]


class ReturnOutcome(StrEnum):
    """What importing one record of a bank return did."""

    SETTLED = "settled"  # liquidada pelo retorno
    ALREADY_SETTLED = "already_settled"  # já estava liquidada: só conciliada
    CONFIRMED = "confirmed"  # entrada confirmada pelo banco
    REJECTED = "rejected"  # o banco recusou (motivos no histórico)
    WRITTEN_OFF = "written_off"  # baixa confirmada
    NOT_FOUND = "not_found"  # nosso número sem fatura nesta profile
    FEE = "fee"  # tarifa
    OTHER = "other"  # protesto e outras ocorrências, registradas no histórico
    REPEATED = "repeated"  # registro já importado em outro arquivo

    @property
    def label(self) -> str:
        return {
            "settled": "Liquidada",
            "already_settled": "Já liquidada",
            "confirmed": "Entrada confirmada",
            "rejected": "Rejeitada",
            "written_off": "Baixada",
            "not_found": "Não encontrada",
            "fee": "Tarifa",
            "other": "Outra ocorrência",
            "repeated": "Já importado",
        }[self.value]


class FiscalDocumentStatus(StrEnum):
    """One DPS of the office (NFS-e Nacional), from its number to the note's fate (fiscal.md §4).

    SENT is committed before the Sefin is called; a SENT or UNKNOWN document is resolved by
    asking the Sefin for its Id, never by sending it blindly again.
    """

    DRAFT = "draft"  # number reserved and signed, not sent (or the Sefin never received it)
    SENT = "sent"  # sent, answer not yet recorded
    AUTHORISED = "authorised"
    REJECTED = "rejected"  # never became a note: its number stays with the invoice
    UNKNOWN = "unknown"  # timeout or 5xx: resolved by asking the Sefin for the DPS Id
    CANCELLED = "cancelled"  # e101101 registered
    SUBSTITUTED = "substituted"  # a DPS with <subst> replaced it
    ANNULLED = "annulled"  # a draft or rejected DPS given up by the office

    @property
    def label(self) -> str:
        return {
            "draft": "Pendente", "sent": "Enviada", "authorised": "Autorizada",
            "rejected": "Rejeitada", "unknown": "Aguardando confirmação",
            "cancelled": "Cancelada", "substituted": "Substituída", "annulled": "Anulada",
        }[self.value]


class FiscalAttemptKind(StrEnum):
    """What one conversation with the Sefin was for."""

    EMIT = "emit"
    QUERY = "query"
    CANCEL = "cancel"


class FiscalAttemptOutcome(StrEnum):
    """How one conversation with the Sefin ended (PENDING: written before it began)."""

    PENDING = "pending"
    AUTHORISED = "authorised"
    REJECTED = "rejected"
    UNCERTAIN = "uncertain"  # sent, no answer
    UNREACHABLE = "unreachable"  # nothing was sent
    FOUND = "found"
    NOT_FOUND = "not_found"
    ACCEPTED = "accepted"  # an event registered
