"""Commands that write a file the clerk names never replace a device, a FIFO or a symlink."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from contoffice.cli import main
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from tests.core.test_files import character_device
from tests.support.fifos import FifoReader


def _ids(db: Database, *statuses: str, n: int = 2) -> str:
    with db.uow() as uow:
        ids = uow.session.scalars(select(Invoice.id).where(
            Invoice.status.in_(statuses), Invoice.direction == "R",
            Invoice.payment_profile_id.is_not(None)).order_by(Invoice.id).limit(n))
        return ",".join(map(str, ids))


def test_a_receipt_into_a_character_device_leaves_the_device(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saida"
    folder.mkdir()
    device = character_device(folder)  # a null device made here, never /dev/null itself
    build_demo(db, people=30, seed=4)
    # The command, run as root: the device used to be renamed over.
    assert main(["invoices", "receipt", "--invoices", _ids(db, "settled", "partial"),
                 "-o", str(device), "--database", db_url]) == 0
    assert stat.S_ISCHR(device.lstat().st_mode) and os.listdir(folder) == ["null"]
    capsys.readouterr()


def test_pdfs_and_spreadsheets_go_into_a_fifo_and_through_a_link(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db, people=30, seed=4)
    base = ["--database", db_url]
    boletos = FifoReader(tmp_path / "boletos")
    assert main(["boleto", "pdf", "--invoices", _ids(db, "open"), "-o", str(boletos.path),
                 *base]) == 0
    pdf = boletos.received()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    sheet = FifoReader(tmp_path / "planilha")
    assert main(["export", "finder.active", "-o", str(sheet.path), "--columns", "id,name",
                 *base]) == 0
    rows = list(load_workbook(io.BytesIO(sheet.received())).active.iter_rows(values_only=True))
    assert rows[1] == ("Código", "Cliente") and len(rows) > 2  # under the title row
    real = tmp_path / "recibos.pdf"
    real.write_bytes(b"antigo")
    link = tmp_path / "atalho.pdf"
    link.symlink_to(real)
    assert main(["invoices", "receipt", "--invoices", _ids(db, "settled", "partial"),
                 "-o", str(link), *base]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
