"""NFS-e DPS throughput: build, validate against the XSD and sign 1,000 DPS on one core.

    .venv/bin/python bench/fiscal_dps.py [--count 1000] [--profile sha256|sha1]

The DPS are the fiscal tests' random documents (PF, PJ, alphanumeric CNPJ, Simples and not,
substitution, withheld ISS); the certificate is a fresh self-signed RSA 2048 A1. The process
is pinned to one CPU. Target: at least 100 DPS/s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contoffice.fiscal.dps import build_dps  # noqa: E402
from contoffice.fiscal.schema import schema, validate  # noqa: E402
from contoffice.fiscal.signing import sign  # noqa: E402
from tests.fiscal.samples import certificate, random_dps  # noqa: E402


def main() -> None:
    """Run the benchmark and print the rate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--profile", choices=["sha256", "sha1"], default="sha256")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    rng = random.Random(2026)
    data = [random_dps(rng, i) for i in range(args.count)]
    cert = certificate()
    schema("dps")  # compile once, as the running program does
    started = time.perf_counter()
    total = 0
    for item in data:
        xml = build_dps(item)
        validate(xml)
        total += len(sign(xml, cert, args.profile))
    elapsed = time.perf_counter() - started
    rate = args.count / elapsed
    print(f"{args.count} DPS built, validated and signed ({args.profile}) in {elapsed:.2f} s: "
          f"{rate:.0f} DPS/s (target >= 100/s); {total / args.count:.0f} bytes each")


if __name__ == "__main__":
    main()
