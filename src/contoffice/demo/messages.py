"""The demo office's message log: the boleto e-mails of each client's latest invoice.

Written straight into the outbox as already sent (the demo has no mail server), so the
*Mensagens enviadas* grid and each client's *SMS, e-mail e Mensagens Enviadas* page show
what a working office sees; one in twelve bounced, with the server's reason.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import Connection, func, select

from contoffice.core.format import format_date, format_money
from contoffice.db import bulk
from contoffice.db.models import Invoice, Person

BOUNCED = "O servidor recusou o destinatário {address}: 550 5.1.1 Caixa postal inexistente"
BODY = ("Olá, {name}.\n\nSegue em anexo o boleto da fatura {code}, no valor de {amount}, "
        "com vencimento em {due}.\n\nEscritório Modelo Contábil")


def write_messages(conn: Connection, rng: random.Random, operator_ids: list[int]) -> int:
    """One boleto e-mail per client with an e-mail, for its latest receivable invoice."""
    latest = (select(func.max(Invoice.id)).where(Invoice.direction == "R",
                                                 Invoice.status != "removed")
              .group_by(Invoice.person_id))
    rows = conn.execute(select(Invoice.id, Invoice.person_id, Invoice.issue_date,
                               Invoice.due_date, Invoice.amount_cents, Person.name,
                               Person.email)
                        .join(Person, Person.id == Invoice.person_id)
                        .where(Invoice.id.in_(latest), Person.email != "")).all()
    messages = []
    now = datetime.now(UTC) - timedelta(minutes=5)
    for r in rows:
        failed = rng.random() < 1 / 12
        when = min(now, datetime.combine(r.issue_date, time(9), tzinfo=UTC) + timedelta(
            minutes=rng.randrange(600)))  # an invoice issued today was not mailed tomorrow
        address = r.email.split(";")[0].strip()
        messages.append({
            "channel": "email", "person_id": r.person_id, "invoice_id": r.id,
            "destination": address, "copies": "",
            "subject": f"Boleto da fatura {r.id} — vencimento {format_date(r.due_date)}",
            "body": BODY.format(name=r.name, code=r.id, amount=format_money(r.amount_cents),
                                due=format_date(r.due_date)),
            "attachments": json.dumps([{"kind": "boleto", "invoice_id": r.id}]),
            "status": "failed" if failed else "sent", "attempts": 1,
            "last_error": BOUNCED.format(address=address) if failed else "",
            "message_id": f"<{uuid.UUID(int=rng.getrandbits(128)).hex}@contoffice>",
            "claimed_by": "", "created_by": rng.choice(operator_ids), "created_at": when,
            "sent_at": None if failed else when + timedelta(seconds=2),
            "sent_by": None})
    bulk.insert(conn, "outbound_message", messages)
    return len(messages)
