"""The version of the program: pyproject.toml's, read from the installed metadata."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "contoffice"
UNKNOWN = "desconhecida"
_PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"


def app_version() -> str:
    """The version of pyproject.toml ("desconhecida" when neither source has it).

    Installed (`pip install -e .`) and frozen (the spec bundles the dist-info
    with copy_metadata), importlib.metadata knows it; a bare source tree run
    with PYTHONPATH=src has no metadata, so pyproject.toml itself is read.
    """
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    if getattr(sys, "frozen", False):  # a frozen build without its metadata: no source tree
        return UNKNOWN
    return pyproject_version(_PYPROJECT) or UNKNOWN


def pyproject_version(path: Path) -> str | None:
    """The `version` of the [project] table of a pyproject.toml (None when absent)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    version = data.get("project", {}).get("version")
    return version if isinstance(version, str) and re.fullmatch(r"[\w.+-]+", version) else None
