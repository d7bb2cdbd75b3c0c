"""The Sefin the office talks to: the Sefin Nacional over mutual TLS, or the local simulator."""

from __future__ import annotations

from typing import Protocol

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.sefin import BASE_URLS, Authorised, SefinClient
from contoffice.fiscal.simulator import LocalSefin
from contoffice.fiscal.values import Party
from contoffice.services.fiscal.settings import SIMULATOR, FiscalSettings, simulator_path


class Sefin(Protocol):
    """What the services ask of a Sefin (SefinClient and LocalSefin both answer it)."""

    def emit(self, signed_dps: bytes) -> Authorised:
        """Authorise a signed DPS."""
        ...

    def find_dps(self, dps_id: str) -> str | None:
        """The chave a DPS generated, or None."""
        ...

    def fetch_nfse(self, key: str) -> bytes:
        """The NFS-e XML of a chave."""
        ...

    def register_event(self, key: str, signed_event: bytes) -> bytes:
        """Register a signed event; the event XML."""
        ...


def open_sefin(values: FiscalSettings, cert: Certificate, office_name: str) -> Sefin:
    """The Sefin of the office's settings, speaking with its certificate."""
    if values.transmission == SIMULATOR:
        # The demo office's "Simulador local" authorises here, signed with the office's own
        # test certificate, and keeps its notes in the user data folder between runs.
        return LocalSefin(cert, state_path=simulator_path(values),
                          emitters=(Party(cert.document, office_name),))
    url = values.sefin_url or BASE_URLS[values.environment]
    return SefinClient(url, cert, ca_file=values.ca_file or None,
                       timeout=float(values.timeout_seconds))
