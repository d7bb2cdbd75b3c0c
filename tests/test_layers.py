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
    files = sorted((folder / layer.name).rglob("*.py"))
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


def test_every_package_of_the_source_is_declared() -> None:
    packages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages - set(LAYERS) == set()


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text(
        "from contoffice.db import uow\nimport sqlalchemy\nfrom contoffice.core import x\n")
    assert _violations(LAYERS["core"], tmp_path) == [
        "core/bad.py:1 imports contoffice.db.uow", "core/bad.py:2 imports sqlalchemy"]
