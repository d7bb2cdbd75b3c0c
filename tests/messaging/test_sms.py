"""The SMS gateway client against a real local HTTP server (127.0.0.1, no other network)."""

from __future__ import annotations

import time
import traceback
from urllib.parse import quote

import pytest

from contoffice.messaging.sms import (
    SMS_MAX,
    SmsError,
    SmsGatewayConfig,
    SmsResult,
    check_config,
    send_sms,
    sms_number,
    sms_parts,
)
from tests.support.http_server import http_server
from tests.support.smtp_server import free_port

TOKEN = "tok-SEGREDO-123"
ODD_TOKEN = "tok/SEG REDO+123&x"  # changes under every encoding the client uses
PHONE = "(11) 91234-5678"
DIALED = "5511912345678"
TEXT = 'Cobrança de "março"\nAção: R$ 10,00 & 5% \\ #token# ✓ 😀'
JSON = '{"to": "#telefone#", "text": "#mensagem#", "key": "#token#"}'


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # urllib honours *_proxy: a proxy on the test box must not carry 127.0.0.1 traffic.
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def gateway(url: str, method: str = "POST", headers: str = "", body: str = "") -> SmsGatewayConfig:
    return SmsGatewayConfig(url=url, method=method, headers=headers, body_template=body)


def json_gateway(base: str, path: str = "/v1/sms") -> SmsGatewayConfig:
    return gateway(f"{base}{path}", headers="Content-Type: application/json\n"
                   "Authorization: Bearer #token#", body=JSON)


def assert_token_hidden(error: SmsError, token: str = TOKEN) -> None:
    shown = (str(error), repr(error), error.message, *map(str, error.args),
             "".join(traceback.format_exception(error)))
    assert all(token not in text for text in shown)
    assert error.__cause__ is None and error.__context__ is None


def failure(config: SmsGatewayConfig, *, token: str = TOKEN, phone: str = PHONE,
            timeout: float = 5.0) -> SmsError:
    with pytest.raises(SmsError) as caught:
        send_sms(config, token, phone, TEXT, timeout=timeout)
    assert_token_hidden(caught.value, token)
    return caught.value


def test_post_json_escapes_quotes_newlines_accents_and_sends_the_token_header() -> None:
    with http_server([(201, '{"id": "abc"}')]) as server:
        result = send_sms(json_gateway(server.url), TOKEN, PHONE, TEXT)
    assert result == SmsResult(201, '{"id": "abc"}')
    (request,) = server.requests
    assert (request.method, request.path) == ("POST", "/v1/sms")
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    # The text's own "#token#" is text: values are never scanned for wildcards again.
    assert request.json() == {"to": DIALED, "text": TEXT, "key": TOKEN}


def test_get_percent_encodes_every_value_in_the_query_and_sends_no_body() -> None:
    url = "/envio?para=#telefone#&msg=#Mensagem#&chave=#token#"
    with http_server() as server:
        result = send_sms(gateway(server.url + url, "get", body=JSON), ODD_TOKEN, PHONE, TEXT)
    assert result == SmsResult(200, "OK")
    (request,) = server.requests
    assert (request.method, request.path, request.body) == ("GET", "/envio", b"")
    assert request.params == {"para": DIALED, "msg": TEXT, "chave": ODD_TOKEN}
    assert " " not in request.query and "&x" not in request.query


def test_form_body_is_percent_encoded_and_headers_cannot_be_injected() -> None:
    headers = "Content-Type: application/x-www-form-urlencoded\nX-Api-Key: #token#\n\n" \
              "X-Texto: #mensagem#"
    body = "to=#telefone#&msg=#mensagem#&key=#token#"
    with http_server() as server:
        config = gateway(server.url + "/f", "PUT", headers, body)
        send_sms(config, ODD_TOKEN, PHONE, "a&b=c\nEvil: 1")
    (request,) = server.requests
    assert request.method == "PUT"
    assert request.form() == {"to": DIALED, "msg": "a&b=c\nEvil: 1", "key": ODD_TOKEN}
    assert request.headers["x-api-key"] == ODD_TOKEN
    assert request.headers["x-texto"] == "a&b=c Evil: 1" and "evil" not in request.headers


def test_a_header_value_http_cannot_carry_is_refused_before_any_request() -> None:
    headers = "X-Texto: #mensagem#\nX-Key: #token#"
    with http_server() as server, pytest.raises(SmsError) as caught:
        send_sms(gateway(server.url, headers=headers), TOKEN, PHONE, "custa 5 €")
    assert server.requests == []
    assert caught.value.message == "O cabeçalho X-Texto do gateway de SMS ficou com " \
                                   "caracteres que o HTTP não aceita."
    assert_token_hidden(caught.value)


def test_other_content_types_get_the_values_as_they_are() -> None:
    body = "<sms to='#telefone#'>#mensagem#</sms>"
    with http_server() as server:
        send_sms(gateway(server.url, headers="Content-Type: text/xml; charset=utf-8", body=body),
                 TOKEN, PHONE, "olá & até")
    assert server.requests[0].body == f"<sms to='{DIALED}'>olá & até</sms>".encode()


def test_a_body_without_content_type_is_labelled_and_encoded_to_match() -> None:
    with http_server() as server:
        send_sms(gateway(server.url, body=JSON), TOKEN, PHONE, TEXT)
        send_sms(gateway(server.url, body="m=#mensagem#"), TOKEN, PHONE, "a&b")
    first, second = server.requests
    assert first.headers["content-type"] == "application/json"
    assert first.json()["text"] == TEXT
    assert second.headers["content-type"] == "application/x-www-form-urlencoded"
    assert second.form() == {"m": "a&b"}


def test_the_token_echoed_in_a_reply_is_masked_and_the_reply_is_cut_at_300() -> None:
    echo = f"ok chave={TOKEN} " + "x" * 400
    with http_server([(200, echo)]) as server:
        result = send_sms(json_gateway(server.url), TOKEN, PHONE, "oi")
    assert TOKEN not in result.reply and result.reply.startswith("ok chave=•••• x")
    assert len(result.reply) == 300 and result.reply.endswith("…")


def test_500_is_temporary_in_pt_br_and_hides_the_token() -> None:
    with http_server([(500, f"falha interna; token={TOKEN}")]) as server:
        error = failure(json_gateway(server.url))
    assert error.temporary and error.status == 500
    assert error.message == "O gateway de SMS respondeu 500 (erro do servidor): " \
                            "falha interna; token=••••"
    assert len(server.requests) == 1


def test_an_encoded_token_echoed_in_an_error_is_masked_too() -> None:
    echoed = f"chave {quote(ODD_TOKEN, safe='')} recusada"
    with http_server([(401, echoed)]) as server:
        error = failure(gateway(server.url + "/s?k=#token#", "GET"), token=ODD_TOKEN)
    assert not error.temporary and error.status == 401
    assert error.message == "O gateway de SMS respondeu 401 (token ou usuário recusado): " \
                            "chave •••• recusada"


def test_429_is_temporary_and_404_shows_the_address_with_the_token_masked() -> None:
    with http_server([(429, "devagar"), (404, "")]) as server:
        busy = failure(json_gateway(server.url))
        missing = failure(json_gateway(server.url, "/v1/#token#/sms"))
    assert busy.temporary and "429 (limite de envios excedido)" in busy.message
    assert not missing.temporary
    assert f"{server.url}/v1/••••/sms não encontrado" in missing.message


def test_a_redirect_is_not_followed_so_the_token_goes_nowhere_else() -> None:
    with http_server([(302, "")]) as server:
        error = failure(json_gateway(server.url))
    assert not error.temporary and error.status == 302
    assert "redirecionamento" in error.message and "/moved" in error.message
    assert len(server.requests) == 1


def test_nothing_listening_is_a_temporary_refused_connection() -> None:
    port = free_port()
    error = failure(json_gateway(f"http://127.0.0.1:{port}", "/#token#/x"))
    assert error.temporary and error.status is None
    assert error.message == "Não foi possível conectar ao gateway de SMS em " \
                            f"http://127.0.0.1:{port}/••••/x (conexão recusada)."


def test_a_slow_gateway_is_a_temporary_timeout() -> None:
    with http_server(delay=3) as server:
        started = time.monotonic()
        error = failure(json_gateway(server.url), timeout=0.3)
        assert time.monotonic() - started < 2
    assert error.temporary and error.message == "Tempo esgotado esperando o gateway de SMS."


def test_an_unknown_host_is_temporary() -> None:
    # .invalid never resolves (RFC 6761), so this needs no network.
    error = failure(gateway("http://gateway-sms.invalid/envio", body="x"))
    assert error.temporary and "gateway-sms.invalid" in error.message


def test_an_unknown_wildcard_is_refused_before_any_request() -> None:
    with http_server() as server, pytest.raises(SmsError) as caught:
        send_sms(gateway(server.url, body="#mensagem# #Nome# #nome# #1#"), TOKEN, PHONE, "x")
    assert server.requests == []
    assert not caught.value.temporary
    assert "#Nome#" in caught.value.message and caught.value.message.count("#nome#") == 0


@pytest.mark.parametrize("phone", ["", "3456-7890", "abc", "+55 11 1234"])
def test_an_invalid_phone_is_refused_before_any_request(phone: str) -> None:
    with http_server() as server, pytest.raises(SmsError) as caught:
        send_sms(json_gateway(server.url), TOKEN, phone, "x")
    assert server.requests == []
    assert not caught.value.temporary
    assert caught.value.message.startswith("Telefone inválido para SMS: ")


@pytest.mark.parametrize(("phone", "dialed"), [
    ("(11) 3456-7890", "551134567890"), ("+55 11 91234-5678", DIALED), ("011 91234 5678", DIALED),
    ("5511912345678", DIALED), ("+351 912 345 678", "351912345678"),
])
def test_sms_number_puts_55_before_a_brazilian_number(phone: str, dialed: str) -> None:
    assert sms_number(phone) == dialed


@pytest.mark.parametrize(("config", "words"), [
    (gateway("ftp://sms.example.com/envio"), "http://"),
    (gateway("https:///envio"), "http://"),
    (gateway("https://sms.example.com/en vio"), "sem espaços"),
    (gateway("https://sms.example.com", "DELETE"), "Método do gateway de SMS desconhecido"),
    (gateway("https://sms.example.com", headers="Authorization Bearer #token#"), "linha 1"),
    (gateway("https://sms.example.com", headers="X: 1\nMá Nome: 2"), "linha 2"),
    (gateway("https://sms.example.com?k=#chave#"), "#chave#"),
    (gateway("https://sms.example.com", headers="X: #senha#"), "#senha#"),
])
def test_check_config_refuses_what_cannot_be_sent(config: SmsGatewayConfig, words: str) -> None:
    with pytest.raises(SmsError) as caught:
        check_config(config)
    assert words in caught.value.message and not caught.value.temporary


def test_check_config_accepts_a_good_gateway() -> None:
    check_config(gateway("https://sms.example.com:8443/v1?to=#telefone#", " put ",
                         "Content-Type: application/json\r\nAuthorization: Bearer #token#", JSON))


def test_sms_parts_follow_gsm_7_and_ucs_2() -> None:
    assert SMS_MAX == 160
    assert [sms_parts("a" * n) for n in (0, 160, 161, 306, 307)] == [1, 1, 2, 2, 3]
    # "é", "à", "Ç" and "ü" are GSM-7; "ç", "ã", "õ", "á" are not.
    assert sms_parts("éàÇü" * 40) == 1
    assert [sms_parts(c * 70) for c in "çãõá"] == [1, 1, 1, 1]
    assert [sms_parts("ç" + "a" * n) for n in (69, 70, 133, 134)] == [1, 2, 2, 3]
    # An extension character ("€", "[", "{") takes two septets, and is never split.
    assert [sms_parts("€" * n) for n in (80, 81)] == [1, 2]
    assert sms_parts("a" * 152 + "€" * 77) == 3  # 306 septets, but no part may end in ESC
