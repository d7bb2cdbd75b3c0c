"""The dialogs of Documentos Fiscais Gerados: observations 1–4 (INV-K-2) and the cancel event."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from contoffice.ui.dialogs.base import ToolDialog

EDIT_TITLE = "Editar informações do documento fiscal"
CANCEL_TITLE = "Cancelar Documento"
ANNUL_TITLE = "Anular Documento"
GENERATE_TITLE = "Gerar documento fiscal"
PRINT_TITLE = "Imprimir documento fiscal"
OBSERVATIONS = (
    "Observação 1 (cadastro de clientes)",
    "Observação 2 (cadastro de clientes)",
    "Observação 3 (da competência)",
    "Observação 4 (do contrato)",
)
EDIT_HINT = ("Os dados abaixo podem ser alterados conforme desejado. Após, basta salvar as "
             "alterações e imprimir a nota novamente.")
# The reasons of the cancel event e101101 (cMotivo of the pedRegEvento XSD).
CANCEL_REASONS = ((1, "1 – Erro na emissão"), (2, "2 – Serviço não prestado"), (9, "9 – Outros"))
REASON, JUSTIFICATION = "Motivo", "Justificativa"
JUSTIFICATION_MIN, JUSTIFICATION_MAX = 15, 255
COUNT = "{n} de {low}–{high} caracteres"
CANCEL_HINT = ("O cancelamento registra o evento na Sefin Nacional: a nota continua com o seu "
               "número e a próxima nota segue a numeração.")
ANNUL_QUESTION = ("Anular o documento fiscal selecionado? Se for o último gerado, o número da "
                  "DPS volta para a numeração e a próxima nota o usará de novo.")


class ObservationsDialog(ToolDialog):
    """Observação 1–4, pre-filled from the client, the competência and the contract."""

    def __init__(self, parent: QWidget | None, values: Sequence[str]) -> None:
        super().__init__(parent, EDIT_TITLE)
        hint = QLabel(EDIT_HINT, self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.edits = [self.memo(label, f"observation{n}_edit", value)
                      for n, (label, value) in enumerate(zip(OBSERVATIONS, values,
                                                             strict=True), start=1)]
        self.setMinimumWidth(620)
        self.revalidate()

    def value(self) -> tuple[str, str, str, str]:
        """The four observations as typed (trimmed)."""
        first, second, third, fourth = (e.toPlainText().strip() for e in self.edits)
        return first, second, third, fourth


class CancelDialog(ToolDialog):
    """The reason code of the XSD and a justification of 15 to 255 characters."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent, CANCEL_TITLE)
        hint = QLabel(f"{title}\n{CANCEL_HINT}", self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.reason_combo = QComboBox(self)
        for code, caption in CANCEL_REASONS:
            self.reason_combo.addItem(caption, code)
        self.add_row(REASON, self.reason_combo, "reason_combo")
        self.justification_edit = self.memo(JUSTIFICATION, "justification_edit")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.form.addRow("", self.count_label)
        self.revalidate()

    def justification(self) -> str:
        """The justification as typed (trimmed)."""
        return self.justification_edit.toPlainText().strip()

    def is_valid(self) -> bool:
        size = len(self.justification())
        self.count_label.setText(COUNT.format(n=size, low=JUSTIFICATION_MIN,
                                              high=JUSTIFICATION_MAX))
        return JUSTIFICATION_MIN <= size <= JUSTIFICATION_MAX

    def value(self) -> tuple[int, str]:
        """(reason code, justification)."""
        return int(self.reason_combo.currentData()), self.justification()
