"""Testar conexão: reach a PostgreSQL server and say in pt-BR exactly what failed.

psycopg reports a refused connection without a SQLSTATE (libpq has no result to carry
one), so the failure is told by libpq's own words and the server's FATAL line, in English
and in the pt-BR translation a Brazilian server answers with; a missing database is then
confirmed on the server's maintenance database, whatever language it speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import psycopg
from sqlalchemy.engine import URL, make_url

MIN_SERVER_VERSION = 130000  # pg_trgm is a trusted extension from 13 on (migration 0006)
CONNECT_TIMEOUT = 5  # seconds: an address that drops the packets answers in time
MAINTENANCE_DATABASES = ("postgres", "template1")


class Failure(StrEnum):
    """What went wrong, one kind per sentence below."""

    OK = "ok"
    UNREACHABLE = "unreachable"
    UNKNOWN_HOST = "unknown_host"
    TIMEOUT = "timeout"
    PASSWORD = "password"  # SQLSTATE 28P01
    NO_PASSWORD = "no_password"
    MISSING_DATABASE = "missing_database"  # SQLSTATE 3D000
    UNKNOWN_USER = "unknown_user"  # SQLSTATE 28000, role does not exist
    NOT_ALLOWED = "not_allowed"  # SQLSTATE 28000, no pg_hba.conf entry
    OLD_VERSION = "old_version"
    NO_PRIVILEGE = "no_privilege"  # may connect but not create the tables
    OTHER = "other"


SENTENCES = {
    Failure.OK: "Conexão bem-sucedida: PostgreSQL {version} em {host}:{port}, banco de dados "
                "{database}.",
    Failure.UNREACHABLE: "Servidor inacessível: nada respondeu em {host}, porta {port}. Confira "
                         "o endereço e a porta e se o PostgreSQL está em execução e aceita "
                         "conexões pela rede.",
    Failure.UNKNOWN_HOST: "Servidor inacessível: o endereço {host} não foi encontrado na rede. "
                          "Confira o nome ou o IP do servidor.",
    Failure.TIMEOUT: "Servidor inacessível: {host}, porta {port}, não respondeu em {timeout} "
                     "segundos. Confira o endereço, a porta e o firewall.",
    Failure.PASSWORD: "Senha incorreta para o usuário {user}.",
    Failure.NO_PASSWORD: "O servidor exige senha para o usuário {user}: informe a senha.",
    Failure.MISSING_DATABASE: "O banco de dados {database} não existe no servidor {host}. Peça "
                              "ao administrador do servidor que o crie (CREATE DATABASE "
                              "{database} OWNER {user}) ou informe outro nome.",
    Failure.UNKNOWN_USER: "O usuário {user} não existe no servidor {host}.",
    Failure.NOT_ALLOWED: "O servidor {host} não permite que o usuário {user} entre a partir "
                         "deste computador (pg_hba.conf).",
    Failure.OLD_VERSION: "Versão do PostgreSQL antiga demais: o servidor tem a {version}; o "
                         "contoffice precisa da 13 ou mais nova.",
    Failure.NO_PRIVILEGE: "O usuário {user} entra no banco de dados {database}, mas não pode "
                          "criar tabelas nele (esquema public). Peça ao administrador do "
                          "servidor a permissão ou que o torne dono do banco.",
    Failure.OTHER: "Não foi possível conectar ao servidor {host}, porta {port}.",
}

# libpq's words and the server's FATAL line (English, and pt-BR from a Brazilian server).
_PATTERNS: tuple[tuple[Failure, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (Failure.PASSWORD, r"password authentication failed|autentica\w+ do tipo senha falhou"),
        (Failure.NO_PASSWORD, r"no password supplied|nenhuma senha"),
        (Failure.MISSING_DATABASE, r"database \".*\" does not exist|banco de dados \".*\" n\w+o "
                                   r"existe"),
        (Failure.UNKNOWN_USER, r"role \".*\" does not exist|role \".*\" n\w+o existe"),
        (Failure.NOT_ALLOWED, r"no pg_hba\.conf entry|nenhuma entrada no pg_hba\.conf"),
        (Failure.UNKNOWN_HOST, r"could not translate host name|failed to resolve host|name or "
                               r"service not known|nodename nor servname"),
        (Failure.TIMEOUT, r"timeout expired|timed out"),
        (Failure.UNREACHABLE, r"connection refused|no route to host|network is unreachable|"
                              r"server closed the connection unexpectedly"),
    )
)


@dataclass(frozen=True, slots=True)
class Target:
    """Where the office's database lives (the password stays out of any URL)."""

    host: str
    port: int
    database: str
    user: str
    password: str = ""

    def url(self) -> str:
        """The SQLAlchemy URL without the password (saved in the config file)."""
        return URL.create("postgresql+psycopg", self.user, None, self.host, self.port,
                          self.database).render_as_string(hide_password=False)

    @classmethod
    def from_url(cls, url: str, default_port: int = 5432) -> Target:
        """The parts of a PostgreSQL URL (the password only if the URL carries one)."""
        parsed = make_url(url)
        return cls(parsed.host or "", parsed.port or default_port, parsed.database or "",
                   parsed.username or "", parsed.password or "")


def with_password(url: str, password: str) -> str:
    """The URL carrying `password` (for this process only: never saved nor shown)."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def same_database(first: str, second: str) -> bool:
    """Whether two URLs name the same database (whatever password either carries)."""
    a, b = make_url(first), make_url(second)
    return a._replace(password=None) == b._replace(password=None)


def file_of(url: str) -> str:
    """The file an SQLite URL names ("" for other databases)."""
    parsed = make_url(url)
    return (parsed.database or "") if parsed.get_backend_name() == "sqlite" else ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The answer of Testar conexão: the kind of failure (or OK) and its pt-BR sentence."""

    failure: Failure
    message: str
    server_version: int = 0

    @property
    def ok(self) -> bool:
        """Whether the database can be used as it is."""
        return self.failure is Failure.OK


def classify(error_text: str) -> Failure:
    """The kind of failure a psycopg connection error's text tells."""
    for kind, pattern in _PATTERNS:
        if pattern.search(error_text):
            return kind
    return Failure.OTHER


def version_text(version: int) -> str:
    """libpq's server_version (150018) as people write it ("15.18")."""
    return f"{version // 10000}.{version % 10000}"


def check(target: Target, *, timeout: int = CONNECT_TIMEOUT) -> CheckResult:
    """Connect as the wizard would and say what happened."""
    try:
        with _connect(target, target.database, timeout) as conn:
            version = conn.info.server_version
            if version < MIN_SERVER_VERSION:
                return _result(Failure.OLD_VERSION, target, timeout, version)
            can_create = conn.execute(
                "SELECT has_schema_privilege('public', 'CREATE')").fetchone()
            if not (can_create and can_create[0]):
                return _result(Failure.NO_PRIVILEGE, target, timeout, version)
            return _result(Failure.OK, target, timeout, version)
    except psycopg.Error as error:
        kind = classify(str(error))
        if kind is Failure.OTHER and _database_missing(target, timeout):
            kind = Failure.MISSING_DATABASE
        return _result(kind, target, timeout)


def _connect(target: Target, database: str, timeout: int) -> psycopg.Connection:
    options: dict[str, object] = {
        "host": target.host, "port": target.port, "dbname": database, "user": target.user,
        "connect_timeout": timeout, "autocommit": True,
    }
    if target.password:  # none typed: libpq may still find one in ~/.pgpass
        options["password"] = target.password
    return psycopg.connect(**options)  # type: ignore[arg-type]


def _database_missing(target: Target, timeout: int) -> bool:
    """Whether the server answers on a maintenance database and lacks the one asked for."""
    for maintenance in MAINTENANCE_DATABASES:
        if maintenance == target.database:
            continue
        try:
            with _connect(target, maintenance, timeout) as conn:
                row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                   (target.database,)).fetchone()
                return row is None
        except psycopg.Error:
            continue
    return False


def _result(kind: Failure, target: Target, timeout: int, version: int = 0) -> CheckResult:
    message = SENTENCES[kind].format(
        host=target.host, port=target.port, database=target.database, user=target.user,
        timeout=timeout, version=version_text(version))
    return CheckResult(kind, message, version)
