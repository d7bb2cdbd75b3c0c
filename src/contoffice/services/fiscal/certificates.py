"""The office's A1 certificate: the PKCS#12 kept in the database, its password in the keyring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update

from contoffice.core.secrets import STORE
from contoffice.db.models import FiscalCertificate
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.fiscal.certificate import Certificate, load_pkcs12
from contoffice.fiscal.errors import CertificateError
from contoffice.services.fiscal import messages as m
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require

WARN_DAYS = 30


def secret_key(fingerprint: str) -> str:
    """The keyring entry of a certificate's password: "nfse:<SHA-256 fingerprint>"."""
    return f"nfse:{fingerprint}"


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    """The installed certificate as the clerk sees it; `warn` when it expires within 30 days."""

    id: int
    subject: str
    document: str
    not_after: datetime
    fingerprint: str
    days_left: int
    warn: bool
    unlocked: bool  # this desk has its password (keyring or this run's memory)
    installed_at: datetime


def _info(row: FiscalCertificate, now: datetime) -> CertificateInfo:
    days = (row.not_after - now).days
    return CertificateInfo(row.id, row.subject, row.document, row.not_after, row.fingerprint,
                           days, days <= WARN_DAYS,
                           STORE.get(secret_key(row.fingerprint)) is not None, row.installed_at)


def _current(uow: UnitOfWork) -> FiscalCertificate | None:
    return uow.session.scalar(select(FiscalCertificate).where(FiscalCertificate.active)
                              .order_by(FiscalCertificate.id.desc()).limit(1))


def install(uow: UnitOfWork, actor: Actor, pfx: bytes, password: str, *,
            now: datetime | None = None) -> CertificateInfo:
    """Install an A1 certificate (it replaces the one in use); a bad file or password keeps
    nothing."""
    require(actor, "settings.fiscal")
    now = now or datetime.now(UTC)
    try:
        cert = load_pkcs12(pfx, password, now=now)
    except CertificateError as error:
        raise InvalidInput(error.message, field="certificate") from None
    row = uow.session.scalar(select(FiscalCertificate)
                             .where(FiscalCertificate.fingerprint == cert.fingerprint))
    uow.session.execute(update(FiscalCertificate).values(active=False))
    if row is None:
        row = FiscalCertificate(pkcs12=pfx, subject=cert.subject_name, document=cert.document,
                                not_after=cert.not_after, fingerprint=cert.fingerprint,
                                installed_by=actor.id, installed_at=now)
        uow.session.add(row)
    row.active = True
    uow.flush()
    audit.record(uow, actor, "fiscal.certificate_installed", "fiscal_certificate", row.id,
                 after={"subject": cert.subject_name, "document": cert.document,
                        "not_after": cert.not_after.date().isoformat()})
    uow.commit()
    # Only once the row is in: a refused install leaves no password behind either.
    STORE.put(secret_key(cert.fingerprint), password)
    return _info(row, now)


def info(uow: UnitOfWork, *, now: datetime | None = None) -> CertificateInfo | None:
    """The certificate in use, or None when none was installed."""
    row = _current(uow)
    return None if row is None else _info(row, now or datetime.now(UTC))


def unlock(uow: UnitOfWork, password: str) -> None:
    """Give this desk the certificate's password (its keyring lacked it); a wrong one is
    refused."""
    row = _current(uow)
    if row is None:
        raise NotAllowed(m.NO_CERTIFICATE)
    try:
        load_pkcs12(row.pkcs12, password)
    except CertificateError as error:
        raise InvalidInput(error.message, field="password") from None
    STORE.put(secret_key(row.fingerprint), password)


def load(uow: UnitOfWork, *, now: datetime | None = None) -> Certificate:
    """The certificate in use, opened with this desk's password, to sign and to connect."""
    row = _current(uow)
    if row is None:
        raise NotAllowed(m.NO_CERTIFICATE)
    password = STORE.get(secret_key(row.fingerprint))
    if password is None:
        raise NotAllowed(m.CERTIFICATE_LOCKED)
    try:
        return load_pkcs12(row.pkcs12, password, now=now)
    except CertificateError as error:
        raise NotAllowed(error.message) from None
