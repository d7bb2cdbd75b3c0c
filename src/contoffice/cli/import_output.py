"""How `contoffice import` prints a plan: text for a clerk, or JSON with every row."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from contoffice.cli import emit_json
from contoffice.cli.rows import EXIT_REFUSED


def show(args: argparse.Namespace, plan: Any, labels: Mapping[str, str], noun: str, *,
         created: tuple[tuple[int, int], ...], applied: bool) -> int:
    """Print the plan (text or JSON); the exit code its refused rows give."""
    refused = plan.refused
    if args.json:
        codes = dict(created)
        emit_json({
            "file": plan.file, "dry_run": args.dry_run, "applied": applied,
            "rows": len(plan.rows), "accepted": len(plan.rows) - len(refused),
            "columns": [{"column": h, "field": c or None}
                        for h, c in zip(plan.headers, plan.columns, strict=True)],
            "refused": [{"row": r.row, "name": r.name, "document": r.document,
                         "reason": r.reason} for r in refused],
            "created": [{"row": row, "code": code} for row, code in created],
            "lines": [{"row": r.row, "name": r.name, "document": r.document,
                       "outcome": "create" if r.ok else "refused", "reason": r.reason or None,
                       "code": codes.get(r.row)} for r in plan.rows],
        })
    else:
        _print_text(args, plan, labels, noun, created, applied)
    return EXIT_REFUSED if refused else 0


def _print_text(args: argparse.Namespace, plan: Any, labels: Mapping[str, str], noun: str,
                created: tuple[tuple[int, int], ...], applied: bool) -> None:
    refused = plan.refused
    accepted = len(plan.rows) - len(refused)
    pairs = [f"«{h}» → {labels[c]}" for h, c in zip(plan.headers, plan.columns, strict=True) if c]
    print(f"Colunas: {'; '.join(pairs)}.")
    if applied:
        codes = f" (códigos {created[0][1]} a {created[-1][1]})" if created else ""
        print(f"Importado(s) {len(created)} {noun} de {plan.file}{codes}; "
              f"{len(refused)} linha(s) recusada(s) deixada(s) de fora.")
    else:
        head = "Simulação (nada gravado)" if args.dry_run else "Nada gravado"
        print(f"{head}: {plan.file}, {len(plan.rows)} linha(s): {accepted} a criar, "
              f"{len(refused)} recusada(s).")
    for row in refused:
        who = f" ({row.name})" if row.name else ""
        print(f"  linha {row.row}{who}: {row.reason}")
