"""Two years of demo contracts, charges, invoices and settlements in every state."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection

from contoffice.core.calendar import clamp_day, next_business_day
from contoffice.core.progress import Progress, check_cancelled
from contoffice.db import bulk
from contoffice.demo import data as words

MONTHS_OF_HISTORY = 24
_PAST_STATES = (("settled", 86), ("open", 5), ("partial", 3), ("suspended", 3), ("removed", 3))
_CONTRACT_STATES = (
    ("active", 85),
    ("suspended", 5),
    ("cancelled", 5),
    ("awaiting", 3),
    ("cancel_requested", 2),
)


@dataclass
class Counts:
    contracts: int = 0
    invoices: int = 0
    charges: int = 0
    settlements: int = 0


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class BillingGenerator:
    """Generates and writes, chunk by chunk, the billing history of the demo office."""

    def __init__(
        self, rng: random.Random, today: date, profile_ids: list[int], operator_ids: list[int]
    ) -> None:
        self.rng, self.today = rng, today
        self.profile_ids, self.operator_ids = profile_ids, operator_ids
        self.our_numbers = dict.fromkeys(profile_ids, 1)
        self.counts = Counts()
        self.now = datetime.now(UTC)
        self.invoices: list[dict[str, object]] = []
        self.charges: list[dict[str, object]] = []
        self.settlements: list[dict[str, object]] = []
        self.events: list[dict[str, object]] = []

    def write(
        self,
        conn: Connection,
        clients: list[tuple[int, date, bool]],
        suppliers: list[int],
        n_contracts: int,
        invoices_target: int | None,
        progress: Progress,
    ) -> Counts:
        """Write contracts and their history, then one-offs up to `invoices_target`."""
        self.ids = {
            name: bulk.next_id(conn, name)
            for name in ("contract", "invoice", "charge", "settlement", "invoice_event")
        }
        chosen = self._contract_holders(clients, n_contracts)
        featured_id = clients[-1][0]
        contracts = [
            self._contract(pid, registered, active, pid == featured_id)
            for pid, registered, active in chosen
        ]
        bulk.insert(conn, "contract", contracts)
        self.counts.contracts = len(contracts)
        for done, contract in enumerate(contracts, 1):
            self._history(contract, featured=contract["person_id"] == clients[-1][0])
            if len(self.invoices) >= bulk.CHUNK:
                self._flush(conn)
                progress.step(done, len(contracts), "Faturas dos contratos")
                check_cancelled(progress)
        extra = max(0, (invoices_target or 0) - self.counts.invoices - len(self.invoices))
        # The scenario's client keeps exactly its contract history (SCENARIOS.md 2).
        active_clients = [pid for pid, _r, active in clients[:-1] if active] or [clients[0][0]]
        for i in range(extra):
            self._one_off(self.rng.choice(active_clients))
            if len(self.invoices) >= bulk.CHUNK:
                self._flush(conn)
                progress.step(i, extra, "Faturas avulsas")
                check_cancelled(progress)
        for pid in active_clients[:: max(1, len(active_clients) // 50 or 1)]:
            self._unbilled(pid)
        for pid in suppliers[:200]:
            for _ in range(4):
                self._one_off(pid, direction="P")
        self._flush(conn)
        self._write_profiles(conn)
        return self.counts

    def _contract_holders(
        self, clients: list[tuple[int, date, bool]], n: int
    ) -> list[tuple[int, date, bool]]:
        featured = clients[-1:]
        pool = clients[:-1]
        picked = self.rng.sample(pool, min(max(n - 1, 0), len(pool)))
        return sorted(picked + featured)

    def _next(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value

    def _contract(
        self, person_id: int, registered: date, active: bool, featured: bool = False
    ) -> dict[str, object]:
        plan, fee = self.rng.choice(words.PLANS)
        status = (
            self.rng.choices(*zip(*_CONTRACT_STATES, strict=True))[0] if active else "cancelled"
        )
        starts = max(
            registered, _add_months(self.today, -30) + timedelta(days=self.rng.randrange(28))
        )
        if featured:  # SCENARIOS.md 2: R$ 1.870,00 overdue in 2 invoices, 31–60 days
            plan, fee, status = "Simples Nacional — Completo", 93_500, "active"
            starts = _add_months(self.today, -MONTHS_OF_HISTORY)
        ends = None
        if status == "cancelled":
            ends = _add_months(self.today, -self.rng.randrange(1, 12))
        return {
            "id": self._next("contract"),
            "person_id": person_id,
            "plan": plan,
            "description": f"Prestação de serviços contábeis — {plan}",
            "fee_cents": fee if featured else fee + self.rng.randrange(0, 20) * 500,
            "due_day": self.rng.choice((5, 10, 15, 20, 25)),
            "due_rule": "fixed_day",
            "move_to_business_day": True,
            "due_month_offset": 1,
            "payment_profile_id": self.rng.choice(self.profile_ids),
            "ledger_account_id": 1,
            "starts_on": starts,
            "ends_on": ends,
            "status": status,
            "grouping": "",
            "status_reason": "",
        }

    def _history(self, contract: dict[str, object], featured: bool) -> None:
        if contract["status"] == "awaiting":
            return
        first = max(
            _add_months(self.today, -MONTHS_OF_HISTORY), _add_months(contract["starts_on"], 0)
        )  # type: ignore[arg-type]
        last = _add_months(self.today, 0)
        if contract["ends_on"] is not None:
            last = min(last, _add_months(contract["ends_on"], 0))  # type: ignore[arg-type]
        competence = first
        while competence <= last:
            due_month = _add_months(competence, 1)
            due = next_business_day(
                clamp_day(due_month.year, due_month.month, int(contract["due_day"]))
            )  # type: ignore[arg-type]
            state, remittance = None, None
            months_back = (last.year - competence.year) * 12 + last.month - competence.month
            if featured and months_back in (1, 2):
                # Boletos printed by the office, never registered at a bank: SCENARIOS 3-4
                # (reprint, new due date) work on them as a clerk would try.
                due, state = self.today - timedelta(days=20 + 15 * months_back), "open"
                remittance = "none"
            elif featured and due < self.today:
                state = "settled"  # the scenario's client owes exactly those two
            elif contract["status"] == "suspended" and competence == last:
                state = "suspended"
            self._invoice(
                int(contract["person_id"]),
                int(contract["fee_cents"]),
                due,  # type: ignore[arg-type]
                f"Honorários {competence:%m/%Y}",
                competence,
                contract,
                state,
                remittance=remittance,
            )
            competence = _add_months(competence, 1)

    def _one_off(self, person_id: int, direction: str = "R") -> None:
        service, amount = self.rng.choice(words.ONE_OFF_SERVICES)
        due = next_business_day(self.today - timedelta(days=self.rng.randrange(-30, 700)))
        self._invoice(person_id, amount, due, service, None, None, None, direction)

    def _unbilled(self, person_id: int) -> None:
        service, amount = self.rng.choice(words.ONE_OFF_SERVICES)
        self.charges.append(
            {
                "id": self._next("charge"),
                "person_id": person_id,
                "direction": "R",
                "kind": "one_off",
                "description": service,
                "amount_cents": amount,
                "due_date": self.today + timedelta(days=self.rng.randrange(5, 60)),
                "status": "open",
                "ledger_account_id": 2,
                "invoice_id": None,
            }
        )

    def _invoice(
        self,
        person_id: int,
        amount: int,
        due: date,
        description: str,
        competence: date | None,
        contract: dict[str, object] | None,
        state: str | None,
        direction: str = "R",
        remittance: str | None = None,
    ) -> None:
        rng = self.rng
        if state is None:
            state = (
                "open" if due >= self.today else rng.choices(*zip(*_PAST_STATES, strict=True))[0]
            )
        profile = (
            int(contract["payment_profile_id"])
            if contract
            else rng.choice(  # type: ignore[arg-type]
                self.profile_ids
            )
        )
        if direction == "P":
            profile = None  # type: ignore[assignment]
        our_number = None
        if profile is not None:
            our_number = self.our_numbers[profile]
            self.our_numbers[profile] = our_number + 1
        invoice_id = self._next("invoice")
        issue = min(due - timedelta(days=20), self.today)
        settled_on = None
        paid = 0
        if state in ("settled", "partial"):
            settled_on = min(due + timedelta(days=rng.randrange(-5, 12)), self.today)
            paid = amount if state == "settled" else amount * rng.randrange(30, 71) // 100
            self.settlements.append(
                {
                    "id": self._next("settlement"),
                    "invoice_id": invoice_id,
                    "person_id": person_id,
                    "amount_cents": paid,
                    "settled_on": settled_on,
                    "method": rng.choice(("return_file", "return_file", "other", "bank_profile")),
                    "payment_profile_id": profile,
                    "justification": "",
                    "reversed": False,
                    "operator_id": rng.choice(self.operator_ids),
                }
            )
        removed = state == "removed"
        self.invoices.append(
            {
                "id": invoice_id,
                "person_id": person_id,
                "direction": direction,
                "contract_id": contract["id"] if contract else None,
                "payment_profile_id": profile,
                "our_number": our_number,
                "description": description,
                "issue_date": issue,
                "due_date": due,
                "competence": competence,
                "amount_cents": amount,
                "paid_cents": paid,
                "status": state,
                "settled_on": settled_on if state == "settled" else None,
                "remittance_status": remittance
                or ("transmitted" if due < self.today else "pending"),
                "reconciliation_status": "reconciled" if state == "settled" else "none",
                "suspension_reason": "Pedido do cliente" if state == "suspended" else "",
                "removed_at": self.now if removed else None,
                "removed_by": self.operator_ids[0] if removed else None,
                "removal_reason": "Cobrança em duplicidade" if removed else "",
            }
        )
        self.charges.append(
            {
                "id": self._next("charge"),
                "person_id": person_id,
                "direction": direction,
                "contract_id": contract["id"] if contract else None,
                "invoice_id": invoice_id,
                "kind": "fee" if contract else "one_off",
                "description": description,
                "amount_cents": amount,
                "due_date": due,
                "competence": competence,
                "status": {
                    "settled": "settled",
                    "removed": "removed",
                    "suspended": "suspended",
                }.get(state, "open"),
                "ledger_account_id": 1 if contract else 2,
            }
        )
        if state == "removed":
            self.events.append(
                {
                    "id": self._next("invoice_event"),
                    "invoice_id": invoice_id,
                    "kind": "removed",
                    "text": "Cobrança em duplicidade",
                    "operator_id": self.operator_ids[0],
                }
            )

    def _flush(self, conn: Connection) -> None:
        bulk.insert(conn, "invoice", self.invoices)
        bulk.insert(conn, "charge", self.charges)
        bulk.insert(conn, "settlement", self.settlements)
        bulk.insert(conn, "invoice_event", self.events)
        self.counts.invoices += len(self.invoices)
        self.counts.charges += len(self.charges)
        self.counts.settlements += len(self.settlements)
        self.invoices, self.charges, self.settlements, self.events = [], [], [], []

    def _write_profiles(self, conn: Connection) -> None:
        from sqlalchemy import text

        for profile_id, next_number in self.our_numbers.items():
            conn.execute(
                text("UPDATE payment_profile SET next_our_number = :n WHERE id = :i"),
                {"n": next_number, "i": profile_id},
            )
