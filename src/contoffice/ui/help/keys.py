"""Which section of the manual belongs to the panel on screen.

Panels are not edited to carry a help key: the walk goes down the tabs shown (the window's,
an area's, the client panel's pages), and the deepest one with a section wins — by grid key,
by object name, or by the tab's own title when a section bears it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from contoffice.ui.client.pages import PAGES
from contoffice.ui.help import manual

CLIENT_PANEL = "painel-do-cliente"
# The navigation's areas, by their name in texts.NAVIGATION.
AREA_SECTIONS = {
    "Clientes": "clientes", "Faturamento": "faturamento", "Cobrança bancária": "cobranca-bancaria",
    "Mensagens": "mensagens", "Fiscal": "fiscal", "Relatórios": "relatorios",
    "Configurações": "configuracoes",
}
# Grids with tools (the client panel's pages and the areas' grids), by grid key.
PAGE_SECTIONS = {
    "client.contracts": "contratos", "client.receivable": "faturas-a-receber",
    "client.payable": "faturas-a-pagar", "client.unbilled": "contas-nao-faturadas",
    "client.payable_charges": "contas-a-pagar", "client.removed": "faturas-excluidas",
    "client.settled_receivable": "contas-a-receber-liquidadas",
    "client.settled_payable": "contas-a-pagar-liquidadas",
    "client.fiscal_issued": "documentos-fiscais-gerados",
    "client.fiscal_pending": "documentos-fiscais-pendentes",
    "client.messages": "mensagens-do-cliente", "client.clearances": "negativas-de-debitos",
    "client.recurrence": "recorrencia", "client.activity": "atividade", "client.notes": "notas",
    "bank.remittances": "cobranca-bancaria", "bank.returns": "cobranca-bancaria",
    "messages.sent": "mensagens", "fiscal.pending": "fiscal", "fiscal.issued": "fiscal",
}
# Configurações' pages, by the permission key of settings_area.area.PAGES.
SETTINGS_SECTIONS = {
    "settings.payment_profiles": "profiles-de-pagamento",
    "settings.operators": "operadores-e-permissoes", "settings.office": "configuracao-basica",
    "settings.suspension_reasons": "motivos-de-suspensao",
    "settings.mail_accounts": "contas-de-envio", "settings.backups": "copias-de-seguranca",
    "settings.fiscal": "dados-fiscais",
}
OBJECT_SECTIONS = {
    "finder": "clientes", "billing_area": "faturamento", "bank_area": "cobranca-bancaria",
    "messages_area": "mensagens", "fiscal_area": "fiscal", "reports_area": "relatorios",
    "settings_area": "configuracoes", "profiles_page": "profiles-de-pagamento",
    "operators_area": "operadores-e-permissoes", "office_page": "configuracao-basica",
    "reasons_page": "motivos-de-suspensao", "mail_accounts_area": "contas-de-envio",
    "first_run_wizard": "primeira-execucao",
}


def area_section(name: str) -> str | None:
    """The section of a navigation area."""
    found = AREA_SECTIONS.get(name) or _titled(name)
    return found if found and manual.section(found) else None


def page_section(grid: str, title: str = "") -> str | None:
    """The section of a grid page (by its key, else by its title)."""
    found = PAGE_SECTIONS.get(grid) or _titled(title)
    return found if found and manual.section(found) else None


def settings_section(key: str, title: str = "") -> str | None:
    """The section of a Configurações page (by its permission key, else by its title)."""
    found = SETTINGS_SECTIONS.get(key) or _titled(title)
    return found if found and manual.section(found) else None


def _titled(title: str) -> str | None:
    found = manual.by_title(title) if title else None
    return found.key if found else None


def section_for(widget: QWidget | None) -> str:
    """The section of the panel shown inside `widget` (the manual's first one if none)."""
    key = manual.HOME
    current = widget
    while current is not None:
        key = _own(current) or key
        current = _shown_child(current)
    return key


def _own(widget: QWidget) -> str | None:
    pages = getattr(widget, "pages_tabs", None)
    if isinstance(pages, QTabWidget) and hasattr(widget, "person_id"):  # a client panel
        index = pages.currentIndex()
        if 0 <= index < len(PAGES):
            return page_section(PAGES[index].grid, PAGES[index].title) or CLIENT_PANEL
        return CLIENT_PANEL
    page = getattr(widget, "page", None)
    grid = getattr(page, "grid", None)
    if isinstance(grid, str) and page_section(grid):
        return page_section(grid)
    if isinstance(widget, QTabWidget) and widget.currentIndex() >= 0:
        # The tab's title names the page inside, deeper than the tab widget itself.
        titled = _titled(widget.tabText(widget.currentIndex()).replace("&", ""))
        if titled:
            return titled
    return OBJECT_SECTIONS.get(widget.objectName())


def _shown_child(widget: QWidget) -> QWidget | None:
    """The page shown inside: a tab widget's current page, or the tabs a panel holds."""
    if isinstance(widget, QTabWidget | QStackedWidget):
        return widget.currentWidget()
    if hasattr(widget, "pages_tabs"):  # the client panel: its page was read above
        return None
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return widget.findChild(QTabWidget, "", direct) or widget.findChild(QStackedWidget, "", direct)
