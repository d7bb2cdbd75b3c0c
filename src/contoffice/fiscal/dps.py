"""The DPS v1.01 XML (unsigned), elements in the XSD's sequence order (fiscal.md §1.2)."""

from __future__ import annotations

from lxml import etree

from contoffice.core.documents import normalize_document
from contoffice.fiscal import dps_rules
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.values import Address, DpsData, Party
from contoffice.fiscal.xml_values import block, date_time, digits, iso_date, line, money, rate

NS = "http://www.sped.fazenda.gov.br/nfse"
VERSION = "1.01"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    """Append a child in the NFS-e namespace (no prefix), with optional text."""
    child = etree.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        child.text = text
    return child


def _document(parent: etree._Element, document: str) -> None:
    """CPF or CNPJ element, chosen by length."""
    doc = normalize_document(document)
    _add(parent, "CPF" if len(doc) == 11 else "CNPJ", doc)


def _contact(parent: etree._Element, party: Party) -> None:
    """fone and email, only when they fit the layout (both are optional)."""
    phone = digits(party.phone)
    if 6 <= len(phone) <= 20:
        _add(parent, "fone", phone)
    email = line(party.email)
    if email and len(email) <= 80:
        _add(parent, "email", email)


def _address(parent: etree._Element, address: Address) -> None:
    """end: endNac{cMun, CEP}, xLgr, nro, xCpl?, xBairro."""
    end = _add(parent, "end")
    nac = _add(end, "endNac")
    _add(nac, "cMun", address.city_code)
    _add(nac, "CEP", digits(address.cep))
    _add(end, "xLgr", line(address.street)[:255])
    _add(end, "nro", line(address.number)[:60] or "S/N")
    if line(address.complement):
        _add(end, "xCpl", line(address.complement)[:156])
    _add(end, "xBairro", line(address.district)[:60])


def _provider(inf: etree._Element, data: DpsData) -> None:
    """prest: document, IM, contact, regTrib — no xNome/end when tpEmit=1 (E0121/E0128)."""
    prest = _add(inf, "prest")
    _document(prest, data.provider.document)
    if line(data.provider.municipal_registration):
        _add(prest, "IM", line(data.provider.municipal_registration)[:15])
    _contact(prest, data.provider)
    reg = _add(prest, "regTrib")
    _add(reg, "opSimpNac", str(data.regime.simples_option))
    if data.regime.simples_option == 3 and data.regime.simples_regime is not None:
        _add(reg, "regApTribSN", str(data.regime.simples_regime))
    _add(reg, "regEspTrib", str(data.regime.special_regime))


def _taker(inf: etree._Element, taker: Party) -> None:
    """toma: document, IM?, xNome, end?, fone?, email?."""
    toma = _add(inf, "toma")
    _document(toma, taker.document)
    if line(taker.municipal_registration):
        _add(toma, "IM", line(taker.municipal_registration)[:15])
    _add(toma, "xNome", line(taker.name))
    if taker.address is not None:
        _address(toma, taker.address)
    _contact(toma, taker)


def _service(inf: etree._Element, data: DpsData) -> None:
    """serv: locPrest, cServ{cTribNac, cTribMun?, xDescServ, cNBS?}, infoCompl?."""
    service = data.service
    serv = _add(inf, "serv")
    _add(_add(serv, "locPrest"), "cLocPrestacao", service.place_code)
    cserv = _add(serv, "cServ")
    _add(cserv, "cTribNac", digits(service.national_code))
    if service.municipal_code:
        _add(cserv, "cTribMun", digits(service.municipal_code))
    _add(cserv, "xDescServ", block(service.description))
    if service.nbs:
        _add(cserv, "cNBS", digits(service.nbs))
    if line(data.complement):  # TSString: one line, no breaks
        _add(_add(serv, "infoCompl"), "xInfComp", line(data.complement))


def _values(inf: etree._Element, data: DpsData) -> None:
    """valores: vServPrest{vServ}, trib{tribMun, totTrib}."""
    valores = _add(inf, "valores")
    _add(_add(valores, "vServPrest"), "vServ", money(data.amount_cents))
    trib = _add(valores, "trib")
    mun = _add(trib, "tribMun")
    _add(mun, "tribISSQN", "1")
    withheld = data.taxes.iss_withheld
    _add(mun, "tpRetISSQN", "2" if withheld else "1")
    # pAliq only when withheld: otherwise the Sefin takes the municipal rate (E0617/E0625).
    if withheld and data.taxes.iss_rate_bp is not None:
        _add(mun, "pAliq", rate(data.taxes.iss_rate_bp))
    total = _add(trib, "totTrib")
    if data.regime.simples_option == 3 and data.taxes.simples_total_rate_bp is not None:
        _add(total, "pTotTribSN", rate(data.taxes.simples_total_rate_bp))  # E0712
    else:
        _add(total, "indTotTrib", "0")


def build_dps_element(data: DpsData) -> etree._Element:
    """The checked DPS as an lxml element (for callers that sign without re-parsing)."""
    dps_rules.check(data)
    root = etree.Element(f"{{{NS}}}DPS", nsmap={None: NS})
    root.set("versao", VERSION)
    inf = _add(root, "infDPS")
    inf.set("Id", dps_id(data.emitter_city, data.provider.document, data.series, data.number))
    _add(inf, "tpAmb", str(data.environment))
    _add(inf, "dhEmi", date_time(data.issued_at))
    _add(inf, "verAplic", line(data.app_version))
    _add(inf, "serie", str(data.series))
    _add(inf, "nDPS", str(data.number))
    _add(inf, "dCompet", iso_date(data.competence))
    _add(inf, "tpEmit", "1")
    _add(inf, "cLocEmi", data.emitter_city)
    if data.substitution is not None:
        subst = _add(inf, "subst")
        _add(subst, "chSubstda", data.substitution.key)
        _add(subst, "cMotivo", data.substitution.reason_code)
        if line(data.substitution.reason_text):
            _add(subst, "xMotivo", line(data.substitution.reason_text))
    _provider(inf, data)
    if data.taker is not None:
        _taker(inf, data.taker)
    _service(inf, data)
    _values(inf, data)
    return root


def build_dps(data: DpsData) -> bytes:
    """Unsigned DPS v1.01: UTF-8, explicit declaration, no namespace prefix, XSD order."""
    root = build_dps_element(data)
    return DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)
