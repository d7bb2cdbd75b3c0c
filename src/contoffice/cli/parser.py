"""The argument parser of every command: bad usage is one pt-BR line and exit 2 (DESIGN.md).

argparse would print its usage block and an English message; scripts and
clerks read one line instead, and `--help` still shows the full usage.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from contoffice.cli.negative_values import accept_negative_values

EXIT_USAGE = 2

# argparse's English messages (Python 3.11–3.13) → pt-BR, most specific first.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^argument (?P<arg>.+?): (?P<rest>.*)$", "argumento {arg}: {rest}"),
    (r"^the following arguments are required: (?P<x>.*)$", "faltam argumentos obrigatórios: {x}"),
    (r"^one of the arguments (?P<x>.*) is required$", "informe uma das opções: {x}"),
    (r"^unrecognized arguments: (?P<x>.*)$", "argumentos não reconhecidos: {x}"),
    (r"^not allowed with argument (?P<x>.*)$", "não pode ser usado com {x}"),
    (r"^ignored explicit argument (?P<x>.*)$", "valor não aceito: {x}"),
    (r"^invalid (?P<type>\w+) value: (?P<x>.*)$", "valor inválido: {x}"),
    (r"^invalid choice: (?P<x>.*?) \(choose from (?P<c>.*)\)$", "opção inválida: {x} (use {c})"),
    (r"^expected one argument$", "falta o valor"),
    (r"^expected at most one argument$", "aceita no máximo um valor"),
    (r"^expected at least one argument$", "falta ao menos um valor"),
    (r"^expected (?P<n>\d+) arguments?$", "espera {n} valor(es)"),
    (r"^ambiguous option: (?P<x>.*?) could match (?P<m>.*)$", "opção ambígua: {x} ({m})"),
)


# The words of argparse's help layout (it looks `_` up in its module at each call).
_HELP_WORDS = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opções",
    "optional arguments": "opções",
    "show this help message and exit": "mostra esta ajuda e sai",
}
_english = argparse._  # type: ignore[attr-defined]


def _help_word(text: str) -> str:
    return _HELP_WORDS.get(text) or _english(text)


argparse._ = _help_word  # type: ignore[attr-defined]


def pt_br(message: str) -> str:
    """argparse's message in pt-BR (an unknown one passes through unchanged)."""
    for pattern, template in _MESSAGES:
        found = re.match(pattern, message)
        if found:
            parts = {k: pt_br(v) if k == "rest" else v for k, v in found.groupdict().items()}
            return template.format(**parts)
    return message


class ContofficeParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr (subcommands inherit it).

    Every parser (subcommands too) reads `-1.234,56` or `-2%` as a value, so a
    negative amount reaches the rule that refuses it in pt-BR.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accept_negative_values(self)

    def error(self, message: str) -> NoReturn:
        """`contoffice: <command>: <message> (veja --help)` and exit 2."""
        command = self.prog.removeprefix("contoffice").strip()
        where = f"{command}: " if command else ""
        text = " ".join(f"{where}{pt_br(message)}".split())  # never more than one line
        print(f"contoffice: {text} (veja --help)", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def actions_of(sub: argparse._SubParsersAction, group: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The sub-commands of an already registered group (to add tools from another module)."""
    parser = sub.choices[group]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(group)
