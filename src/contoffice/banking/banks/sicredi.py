"""748 Sicredi: nosso número yy + byte de identificação + sequência + DV."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from contoffice.banking.banks.base import BankRule, label
from contoffice.banking.checkdigits import mod11
from contoffice.banking.errors import BoletoError
from contoffice.core.text import is_ascii_digits

if TYPE_CHECKING:
    from contoffice.banking.boleto import BoletoInput

WALLETS = ("1", "3")  # tipo de cobrança: 1 com registro, 3 sem registro
BYTES = tuple("23456789")  # 1 is reserved for slips the cooperativa itself issues


class Sicredi(BankRule):
    """Sicredi, cooperativa + posto + código do beneficiário."""

    code = "748"
    code_dv = "X"
    name = "Sicredi"
    required_fields = ("agency", "post", "agreement", "our_number")

    def _year_byte_sequence(self, inp: BoletoInput) -> str:
        """yy + byte + seq5: from an 8-digit nosso número, or built from its parts."""
        raw = inp.our_number.strip()
        if is_ascii_digits(raw) and len(raw) == 8:
            return raw
        sequence = self.digits(inp, "our_number", 5)
        byte = self.choice(inp, "byte_idt", BYTES, "2")
        # The year is the year the number was generated; services pass the
        # processing date so the slip is reproducible, today is the fallback.
        processed = inp.processing_date or date.today()
        if not isinstance(processed, date):
            raise BoletoError(f"Banco 748: {label('processing_date')} inválida", "processing_date")
        return f"{processed.year % 100:02d}{byte}{sequence}"

    def _prefix(self, inp: BoletoInput) -> str:
        return (
            self.digits(inp, "agency", 4)
            + self.digits(inp, "post", 2)
            + self.digits(inp, "agreement", 5)
        )

    def our_number_with_dv(self, inp: BoletoInput) -> str:
        """yy + byte + seq5 + DV (mod 11 over cooperativa + posto + código + the 8 digits)."""
        number = self._year_byte_sequence(inp)
        return number + mod11(self._prefix(inp) + number)

    def free_field(self, inp: BoletoInput) -> str:
        """tipo + `1` + NN9 + coop4 + posto2 + código5 + valor flag + `0` + DV."""
        wallet = self.choice(inp, "wallet", WALLETS, "1")
        # Position 20 of the free field says whether the slip carries a value.
        has_value = "1" if inp.amount_cents > 0 else "0"
        body = f"{wallet}1{self.our_number_with_dv(inp)}{self._prefix(inp)}{has_value}0"
        return body + mod11(body)

    def format_our_number(self, inp: BoletoInput) -> str:
        """`16/208879-3`."""
        n = self.our_number_with_dv(inp)
        return f"{n[0:2]}/{n[2:8]}-{n[8]}"

    def format_agency_account(self, inp: BoletoInput) -> str:
        """`0710.65.00129` (cooperativa.posto.código)."""
        prefix = self._prefix(inp)
        return f"{prefix[0:4]}.{prefix[4:6]}.{prefix[6:11]}"


RULE = Sicredi()
