"""Imports only point down, as the layer table of docs/ARCHITECTURE.md declares.

The table is the one declaration: this test reads it, so the rule written for
people and the rule checked on the code cannot drift apart.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "contoffice"
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"


@dataclass(frozen=True)
class Layer:
    name: str
    may_import: frozenset[str]  # project packages (or modules) below it
    never: frozenset[str]  # outside libraries it must not touch


def declared_layers(text: str) -> dict[str, Layer]:
    """The ```layers block of the architecture page."""
    block = re.search(r"```layers\n(.*?)```", text, re.S)
    assert block, "docs/ARCHITECTURE.md has no ```layers block"
    layers = {}
    for line in block.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, allowed, never = (part.strip() for part in line.split(":"))
        layers[name] = Layer(name, frozenset(allowed.split()) - {"-"}, frozenset(never.split()))
    return layers


LAYERS = declared_layers(ARCHITECTURE.read_text(encoding="utf-8"))


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from contoffice.db import migrate` imports the module contoffice.db.migrate
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _violations(layer: Layer, folder: Path = SRC) -> list[str]:
    bad = []
    files = sorted(folder.joinpath(*layer.name.split(".")).rglob("*.py"))
    for path in files:
        for line, module in _imports(path):
            if _under(module, "contoffice"):
                own = _under(module, f"contoffice.{layer.name}")
                allowed = any(_under(module, f"contoffice.{a}") for a in layer.may_import)
                if not own and not allowed:
                    bad.append(f"{path.relative_to(folder)}:{line} imports {module}")
            elif any(_under(module, lib) for lib in layer.never):
                bad.append(f"{path.relative_to(folder)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_imports_point_down(name: str) -> None:
    assert _violations(LAYERS[name]) == []


def _packages(folder: Path, prefix: str = "") -> set[str]:
    return {
        prefix + p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }


def test_every_package_of_the_source_is_declared() -> None:
    assert _packages(SRC) - set(LAYERS) == set()


def test_every_capability_of_the_services_is_declared() -> None:
    assert _packages(SRC / "services", "services.") - set(LAYERS) == set()
    assert not [p.name for p in (SRC / "services").glob("*.py") if p.name != "__init__.py"]


def test_the_checker_sees_a_capability_reaching_sideways(tmp_path: Path) -> None:
    (tmp_path / "services" / "kernel").mkdir(parents=True)
    (tmp_path / "services" / "kernel" / "bad.py").write_text(
        "from contoffice.services.billing import run\nfrom contoffice.services.kernel import x\n")
    assert _violations(LAYERS["services.kernel"], tmp_path) == [
        "services/kernel/bad.py:1 imports contoffice.services.billing.run"]


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text(
        "from contoffice.db import uow\nimport sqlalchemy\nfrom contoffice.core import x\n")
    assert _violations(LAYERS["core"], tmp_path) == [
        "core/bad.py:1 imports contoffice.db.uow", "core/bad.py:2 imports sqlalchemy"]


def _module_graph(folder: Path = SRC) -> dict[str, set[str]]:
    """Every module of the tree and the project modules it imports (type-only imports too)."""
    modules: dict[str, Path] = {}
    for path in folder.rglob("*.py"):
        name = ".".join(path.relative_to(folder.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for _line, imported in _imports(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            # a package importing its own modules is how packages are built, not a cycle
            if imported and imported != name and not imported.startswith(name + "."):
                graph[name].add(imported)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other() -> None:
    assert _cycles(_module_graph()) == []


def test_the_cycle_checker_sees_a_type_only_cycle(tmp_path: Path) -> None:
    package = tmp_path / "contoffice" / "ui"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "page.py").write_text("from contoffice.ui.tools import Tools\n")
    (package / "tools.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from contoffice.ui.page import Page\n")
    assert _cycles(_module_graph(tmp_path / "contoffice")) == [
        ["contoffice.ui.page", "contoffice.ui.tools"]]
