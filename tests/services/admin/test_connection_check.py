"""Testar conexão against the real test cluster: each failure gets its own pt-BR sentence."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

from contoffice.services.admin import connection_check
from contoffice.services.admin.connection_check import Failure, Target, check, classify
from tests.support.databases import PostgresServer
from tests.support.pg_auth import password_role

ROLE, SECRET = "assistente_teste", "senha-certa"


@pytest.fixture(scope="module")
def server(pg_server: PostgresServer | None) -> PostgresServer:
    if pg_server is None:
        pytest.skip("PostgreSQL indisponível")
    return pg_server


@pytest.fixture(scope="module")
def place(server: PostgresServer) -> tuple[str, int]:
    return password_role(server, ROLE, SECRET)


@pytest.fixture
def own_database(place: tuple[str, int]) -> Iterator[str]:
    """An empty database owned by the role (as an office's server administrator makes it)."""
    host, port = place
    name = "escritorio_check"
    with psycopg.connect(host=host, port=port, user=ROLE, password=SECRET, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with psycopg.connect(host=host, port=port, user=ROLE, password=SECRET, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_right_password_connects(place: tuple[str, int], own_database: str) -> None:
    host, port = place
    result = check(Target(host, port, own_database, ROLE, SECRET))
    assert result.ok and result.server_version >= connection_check.MIN_SERVER_VERSION
    assert result.message.startswith("Conexão bem-sucedida: PostgreSQL ")
    assert f"{host}:{port}" in result.message and SECRET not in result.message


def test_a_wrong_password_is_named(place: tuple[str, int], own_database: str) -> None:
    host, port = place
    result = check(Target(host, port, own_database, ROLE, "errada"))
    assert result.failure is Failure.PASSWORD
    assert result.message == f"Senha incorreta para o usuário {ROLE}."


def test_no_password_typed_is_asked_for(place: tuple[str, int], own_database: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    host, port = place
    result = check(Target(host, port, own_database, ROLE, ""))
    assert result.failure is Failure.NO_PASSWORD and "informe a senha" in result.message


def test_a_missing_database_is_named(place: tuple[str, int]) -> None:
    host, port = place
    result = check(Target(host, port, "nao_existe", ROLE, SECRET))
    assert result.failure is Failure.MISSING_DATABASE
    assert result.message.startswith(f"O banco de dados nao_existe não existe no servidor {host}")


def test_a_missing_database_is_found_whatever_the_server_language(
        place: tuple[str, int]) -> None:
    # A server speaking a language the patterns do not know: confirmed on "postgres".
    host, port = place
    assert classify("FATAL:  la base de datos «x» no existe") is Failure.OTHER
    assert connection_check._database_missing(Target(host, port, "nao_existe", ROLE, SECRET), 5)


def test_a_closed_port_is_unreachable() -> None:
    port = _free_port()
    result = check(Target("127.0.0.1", port, "contoffice", "escritorio", "x"))
    assert result.failure is Failure.UNREACHABLE
    assert result.message.startswith(f"Servidor inacessível: nada respondeu em 127.0.0.1, porta "
                                     f"{port}.")


def test_an_unknown_host_is_unreachable() -> None:
    result = check(Target("servidor.invalid", 5432, "contoffice", "escritorio", "x"))
    assert result.failure is Failure.UNKNOWN_HOST
    assert "servidor.invalid não foi encontrado" in result.message


def test_an_unknown_user_is_named(place: tuple[str, int], own_database: str,
                                  server: PostgresServer) -> None:
    host, port = place
    result = check(Target(host, port, own_database, "ninguem", "x"))
    assert result.failure is Failure.UNKNOWN_USER
    assert result.message == f"O usuário ninguem não existe no servidor {host}."


def test_a_server_older_than_needed_is_refused(place: tuple[str, int], own_database: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The test cluster is new: the bound is raised above it instead.
    host, port = place
    monkeypatch.setattr(connection_check, "MIN_SERVER_VERSION", 990000)
    result = check(Target(host, port, own_database, ROLE, SECRET))
    assert result.failure is Failure.OLD_VERSION
    assert result.message.startswith("Versão do PostgreSQL antiga demais: o servidor tem a ")
    assert "precisa da 13 ou mais nova" in result.message


def test_a_database_without_create_rights_is_named(place: tuple[str, int],
                                                   server: PostgresServer) -> None:
    # "postgres" belongs to the cluster's owner; PostgreSQL 15+ lets nobody else create there.
    host, port = place
    with psycopg.connect(server.admin_url.replace("+psycopg", ""), autocommit=True) as conn:
        if conn.info.server_version < 150000:
            pytest.skip("PostgreSQL < 15 deixa todos criarem no esquema public")
    result = check(Target(host, port, "postgres", ROLE, SECRET))
    assert result.failure is Failure.NO_PRIVILEGE and "não pode criar tabelas" in result.message


def test_the_server_says_it_in_portuguese_too() -> None:
    assert classify('FATAL:  autenticação do tipo senha falhou para o usuário "ana"') is (
        Failure.PASSWORD)
    assert classify('FATAL:  banco de dados "livros" não existe') is Failure.MISSING_DATABASE
    assert classify('FATAL:  role "ana" não existe') is Failure.UNKNOWN_USER


def test_the_saved_url_has_no_password() -> None:
    url = Target("servidor", 5433, "contoffice", "escritorio", "segredo").url()
    assert url == "postgresql+psycopg://escritorio@servidor:5433/contoffice"
