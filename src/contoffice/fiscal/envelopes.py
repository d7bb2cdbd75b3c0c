"""The Sefin's JSON envelopes (fiscal.md §1.6): gzip+base64 XML, keys in either casing."""

from __future__ import annotations

import base64
import gzip
from typing import Any


def pack(xml: bytes) -> str:
    """base64(gzip(xml)), the envelope's encoding (gzip after signing: E0714)."""
    return base64.b64encode(gzip.compress(xml)).decode("ascii")


def unpack(text: str) -> bytes:
    """The XML inside a base64(gzip()) field."""
    return gzip.decompress(base64.b64decode(text, validate=True))


def field(answer: dict[str, Any], *names: str) -> Any:
    """The first of `names` present in `answer`, matched ignoring case (Codigo/codigo)."""
    folded = {str(key).lower(): value for key, value in answer.items()}
    for name in names:
        if folded.get(name.lower()) not in (None, ""):
            return folded[name.lower()]
    return None


def messages(items: Any) -> tuple[tuple[str, str], ...]:
    """(code, text) pairs of an erros/alertas list (a single object is accepted too)."""
    if isinstance(items, dict):
        items = [items]
    pairs = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        code = str(field(item, "codigo", "code") or "")
        text = str(field(item, "descricao", "mensagem", "message") or "")
        extra = field(item, "complemento")
        pairs.append((code, f"{text} ({extra})" if extra and text else text or str(extra or "")))
    return tuple(pairs)
