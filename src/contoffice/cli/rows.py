"""What the commands that change money share: ids, pt-BR values, "tenho certeza", per-row output.

Exit codes of a mass action: 0 every row done, 4 some rows refused (the
outcomes are still printed), 3 a confirmation is needed and --yes was not
given, 2 bad input (one pt-BR line on stderr, from `contoffice.cli.main`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database, unknown_rows
from contoffice.cli.numbers import MAX_ID, parse_bounded
from contoffice.core.format import parse_date
from contoffice.core.money import Money
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NeedsConfirmation
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import BatchResult, RowOutcome

EXIT_REFUSED = 4
Tool = Callable[[UnitOfWork, Actor, frozenset[str]], BatchResult]
T = TypeVar("T")


def ids(text: str, option: str = "IDS") -> list[int]:
    """`1,2,3` (or `1;2`) → [1, 2, 3]; anything else (`1_0`, `٣`, 0, 2**31) is bad input."""
    try:
        found = [
            parse_bounded(part, 1, MAX_ID) for part in text.replace(";", ",").split(",")
            if part.strip()
        ]
    except ValueError as error:
        raise InvalidInput(
            f"Lista de códigos inválida em {option}: {error}; use 1,2,3.", field=option
        ) from None
    if not found:
        raise InvalidInput(f"Informe ao menos um código em {option}.", field=option)
    return found


def cents(text: str | None, field: str = "Valor") -> int | None:
    """A pt-BR amount (`1.234,56`, `1234,56`, `1234`) in cents; None stays None."""
    return None if text is None else Money.parse(text, field).cents


def day(text: str | None, field: str = "Data") -> date | None:
    """A date typed as dd/mm/aaaa or ISO; None stays None."""
    return None if text is None else parse_date(text, field)


def add_tool_options(
    parser: argparse.ArgumentParser,
    *,
    ids_help: str = "códigos: 1,2,3",
    justification: bool = True,
    dry_run: bool = True,
) -> None:
    """The positional IDS and the options every mass tool takes."""
    parser.add_argument("ids", metavar="IDS", help=ids_help)
    if justification:
        parser.add_argument(
            "--justification",
            default="",
            metavar="TEXTO",
            help="justificativa (gravada no histórico e na auditoria)",
        )
    add_yes(parser)
    if dry_run:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="prévia: o que seria feito e o que seria recusado; nada é gravado",
        )
    add_common(parser, operator=True)


def add_yes(parser: argparse.ArgumentParser) -> None:
    """--yes: answer the service's questions ("tenho certeza") without asking."""
    parser.add_argument(
        "--yes", action="store_true", help='confirma os avisos da ferramenta ("tenho certeza")'
    )


def with_confirmations(args: argparse.Namespace, call: Callable[[frozenset[str]], T]) -> T:
    """Call the service; with --yes answer each question it asks and call again.

    Without --yes the question (NeedsConfirmation) reaches `contoffice.cli.main`,
    which says it in one line with exit 3: the service asked before writing anything.
    """
    confirmed: set[str] = set()
    while True:
        try:
            return call(frozenset(confirmed))
        except NeedsConfirmation as question:
            if not getattr(args, "yes", False) or question.key in confirmed:
                raise
            confirmed.add(question.key)


def acting(args: argparse.Namespace, call: Callable[[Database, Actor, frozenset[str]], T]) -> T:
    """Open the database, log in, call the service (answering its questions with --yes), close."""
    db = database(args)
    try:
        who = actor(db, args)
        return with_confirmations(args, lambda confirmed: call(db, who, confirmed))
    finally:
        db.dispose()


def run_tool(args: argparse.Namespace, tool: Tool) -> int:
    """Run a mass tool, confirming its warnings only with --yes, and print the outcomes."""
    result = acting(args, lambda db, who, confirmed: tool(db.uow(), who, confirmed))
    return report(args, result.outcomes)


def outcome_dict(o: RowOutcome) -> dict[str, object]:
    """One row of the JSON contract."""
    return {
        "id": o.id,
        "done": o.done,
        "message": o.message,
        "warning": o.warning,
        "new_id": o.new_id,
    }


def report(args: argparse.Namespace, outcomes: Sequence[RowOutcome]) -> int:
    """Print the per-row outcomes (JSON or one line each); 0 all done, 4 some refused.

    When every id names nothing that exists, that is bad input: one line, exit 2.
    """
    unknown = unknown_rows(outcomes)
    if unknown is not None:
        print(f"contoffice: {unknown}", file=sys.stderr)
        return 2
    dry_run = bool(getattr(args, "dry_run", False))
    if getattr(args, "json", False):
        emit_json({"dry_run": dry_run, "outcomes": [outcome_dict(o) for o in outcomes]})
    else:
        if dry_run:
            print("Prévia: nada foi gravado.")
        for o in outcomes:
            text = "ok" if o.done else f"recusado: {o.message}"
            if o.new_id is not None:
                text += f" (novo código {o.new_id})"
            if o.warning:
                text += f" — {o.warning}"
            print(f"{o.id:>8}  {text}")
    return 0 if all(o.done for o in outcomes) else EXIT_REFUSED
