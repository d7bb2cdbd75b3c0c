"""001 Banco do Brasil: convênios of 4, 6, 7 and 8 digits (BB "Doc5175Bloqueto" §2.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule, label
from contoffice.banking.checkdigits import mod11_bb
from contoffice.banking.errors import BoletoError
from contoffice.core.text import is_ascii_digits

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput

WALLETS = ("11", "12", "15", "16", "17", "18", "31", "51")
# Nosso-número size (without the convênio) for each convênio size.
NN_SIZE = {4: 7, 6: 5, 7: 10, 8: 9}
FREE_NN_MODALITY = "21"  # convênio 6 with a 17-digit nosso número of free numbering


class BancoDoBrasil(BankRule):
    """Banco do Brasil, carteiras 11/12/15/16/17/18/31/51."""

    code = "001"
    code_dv = "9"
    name = "Banco do Brasil"
    required_fields = ("agency", "account", "agreement", "our_number", "wallet")

    def _agreement(self, inp: BoletoInput) -> str:
        raw = inp.agreement.strip()
        if not is_ascii_digits(raw) or len(raw) not in NN_SIZE:
            raise BoletoError(
                f"Banco 001: {label('agreement')} deve ter 4, 6, 7 ou 8 dígitos, "
                f"recebido {len(raw)} ({raw})",
                "agreement",
            )
        return raw

    def _free_numbering(self, inp: BoletoInput, agreement: str) -> bool:
        """Convênio 6 with a 17-digit nosso número (modalidade 21, carteiras 16/18)."""
        if len(agreement) != 6:
            return False
        nn = inp.our_number.strip()
        return inp.modality.strip() == FREE_NN_MODALITY or len(nn) > NN_SIZE[6]

    def _our_number(self, inp: BoletoInput, agreement: str) -> str:
        if self._free_numbering(inp, agreement):
            if self.choice(inp, "wallet", WALLETS, "") not in ("16", "18"):
                raise BoletoError(
                    f"Banco 001: {label('our_number')} de 17 dígitos só existe nas "
                    "carteiras 16 e 18 com convênio de 6 dígitos",
                    "our_number",
                )
            return self.digits(inp, "our_number", 17)
        return self.digits(inp, "our_number", NN_SIZE[len(agreement)])

    def free_field(self, inp: BoletoInput) -> str:
        """Campo livre per convênio size."""
        agreement = self._agreement(inp)
        nn = self._our_number(inp, agreement)
        wallet = self.choice(inp, "wallet", WALLETS, "")
        if len(agreement) in (7, 8):
            return f"000000{agreement}{nn}{wallet}"
        if len(nn) == 17:
            return f"{agreement}{nn}{FREE_NN_MODALITY}"
        agency = self.digits(inp, "agency", 4)
        account = self.digits(inp, "account", 8)
        return f"{agreement}{nn}{agency}{account}{wallet}"

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """Convênio + nosso número + DV (mod 11, weights 9..2, 10 → X)."""
        agreement = self._agreement(inp)
        number = agreement + self._our_number(inp, agreement)
        return number + mod11_bb(number)

    def format_our_number(self, inp: BoletoInput) -> str:
        """Convênios 7/8 and the 17-digit numbering print no DV (BB manual); 4/6 print `-DV`."""
        agreement = self._agreement(inp)
        nn = self._our_number(inp, agreement)
        if len(agreement) in (7, 8):
            return agreement + nn
        if len(nn) == 17:
            return nn
        with_dv = self.our_number_with_dv(inp)
        return f"{with_dv[:-1]}-{with_dv[-1]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`4042-9 / 00061900-0`; DVs typed by the clerk win over the computed ones."""
        agency = self.digits(inp, "agency", 4)
        account = self.digits(inp, "account", 8)
        agency_dv = self.given_or(inp, "agency_dv", mod11_bb(agency))
        account_dv = self.given_or(inp, "account_dv", mod11_bb(account))
        return f"{agency}-{agency_dv} / {account}-{account_dv}"


RULE = BancoDoBrasil()
