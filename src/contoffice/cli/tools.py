"""The subcommands of the tool registry: each declared tool becomes `contoffice <group> <action>`.

A command shared by several tools (`invoices alter --due-date|--value|…`,
`invoices spc --add|--remove`) picks its tool by the switch given; an option
of another tool of the same command is refused in one pt-BR line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database, unknown_rows
from contoffice.cli.numbers import count, record_id
from contoffice.cli.rows import add_yes, cents, day, ids, outcome_dict, report, run_tool
from contoffice.errors import InvalidInput
from contoffice.services.kernel import tools as registry_tools
from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.services.kernel.tools import Kind, Option, Rows, Tool


def _switch(tool: Tool) -> str:
    """The option that picks this tool in a shared command ("" when the command is its own)."""
    parts = tool.command.split(" ")
    return parts[2] if len(parts) > 2 else ""


def _dest(flag: str) -> str:
    return flag.lstrip("-").replace("-", "_")


def _add_option(target: Any, option: Option, *, required: bool) -> None:
    kwargs: dict[str, Any] = {"dest": _dest(option.flag), "help": option.help or None}
    if option.kind is Kind.FLAG:
        target.add_argument(option.flag, action="store_true", **kwargs)
        return
    kwargs["required"] = required
    kwargs["metavar"] = {
        Kind.MONEY: "VALOR", Kind.DATE: "DD/MM/AAAA", Kind.ID: "ID", Kind.COUNT: "N",
    }.get(option.kind, "TEXTO")
    if option.kind is Kind.ID:
        kwargs["type"] = record_id
    elif option.kind is Kind.COUNT:
        kwargs["type"] = count
    elif option.kind is Kind.CHOICE:
        kwargs["choices"] = [str(c) for c in option.choices]
        del kwargs["metavar"]
    target.add_argument(option.flag, **kwargs)


def register(actions: argparse._SubParsersAction, group: str) -> None:  # type: ignore[type-arg]
    """Add every registered tool of `group` to its subcommands."""
    commands: dict[str, list[Tool]] = {}
    for tool in REGISTRY.commands(group):
        commands.setdefault(tool.command.split(" ")[1], []).append(tool)
    for name, tools in commands.items():
        _command(actions, name, tools)


def _command(actions: argparse._SubParsersAction, name: str,  # type: ignore[type-arg]
             tools: list[Tool]) -> None:
    first = tools[0]
    parser = actions.add_parser(name, help=first.help or first.label)
    if first.ids_flag:
        parser.add_argument(first.ids_flag, dest="ids", required=True, metavar="IDS",
                            help="códigos: 1,2,3")
    elif first.rows is Rows.ONE:
        parser.add_argument("ids", type=record_id, metavar="ID")
    else:
        parser.add_argument("ids", metavar="IDS", help="códigos: 1,2,3")
    switches = {_switch(t): t for t in tools if _switch(t)}
    if switches:
        choice = parser.add_mutually_exclusive_group(required=True)
        for flag, tool in switches.items():
            option = next((o for o in tool.options if o.flag == flag), None)
            if option is None:
                choice.add_argument(flag, action="store_true", dest=_dest(flag), help=tool.label)
            else:
                _add_option(choice, option, required=False)
    seen = set(switches)
    for tool in tools:
        for option in tool.options:
            if option.flag in seen:
                continue
            seen.add(option.flag)
            everyone = all(any(o.flag == option.flag and o.required for o in t.options)
                           for t in tools)
            _add_option(parser, option, required=option.required and everyone)
    add_yes(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help="prévia: o que seria feito e o que seria recusado; nada é gravado")
    add_common(parser, operator=True)
    parser.set_defaults(handler=partial(_run, tools))


def _chosen(args: argparse.Namespace, tools: Sequence[Tool]) -> Tool:
    if len(tools) == 1:
        return tools[0]
    picked = [t for t in tools if getattr(args, _dest(_switch(t)), None) not in (None, False)]
    return picked[0]


def _given(args: argparse.Namespace, option: Option) -> bool:
    value = getattr(args, _dest(option.flag), None)
    return value not in (None, False)


def _value(args: argparse.Namespace, option: Option) -> Any:
    raw = getattr(args, _dest(option.flag), None)
    if option.kind is Kind.FLAG:
        # A flag whose service default is True is a "--keep-…" that turns it off.
        return not raw if option.default is True else bool(raw)
    if raw is None:
        return option.default
    if option.kind is Kind.MONEY:
        return cents(raw, option.label)
    if option.kind is Kind.DATE:
        found: date | None = day(raw, option.label)
        return found
    return raw


def values_of(args: argparse.Namespace, tool: Tool, tools: Sequence[Tool]) -> dict[str, Any]:
    """The service keywords of `tool` from the command line; another tool's option is refused."""
    own = {o.flag for o in tool.options}
    switch = _switch(tool)
    for other in tools:
        for option in other.options:
            if option.flag not in own and option.flag != _switch(other) and _given(args, option):
                raise InvalidInput(f"{option.flag} só vale com {_switch(other)}.",
                                   field=option.flag)
    found: dict[str, Any] = {}
    for option in tool.options:
        value = _value(args, option)
        if value is not None or option.flag == switch:
            found[option.name] = value
    return found


def _run(tools: Sequence[Tool], args: argparse.Namespace) -> int:
    tool = _chosen(args, tools)
    row_ids = [args.ids] if tool.rows is Rows.ONE else ids(args.ids)
    values = values_of(args, tool, tools)
    if args.dry_run:
        return _preview(args, tool, row_ids, values)
    return run_tool(args, lambda uow, who, confirmed: tool.call(
        uow, who, row_ids, values, dry_run=False, confirmed=confirmed))


def _preview(args: argparse.Namespace, tool: Tool, row_ids: list[int],
             values: dict[str, Any]) -> int:
    """--dry-run: the outcomes and the questions the real run would ask; nothing is kept."""
    db = database(args)
    try:
        found = registry_tools.preview(tool, db.uow(), actor(db, args), row_ids, values)
    finally:
        db.dispose()
    if (unknown := unknown_rows(found.result.outcomes)) is not None:
        print(f"contoffice: {unknown}", file=sys.stderr)
        return 2
    if args.json:
        emit_json({
            "dry_run": True,
            "questions": [{"key": q.key, "message": q.message} for q in found.questions],
            "outcomes": [outcome_dict(o) for o in found.result.outcomes],
        })
        return 0 if all(o.done for o in found.result.outcomes) else 4
    for question in found.questions:
        print(f"Perguntaria: {question.message}")
    return report(args, found.result.outcomes)
