"""The frozen onedir build, made once per session (or reused when built from this same tree)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "scripts" / "build_installer"
ONEDIR = ROOT / "build" / "installer" / "dist" / "contoffice"


@pytest.fixture(scope="session")
def onedir() -> Path:
    """build/installer/dist/contoffice from scripts/build_installer --reuse (1–2 min when built)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not in the venv: pip install -e '.[installer]'")
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--reuse"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return ONEDIR


def program(folder: Path) -> Path:
    """The console program of the onedir build."""
    return folder / ("contoffice.exe" if os.name == "nt" else "contoffice")
