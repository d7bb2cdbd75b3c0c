"""XSD validation: pinned hashes, derived patches, safe parsing, pt-BR errors naming elements."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from contoffice.fiscal.dps import build_dps
from contoffice.fiscal.errors import DpsInvalid
from contoffice.fiscal.events import build_cancel_event
from contoffice.fiscal.schema import (
    SchemaFilesChanged,
    compile_schema,
    load_files,
    schema,
    validate,
    xsd_folder,
)
from contoffice.fiscal.values import Party
from contoffice.fiscal.xsd_patches import PATTERN_PATCHES, XSD_SHA256
from tests.fiscal.samples import sample_dps

ENGLISH = ("Element", "expected", "Missing", "facet", "not accepted", "atomic type")


def _refusal(xml: bytes, kind: str = "dps") -> DpsInvalid:
    with pytest.raises(DpsInvalid) as caught:
        validate(xml, kind)
    message = caught.value.message
    assert message.startswith("XML fora do leiaute: ") or message.startswith("XML malformado")
    assert not any(word in message for word in ENGLISH), message
    return caught.value


def test_installed_files_match_the_pinned_hashes() -> None:
    folder = xsd_folder()
    for name, digest in XSD_SHA256.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_a_changed_file_is_refused_with_its_name(tmp_path: Path) -> None:
    for name in XSD_SHA256:
        shutil.copy(xsd_folder() / name, tmp_path / name)
    compile_schema("dps", tmp_path)  # the untouched copy compiles
    target = tmp_path / "tiposSimples_v1.01.xsd"
    target.write_bytes(target.read_bytes().replace(b"[0-9]{14}", b"[0-9]{15}"))
    with pytest.raises(SchemaFilesChanged, match=r"tiposSimples_v1\.01\.xsd difere do conferido"):
        compile_schema("dps", tmp_path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaFilesChanged, match=r"ausente: DPS_v1\.01\.xsd"):
        load_files(tmp_path)


def test_patches_are_applied_in_memory_only() -> None:
    files = load_files(xsd_folder())
    patched = files["tiposSimples_v1.01.xsd"].decode()
    for name, (_shipped, used) in PATTERN_PATCHES.items():
        assert f'value="{used}"' in patched.replace("&amp;", "&"), name
    on_disk = (xsd_folder() / "tiposSimples_v1.01.xsd").read_text(encoding="utf-8")
    assert 'value="[0-9]{14}"' in on_disk


def test_schemas_are_cached() -> None:
    assert schema("dps") is schema("dps")
    assert schema("event") is not schema("dps")


def test_alphanumeric_cnpj_passes_only_in_upper_case() -> None:
    xml = build_dps(sample_dps(taker=Party("12ABC34501DE35", "Cliente")))
    validate(xml)
    error = _refusal(xml.replace(b"<CNPJ>12ABC34501DE35", b"<CNPJ>12abc34501de35"))
    assert error.field == "CNPJ"
    assert "<infDPS/toma/CNPJ>" in error.message and "12abc34501de35" in error.message


def test_serie_above_89999_is_refused_by_the_derived_pattern() -> None:
    xml = build_dps(sample_dps())
    validate(xml.replace(b"<serie>1</serie>", b"<serie>89999</serie>"))
    error = _refusal(xml.replace(b"<serie>1</serie>", b"<serie>90000</serie>"))
    assert error.field == "serie" and "'90000'" in error.message


def test_missing_mandatory_child_names_it() -> None:
    xml = build_dps(sample_dps()).replace(b"<xNome>CLIENTE EXEMPLO LTDA</xNome>", b"")
    error = _refusal(xml)
    assert error.field == "toma"
    assert "<infDPS/toma>: falta um dos elementos: CAEPF, IM, xNome" in error.message


def test_element_out_of_order_names_it_and_what_was_expected() -> None:
    xml = build_dps(sample_dps())
    xml = xml.replace(b"<tpAmb>2</tpAmb><dhEmi>", b"<dhEmi>", 1).replace(
        b"</dhEmi>", b"</dhEmi><tpAmb>2</tpAmb>", 1)
    error = _refusal(xml)
    assert error.field == "dhEmi"
    assert "elemento fora de ordem ou não permitido; esperado: tpAmb" in error.message


def test_enumeration_and_length_messages() -> None:
    xml = build_dps(sample_dps())
    error = _refusal(xml.replace(b"<tpAmb>2</tpAmb>", b"<tpAmb>7</tpAmb>"))
    assert error.field == "tpAmb" and "'7' não está entre os códigos permitidos" in error.message
    long_name = b"N" * 301
    error = _refusal(xml.replace(b"CLIENTE EXEMPLO LTDA", long_name))
    assert "tamanho 301 acima do máximo de 300 caracteres" in error.message


def test_missing_id_attribute_is_named() -> None:
    xml = build_dps(sample_dps())
    error = _refusal(xml.replace(b' Id="DPS410690221122233300018100001000000000000001"', b""))
    assert error.field == "infDPS" and "falta o atributo Id" in error.message


def test_wrong_document_kind_is_refused() -> None:
    error = _refusal(build_dps(sample_dps()), "event")
    assert "<DPS>: este elemento raiz não é o documento esperado" in error.message


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(DpsInvalid, match=r"XML malformado \(linha 2\)"):
        validate(b'<?xml version="1.0"?>\n<DPS><infDPS></DPS>')


def test_external_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SEGREDO-DO-DISCO")
    xml = build_dps(sample_dps()).replace(
        b'<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE DPS [<!ENTITY e SYSTEM '
        f'"file://{secret}">]>\n'.encode(),
    ).replace(b"CLIENTE EXEMPLO LTDA", b"&e;")
    with pytest.raises(DpsInvalid, match="DOCTYPE não é aceito") as caught:
        validate(xml)
    assert "SEGREDO" not in caught.value.message


def test_nfse_and_event_kinds_validate_real_documents() -> None:
    sample = xsd_folder().parent.parent / "samples" / "v1_0" / "nfse-ibscbs.xml"
    validate(sample.read_bytes(), "nfse")
    from datetime import UTC, datetime

    from contoffice.fiscal.values import CancelData
    from tests.fiscal.samples import KEY
    event = build_cancel_event(CancelData(KEY, 2, datetime(2026, 11, 21, tzinfo=UTC),
                                          "11222333000181", 2, "Serviço não foi prestado",
                                          "contoffice-1.0"))
    validate(event, "event")
    with pytest.raises(ValueError):
        validate(event, "cte")
