"""Step 4: the optional demo office, the summary, and Concluir running the setup in a worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from contoffice.demo.office import MAX_PEOPLE, MIN_PEOPLE
from contoffice.errors import InvalidInput
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.plan import Outcome, Plan, apply, check
from contoffice.ui.operations import Operation, error_text

DEMO_PEOPLE = 500  # what `make run` builds


class FinishStep(QWizardPage):
    """The demo checkbox, what will be done, and where it went wrong if it did."""

    def __init__(self, plan: Callable[[], Plan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(t.FINISH_TITLE)
        self.setSubTitle(t.FINISH_HINT)
        self._plan = plan
        self.demo_check = QCheckBox(t.DEMO, self)
        self.demo_check.setObjectName("demo_check")
        self.demo_spin = QSpinBox(self)
        self.demo_spin.setObjectName("demo_people_spin")
        self.demo_spin.setRange(MIN_PEOPLE, MAX_PEOPLE)
        self.demo_spin.setValue(DEMO_PEOPLE)
        self.demo_spin.setEnabled(False)
        self.demo_check.toggled.connect(self.demo_spin.setEnabled)
        form = QFormLayout()
        form.addRow(self.demo_check)
        form.addRow(t.DEMO_PEOPLE, self.demo_spin)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("finish_status")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.operation: Operation | None = None
        self.outcome: Outcome | None = None
        self.busy = False

    def demo_people(self) -> int:
        """How many demo people to create (0: none)."""
        return self.demo_spin.value() if self.demo_check.isChecked() else 0

    def offer_demo(self, allowed: bool) -> None:
        """The demo only goes into a database without people."""
        self.demo_check.setEnabled(allowed)
        if not allowed:
            self.demo_check.setChecked(False)

    def show_summary(self, lines: list[str]) -> None:
        """What Concluir will do."""
        self.summary_label.setText("\n".join(lines))
        self.status_label.clear()

    def validatePage(self) -> bool:
        """Concluir: the first press starts the work; the wizard closes when it ends well."""
        if self.outcome is not None:
            return True
        if self.busy:
            return False
        plan = self._plan()
        try:
            check(plan)
        except InvalidInput as error:
            self.status_label.setText(str(error))
            return False
        self.busy = True
        self.status_label.setText(t.WORKING)
        self._buttons(False)
        self.operation = Operation(self, lambda progress: apply(plan, progress), title=t.TITLE)
        self.operation.on_success(self._done)
        self.operation.on_error(self._failed)
        self.operation.finished.connect(self._ended)
        self.operation.run()
        return False

    def _ended(self) -> None:
        if self.busy:  # ended without an answer (stopped): the clerk may try again
            self.busy = False
            self._buttons(True)
            self.status_label.clear()

    def _buttons(self, enabled: bool) -> None:
        wizard = self.wizard()
        for which in (wizard.WizardButton.BackButton, wizard.WizardButton.FinishButton,
                      wizard.WizardButton.CancelButton):
            button = wizard.button(which)
            if button is not None:
                button.setEnabled(enabled)

    def _done(self, outcome: Outcome) -> None:
        self.busy, self.outcome = False, outcome
        self._buttons(True)
        self.status_label.setText(t.DONE if outcome.keyring_kept else t.NO_KEYRING)
        self.wizard().accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._buttons(True)
        self.status_label.setText(error_text(error))
