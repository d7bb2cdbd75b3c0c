"""Envio em massa: choose, Simular (who gets what, who is skipped and why), then Enviar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contoffice.core.message_vocab import MessageChannel, TemplateScope
from contoffice.errors import ContofficeError
from contoffice.services.admin.setup import Database
from contoffice.services.messaging import accounts, gateways, mass
from contoffice.services.messaging.templates_store import list_templates
from contoffice.ui import tool_flow
from contoffice.ui.context import WindowContext
from contoffice.ui.messages_area import labels as t
from contoffice.ui.messages_area import sending
from contoffice.ui.messages_area.mass_options import Lists, MassOptions
from contoffice.ui.messages_area.mass_preview import PlanPreview
from contoffice.ui.operations import Operation, error_text, show_error

# What Enviar hands on: the batch queued and the e-mail accounts it goes out on.
Queued = Callable[[int, tuple[str, ...]], None]


def read_lists(db: Database) -> Lists:
    """The mass templates of each channel, the active accounts and gateways (a quick read)."""
    templates = {channel: [tpl.name for tpl in list_templates(db.uow(), TemplateScope.MASS,
                                                                channel)]
                 for channel in MessageChannel}
    names = [row.data.name for row in accounts.list_accounts(db.uow(), only_active=True)]
    sms = [(row.id, row.data.name) for row in gateways.list_gateways(db.uow())
           if row.data.active]
    return Lists(templates, names, sms)


class MassDialog(QDialog):
    """The options, the dry run's tables, Simular / Enviar / Fechar."""

    def __init__(self, parent: QWidget | None, ctx: WindowContext, lists: Lists,
                 people: Sequence[int], on_queued: Queued) -> None:
        super().__init__(parent)
        self.setObjectName("mass_dialog")
        self.setWindowTitle(t.MASS)
        self.setMinimumSize(760, 560)
        self.ctx, self._on_queued = ctx, on_queued
        self.plan: mass.BatchPlan | None = None
        self.batch_id: int | None = None
        self.operation: Operation | None = None
        self.busy = False
        self.options = MassOptions(lists, people, self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice_label")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.preview = PlanPreview(self)
        self.simulate_button = QPushButton(t.SIMULATE, self)
        self.simulate_button.setObjectName("simulate_button")
        self.send_button = QPushButton(t.SEND, self)
        self.send_button.setObjectName("send_button")
        self.send_button.setEnabled(False)
        close = QPushButton(t.CLOSE, self)
        close.setObjectName("close_button")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.simulate_button, self.send_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.notice)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.simulate_button.clicked.connect(self.simulate)
        self.send_button.clicked.connect(self.send)
        close.clicked.connect(self.reject)
        self.options.changed.connect(self._options_changed)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _options_changed(self) -> None:
        """A plan simulated with other options is not the one Enviar would send."""
        if self.plan is not None:
            self.plan = None
            self._say(t.STALE_PLAN)
        self.send_button.setEnabled(False)

    def _run(self, fn: Callable[[Any], Any], title: str,
             done: Callable[[Any], None]) -> Operation:
        self.busy = True
        self.simulate_button.setEnabled(False)
        self.send_button.setEnabled(False)
        self.operation = Operation(self, fn, title=title)

        def ended() -> None:
            self.busy = False
            self.simulate_button.setEnabled(True)
            self.send_button.setEnabled(bool(self.plan and self.plan.lines))

        self.operation.finished.connect(ended)
        self.operation.on_success(done).on_error(self._refused)
        self.operation.run()
        return self.operation

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ContofficeError):
            self._say(error_text(error))
        else:
            show_error(self, error)

    def simulate(self) -> Operation:
        """Simular: the dry run on a worker; nothing is written."""
        db, actor, options = self.ctx.db, self.ctx.actor, self.options
        selection, template, channel = options.selection(), options.template, options.channel
        account, gateway_id = options.account, options.gateway_id
        self.plan = None
        self._say(t.SIMULATING)
        return self._run(lambda _progress: mass.plan_batch(
            db.uow(), actor, selection, template=template, channel=channel, account=account,
            gateway_id=gateway_id), t.SIMULATE, self._planned)

    def _planned(self, plan: mass.BatchPlan) -> None:
        self.plan = plan
        self.preview.show_plan(plan)
        self._say("" if plan.lines else t.NOTHING_TO_SEND)

    def send(self) -> Operation | None:
        """Enviar: confirm, the account's password, the batch queued; the area sends it."""
        plan = self.plan
        if plan is None or not plan.lines or self.busy:
            return None
        if not tool_flow.ask_confirmation(self, t.ASK_SEND.format(n=len(plan.lines))):
            return None
        names = (self.options.account,) if plan.channel == "email" and self.options.account \
            else ()
        if not sending.ensure_passwords(self, self.ctx, names):
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self._say(t.QUEUEING)
        return self._run(lambda _progress: mass.queue_batch(db, actor, plan), t.MASS,
                         lambda batch_id: self._queued(batch_id, names))

    def _queued(self, batch_id: int, names: tuple[str, ...]) -> None:
        self.batch_id = batch_id
        self.accept()
        self._on_queued(batch_id, names)
