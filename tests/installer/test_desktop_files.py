"""The Linux menu entry and AppStream data: valid for the distributions' tools, in step."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from contoffice.core.version import pyproject_version
from tests.installer.conftest import ROOT

INSTALLER = ROOT / "installer"
DESKTOP = INSTALLER / "contoffice.desktop"
METAINFO = INSTALLER / "io.github.contoffice.metainfo.xml"


def tool(name: str) -> str:
    """The path of a validator; `make test` installs it, so CI fails without it."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true" or os.environ.get("CONTOFFICE_REQUIRE_PG") == "1":
            pytest.fail(f"{name} is missing: `make system-packages` installs it")
        pytest.skip(f"{name} is not installed")
    return found


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validate_accepts_the_entry() -> None:
    proc = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == ""  # not even a hint


def test_appstreamcli_accepts_the_metainfo() -> None:
    proc = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_metainfo_names_this_version_and_the_menu_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == pyproject_version(ROOT / "pyproject.toml")  # newest first
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.find("content_rating") is not None
    assert {c.text for c in root.iter("category")} == set(
        desktop_entry()["Categories"].strip(";").split(";"))


def test_the_entry_icon_is_shipped_in_the_tarball() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == "contoffice"
    assert entry["Categories"] == "Office;Finance;"
    icon = INSTALLER / f"{entry['Icon']}.svg"
    assert ET.parse(icon).getroot().tag.endswith("svg")
    script = (ROOT / "scripts" / "build_installer").read_text(encoding="utf-8")
    assert f'"installer/{icon.name}": "share/icons/hicolor/scalable/apps/{icon.name}"' in script
