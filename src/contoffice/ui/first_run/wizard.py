"""The first-run wizard: Banco de dados → Dados do escritório → Primeiro administrador → Concluir.

The administrator's step is left out when the chosen database already has operators (a
second desk joining the office's server, or the wizard reopened from Configurações).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from contoffice.core.documents import format_cnpj
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.admin_step import AdminStep
from contoffice.ui.first_run.database_step import DatabaseStep
from contoffice.ui.first_run.finish_step import FinishStep
from contoffice.ui.first_run.office_step import OfficeStep
from contoffice.ui.first_run.plan import Outcome, Plan

DATABASE, OFFICE, ADMIN, FINISH = range(4)


class FirstRunWizard(QWizard):
    """The steps, and the plan they add up to."""

    def __init__(self, parent: QWidget | None = None, *, current_url: str | None = None,
                 acting_login: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(t.TITLE)
        self.setMinimumSize(640, 520)
        self.acting_login = acting_login
        self.database_step = DatabaseStep(current_url, self)
        self.office_step = OfficeStep(self)
        self.admin_step = AdminStep(self)
        self.finish_step = FinishStep(self.plan, self)
        for page_id, page in ((DATABASE, self.database_step), (OFFICE, self.office_step),
                              (ADMIN, self.admin_step), (FINISH, self.finish_step)):
            self.setPage(page_id, page)
        self.setStartId(DATABASE)
        for button, text in ((QWizard.WizardButton.BackButton, "< Voltar"),
                             (QWizard.WizardButton.NextButton, "Avançar >"),
                             (QWizard.WizardButton.FinishButton, "Concluir"),
                             (QWizard.WizardButton.CancelButton, "Cancelar")):
            self.setButtonText(button, text)
        self._filled: object = None
        self.currentIdChanged.connect(self._entered)

    @property
    def outcome(self) -> Outcome | None:
        """What Concluir did (None until it ended well)."""
        return self.finish_step.outcome

    def nextId(self) -> int:
        """The administrator's step only for a database nobody can log in to."""
        current = self.currentId()
        if current == DATABASE:
            return OFFICE
        if current == OFFICE:
            return ADMIN if self.database_step.state.is_new else FINISH
        if current == ADMIN:
            return FINISH
        return -1

    def _entered(self, page_id: int) -> None:
        state = self.database_step.state
        if page_id == OFFICE and state.has_operators and self._filled is not state:
            self._filled = state  # once per database read: going back keeps what was typed
            self.office_step.fill(state.settings)
            self.office_step.setSubTitle(t.EXISTING)
        elif page_id == OFFICE:
            self.office_step.setSubTitle(t.OFFICE_HINT)
        if page_id == FINISH:
            self.finish_step.offer_demo(not state.has_people)
            self.finish_step.show_summary(self.summary())

    def plan(self) -> Plan:
        """Everything typed, as Concluir needs it."""
        database = self.database_step
        admin = self.admin_step.data() if database.state.is_new else None
        return Plan(database.url(), self.office_step.data(), admin, database.password(),
                    self.finish_step.demo_people(), self.acting_login)

    def summary(self) -> list[str]:
        """The lines shown before Concluir."""
        office = self.office_step.data()
        lines = [t.SUMMARY_DATABASE.format(where=self.database_step.where()),
                 t.SUMMARY_OFFICE.format(name=office.name, cnpj=format_cnpj(office.document))]
        if self.database_step.state.is_new:
            lines.append(t.SUMMARY_ADMIN.format(login=self.admin_step.data().login))
        else:
            lines.append(t.SUMMARY_EXISTING)
        return lines

    def reject(self) -> None:
        """Cancelar waits while Concluir is at work (a half-made database helps nobody)."""
        if not self.finish_step.busy:
            super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, current_url: str | None = None,
            acting_login: str = "") -> Outcome | None:
        """Show the wizard; what it did, or None when cancelled."""
        wizard = cls(parent, current_url=current_url, acting_login=acting_login)
        wizard.exec()
        outcome = wizard.outcome
        if outcome is not None and not outcome.keyring_kept:
            QMessageBox.information(parent, t.TITLE, t.NO_KEYRING)
        return outcome
