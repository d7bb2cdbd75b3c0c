"""`contoffice export`: a grid with the screen's filters to XLSX, and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from contoffice.cli import main
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo


@pytest.mark.db
def test_export_a_filtered_grid(db: Database, db_url: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    build_demo(db, people=30, seed=5)
    target = tmp_path / "ativos.xlsx"
    code = main(["export", "finder.active", "-o", str(target), "--database", db_url,
                 "--filter", "city=s", "--columns", "id,name,city", "--sort=-id", "--json"])
    assert code == 0
    title, *rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert "Cadastros ativos" in title[0] and "Cidade: s" in title[0]  # the title row
    assert rows[0] == ("Código", "Cliente", "Cidade")
    assert all(r[2].lower().startswith("s") for r in rows[1:])
    assert [r[0] for r in rows[1:]] == sorted((r[0] for r in rows[1:]), reverse=True)
    assert f'"rows": {len(rows) - 1}' in capsys.readouterr().out


def test_refusals_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert main(["export", "client.receivable", "-o", str(tmp_path / "a.xlsx"),
                 "--database", url]) == 2
    assert main(["export", "finder.latest", "-o", str(tmp_path / "a.xlsx"), "--database", url,
                 "--filter", "nope=1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "--person" in err[0] and "nope" in err[1]
