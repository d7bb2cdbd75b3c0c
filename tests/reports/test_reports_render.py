"""Progress, cancel (no partial file), the parallel renderer and the PDF joiner."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from contoffice.core.progress import Cancelled
from contoffice.reports import render_boletos, render_boletos_parallel
from contoffice.reports.render import CHECK_EVERY
from tests.reports.samples import VECTORS


class Recorder:
    """Progress that cancels after `stop_after` reports (never, when None)."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.steps: list[tuple[int, int]] = []
        self.stop_after = stop_after

    def step(self, done: int, total: int, label: str = "") -> None:
        self.steps.append((done, total))

    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.steps) >= self.stop_after


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def test_progress_reaches_the_total(tmp_path: Path, make_slip) -> None:
    progress = Recorder()
    slips = [make_slip(n) for n in range(CHECK_EVERY * 2 + 5)]
    render_boletos(slips, tmp_path / "a.pdf", progress=progress)
    assert progress.steps[-1] == (len(slips), len(slips))
    assert len(progress.steps) >= 3


@pytest.mark.parametrize("carne", [False, True])
def test_cancel_leaves_no_file(tmp_path: Path, make_slip, carne: bool) -> None:
    target = tmp_path / "cancelled.pdf"
    slips = [make_slip(n) for n in range(CHECK_EVERY * 4)]
    with pytest.raises(Cancelled):
        render_boletos(slips, target, carne=carne, progress=Recorder(stop_after=2))
    assert list(tmp_path.iterdir()) == []


def test_cancel_in_parallel_leaves_no_file(tmp_path: Path, make_slip) -> None:
    target = tmp_path / "cancelled.pdf"
    slips = [make_slip(n) for n in range(600)]
    with pytest.raises(Cancelled):
        render_boletos_parallel(slips, target, progress=Recorder(stop_after=2))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_survives_a_cancel(tmp_path: Path, make_slip) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(Cancelled):
        render_boletos([make_slip(n) for n in range(100)], target, progress=Recorder(1))
    assert target.read_bytes() == b"previous"


@pytest.mark.parametrize("carne", [False, True])
def test_parallel_joins_every_page_in_order(
    tmp_path: Path, make_slip, pdf_tools, carne: bool
) -> None:
    count = 601  # odd on purpose: a partial last carnê page
    slips = [make_slip(n, document_number=f"DOC{n:05d}") for n in range(count)]
    target = tmp_path / "parallel.pdf"
    progress = Recorder()
    pages = render_boletos_parallel(slips, target, carne=carne, workers=2, progress=progress)
    per_page = 3 if carne else 1
    assert pages == -(-count // per_page) == _page_count(target)
    assert progress.steps[-1] == (count, count)
    done = [d for d, _ in progress.steps]
    assert done == sorted(done)
    text = pdf_tools.text(target)
    # Document numbers appear in slip order across the joined chunks.
    positions = [text.index(f"DOC{n:05d}") for n in range(0, count, 50)]
    assert positions == sorted(positions)
    # The last page (from a worker's chunk) still decodes.
    last = pages
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            str(last),
            "-l",
            str(last),
            str(target),
            str(tmp_path / "last"),
        ],
        check=True,
    )
    (image,) = tmp_path.glob("last-*.png")
    assert pdf_tools.decode(image, "i25") == [VECTORS[(count - 1) % len(VECTORS)][0]]
