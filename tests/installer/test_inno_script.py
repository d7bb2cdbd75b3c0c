"""The Windows installer script: its version, its shortcuts, its files, the data it leaves."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from contoffice.core.version import pyproject_version
from tests.installer.conftest import ROOT

ISS = ROOT / "installer" / "contoffice.iss"
SPEC = ROOT / "installer" / "contoffice.spec"


def sections(text: str) -> dict[str, list[str]]:
    """The script's lines by [Section], without comments and blank lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return found


def entry(line: str) -> dict[str, str]:
    """`Source: "a"; DestDir: "{app}"; Flags: x y` as a dict (quotes removed)."""
    params = {}
    for part in re.findall(r'(?:[^;"]|"[^"]*")+', line):
        key, _, value = part.partition(":")
        params[key.strip()] = value.strip().strip('"')
    return params


SCRIPT = sections(ISS.read_text(encoding="utf-8"))
DEFINES = dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(encoding="utf-8")))


def expand(value: str) -> str:
    """{#Name} replaced by the script's #define."""
    return re.sub(r"\{#(\w+)\}", lambda m: DEFINES[m.group(1)], value)


@dataclass(frozen=True)
class FilesEntry:
    folder: Path
    pattern: str
    recursive: bool
    excludes: tuple[str, ...]

    def covers(self, path: Path) -> bool:
        """Whether Inno Setup would pick this file up (path is absolute)."""
        inside = path.parent == self.folder or (
            self.recursive and self.folder in path.parents)
        excluded = any(fnmatch.fnmatch(path.name, e) for e in self.excludes)
        return inside and fnmatch.fnmatch(path.name, self.pattern) and not excluded


def files_entries() -> list[FilesEntry]:
    found = []
    for line in SCRIPT["Files"]:
        params = entry(line)
        source = PureWindowsPath(expand(params["Source"]))
        flags = params.get("Flags", "").split()
        found.append(FilesEntry(
            folder=(ISS.parent / Path(*source.parent.parts)).resolve(),
            pattern=source.name, recursive="recursesubdirs" in flags,
            excludes=tuple(e for e in params.get("Excludes", "").split(",") if e)))
    return found


def test_version_is_pyprojects() -> None:
    assert DEFINES["AppVersion"] == pyproject_version(ROOT / "pyproject.toml")
    assert "AppVersion={#AppVersion}" in SCRIPT["Setup"]


def test_start_menu_and_optional_desktop_shortcuts_open_the_window_program() -> None:
    icons = [entry(line) for line in SCRIPT["Icons"]]
    programs = {(i["Name"].split("\\")[0], i["Filename"], i.get("Tasks", "")) for i in icons}
    assert ("{group}", "{app}\\contofficew.exe", "") in programs
    assert ("{autodesktop}", "{app}\\contofficew.exe", "desktopicon") in programs
    tasks = [entry(line) for line in SCRIPT["Tasks"]]
    assert any(t["Name"] == "desktopicon" and "unchecked" in t.get("Flags", "") for t in tasks)
    # The spec makes that program (on Windows) beside the console one.
    assert '_exe("contofficew", console=False)' in SPEC.read_text(encoding="utf-8")


def test_uninstall_leaves_the_users_data() -> None:
    assert "UninstallDelete" not in SCRIPT
    assert "UninstallRun" not in SCRIPT
    everything = ISS.read_text(encoding="utf-8")
    code = "\n".join(line for lines in SCRIPT.values() for line in lines)
    assert not re.search(r"\{(userappdata|localappdata|appdata)\}", code)
    assert "DelTree" not in everything


def test_speaks_brazilian_portuguese() -> None:
    languages = [entry(line) for line in SCRIPT["Languages"]]
    assert [lang["MessagesFile"] for lang in languages] == [
        "compiler:Languages\\BrazilianPortuguese.isl"]


def test_files_entry_points_at_the_onedir_build() -> None:
    (tree,) = files_entries()
    assert tree.folder == ROOT / "build" / "installer" / "dist" / "contoffice"
    assert tree.recursive and tree.pattern == "*"


@pytest.mark.slow
def test_every_file_of_the_build_is_installed(onedir: Path) -> None:
    entries = files_entries()
    built = [p for p in onedir.rglob("*") if p.is_file()]
    assert len(built) > 100
    missed = [p.relative_to(onedir).as_posix() for p in built
              if not any(e.covers(p) for e in entries)]
    assert missed == []
