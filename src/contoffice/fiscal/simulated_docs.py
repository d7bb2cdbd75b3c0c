"""The documents the Sefin would return, built on this computer for the local simulator.

`nfse_xml` wraps a signed DPS into an NFS-e v1.01 (the DPS embedded untouched, values
copied from it, the issuer's registry data from `emitter`); `event_xml` wraps a pedRegEvento
into an evento v1.01. Both come back unsigned: the simulator signs them with its own key.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree

from contoffice.core.format import SAO_PAULO
from contoffice.core.municipalities import by_code
from contoffice.fiscal.ids import registration
from contoffice.fiscal.values import Party

NS = "http://www.sped.fazenda.gov.br/nfse"
APP = "SimuladorLocal_1.0"
# xTribNac of the codes an accounting office bills; others get a neutral description.
_NATIONAL = {"171901": "Contabilidade, inclusive serviços técnicos e auxiliares."}
_CENT = Decimal("0.01")


def q(name: str) -> str:
    """The qualified name of an element of the NFS-e namespace."""
    return f"{{{NS}}}{name}"


def text(node: etree._Element | None, path: str) -> str:
    """Text at a slash path of NFS-e elements below `node` ('' when absent)."""
    if node is None:
        return ""
    found = node.find("/".join(q(part) for part in path.split("/")))
    return (found.text or "").strip() if found is not None else ""


def moment(value: datetime) -> str:
    """TSDateTimeUTC in São Paulo time: AAAA-MM-DDThh:mm:ss-03:00."""
    return value.astimezone(SAO_PAULO).isoformat(timespec="seconds")


def _dv(body: str) -> str:
    """Módulo 11, weights 2..9 from the right; letters count as ord(c) - 48 (CNPJ rule)."""
    total = sum((ord(c) - 48) * (2 + i % 8) for i, c in enumerate(reversed(body)))
    rest = total % 11
    return "0" if rest < 2 else str(11 - rest)


def access_key(city: str, document: str, number: int, processed: datetime, code: str) -> str:
    """cMun(7) + ambGer 2 + tpInsc + inscrição(14) + nNFSe(13) + AAMM + código(9) + DV."""
    kind, padded = registration(document)
    body = f"{city}2{kind}{padded}{number:013d}{processed.astimezone(SAO_PAULO):%y%m}{code}"
    return body + _dv(body)


def _add(parent: etree._Element, name: str, value: str) -> None:
    if value:
        etree.SubElement(parent, q(name)).text = value


def _city(code: str) -> tuple[str, str]:
    found = by_code(code)
    return (found.name, found.state) if found else (f"Município {code}", "EX")


def _money(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP):.2f}"


def _amount(node: etree._Element, path: str) -> Decimal:
    return Decimal(text(node, path) or "0")


def _emitter(inf: etree._Element, dps: etree._Element, emitter: Party | None,
             signer_name: str) -> None:
    """emit: the registry's view of the provider (the DPS of tpEmit=1 carries no name)."""
    prest = dps.find(q("prest"))
    emit = etree.SubElement(inf, q("emit"))
    cnpj, cpf = text(prest, "CNPJ"), text(prest, "CPF")
    _add(emit, "CNPJ" if cnpj else "CPF", cnpj or cpf)
    _add(emit, "IM", (emitter.municipal_registration if emitter else "") or text(prest, "IM"))
    _add(emit, "xNome", (emitter.name if emitter else "") or text(prest, "xNome") or signer_name)
    address = emitter.address if emitter else None
    # The emitter's city must be a real one (the simulator checked cLocEmi is).
    city = address.city_code if address and by_code(address.city_code) else text(dps, "cLocEmi")
    end = etree.SubElement(emit, q("enderNac"))
    _add(end, "xLgr", address.street if address else "Endereço não cadastrado no simulador")
    _add(end, "nro", address.number if address else "S/N")
    _add(end, "xCpl", address.complement if address else "")
    _add(end, "xBairro", address.district if address else "Não informado")
    _add(end, "cMun", city)
    _add(end, "UF", _city(city)[1])
    _add(end, "CEP", "".join(filter(str.isdigit, address.cep)) if address else "00000000")
    phone = "".join(filter(str.isdigit, emitter.phone if emitter else "")) or text(prest, "fone")
    _add(emit, "fone", phone if 6 <= len(phone) <= 20 else "")
    _add(emit, "email", ((emitter.email if emitter else "") or text(prest, "email"))[:80])


def _values(inf: etree._Element, dps: etree._Element) -> None:
    """valores: base, ISS at the DPS's rate, withheld amounts and the net value."""
    val = dps.find(q("valores"))
    service = _amount(val, "vServPrest/vServ")
    base = service - _amount(val, "vDescCondIncond/vDescIncond")
    rate = text(val, "trib/tribMun/pAliq")
    iss = (base * Decimal(rate) / 100).quantize(_CENT, ROUND_HALF_UP) if rate else None
    withheld = iss if iss is not None and text(val, "trib/tribMun/tpRetISSQN") in ("2", "3") \
        else Decimal(0)
    for federal in ("vRetCP", "vRetIRRF", "vRetCSLL"):
        withheld += _amount(val, f"trib/tribFed/{federal}")
    out = etree.SubElement(inf, q("valores"))
    _add(out, "vBC", _money(base))
    if iss is not None:
        _add(out, "pAliqAplic", rate)
        _add(out, "vISSQN", _money(iss))
    if withheld:
        _add(out, "vTotalRet", _money(withheld))
    net = base - _amount(val, "vDescCondIncond/vDescCond") - withheld
    _add(out, "vLiq", _money(net))


def nfse_xml(dps_root: etree._Element, *, key: str, number: int, dfse: int,
             processed: datetime, emitter: Party | None, signer_name: str) -> etree._Element:
    """The unsigned NFSe element for a verified DPS (the DPS element is moved inside)."""
    dps = dps_root.find(q("infDPS"))
    assert dps is not None  # the caller validated the DPS against its XSD
    root = etree.Element(q("NFSe"), nsmap={None: NS}, versao="1.01")
    inf = etree.SubElement(root, q("infNFSe"), Id=f"NFS{key}")
    place = text(dps, "serv/locPrest/cLocPrestacao")
    _add(inf, "xLocEmi", _city(text(dps, "cLocEmi"))[0])
    abroad = text(dps, "serv/locPrest/cPaisPrestacao")
    _add(inf, "xLocPrestacao", _city(place)[0] if place else abroad)
    _add(inf, "nNFSe", str(number))
    # Item 17.19 (and most of LC 116): the ISS is due where the provider is established.
    _add(inf, "cLocIncid", text(dps, "cLocEmi"))
    _add(inf, "xLocIncid", _city(text(dps, "cLocEmi"))[0])
    code = text(dps, "serv/cServ/cTribNac")
    _add(inf, "xTribNac", _NATIONAL.get(code, f"Serviço do código nacional {code[:2]}.{code[2:4]}."
                                              f"{code[4:]}"))
    for name, value in (("verAplic", APP), ("ambGer", "2"), ("tpEmis", "1"), ("procEmi", "1"),
                        ("cStat", "100"), ("dhProc", moment(processed)), ("nDFSe", str(dfse))):
        _add(inf, name, value)
    _emitter(inf, dps, emitter, signer_name)
    _values(inf, dps)
    inf.append(dps_root)
    return root


def event_xml(request: etree._Element, *, key: str, event_type: str, sequence: int, dfse: int,
              processed: datetime) -> etree._Element:
    """The unsigned evento element registering a pedRegEvento (moved inside)."""
    root = etree.Element(q("evento"), nsmap={None: NS}, versao="1.01")
    inf = etree.SubElement(root, q("infEvento"), Id=f"EVT{key}{event_type}{sequence:03d}")
    for name, value in (("verAplic", APP), ("ambGer", "2"), ("nSeqEvento", str(sequence)),
                        ("dhProc", moment(processed)), ("nDFSe", str(dfse))):
        _add(inf, name, value)
    inf.append(request)
    return root


def substitution_request(key: str, substitute: str, author: str, environment: str,
                         reason: str, reason_text: str, processed: datetime) -> etree._Element:
    """The pedRegEvento e105102 the Sefin itself raises on the note a new DPS replaces."""
    root = etree.Element(q("pedRegEvento"), nsmap={None: NS}, versao="1.01")
    inf = etree.SubElement(root, q("infPedReg"), Id=f"PRE{key}105102")
    kind, padded = registration(author)
    for name, value in (("tpAmb", environment), ("verAplic", APP), ("dhEvento", moment(processed)),
                        ("CNPJAutor" if kind == "2" else "CPFAutor",
                         padded if kind == "2" else padded[-11:]), ("chNFSe", key)):
        _add(inf, name, value)
    body = etree.SubElement(inf, q("e105102"))
    _add(body, "xDesc", "Cancelamento de NFS-e por Substituição")
    _add(body, "cMotivo", reason)
    _add(body, "xMotivo", reason_text if len(reason_text) >= 15 else "")
    _add(body, "chSubstituta", substitute)
    return root
