"""`contoffice nfse …`: preview, generate, inspect, print, cancel and annul (local simulator)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import update

from contoffice.core.secrets import STORE
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import verify
from contoffice.services.fiscal.certificates import info, secret_key
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import run
from tests.services.fiscal.support import PASSWORD, fiscal_office

OCTOBER = date(2026, 10, 1)  # a competência before today: its notes may be issued now
NS = {"n": "http://www.sped.fazenda.gov.br/nfse"}


@pytest.fixture
def office(db: Database, actor: Actor, tmp_path: Path) -> list[int]:
    """Four billed clients of 10/2026 and the office's fiscal data (local simulator)."""
    ids = fiscal_office(db, actor, 4, tmp_path)
    with db.uow() as uow:
        uow.session.execute(update(Invoice).where(Invoice.id.in_(ids)).values(competence=OCTOBER))
        uow.commit()
    return ids


def test_batch_preview_then_generate_status_pdf_and_cancel(
        office: list[int], db_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = run(capsys, db_url, "nfse", "batch", "--competence", "2026-10", "--dry-run", "--json")
    assert plan.code == 0 and plan.json["dry_run"]
    assert [r["invoice"] for r in plan.json["invoices"]] == sorted(office)
    assert {r["outcome"] for r in plan.json["invoices"]} == {"would_issue"}

    done = run(capsys, db_url, "nfse", "generate", "--invoices",
               ",".join(map(str, office[:2])), "--json")
    assert done.code == 0, done.err
    rows = done.json["invoices"]
    assert [r["outcome"] for r in rows] == ["issued", "issued"]
    assert [r["dps_number"] for r in rows] == [1, 2] and all(len(r["key"]) == 50 for r in rows)

    rest = run(capsys, db_url, "nfse", "batch", "--competence", "2026-10")
    assert rest.code == 0 and "2 nota(s) autorizadas de 2 fatura(s)." in rest.out

    first = rows[0]["document"]
    status = run(capsys, db_url, "nfse", "status", str(first), "--json")
    assert status.json["status"] == "authorised" and status.json["key"] == rows[0]["key"]

    xml_file = tmp_path / "dps.xml"
    dps = run(capsys, db_url, "nfse", "dps", "--invoice", str(office[0]), "-o", str(xml_file))
    assert dps.code == 0
    signed = xml_file.read_bytes()
    validate(signed, "dps")
    verify(signed)
    assert etree.fromstring(signed).findtext(".//n:nDPS", namespaces=NS) == "1"

    pdf_file = tmp_path / "danfse.pdf"
    assert run(capsys, db_url, "nfse", "pdf", str(first), "-o", str(pdf_file)).code == 0
    assert pdf_file.read_bytes().startswith(b"%PDF")

    short = run(capsys, db_url, "nfse", "cancel", str(first), "--reason", "1",
                "--justification", "curta")
    assert short.code != 0 and "justificativa" in short.err.lower()
    cancelled = run(capsys, db_url, "nfse", "cancel", str(first), "--reason", "1",
                    "--justification", "Valor cobrado em duplicidade no mês", "--json")
    assert cancelled.code == 0 and cancelled.json["status"] == "cancelled"

    again = run(capsys, db_url, "nfse", "annul", str(first))
    assert again.code != 0 and "anula" in again.err.lower()


def test_a_desk_without_the_password_takes_it_from_the_environment(
        office: list[int], db: Database, db_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with db.uow() as uow:
        found = info(uow)
    assert found is not None
    STORE.forget(secret_key(found.fingerprint))
    locked = run(capsys, db_url, "nfse", "generate", "--invoices", str(office[0]))
    assert locked.code != 0 and "senha do certificado" in locked.err

    monkeypatch.setenv("CONTOFFICE_CERT_PASSWORD", "errada")
    wrong = run(capsys, db_url, "nfse", "generate", "--invoices", str(office[0]))
    assert wrong.code != 0 and "Senha do certificado incorreta" in wrong.err

    monkeypatch.setenv("CONTOFFICE_CERT_PASSWORD", PASSWORD)
    ok = run(capsys, db_url, "nfse", "generate", "--invoices", str(office[0]), "--json")
    assert ok.code == 0 and ok.json["invoices"][0]["outcome"] == "issued"


def test_installing_a_certificate_from_the_command_line(
        office: list[int], db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.services.fiscal.support import office_pfx

    pfx = tmp_path / "escritorio.pfx"
    pfx.write_bytes(office_pfx())
    monkeypatch.setenv("CONTOFFICE_CERT_PASSWORD", "errada")
    wrong = run(capsys, db_url, "nfse", "certificate", str(pfx))
    assert wrong.code != 0 and "Senha do certificado incorreta" in wrong.err
    monkeypatch.setenv("CONTOFFICE_CERT_PASSWORD", PASSWORD)
    ok = run(capsys, db_url, "nfse", "certificate", str(pfx), "--json")
    assert ok.code == 0 and ok.json["document"] == "11222333000181"
    missing = run(capsys, db_url, "nfse", "certificate", str(tmp_path / "nao-existe.pfx"))
    assert missing.code != 0 and "Não foi possível ler" in missing.err
