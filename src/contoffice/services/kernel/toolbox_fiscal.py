"""The fiscal tools of the client panel (Documentos Fiscais Pendentes and Gerados; INV-K, INV-L).

Every one runs through the window's own dialog (a note goes to the Sefin, is printed or is
e-mailed), so they are FORM tools; the command line has its own `nfse` commands.
"""

from __future__ import annotations

from contoffice.services.kernel.tools import Rows, Runs, Tool

FISCAL_PENDING, FISCAL_ISSUED = "client.fiscal_pending", "client.fiscal_issued"
FISCAL_PANEL = "Documentos fiscais"

# Permission keys the fiscal services require (services/fiscal/*).
GENERATE, EDIT, CANCEL, ANNUL = "fiscal.generate", "fiscal.edit", "fiscal.cancel", "fiscal.annul"
PRINT, SEND, SETTINGS = "fiscal.print", "fiscal.send", "settings.fiscal"

FISCAL_TOOLS: tuple[Tool, ...] = (
    # Declaration order is each page's toolbar order (the seed's order on Gerados).
    Tool("fiscal.generate", "Gerar documento fiscal", GENERATE, FISCAL_PANEL, Rows.MANY,
         Runs.FORM, pages=(FISCAL_PENDING,), action="generate", icon="new"),
    Tool("fiscal.edit", "Editar informações do documento fiscal", EDIT, FISCAL_PANEL, Rows.ONE,
         Runs.FORM, pages=(FISCAL_ISSUED,), action="edit", icon="edit"),
    Tool("fiscal.cancel", "Cancelar Documento", CANCEL, FISCAL_PANEL, Rows.ONE, Runs.FORM,
         pages=(FISCAL_ISSUED,), action="cancel"),
    Tool("fiscal.annul", "Anular Documento", ANNUL, FISCAL_PANEL, Rows.ONE, Runs.FORM,
         pages=(FISCAL_PENDING, FISCAL_ISSUED), action="annul"),
    Tool("fiscal.print", "Imprimir documento fiscal", PRINT, FISCAL_PANEL, Rows.ONE, Runs.FORM,
         pages=(FISCAL_ISSUED,), action="print", icon="save"),
    Tool("fiscal.send", "Enviar e-mail ao cliente", SEND, FISCAL_PANEL, Rows.ONE, Runs.FORM,
         pages=(FISCAL_ISSUED,), action="send"),
)
# Screens guarded by a key of their own (the permission screen lists them under the panel).
FISCAL_ACCESS: tuple[tuple[str, str, str], ...] = (
    (SETTINGS, "Configurações", "Dados fiscais"),
)
