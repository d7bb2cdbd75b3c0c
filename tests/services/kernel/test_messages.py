"""The catalogue is the only source of the messages a clerk reads from a service."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import contoffice.services as services_package
from contoffice.services.kernel import messages

SERVICES = Path(services_package.__file__).parent
CATALOGUE = Path(messages.__file__)

# Callee name -> (position, keyword) of its message argument.
_MESSAGE_ARGUMENT: dict[str, tuple[int, str]] = {
    "InvalidInput": (0, "message"),
    "NotAllowed": (0, "message"),
    "Stale": (0, "message"),
    "NotFound": (0, "message"),
    "Refused": (0, "message"),
    "NeedsConfirmation": (1, "message"),
    "ask": (1, "message"),
}
# Raised but never read by a clerk: a programmer's mistake, or an internal signal that the
# caller turns into a catalogue message (StaleDataError, ClaimLost -> RECORD_CHANGED).
_INTERNAL = frozenset({
    "RuntimeError", "ValueError", "KeyError", "TypeError", "AssertionError",
    "NotImplementedError", "StaleDataError", "ClaimLost",
})
# RowOutcome carries a clerk's text in two fields; only the keyword or positional slot counts.
_ROW_OUTCOME_FIELDS = {"message": 2, "warning": 3}


def _callee(call: ast.Call) -> str:
    """The called name, whether `Name(...)` or `module.Name(...)`."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_literal(node: ast.expr) -> bool:
    """A str constant, an f-string, or `"literal".format(...)`/`"a" + x`: text not catalogued."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_literal(node.func.value)
    if isinstance(node, ast.BinOp):
        return _is_literal(node.left) or _is_literal(node.right)
    return False


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    """The argument at `position` or given as `keyword=`, if any."""
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    if len(call.args) > position and not any(
            isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return call.args[position]
    return None


def _messages_of(call: ast.Call, raised: bool) -> list[ast.expr]:
    """The arguments of `call` that a clerk would read."""
    name = _callee(call)
    if name == "RowOutcome":
        found = [_argument(call, pos, kw) for kw, pos in _ROW_OUTCOME_FIELDS.items()]
        return [a for a in found if a is not None]
    if name in _MESSAGE_ARGUMENT:
        found_one = _argument(call, *_MESSAGE_ARGUMENT[name])
        return [] if found_one is None else [found_one]
    if raised and name not in _INTERNAL:  # any other raised exception: its first argument
        found_one = _argument(call, 0, "message")
        return [] if found_one is None else [found_one]
    return []


def literal_messages(root: Path) -> list[str]:
    """`file:line` of each message written inline instead of taken from the catalogue."""
    offenders: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        raised_calls = {
            id(node.exc) for node in ast.walk(tree)
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
        }
        lines = sorted(
            argument.lineno
            for node in ast.walk(tree) if isinstance(node, ast.Call)
            for argument in _messages_of(node, id(node) in raised_calls)
            if _is_literal(argument)
        )
        offenders.extend(f"{path.relative_to(root)}:{line}" for line in lines)
    return offenders


def duplicate_names(path: Path) -> list[str]:
    """Module-level names assigned more than once in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] += 1
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
    return sorted(name for name, count in names.items() if count > 1)


def test_every_catalogue_name_is_assigned_once() -> None:
    assert duplicate_names(CATALOGUE) == []


def test_no_service_writes_a_message_inline() -> None:
    assert literal_messages(SERVICES) == []


def test_the_checker_catches_planted_offenders(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(
        "from contoffice.services.kernel import messages as m\n"
        "def f(x):\n"
        "    if x == 1:\n"
        "        raise InvalidInput('literal')\n"
        "    if x == 2:\n"
        "        raise Refused(f'Fatura {x}')\n"
        "    if x == 3:\n"
        "        raise NeedsConfirmation('k', 'Confirma {x}?'.format(x=x))\n"
        "    if x == 4:\n"
        "        return RowOutcome(x, False, message='não')\n"
        "    if x == 5:\n"
        "        raise NotAllowed(m.INVOICE_ALREADY_SETTLED.format(code=x))\n"
        "    raise LookupError('inline')\n",
        encoding="utf-8",
    )
    assert literal_messages(tmp_path) == [
        "planted.py:4", "planted.py:6", "planted.py:8", "planted.py:10", "planted.py:13",
    ]


def test_the_duplicate_check_catches_a_redefinition(tmp_path: Path) -> None:
    planted = tmp_path / "catalogue.py"
    planted.write_text("A = 'um'\nB = 'dois'\nA = 'três'\n", encoding="utf-8")
    assert duplicate_names(planted) == ["A"]
