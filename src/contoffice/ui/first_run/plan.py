"""The wizard's answers as plain values, and what Concluir does with them (off the GUI thread).

Order matters: the saved configuration is written last, so a database that could not be
prepared never becomes the one the next start opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contoffice import config
from contoffice.core import municipalities
from contoffice.core.postal import format_cep
from contoffice.core.progress import Progress
from contoffice.demo.office import DEMO_OPERATORS, build_demo
from contoffice.errors import InvalidInput
from contoffice.services.admin import office, operators
from contoffice.services.admin.connection_check import with_password
from contoffice.services.admin.setup import open_database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.first_run import labels as t

DEMO_LOGINS = frozenset(login for login, _name, _role in DEMO_OPERATORS)
STEPS = 6


@dataclass(frozen=True, slots=True)
class OfficeData:
    """The office identity as typed: CNPJ and CEP already checked, the city by IBGE code."""

    name: str
    document: str
    street: str
    district: str
    cep: str
    city_code: str
    phone: str = ""
    site: str = ""

    def settings(self) -> dict[str, str]:
        """The OfficeSetting rows (the address line as boletos print it, and its parts)."""
        city = municipalities.by_code(self.city_code)
        place = city.label if city else ""
        address = " — ".join(p for p in (self.street, self.district, place,
                                          format_cep(self.cep)) if p)
        return {
            "office.name": self.name, "office.document": self.document,
            "office.address": address, "office.city": city.name if city else "",
            "office.state": city.state if city else "", "office.phone": self.phone,
            "office.site": self.site, "office.street": self.street,
            "office.district": self.district, "office.cep": self.cep,
            "office.city_code": self.city_code,
        }


@dataclass(frozen=True, slots=True)
class AdminData:
    """The first administrator (created only on a database nobody can log in to yet)."""

    name: str
    login: str
    password: str


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything Concluir needs."""

    url: str  # never with the password: that goes to the keyring
    office: OfficeData
    admin: AdminData | None = None
    password: str = ""
    demo_people: int = 0
    acting_login: str = ""  # reopened from Configurações: the operator who did it


@dataclass(frozen=True, slots=True)
class Outcome:
    """What was done: the URL saved, the one to open in this run, and the keyring's answer."""

    url: str
    run_url: str  # carries the password only when the keyring could not keep it
    keyring_kept: bool
    config_path: Path
    admin_login: str = ""  # the administrator created ("" when the database had operators)


def check(plan: Plan) -> None:
    """Refuse, before anything is written, what would fail half-way."""
    if plan.demo_people and plan.admin and plan.admin.login.strip() in DEMO_LOGINS:
        raise InvalidInput(t.DEMO_LOGIN_TAKEN.format(login=plan.admin.login.strip()),
                           field=t.LOGIN)


class _Steady:
    """The progress of a setup that must not stop half-way: steps shown, Cancelar not heard.

    A demo cut short would leave its operators without its people, and the next Concluir
    would trip over them.
    """

    def __init__(self, shown: Progress) -> None:
        self._shown = shown

    def step(self, done: int, total: int, label: str = "") -> None:
        """Pass the step on."""
        self._shown.step(done, total, label)

    def cancelled(self) -> bool:
        """Never."""
        return False


def apply(plan: Plan, progress: Progress) -> Outcome:
    """Keep the password, migrate, create the administrator, the demo, the office; save."""
    check(plan)
    progress = _Steady(progress)
    run_url, kept = plan.url, True
    if plan.password and config.is_postgresql(plan.url):
        progress.step(0, STEPS, t.STEP_KEYRING)
        kept = _keep_password(plan.url, plan.password)
        if not kept:
            run_url = with_password(plan.url, plan.password)
    progress.step(1, STEPS, t.STEP_MIGRATE)
    db = open_database(run_url, create=True)
    try:
        progress.step(2, STEPS, t.STEP_ADMIN)
        with db.uow() as uow:
            acting = _administrator(uow, plan)
        if plan.demo_people:
            progress.step(3, STEPS, t.STEP_DEMO)
            build_demo(db, people=plan.demo_people, progress=progress)
        progress.step(4, STEPS, t.STEP_OFFICE)
        with db.uow() as uow:
            actor = acting or _acting(uow, plan.acting_login)
            office.save_settings(uow, actor, plan.office.settings())
    finally:
        db.dispose()
    progress.step(5, STEPS, t.STEP_CONFIG)
    path = config.save_database_url(plan.url)
    progress.step(STEPS, STEPS, t.STEP_CONFIG)
    return Outcome(plan.url, run_url, kept, path, acting.login if acting else "")


def _keep_password(url: str, password: str) -> bool:
    """Whether the OS keyring took the password (a desk without one keeps it for this run)."""
    try:
        config.store_password(url, password)
    except Exception:  # no keyring backend, a locked one, no D-Bus session
        return False
    return config.keyring_password(url) == password


def _administrator(uow: Any, plan: Plan) -> Actor | None:
    """The first administrator, created while nobody can log in (a retry finds it made)."""
    if plan.admin is None or not operators.needs_first_admin(uow):
        return None
    admin = plan.admin
    return operators.create_first_admin(uow, name=admin.name, login=admin.login,
                                        password=admin.password)


def _acting(uow: Any, login: str) -> Actor:
    """The operator who reopened the wizard, else the built-in one (an office found ready)."""
    if login:
        try:
            return operators.actor_for_login(uow, login)
        except InvalidInput:  # another office's database: this operator is not there
            pass
    return operators.system_actor(uow)
