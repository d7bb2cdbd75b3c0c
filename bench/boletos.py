"""Benchmark: 2,000 boletos into one PDF with contoffice and with pyboleto; a 12,000-slip carnê.

pyboleto (PyPI sdist 0.3.1) is fetched at run time with pip into a temporary
folder and imported from the unpacked sdist; its code is never kept here.
Both renderers get the same data: pyboleto computes the barcode and linha
(due dates before the 2025 factor wrap, which it cannot handle) and our
slips print exactly those values.

    .venv/bin/python bench/boletos.py [--count 2000] [--carne 12000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tarfile
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from contoffice.reports import BoletoSlip, render_boletos, render_boletos_parallel

PYBOLETO = "pyboleto==0.3.1"


def fetch_pyboleto(tmp: Path) -> None:
    """pip download the sdist (no build), unpack it and put it on sys.path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "-q",
            PYBOLETO,
            "-d",
            str(tmp),
        ],
        check=True,
    )
    (archive,) = tmp.glob("pyboleto-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
    sys.path.insert(0, str(next(p for p in tmp.iterdir() if p.is_dir())))


def pyboleto_data(count: int) -> list:
    """count Itaú boletos as pyboleto objects (varied payer, amount and due date)."""
    from pyboleto.bank.itau import BoletoItau

    data = []
    for i in range(count):
        d = BoletoItau()
        d.carteira = "109"
        d.agencia_cedente = "1248"
        d.conta_cedente = "02124"
        d.nosso_numero = f"{10152 + i:08d}"
        d.numero_documento = f"{2024000 + i}"
        d.cedente = "Escritório Contábil Exemplo Ltda"
        d.cedente_documento = "11.222.333/0001-81"
        d.cedente_endereco = "Rua das Flores, 123 - Centro - São Paulo/SP - CEP 01001-000"
        d.data_vencimento = dt.date(2024, 1, 10) + dt.timedelta(days=i % 365)
        d.data_documento = d.data_processamento = dt.date(2024, 1, 2)
        d.valor_documento = Decimal(15000 + i * 7) / 100
        d.instrucoes = ["Após o vencimento, multa de 2,00%", "Juros de mora de 1% ao mês"]
        d.demonstrativo = ["Honorários contábeis"]
        d.sacado = [f"Cliente {i:05d} Comércio Ltda", "Av. Paulista, 1000 - São Paulo/SP", ""]
        data.append(d)
    return data


def slips_from(data: list) -> list[BoletoSlip]:
    """The same boletos as contoffice slips (barcode and linha as pyboleto computed them)."""
    return [
        BoletoSlip(
            bank_code_with_dv=d.codigo_dv_banco,
            bank_name="Banco Itaú S.A.",
            digitable_line_formatted=d.linha_digitavel,
            barcode=d.barcode,
            beneficiary_name=d.cedente,
            beneficiary_document=d.cedente_documento,
            beneficiary_address=d.cedente_endereco,
            agency_account=d.agencia_conta_cedente,
            document_number=d.numero_documento,
            our_number=d.format_nosso_numero(),
            wallet=d.carteira,
            amount_cents=15000 + i * 7,
            payer_name=d.sacado[0],
            payer_document="123.456.789-09",
            payer_address_lines=(d.sacado[1],),
            due_date=d.data_vencimento,
            document_date=d.data_documento,
            processing_date=d.data_processamento,
            fine_line=d.instrucoes[0],
            interest_line=d.instrucoes[1],
            installment_label=f"Parcela {i % 12 + 1:02d}/12",
        )
        for i, d in enumerate(data)
    ]


def timed(label: str, count: int, fn) -> float:
    """Run fn once and print its rate; return seconds."""
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<42} {seconds:7.2f} s  {count / seconds:8.0f} boletos/s")
    return seconds


def main() -> None:
    """Run both renderers on the same data and print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--carne", type=int, default=12000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        fetch_pyboleto(tmp)
        from pyboleto.pdf import BoletoPDF

        data = pyboleto_data(args.count)
        slips = slips_from(data)
        n = args.count

        # contoffice first: pyboleto's run leaves a large heap, and forked workers
        # inherit it (copy-on-write), which would slow our parallel runs, not pyboleto's.
        t_one = timed(
            f"contoffice, {n} boletos, 1 core", n, lambda: render_boletos(slips, tmp / "ours.pdf")
        )
        t_par = timed(
            f"contoffice, {n} boletos, {args.workers} workers",
            n,
            lambda: render_boletos_parallel(slips, tmp / "ours-par.pdf", workers=args.workers),
        )
        big = [slips[i % n] for i in range(args.carne)]
        timed(
            f"contoffice carnê, {args.carne} slips, 1 core",
            args.carne,
            lambda: render_boletos(big, tmp / "carne.pdf", carne=True),
        )
        timed(
            f"contoffice carnê, {args.carne} slips, {args.workers} workers",
            args.carne,
            lambda: render_boletos_parallel(
                big, tmp / "carne-par.pdf", carne=True, workers=args.workers
            ),
        )
        size = (tmp / "carne-par.pdf").stat().st_size / 1e6
        print(f"carnê PDF: {-(-args.carne // 3)} pages, {size:.1f} MB")

        def run_pyboleto() -> None:
            pdf = BoletoPDF(str(tmp / "pyboleto.pdf"))
            for d in data:
                pdf.drawBoleto(d)
                pdf.nextPage()
            pdf.save()

        t_py = timed(f"pyboleto 0.3.1, {n} boletos", n, run_pyboleto)
        print(
            f"ratio vs pyboleto: 1 core {t_py / t_one:.1f}x, "
            f"{args.workers} workers {t_py / t_par:.1f}x"
        )


if __name__ == "__main__":
    main()
