"""Configurações → Assistente de configuração: the wizard again, on the database in use."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.services.admin.connection_check import same_database
from contoffice.ui.context import WindowContext
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.plan import Outcome
from contoffice.ui.first_run.wizard import FirstRunWizard


def reopen(parent: QWidget, ctx: WindowContext) -> Outcome | None:
    """Edit the office data or switch the database; a new database is used from the next start."""
    outcome = FirstRunWizard.ask(parent, current_url=ctx.db.url, acting_login=ctx.actor.login)
    if outcome is None:
        return None
    if same_database(outcome.url, ctx.db.url):
        ctx.notify(t.DONE)
    else:  # this window keeps the database it opened: its tabs show that office's data
        QMessageBox.information(parent, t.TITLE, t.DONE_ELSEWHERE)
    return outcome
