"""Window benchmark on the benchmark office (DESIGN.md targets; figures in bench/README.md).

    contoffice demo --people 200000 --contracts 20000 --invoices 1000000 \
        --database sqlite:////tmp/bench.sqlite3
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window.py [--database URL]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Qt and the app are imported: "after start"

import argparse  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from contoffice.db.models import Invoice, Person  # noqa: E402
from contoffice.db.uow import Database  # noqa: E402
from contoffice.services.admin.operators import system_actor  # noqa: E402
from contoffice.ui.app import application  # noqa: E402
from contoffice.ui.context import WindowContext  # noqa: E402
from contoffice.ui.main_window import MainWindow  # noqa: E402
from contoffice.ui.settings import DeskSettings  # noqa: E402

BIG_CLIENT_INVOICES = 5000
TARGETS = {"window": 2000, "finder": 100, "keystroke": 150, "client": 300, "rss": 300}


def rss_mb() -> float:
    """Resident memory of this process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def big_client(db: Database) -> int:
    """A client with 5,000 invoices (added once to the benchmark office)."""
    with db.uow() as uow:
        person_id = uow.session.scalar(select(func.min(Person.id)).where(Person.active))
        count = uow.session.scalar(select(func.count()).select_from(Invoice)
                                   .where(Invoice.person_id == person_id)) or 0
        if count < BIG_CLIENT_INVOICES:
            today = date.today()
            rows = [{"person_id": person_id, "direction": "R", "description": f"Avulsa {i}",
                     "issue_date": today, "due_date": today - timedelta(days=i % 900),
                     "amount_cents": 10_000 + i, "status": "open" if i % 7 else "settled"}
                    for i in range(BIG_CLIENT_INVOICES - count)]
            uow.session.execute(insert(Invoice), rows)
            uow.commit()
        return int(person_id)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="sqlite:////tmp/bench.sqlite3")
    args = parser.parse_args()
    db = Database(args.database)
    app = application()
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    settings = DeskSettings(Path(tempfile.mkdtemp()) / "desk.ini")
    window = MainWindow(WindowContext(db, actor, settings))
    window.show()
    app.processEvents()
    results = {"window": ms(time.perf_counter() - STARTED)}

    finder = window.finder
    started = time.perf_counter()
    finder.latest.model.reload()
    finder.latest.grid.table.viewport().repaint()
    latest = time.perf_counter() - started
    finder.setCurrentWidget(finder.active)
    started = time.perf_counter()
    model = finder.active.model
    model.armed = True
    model.apply(model.first_page())  # "listar todos": what the worker does, timed here
    finder.active.grid.table.viewport().repaint()
    results["finder"] = ms(max(latest, time.perf_counter() - started))

    edit = finder.active.grid.filters.edits[2]  # Cliente
    resets = {"n": 0}
    model.modelReset.connect(lambda: resets.__setitem__("n", resets["n"] + 1))
    worst = 0.0
    for key in "mari":
        before = resets["n"]
        started = time.perf_counter()
        QTest.keyClick(edit, key)
        while resets["n"] == before:
            app.processEvents()
        finder.active.grid.table.viewport().repaint()
        worst = max(worst, time.perf_counter() - started)
    results["keystroke"] = ms(worst)

    person_id = big_client(db)
    started = time.perf_counter()
    tab = window.open_client(person_id)
    tab.show_page("client.receivable")
    app.processEvents()
    results["client"] = ms(time.perf_counter() - started)
    results["client_rows"] = tab.pages["client.receivable"].model.rowCount()

    with db.uow() as uow:
        others = list(uow.session.scalars(select(Invoice.person_id).distinct().limit(10)))
    for other in others:
        window.open_client(other).show_page("client.receivable")
        app.processEvents()
    results["rss"] = round(rss_mb(), 1)
    window.close()
    print(f"window shown after start:        {results['window']:8.1f} ms  (≤ 2000)")
    print(f"finder first page:               {results['finder']:8.1f} ms  (≤ 100)")
    print(f"column-filter keystroke → grid:  {results['keystroke']:8.1f} ms  (≤ 150)")
    print(f"client panel, {results['client_rows']} invoices:    "
          f"{results['client']:8.1f} ms  (≤ 300)")
    print(f"RSS after ten client panels:     {results['rss']:8.1f} MB  (≤ 300)")


if __name__ == "__main__":
    main()
