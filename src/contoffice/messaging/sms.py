"""Sending SMS through the office's HTTP gateway: its URL, method, headers and body template.

The gateway's token is handed in by the caller (it lives in the OS keyring): it is never kept
here, never written into an error text or a reply, and no error raised here chains to the
library's exception. Redirects are not followed: urllib would resend the Authorization header
wherever the gateway points, and would turn a POST into a bodiless GET that "succeeds".
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

from contoffice.core.phone import normalize_phone
from contoffice.core.text import quoted
from contoffice.messaging import sms_errors as errors
from contoffice.messaging.sms_errors import SmsError, explain
from contoffice.messaging.sms_length import SMS_MAX, sms_parts

__all__ = ["MASK", "METHODS", "SMS_MAX", "SmsError", "SmsGatewayConfig", "SmsResult",
           "check_config", "send_sms", "sms_number", "sms_parts"]
METHODS = ("POST", "GET", "PUT")
MASK = "••••"
_REPLY_MAX = 300
_READ_MAX = 64 * 1024
_PLACEHOLDER = re.compile(r"#([^\W\d_]\w*)#")  # as in templates: `#1#` and `##` are plain text
_KNOWN = ("#telefone#", "#mensagem#", "#token#")
_HEADER_NAME = re.compile(r"[A-Za-z0-9!$%&'*+.^_`|~-]+")


@dataclass(frozen=True)
class SmsGatewayConfig:
    """How the gateway is called: one "Nome: valor" per header line; GET sends no body.

    `#telefone#`, `#mensagem#` and `#token#` are percent-encoded in the URL and in a form
    body, JSON-escaped (no quotes added) in a JSON body, as they are elsewhere. A body with
    no Content-Type header is sent as JSON when it starts with `{` or `[`, else as a form.
    """

    url: str
    method: str
    headers: str
    body_template: str


@dataclass(frozen=True)
class SmsResult:
    """The gateway's 2xx answer: status and its reply, token masked, at most 300 characters."""

    status: int
    reply: str


@dataclass(frozen=True)
class _Plan:
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: str | None  # None: nothing is sent (GET)
    encode_body: Callable[[str], str]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status


_OPENER = urllib.request.build_opener(_NoRedirect)


def sms_number(phone: str) -> str:
    """The digits the gateway gets: 55 + DDD + number for a Brazilian number."""
    digits = normalize_phone(phone)
    if len(digits) < 10:
        raise SmsError(errors.BAD_PHONE.format(phone=quoted(phone) or "(vazio)"), temporary=False)
    return "55" + digits if len(digits) in (10, 11) else digits


def check_config(config: SmsGatewayConfig) -> None:
    """Raise SmsError when the URL, method, a header line or a `#coringa#` is invalid."""
    _plan(config)


def send_sms(config: SmsGatewayConfig, token: str, phone: str, text: str, *,
             timeout: float = 15.0) -> SmsResult:
    """Hand one SMS to the gateway (2xx = accepted), or raise SmsError."""
    plan = _plan(config)
    values = {"#telefone#": sms_number(phone), "#mensagem#": text, "#token#": token}
    mask = _masker(token)
    url = _fill(plan.url, values, lambda value: quote(value, safe=""))
    where = _where(url, mask)
    request = _request(plan, url, values)
    failure: SmsError
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return SmsResult(response.status, _read(response, mask))
    except urllib.error.HTTPError as error:  # before URLError, its parent
        failure = _answered(error, mask, where)
    except (OSError, http.client.HTTPException, ValueError) as error:
        failure = explain(error, where)
    # Raised outside the handler: no __context__, so no traceback can carry the token.
    raise failure from None


def _plan(config: SmsGatewayConfig) -> _Plan:
    url = config.url.strip()
    try:
        parts = urlsplit(url)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        valid = valid and parts.port != 0 and not re.search(r"[\x00-\x20\x7f]", url)
    except ValueError:  # a bad port or a broken [IPv6] address
        valid = False
    if not valid:
        raise SmsError(errors.BAD_URL, temporary=False)
    method = config.method.strip().upper()
    if method not in METHODS:
        raise SmsError(errors.BAD_METHOD.format(method=quoted(config.method) or "(vazio)"), False)
    headers = []
    for number, line in enumerate(config.headers.splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, value = line.partition(":")
        if not colon or not _HEADER_NAME.fullmatch(name.strip()):
            raise SmsError(errors.BAD_HEADER.format(line=number), temporary=False)
        headers.append((name.strip(), value.strip()))
    unknown: dict[str, str] = {}  # once each, case-insensitively, as first written
    for text in (url, config.headers, config.body_template):
        for m in _PLACEHOLDER.finditer(text):
            if m[0].lower() not in _KNOWN:
                unknown.setdefault(m[0].lower(), m[0])
    if unknown:
        names = ", ".join(quoted(name) for name in unknown.values())
        raise SmsError(errors.UNKNOWN.format(names=names), temporary=False)
    body = None if method == "GET" else config.body_template
    types = [value for name, value in headers if name.lower() == "content-type"]
    if not types and body and body.strip():
        # urllib would label the body as a form; say what it is, and encode to match.
        json_like = body.lstrip()[:1] in ("{", "[")
        types = ["application/json" if json_like else "application/x-www-form-urlencoded"]
        headers.append(("Content-Type", types[0]))
    mime = types[-1].split(";")[0].strip().lower() if types else ""
    encode: Callable[[str], str] = str
    if mime == "application/json" or mime.endswith("+json"):
        encode = lambda value: json.dumps(value)[1:-1]  # noqa: E731 - the string, unquoted
    elif mime == "application/x-www-form-urlencoded":
        encode = lambda value: quote_plus(value, safe="")  # noqa: E731
    return _Plan(method, url, tuple(headers), body, encode)


def _fill(template: str, values: dict[str, str], encode: Callable[[str], str]) -> str:
    """Each `#coringa#` replaced once; a value is never scanned again for `#…#`."""
    return _PLACEHOLDER.sub(lambda m: encode(values[m[0].lower()]), template)


def _request(plan: _Plan, url: str, values: dict[str, str]) -> urllib.request.Request:
    data = None if plan.body is None else _fill(plan.body, values, plan.encode_body).encode()
    request = urllib.request.Request(url, data=data, method=plan.method)
    # Some gateways' firewalls turn away urllib's default "Python-urllib" agent.
    request.add_header("User-Agent", "contoffice")
    for name, template in plan.headers:
        # A line break from the text would start a new header; http.client sends Latin-1.
        value = _fill(template, values, lambda v: re.sub(r"[\r\n]+", " ", v))
        if any(ord(char) > 255 for char in value):  # no try: its error would hold the token
            raise SmsError(errors.HEADER_CHARS.format(name=name), temporary=False)
        request.add_header(name, value)
    return request


def _masker(token: str) -> Callable[[str], str]:
    """Replace the token, as written or encoded the ways this module sends it, with ••••."""
    forms = {token, quote(token, safe=""), quote(token), quote_plus(token, safe=""),
             json.dumps(token)[1:-1]} - {""}
    ordered = sorted(forms, key=len, reverse=True)

    def mask(text: str) -> str:
        for form in ordered:
            text = text.replace(form, MASK)
        return text

    return mask


def _where(url: str, mask: Callable[[str], str]) -> str:
    """The address to show the clerk: no user, password or query, the token masked."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a #coringa# in the port: no address is better than a leak
        return "(endereço inválido)"
    return mask(f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}")


def _read(stream: Any, mask: Callable[[str], str]) -> str:
    data = stream.read(_READ_MAX)
    try:
        text = data.decode(stream.headers.get_content_charset() or "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        text = data.decode("utf-8", "replace")
    # Masked before cutting, so a cut can never leave a readable piece of the token.
    text = mask(text)
    return text if len(text) <= _REPLY_MAX else text[: _REPLY_MAX - 1] + "…"


def _answered(error: urllib.error.HTTPError, mask: Callable[[str], str], where: str) -> SmsError:
    """A non-2xx status: a clerk's sentence, temporary for 5xx and 429."""
    status = error.code
    try:
        reply = _read(error, mask)
    except (OSError, http.client.HTTPException):
        reply = ""
    finally:
        error.close()
    temporary = status >= 500 or status == 429
    if 300 <= status < 400:
        target = mask(error.headers.get("Location", "") or "")
        meaning = f"redirecionamento para {quoted(target, 80)}" if target else "redirecionamento"
        return SmsError(errors.STATUS.format(status=status, meaning=meaning)
                        + f": confira o endereço {where}.", temporary=False, status=status)
    meaning = {401: "token ou usuário recusado", 403: "acesso negado",
               404: f"endereço {where} não encontrado", 429: "limite de envios excedido"}.get(
        status, "erro do servidor" if status >= 500 else "pedido recusado")
    text = errors.STATUS.format(status=status, meaning=meaning)
    short = quoted(reply, 150)
    return SmsError(f"{text}: {short}" if short else f"{text}.", temporary, status)
