"""Every command of README.md runs as written on the office that `make run` creates.

The README's shell blocks are read in order and run as real processes on a
fresh embedded database: `db upgrade`, then `demo` (the same office `make run`
builds), then every other line. A line that fails names itself and its message.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def readme_commands(text: str) -> list[str]:
    """The command lines of the ```bash blocks that run contoffice (or set its environment)."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```bash"
            continue
        words = shlex.split(line, comments=True) if inside else []
        program = [w for w in words if "=" not in w or w.startswith("-")][:1]
        if words and (words[0] == "export" or program == ["contoffice"]):
            lines.append(line)
    return lines


def test_the_readme_has_the_commands_a_clerk_copies() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len(commands) > 20
    assert any(" demo " in c for c in commands) and any("invoices settle" in c for c in commands)


def _run(line: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    words = shlex.split(line, comments=True)
    local = dict(env)
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        local[name] = value
    assert words[0] == "contoffice", line
    return subprocess.run([sys.executable, "-m", "contoffice", *words[1:]], env=local, cwd=cwd,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_every_readme_command_runs_on_the_demo_office(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTOFFICE_")}
    env |= {
        "CONTOFFICE_DATABASE_URL": f"sqlite:///{tmp_path / 'escritorio.sqlite3'}",
        "XDG_DATA_HOME": str(tmp_path / "dados"),  # the user data folder, error log included
        # what a clerk types at the `db password` prompt, kept by the tests' memory keyring
        "CONTOFFICE_DB_PASSWORD": "senha-do-servidor",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests" / "support")]),
    }
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    for line in readme_commands(README.read_text(encoding="utf-8")):
        words = shlex.split(line, comments=True)
        if words[0] == "export":
            env |= dict(word.partition("=")[::2] for word in words[1:])
            continue
        done = _run(line, env, tmp_path)
        assert done.returncode == 0, f"{line}\n{done.stderr}{done.stdout[-500:]}"
