"""`contoffice invoices history ID`: pt-BR sentences, never keys nor Python values."""

from __future__ import annotations

import re

import pytest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import open_invoices, run


def test_history_text_reads_sentences(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    (invoice_id,) = open_invoices(db, actor, 1)
    altered = run(capsys, db_url, "invoices", "alter", str(invoice_id), "--description",
                  "Honorários 11/2026", "--justification", "texto do contrato")
    assert altered.code == 0, altered.err
    shown = run(capsys, db_url, "invoices", "history", str(invoice_id))
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    changed = [line for line in lines if "Descrição alterada" in line]
    assert len(changed) == 1
    assert re.search(r"  Descrição alterada +Descrição alterada de «Honorários» para "
                     r"«Honorários 11/2026» por \S.* — texto do contrato$", changed[0])
    assert not re.search(r"\{|\}|datetime|<|>|\b\w+_\w+\b|invoice\.", shown.out), shown.out
