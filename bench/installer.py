"""Size on disk and start time of the frozen onedir app (bench/README.md, "Installers").

`python bench/installer.py [--runs N]` builds the app with scripts/build_installer --reuse
(nothing to do when build/installer/dist/contoffice was built from this tree), then prints:
the onedir's size (`du`) and its .tar.gz, and the wall time of `contoffice --version` and of
`contoffice gui --selftest` (the login window opened, painted and closed) on a database
already migrated, median of N runs after one warm-up (a warm disk), offscreen, with their
CPU time (Linux: uses `du` and `resource`).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONEDIR = ROOT / "build" / "installer" / "dist" / "contoffice"
PROGRAM = ONEDIR / ("contoffice.exe" if os.name == "nt" else "contoffice")


def disk_mb(folder: Path) -> float:
    """What `du -s` says (blocks really used), in MB."""
    out = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def timed_runs(args: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds per run, after one untimed warm-up run.

    The CPU time says what the program costs when the machine is shared (the project's
    2 cores carry other work): the wall time then also counts the waits for a core.
    """
    wall, cpu = [], []
    for attempt in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(PROGRAM), *args], env=env, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if attempt:
            wall.append(elapsed)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    """Build (or reuse) the app and print the figures as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_installer"), "--reuse"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="contoffice-bench-") as folder:
        home = Path(folder)
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("CONTOFFICE_")},
               "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home / "data"),
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}
        url = f"sqlite:///{home / 'escritorio.sqlite3'}"
        subprocess.run([str(PROGRAM), "--database", url, "db", "upgrade"], env=env, check=True,
                       capture_output=True)
        version = timed_runs(["--version"], env, runs)
        window = timed_runs(["gui", "--database", url, "--selftest"], env, runs)
        load = os.getloadavg()[0]
    tarballs = sorted(ONEDIR.parents[1].glob("contoffice-*.tar.gz"))
    print("| what | figure | target |\n|---|---|---|")
    print(f"| onedir on disk (`du -s`) | {disk_mb(ONEDIR):.0f} MB | ≤ 200 MB |")
    if tarballs:
        print(f"| {tarballs[-1].name} | {tarballs[-1].stat().st_size / 2**20:.0f} MB | — |")
    for label, (wall, cpu), target in (
            ("`contoffice --version`", version, "—"),
            ("`gui --selftest`: login window painted, closed", window, "≤ 2 s")):
        print(f"| {label}: wall, median of {runs} (min) | {statistics.median(wall):.2f} s "
              f"({min(wall):.2f} s) | {target} |")
        print(f"| {label}: CPU, median | {statistics.median(cpu):.2f} s | — |")
    print(f"\nload average (1 min) at the end: {load:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
