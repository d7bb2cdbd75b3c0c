"""Address by CEP against a real HTTP server on 127.0.0.1 answering as ViaCEP does."""

from __future__ import annotations

import json
import socket

import pytest

from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import cep_lookup
from contoffice.services.admin import cep_messages as m
from contoffice.services.admin.cep_lookup import Address, lookup
from tests.support.http_server import http_server

FOUND = json.dumps({
    "cep": "13012-100", "logradouro": "Avenida Francisco Glicério", "complemento": "até 1199",
    "bairro": "Centro", "localidade": "Campinas", "uf": "SP", "ibge": "3509502",
    "gia": "2446", "ddd": "19", "siafi": "6291",
}, ensure_ascii=False)


def test_a_found_cep_gives_the_address_and_the_ibge_city() -> None:
    with http_server([(200, FOUND)]) as server:
        address = lookup("13012-100", base_url=server.url + "/ws/{cep}/json/")
    assert address == Address("Avenida Francisco Glicério", "Centro", "Campinas", "SP",
                              "3509502", "13012100")
    assert address.city_label == "Campinas/SP"
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/ws/13012100/json/")]


def test_the_environment_names_the_office_service(monkeypatch: pytest.MonkeyPatch) -> None:
    with http_server([(200, FOUND)]) as server:
        monkeypatch.setenv(cep_lookup.ENV_URL, server.url)  # a bare host: ViaCEP's path
        assert lookup("13012100").ibge_code == "3509502"
    assert server.requests[0].path == "/ws/13012100/json/"


def test_the_ibge_code_wins_over_the_name_written() -> None:
    answer = json.dumps({"logradouro": "Rua X", "bairro": "", "localidade": "campinas",
                         "uf": "sp", "ibge": "3509502"})
    with http_server([(200, answer)]) as server:
        address = lookup("13012100", base_url=server.url)
    assert (address.city, address.state, address.district) == ("Campinas", "SP", "")


def test_a_city_outside_the_ibge_list_is_refused() -> None:
    answer = json.dumps({"logradouro": "Rua X", "localidade": "Atlântida", "uf": "SP",
                         "ibge": "9999999"})
    with http_server([(200, answer)]) as server, pytest.raises(InvalidInput) as caught:
        lookup("13012100", base_url=server.url)
    assert caught.value.message == m.CEP_CITY_UNKNOWN


@pytest.mark.parametrize("status, body", [(200, '{"erro": true}'), (200, '{"erro": "true"}'),
                                          (400, "<h1>Bad Request</h1>")])
def test_an_unknown_cep_is_said_not_found(status: int, body: str) -> None:
    with http_server([(status, body)]) as server, pytest.raises(InvalidInput) as caught:
        lookup("99999-999", base_url=server.url)
    assert (caught.value.message, caught.value.field) == ("CEP não encontrado.", "CEP")


def test_a_malformed_cep_never_leaves_the_machine() -> None:
    with http_server() as server:
        with pytest.raises(InvalidInput, match="8 dígitos"):
            lookup("1301-210", base_url=server.url)
        with pytest.raises(InvalidInput, match="00000-000 não existe"):
            lookup("00000-000", base_url=server.url)
    assert server.requests == []


@pytest.mark.parametrize("status, body", [(500, "Internal Server Error"), (502, ""),
                                          (200, "<html>proxy</html>"), (200, "[]")])
def test_a_broken_service_asks_for_the_address_by_hand(status: int, body: str) -> None:
    with http_server([(status, body)]) as server, pytest.raises(NotAllowed) as caught:
        lookup("13012100", base_url=server.url)
    assert caught.value.message == m.CEP_UNAVAILABLE
    assert "sem conexão" in caught.value.message


def test_a_closed_port_asks_for_the_address_by_hand() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NotAllowed, match="preencha o endereço"):
        lookup("13012100", base_url=f"http://127.0.0.1:{port}/ws/{{cep}}/json/")


def test_a_silent_service_times_out() -> None:
    with http_server([(200, FOUND)], delay=30) as server, pytest.raises(NotAllowed):
        lookup("13012100", base_url=server.url, timeout=0.2)


def test_only_web_addresses_are_asked() -> None:
    with pytest.raises(NotAllowed):
        lookup("13012100", base_url="file:///etc/passwd?{cep}")
