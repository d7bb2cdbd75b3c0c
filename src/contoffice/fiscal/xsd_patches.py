"""The pinned NFS-e v1.01 XSD files (nfelib 3.2.0 wheel) and the patches applied at load.

Provenance: nfelib 3.2.0 ships the official "nfse-esquemas_xsd-v1-01-20260209" bundle with only
the TSSerieDPS anchors removed (byte-identical to pynfse-nacional's official fixture). Each file is
checked against its SHA-256 below before use.

The result is **derived** from that bundle, not an official copy: the 2026-07-27 bundle
("esquemas-nfse-rtc-v1-01-20260727", in production since 10/08/2026) is in no package, so its
documented diff (research fiscal.md §1.1: alphanumeric CNPJ plus the corrected TSSerieDPS) is
applied in memory. One deliberate deviation: the published TSChaveNFSe puts the alphanumeric
window at positions 7–20 while real keys carry the CNPJ at 10–23, so both forms are accepted.
"""

from __future__ import annotations

XSD_SHA256: dict[str, str] = {
    "DPS_v1.01.xsd": "fe45e5250a48e519aba89fc6a472863b8e602ed957778fb64692804933a00d0c",
    "NFSe_v1.01.xsd": "af0bd2d8c50acba3d9c3f3f515426eca083b3f66e3211ce8dd48a7cf101818b8",
    "evento_v1.01.xsd": "986d0a1c4d27454f712169849aa7c2380aaa4560bd9c920e0ff03ba6599ae28b",
    "pedRegEvento_v1.01.xsd": "e90b6816d29cca0bd5ed8f86ad98d3b7b0d8bbfc11a7583e6ff8f98170fd4009",
    "tiposComplexos_v1.01.xsd": "e8e09d525574cc224ca6d1f8d8eb0366043ab2a3aa8d0d234058e6244d60e371",
    "tiposEventos_v1.01.xsd": "1b32bea21089dc232d78b62d805e9c07382f440d4e0ea2cb3fb6b82ebde68c11",
    "tiposSimples_v1.01.xsd": "0d07f9c607af4df1449d21ccedd8eb1ef30df04f21f9f50f4e2f18a805a762fa",
    "xmldsig-core-schema.xsd": "49848f732663aecb618d72ad6130c5c3240f0a10f3a1a8544b7d48a6c726046f",
}

# Root schema per document kind.
ROOTS: dict[str, str] = {
    "dps": "DPS_v1.01.xsd",
    "nfse": "NFSe_v1.01.xsd",
    "event": "pedRegEvento_v1.01.xsd",
    "evento": "evento_v1.01.xsd",
}

_ALNUM_KEY_PUBLISHED = "[0-9]{6}([0-9A-Z]{14})[0-9]{30}"
_ALNUM_KEY_REAL = "[0-9]{9}[0-9A-Z]{14}[0-9]{27}"

# simpleType name -> (pattern as shipped in the pinned file, pattern used).
PATTERN_PATCHES: dict[str, tuple[str, str]] = {
    # Shipped already without the ^…$ anchors that made every série invalid in libxml2;
    # the 20260727 form also refuses 90000–99999.
    "TSSerieDPS": (r"0{0,4}\d{1,5}", "[0-9]{1,4}|[0-8][0-9]{4}"),
    "TSCNPJ": ("[0-9]{14}", "[0-9A-Z]{14}"),
    "TSIdDPS": ("DPS[0-9]{42}", "DPS[0-9]{7}(1[0-9]{14}|2[0-9A-Z]{14})[0-9]{20}"),
    "TSIdNFSe": ("NFS[0-9]{50}", "NFS[0-9]{9}[0-9A-Z]{14}[0-9]{27}"),
    "TSChaveNFSe": ("[0-9]{50}", f"{_ALNUM_KEY_PUBLISHED}|{_ALNUM_KEY_REAL}"),
    "TSChaveNFe": ("[0-9]{44}", "[0-9]{6}([0-9A-Z]{14})[0-9]{24}"),
    "TSIdPedRegEvt": ("PRE[0-9]{56}", "PRE[0-9]{8}(1[0-9]{14}|2[0-9A-Z]{14})[0-9]{33}"),
    "TSIdEvento": ("EVT[0-9]{59}", "EVT[0-9]{8}(1[0-9]{14}|2[0-9A-Z]{14})[0-9]{36}"),
}
PATCHED_FILE = "tiposSimples_v1.01.xsd"
