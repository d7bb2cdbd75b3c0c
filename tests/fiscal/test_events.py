"""The cancel request pedRegEvento v1.01 / e101101."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from lxml import etree

from contoffice.fiscal.dps import NS
from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.events import build_cancel_event
from contoffice.fiscal.schema import validate
from contoffice.fiscal.values import CancelData
from tests.fiscal.samples import KEY, OFFICE_CNPJ

WHEN = datetime(2026, 11, 21, 17, 30, 12, 999_000, tzinfo=UTC)
DATA = CancelData(KEY, 2, WHEN, OFFICE_CNPJ, 1, "Valor do serviço digitado errado",
                  "contoffice-1.0")


def test_cancel_event_follows_the_v101_layout() -> None:
    xml = build_cancel_event(DATA)
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<pedRegEvento xmlns="')
    validate(xml, "event")
    root = etree.fromstring(xml)
    assert root.get("versao") == "1.01" and etree.QName(root).namespace == NS
    inf = root[0]
    assert inf.get("Id") == f"PRE{KEY}101101" and len(inf.get("Id")) == 59
    assert [etree.QName(c).localname for c in inf] == [
        "tpAmb", "verAplic", "dhEvento", "CNPJAutor", "chNFSe", "e101101"]
    texts = {etree.QName(c).localname: c.text for c in inf}
    assert texts["dhEvento"] == "2026-11-21T14:30:12-03:00"
    assert texts["CNPJAutor"] == OFFICE_CNPJ and texts["chNFSe"] == KEY
    assert [(etree.QName(c).localname, c.text) for c in inf[5]] == [
        ("xDesc", "Cancelamento de NFS-e"), ("cMotivo", "1"),
        ("xMotivo", "Valor do serviço digitado errado")]


def test_alphanumeric_key_and_cpf_author() -> None:
    key = "410690222" + "12ABC34501DE35" + "0000000000012" + "2611" + "123456789" + "1"
    xml = build_cancel_event(replace(DATA, key=key, provider_document="529.982.247-25",
                                     reason_code=9))
    inf = etree.fromstring(xml)[0]
    assert inf.find(f"{{{NS}}}CPFAutor").text == "52998224725"
    assert inf.find(f"{{{NS}}}e101101/{{{NS}}}cMotivo").text == "9"


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        ({"reason_code": 4}, "Motivo do cancelamento inválido: 4", "cMotivo"),
        ({"justification": "curta"}, "deve ter de 15 a 255 caracteres (tem 5)", "xMotivo"),
        ({"justification": "x" * 256}, "(tem 256)", "xMotivo"),
        ({"key": KEY[:-1]}, "Chave de acesso da NFS-e inválida", "chNFSe"),
        ({"provider_document": "11222333000180"}, "CPF/CNPJ do autor do cancelamento inválido",
         "CNPJAutor"),
        ({"environment": 3}, "Ambiente inválido: 3.", "tpAmb"),
        ({"issued_at": datetime(2026, 11, 21)}, "sem fuso horário", "dhEvento"),
    ],
)
def test_refusals(changes: dict, message: str, field: str) -> None:
    with pytest.raises(DpsInvalid) as caught:
        build_cancel_event(replace(DATA, **changes))
    assert message in caught.value.message and caught.value.field == field
