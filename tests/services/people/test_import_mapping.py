"""Which column fills which field: pt-BR headers however a system spells them."""

from __future__ import annotations

import pytest

from contoffice.errors import InvalidInput
from contoffice.services.people import import_mapping as mapping


def test_headers_are_read_with_accents_case_and_punctuation_ignored() -> None:
    headers = ("COD.", "Razão Social", "Nome Fantasia", "CNPJ/CPF", "E-MAIL", "Fone", "Celular",
               "C.E.P.", "Endereço", "Nº", "Compl.", "Bairro", "Município", "Estado", "Obs.",
               "Coluna sem uso", "Nome")
    assert mapping.guess(headers) == (
        "external_code", "name", "trade_name", "document", "email", "phone", "mobile",
        "postal_code", "street", "number", "complement", "district", "city", "state", "notes1",
        "", "")  # the second name column is left for the clerk


def test_a_mapping_corrects_the_guess_and_refuses_what_it_cannot_use() -> None:
    headers = ("Cliente", "Documento", "Apelido")
    assert mapping.apply_mapping(headers, {"apelido": "Nome fantasia", "Cliente": ""}) == (
        "", "document", "trade_name")
    assert mapping.apply_mapping(headers, {"Apelido": "name"}) == ("", "document", "name")
    with pytest.raises(InvalidInput, match="«Endereço», que a planilha não tem"):
        mapping.apply_mapping(headers, {"Endereço": "street"})
    with pytest.raises(InvalidInput, match="duas colunas: «Cliente» e «Apelido»"):
        mapping.check(headers, ("name", "document", "name"), 1)
