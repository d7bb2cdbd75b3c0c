"""The Importar clientes window: file → columns → Simular → Importar, the work on workers.

Reading, simulating and importing run as `Operation`s (progress after 500 ms, Cancelar);
a cancelled import leaves nothing. The import publishes its Changes, so the finder lists
the new clients.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.people import importing
from contoffice.services.people.importing import SheetData
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation, error_text
from contoffice.ui.people_import import labels as t
from contoffice.ui.people_import.file_page import FilePage
from contoffice.ui.people_import.mapping_page import MappingTable
from contoffice.ui.people_import.plan_page import PlanPage
from contoffice.ui.table_export import export_sheet

FILE_PAGE, MAPPING_PAGE, PLAN_PAGE, RESULT_PAGE = range(4)


class PeopleImportDialog(QDialog):
    """The import's steps; `result` holds the import once done."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(t.TITLE)
        self.resize(860, 560)
        self.sheet: SheetData | None = None
        self.result: Any = None  # ImportResult or ContractsResult, once imported
        self.operation: Operation | None = None
        self.last_export: Operation | None = None
        self.pages = QStackedWidget(self)
        self.file_page = FilePage(self)
        self.path = self.file_page.path
        self.path.textChanged.connect(self._update)
        self.mapping = MappingTable(self)
        self.plan_page = PlanPage(self)
        self.plan_page.skip_refused.toggled.connect(self._update)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("done_label")
        self.done_label.setWordWrap(True)
        self.pages.addWidget(self.file_page)
        self.pages.addWidget(self._page(t.STEP_MAPPING, self.mapping))
        self.pages.addWidget(self.plan_page)
        self.pages.addWidget(self._page("", self.done_label))
        self.notice = QLabel(self)
        self.notice.setObjectName("notice_label")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "error")
        self.back = self._button(t.BACK, "back_button", self._back)
        self.export = self._button(t.EXPORT, "export_button", self._export)
        self.forward = self._button(t.NEXT, "next_button", self._forward)
        self.close_button = self._button(t.CLOSE, "close_button", self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(self.forward)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self._go(FILE_PAGE)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _page(self, text: str, body: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if text:
            layout.addWidget(QLabel(text, page))
        layout.addWidget(body, 1)
        return page

    @property
    def step(self) -> int:
        """The page shown (FILE_PAGE … RESULT_PAGE)."""
        return self.pages.currentIndex()

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.forward.setText({MAPPING_PAGE: t.SIMULATE, PLAN_PAGE: t.IMPORT}.get(page, t.NEXT))
        self.forward.setVisible(page != RESULT_PAGE)
        self.back.setVisible(page in (MAPPING_PAGE, PLAN_PAGE))
        self.export.setVisible(page == PLAN_PAGE)
        self._update()

    def _busy(self) -> bool:
        return self.operation is not None and self.operation.result is None and (
            self.operation.error is None)

    def _update(self, *_args: Any) -> None:
        page, ready = self.step, not self._busy()
        if page == FILE_PAGE:
            self.forward.setEnabled(ready and bool(self.path.text().strip()))
        elif page == PLAN_PAGE:
            self.forward.setEnabled(ready and self.plan_page.can_import())
            plan = self.plan_page.plan
            self.export.setEnabled(plan is not None and bool(plan.refused))
        else:
            self.forward.setEnabled(ready)

    def _say(self, text: str, *, error: bool = True) -> None:
        self.notice.setProperty("role", "error" if error else "")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _back(self) -> None:
        self._say("")
        self._go(self.step - 1)

    def _forward(self) -> None:
        self._say("")
        if self.step == FILE_PAGE:
            path = Path(self.path.text().strip())
            self._run(lambda progress: importing.read_file(path, progress), self._read)
        elif self.step == MAPPING_PAGE:
            self._simulate()
        elif self.step == PLAN_PAGE:
            self._import()

    def _run(self, fn: Callable[[Any], Any], then: Callable[[Any], None]) -> None:
        operation = Operation(self, fn, title=t.TITLE)
        operation.on_success(then).on_error(self._failed)
        self.operation = operation
        self.forward.setEnabled(False)
        operation.finished.connect(self._update)
        operation.run()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, self.file_page.kind.refused):  # refused since the simulation
            self.plan_page.show_plan(error.plan)  # type: ignore[attr-defined]
            self._go(PLAN_PAGE)
        self._say(error_text(error))

    def _read(self, sheet: SheetData) -> None:
        self.sheet = sheet
        kind = self.file_page.kind
        self.mapping.show_sheet(sheet, kind.guess(sheet.headers), kind.fields)
        self._say(t.READ.format(name=sheet.name, rows=len(sheet.rows), header=sheet.header_row),
                  error=False)
        self._go(MAPPING_PAGE)

    def _simulate(self) -> None:
        db, actor, sheet, columns = self.ctx.db, self.ctx.actor, self.sheet, self.mapping.columns()
        assert sheet is not None
        preview = self.file_page.kind.preview
        self._run(lambda progress: preview(db.uow(), actor, sheet, columns, progress=progress),
                  self._simulated)

    def _simulated(self, plan: Any) -> None:
        self.plan_page.show_plan(plan)
        self._go(PLAN_PAGE)

    def _import(self) -> None:
        db, actor, sheet, columns = self.ctx.db, self.ctx.actor, self.sheet, self.mapping.columns()
        skip = self.plan_page.skip_refused.isChecked()
        assert sheet is not None
        apply = self.file_page.kind.apply
        self._run(lambda progress: apply(db.uow(), actor, sheet, columns, skip_refused=skip,
                                         progress=progress), self._imported)

    def _imported(self, result: Any) -> None:
        self.result = result
        codes = [code for _row, code in result.created]
        self.done_label.setText(self.file_page.kind.done.format(
            created=len(codes), name=result.plan.file, first=min(codes), last=max(codes),
            refused=len(result.plan.refused)))
        self.ctx.changes.publish(result.changes, self)
        self.ctx.notify(t.NOTIFY.format(created=len(codes)))
        self._go(RESULT_PAGE)

    def _export(self) -> None:
        self.last_export = export_sheet(self, self.plan_page.sheet, db=self.ctx.db,
                                        notify=self.ctx.notify)


def open_people_import(parent: QWidget, ctx: WindowContext) -> PeopleImportDialog:
    """Open the window (not blocking); the caller may keep it to follow its steps."""
    dialog = PeopleImportDialog(ctx, parent)
    dialog.open()
    return dialog
