"""341 Itaú: DAC mod 10; special carteiras carry seu número and código do cliente."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule
from contoffice.banking.checkdigits import mod10

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput

# Carteiras whose free field has seu número (7) + código do cliente (5).
SPECIAL_WALLETS = frozenset({"106", "107", "122", "142", "143", "195", "196", "198"})
# Carteiras whose nosso-número DAC covers only carteira + nosso número (Itaú manual,
# Anexo 4; 112 is not one of them).
SHORT_DAC_WALLETS = frozenset({"126", "131", "146", "150", "168"})


class Itau(BankRule):
    """Itaú, every 3-digit carteira (109, 112, 175, 196 …)."""

    code = "341"
    code_dv = "7"
    name = "Itaú"
    required_fields = ("agency", "account", "wallet", "our_number")

    def _parts(self, inp: BoletoInput) -> tuple[str, str, str, str]:
        return (
            self.digits(inp, "agency", 4),
            self.digits(inp, "account", 5),
            self.digits(inp, "wallet", 3),
            self.digits(inp, "our_number", 8),
        )

    def _dac(self, inp: BoletoInput) -> str:
        agency, account, wallet, nn = self._parts(inp)
        if wallet in SHORT_DAC_WALLETS:
            return mod10(wallet + nn)
        return mod10(agency + account + wallet + nn)

    def free_field(self, inp: BoletoInput) -> str:
        """Standard or special-carteira layout (Itaú manual, positions 20–44)."""
        agency, account, wallet, nn = self._parts(inp)
        if wallet in SPECIAL_WALLETS:
            own_number = self.digits(inp, "document_number", 7)
            client = self.digits(inp, "agreement", 5)
            body = f"{wallet}{nn}{own_number}{client}"
            return f"{body}{mod10(body)}0"
        return f"{wallet}{nn}{self._dac(inp)}{agency}{account}{mod10(agency + account)}000"

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """NN8 + DAC."""
        return self._parts(inp)[3] + self._dac(inp)

    def format_our_number(self, inp: BoletoInput) -> str:
        """`175/12345678-4`."""
        _, _, wallet, nn = self._parts(inp)
        return f"{wallet}/{nn}-{self._dac(inp)}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`0810 / 53678-9` (the account DAC covers agência + conta)."""
        agency, account, _, _ = self._parts(inp)
        return f"{agency} / {account}-{self.given_or(inp, 'account_dv', mod10(agency + account))}"


RULE = Itau()
