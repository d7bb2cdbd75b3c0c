"""poppler and zbar, the real decoders the PDF tests read boletos back with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def require_pdf_tools() -> None:
    """Skip locally when the tools are absent; under CI their absence is a failure."""
    missing = [tool for tool in ("pdftoppm", "pdftotext", "zbarimg") if not shutil.which(tool)]
    if missing:
        reason = f"{', '.join(missing)} not installed (apt-get install poppler-utils zbar-tools)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


class PdfTools:
    """pdftoppm / zbarimg / pdftotext wrappers."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp

    def pages(self, pdf: Path) -> list[Path]:
        """Rasterise every page at 300 dpi in grey (what an office laser would do)."""
        prefix = self.tmp / f"{pdf.stem}-page"
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(prefix)], check=True
        )
        return sorted(self.tmp.glob(f"{prefix.name}-*.png"))

    def decode(self, image: Path, symbology: str) -> list[str]:
        """Symbols of one kind (i25 or qrcode) that zbarimg finds on the image."""
        proc = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sdisable", f"-S{symbology}.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
        )
        # Exit 4 means "no symbol found"; anything else non-zero is a real failure.
        assert proc.returncode in (0, 4), proc.stderr
        return [line for line in proc.stdout.splitlines() if line]

    def text(self, pdf: Path) -> str:
        """pdftotext -layout of the whole document."""
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
