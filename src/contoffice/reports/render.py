"""Public entry points: many boletos (or carnê parcelas) into one PDF, fast."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from contoffice.core.files import output_file
from contoffice.core.progress import Cancelled
from contoffice.reports._pdfmerge import merge_pdfs
from contoffice.reports._pdfops import Ops, font_names
from contoffice.reports.boleto_pdf import A4Layout
from contoffice.reports.boleto_slip import BoletoSlip
from contoffice.reports.carne_pdf import CarneLayout

CHECK_EVERY = 24  # slips between progress reports / cancel checks (a multiple of 3)
_A85_LOCK = threading.Lock()


class _Layout(Protocol):
    form_name: str
    slips_per_page: int

    def draw_frame(self, c: Canvas) -> None: ...
    def slip_ops(self, o: Ops, slip: BoletoSlip, index: int) -> None: ...
    def slip_images(self, c: Canvas, slip: BoletoSlip, index: int) -> None: ...


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Flate without ASCII85: a quarter smaller and faster; reportlab has only a global."""
    with _A85_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


@contextmanager
def output_target(out: str | Path | BinaryIO) -> Iterator[BinaryIO]:
    """A file object for out; a path goes through the one output writer (core.files)."""
    if not isinstance(out, str | Path):
        yield out
        return
    with output_file(out) as fh:
        yield fh


def _layout(carne: bool) -> _Layout:
    return CarneLayout() if carne else A4Layout()


def _check(progress: Any, done: int, total: int) -> None:
    if progress is None:
        return
    if progress.cancelled():
        raise Cancelled()
    progress.step(done, total, f"Boletos: {done} de {total}")


def _render_into(
    slips: Sequence[BoletoSlip], fh: BinaryIO, layout: _Layout, progress: Any = None
) -> int:
    """Draw every slip on a canvas writing to fh; return the page count."""
    if not slips:
        raise ValueError("nenhum boleto para imprimir")
    c = Canvas(fh, pagesize=A4, pageCompression=1)
    c.setTitle("Boletos")
    c.setCreator("contoffice")
    c.setAuthor("contoffice")
    # The static frame is stored once as a form XObject and referenced by every page.
    c.beginForm(layout.form_name)
    layout.draw_frame(c)
    c.endForm()
    fonts = font_names(c)
    per_page = layout.slips_per_page
    total = len(slips)
    pages = 0
    for start in range(0, total, per_page):
        if start % CHECK_EVERY == 0:
            _check(progress, start, total)
        c.doForm(layout.form_name)
        for index, slip in enumerate(slips[start : start + per_page]):
            o = Ops(fonts)
            layout.slip_ops(o, slip, index)
            c.addLiteral(o.code())
            layout.slip_images(c, slip, index)
        c.showPage()
        pages += 1
    with _binary_streams():
        c.save()
    if progress is not None:
        progress.step(total, total, f"Boletos: {total} de {total}")
    return pages


def render_boletos(
    slips: Sequence[BoletoSlip],
    out: str | Path | BinaryIO,
    *,
    carne: bool = False,
    progress: Any = None,
) -> int:
    """Render slips into one PDF (A4 boletos, or a carnê 3 per page); return pages."""
    with output_target(out) as fh:
        return _render_into(slips, fh, _layout(carne), progress)


def _render_chunk(slips: Sequence[BoletoSlip], carne: bool) -> bytes:
    """Worker: one chunk as PDF bytes."""
    buf = io.BytesIO()
    _render_into(slips, buf, _layout(carne))
    return buf.getvalue()


def render_boletos_parallel(
    slips: Sequence[BoletoSlip],
    out: str | Path | BinaryIO,
    *,
    carne: bool = False,
    workers: int = 2,
    progress: Any = None,
) -> int:
    """Like render_boletos, on `workers` cores: worker processes plus this one, then joined."""
    per_page = _layout(carne).slips_per_page
    if workers <= 1 or len(slips) < 300:
        return render_boletos(slips, out, carne=carne, progress=progress)
    total = len(slips)
    # This process renders its share too: one fork fewer, and it reports progress.
    own = -(-total // workers)
    own += -own % per_page  # a carnê page never straddles two parts
    rest = total - own
    # Several chunks per worker so a cancel waits for at most one chunk per worker.
    size = max(per_page, -(-rest // ((workers - 1) * 3)))
    size += -size % per_page
    chunks = [list(slips[i : i + size]) for i in range(own, total, size)]
    pool = ProcessPoolExecutor(max_workers=workers - 1)
    try:
        futures = [pool.submit(_render_chunk, chunk, carne) for chunk in chunks]
        buf = io.BytesIO()
        scaled = _Scaled(progress, total, workers)
        _render_into(slips[:own], buf, _layout(carne), scaled)
        results = [buf.getvalue()]
        done = own
        for future, chunk in zip(futures, chunks, strict=True):
            if scaled.cancelled():
                raise Cancelled()
            scaled.report(done)
            results.append(future.result())
            done += len(chunk)
    finally:
        # On cancel or error do not wait for chunks already running in the workers.
        pool.shutdown(wait=False, cancel_futures=True)
    with output_target(out) as fh:
        pages = merge_pdfs(results, fh)
    if progress is not None:
        progress.step(total, total, f"Boletos: {total} de {total}")
    return pages


class _Scaled:
    """Progress of this process's share, reported as an estimate of the whole job.

    The workers run alongside at about the same pace, so `done` slips here mean
    about `done × workers` overall; `shown` never goes backwards.
    """

    def __init__(self, progress: Any, total: int, workers: int) -> None:
        self._progress = progress
        self._total = total
        self._workers = workers
        self.shown = 0

    def cancelled(self) -> bool:
        """Whether the operator asked to stop."""
        return self._progress is not None and bool(self._progress.cancelled())

    def step(self, done: int, total: int, label: str = "") -> None:
        """Progress of this process's share: estimate the whole job from it."""
        self.report(done * self._workers)

    def report(self, done: int) -> None:
        """Report an overall count (clamped, monotonic) to the wrapped progress."""
        self.shown = max(self.shown, min(done, self._total - 1))
        if self._progress is not None:
            self._progress.step(self.shown, self._total, f"Boletos: {self.shown} de {self._total}")
