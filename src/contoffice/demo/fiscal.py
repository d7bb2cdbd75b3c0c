"""The demo office's fiscal side: Dados fiscais, a self-signed test A1 and last month's notes.

The certificate is made at demo time (no real one exists here) and the notes go
through the local simulator of the Sefin, in produção restrita: every fiscal
screen and command works without a server, and every DANFSe says it has no legal
value.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from contoffice.config import data_dir
from contoffice.core import municipalities
from contoffice.db.uow import Database
from contoffice.demo.staff import DEMO_OFFICE
from contoffice.fiscal.certificate import make_test_pkcs12
from contoffice.services.admin.operators import actor_for_login
from contoffice.services.fiscal import certificates, pending
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.fiscal.cancel import cancel
from contoffice.services.fiscal.generate import Outcome, generate

DEMO_CERT_PASSWORD = "demonstracao"  # the test certificate's; said in the README
DEMO_NOTES = 24  # last month's first invoices get their note; the rest stays pending
CANCEL_REASON = "Serviço faturado em duplicidade para o cliente."


def previous_month(today: date) -> date:
    """The first day of the month before `today`'s."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def demo_settings(today: date) -> fiscal_settings.FiscalSettings:
    """Simples Nacional ME/EPP in São Paulo, item 17.19, série 1, produção restrita."""
    city = municipalities.by_name(DEMO_OFFICE["office.city"], DEMO_OFFICE["office.state"])
    return fiscal_settings.FiscalSettings(
        municipal_registration="48213377", simples_option=3, simples_regime=1,
        special_regime=0, city_code=city.code if city else "3550308",
        simples_total_rate_bp=600, series=1, environment=2,
        transmission=fiscal_settings.SIMULATOR, first_competence=previous_month(today),
        # One file per demo office: a new demo never meets the old one's numbers.
        simulator_file=str(data_dir() / f"sefin-simulador-{uuid.uuid4().hex[:12]}.json"),
    )


def fiscal_office(db: Database, today: date, *, notes: int = DEMO_NOTES) -> int:
    """Configure the demo's fiscal data and issue `notes` notes; how many were authorised."""
    with db.uow() as uow:
        admin = actor_for_login(uow, "carlos")
        fiscal_settings.save(uow, admin, demo_settings(today))
        pfx = make_test_pkcs12(DEMO_OFFICE["office.document"], DEMO_OFFICE["office.name"],
                               DEMO_CERT_PASSWORD)
        certificates.install(uow, admin, pfx, DEMO_CERT_PASSWORD)
        ids = pending.pending_invoices(uow, previous_month(today))[:notes]
    if not ids:
        return 0
    with db.uow() as uow:
        report = generate(uow, admin, ids)
    issued = [r for r in report.rows if r.outcome == Outcome.ISSUED]
    if len(issued) > 2 and issued[-1].document_id is not None:
        with db.uow() as uow:
            cancel(uow, admin, issued[-1].document_id, 1, CANCEL_REASON)
    return len(issued)
