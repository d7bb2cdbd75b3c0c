"""The choices and parsing of Configurações → Dados fiscais (codes of the DPS v1.01 XSD)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject, QStringListModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from contoffice.core import municipalities
from contoffice.errors import InvalidInput

# opSimpNac
SIMPLES = ((3, "Simples Nacional – ME/EPP"), (2, "Simples Nacional – MEI"),
           (1, "Não optante pelo Simples Nacional"))
# regApTribSN (ME/EPP only)
SIMPLES_REGIMES = (
    (1, "Tributos federais e ISS apurados pelo Simples Nacional"),
    (2, "Tributos federais pelo Simples Nacional, ISS fora dele"),
    (3, "Tributos federais e ISS fora do Simples Nacional"),
)
# regEspTrib
SPECIAL = ((0, "Nenhum"), (1, "Ato cooperado (cooperativa)"), (2, "Estimativa"),
           (3, "Microempresa municipal"), (4, "Notário ou registrador"),
           (5, "Profissional autônomo"), (6, "Sociedade de profissionais"), (9, "Outros"))
ENVIRONMENTS = ((2, "Produção restrita (homologação)"), (1, "Produção"))
TRANSMISSIONS = (("sefin", "Sefin Nacional"), ("simulador", "Simulador local (demonstração)"))
PROFILES = (("sha256", "RSA-SHA256 (padrão)"), ("sha1", "RSA-SHA1 (legado)"))
SERVICE_HINT = "17.19 – Contabilidade, inclusive serviços técnicos e auxiliares (171901)"
PERCENT_WRONG = "informe um percentual como 2,00"


def fill(combo: QComboBox, options: tuple[tuple[object, str], ...]) -> QComboBox:
    """Put (code, caption) options in a combo box."""
    for code, caption in options:
        combo.addItem(caption, code)
    return combo


def pick(combo: QComboBox, code: object) -> None:
    """Select the option with `code` (the first when it is unknown)."""
    combo.setCurrentIndex(max(0, combo.findData(code)))


class CityLookup(QObject):
    """The municipality typed by name (IBGE list, accents ignored) fills its 7-digit code."""

    def __init__(self, name_edit: QLineEdit, code_edit: QLineEdit, parent: QObject) -> None:
        super().__init__(parent)
        self.name_edit, self.code_edit = name_edit, code_edit
        self._cities = QStringListModel(self)
        self.completer = QCompleter(self._cities, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        name_edit.setCompleter(self.completer)
        name_edit.textEdited.connect(self.suggest)
        self.completer.activated.connect(self.pick)
        code_edit.textEdited.connect(self.code_typed)

    def suggest(self, text: str) -> None:
        """The municipalities whose name starts with what was typed."""
        found = municipalities.search(text) if len(text.strip()) >= 2 else []
        self._cities.setStringList([m.label for m in found])

    def pick(self, label: str) -> None:
        """A municipality chosen from the list ("Campinas/SP") fills its IBGE code."""
        name, _, state = label.rpartition("/")
        found = municipalities.by_name(name, state)
        if found is not None:
            self.name_edit.setText(found.label)
            self.code_edit.setText(found.code)

    def code_typed(self, code: str) -> None:
        """A code typed shows its municipality's name (nothing for an unknown one)."""
        found = municipalities.by_code(code) if len(code.strip()) == 7 else None
        self.name_edit.setText(found.label if found else "")


def parse_rate(text: str, field: str, label: str) -> int | None:
    """A percentage typed as 2,00 (or 2.5) in basis points; blank is None."""
    cleaned = text.strip().replace("%", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned.replace(".", "").replace(",", ".") if "," in cleaned
                        else cleaned)
    except InvalidOperation:
        raise InvalidInput(f"{label}: {PERCENT_WRONG}.", field=field) from None
    if value < 0 or value > 100 or value != value.quantize(Decimal("0.01")):
        raise InvalidInput(f"{label}: {PERCENT_WRONG}.", field=field)
    return int(value * 100)


def format_rate(basis_points: int | None) -> str:
    """Basis points as the clerk types them: 200 → 2,00."""
    if basis_points is None:
        return ""
    return f"{basis_points // 100},{basis_points % 100:02d}"


# -- the page's words ---------------------------------------------------------------------
TITLE = "Dados fiscais"
CITY_HINT = "Digite o nome do município"
CITY_UNKNOWN = "Município não encontrado na lista do IBGE: escolha-o na lista."
LABELS = {
    "municipal_registration": "Inscrição municipal",
    "simples_option": "Regime tributário",
    "simples_regime": "Apuração no Simples Nacional",
    "special_regime": "Regime especial de tributação",
    "service_code": "Código de tributação nacional",
    "city_code": "Município (código IBGE)",
    "municipal_code": "Código de tributação municipal",
    "nbs": "NBS",
    "description": "Descrição do serviço",
    "iss_rate_bp": "Alíquota do ISS (%)",
    "iss_withheld": "ISS retido pelo tomador",
    "simples_total_rate_bp": "Alíquota efetiva do Simples (%)",
    "series": "Série da DPS",
    "environment": "Ambiente",
    "transmission": "Transmissão",
    "signature_profile": "Perfil de assinatura",
    "first_competence": "Primeira competência com nota",
    "on_settled": "Emitir pelo valor liquidado",
}
ON_SETTLED = "A nota aguarda a liquidação da fatura e leva o valor pago"
WITHHELD = "O tomador retém o ISS"
