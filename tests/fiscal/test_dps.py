"""DPS v1.01 builder: random documents validate against the XSD; rule refusals in pt-BR."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date, datetime

import pytest
from lxml import etree

from contoffice.fiscal.dps import NS, build_dps
from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.schema import validate
from contoffice.fiscal.values import Address, Party, Regime, ServiceLine, Substitution, Taxes
from tests.fiscal.samples import ALNUM_CNPJ, KEY, random_dps, sample_dps

INF_ORDER = ["tpAmb", "dhEmi", "verAplic", "serie", "nDPS", "dCompet", "tpEmit", "cLocEmi",
             "subst", "prest", "toma", "serv", "valores"]
Q = {"n": NS}


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def _text(root: etree._Element, path: str) -> str | None:
    found = root.find(path, Q)
    return None if found is None else found.text


def test_the_research_minimal_dps_exactly() -> None:
    xml = build_dps(sample_dps())
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<DPS xmlns="' + NS.encode())
    validate(xml)
    root = _parse(xml)
    inf = root.find("n:infDPS", Q)
    assert inf.get("Id") == "DPS410690221122233300018100001000000000000001"
    assert [etree.QName(c).localname for c in inf] == [
        "tpAmb", "dhEmi", "verAplic", "serie", "nDPS", "dCompet", "tpEmit", "cLocEmi",
        "prest", "toma", "serv", "valores"]
    assert _text(inf, "n:dhEmi") == "2026-11-20T10:14:05-03:00"
    assert _text(inf, "n:serie") == "1" and _text(inf, "n:nDPS") == "1"
    prest = inf.find("n:prest", Q)
    assert [etree.QName(c).localname for c in prest] == ["CNPJ", "IM", "regTrib"]
    assert _text(inf, "n:valores/n:vServPrest/n:vServ") == "1500.00"
    assert _text(inf, "n:valores/n:trib/n:totTrib/n:pTotTribSN") == "6.00"
    assert inf.find("n:valores/n:trib/n:tribMun/n:pAliq", Q) is None
    assert _text(inf, "n:serv/n:cServ/n:cTribMun") == "001"
    assert _text(inf, "n:serv/n:cServ/n:cNBS") == "113022100"


def test_twenty_random_documents_cover_every_case() -> None:
    rng = random.Random(12)
    docs = [random_dps(rng, i) for i in range(20)]
    kinds = {len(d.taker.document) if d.taker else 0 for d in docs}
    assert kinds == {0, 11, 14}
    assert any(d.taker and not d.taker.document.isdigit() for d in docs)
    assert any(d.provider.document == ALNUM_CNPJ for d in docs)
    assert {d.regime.simples_option for d in docs} == {1, 3}
    assert any(d.substitution for d in docs) and any(not d.substitution for d in docs)
    assert any(d.taxes.iss_withheld for d in docs)


@pytest.mark.parametrize("index", range(20))
def test_random_dps_validates_and_follows_the_rules(index: int) -> None:
    rng = random.Random(12)
    data = [random_dps(rng, i) for i in range(20)][index]
    xml = build_dps(data)
    validate(xml)
    inf = _parse(xml).find("n:infDPS", Q)
    assert inf.get("Id") == dps_id(data.emitter_city, data.provider.document, data.series,
                                   data.number)
    names = [etree.QName(c).localname for c in inf]
    assert names == [n for n in INF_ORDER if n in names]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00", _text(inf, "n:dhEmi"))
    assert inf.find("n:prest/n:xNome", Q) is None and inf.find("n:prest/n:end", Q) is None
    assert (inf.find("n:toma", Q) is None) == (data.taker is None)
    if data.taker:
        assert _text(inf, "n:toma/n:xNome") == data.taker.name
    v_serv = _text(inf, "n:valores/n:vServPrest/n:vServ")
    assert v_serv == f"{data.amount_cents // 100}.{data.amount_cents % 100:02d}"
    p_aliq = _text(inf, "n:valores/n:trib/n:tribMun/n:pAliq")
    assert (p_aliq is not None) == data.taxes.iss_withheld
    assert _text(inf, "n:valores/n:trib/n:tribMun/n:tpRetISSQN") == (
        "2" if data.taxes.iss_withheld else "1")
    sn = _text(inf, "n:valores/n:trib/n:totTrib/n:pTotTribSN")
    assert (sn is not None) == (data.regime.simples_option == 3)
    assert (inf.find("n:subst", Q) is not None) == (data.substitution is not None)
    assert (inf.find("n:serv/n:infoCompl/n:xInfComp", Q) is not None) == bool(data.complement)


def test_taker_none_omits_toma_and_substitution_block() -> None:
    data = sample_dps(taker=None, substitution=Substitution(KEY, "99", "Tomador informado errado"))
    xml = build_dps(data)
    validate(xml)
    inf = _parse(xml).find("n:infDPS", Q)
    assert inf.find("n:toma", Q) is None
    assert [etree.QName(c).localname for c in inf.find("n:subst", Q)] == [
        "chSubstda", "cMotivo", "xMotivo"]


def test_withheld_iss_sends_rate_and_taker_address() -> None:
    taker = Party("52998224725", "Maria da Silva",
                  address=Address("Rua XV", "", "Centro", "4106902", "80.020-310"))
    data = sample_dps(taker=taker, taxes=Taxes(True, 500, 600), regime=Regime(1, None, 6))
    xml = build_dps(data)
    validate(xml)
    inf = _parse(xml).find("n:infDPS", Q)
    assert _text(inf, "n:toma/n:CPF") == "52998224725"
    assert _text(inf, "n:toma/n:end/n:endNac/n:CEP") == "80020310"
    assert _text(inf, "n:toma/n:end/n:nro") == "S/N"
    assert _text(inf, "n:valores/n:trib/n:tribMun/n:pAliq") == "5.00"
    assert _text(inf, "n:valores/n:trib/n:totTrib/n:indTotTrib") == "0"
    assert inf.find("n:prest/n:regTrib/n:regApTribSN", Q) is None


def _address(**changes: str) -> Address:
    return replace(Address("Rua A", "1", "Centro", "4106902", "80000000"), **changes)


REFUSALS = [
    ({"taker": Party("", "Cliente")}, "O tomador não tem CPF/CNPJ.", "tomador.CPF/CNPJ"),
    ({"taker": Party("11444777000162", "Cliente")}, "CPF/CNPJ do tomador inválido",
     "tomador.CPF/CNPJ"),
    ({"taker": Party("11444777000161", "  ")}, "O tomador não tem nome/razão social.",
     "tomador.xNome"),
    ({"taker": Party("11444777000161", "C", address=_address(city_code=""))},
     "Endereço do tomador: código do município (IBGE, 7 dígitos)", "tomador.cMun"),
    ({"taker": Party("11444777000161", "C", address=_address(cep="123"))},
     "CEP do tomador inválido", "tomador.CEP"),
    ({"service": ServiceLine("", "Honorários", "4106902")},
     "Código de tributação nacional do serviço (cTribNac) não informado.", "cTribNac"),
    ({"service": ServiceLine("1719", "Honorários", "4106902")},
     "Código de tributação nacional (cTribNac) inválido", "cTribNac"),
    ({"service": ServiceLine("171901", " \n ", "4106902")},
     "A descrição do serviço está vazia.", "xDescServ"),
    ({"service": ServiceLine("171901", "x" * 2001, "4106902")},
     "A descrição do serviço tem 2001 caracteres; o máximo é 2000.", "xDescServ"),
    ({"service": ServiceLine("171901", "Honorários", "")},
     "Local da prestação do serviço: código do município", "cLocPrestacao"),
    ({"service": ServiceLine("171901", "Honorários", "4106902", "1")},
     "Código de tributação municipal (cTribMun) inválido", "cTribMun"),
    ({"taxes": Taxes(True, 550, 600)},
     "Alíquota do ISS de 5,50 % acima do máximo de 5,00 % (E0595).", "pAliq"),
    ({"taxes": Taxes(True, None, 600)},
     "Alíquota do ISS obrigatória quando o ISS é retido pelo tomador.", "pAliq"),
    ({"taxes": Taxes(True, 200, 600), "taker": None},
     "ISS retido exige o tomador identificado", "tomador"),
    ({"taxes": Taxes()}, "Alíquota aproximada do Simples Nacional (pTotTribSN) não informada.",
     "pTotTribSN"),
    ({"regime": Regime(3, None, 0)},
     "Regime de apuração do Simples Nacional (ME/EPP) não informado.", "regApTribSN"),
    ({"competence": date(2026, 12, 1)},
     "A competência 01/12/2026 é posterior à data de emissão 20/11/2026.", "dCompet"),
    ({"series": 50000}, "Série da DPS 50000 fora da faixa de emissão por aplicativo próprio "
     "(1 a 49999).", "serie"),
    ({"series": 0}, "Série da DPS 0 fora da faixa", "serie"),
    ({"emitter_city": "41069"}, "Município emissor: código do município", "cLocEmi"),
    ({"amount_cents": 0}, "O valor do serviço deve ser maior que zero.", "vServ"),
    ({"complement": "y" * 2001}, "Informações complementares com mais de 2000", "xInfComp"),
    ({"issued_at": datetime(2026, 11, 20, 10, 0)}, "Data/hora de emissão sem fuso horário.",
     "dhEmi"),
    ({"substitution": Substitution(KEY, "99")},
     "Motivo da substituição obrigatório quando o código é 99", "xMotivo"),
    ({"substitution": Substitution(KEY, "07", "Motivo qualquer longo")},
     "Código do motivo da substituição inválido: 07.", "cMotivo"),
    ({"substitution": Substitution("123", "01")},
     "Chave de acesso da NFS-e substituída inválida", "chSubstda"),
    ({"provider": Party("11222333000182", "X")}, "CPF/CNPJ do prestador inválido",
     "prestador.CPF/CNPJ"),
]


@pytest.mark.parametrize(("changes", "message", "field"), REFUSALS,
                         ids=[r[2] + str(i) for i, r in enumerate(REFUSALS)])
def test_rule_refusals_name_the_field_in_portuguese(changes: dict, message: str,
                                                     field: str) -> None:
    with pytest.raises(DpsInvalid) as caught:
        build_dps(sample_dps(**changes))
    assert message in caught.value.message
    assert caught.value.field == field
    assert str(caught.value) == caught.value.message


def test_competence_compares_with_the_brasilia_date() -> None:
    # 01:30 UTC on 1 Dec is still 30 Nov in Brasília: competence 1 Dec is after the issue date.
    from datetime import UTC
    late = datetime(2026, 12, 1, 1, 30, tzinfo=UTC)
    with pytest.raises(DpsInvalid, match="posterior à data de emissão 30/11/2026"):
        build_dps(sample_dps(issued_at=late, competence=date(2026, 12, 1)))
    assert b"<dCompet>2026-11-01</dCompet>" in build_dps(sample_dps(issued_at=late))


def test_text_is_escaped_and_control_characters_dropped() -> None:
    taker = Party("11444777000161", "A & B <Ltda>\x07")
    xml = build_dps(sample_dps(taker=taker, complement="linha 1\r\nlinha 2\x00"))
    validate(xml)
    inf = _parse(xml).find("n:infDPS", Q)
    assert _text(inf, "n:toma/n:xNome") == "A & B <Ltda>"
    assert _text(inf, "n:serv/n:infoCompl/n:xInfComp") == "linha 1 linha 2"


def test_typographic_characters_become_latin1_where_the_layout_requires() -> None:
    xml = build_dps(sample_dps(complement="Contrato nº 12 — “anual” … ok ✓"))
    validate(xml)
    inf = _parse(xml).find("n:infDPS", Q)
    assert _text(inf, "n:serv/n:infoCompl/n:xInfComp") == 'Contrato nº 12 - "anual" ... ok'

