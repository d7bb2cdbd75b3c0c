"""Pesquisa avançada: every one of the 13 filters, Finalizar, the rows the service finds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from contoffice.core.paging import PageRequest
from contoffice.db.models import EmailTest, Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people.finder import search_people
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.advanced_panel import AdvancedPanel
from contoffice.ui.settings import DeskSettings

# (seed filter, widgets to fill: name → text or combo data, the filters the query must get)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("1 intervalo de data de cadastro", {"registered_from_edit": "{reg}",
                                         "registered_to_edit": "{reg}"},
     {"registered_from": "{reg_date}", "registered_to": "{reg_date}"}),
    ("2 por endereços", {"city_edit": "são paulo", "district_edit": "{district}",
                         "street_edit": "{street}"},
     {"city": "são paulo", "district": "{district}", "street": "{street}"}),
    ("3 por CEP", {"postal_code_edit": "{cep}"}, {"postal_code": "{cep}"}),
    ("4 cliente", {"client_edit": "pão quente"}, {"name_contains": "pão quente"}),
    ("5 tipo de pessoa", {"kind_combo": "PJ"}, {"kind": "PJ"}),
    ("6 classificação de pessoa", {"classification_combo": "cliente"},
     {"classification": "cliente"}),
    ("7 código de cadastro", {"code_edit": "{id}"}, {"code": "{id}"}),
    ("8 somente logradouro", {"street_only_edit": "{street}"}, {"street": "{street}"}),
    ("9 ativos com e-mail e fone", {"with_email_and_phone_check": True},
     {"with_email_and_phone": True}),
    ("10 teste de e-mail por data", {"email_tested_from_edit": "01/03/2026",
                                     "email_tested_to_edit": "31/03/2026"},
     {"email_tested_from": date(2026, 3, 1), "email_tested_to": date(2026, 3, 31)}),
    ("11 nome fantasia", {"trade_name_edit": "pão quente"}, {"trade_name": "pão quente"}),
    ("12 documento", {"document_edit": "12.abc.345"}, {"document": "12.abc.345"}),
    ("13 e-mail", {"email_edit": "pao.quente"}, {"email": "pao.quente"}),
]


@pytest.fixture
def featured(demo_db: Database, featured_id: int) -> dict[str, Any]:
    with demo_db.uow() as uow:
        person = uow.session.get(Person, featured_id)
        assert person is not None
        uow.session.add(EmailTest(person_id=featured_id, address=person.email,
                                  tested_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC)))
        uow.commit()
        return {"id": str(featured_id), "reg": person.registered_on.strftime("%d/%m/%Y"),
                "reg_date": person.registered_on, "district": person.district,
                "street": person.street, "cep": person.postal_code}


def _fill(value: Any, featured: dict[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith("{"):
        return featured[value.strip("{}")]
    return value


@pytest.mark.parametrize("caption, widgets, expected", CASES, ids=[c[0] for c in CASES])
def test_every_filter(qtbot: Any, demo_db: Database, demo_actor: Actor,
                      desk_settings: DeskSettings, featured: dict[str, Any], featured_id: int,
                      caption: str, widgets: dict[str, Any], expected: dict[str, Any]) -> None:
    panel = AdvancedPanel(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.model.rowCount() == 0  # nothing before Finalizar
    for name, value in widgets.items():
        widget = panel.findChild(object, name)
        value = _fill(value, featured)
        if name.endswith("_combo"):
            widget.setCurrentIndex(widget.findData(value))
        elif name.endswith("_check"):
            widget.setChecked(value)
        else:
            widget.setText(value)
    panel.finish_button.click()
    wanted = {k: _fill(v, featured) for k, v in expected.items()}
    assert panel.model.base_filters == wanted
    found = search_people(demo_db.uow(), PageRequest(wanted, (), 0, 10_000))
    ids = [panel.model.row_at(r).id for r in range(panel.model.rowCount())]
    assert sorted(ids) == sorted(r.id for r in found.rows)
    assert featured_id in ids  # every case is built so the Padaria matches


def test_a_bad_date_is_refused_next_to_the_filters(qtbot: Any, demo_db: Database,
                                                   demo_actor: Actor,
                                                   desk_settings: DeskSettings) -> None:
    panel = AdvancedPanel(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(panel)
    panel.edits["registered_from_edit"].setText("31/02/2026")
    panel.finish_button.click()
    assert panel.error_label.text() and panel.model.rowCount() == 0
