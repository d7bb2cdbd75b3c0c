"""Relatórios over a built office with known numbers, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services import reporting
from contoffice.services.kernel.permissions import Actor
from contoffice.services.panels.grid_export import ExportFailed
from contoffice.services.reporting import AuditFilter, Chart, Unit
from tests.services.reporting.support import TODAY, Office, build


@pytest.fixture
def office(db: Database, actor: Actor) -> Office:
    return build(db, actor)


def test_revenue_billed_against_received(db: Database, actor: Actor, office: Office) -> None:
    report = reporting.revenue_by_month(db.uow(), actor, date(2026, 9, 1), date(2026, 11, 30))
    assert report.categories == ("09/2026", "10/2026", "11/2026")
    # Removed, suspended and payable invoices are not billed; the estorno of 10/2026's
    # R$ 15,00 comes off November's receipts; the payable's settlement is no revenue.
    assert [(r.billed_cents, r.received_cents) for r in report.rows] == [
        (10_000, 0), (16_000, 10_500), (5_000, 500)]
    assert [s.name for s in report.series] == ["Faturado", "Recebido"]
    assert report.series[0].values == (10_000, 16_000, 5_000)
    assert report.chart is Chart.BARS and report.series[0].unit is Unit.MONEY
    assert report.values()[1][0] == date(2026, 10, 1)


def test_aging_buckets_of_the_whole_office(db: Database, actor: Actor, office: Office) -> None:
    report = reporting.aging(db.uow(), actor, TODAY)
    assert [(r.bucket, r.invoices, r.amount_cents) for r in report.rows] == [
        ("A vencer", 1, 8_000), ("1–30 dias", 1, 3_000), ("31–60 dias", 1, 7_000),
        ("61–90 dias", 1, 10_000), ("> 90 dias", 1, 20_000)]
    assert report.series[0].values == (8_000, 3_000, 7_000, 10_000, 20_000)


def test_delinquency_is_the_overdue_share_of_what_fell_due(
        db: Database, actor: Actor, office: Office) -> None:
    report = reporting.delinquency_by_month(db.uow(), actor, date(2026, 9, 1),
                                            date(2026, 12, 1), TODAY)
    assert [(r.due_cents, r.overdue_cents, r.rate_bp, r.rate) for r in report.rows] == [
        (10_000, 10_000, 10_000, "100,00%"),
        (16_000, 7_000, 4_375, "43,75%"),
        (5_000, 3_000, 6_000, "60,00%"),
        (8_000, 0, 0, "0,00%"),  # not due yet: nothing overdue
    ]
    assert report.chart is Chart.LINE and report.series[0].unit is Unit.PERCENT


def test_top_debtors_by_open_balance(db: Database, actor: Actor, office: Office) -> None:
    report = reporting.top_debtors(db.uow(), actor, TODAY, limit=3)
    assert [(r.position, r.person_id, r.balance_cents, r.overdue_cents, r.oldest_due)
            for r in report.rows] == [
        (1, office.beta, 28_000, 20_000, date(2026, 7, 1)),
        (2, office.alfa, 13_000, 13_000, date(2026, 9, 10)),
        (3, office.gama, 7_000, 7_000, date(2026, 10, 15))]
    assert report.categories == ("Beta Comércio", "Alfa Contabilidade", "Gama Serviços")
    top = reporting.top_debtors(db.uow(), actor, TODAY, limit=1)
    assert [r.name for r in top.rows] == ["Beta Comércio"]


def test_spc_lists_the_marked_invoices(db: Database, actor: Actor, office: Office) -> None:
    report = reporting.spc_invoices(db.uow(), actor)
    assert [(r.invoice_id, r.name, r.balance_cents, r.status) for r in report.rows] == [
        (office.spc_invoice, "Beta Comércio", 20_000, "Em aberto")]  # the removed one is gone
    assert report.categories == ("07/2026",) and report.series[0].values == (20_000,)


def test_forecast_leaves_suspended_contracts_out(db: Database, actor: Actor,
                                                 office: Office) -> None:
    report = reporting.fee_forecast(db.uow(), actor, date(2026, 12, 1), months=4)
    assert [(r.month, r.contracts, r.fees_cents) for r in report.rows] == [
        (date(2026, 12, 1), 3, 130_000), (date(2027, 1, 1), 2, 110_000),
        (date(2027, 2, 1), 2, 130_000), (date(2027, 3, 1), 2, 130_000)]
    with pytest.raises(InvalidInput):
        reporting.fee_forecast(db.uow(), actor, date(2026, 12, 1), months=0)


def test_audit_log_filters(db: Database, actor: Actor, office: Office) -> None:
    def ids(wanted: AuditFilter) -> list[tuple[str, str]]:
        report = reporting.audit_log(db.uow(), actor, wanted)
        return [(r.action, r.client) for r in report.rows]

    by_ana = reporting.audit_log(db.uow(), actor, AuditFilter(operator_id=office.ana))
    assert [(r.action, r.client) for r in by_ana.rows] == [
        ("Adicionada ao SPC", "Beta Comércio"), ("Contrato suspenso", "Gama Serviços")]
    assert all("Ana" in r.detail for r in by_ana.rows)
    assert "pedido do cliente" in by_ana.rows[1].detail
    assert by_ana.categories == ("Ana",) and by_ana.series[0].values == (2,)
    # One local day: 02:00 UTC of the 11th is still the 10th in São Paulo.
    assert ids(AuditFilter(first=date(2026, 11, 10), last=date(2026, 11, 10))) == [
        ("Cadastro alterado", "Alfa Contabilidade"), ("Adicionada ao SPC", "Beta Comércio")]
    assert ids(AuditFilter(action="contract.suspended")) == [
        ("Contrato suspenso", "Gama Serviços")]
    assert ids(AuditFilter(client="beta")) == [("Adicionada ao SPC", "Beta Comércio")]
    assert ids(AuditFilter(client=str(office.alfa))) == [
        ("Cadastro alterado", "Alfa Contabilidade")]
    with pytest.raises(InvalidInput):
        reporting.audit_log(db.uow(), actor, AuditFilter(first=TODAY, last=date(2026, 1, 1)))
    choices = reporting.choices(db.uow(), actor)
    assert (office.ana, "Ana") in choices.operators
    assert ("invoice.spc_added", "Adicionada ao SPC") in choices.actions


def test_permissions_and_bad_periods(db: Database, actor: Actor, office: Office) -> None:
    viewer = Actor(actor.id, "bia", "Bia", permissions=frozenset({"reports.view"}))
    nobody = Actor(actor.id, "caio", "Caio", permissions=frozenset({"people.view"}))
    assert reporting.aging(db.uow(), viewer, TODAY).rows
    with pytest.raises(NotAllowed):
        reporting.aging(db.uow(), nobody, TODAY)
    with pytest.raises(NotAllowed):
        reporting.audit_log(db.uow(), viewer, AuditFilter())
    with pytest.raises(InvalidInput, match="invertido"):
        reporting.revenue_by_month(db.uow(), viewer, date(2026, 11, 1), date(2026, 9, 1))


def test_export_writes_the_table(db: Database, actor: Actor, office: Office,
                                 tmp_path: Path) -> None:
    report = reporting.revenue_by_month(db.uow(), actor, date(2026, 9, 1), date(2026, 11, 1))
    target = tmp_path / "receita.xlsx"
    assert reporting.export_report(db.uow(), actor, report, target) == 3
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    header = rows.index(("Mês", "Faturado", "Recebido", "Diferença"))
    assert "Receita por mês" in str(rows[0][0]) and "09/2026 a 11/2026" in str(rows[0][0])
    assert [float(v) for v in rows[header + 2][1:]] == [160.0, 105.0, -55.0]
    assert rows[header + 2][0].date() == date(2026, 10, 1)
    as_csv = tmp_path / "receita.csv"
    assert reporting.export_report(db.uow(), actor, report, as_csv) == 3
    lines = as_csv.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Mês;Faturado;Recebido;Diferença"
    assert lines[2].split(";")[1:] == ["160,00", "105,00", "-55,00"]
    nobody = Actor(actor.id, "caio", "Caio", permissions=frozenset({"people.view"}))
    with pytest.raises(NotAllowed):
        reporting.export_report(db.uow(), nobody, report, tmp_path / "nao.xlsx")
    with pytest.raises(ExportFailed):
        reporting.export_report(db.uow(), actor, report, tmp_path / "falta" / "x.xlsx")
    assert not (tmp_path / "nao.xlsx").exists()
