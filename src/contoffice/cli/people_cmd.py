"""`contoffice people search [TEXTO] [filters] --json`: the finder's search box and filters."""

from __future__ import annotations

import argparse
import dataclasses

from contoffice.cli import emit_json
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import record_id, window
from contoffice.core.documents import format_document
from contoffice.core.format import format_date, parse_date
from contoffice.core.paging import PageRequest, Sort
from contoffice.core.vocab import CLASSIFICATIONS
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
