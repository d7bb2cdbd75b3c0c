"""The demo office's staff and accounts: its operators, payment profiles and identity."""

from __future__ import annotations

from sqlalchemy import select

from contoffice.db.models import OfficeSetting, Operator, OperatorRole, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.services.admin.operators import hash_password

DEMO_PASSWORD = "demo1234"
DEMO_OPERATORS = (
    ("ana", "Ana Paula Ribeiro", "Financeiro"),
    ("carlos", "Carlos Eduardo Lima", "Administrador"),
    ("beatriz", "Beatriz Souza", "Atendimento"),
)
# One profile per main bank, with data each bank's rules accept.
DEMO_PROFILES = (
    dict(
        name="Banco do Brasil — Cobrança 17",
        bank_code="001",
        agency="1234",
        agency_dv="5",
        account="123456",
        account_dv="7",
        wallet="17",
        agreement="1234567",
        variation="019",
    ),
    dict(
        name="Bradesco — Carteira 09",
        bank_code="237",
        agency="1172",
        agency_dv="0",
        account="0403005",
        account_dv="2",
        wallet="09",
    ),
    dict(
        name="Itaú — Carteira 109",
        bank_code="341",
        agency="0810",
        account="53678",
        account_dv="8",
        wallet="109",
    ),
    dict(
        name="Caixa — SIGCB",
        bank_code="104",
        agency="1565",
        account="0000248",
        wallet="RG",
        agreement="005507",
        cnab_layout="240",  # Caixa exchanges CNAB 240 files only
    ),
    dict(
        name="Santander — 101",
        bank_code="033",
        agency="4042",
        account="61900",
        wallet="101",
        agreement="0282033",
    ),
    dict(
        name="Sicoob — Carteira 1",
        bank_code="756",
        agency="4327",
        account="417270",
        wallet="1",
        agreement="229385",
        modality="01",
    ),
    dict(
        name="Sicredi — Carteira 1",
        bank_code="748",
        agency="0165",
        account="00623",
        wallet="1",
        post="02",
        byte_idt="2",
        agreement="00623",
    ),
    dict(
        name="Banrisul — Carteira 1",
        bank_code="041",
        agency="1102",
        account="9000150",
        wallet="1",
        agreement="9000150",
    ),
)
DEMO_OFFICE = {
    "office.name": "Ribeiro & Lima Contabilidade Ltda",
    "office.document": "02558157000162",
    "office.address": "Rua XV de Novembro, 250, sala 804 — Centro — São Paulo/SP — 01013-000",
    "office.city": "São Paulo",
    "office.state": "SP",
    "office.phone": "(11) 3104-2200",
    "office.site": "www.ribeirolima.example",
}  # "Padaria Pão Quente" of SCENARIOS.md


def office_identity(uow: UnitOfWork) -> None:
    """The office's name, CNPJ and address (Configuração Básica)."""
    for key, value in DEMO_OFFICE.items():
        row = uow.session.get(OfficeSetting, key) or OfficeSetting(key=key)
        row.value = value
        uow.session.add(row)


def operators(uow: UnitOfWork) -> list[int]:
    """Ana, Carlos and Beatriz, each with the demo password; their ids."""
    roles = {r.name: r.id for r in uow.session.scalars(select(OperatorRole))}
    ids = []
    password = hash_password(DEMO_PASSWORD)
    for login, name, role in DEMO_OPERATORS:
        op = Operator(
            login=login,
            name=name,
            role_id=roles[role],
            password_hash=password,
            email=f"{login}@escritorio.example",
        )
        uow.session.add(op)
        uow.flush()
        ids.append(op.id)
    return ids


def profiles(uow: UnitOfWork) -> list[int]:
    """A payment profile for each main bank; their ids."""
    profiles = [
        PaymentProfile(
            **data,
            instructions="Não receber após 60 dias do vencimento.",
            pix_key="financeiro@escritorio.example",
        )
        for data in DEMO_PROFILES
    ]
    uow.session.add_all(profiles)
    uow.flush()
    return [p.id for p in profiles]
