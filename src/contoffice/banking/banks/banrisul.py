"""041 Banrisul: nosso número and free field closed by the "duplo dígito"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule
from contoffice.banking.checkdigits import banrisul_double_digit

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput

# Produto: 1 = fichário emitido pelo banco, 2 = emitido pelo beneficiário (ours).
WALLETS = ("1", "2")


class Banrisul(BankRule):
    """Banrisul, cobrança with a 7-digit código do beneficiário."""

    code = "041"
    code_dv = "8"
    name = "Banrisul"
    required_fields = ("agency", "agreement", "our_number")

    def free_field(self, inp: BoletoInput) -> str:
        """produto + `1` + ag4 + código7 + NN8 + `40` + duplo dígito."""
        wallet = self.choice(inp, "wallet", WALLETS, "2")
        agency = self.digits(inp, "agency", 4)
        agreement = self.digits(inp, "agreement", 7)
        nn = self.digits(inp, "our_number", 8)
        body = f"{wallet}1{agency}{agreement}{nn}40"
        return body + banrisul_double_digit(body)

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """NN8 + duplo dígito."""
        nn = self.digits(inp, "our_number", 8)
        return nn + banrisul_double_digit(nn)

    def format_our_number(self, inp: BoletoInput) -> str:
        """`22832563-51`."""
        n = self.our_number_with_dv(inp)
        return f"{n[:8]}-{n[8:]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`1102.9000150.46`: agência.código.duplo dígito of the código (brc "digito_convenio")."""
        agency = self.digits(inp, "agency", 4)
        agreement = self.digits(inp, "agreement", 7)
        dv = self.given_or(inp, "account_dv", banrisul_double_digit(agreement))
        return f"{agency}.{agreement}.{dv}"


RULE = Banrisul()
