"""The DPS rules the XSD does not check, refused locally with pt-BR messages naming the field."""

from __future__ import annotations

import re
from typing import NoReturn

from contoffice.core.documents import is_valid_cnpj, is_valid_cpf, normalize_document
from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.values import Address, DpsData, Party, Substitution
from contoffice.fiscal.xml_values import block, date_br, digits, line, local_time, percent_br

MAX_ISS_BP = 500  # E0595: ISS above 5 %
SERIES_RANGE = range(1, 50000)  # E0010: 00001–49999 is the own-application (API) range
MAX_TEXT = 2000
SUBST_REASONS = frozenset({"01", "02", "03", "04", "05", "99"})
_KEY = re.compile(r"[0-9]{9}[0-9A-Z]{14}[0-9]{27}")


def _fail(message: str, field: str) -> NoReturn:
    """Raise the refusal."""
    raise DpsInvalid(message, field)


def _document(party: Party, who: str) -> None:
    """A present, valid CPF or CNPJ."""
    doc = normalize_document(party.document)
    if not doc:
        _fail(f"O {who} não tem CPF/CNPJ.", f"{who}.CPF/CNPJ")
    if not (is_valid_cpf(doc) if len(doc) == 11 else is_valid_cnpj(doc)):
        _fail(f"CPF/CNPJ do {who} inválido: {party.document}.", f"{who}.CPF/CNPJ")


def _city(code: str, label: str, field: str) -> None:
    """A 7-digit IBGE municipality code."""
    if not re.fullmatch(r"[0-9]{7}", code or ""):
        _fail(f"{label}: código do município (IBGE, 7 dígitos) não informado ou inválido.", field)


def _address(address: Address, who: str) -> None:
    """The parts endNac needs."""
    _city(address.city_code, f"Endereço do {who}", f"{who}.cMun")
    if len(digits(address.cep)) != 8:
        _fail(f"CEP do {who} inválido (8 dígitos): {address.cep}.", f"{who}.CEP")
    if not line(address.street):
        _fail(f"Endereço do {who} sem logradouro.", f"{who}.xLgr")
    if not line(address.district):
        _fail(f"Endereço do {who} sem bairro.", f"{who}.xBairro")


def _taker(data: DpsData) -> None:
    """Identified taker: document, name, city code."""
    taker = data.taker
    if taker is None:
        if data.taxes.iss_withheld:
            _fail("ISS retido exige o tomador identificado (CPF/CNPJ e nome).", "tomador")
        return
    _document(taker, "tomador")
    name = line(taker.name)
    if not name:
        _fail("O tomador não tem nome/razão social.", "tomador.xNome")
    if len(name) > 300:
        _fail("Nome do tomador com mais de 300 caracteres.", "tomador.xNome")
    if taker.address is not None:
        _address(taker.address, "tomador")


def _service(data: DpsData) -> None:
    """cTribNac, description, place, optional municipal code and NBS."""
    service = data.service
    if not service.national_code.strip():
        _fail("Código de tributação nacional do serviço (cTribNac) não informado.", "cTribNac")
    if not re.fullmatch(r"[0-9]{6}", digits(service.national_code)):
        _fail(f"Código de tributação nacional (cTribNac) inválido: {service.national_code}; "
              "use 6 dígitos (ex.: 171901).", "cTribNac")
    description = block(service.description)
    if not description:
        _fail("A descrição do serviço está vazia.", "xDescServ")
    if len(description) > MAX_TEXT:
        _fail(f"A descrição do serviço tem {len(description)} caracteres; o máximo é "
              f"{MAX_TEXT}.", "xDescServ")
    _city(service.place_code, "Local da prestação do serviço", "cLocPrestacao")
    if service.municipal_code and not re.fullmatch(r"[0-9]{3}", digits(service.municipal_code)):
        _fail(f"Código de tributação municipal (cTribMun) inválido: {service.municipal_code}; "
              "use 3 dígitos.", "cTribMun")
    if service.nbs and not re.fullmatch(r"[0-9]{9}", digits(service.nbs)):
        _fail(f"Código NBS inválido: {service.nbs}; use 9 dígitos.", "cNBS")


def _taxes(data: DpsData) -> None:
    """ISS rate, withholding and the Simples total rate."""
    taxes = data.taxes
    if taxes.iss_rate_bp is not None:
        if taxes.iss_rate_bp < 0:
            _fail("Alíquota do ISS negativa.", "pAliq")
        if taxes.iss_rate_bp > MAX_ISS_BP:
            _fail(f"Alíquota do ISS de {percent_br(taxes.iss_rate_bp)} acima do máximo de "
                  f"{percent_br(MAX_ISS_BP)} (E0595).", "pAliq")
    if taxes.iss_withheld and taxes.iss_rate_bp is None:
        _fail("Alíquota do ISS obrigatória quando o ISS é retido pelo tomador.", "pAliq")
    if data.regime.simples_option == 3:
        total = taxes.simples_total_rate_bp
        if total is None:
            _fail("Alíquota aproximada do Simples Nacional (pTotTribSN) não informada.",
                  "pTotTribSN")
        elif not 0 <= total < 10000:
            _fail(f"Alíquota aproximada do Simples Nacional inválida: {percent_br(total)}.",
                  "pTotTribSN")


def _regime(data: DpsData) -> None:
    """opSimpNac, regApTribSN (ME/EPP only), regEspTrib."""
    regime = data.regime
    if regime.simples_option not in (1, 2, 3):
        _fail(f"Opção pelo Simples Nacional inválida: {regime.simples_option}.", "opSimpNac")
    if regime.simples_option == 3 and regime.simples_regime not in (1, 2, 3):
        _fail("Regime de apuração do Simples Nacional (ME/EPP) não informado.", "regApTribSN")
    if regime.special_regime not in (0, 1, 2, 3, 4, 5, 6, 9):
        _fail(f"Regime especial de tributação inválido: {regime.special_regime}.", "regEspTrib")


def _substitution(subst: Substitution) -> None:
    """chSubstda, cMotivo and xMotivo (required for 99, E0078)."""
    if not _KEY.fullmatch(subst.key or ""):
        _fail("Chave de acesso da NFS-e substituída inválida (50 caracteres).", "chSubstda")
    if subst.reason_code not in SUBST_REASONS:
        _fail(f"Código do motivo da substituição inválido: {subst.reason_code}.", "cMotivo")
    text = line(subst.reason_text)
    if subst.reason_code == "99" and not text:
        _fail("Motivo da substituição obrigatório quando o código é 99 (outros).", "xMotivo")
    if text and not 15 <= len(text) <= 255:
        _fail("O motivo da substituição deve ter de 15 a 255 caracteres.", "xMotivo")


def check(data: DpsData) -> None:
    """Refuse, with a pt-BR message naming the field, what the XSD would not catch."""
    if data.environment not in (1, 2):
        _fail(f"Ambiente inválido: {data.environment} (1 produção, 2 produção restrita).", "tpAmb")
    if not 1 <= len(line(data.app_version)) <= 20:
        _fail("Versão do aplicativo deve ter de 1 a 20 caracteres.", "verAplic")
    if data.issued_at.tzinfo is None:
        _fail("Data/hora de emissão sem fuso horário.", "dhEmi")
    if data.series not in SERIES_RANGE:
        _fail(f"Série da DPS {data.series} fora da faixa de emissão por aplicativo próprio "
              "(1 a 49999).", "serie")
    if not 1 <= data.number <= 999_999_999_999_999:
        _fail(f"Número da DPS fora da faixa: {data.number}.", "nDPS")
    issued = local_time(data.issued_at).date()
    if data.competence > issued:
        _fail(f"A competência {date_br(data.competence)} é posterior à data de emissão "
              f"{date_br(issued)}.", "dCompet")
    _city(data.emitter_city, "Município emissor", "cLocEmi")
    _document(data.provider, "prestador")
    _regime(data)
    _taker(data)
    _service(data)
    if not 0 < data.amount_cents < 10**17:
        _fail("O valor do serviço deve ser maior que zero.", "vServ")
    _taxes(data)
    if len(line(data.complement)) > MAX_TEXT:
        _fail(f"Informações complementares com mais de {MAX_TEXT} caracteres.", "xInfComp")
    if data.substitution is not None:
        _substitution(data.substitution)
