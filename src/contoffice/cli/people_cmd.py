"""`contoffice people search|access`: the finder's search box and filters; the client's
access data (Informações de acesso)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date

from contoffice.cli import emit_json, statement_cmd
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import bounded, record_id, window
from contoffice.core.documents import format_document
from contoffice.core.format import format_date, parse_date
from contoffice.core.paging import PageRequest, Sort
from contoffice.core.vocab import CLASSIFICATIONS
from contoffice.services.people import access as client_access
from contoffice.services.people import finder

_TEXT_FILTERS = (
    "name",
    "name_contains",
    "trade_name",
    "document",
    "email",
    "phone",
    "city",
    "district",
    "street",
    "postal_code",
    "state",
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    people = sub.add_parser("people", help="cadastros")
    actions = people.add_subparsers(dest="people_command", required=True, metavar="ACAO")
    search = actions.add_parser("search", help="localizar cadastros (filtros do localizador)")
    search.add_argument(
        "text", nargs="*", metavar="TEXTO",
        help="qualquer parte do nome, nome fantasia, CPF/CNPJ, e-mail ou telefone "
        "(como na caixa de pesquisa do localizador)",
    )
    status = search.add_mutually_exclusive_group()
    status.add_argument("--active", dest="active", action="store_true", default=None)
    status.add_argument("--inactive", dest="active", action="store_false")
    search.add_argument("--latest", action="store_true", help="últimos 1000 novos cadastros ativos")
    for name in _TEXT_FILTERS:
        search.add_argument(f"--{name.replace('_', '-')}", dest=name, metavar="TEXTO")
    search.add_argument("--code", type=record_id)
    search.add_argument("--kind", choices=("PF", "PJ", "PRE"))
    search.add_argument("--classification", choices=sorted(CLASSIFICATIONS))
    search.add_argument("--registered-from", metavar="DATA")
    search.add_argument("--registered-to", metavar="DATA")
    search.add_argument("--email-tested-from", metavar="DATA")
    search.add_argument("--email-tested-to", metavar="DATA")
    search.add_argument("--with-email-and-phone", action="store_true", default=None)
    search.add_argument("--sort", default="", help="coluna[,-coluna]: - para decrescente")
    search.add_argument("--offset", type=window, default=0)
    search.add_argument("--limit", type=window, default=100)
    add_common(search, operator=True)
    search.set_defaults(handler=_search)
    _register_access(actions)
    # `statement` and `people sheet` (issue 13) live in their own module.
    statement_cmd.register(sub)


def _register_access(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    access = actions.add_parser(
        "access", help="informações de acesso do cliente (sem opções de alteração: mostra)")
    access.add_argument("id", type=record_id, metavar="ID", help="código do cadastro")
    access.add_argument("--login", metavar="LOGIN", help="login de acesso (vazio: sem login)")
    access.add_argument("--password-stdin", action="store_true",
                        help="lê a nova senha da entrada padrão (nunca da linha de comando)")
    access.add_argument("--expires", metavar="DATA",
                        help="validade, dd/mm/aaaa ou aaaa-mm-dd (vazio: sem validade)")
    access.add_argument("--attempts", type=bounded(*client_access.ATTEMPTS), metavar="N",
                        help="tentativas antes de bloquear")
    active = access.add_mutually_exclusive_group()
    active.add_argument("--active", dest="active", action="store_true", default=None,
                        help="ativa o acesso")
    active.add_argument("--inactive", dest="active", action="store_false",
                        help="desativa o acesso")
    add_common(access, operator=True)
    access.set_defaults(handler=_access)


def _filters(args: argparse.Namespace) -> dict[str, object]:
    filters: dict[str, object] = {k: getattr(args, k) for k in _TEXT_FILTERS}
    # as typed in the finder's search box: the words, spaces between them kept
    filters[finder.FREE_TEXT] = " ".join(args.text) or None
    filters.update(
        active=args.active,
        code=args.code,
        kind=args.kind,
        classification=args.classification,
        with_email_and_phone=args.with_email_and_phone,
    )
    for key in ("registered_from", "registered_to", "email_tested_from", "email_tested_to"):
        value = getattr(args, key)
        filters[key] = parse_date(value, field=key.replace("_", " ")) if value else None
    return {k: v for k, v in filters.items() if v is not None}


def _search(args: argparse.Namespace) -> int:
    sort = tuple(Sort(k.lstrip("-"), k.startswith("-")) for k in args.sort.split(",") if k)
    request = PageRequest(_filters(args), sort, args.offset, args.limit)
    db = database(args)
    try:
        if args.latest:
            result = finder.latest_active(db.uow(), request)
        else:
            result = finder.search_people(db.uow(), request)
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "total": result.total,
                "offset": result.offset,
                "rows": [dataclasses.asdict(r) for r in result.rows],
            }
        )
        return 0
    for row in result.rows:
        print(
            f"{row.id:>8}  {format_date(row.registered_on)}  {row.name[:40]:<40}  "
            f"{format_document(row.document):<20}  {row.city}"
        )
    print(f"{result.total} cadastro(s).")
    return 0


def _access(args: argparse.Namespace) -> int:
    changes = (args.login, args.expires, args.attempts, args.active)
    changing = args.password_stdin or any(value is not None for value in changes)
    # Read before the login: the operator's password prompt never meets the client's.
    password = _stdin_password() if args.password_stdin else None
    db = database(args)
    try:
        who = actor(db, args)
        with db.uow() as uow:
            view = client_access.access_view(uow, args.id, actor=who)
            if changing:
                data = client_access.AccessInput(
                    login=view.login if args.login is None else args.login,
                    new_password=password,
                    expires_on=_expires(args.expires, view.expires_on),
                    max_attempts=view.max_attempts if args.attempts is None else args.attempts,
                    active=view.active if args.active is None else args.active)
                view = client_access.save_access(uow, who, args.id, data)
    finally:
        db.dispose()
    if args.json:
        emit_json({"person_id": args.id, **dataclasses.asdict(view)})
        return 0
    if changing:
        print(f"Informações de acesso do cadastro {args.id} gravadas.")
    locked = f"bloqueado após {view.failed_attempts} tentativas" if view.locked else "liberado"
    print(f"Login: {view.login or '(sem login)'}\n"
          f"Senha: {'cadastrada' if view.has_password else 'não cadastrada'}\n"
          f"Validade: {format_date(view.expires_on) or 'sem validade'}\n"
          f"Tentativas antes de bloquear: {view.max_attempts}\n"
          f"Tentativas sem sucesso: {view.failed_attempts} ({locked})\n"
          f"Acesso: {'ativo' if view.active else 'inativo'}")
    return 0


def _stdin_password() -> str:
    """The new password: the first line of stdin, without its line break."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _expires(typed: str | None, stored: date | None) -> date | None:
    if typed is None:
        return stored
    return parse_date(typed, field="--expires") if typed.strip() else None
