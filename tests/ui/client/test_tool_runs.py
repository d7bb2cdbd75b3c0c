"""One click, one real run: a many-row tool previews, asks what the preview found, runs once."""

from __future__ import annotations

from typing import Any

import pytest

from contoffice.services.invoices import actions
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.dialogs.invoice_dialogs import AdditionalChargeDialog
from tests.ui.client.conftest import Seen, drive, fresh_on_page, trigger, widget


def _count_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Wrap the service the registry resolves at call time, counting previews and real runs."""
    calls = {"preview": 0, "real": 0}
    real = actions.add_additional_charge

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls["preview" if kwargs.get("dry_run") else "real"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(actions, "add_additional_charge", counted)
    return calls


def _fill(dialog: AdditionalChargeDialog) -> None:
    widget(dialog, "description_edit").setText("Taxa de alteração contratual")
    widget(dialog, "value_edit").setText("25,00")
    widget(dialog, "justification_edit").setPlainText("pedido do cliente")
    widget(dialog, "confirm_check").setChecked(True)


def test_one_click_on_a_many_row_tool_with_a_question_runs_the_service_once(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, invoices = fresh_on_page(tab, 2)
    calls = _count_calls(monkeypatch)
    drive(monkeypatch, AdditionalChargeDialog, _fill)
    trigger(qtbot, page, "additional_charge")
    assert seen.errors == []
    assert calls == {"preview": 1, "real": 1}
    # The preview found the reissue question; the clerk was asked it once, before the run.
    assert len(seen.questions) == 1
    assert all(str(i) in seen.questions[0] for i in invoices)
    result = page.last_result()
    assert result is not None and all(o.done and o.new_id for o in result.outcomes)


def test_a_no_to_the_previewed_question_runs_nothing(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, invoices = fresh_on_page(tab, 2)
    calls = _count_calls(monkeypatch)
    seen.go_on = False
    drive(monkeypatch, AdditionalChargeDialog, _fill)
    trigger(qtbot, page, "additional_charge")
    assert calls == {"preview": 1, "real": 0}
    assert page.last_result() is None
    assert set(invoices) <= set(page.model.ids_for(range(page.model.rowCount())))


def test_one_row_is_not_previewed(
    qtbot: Any, tab: ClientTab, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ids = fresh_on_page(tab, 1)
    calls = _count_calls(monkeypatch)
    drive(monkeypatch, AdditionalChargeDialog, _fill)
    trigger(qtbot, page, "additional_charge")
    # The real call asks before it writes anything; after "Sim" it runs with the answer.
    assert calls["preview"] == 0
    assert len(seen.questions) == 1
    result = page.last_result()
    assert result is not None and result.outcomes[0].done
