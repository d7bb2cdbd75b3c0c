"""Importing contracts for clients already imported: per-row refusals, all or nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.db.models import AuditEvent, Contract
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput
from contoffice.services.contracts import import_messages as m
from contoffice.services.contracts import importing as contracts
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import import_mapping, importing
from tests.services.people import sheets

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 20)
HEADER = ("CPF/CNPJ", "Plano", "Valor mensal", "Início", "Dia de vencimento", "Descrição")


def _clients(db: Database, actor: Actor, tmp_path: Path) -> list[list[str]]:
    data = sheets.rows(4)
    sheet = importing.read_file(sheets.write_csv(tmp_path / "clientes.csv", data))
    importing.apply_import(db.uow(), actor, sheet, import_mapping.guess(sheet.headers))
    return data


def _contracts(tmp_path: Path, clients: list[list[str]]) -> Path:
    a, b, c, d = (row[2] for row in clients)
    rows = [
        [a, "Contábil Completo", "1.234,56", date(2026, 1, 1), 5, "migrado"],  # row 2
        [b, "Folha", "350", "15/03/2026", "", ""],  # row 3: due day 10 by default
        [c, "Fiscal", "R$ 99,90", "", 31, ""],  # row 4: starts today
        ["529.982.247-25", "Folha", "100,00", "", "", ""],  # row 5: not a client
        [d, "Folha", "abc", "", "", ""],  # row 6
        [d, "Folha", "0,00", "", "", ""],  # row 7
        [d, "Folha", "10,00", "", "40", ""],  # row 8
        [d, "", "10,00", "", "", ""],  # row 9
        [a, "contábil completo", "10,00", "", "", ""],  # row 10 repeats row 2
        [d, "Folha", "10,00", "31/02/2026", "", ""],  # row 11
    ]
    return sheets.write_xlsx(tmp_path / "contratos.xlsx", rows, header=HEADER)


def _count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Contract)) or 0)


def test_dry_run_then_all_or_nothing_then_the_accepted_rows(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    sheet = importing.read_file(_contracts(tmp_path, _clients(db, actor, tmp_path)))
    columns = contracts.MAP.guess(sheet.headers)
    assert columns == ("document", "plan", "fee", "starts_on", "due_day", "description")
    plan = contracts.preview_contracts(db.uow(), actor, sheet, columns, today=TODAY)
    reasons = {r.row: r.reason for r in plan.refused}
    assert sorted(reasons) == [5, 6, 7, 8, 9, 10, 11]
    assert reasons[5] == m.CLIENT_UNKNOWN.format(document="529.982.247-25")
    assert reasons[6].startswith("Valor do plano inválido")
    assert reasons[7] == "O valor deve ser maior que zero."
    assert reasons[8] == m.DUE_DAY_INVALID.format(day="40")
    assert reasons[9] == m.PLAN_EMPTY and reasons[10] == m.REPEATED.format(first=2)
    assert reasons[11].startswith("Início inválid")
    assert [r.name for r in plan.accepted] == ["Cliente 1 da Silva", "Cliente 2 da Silva",
                                              "Empresa 3 Ltda"]
    with pytest.raises(contracts.ContractsRefused):
        contracts.apply_contracts(db.uow(), actor, sheet, columns, today=TODAY)
    assert _count(db) == 0
    result = contracts.apply_contracts(db.uow(), actor, sheet, columns, skip_refused=True,
                                       today=TODAY)
    assert [row for row, _code in result.created] == [2, 3, 4]
    with db.uow() as uow:
        made = {c.plan: c for c in uow.session.scalars(select(Contract))}
        assert (made["Contábil Completo"].fee_cents, made["Contábil Completo"].starts_on,
                made["Contábil Completo"].due_day) == (123456, date(2026, 1, 1), 5)
        assert (made["Folha"].due_day, made["Folha"].starts_on) == (10, date(2026, 3, 15))
        assert made["Fiscal"].starts_on == TODAY and made["Fiscal"].status == "active"
        notes = uow.session.scalars(select(AuditEvent.justification).where(
            AuditEvent.action == "contract.created")).all()
        assert sorted(notes) == [m.AUDIT_NOTE.format(file="contratos.xlsx", row=n)
                                 for n in (2, 3, 4)]
        after = uow.session.scalar(select(AuditEvent.after).where(
            AuditEvent.entity_id == made["Folha"].id, AuditEvent.entity == "contract"))
        assert json.loads(after or "{}")["fee_cents"] == 35000
    again = contracts.preview_contracts(db.uow(), actor, sheet, columns, today=TODAY)
    assert again.rows[0].reason == m.ALREADY_ACTIVE.format(
        code=made["Contábil Completo"].id, plan="Contábil Completo")


def test_a_sheet_without_plan_or_value_is_refused_naming_them(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    path = sheets.write_csv(tmp_path / "c.csv", [["1", "x"]], header=("CPF", "Coisa"))
    sheet = importing.read_file(path)
    with pytest.raises(InvalidInput, match="não tem coluna para: Plano, Valor do plano"):
        contracts.preview_contracts(db.uow(), actor, sheet, contracts.MAP.guess(sheet.headers))
