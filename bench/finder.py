"""Finder queries on the benchmark office, SQLite and PostgreSQL. Target: each < 50 ms.

Usage: python bench/finder.py [--rebuild] [--no-postgres]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from office import postgres_office, sqlite_office, stop_postgres

from contoffice.core.paging import PageRequest
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from contoffice.services.people import finder

QUERIES: dict[str, Callable[[Database], object]] = {
    "latest 1,000 active": lambda db: finder.latest_active(db.uow(), PageRequest(limit=1000)),
    "active, name prefix 'mar'": lambda db: finder.search_people(
        db.uow(), PageRequest({"active": True, "name": "mar"}, limit=200)
    ),
    "advanced: city 'campinas' + PJ": lambda db: finder.search_people(
        db.uow(), PageRequest({"city": "campinas", "kind": "PJ"}, limit=200)
    ),
    "document prefix '12ABC'": lambda db: finder.search_people(
        db.uow(), PageRequest({"document": "12.ABC"}, limit=200)
    ),
}


def _box(typed: str) -> Callable[[Database], object]:
    """The finder's search box on "Cadastros ativos": one 200-row page and its count."""
    request = PageRequest({"active": True, finder.FREE_TEXT: typed}, limit=200)
    return lambda db: finder.search_people(db.uow(), request)


# The search box (SCENARIOS 2): any part, through FTS5 trigram / pg_trgm.
QUERIES.update({
    "box: name part 'pão quente'": _box("pão quente"),
    "box: name part 'QUENTE'": _box("QUENTE"),
    "box: CNPJ part '345/01de'": _box("345/01de"),
    "box: CNPJ masked '12.abc.345/01de-35'": _box("12.abc.345/01de-35"),
    "box: e-mail part 'pao.quente'": _box("pao.quente"),
    "box: phone digits '3456-78'": _box("3456-78"),
    "box: common word 'silva'": _box("silva"),
    "box: 'ltda' (a fifth of the office)": _box("ltda"),
    "box: 2 letters 'ma' (prefix fallback)": _box("ma"),
})


def time_queries(db: Database, repeat: int = 15) -> dict[str, float]:
    """Median milliseconds of each query (after one warm-up run)."""
    results = {}
    for name, query in QUERIES.items():
        query(db)
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            query(db)
            samples.append((time.perf_counter() - started) * 1000)
        results[name] = statistics.median(samples)
    return results


def demo_200k_people_seconds() -> float:
    """`demo --people 200000` with its default proportions, on a fresh SQLite file."""
    import tempfile

    from contoffice.services.admin.setup import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{folder}/demo.sqlite3")
        started = time.perf_counter()
        build_demo(db, people=200_000, seed=1)
        elapsed = time.perf_counter() - started
        db.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--skip-demo", action="store_true")
    args = parser.parse_args()
    if not args.skip_demo:
        print(f"demo --people 200000 (SQLite): {demo_200k_people_seconds():.1f} s")
    db, built = sqlite_office(args.rebuild)
    if built is not None:
        print(f"benchmark office built on SQLite in {built:.1f} s")
    for name, ms in time_queries(db).items():
        print(f"SQLite      {name:<42} {ms:7.1f} ms")
    db.dispose()
    if args.no_postgres:
        return
    pg, built, folder = postgres_office()
    try:
        print(f"benchmark office built on PostgreSQL in {built:.1f} s")
        for name, ms in time_queries(pg).items():
            print(f"PostgreSQL  {name:<42} {ms:7.1f} ms")
    finally:
        pg.dispose()
        stop_postgres(folder)


if __name__ == "__main__":
    main()
