"""Qt's own words its pt-BR translation leaves in English (the file dialog's labels)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

# (context, source text) → pt-BR. Only what Qt's qtbase_pt_BR.qm lacks.
GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Examinar:",
    ("QFileDialog", "Look in:"): "Examinar:",
    ("QFileDialog", "Files of &type:"): "Arquivos do &tipo:",
    ("QFileDialog", "Files of type:"): "Arquivos do tipo:",
    ("QFileDialog", "Back"): "Voltar",
    ("QFileDialog", "Forward"): "Avançar",
    ("QFileDialog", "Parent Directory"): "Pasta acima",
    ("QFileDialog", "Create New Folder"): "Criar nova pasta",
    ("QFileDialog", "List View"): "Lista",
    ("QFileDialog", "Detail View"): "Detalhes",
    ("QFileDialog", "All Files (*)"): "Todos os arquivos (*)",
    ("QFileSystemModel", "Name"): "Nome",
    ("QFileSystemModel", "Size"): "Tamanho",
    ("QFileSystemModel", "Date Modified"): "Data de modificação",
    ("QFileSystemModel", "Type"): "Tipo",
}


class GapTranslator(QTranslator):
    """Answers only the texts of GAPS; Qt's translator answers the rest."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The pt-BR text, or None (a null text: not mine) so Qt asks the next translator."""
        return GAPS.get((context, source))

    def isEmpty(self) -> bool:
        """Never empty: Qt skips empty translators."""
        return False
