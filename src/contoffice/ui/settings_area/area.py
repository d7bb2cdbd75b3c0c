"""The Configurações area: one tab per settings tool the operator may use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from contoffice.services.kernel.permissions import ALL_KEYS, Actor
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.settings_area import backups_texts, sending_texts
from contoffice.ui.settings_area.backups_page import BackupsPage
from contoffice.ui.settings_area.fiscal_page import TITLE as FISCAL_TITLE
from contoffice.ui.settings_area.fiscal_page import FiscalPage
from contoffice.ui.settings_area.mail_accounts_page import MailAccountsArea
from contoffice.ui.settings_area.office_page import OfficePage
from contoffice.ui.settings_area.operators_page import OperatorsPage
from contoffice.ui.settings_area.profiles_page import ProfilesPage
from contoffice.ui.settings_area.reasons_page import ReasonsPage
from contoffice.ui.settings_area.roles_page import RolesPage

SETTINGS_KEYS = frozenset(k for k in ALL_KEYS if k.startswith("settings."))


def can_open(actor: Actor) -> bool:
    """Whether the operator holds any settings key (otherwise the area is hidden)."""
    return any(actor.can(key) for key in SETTINGS_KEYS)


class OperatorsArea(QTabWidget):
    """Operadores e permissões: the operators, and the roles with their tools."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operators_area")
        self.setDocumentMode(True)
        self.operators = OperatorsPage(ctx, self)
        self.roles = RolesPage(ctx, self)
        self.addTab(self.operators, texts.OPERATORS_TAB)
        self.addTab(self.roles, texts.ROLES_TAB)
        # A role edited here changes what the operators' combo shows by name only; the
        # list is reloaded when the tab comes back so new roles appear.
        self.currentChanged.connect(
            lambda _i: self.operators.refresh(self.operators.form.operator_id)
        )

    def refresh(self) -> None:
        """F5."""
        self.operators.refresh(self.operators.form.operator_id)
        self.roles.refresh()


PAGES: tuple[tuple[str, str, Callable[[WindowContext, QWidget], QWidget]], ...] = (
    ("settings.payment_profiles", texts.SETTINGS_PROFILES, ProfilesPage),
    ("settings.operators", texts.SETTINGS_OPERATORS, OperatorsArea),
    ("settings.office", texts.SETTINGS_OFFICE, OfficePage),
    ("settings.suspension_reasons", texts.SETTINGS_REASONS, ReasonsPage),
    ("settings.mail_accounts", sending_texts.TITLE, MailAccountsArea),
    ("settings.backups", backups_texts.TITLE, BackupsPage),
    ("settings.fiscal", FISCAL_TITLE, FiscalPage),
)


class SettingsArea(QTabWidget):
    """Profiles de pagamento, Operadores e permissões, Configuração Básica — as permitted."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_area")
        self.pages: dict[str, QWidget] = {}
        for key, title, factory in PAGES:
            if ctx.actor.can(key):
                page = factory(ctx, self)
                self.pages[key] = page
                self.addTab(page, title)

    def refresh(self) -> None:
        """F5 on the page shown."""
        page = self.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
