"""Builds the pt-BR "<campo> inválido: <motivo>" messages with the right gender."""

from __future__ import annotations

import unicodedata

from contoffice.core.validation import ValidationError

# Feminine field names that the suffix rule below would miss, and masculine ones it would catch.
_FEMININE = frozenset({"data", "competencia", "chave", "razao", "url", "senha"})
_MASCULINE = frozenset({"dia", "sistema", "programa", "problema", "cnpj", "cpf", "cep"})
_FEMININE_SUFFIXES = ("a", "cao", "dade", "gem")


def _first_word(field: str) -> str:
    """The field's first word, lower-case and without accents."""
    words = field.split()
    if not words:
        return ""
    decomposed = unicodedata.normalize("NFKD", words[0].lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_feminine(field: str) -> bool:
    """Guess the grammatical gender of a pt-BR field name ("Data" → True, "Valor" → False)."""
    word = _first_word(field)
    if word in _MASCULINE:
        return False
    return word in _FEMININE or word.endswith(_FEMININE_SUFFIXES)


def invalid(field: str, detail: str) -> ValidationError:
    """A ValidationError reading "<field> inválido: <detail>" (or "inválida")."""
    adjective = "inválida" if is_feminine(field) else "inválido"
    return ValidationError(f"{field} {adjective}: {detail}", field)


def required(field: str) -> ValidationError:
    """A ValidationError for an empty mandatory field."""
    return ValidationError(f"{field}: campo obrigatório.", field)


def not_found(what: str, code: object) -> str:
    """ "Fatura 5 não encontrada (pode ter sido removida …)", in the thing's gender."""
    end = "a" if is_feminine(what) else "o"
    return (f"{what} {code} não encontrad{end} "
            f"(pode ter sido removid{end} por outro usuário).")
