"""The program's version is pyproject.toml's, installed or read from the source tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.cli import main
from contoffice.core.version import app_version, pyproject_version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_installed_version_is_pyprojects() -> None:
    declared = pyproject_version(PYPROJECT)
    assert declared is not None
    assert app_version() == declared


def test_pyproject_version_reads_the_project_table(tmp_path: Path) -> None:
    sample = tmp_path / "pyproject.toml"
    sample.write_text('[tool.x]\nversion = "9"\n[project]\nname = "a"\nversion = "2.3.1"\n',
                      encoding="utf-8")
    assert pyproject_version(sample) == "2.3.1"
    sample.write_text('[project]\nname = "a"\n', encoding="utf-8")
    assert pyproject_version(sample) is None
    assert pyproject_version(tmp_path / "missing.toml") is None


def test_cli_version_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"contoffice {pyproject_version(PYPROJECT)}\n"
