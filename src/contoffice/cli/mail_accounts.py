"""`contoffice mail account …`: the office's SMTP accounts (passwords to the OS keyring)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.core.message_vocab import MailSecurity
from contoffice.errors import InvalidInput
from contoffice.services.messaging import accounts

ENV_SMTP_PASSWORD = "CONTOFFICE_SMTP_PASSWORD"


def register(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`mail account add|test|list` under the `mail` group."""
    account = actions.add_parser("account", help="contas de envio (SMTP)")
    acts = account.add_subparsers(dest="account_command", required=True, metavar="ACAO")
    add = acts.add_parser("add", help="cadastrar uma conta de envio (senha no cofre do sistema)")
    add.add_argument("--name", required=True, metavar="NOME")
    add.add_argument("--host", required=True, metavar="SERVIDOR")
    add.add_argument("--port", type=int, required=True, metavar="PORTA")
    security = add.add_mutually_exclusive_group()
    for flag, value, text in (("--starttls", "starttls", "STARTTLS (padrão)"),
                              ("--tls", "tls", "SSL/TLS desde a conexão"),
                              ("--plain", "plain", "sem criptografia")):
        security.add_argument(flag, dest="security", action="store_const", const=value, help=text)
    add.add_argument("--user", default="", metavar="USUARIO")
    add.add_argument("--sender", required=True, metavar="E-MAIL", help="e-mail do remetente")
    add.add_argument("--sender-name", default="", metavar="NOME")
    add.add_argument("--daily-limit", type=int, default=0, metavar="N")
    add.add_argument("--per-minute", type=int, default=0, metavar="N")
    add.add_argument("--default", action="store_true", help="conta padrão de envio")
    add_common(add, operator=True)
    add.set_defaults(handler=_account_add, security="starttls")
    test = acts.add_parser("test", help="enviar uma mensagem de teste pela conta")
    test.add_argument("name", metavar="NOME")
    test.add_argument("--to", metavar="E-MAIL", help="destino (padrão: o próprio remetente)")
    add_common(test, operator=True)
    test.set_defaults(handler=_account_test)
    listed = acts.add_parser("list", help="listar as contas de envio")
    add_common(listed, operator=True)
    listed.set_defaults(handler=_account_list)


def _secret() -> str:
    given = os.environ.get(ENV_SMTP_PASSWORD)
    if given:
        return given
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput(f"Informe a senha da conta em {ENV_SMTP_PASSWORD} ou no terminal.",
                           field=ENV_SMTP_PASSWORD)
    return getpass.getpass("Senha da conta de envio: ")


def _account_add(args: argparse.Namespace) -> int:
    data = accounts.AccountInput(
        name=args.name, host=args.host, port=args.port, security=MailSecurity(args.security),
        username=args.user, sender_name=args.sender_name, sender_address=args.sender,
        daily_limit=args.daily_limit, per_minute=args.per_minute, is_default=args.default)
    secret = _secret() if args.user else None
    db = database(args)
    try:
        account_id = accounts.save_account(db.uow(), actor(db, args), data, new_password=secret)
        kept = accounts.STORE.keyring_available()
    finally:
        db.dispose()
    where = ("no cofre de senhas do sistema" if kept else
             "só nesta execução (este computador não tem cofre de senhas)")
    said = f"; senha guardada {where}" if secret else " (sem login: nenhuma senha)"
    if args.json:
        emit_json({"id": account_id, "name": args.name,
                   "password_in_keyring": bool(secret) and kept})
    else:
        print(f"Conta de envio {args.name} gravada (código {account_id}){said}.")
    return 0


def _account_test(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        who = actor(db, args)
        with db.uow() as uow:
            account_id = accounts.find_account(uow, args.name).id
        said = accounts.test_account(db, who, account_id, args.to)
    finally:
        db.dispose()
    if args.json:
        emit_json({"name": args.name, "ok": True, "message": said})
    else:
        print(said)
    return 0


def _account_list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        actor(db, args)
        rows = accounts.list_accounts(db.uow())
    finally:
        db.dispose()
    if args.json:
        emit_json([{"id": r.id, "name": r.data.name, "host": r.data.host, "port": r.data.port,
                    "security": r.data.security.value, "user": r.data.username,
                    "sender": r.data.sender_address, "default": r.data.is_default,
                    "active": r.data.active, "has_password": r.has_password,
                    "sent_today": r.sent_today} for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.data.name}\t{r.data.host}:{r.data.port}\t"
                  f"{r.data.sender_address}\t{r.sent_today} hoje")
    return 0
