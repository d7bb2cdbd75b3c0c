"""237 Bradesco: campo livre agência + carteira + nosso número + conta + zero."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule
from contoffice.banking.checkdigits import mod11_bradesco, mod11_bradesco_account

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput


class Bradesco(BankRule):
    """Bradesco, any 2-digit carteira (03, 06, 09, 19, 26 …)."""

    code = "237"
    code_dv = "2"
    name = "Bradesco"
    required_fields = ("agency", "account", "wallet", "our_number")

    def free_field(self, inp: BoletoInput) -> str:
        """ag4 + cart2 + NN11 + conta7 + `0`."""
        agency = self.digits(inp, "agency", 4)
        wallet = self.digits(inp, "wallet", 2)
        nn = self.digits(inp, "our_number", 11)
        account = self.digits(inp, "account", 7)
        return f"{agency}{wallet}{nn}{account}0"

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """NN11 + DV (mod 11 over carteira + NN, weights 2–7; 10 → P)."""
        wallet = self.digits(inp, "wallet", 2)
        nn = self.digits(inp, "our_number", 11)
        return nn + mod11_bradesco(wallet + nn)

    def format_our_number(self, inp: BoletoInput) -> str:
        """`06/00000000525-P`."""
        with_dv = self.our_number_with_dv(inp)
        return f"{self.digits(inp, 'wallet', 2)}/{with_dv[:-1]}-{with_dv[-1]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`1172-0 / 0403005-2`."""
        agency = self.digits(inp, "agency", 4)
        account = self.digits(inp, "account", 7)
        agency_dv = self.given_or(inp, "agency_dv", mod11_bradesco_account(agency))
        account_dv = self.given_or(inp, "account_dv", mod11_bradesco_account(account))
        return f"{agency}-{agency_dv} / {account}-{account_dv}"


RULE = Bradesco()
