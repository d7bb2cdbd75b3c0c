"""Gerar remessa's dialog: the profile, and what its file will hold (a dry run on a worker)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from contoffice.core.format import format_money
from contoffice.errors import DatabaseUnavailable
from contoffice.services.bank_files.remittances import RemittanceResult, generate_remittance
from contoffice.services.panels.lookups import Choice
from contoffice.ui.bank import labels as t
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.operations import Operation, error_text, show_error


def will_hold(result: RemittanceResult) -> str:
    """What a remittance carries, in the clerk's words."""
    return t.WILL_HOLD.format(filename=result.filename, number=result.sequence_number,
                              titles=result.titles, registered=result.registered,
                              written_off=result.written_off,
                              total=format_money(result.total_cents))


class GenerateDialog(ToolDialog):
    """Choose the profile; Finalizar once its dry run says what the file holds."""

    def __init__(self, parent: QWidget | None, ctx: WindowContext,
                 profiles: Sequence[Choice]) -> None:
        self.preview: RemittanceResult | None = None
        self.preview_profile: int | None = None
        super().__init__(parent, t.GENERATE_TITLE)
        self.ctx = ctx
        self.operation: Operation | None = None
        self._again = False
        self.profile_combo = self.choice(t.PROFILE, "profile_combo", profiles)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setMinimumHeight(self.summary_label.fontMetrics().lineSpacing() * 3)
        # In the dialog's column, not the form: a wrapped label there gets its full height.
        self.body.insertWidget(self.body.indexOf(self.confirm_check), self.summary_label)
        self.profile_combo.currentIndexChanged.connect(lambda _i: self.load_preview())
        self.load_preview()

    @property
    def profile_id(self) -> int | None:
        """The chosen profile."""
        value = self.profile_combo.currentData()
        return int(value) if value is not None else None

    def load_preview(self) -> None:
        """Dry-run the chosen profile's remittance on the worker (one at a time)."""
        self.preview, self.preview_profile = None, None
        self.notice.hide()
        self.summary_label.setText(t.CHECKING)
        self.revalidate()
        profile_id = self.profile_id
        if profile_id is None:
            return
        if self.operation is not None:
            self._again = True  # the running check ends first, then this profile's
            return
        db, actor = self.ctx.db, self.ctx.actor
        operation = Operation(self, lambda _p: generate_remittance(
            db.uow(), actor, profile_id=profile_id, dry_run=True), title=t.GENERATE_TITLE)
        operation.on_success(lambda result: self._previewed(profile_id, result))
        operation.on_error(lambda error: self._refused(profile_id, error))
        operation.finished.connect(self._next)
        self.operation = operation
        if not operation.run():
            self.operation = None

    def _next(self) -> None:
        self.operation = None
        if self._again:
            self._again = False
            self.load_preview()

    def _previewed(self, profile_id: int, result: RemittanceResult) -> None:
        if profile_id != self.profile_id or self._again:
            return  # the clerk chose another profile meanwhile
        self.preview, self.preview_profile = result, profile_id
        self.summary_label.setText(will_hold(result))
        self.revalidate()
        self._grow()

    def _refused(self, profile_id: int, error: BaseException) -> None:
        if profile_id != self.profile_id or self._again:
            return
        if isinstance(error, DatabaseUnavailable):
            show_error(self, error)
        # "Nenhuma fatura aguarda remessa…", the office's CNPJ missing…: as the service says.
        self.summary_label.clear()
        self.show_notice(error_text(error))
        self.revalidate()
        self._grow()

    def _grow(self) -> None:
        """Tall enough for the wrapped texts that arrived after the dialog was shown."""
        layout = self.layout()
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def is_valid(self) -> bool:
        """A dry run of the profile shown said what the file holds."""
        return self.preview is not None and self.preview_profile == self.profile_id
