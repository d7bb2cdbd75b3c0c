"""Validation against the NFS-e v1.01 XSDs (pinned, hash-checked, patched in memory, cached).

The schemas used are DERIVED, not official: nfelib 3.2.0's copy of the 20260209 bundle (SHA-256
checked) with the 20260727 alphanumeric-CNPJ patterns and the 20260727 TSSerieDPS applied in
memory at load; the table, provenance and the one deliberate deviation are in xsd_patches.py.
Files are parsed without network or entity expansion and includes are served from memory.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from functools import cache
from pathlib import Path

from lxml import etree

from contoffice.fiscal.errors import DpsInvalid, FiscalError
from contoffice.fiscal.schema_errors import describe
from contoffice.fiscal.xsd_patches import PATCHED_FILE, PATTERN_PATCHES, ROOTS, XSD_SHA256

XS = "http://www.w3.org/2001/XMLSchema"
_BASE = "file:///contoffice-nfse-xsd/"  # a fake folder: every file is served by _Local
_LOCK = threading.Lock()


class SchemaFilesChanged(FiscalError):
    """The installed XSD files are not the ones this program was checked against."""


def xsd_folder() -> Path:
    """nfelib's folder of v1.01 XSDs, found without importing nfelib's bindings."""
    spec = importlib.util.find_spec("nfelib")
    if spec is None or not spec.submodule_search_locations:
        raise SchemaFilesChanged("Os esquemas XSD da NFS-e (pacote nfelib) não estão instalados.")
    return Path(next(iter(spec.submodule_search_locations))) / "nfse" / "schemas" / "v1_0"


def _parser() -> etree.XMLParser:
    """No network, no entity expansion, no DTD loading (xmldsig-core-schema.xsd has a DOCTYPE)."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _patch(data: bytes) -> bytes:
    """Apply PATTERN_PATCHES to tiposSimples, refusing if a shipped pattern is not as expected."""
    tree = etree.fromstring(data, _parser())
    for name, (shipped, used) in PATTERN_PATCHES.items():
        path = f"{{{XS}}}simpleType[@name='{name}']/{{{XS}}}restriction/{{{XS}}}pattern"
        found = tree.findall(path)
        if len(found) != 1 or found[0].get("value") != shipped:
            raise SchemaFilesChanged(f"O esquema {PATCHED_FILE} não tem o tipo {name} esperado.")
        found[0].set("value", used)
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)


def load_files(folder: Path) -> dict[str, bytes]:
    """Every pinned file, hash-checked, with the patches applied."""
    files: dict[str, bytes] = {}
    for name, digest in XSD_SHA256.items():
        path = folder / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SchemaFilesChanged(f"Esquema XSD da NFS-e ausente: {name}.") from exc
        if hashlib.sha256(data).hexdigest() != digest:
            raise SchemaFilesChanged(
                f"O esquema XSD da NFS-e {name} difere do conferido (SHA-256); "
                "reinstale o programa."
            )
        files[name] = _patch(data) if name == PATCHED_FILE else data
    return files


class _Local(etree.Resolver):
    """Serves xs:include/xs:import from the in-memory files, never from disk or network."""

    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__()
        self.files = files

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        """Answer by file name; unknown names fail instead of being fetched."""
        name = (system_url or "").rsplit("/", 1)[-1]
        if name not in self.files:
            raise SchemaFilesChanged(f"Esquema XSD não previsto: {name}.")
        return self.resolve_string(self.files[name], context, base_url=_BASE + name)


def compile_schema(kind: str, folder: Path) -> etree.XMLSchema:
    """Compile the schema of one document kind from a folder (uncached)."""
    if kind not in ROOTS:
        raise ValueError(f"kind must be one of {sorted(ROOTS)}, got {kind!r}")
    files = load_files(folder)
    parser = _parser()
    parser.resolvers.add(_Local(files))
    root = ROOTS[kind]
    doc = etree.fromstring(files[root], parser, base_url=_BASE + root)
    return etree.XMLSchema(doc)


@cache
def schema(kind: str) -> etree.XMLSchema:
    """The compiled, cached schema of kind dps | nfse | event | evento."""
    return compile_schema(kind, xsd_folder())


def parse(xml: bytes) -> etree._Element:
    """Parse a document safely; malformed XML is a DpsInvalid naming the line."""
    try:
        doc = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise DpsInvalid(f"XML malformado (linha {exc.lineno}).", "XML") from exc
    # No fiscal document has a DOCTYPE; one could only smuggle entities in.
    if doc.getroottree().docinfo.doctype:
        raise DpsInvalid("XML com declaração DOCTYPE não é aceito.", "DOCTYPE")
    return doc


def validate(xml: bytes, kind: str = "dps") -> None:
    """Raise DpsInvalid naming the element when xml breaks the v1.01 layout."""
    doc = parse(xml)
    compiled = schema(kind)
    with _LOCK:  # one XMLSchema's error log is shared state
        try:
            ok = compiled.validate(doc)
        except etree.XMLSchemaValidateError as exc:
            raise DpsInvalid("XML fora do leiaute: documento não pôde ser conferido.") from exc
        errors = list(compiled.error_log) if not ok else []
    if errors:
        message, element = describe(doc, errors)
        raise DpsInvalid(message, element)
