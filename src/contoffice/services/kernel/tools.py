"""The tool registry's shape: a tool is declared once, and every face is derived from it.

A declaration says what the clerk sees (the seed's caption, the pages whose
toolbar shows it, one row or many), what guards it (its permission), what it
runs (the service, named by its import path so the kernel does not import the
capabilities above it) and what it takes (its options, which the command line
turns into arguments and the window's dialogs fill in). The declarations
themselves are in `toolbox.py`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel import confirmations
from contoffice.services.kernel.actor import Actor
from contoffice.services.kernel.confirmations import Question
from contoffice.services.kernel.results import BatchResult


class Rows(StrEnum):
    """How many selected rows a tool works on."""

    NONE = "none"  # needs no selection (a new record)
    ONE = "one"
    MANY = "many"


class Kind(StrEnum):
    """What an option holds; each face parses and shows it its own way."""

    TEXT = "text"
    MONEY = "money"  # integer cents, typed as 1.234,56
    DATE = "date"  # typed as dd/mm/aaaa
    ID = "id"  # a record's code
    COUNT = "count"  # a whole number ≥ 0
    FLAG = "flag"  # yes/no
    CHOICE = "choice"


class Runs(StrEnum):
    """Who runs the tool: the generic mass-tool flow, or a face's own form/print job."""

    BATCH = "batch"  # service(uow, actor, *, <ids>, **options, dry_run, [confirmed])
    FORM = "form"  # a face's own dialog/command calls the service (new records, printing)


@dataclass(frozen=True, slots=True)
class Option:
    """One value a tool takes: the service keyword and how a clerk gives it."""

    name: str  # the service's keyword
    flag: str  # the command line's option, e.g. "--reason"
    label: str  # pt-BR: the field's name in messages and help
    kind: Kind = Kind.TEXT
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True, slots=True)
class Tool:
    """One tool of a panel, declared once."""

    key: str  # unique: "<area>.<tool>", e.g. "invoices.remove"
    label: str  # the seed's caption
    permission: str
    panel: str  # the group the permission screen shows it under
    rows: Rows = Rows.MANY
    runs: Runs = Runs.BATCH
    service: str = ""  # "module.path:function" (BATCH tools)
    ids: str = ""  # the service's keyword for the selected ids
    options: tuple[Option, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=dict)  # keywords always passed
    confirms: tuple[str, ...] = ()  # question keys the service may ask
    previews: bool = True  # a many-row run is previewed before it writes
    pages: tuple[str, ...] = ()  # grids whose toolbar shows it, in toolbar order of the list
    action: str = ""  # the toolbar id on those pages (default: the key's last part)
    command: str = ""  # "invoices remove": the CLI's group and action
    ids_flag: str = ""  # the CLI takes the ids as this option instead of a positional
    help: str = ""  # the CLI's one-line help (default: the label)
    icon: str = ""  # a hint for the window's icon ("new", "edit", "save", "file")

    @property
    def action_id(self) -> str:
        """The toolbar id of the tool on its pages."""
        return self.action or self.key.rsplit(".", 1)[-1]

    def function(self) -> Callable[..., BatchResult]:
        """The service the tool runs."""
        module, _, name = self.service.partition(":")
        fn: Callable[..., BatchResult] = getattr(importlib.import_module(module), name)
        return fn

    def call(self, uow: UnitOfWork, actor: Actor, ids: Sequence[int], values: Mapping[str, Any],
             *, dry_run: bool, confirmed: frozenset[str] = frozenset()) -> BatchResult:
        """Run the service once on `ids` with the option values given."""
        kwargs: dict[str, Any] = {**self.fixed, **values}
        if self.ids:
            kwargs[self.ids] = ids[0] if self.rows is Rows.ONE else list(ids)
        if self.confirms:
            kwargs["confirmed"] = confirmed
        return self.function()(uow, actor, dry_run=dry_run, **kwargs)


@dataclass(frozen=True, slots=True)
class Preview:
    """What a preview found: the per-row outcomes and the questions the real run will ask."""

    result: BatchResult
    questions: tuple[Question, ...]


def preview(tool: Tool, uow: UnitOfWork, actor: Actor, ids: Sequence[int],
            values: Mapping[str, Any]) -> Preview:
    """Dry-run the tool: nothing is kept, and its questions come back instead of being raised."""
    with confirmations.collecting() as asked:
        result = tool.call(uow, actor, ids, values, dry_run=True)
    return Preview(result, tuple(asked))


class Registry:
    """Every declared tool, by key, by command and by page."""

    def __init__(self, tools: Sequence[Tool]) -> None:
        self.tools = tuple(tools)
        self.by_key: dict[str, Tool] = {}
        for tool in self.tools:
            if tool.key in self.by_key:
                raise ValueError(f"tool declared twice: {tool.key}")
            self.by_key[tool.key] = tool

    def __getitem__(self, key: str) -> Tool:
        return self.by_key[key]

    def on_page(self, grid: str) -> tuple[Tool, ...]:
        """The tools the page `grid` shows, in declaration order."""
        return tuple(t for t in self.tools if grid in t.pages)

    def commands(self, group: str) -> tuple[Tool, ...]:
        """The tools the CLI group `group` offers as its own subcommands."""
        return tuple(t for t in self.tools if t.command.split(" ")[0] == group)
