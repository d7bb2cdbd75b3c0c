"""The statement and the ficha cadastral as PDFs: formatted in pt-BR, then rendered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.format import format_date, format_money
from contoffice.core.phone import format_phone
from contoffice.core.postal import format_cep
from contoffice.core.progress import Cancelled
from contoffice.core.vocab import ContractStatus, PersonKind, role_label
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.reports.client_sheet_pdf import SheetDoc, SheetSection, render_sheet
from contoffice.reports.statement_pdf import Letterhead, StatementDoc, StatementRow
from contoffice.reports.statement_pdf import render_statements as render_docs
from contoffice.services.admin import office
from contoffice.services.kernel.batch import unique_ids
from contoffice.services.kernel.permissions import Actor
from contoffice.services.statements.ledger import Statement, check_period, statement
from contoffice.services.statements.sheet import ClientSheet, client_sheet

NO_PEOPLE = "Informe ao menos um cadastro para o extrato."


def labelled_document(document: str) -> str:
    """ "CNPJ 12.ABC.345/01DE-35", "CPF 123.456.789-09", or empty without one."""
    digits = normalize_document(document)
    if not digits:
        return ""
    return f"{'CPF' if len(digits) == 11 else 'CNPJ'} {format_document(digits)}"


def letterhead(uow: UnitOfWork) -> Letterhead:
    """The office identity as printed atop statements and fichas."""
    who = office.identity(uow)
    place = "/".join(p for p in (who.city, who.state) if p)
    if who.city and who.city in who.address:
        place = ""  # the address already ends with the city
    lines = (labelled_document(who.document), who.address, place,
             f"Telefone {format_phone(who.phone)}" if who.phone else "", who.site)
    return Letterhead(who.name or "Escritório", tuple(line for line in lines if line))


def _money_or_blank(cents: int) -> str:
    return format_money(cents) if cents else ""


def statement_doc(s: Statement, head: Letterhead, today: date) -> StatementDoc:
    """One statement formatted for the PDF."""
    rows = tuple(
        StatementRow(format_date(line.day), line.description, str(line.invoice_id),
                     format_date(line.due_date), _money_or_blank(line.debit_cents),
                     _money_or_blank(line.credit_cents), format_money(line.balance_cents))
        for line in s.lines)
    client_lines = tuple(x for x in (labelled_document(s.document), s.trade_name) if x)
    return StatementDoc(
        letterhead=head, client=f"{s.name} — código {s.person_id}", client_lines=client_lines,
        period=f"{format_date(s.start)} a {format_date(s.end)}",
        opening=format_money(s.opening_cents), rows=rows, closing=format_money(s.closing_cents),
        totals=(("Faturado no período", format_money(s.invoiced_cents)),
                ("Recebido no período (líquido de estornos)", format_money(s.received_cents))),
        aging=tuple((b.label, str(b.count), format_money(b.cents)) for b in s.aging),
        issued=f"Emitido em {format_date(today)}")


def print_statements(db: Database, actor: Actor, person_ids: Sequence[int], start: date,
                     end: date, out: str | Path | BinaryIO, *, progress: Any = None,
                     today: date | None = None) -> int:
    """Every client's statement for the period into one PDF; returns the page count."""
    ids = unique_ids(person_ids)
    if not ids:
        raise InvalidInput(NO_PEOPLE, field="Cadastros")
    check_period(start, end)
    found = []
    for done, person_id in enumerate(ids):
        if progress is not None:
            if progress.cancelled():
                raise Cancelled()
            progress.step(done, len(ids), f"Extratos: {done} de {len(ids)}")
        found.append(statement(db.uow(), actor, person_id, start, end))
    return write_statements(db, found, out, today=today)


def write_statements(db: Database, statements: Sequence[Statement],
                     out: str | Path | BinaryIO, *, today: date | None = None) -> int:
    """Statements already computed into one PDF, each from a new page; the page count."""
    with db.uow() as uow:
        head = letterhead(uow)
    today = today or date.today()
    return render_docs([statement_doc(s, head, today) for s in statements], out)


def _address(s: ClientSheet) -> tuple[tuple[str, str], ...]:
    street = ", ".join(p for p in (s.street, s.number) if p)
    if s.complement:
        street = f"{street} — {s.complement}" if street else s.complement
    place = "/".join(p for p in (s.city, s.state) if p)
    return (("Logradouro", street), ("Bairro", s.district), ("Cidade/UF", place),
            ("CEP", format_cep(s.postal_code) if s.postal_code else ""))


def sheet_doc(s: ClientSheet, head: Letterhead, today: date) -> SheetDoc:
    """The ficha cadastral formatted for the PDF."""
    kind = PersonKind(s.kind).label
    document = format_document(s.document) if s.document else ""
    identity = SheetSection("Identificação", (
        ("Código", str(s.person_id)), ("Tipo", kind),
        ("Classificação", role_label(s.roles)), ("Situação", "Ativo" if s.active else "Inativo"),
        ("Nome / Razão social", s.name), ("Nome fantasia", s.trade_name),
        ("CPF" if s.kind == "PF" else "CPF/CNPJ" if s.kind == "PRE" else "CNPJ", document),
        ("Cadastrado em", format_date(s.registered_on)),
        ("Inscrição estadual", s.state_registration),
        ("Inscrição municipal", s.municipal_registration)))
    contact = SheetSection("Contato", (
        ("Telefone", format_phone(s.phone) if s.phone else ""),
        ("Celular", format_phone(s.mobile) if s.mobile else ""),
        ("E-mail", s.email), ("E-mails em cópia", s.email_cc),
        ("Dia de vencimento", f"dia {s.default_due_day}" if s.default_due_day else "")))
    contracts = tuple(
        (str(c.contract_id), c.plan, format_money(c.fee_cents), f"dia {c.due_day}",
         format_date(c.starts_on), format_date(c.ends_on) or "—", ContractStatus(c.status).label)
        for c in s.contracts)
    closing: tuple[SheetSection, ...] = ()
    if s.access is not None:
        closing = (SheetSection("Acesso do cliente", (
            ("Login de acesso", s.access.login),
            ("Acesso", "ativo" if s.access.active else "inativo"),
            ("Validade", format_date(s.access.expires_on) or "sem validade"))),)
    return SheetDoc(head, (identity, SheetSection("Endereço", _address(s)), contact), contracts,
                    closing, f"Emitido em {format_date(today)}")


def print_sheet(db: Database, actor: Actor, person_id: int, out: str | Path | BinaryIO, *,
                today: date | None = None) -> int:
    """The person's ficha cadastral into a one-page PDF; returns the page count."""
    data = client_sheet(db.uow(), actor, person_id)
    with db.uow() as uow:
        head = letterhead(uow)
    return render_sheet(sheet_doc(data, head, today or date.today()), out)
