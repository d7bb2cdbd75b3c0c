"""`contoffice nfse certificate FILE`: install the office's A1 certificate (PKCS#12)."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from contoffice.cli import emit_json, fail
from contoffice.cli.common import actor, database
from contoffice.core.format import format_date
from contoffice.db.uow import UnitOfWork
from contoffice.services.fiscal import certificates

ENV_CERT_PASSWORD = "CONTOFFICE_CERT_PASSWORD"  # else asked at the terminal; kept in the keyring


def unlock_from_environment(uow: UnitOfWork) -> None:
    """A desk whose keyring lacks the password takes it from CONTOFFICE_CERT_PASSWORD."""
    password = os.environ.get(ENV_CERT_PASSWORD)
    found = certificates.info(uow) if password else None
    if password and found is not None and not found.unlocked:
        certificates.unlock(uow, password)


def add(actions: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """The `certificate` action of `nfse`."""
    cert = actions.add_parser("certificate", help="instalar o certificado A1 (PKCS#12)")
    cert.add_argument("file", type=Path, metavar="ARQUIVO.pfx")
    return cert


def install(args: argparse.Namespace) -> int:
    """Read the file, take its password, install it."""
    try:
        pfx = args.file.read_bytes()
    except OSError as error:
        return fail(f"Não foi possível ler {args.file}: {error.strerror}")
    password = os.environ.get(ENV_CERT_PASSWORD)
    if password is None:
        password = getpass.getpass("Senha do certificado: ")
    db = database(args)
    try:
        who = actor(db, args)
        with db.uow() as uow:
            info = certificates.install(uow, who, pfx, password)
    finally:
        db.dispose()
    if args.json:
        emit_json({"subject": info.subject, "document": info.document,
                   "not_after": info.not_after.date().isoformat(),
                   "days_left": info.days_left})
    else:
        print(f"Certificado de {info.subject} instalado; válido até "
              f"{format_date(info.not_after.date())}.")
    return 0
