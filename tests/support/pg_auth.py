"""A role of the test cluster that must give its password (the cluster trusts everyone else)."""

from __future__ import annotations

import time

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from tests.support.databases import PostgresServer

_WAIT_SECONDS = 30  # pg_reload_conf() only signals the server: new rules apply a moment later


def password_role(server: PostgresServer, role: str, password: str) -> tuple[str, int]:
    """Create `role` (LOGIN, CREATEDB) that authenticates by scram on 127.0.0.1; (host, port)."""
    admin = make_url(server.admin_url)
    host, port = admin.host or "127.0.0.1", admin.port or 5432
    with psycopg.connect(host=host, port=port, user=admin.username, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)))
        hba = conn.execute("SHOW hba_file").fetchone()[0]  # type: ignore[index]
        lines = conn.execute("SELECT pg_read_file(%s)", (hba,)).fetchone()[0].split("\n")  # type: ignore[index]
        rule = f"host all {role} {host}/32 scram-sha-256"
        if rule not in lines:
            # Written by the server itself (COPY runs as its OS user), one row per line.
            conn.execute(sql.SQL("COPY (SELECT unnest({}::text[])) TO {}").format(
                sql.Literal([rule, *lines]), sql.Literal(hba)))
            conn.execute("SELECT pg_reload_conf()")
    deadline = time.monotonic() + _WAIT_SECONDS
    while time.monotonic() < deadline:  # until the server asks this role for its password
        try:
            psycopg.connect(host=host, port=port, user=role, password=password + "x",
                            dbname="postgres").close()
        except psycopg.OperationalError:
            return host, port
        time.sleep(0.05)
    raise RuntimeError("pg_hba.conf não foi recarregado")
