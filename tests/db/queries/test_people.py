"""The finder's filters against a Python oracle over the demo office, on both backends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from contoffice.core.documents import format_document
from contoffice.core.paging import PageRequest, Sort
from contoffice.core.text import fold
from contoffice.core.vocab import CLASSIFICATIONS
from contoffice.db.models import EmailTest, Person
from contoffice.db.queries import people as finder
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo

TODAY = date(2026, 11, 24)


@pytest.fixture
def office(db: Database) -> tuple[Database, list[Person]]:
    build_demo(db, people=300, seed=7, today=TODAY)
    with db.uow() as uow:
        everyone = list(uow.session.scalars(select(Person)))
        target = everyone[10]
        uow.session.add(
            EmailTest(
                person_id=target.id,
                address=target.email or "x@y.com",
                tested_at=__import__("datetime").datetime(
                    2026, 3, 5, 12, tzinfo=__import__("datetime").UTC
                ),
            )
        )
        uow.commit()
    return db, everyone


def _ids(db: Database, filters: dict, **kw) -> list[int]:
    with db.uow() as uow:
        result = finder.search(uow.session, PageRequest(filters, limit=10_000), **kw)
        assert result.total == len(result.rows)
        return sorted(r.id for r in result.rows)


def test_each_filter_matches_the_oracle(office) -> None:
    db, everyone = office
    sample = everyone[42]
    classification_roles = CLASSIFICATIONS["cliente_fornecedor"][1]
    cases = {
        "active": (True, lambda p: p.active),
        "code": (sample.id, lambda p: p.id == sample.id),
        "name": (sample.name[:4].upper(), lambda p: fold(p.name).startswith(fold(sample.name[:4]))),
        "name_contains": ("silva", lambda p: "silva" in fold(p.name)),
        "document": (
            format_document(sample.document)[:6],
            lambda p: p.document.startswith(sample.document[:5]),
        ),
        "email": (sample.email[:5].upper(), lambda p: p.email.startswith(sample.email[:5].lower())),
        "city": ("sao", lambda p: fold(p.city).startswith("sao")),
        "district": ("centro", lambda p: fold(p.district).startswith("centro")),
        "street": ("rua", lambda p: fold(p.street).startswith("rua")),
        "postal_code": (
            sample.postal_code[:5],
            lambda p: p.postal_code.startswith(sample.postal_code[:5]),
        ),
        "state": ("sp", lambda p: p.state == "SP"),
        "kind": ("PJ", lambda p: p.kind == "PJ"),
        "classification": (
            "cliente_fornecedor",
            lambda p: p.roles == int(classification_roles) and True,
        ),
        "trade_name": ("padaria", lambda p: "padaria" in fold(p.trade_name)),
        "registered_from": (
            TODAY - timedelta(days=365),
            lambda p: p.registered_on >= TODAY - timedelta(days=365),
        ),
        "with_email_and_phone": (
            True,
            lambda p: p.active and p.email != "" and (p.phone != "" or p.mobile != ""),
        ),
    }
    for key, (value, predicate) in cases.items():
        expected = sorted(p.id for p in everyone if predicate(p))
        assert _ids(db, {key: value}) == expected, key
        assert expected, f"the demo office should have rows for {key}"


def test_pre_registration_classification_and_email_tests(office) -> None:
    db, everyone = office
    assert _ids(db, {"classification": "pre_cadastro"}) == sorted(
        p.id for p in everyone if p.kind == "PRE"
    )
    assert _ids(
        db, {"email_tested_from": date(2026, 3, 1), "email_tested_to": date(2026, 3, 31)}
    ) == [everyone[10].id]
    assert _ids(db, {"email_tested_from": date(2026, 4, 1)}) == []


def test_alphanumeric_cnpj_found_with_or_without_mask(office) -> None:
    db, everyone = office
    padaria = next(p for p in everyone if p.document == "12ABC34501DE35")
    assert _ids(db, {"document": "12.abc.3"}) == [padaria.id]
    assert _ids(db, {"document": "12ABC345"}) == [padaria.id]


def test_filters_combine_and_sort(office) -> None:
    db, everyone = office
    with db.uow() as uow:
        result = finder.search(
            uow.session, PageRequest({"active": True, "kind": "PF"}, (Sort("name"),), 0, 20)
        )
    expected = sorted(
        (p for p in everyone if p.active and p.kind == "PF"), key=lambda p: (fold(p.name), p.id)
    )
    assert [r.id for r in result.rows] == [p.id for p in expected[:20]]
    assert result.total == len(expected)


def test_latest_active_is_capped_and_newest_first(office) -> None:
    db, everyone = office
    with db.uow() as uow:
        result = finder.latest_active(uow.session, PageRequest(limit=50))
    active = sorted(
        (p for p in everyone if p.active), key=lambda p: (p.registered_on, p.id), reverse=True
    )
    assert [r.id for r in result.rows] == [p.id for p in active[:50]]
    assert result.total == min(len(active), finder.LATEST_LIMIT)


def test_nothing_matches_gives_an_empty_page(office) -> None:
    db, _ = office
    with db.uow() as uow:
        result = finder.search(uow.session, PageRequest({"name": "zzzz inexistente"}))
    assert result.rows == [] and result.total == 0


def test_unknown_filter_is_an_error(office) -> None:
    db, _ = office
    with db.uow() as uow, pytest.raises(KeyError):
        finder.search(uow.session, PageRequest({"nope": 1}))
