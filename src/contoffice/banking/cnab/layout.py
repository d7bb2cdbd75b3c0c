"""CNAB layouts as data: a record is a tuple of fixed-width fields, a bank a set of records."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from contoffice.banking.cnab.fields import Field, FieldKind, Value
from contoffice.banking.cnab.model import Command
from contoffice.banking.cnab.plan import Plan


@dataclass(frozen=True)
class Record:
    """A record type of a layout; positions not covered by a field are blanks."""

    name: str
    width: int
    fields: tuple[Field, ...]
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)
    plan: Plan = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A layout typo (overlap, field past the line) must fail at import, not in a file.
        taken = [False] * (self.width + 1)
        for f in self.fields:
            if f.start < 1 or f.length < 1 or f.end > self.width:
                raise ValueError(f"{self.name}.{f.name}: fora da largura {self.width}")
            if f.kind is FieldKind.DATE and f.length not in (6, 8):
                raise ValueError(f"{self.name}.{f.name}: data de {f.length} posições")
            for pos in range(f.start, f.end + 1):
                if taken[pos]:
                    raise ValueError(f"{self.name}.{f.name}: sobrepõe a posição {pos}")
                taken[pos] = True
        names = {f.name: f for f in self.fields}
        if len(names) != len(self.fields):
            raise ValueError(f"{self.name}: nome de campo repetido")
        object.__setattr__(self, "by_name", names)
        object.__setattr__(self, "plan", Plan(self.fields))

    def replaced(self, *fields: Field) -> Record:
        """This record with `fields` put in, dropping every field they overlap or rename."""
        def clashes(old: Field) -> bool:
            return any(
                old.name == new.name or (old.start <= new.end and new.start <= old.end)
                for new in fields
            )

        kept = tuple(f for f in self.fields if not clashes(f))
        return Record(self.name, self.width, tuple(sorted(kept + fields, key=lambda f: f.start)))


def num(name: str, start: int, end: int, default: Value = None) -> Field:
    """A numeric field over the 1-based inclusive positions start..end."""
    return Field(name, start, end - start + 1, FieldKind.NUMERIC, default)


def alpha(name: str, start: int, end: int, default: Value = None) -> Field:
    """An alphanumeric field over start..end."""
    return Field(name, start, end - start + 1, FieldKind.ALPHA, default)


def ddmmyy(name: str, start: int, end: int) -> Field:
    """A DDMMYY date field over start..end."""
    return Field(name, start, end - start + 1, FieldKind.DATE)


def ddmmyyyy(name: str, start: int, end: int) -> Field:
    """A DDMMYYYY date field (CNAB 240) over start..end."""
    return Field(name, start, end - start + 1, FieldKind.DATE)


def cents(name: str, start: int, end: int) -> Field:
    """An amount in integer cents over start..end."""
    return Field(name, start, end - start + 1, FieldKind.AMOUNT)


def const(name: str, start: int, end: int, value: str) -> Field:
    """A fixed text (record type, "REMESSA", bank code) over start..end."""
    kind = FieldKind.NUMERIC if value.isdigit() else FieldKind.ALPHA
    return Field(name, start, end - start + 1, kind, value, constant=True)


class Occurrence(enum.Enum):
    """The normalised kind of a return occurrence code; the raw code is kept beside it."""

    ENTRADA_CONFIRMADA = "entrada_confirmada"
    REJEITADA = "rejeitada"
    LIQUIDACAO = "liquidacao"
    BAIXA = "baixa"
    TARIFA = "tarifa"
    PROTESTO = "protesto"
    OUTROS = "outros"


@dataclass(frozen=True)
class TrailerCheck:
    """A trailer total the details must add up to: a count of details (`amount_field`
    None) or a sum of one detail amount, over the details whose occurrence is in
    `occurrences` (None: every detail)."""

    trailer_field: str
    amount_field: str | None = None
    occurrences: frozenset[str] | None = None


@dataclass(frozen=True)
class BankLayout:
    """Everything one bank's CNAB 400 files need: the records and the occurrence table.

    Field names the readers and writers share (a layout names its fields so):
    return detail: nosso_numero, numero_documento, carteira, ocorrencia, data_ocorrencia,
    vencimento, valor_titulo, valor_pago, juros, multa, desconto, abatimento, tarifa,
    data_credito, motivos, sequencial; return header: codigo_empresa, agencia, conta,
    data_geracao, banco, banco_nome, literal_retorno, servico, literal_servico;
    remittance detail: nosso_numero, nosso_numero_dv, ocorrencia, numero_documento,
    vencimento, valor, emissao, juros_dia, multa_percentual, desconto, desconto_ate,
    prazo_protesto, pagador_*; remittance header: data_geracao, sequencial_remessa;
    remittance trailer: sequencial, quantidade_linhas (every line), quantidade_titulos,
    valor_total (the sum of the amounts).
    """

    code: str
    name: str
    width: int
    return_header: Record
    return_detail: Record
    return_trailer: Record
    occurrences: Mapping[str, Occurrence]
    # Return-only layouts (CBR643, correspondents) have no remittance records.
    remittance_header: Record | None = None
    remittance_detail: Record | None = None
    remittance_trailer: Record | None = None
    # A record written after a detail whose item has a fine (Itaú's type 2): multa_codigo,
    # multa_data, multa_percentual.
    remittance_fine: Record | None = None
    # Return fields holding rejection reasons: `reasons_width` characters per reason.
    reasons_width: int = 2
    # Checked on read, filled on write; the unconditional count and amount checks are
    # also what ReturnFile.declared_count / declared_total_cents report.
    trailer_checks: tuple[TrailerCheck, ...] = ()
    # Remittance field name -> the Beneficiary.values() key it is written from; a return
    # record with a field of the same name is filled from it too by `write_return`.
    beneficiary_fields: Mapping[str, str] = field(default_factory=dict)
    # What each remittance Command is called in this bank's "ocorrência" field.
    commands: Mapping[Command, str] = field(default_factory=dict)
    # The instruction code (columns 157-158) that orders a protest after `prazo_protesto`
    # days; "" when the layout has no such instruction.
    protest_instruction: str = ""
    # The code a return header carries at 77-79 when it is not `code` (a correspondent).
    header_code: str = ""
    # Column 1 of a return detail ("7" in BB's CBR643).
    detail_type: str = "1"
    # Other record types that may follow a detail (Santander's PIX "2"): their fields
    # are merged into that detail's `fields`.
    extra_records: Mapping[str, Record] = field(default_factory=dict)
    # When several layouts share a header code: True for a header line that is this one's.
    recognises: Callable[[str], bool] | None = None

    def occurrence(self, code: str) -> Occurrence:
        """The normalised kind of a raw occurrence code (OUTROS when not in the table)."""
        return self.occurrences.get(code, Occurrence.OUTROS)
