"""033 Santander: `9` + código do beneficiário + nosso número (12 + DV) + IOF + carteira."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule
from contoffice.banking.checkdigits import mod11

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput


class Santander(BankRule):
    """Santander, carteiras 101/102/104/201 (any 3 digits accepted)."""

    code = "033"
    code_dv = "7"
    name = "Santander"
    required_fields = ("agency", "agreement", "wallet", "our_number")

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """NN12 + DV (mod 11, weights 2–9, 10/11 → 0)."""
        nn = self.digits(inp, "our_number", 12)
        return nn + mod11(nn)

    def free_field(self, inp: BoletoInput) -> str:
        """`9` + beneficiário7 + NN12 + DV + IOF + carteira3."""
        agreement = self.digits(inp, "agreement", 7)
        # IOF is 0 except for insurance companies, which send the rate digit.
        iof = self.digits(inp, "iof", 1) if inp.iof.strip() else "0"
        wallet = self.digits(inp, "wallet", 3)
        return f"9{agreement}{self.our_number_with_dv(inp)}{iof}{wallet}"

    def format_our_number(self, inp: BoletoInput) -> str:
        """`000009000026-9`."""
        with_dv = self.our_number_with_dv(inp)
        return f"{with_dv[:-1]}-{with_dv[-1]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`0059 / 1899775` (agência / código do beneficiário)."""
        agency = self.digits(inp, "agency", 4)
        agency_dv = inp.agency_dv.strip()
        shown = f"{agency}-{agency_dv}" if agency_dv else agency
        return f"{shown} / {self.digits(inp, 'agreement', 7)}"


RULE = Santander()
