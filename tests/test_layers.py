"""Imports only point down (DESIGN.md "Layers"): checked on the source with `ast`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "contoffice"
# layer → module prefixes it must not import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "ui": ("contoffice.db", "sqlalchemy", "alembic"),
    "services": ("PySide6", "contoffice.ui"),
    "db": ("PySide6", "contoffice.ui", "contoffice.services"),
    "core": ("PySide6", "sqlalchemy"),
    "exports": ("PySide6", "sqlalchemy", "contoffice.db", "contoffice.services", "contoffice.ui"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _violations(layer: str) -> list[str]:
    bad = []
    for path in sorted((SRC / layer).rglob("*.py")):
        for line, module in _imports(path):
            outside_core = (layer == "core" and module.startswith("contoffice.")
                            and not module.startswith("contoffice.core"))
            if outside_core or any(module == f or module.startswith(f + ".")
                                   for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(SRC)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_point_down(layer: str) -> None:
    assert _violations(layer) == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from contoffice.db.uow import Database\nimport sqlalchemy\n")
    assert [m for _l, m in _imports(sample)] == ["contoffice.db.uow", "sqlalchemy"]
