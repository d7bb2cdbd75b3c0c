"""Message templates: the seed's `#coringa#` wildcards (INV-E-5) replaced in subject and body.

Wildcards are matched case-insensitively (`#Cliente#` is `#cliente#`); a `#` not closing a
`#palavra#` (a lone `#`, `##`, `#1#`) is plain text. Rendering is all or nothing: an unknown
wildcard, or a known one with no value for this message, refuses the whole message, so a raw
`#...#` is never sent. Values are inserted once and never scanned again.

`#pass_sac#`: the client's password is stored only as an argon2 hash and can never be revealed.
A caller that sends a message using `#pass_sac#` must first set a new temporary password for the
client and pass it in `MessageValues.pass_sac`; when it is None the message is refused.

`#linha_digitavel#` is inserted as given: the caller formats it (`banking.barcode`), because
this layer may import only `contoffice.core`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from contoffice.core.documents import format_cnpj, format_cpf, format_document, normalize_document
from contoffice.core.format import format_competence, format_date, format_money
from contoffice.core.phone import format_phone
from contoffice.core.text import quoted

# A wildcard name starts with a letter, so `#1#` and `##` stay plain text.
_TOKEN = re.compile(r"#([^\W\d_]\w*)#")


class TemplateError(ValueError):
    """A template that cannot be rendered; the message lists the offending wildcards."""

    def __init__(self, message: str, unknown: tuple[str, ...], missing: tuple[str, ...]) -> None:
        super().__init__(message)
        self.unknown = unknown
        self.missing = missing


@dataclass(frozen=True, kw_only=True)
class MessageValues:
    """Everything a message may name: the client, the office and, optionally, one invoice."""

    client_name: str
    user_sac: str
    person_code: int | str
    document: str  # the client's CPF or CNPJ, digits (a mask is tolerated)
    office_name: str
    office_phone: str
    office_site: str
    office_cnpj: str
    pass_sac: str | None = None  # a one-time password set at sending, never a stored one
    due_date: date | None = None
    amount_cents: int | None = None
    digitable_line: str | None = None  # already formatted by the caller
    pix_copy_paste: str | None = None
    invoice_code: int | str | None = None
    competence: date | None = None


@dataclass(frozen=True)
class RenderedMessage:
    """Subject and body with every wildcard replaced."""

    subject: str
    body: str


@dataclass(frozen=True)
class _Wildcard:
    description: str
    value: Callable[[MessageValues], str | None]
    missing: str  # why it has no value, completing "#x# sem valor nesta mensagem: …"


def _text(value: object) -> str | None:
    """The value as text, or None when absent or blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _client_document(values: MessageValues, length: int) -> str | None:
    """The client's document formatted, when it has this many characters (11 CPF, 14 CNPJ)."""
    doc = normalize_document(values.document)
    if len(doc) != length:
        return None
    return format_cpf(doc) if length == 11 else format_cnpj(doc)


def _map(value: object, fmt: Callable[..., str]) -> str | None:
    """fmt(value), or None when the value is absent."""
    return None if value is None else fmt(value)


_NO_INVOICE = "a mensagem não é de uma fatura"
_TABLE: dict[str, _Wildcard] = {
    "#cliente#": _Wildcard(
        "Nome ou razão social do cliente", lambda v: _text(v.client_name),
        "o cliente não tem nome cadastrado"),
    "#user_sac#": _Wildcard(
        "Usuário de acesso do cliente", lambda v: _text(v.user_sac),
        "o cliente não tem usuário de acesso"),
    "#pass_sac#": _Wildcard(
        "Senha de acesso do cliente (uma nova senha temporária, gerada no envio)",
        lambda v: _text(v.pass_sac),
        "a senha guardada não pode ser revelada; gere uma nova senha temporária ao enviar"),
    "#codpessoa#": _Wildcard(
        "Código do cliente", lambda v: _text(v.person_code), "o cliente não tem código"),
    "#cpf#": _Wildcard(
        "CPF do cliente (000.000.000-00)", lambda v: _client_document(v, 11),
        "o cliente não tem CPF cadastrado"),
    "#cnpj#": _Wildcard(
        "CNPJ do cliente (00.000.000/0000-00)", lambda v: _client_document(v, 14),
        "o cliente não tem CNPJ cadastrado"),
    "#empresa#": _Wildcard(
        "Nome da empresa que atende o cliente", lambda v: _text(v.office_name),
        "a empresa não tem nome cadastrado"),
    "#fone#": _Wildcard(
        "Telefone de atendimento da empresa",
        lambda v: _map(_text(v.office_phone), format_phone),
        "a empresa não tem telefone de atendimento cadastrado"),
    "#site#": _Wildcard(
        "Site da empresa", lambda v: _text(v.office_site), "a empresa não tem site cadastrado"),
    "#cnpj_empresa#": _Wildcard(
        "CNPJ da empresa", lambda v: _map(_text(v.office_cnpj), format_document),
        "a empresa não tem CNPJ cadastrado"),
    "#vencimento#": _Wildcard(
        "Vencimento da fatura (dd/mm/aaaa)", lambda v: _map(v.due_date, format_date),
        _NO_INVOICE),
    "#valor#": _Wildcard(
        "Valor da fatura (R$ 1.234,56)", lambda v: _map(v.amount_cents, format_money),
        _NO_INVOICE),
    "#linha_digitavel#": _Wildcard(
        "Linha digitável do boleto da fatura", lambda v: _text(v.digitable_line),
        "a fatura não tem boleto"),
    "#pix#": _Wildcard(
        "PIX copia e cola da fatura", lambda v: _text(v.pix_copy_paste),
        "a fatura não tem PIX"),
    "#fatura#": _Wildcard(
        "Número da fatura", lambda v: _text(v.invoice_code), _NO_INVOICE),
    "#competencia#": _Wildcard(
        "Competência da fatura (mm/aaaa)", lambda v: _map(v.competence, format_competence),
        "a fatura não tem competência"),
}

WILDCARDS: Mapping[str, str] = MappingProxyType({k: w.description for k, w in _TABLE.items()})


def _key(token: re.Match[str]) -> str:
    """The lower-case `#name#` a match stands for."""
    return f"#{token[1].lower()}#"


def unknown_wildcards(text: str) -> list[str]:
    """Every `#palavra#` in text that is not a known wildcard, once each, as first written."""
    seen: dict[str, str] = {}
    for token in _TOKEN.finditer(text):
        if _key(token) not in _TABLE:
            seen.setdefault(_key(token), token[0])
    return list(seen.values())


def _refusal(unknown: list[str], missing: list[str]) -> str:
    """The pt-BR message naming every unknown wildcard and every one without a value."""
    parts = []
    if unknown:
        label = "Coringa desconhecido" if len(unknown) == 1 else "Coringas desconhecidos"
        names = ", ".join(quoted(name) for name in unknown)
        parts.append(f"{label}: {names}. Corrija o texto antes de enviar.")
    parts.extend(f"{name} sem valor nesta mensagem: {_TABLE[name].missing}." for name in missing)
    return " ".join(parts)


def render(subject: str, body: str, values: MessageValues) -> RenderedMessage:
    """Replace every wildcard in subject and body, or raise TemplateError naming the bad ones."""
    # A line break cannot be part of a wildcard, so joining them finds exactly the tokens of both.
    both = f"{subject}\n{body}"
    unknown = unknown_wildcards(both)
    used = dict.fromkeys(_key(t) for t in _TOKEN.finditer(both) if _key(t) in _TABLE)
    resolved = {name: _TABLE[name].value(values) for name in used}
    missing = [name for name, value in resolved.items() if value is None]
    if unknown or missing:
        raise TemplateError(_refusal(unknown, missing), tuple(unknown), tuple(missing))
    # A header cannot hold a line break, so values put in the subject are kept on one line.
    return RenderedMessage(
        subject=_TOKEN.sub(lambda t: " ".join(str(resolved[_key(t)]).split()), subject),
        body=_TOKEN.sub(lambda t: str(resolved[_key(t)]), body),
    )
