"""Turns libxml2's English schema errors into pt-BR text naming the element."""

from __future__ import annotations

import re

from lxml import etree

_MAX_ERRORS = 3
_ELEMENT = re.compile(r"^Element '(?P<el>[^']+)'(?:, attribute '(?P<attr>[^']+)')?: (?P<rest>.*)$",
                      re.S)
_FACET = re.compile(r"^\[facet '(?P<facet>\w+)'\] (?P<rest>.*)$", re.S)
_VALUE = re.compile(r"The value '(?P<value>.*?)' ", re.S)
_NUMBERS = re.compile(r"'(\d+)'")
_NS = re.compile(r"\{[^}]*\}")


def _local(name: str) -> str:
    """Drop the {namespace} from a qualified name."""
    return _NS.sub("", name)


def _expected(rest: str) -> str:
    """The 'Expected is ( a, b )' list as plain local names."""
    match = re.search(r"Expected is(?: one of)? \( (.*?) \)", rest)
    return ", ".join(_local(x.strip()) for x in match.group(1).split(",")) if match else ""


def _facet(facet: str, rest: str) -> str:
    """pt-BR for one facet failure."""
    value = _VALUE.search(rest)
    shown = f"'{value.group('value')}'" if value else ""
    numbers = _NUMBERS.findall(rest)
    if facet == "pattern":
        pattern = re.search(r"pattern '(.*)'", rest, re.S)
        return f"valor {shown} fora do formato {pattern.group(1) if pattern else ''}".rstrip()
    if facet == "enumeration":
        return f"valor {shown} não está entre os códigos permitidos"
    if facet == "maxLength" and len(numbers) >= 2:
        return f"tamanho {numbers[0]} acima do máximo de {numbers[1]} caracteres"
    if facet == "minLength" and len(numbers) >= 2:
        return f"tamanho {numbers[0]} abaixo do mínimo de {numbers[1]} caracteres"
    return f"valor {shown} não aceito (restrição {facet})".replace("  ", " ")


def _detail(rest: str) -> str:
    """pt-BR for the part of a libxml2 message after "Element 'x': "."""
    facet = _FACET.match(rest)
    if facet:
        return _facet(facet.group("facet"), facet.group("rest"))
    if rest.startswith("Missing child element"):
        expected = _expected(rest)
        # libxml2 lists every element that may come next, optional ones included.
        if "," in expected:
            return f"falta um dos elementos: {expected}"
        return f"falta o elemento {expected}"
    if rest.startswith("No matching global declaration"):
        return "este elemento raiz não é o documento esperado"
    if rest.startswith("This element is not expected"):
        expected = _expected(rest)
        return "elemento fora de ordem ou não permitido" + (
            f"; esperado: {expected}" if expected else "")
    required = re.match(r"The attribute '(.+)' is required but missing", rest)
    if required:
        return f"falta o atributo {required.group(1)}"
    atomic = re.match(r"'(.*)' is not a valid value of the atomic type '(.+)'", rest, re.S)
    if atomic:
        return f"valor '{atomic.group(1)}' inválido para o tipo {_local(atomic.group(2))}"
    if "content type is 'element-only'" in rest:
        return "texto não permitido neste grupo"
    if "is not a valid value of" in rest:
        return "valor inválido"
    return "conteúdo não aceito pelo leiaute"


def _path(doc: etree._Element, xpath: str | None, fallback: str) -> str:
    """The element's ancestry as local names (e.g. infDPS/toma/CNPJ)."""
    try:
        found = doc.xpath(xpath) if xpath else []
    except etree.XPathError:
        found = []
    if not found or not isinstance(found[0], etree._Element):
        return fallback
    names = [_local(e.tag) for e in (found[0], *found[0].iterancestors())][::-1]
    return "/".join(names[1:] or names)


def describe(doc: etree._Element, errors: list[etree._LogEntry]) -> tuple[str, str]:
    """(pt-BR message, first element's local name) for a failed validation."""
    parts: list[str] = []
    seen: set[str] = set()
    first = ""
    for error in errors:
        match = _ELEMENT.match(error.message or "")
        if match is None:
            continue
        element = _local(match.group("el"))
        where = _path(doc, error.path, element)
        if where in seen:  # libxml2 repeats a facet failure as an atomic-type failure
            continue
        seen.add(where)
        first = first or element
        attr = f" (atributo {match.group('attr')})" if match.group("attr") else ""
        parts.append(f"<{where}>{attr}: {_detail(match.group('rest'))}")
        if len(parts) == _MAX_ERRORS:
            break
    if not parts:
        parts.append("documento não aceito pelo leiaute")
    return "XML fora do leiaute: " + "; ".join(parts) + ".", first
