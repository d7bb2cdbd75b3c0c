"""Command line: the same services as the window, headless (DESIGN.md "Command line").

Each sub-module exposes `register(subparsers)`; a handler takes the parsed
arguments and returns the exit code. Results go to stdout (JSON with --json),
messages to stderr, one pt-BR line, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from contoffice.cli.parser import ContofficeParser
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError
from contoffice.services.busy import retry_when_busy

COMMAND_MODULES = (
    "db", "demo", "people", "invoices", "charges", "contracts", "boleto", "billing", "fees",
    "export", "attachments", "receipts",
    # these add tools to groups registered above (contracts, invoices)
    "payables", "contract_admin", "invoice_charges",
)  # fmt: skip


def emit_json(document: Any) -> None:
    """Print one JSON document on stdout."""
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 2) -> int:
    """Print one pt-BR line on stderr and return the exit code."""
    print(f"contoffice: {message}", file=sys.stderr)
    return code


def add_database_option(parser: argparse.ArgumentParser) -> None:
    """Add --database URL (default: CONTOFFICE_DATABASE_URL or the embedded file)."""
    parser.add_argument("--database", metavar="URL", help="URL do banco de dados")


def build_parser() -> argparse.ArgumentParser:
    """The whole argument parser, with every command module registered."""
    import importlib

    parser = ContofficeParser(prog="contoffice", description="contoffice: back-office")
    add_database_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="abre a janela (padrão)")
    add_database_option(gui)
    gui.set_defaults(handler=_run_gui)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"contoffice.cli.{name}_cmd")
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from contoffice.ui.app import run_app

    return run_app(database_url=args.database)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `contoffice` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or bad usage already said in one line
        return stop.code if isinstance(stop.code, int) else 0
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run_gui)
    try:
        # A busy SQLite file rolled the whole command back: it is safe to run it again.
        return retry_when_busy(lambda: handler(args))
    except (ContofficeError, ValidationError) as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("interrompido", 130)
    except Exception as error:  # never a traceback on the terminal: log it, say one line
        log = _log_unexpected(error)
        return fail(f"erro inesperado ({type(error).__name__}: {error}); detalhes em {log}", 1)


def _log_unexpected(error: Exception) -> str:
    import traceback

    from contoffice.config import data_dir

    path = data_dir() / "contoffice-errors.log"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(traceback.format_exception(error)) + "\n")
    return str(path)
