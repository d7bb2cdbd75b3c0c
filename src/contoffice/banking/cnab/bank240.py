"""A bank's CNAB 240 layout built from the FEBRABAN frame and the bank's differences."""

from __future__ import annotations

from collections.abc import Mapping

from contoffice.banking.cnab.banks.febraban240 import (
    FILE_HEADER,
    FILE_TRAILER,
    LOT_HEADER,
    LOT_TRAILER,
    SEGMENT_P,
    SEGMENT_Q,
    SEGMENT_R,
    SEGMENT_T,
    SEGMENT_U,
)
from contoffice.banking.cnab.layout import Field, Occurrence
from contoffice.banking.cnab.layout240 import ALL_CHECKS, Layout240
from contoffice.banking.cnab.model import Command

Oc = Occurrence
# FEBRABAN return movement codes (boleto.md §4.5).
OCCURRENCES: dict[str, Occurrence] = {
    "02": Oc.ENTRADA_CONFIRMADA, "03": Oc.REJEITADA, "06": Oc.LIQUIDACAO, "09": Oc.BAIXA,
    "15": Oc.BAIXA,  # franco de pagamento: written off, nothing paid through the bank
    "17": Oc.LIQUIDACAO,  # liquidação após baixa
    "19": Oc.PROTESTO, "20": Oc.PROTESTO, "23": Oc.PROTESTO, "24": Oc.PROTESTO,
    "25": Oc.BAIXA,  # protestado e baixado
    "26": Oc.REJEITADA,  # instrução rejeitada
    "28": Oc.TARIFA,
    "30": Oc.REJEITADA,  # alteração de dados rejeitada
}

# FEBRABAN remittance movement codes.
COMMANDS: dict[Command, str] = {
    Command.REGISTER: "01",
    Command.WRITE_OFF: "02",
    Command.CHANGE_DUE_DATE: "06",
    Command.PROTEST: "09",
    Command.CHANGE_AMOUNT: "47",  # alteração do valor nominal
}

BENEFICIARY_FIELDS: dict[str, str] = {
    "empresa_tipo_inscricao": "document_kind",
    "empresa_documento": "document",
    "empresa_nome": "name",
    "convenio": "agreement",
    "agencia": "agency",
    "agencia_dv": "agency_dv",
    "conta": "account",
    "conta_dv": "account_dv",
}


def bank240(
    code: str,
    name: str,
    file_bank_name: str,
    versions: tuple[str, str],
    *,
    file_header: tuple[Field, ...] = (),
    lot_header: tuple[Field, ...] = (),
    return_file_header: tuple[Field, ...] | None = None,
    return_lot_header: tuple[Field, ...] | None = None,
    p: tuple[Field, ...] = (),
    q: tuple[Field, ...] = (),
    t: tuple[Field, ...] = (),
    lot_trailer: tuple[Field, ...] = (),
    occurrences: Mapping[str, Occurrence] | None = None,
    commands: Mapping[Command, str] | None = None,
    beneficiary_fields: Mapping[str, str] | None = None,
    checks: frozenset[str] = ALL_CHECKS,
    nosso_numero_with_dv: bool = False,
    correspondent: Layout240 | None = None,
) -> Layout240:
    """A bank's layout: the frame with its fields put in (returns' headers default to the
    remittances'), its versions (file, lot), its codes (FEBRABAN's by default); a
    `beneficiary_fields` value "" drops the frame's mapping of that field."""
    returned_file = file_header if return_file_header is None else return_file_header
    returned_lot = lot_header if return_lot_header is None else return_lot_header
    return Layout240(
        code=code,
        name=name,
        file_header=FILE_HEADER.replaced(*file_header),
        lot_header=LOT_HEADER.replaced(*lot_header),
        segment_p=SEGMENT_P.replaced(*p),
        segment_q=SEGMENT_Q.replaced(*q),
        segment_r=SEGMENT_R,
        lot_trailer=LOT_TRAILER.replaced(*lot_trailer),
        file_trailer=FILE_TRAILER,
        return_file_header=FILE_HEADER.replaced(*returned_file),
        return_lot_header=LOT_HEADER.replaced(*returned_lot),
        segment_t=SEGMENT_T.replaced(*t),
        segment_u=SEGMENT_U,
        occurrences=dict(OCCURRENCES if occurrences is None else occurrences),
        commands=COMMANDS if commands is None else commands,
        beneficiary_fields={
            name: key
            for name, key in {**BENEFICIARY_FIELDS, **(beneficiary_fields or {})}.items()
            if key
        },
        file_version=versions[0],
        lot_version=versions[1],
        file_bank_name=file_bank_name,
        checks=checks,
        nosso_numero_with_dv=nosso_numero_with_dv,
        correspondent=correspondent,
    )
