"""104 Caixa Econômica Federal, SIGCB (nosso número of 17 = modalidade + emissão + 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule, label
from contoffice.banking.checkdigits import mod11
from contoffice.banking.errors import BoletoError
from contoffice.core.text import is_ascii_digits

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput

# Carteira as the clerk knows it → the SIGCB modalidade digit (1 registrada, 2 sem registro).
WALLETS = {"1": "1", "RG": "1", "2": "2", "SR": "2"}
ISSUER = "4"  # emissão pelo beneficiário


class Caixa(BankRule):
    """Caixa SIGCB, código do beneficiário of 6 digits (+DV) or 7 digits."""

    code = "104"
    code_dv = "0"
    name = "Caixa Econômica Federal"
    required_fields = ("agency", "agreement", "our_number")

    def _agreement(self, inp: BoletoInput) -> str:
        raw = inp.agreement.strip()
        if not is_ascii_digits(raw) or len(raw) not in (6, 7):
            raise BoletoError(
                f"Banco 104: {label('agreement')} (código do beneficiário) deve ter 6 ou 7 "
                f"dígitos, recebido {len(raw)} ({raw})",
                "agreement",
            )
        return raw

    def _wallet(self, inp: BoletoInput) -> str:
        raw = inp.wallet.strip().upper() or "RG"
        if raw not in WALLETS:
            raise BoletoError(
                f"Banco 104: {label('wallet')} {raw!r} não suportada; use RG (1) ou SR (2)",
                "wallet",
            )
        return WALLETS[raw]

    def free_field(self, inp: BoletoInput) -> str:
        """Beneficiário, the NN split 3/3/9 around modalidade and emissão, then a mod-11 DV."""
        agreement = self._agreement(inp)
        # The 7-digit code (2024 layout) takes the place of the 6-digit code + its DV.
        head = agreement if len(agreement) == 7 else agreement + mod11(agreement)
        nn = self.digits(inp, "our_number", 15)
        body = f"{head}{nn[0:3]}{self._wallet(inp)}{nn[3:6]}{ISSUER}{nn[6:15]}"
        return body + mod11(body)

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """Modalidade + emissão + NN15 + DV (mod 11, 10/11 → 0)."""
        number = self._wallet(inp) + ISSUER + self.digits(inp, "our_number", 15)
        return number + mod11(number)

    def format_our_number(self, inp: BoletoInput) -> str:
        """`14000000000000001-4`."""
        with_dv = self.our_number_with_dv(inp)
        return f"{with_dv[:-1]}-{with_dv[-1]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`1825 / 245274-0`; a 7-digit code prints a DV only when one is given."""
        agency = self.digits(inp, "agency", 4)
        agreement = self._agreement(inp)
        computed = mod11(agreement) if len(agreement) == 6 else ""
        dv = self.given_or(inp, "account_dv", computed)
        return f"{agency} / {agreement}-{dv}" if dv else f"{agency} / {agreement}"


RULE = Caixa()
