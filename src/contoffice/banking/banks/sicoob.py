"""756 Sicoob (Bancoob): cooperativa + modalidade + cliente + nosso número + parcela."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule
from contoffice.banking.checkdigits import mod11_sicoob

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput


class Sicoob(BankRule):
    """Sicoob, carteira 1 (simples) and 3 (caucionada); modalidade 01, 02, 05 …"""

    code = "756"
    code_dv = "0"
    name = "Sicoob"
    required_fields = ("agency", "agreement", "our_number")

    def _modality(self, inp: BoletoInput) -> str:
        # Some manuals call the modalidade "variação"; take either, 01 by default.
        field = "modality" if inp.modality.strip() or not inp.variation.strip() else "variation"
        if not getattr(inp, field).strip():
            return "01"
        return self.digits(inp, field, 2)

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """NN7 + DV (weights 3,1,9,7 from the left over cooperativa + cliente10 + NN7)."""
        agency = self.digits(inp, "agency", 4)
        client = self.digits(inp, "agreement", 7)
        nn = self.digits(inp, "our_number", 7)
        return nn + mod11_sicoob(f"{agency}{client.zfill(10)}{nn}")

    def free_field(self, inp: BoletoInput) -> str:
        """cart1 + cooperativa4 + modalidade2 + cliente7 + NN7 + DV + parcela3."""
        wallet = self.digits(inp, "wallet", 1) if inp.wallet.strip() else "1"
        agency = self.digits(inp, "agency", 4)
        client = self.digits(inp, "agreement", 7)
        installment = self.digits(inp, "installment", 3) if inp.installment.strip() else "001"
        return (
            f"{wallet}{agency}{self._modality(inp)}{client}"
            f"{self.our_number_with_dv(inp)}{installment}"
        )

    def format_our_number(self, inp: BoletoInput) -> str:
        """`0000002-4`."""
        with_dv = self.our_number_with_dv(inp)
        return f"{with_dv[:-1]}-{with_dv[-1]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`4327 / 0229385` (cooperativa / código do cliente)."""
        return f"{self.digits(inp, 'agency', 4)} / {self.digits(inp, 'agreement', 7)}"


RULE = Sicoob()
