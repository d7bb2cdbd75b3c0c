"""The manual's sections: one Markdown file each in contoffice/help, read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from contoffice.core.text import fold

HOME = "inicio"
# Reading order of the contents list; a file not named here comes at the end.
ORDER = (
    HOME, "primeira-execucao", "clientes", "importar-clientes", "painel-do-cliente",
    "contratos", "faturas-a-receber", "faturas-a-pagar", "contas-nao-faturadas",
    "contas-a-pagar", "faturas-excluidas", "contas-a-receber-liquidadas",
    "contas-a-pagar-liquidadas", "documentos-fiscais-gerados", "documentos-fiscais-pendentes",
    "mensagens-do-cliente", "negativas-de-debitos", "recorrencia", "atividade", "notas",
    "faturamento", "cobranca-bancaria", "fiscal", "mensagens", "relatorios", "configuracoes",
    "profiles-de-pagamento", "operadores-e-permissoes", "configuracao-basica",
    "motivos-de-suspensao", "contas-de-envio", "copias-de-seguranca", "dados-fiscais",
    "bloqueio",
)


@dataclass(frozen=True, slots=True)
class Section:
    """One section: its anchor (the file's name), its title (the first line) and its text."""

    key: str
    title: str
    text: str

    def mentions(self, words: str) -> bool:
        """Whether the section speaks of `words` (accents and case ignored)."""
        return fold(words) in fold(self.text)


@cache
def sections() -> tuple[Section, ...]:
    """Every section, in reading order."""
    folder = resources.files("contoffice").joinpath("help")
    found: dict[str, Section] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".md"):
            continue
        text = entry.read_text(encoding="utf-8")
        title = text.splitlines()[0].removeprefix("#").strip() if text else entry.name
        key = entry.name.removesuffix(".md")
        found[key] = Section(key, title, text)
    ordered = [found[k] for k in ORDER if k in found]
    return tuple(ordered + sorted((s for k, s in found.items() if k not in ORDER),
                                  key=lambda s: fold(s.title)))


def section(key: str) -> Section | None:
    """The section with that anchor."""
    return next((s for s in sections() if s.key == key), None)


def by_title(title: str) -> Section | None:
    """The section whose title is `title` (a tab's text; accents and case ignored)."""
    wanted = fold(title)
    return next((s for s in sections() if fold(s.title) == wanted), None)


def search(words: str) -> list[Section]:
    """The sections that mention `words`, those with it in the title first."""
    if not words.strip():
        return list(sections())
    hits = [s for s in sections() if s.mentions(words)]
    return sorted(hits, key=lambda s: fold(words) not in fold(s.title))
