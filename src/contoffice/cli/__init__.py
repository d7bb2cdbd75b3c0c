"""Command line: the same services as the window, headless (DESIGN.md "Command line").

Each sub-module exposes `register(subparsers)`; a handler takes the parsed
arguments and returns the exit code. Results go to stdout (JSON with --json),
messages to stderr, one pt-BR line, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from contoffice.cli.common import UNKNOWN_URL, check_url, shown_url
from contoffice.cli.parser import ContofficeParser
from contoffice.core import os_errors
from contoffice.core.validation import ValidationError
from contoffice.core.version import app_version
from contoffice.errors import ContofficeError, NeedsConfirmation
from contoffice.services.backups import logfile
from contoffice.services.kernel.busy import retry_when_busy

EXIT_NEEDS_CONFIRMATION = 3  # a question --yes would answer
COMMAND_MODULES = (
    "db", "demo", "people", "invoices", "charges", "contracts", "boleto", "billing", "fees",
    "export", "attachments", "receipts", "bank", "mail", "clearance", "import", "nfse",
    # these add tools to groups registered above (contracts, invoices)
    "payables", "contract_admin",
)  # fmt: skip


def emit_json(document: Any) -> None:
    """Print one JSON document on stdout."""
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 2) -> int:
    """Print one pt-BR line on stderr and return the exit code.

    An English cause a lower layer quoted from the operating system ("No such file
    or directory") is said in pt-BR here, the last place before the clerk reads it.
    """
    print(f"contoffice: {os_errors.translate(message)}", file=sys.stderr)
    return code


def add_database_option(parser: argparse.ArgumentParser) -> None:
    """Add --database URL (default: CONTOFFICE_DATABASE_URL or the embedded file)."""
    parser.add_argument("--database", metavar="URL", help="URL do banco de dados")


def build_parser() -> argparse.ArgumentParser:
    """The whole argument parser, with every command module registered."""
    import importlib

    parser = ContofficeParser(prog="contoffice", description="contoffice: back-office")
    parser.add_argument("--version", action="version", version=f"contoffice {app_version()}",
                        help="mostra a versão e sai")
    add_database_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="abre a janela (padrão)")
    add_database_option(gui)
    # Hidden: the installer's test and support open the first window and close it.
    gui.add_argument("--selftest", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=_run_gui)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"contoffice.cli.{name}_cmd")
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "selftest", False):
        from contoffice.ui.selftest import run_selftest

        return run_selftest(args.database)
    from contoffice.ui.app import run_app

    return run_app(database_url=args.database)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `contoffice` console script."""
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        print(f"contoffice {app_version()}")  # said before every command module loads (~2 s)
        return 0
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or bad usage already said in one line
        return stop.code if isinstance(stop.code, int) else 0
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run_gui)
    logfile.setup()  # the rotated log in the user log folder (window and commands alike)
    # A library writer (openpyxl) abandoned by a failed write is finalized when the error
    # is dropped, and Python prints "Exception ignored in …" with a traceback for what its
    # cleanup raised: it adds nothing to the pt-BR line, so it is kept off the terminal.
    previous, sys.unraisablehook = sys.unraisablehook, _ignore_unraisable
    code = 1
    try:
        code = _run(handler, args)
        return code
    finally:
        if code:  # a failed command: finalize what it abandoned while the hook is quiet
            gc.collect()
        sys.unraisablehook = previous


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run the command; turn whatever it raises into one pt-BR line and an exit code."""
    try:
        if getattr(args, "database", None):  # typed: refused before any command reads it
            check_url(args.database)
        # A busy SQLite file rolled the whole command back: it is safe to run it again.
        return retry_when_busy(lambda: handler(args))
    except NeedsConfirmation as question:  # asked before anything was written
        print(f"contoffice: {question.message} (use --yes para confirmar)", file=sys.stderr)
        return EXIT_NEEDS_CONFIRMATION
    except (ContofficeError, ValidationError) as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("interrompido", 130)
    except BrokenPipeError:  # `… | head` closed the pipe: nothing more to say to anyone
        _quiet_stdout()
        return 0
    except OSError as error:  # a path the clerk gave: missing folder, no permission, disk full
        return fail(os_errors.describe(error))
    except Exception as error:  # never a traceback on the terminal: log it, say one line
        if _bad_url(error):
            return fail(UNKNOWN_URL.format(url=shown_url(_url_of(args))))
        # Only the error's type: its text may quote a client's data (a DETAIL line).
        return fail(f"erro inesperado ({type(error).__name__}); {_log_unexpected(error)}", 1)


def _bad_url(error: Exception) -> bool:
    """Whether SQLAlchemy refused the URL itself (no such dialect or driver, unparsable).

    Told by the class names: this layer does not import SQLAlchemy.
    """
    names = {(c.__module__.split(".")[0], c.__name__) for c in type(error).__mro__}
    return ("sqlalchemy", "NoSuchModuleError") in names or (
        ("sqlalchemy", "ArgumentError") in names and "URL" in str(error))


def _url_of(args: argparse.Namespace) -> str:
    from contoffice.config import database_url

    return getattr(args, "url", None) or database_url(getattr(args, "database", None))


def _ignore_unraisable(_unraisable: Any) -> None:
    """sys.unraisablehook while a command runs: say nothing."""


LOG_NAME = "contoffice-errors.log"


def _quiet_stdout() -> None:
    """Point stdout at devnull so Python's flush at exit does not fail on the closed pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _log_unexpected(error: Exception) -> str:
    """Append the error's stack to the private error log; say where it went."""
    from contoffice.config import data_dir

    try:
        path = data_dir() / LOG_NAME
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # a log an older version made world-readable
            fh.write(safe_traceback(error))
    except OSError as failure:
        return f"não foi possível gravar os detalhes ({failure.strerror})"
    return f"detalhes em {path}"


def safe_traceback(error: BaseException) -> str:
    """The stack of an error and its causes, with types and SQL but no message and no values.

    Exception texts (a database's DETAIL line, a value in a ValueError) and SQL
    parameters can carry clients' data; the frames and the SQL text do not.
    """
    import traceback
    from datetime import UTC, datetime

    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__)
    parts = [f"--- {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n"]
    for exc in reversed(chain):
        if exc is not chain[-1]:
            parts.append("\nA exceção acima levou à seguinte:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        parts.append(f"{type(exc).__module__}.{type(exc).__qualname__}\n")
        statement = getattr(exc, "statement", None)
        if isinstance(statement, str):
            parts.append(f"[SQL: {statement}]\n")
    return "".join(parts) + "\n"
