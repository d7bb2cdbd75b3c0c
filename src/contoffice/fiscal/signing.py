"""Enveloped XMLDSig of the DPS (infDPS) or event request (infPedReg) with signxml."""

from __future__ import annotations

import base64

from cryptography import x509
from lxml import etree
from signxml import (
    CanonicalizationMethod,
    DigestAlgorithm,
    InvalidInput,
    SignatureConfiguration,
    SignatureMethod,
    XMLSigner,
    XMLVerifier,
)
from signxml.exceptions import InvalidSignature

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import SignatureError

DS = "http://www.w3.org/2000/09/xmldsig#"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# profile -> (signature method, digest, canonicalisation); fiscal.md §1.5: both are in use.
PROFILES = {
    "sha256": (SignatureMethod.RSA_SHA256, DigestAlgorithm.SHA256,
               CanonicalizationMethod.EXCLUSIVE_XML_CANONICALIZATION_1_0),
    "sha1": (SignatureMethod.RSA_SHA1, DigestAlgorithm.SHA1,
             CanonicalizationMethod.CANONICAL_XML_1_0),
}
_ACCEPTED = SignatureConfiguration(
    signature_methods=frozenset({SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA1}),
    digest_algorithms=frozenset({DigestAlgorithm.SHA256, DigestAlgorithm.SHA1}),
    location="./",
)


def safe_parser() -> etree.XMLParser:
    """A parser that never fetches from the network nor expands entities."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False
    )


class _FiscalSigner(XMLSigner):
    """signxml refuses SHA-1 by default; the national layout still accepts it (fallback)."""

    def check_deprecated_methods(self) -> None:
        """Allow RSA-SHA1: the caller chose the profile on purpose."""


def _parse(xml: bytes) -> etree._Element:
    """Parse bytes safely; a malformed document is a SignatureError."""
    try:
        return etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise SignatureError(f"XML malformado (linha {exc.lineno}).") from exc


def _signed_child(root: etree._Element) -> etree._Element:
    """The first child carrying Id (infDPS or infPedReg)."""
    for child in root:
        if isinstance(child.tag, str) and child.get("Id"):
            return child
    raise SignatureError("O XML não tem o grupo com o atributo Id a assinar (infDPS/infPedReg).")


def serialize(root: etree._Element) -> bytes:
    """UTF-8 bytes with the explicit double-quoted declaration the Sefin expects (E1229)."""
    return DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def sign(xml: bytes, cert: Certificate, profile: str = "sha256") -> bytes:
    """Sign the element carrying Id; return the exact bytes to send (declaration kept)."""
    if profile not in PROFILES:
        raise SignatureError(f"Perfil de assinatura desconhecido: {profile}.")
    root = _parse(xml)
    target = _signed_child(root)
    if root.find(f"{{{DS}}}Signature") is not None:
        raise SignatureError("O XML já está assinado.")
    method, digest, c14n = PROFILES[profile]
    signer = _FiscalSigner(
        signature_algorithm=method, digest_algorithm=digest, c14n_algorithm=c14n
    )
    # The default namespace for ds: gives <Signature xmlns="…xmldsig#"> without prefix (E1228).
    signer.namespaces = {None: DS}
    try:
        signed = signer.sign(
            root,
            key=cert.private_key,
            cert=[cert.certificate, *cert.chain],
            reference_uri="#" + target.get("Id"),
        )
    except InvalidInput as exc:
        raise SignatureError("Não foi possível assinar o XML com este certificado.") from exc
    # Round-trip through bytes so what we return is exactly what a verifier will read.
    return serialize(etree.fromstring(serialize(signed), safe_parser()))


def embedded_certificate(root: etree._Element) -> x509.Certificate:
    """The X509Certificate inside Signature/KeyInfo."""
    node = root.find(f"{{{DS}}}Signature/{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate")
    if node is None or not (node.text or "").strip():
        raise SignatureError("A assinatura não traz o certificado (X509Certificate).")
    try:
        return x509.load_der_x509_certificate(base64.b64decode("".join(node.text.split())))
    except ValueError as exc:
        raise SignatureError("O certificado dentro da assinatura está corrompido.") from exc


def verify(xml: bytes, *, cert: x509.Certificate | None = None) -> None:
    """Check the enveloped signature against its embedded (or the given) certificate."""
    root = _parse(xml)
    target = _signed_child(root)
    if root.find(f"{{{DS}}}Signature") is None:
        raise SignatureError("O XML não está assinado (falta o elemento Signature).")
    trusted = cert or embedded_certificate(root)
    verifier = XMLVerifier()
    # libxml2 2.14's inclusive C14N 1.0 emits a spurious xmlns="" on children of a subtree whose
    # ancestor declares another default namespace; nothing in the layout is un-namespaced, so
    # dropping it gives the canonical form xmlsec1 and the Sefin compute.
    verifier.excise_empty_xmlns_declarations = True
    try:
        result = verifier.verify(root, x509_cert=trusted, expect_config=_ACCEPTED)
    except (InvalidSignature, InvalidInput) as exc:
        raise SignatureError(
            "Assinatura inválida: o conteúdo não confere com a assinatura."
        ) from exc
    signed = result.signed_xml if not isinstance(result, list) else result[0].signed_xml
    # "See what is signed": the reference must cover the Id group itself, not some other node.
    if signed is None or signed.get("Id") != target.get("Id"):
        raise SignatureError("A assinatura não cobre o grupo com o Id do documento.")
