"""What every bank's CNAB 400 shares (the FEBRABAN frame): header openings, trailer, numbering.

Each bank's module adds its own fields between these; the positions here are the
ones every CNAB 400 bank keeps.
"""

from __future__ import annotations

from contoffice.banking.cnab.layout import Field, Record, alpha, cents, const, ddmmyy, num

W = 400


def sequencial() -> Field:
    """The record's number in the file (1, 2, 3 …), in the last six columns."""
    return num("sequencial", 395, 400)


def remittance_header_opening() -> tuple[Field, ...]:
    """0 1 REMESSA 01 COBRANCA: a remittance header's first 26 columns."""
    return (
        const("registro", 1, 1, "0"),
        const("operacao", 2, 2, "1"),
        const("literal_remessa", 3, 9, "REMESSA"),
        const("servico", 10, 11, "01"),
        const("literal_servico", 12, 26, "COBRANCA"),
    )


def return_header_opening() -> tuple[Field, ...]:
    """0 2 RETORNO 01 COBRANCA: a return header's first 26 columns, as the bank wrote them."""
    return (
        const("registro", 1, 1, "0"),
        const("operacao", 2, 2, "2"),
        alpha("literal_retorno", 3, 9),
        num("servico", 10, 11),
        alpha("literal_servico", 12, 26),
    )


def bank_identity() -> tuple[Field, ...]:
    """The office's name, the bank's code and name and the file's date (columns 47-100)."""
    return (
        alpha("empresa_nome", 47, 76),
        num("banco", 77, 79),
        alpha("banco_nome", 80, 94),
        ddmmyy("data_geracao", 95, 100),
    )


REMITTANCE_TRAILER = Record("trailer_remessa", W, (const("registro", 1, 1, "9"), sequencial()))


def due_and_value() -> tuple[Field, ...]:
    """Vencimento and valor of a title (columns 121-139 of the detail)."""
    return (ddmmyy("vencimento", 121, 126), cents("valor", 127, 139))


def title_terms(*, numeric_instructions: bool = False) -> tuple[Field, ...]:
    """Espécie, aceite, emissão, instructions, interest, discount, IOF, abatimento (148-218)."""
    instruction = num if numeric_instructions else alpha
    return (
        num("especie", 148, 149, "01"),
        alpha("aceite", 150, 150, "N"),
        ddmmyy("emissao", 151, 156),
        instruction("instrucao1", 157, 158),
        instruction("instrucao2", 159, 160),
        cents("juros_dia", 161, 173),
        ddmmyy("desconto_ate", 174, 179),
        cents("desconto", 180, 192),
        cents("iof", 193, 205),
        cents("abatimento", 206, 218),
    )


def payer(name_end: int = 274, *, full_address: bool = True) -> tuple[Field, ...]:
    """The payer: inscription, name up to `name_end`, street (219-314) and, with
    `full_address`, bairro, CEP, city and state (315-351)."""
    fields = (
        num("pagador_tipo_inscricao", 219, 220),
        num("pagador_documento", 221, 234),
        alpha("pagador_nome", 235, name_end),
        alpha("pagador_endereco", 275, 314),
    )
    if not full_address:
        return fields
    return (*fields, alpha("pagador_bairro", 315, 326), num("pagador_cep", 327, 334),
            alpha("pagador_cidade", 335, 349), alpha("pagador_uf", 350, 351))


def return_amounts() -> tuple[Field, ...]:
    """Abatimento, desconto, valor pago and juros of a return detail (columns 228-279)."""
    return (
        cents("abatimento", 228, 240),
        cents("desconto", 241, 253),
        cents("valor_pago", 254, 266),
        cents("juros", 267, 279),
    )


def return_trailer_opening() -> tuple[Field, ...]:
    """9 2: a return trailer's first two columns."""
    return (const("registro", 1, 1, "9"), const("operacao", 2, 2, "2"))
