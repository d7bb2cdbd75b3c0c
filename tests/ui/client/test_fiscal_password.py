"""A desk whose keyring lacks the A1 password is asked for it before a note is signed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QLabel

from contoffice.core.secrets import STORE
from contoffice.db.uow import Database
from contoffice.services.fiscal.certificates import info, secret_key
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.client.fiscal_password import CertificatePasswordDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.fiscal_area import FiscalArea
from contoffice.ui.settings import DeskSettings
from tests.ui import fiscal_support
from tests.ui.fiscal_support import PASSWORD, THIS_MONTH, Office, Seen, documents

office_a1, fiscal_pki = fiscal_support.office_a1, fiscal_support.fiscal_pki
office, seen = fiscal_support.office, fiscal_support.seen


class Typist:
    """Answers the password dialog with the next typed text; Cancelar when none is left."""

    def __init__(self, *typed: str) -> None:
        self.typed, self.asked = list(typed), []

    def exec(self, dialog: CertificatePasswordDialog) -> int:
        intro = dialog.findChild(QLabel, "intro_label")
        self.asked.append(intro.text() if intro else "")
        if not self.typed:
            return QDialog.DialogCode.Rejected
        dialog.password.setText(self.typed.pop(0))
        return QDialog.DialogCode.Accepted


def _locked_area(qtbot: Any, db: Database, actor: Actor, desk: DeskSettings,
                 monkeypatch: pytest.MonkeyPatch, typist: Typist) -> FiscalArea:
    with db.uow() as uow:
        found = info(uow)
    assert found is not None and found.unlocked
    STORE.forget(secret_key(found.fingerprint))  # another desk: its keyring never had it
    monkeypatch.setattr(CertificatePasswordDialog, "exec", lambda dialog: typist.exec(dialog))
    area = FiscalArea(WindowContext(db, actor, desk))
    qtbot.addWidget(area)
    area.show()
    area.competence_edit.setDate(QDate(THIS_MONTH.year, THIS_MONTH.month, 1))
    area.batch.simulate_button.click()
    qtbot.waitUntil(lambda: not area.batch.busy, timeout=30_000)
    return area


def test_a_wrong_password_is_said_then_the_right_one_signs(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    typist = Typist("errada", PASSWORD)
    area = _locked_area(qtbot, db, actor, desk_settings, monkeypatch, typist)
    area.batch.generate_button.click()
    qtbot.waitUntil(lambda: not area.batch.busy, timeout=30_000)
    assert len(typist.asked) == 2 and "ESCRITORIO CONTABIL EXEMPLO LTDA" in typist.asked[0]
    assert "11.222.333/0001-81" in typist.asked[0]
    assert seen.errors == ["Senha do certificado incorreta."]
    assert area.batch.situations() == ["Autorizada"] * 3
    with db.uow() as uow:
        unlocked = info(uow)
    assert unlocked is not None and unlocked.unlocked  # asked once per desk


def test_cancelar_at_the_password_sends_nothing(
        qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, office: Office,
        seen: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    typist = Typist()
    area = _locked_area(qtbot, db, actor, desk_settings, monkeypatch, typist)
    area.batch.generate_button.click()
    assert len(typist.asked) == 1 and seen.errors == []
    assert documents(db) == []
    if office.sefin is not None:
        assert office.sefin.requests == []
