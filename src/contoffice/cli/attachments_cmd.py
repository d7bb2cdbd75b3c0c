"""`contoffice attachments add|list|get|remove` (Anexar arquivos / Banco de Imagens)."""

from __future__ import annotations

import argparse
from pathlib import Path

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import record_id
from contoffice.core.format import format_datetime
from contoffice.services.attachments import files as attachments
from contoffice.services.panels.existence import require_person


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("attachments", help="anexos (Banco de Imagens)")
    actions = group.add_subparsers(dest="attachments_command", required=True, metavar="ACAO")

    add = actions.add_parser("add", help="anexar um arquivo ao cadastro, contrato ou fatura")
    add.add_argument("file", metavar="ARQUIVO")
    add.add_argument("--person", type=record_id, required=True, metavar="ID")
    target = add.add_mutually_exclusive_group()
    target.add_argument("--contract", type=record_id, metavar="ID")
    target.add_argument("--invoice", type=record_id, metavar="ID")
    add.add_argument("--category", default="", metavar="TEXTO")
    add.add_argument("--description", default="", metavar="TEXTO")
    add.add_argument("--mime", default="", metavar="TIPO", help="padrão: pela extensão")
    add_common(add, operator=True)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="arquivos de um cadastro (sem o conteúdo)")
    listing.add_argument("--person", type=record_id, required=True, metavar="ID")
    narrow = listing.add_mutually_exclusive_group()
    narrow.add_argument("--contract", type=record_id, metavar="ID")
    narrow.add_argument("--invoice", type=record_id, metavar="ID")
    narrow.add_argument(
        "--archive", action="store_true", help="só o Arquivo permanente (documentos do cliente)"
    )
    add_common(listing, operator=True)
    listing.set_defaults(handler=_list)

    get = actions.add_parser("get", help="grava o conteúdo de um anexo num arquivo")
    get.add_argument("id", type=record_id, metavar="ID")
    get.add_argument("-o", "--output", required=True, metavar="ARQUIVO")
    add_common(get, json_flag=False, operator=True)
    get.set_defaults(handler=_get)

    remove = actions.add_parser("remove", help="remove do Banco de Imagens (fica registrado)")
    remove.add_argument("id", type=record_id, metavar="ID")
    remove.add_argument("--justification", default="", metavar="TEXTO")
    add_common(remove, json_flag=False, operator=True)
    remove.set_defaults(handler=_remove)


def _add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    content = attachments.read_source(path)
    file = attachments.NewFile(
        content=content,
        filename=path.name,
        mime_type=args.mime,
        category=args.category,
        description=args.description,
    )
    db = database(args)
    try:
        new_id = attachments.attach_file(
            db.uow(),
            actor(db, args),
            person_id=args.person,
            file=file,
            contract_id=args.contract,
            invoice_id=args.invoice,
        )
    finally:
        db.dispose()
    if args.json:
        emit_json({"attachment_id": new_id, "filename": path.name, "size": len(content)})
    else:
        print(f"Anexo {new_id}: {path.name} ({len(content)} bytes).")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        who = actor(db, args)
        require_person(db.uow(), args.person)  # an unknown client is no empty archive
        rows = attachments.list_attachments(
            db.uow(),
            who,
            person_id=args.person,
            contract_id=args.contract,
            invoice_id=args.invoice,
            person_only=args.archive,
        )
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "person_id": args.person,
                "attachments": [
                    {
                        "id": r.id,
                        "filename": r.filename,
                        "mime_type": r.mime_type,
                        "size": r.size,
                        "category": r.category,
                        "description": r.description,
                        "contract_id": r.contract_id,
                        "invoice_id": r.invoice_id,
                        "uploaded_at": r.uploaded_at.isoformat(),
                        "uploaded_by": r.uploaded_by_name,
                    }
                    for r in rows
                ],
            }
        )
        return 0
    for r in rows:
        print(
            f"{r.id:>8}  {format_datetime(r.uploaded_at)}  {r.size:>10}  {r.category:<20}  "
            f"{r.filename}"
        )
    print(f"{len(rows)} anexo(s).")
    return 0


def _get(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        target = attachments.extract_attachment(
            db.uow(), actor(db, args), args.id, target=Path(args.output)
        )
    finally:
        db.dispose()
    print(f"{target.stat().st_size} bytes gravados em {target}.")
    return 0


def _remove(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        attachments.remove_attachment(
            db.uow(), actor(db, args), attachment_id=args.id, reason=args.justification
        )
    finally:
        db.dispose()
    print(f"Anexo {args.id} removido.")
    return 0
