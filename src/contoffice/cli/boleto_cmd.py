"""`contoffice boleto …`: barcode and linha digitável from a JSON file (no database).

`boleto codes --input FILE.json [--surcharge 2%] [--json]`: the file holds one object
or a list of objects with the fields of `BoletoInput` (`amount` in reais or
`amount_cents`; dates dd/mm/aaaa or ISO), documented once in FIELD_HELP for --help
and the README. Each subcommand is one `_add_*` function below.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from contoffice.banking.banks import supported_banks
from contoffice.cli import emit_json, fail
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import MAX_ID, parse_bounded, record_id
from contoffice.core.format import format_money
from contoffice.core.validation import ValidationError
from contoffice.services.boletos.printing import print_invoices, record_bank_pix


def register(subparsers: Any) -> None:
    """Add the `boleto` command and its subcommands."""
    parser = subparsers.add_parser("boleto", help="boletos: código de barras, linha digitável")
    sub = parser.add_subparsers(dest="boleto_command", metavar="SUBCOMMAND", required=True)
    _add_codes(sub)
    _add_pdf(sub)
    _add_set_pix(sub)


def _add_set_pix(sub: Any) -> None:
    pix = sub.add_parser("set-pix", help="guarda o Pix copia e cola que o banco registrou")
    pix.add_argument("--invoice", type=record_id, required=True, metavar="ID")
    pix.add_argument("--payload", required=True, metavar="EMV", help="vazio remove")
    add_common(pix, operator=True)
    pix.set_defaults(handler=run_set_pix)


def run_set_pix(args: argparse.Namespace) -> int:
    """Record the bank's PIX payload of a hybrid boleto."""
    db = database(args)
    try:
        with db.uow() as uow:
            record_bank_pix(uow, actor(db, args), args.invoice, args.payload)
    finally:
        db.dispose()
    if args.json:
        emit_json({"invoice_id": args.invoice, "pix_emv": args.payload.strip()})
    else:
        print(f"Pix do banco gravado na fatura {args.invoice}.")
    return 0


def _add_pdf(sub: Any) -> None:
    pdf = sub.add_parser("pdf", help="boleto (uma fatura) ou carnê (várias) em um PDF")
    pdf.add_argument("--invoices", required=True, metavar="IDS", help="ids separados por vírgula")
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    layout = pdf.add_mutually_exclusive_group()
    layout.add_argument("--carne", dest="carne", action="store_true", default=None,
                        help="carnê: 3 parcelas por página")
    layout.add_argument("--boleto", dest="carne", action="store_false",
                        help="um boleto por página")
    add_common(pdf, operator=True)
    pdf.set_defaults(handler=run_pdf)


def run_pdf(args: argparse.Namespace) -> int:
    """Render the invoices' boletos into one PDF."""
    try:
        ids = [parse_bounded(part, 1, MAX_ID) for part in args.invoices.split(",") if part.strip()]
    except ValueError as error:
        return fail(f"lista de faturas inválida: {error} (use ids separados por vírgula)")
    db = database(args)
    try:
        pages = print_invoices(db, actor(db, args), ids, args.output, carne=args.carne)
    finally:
        db.dispose()
    if args.json:
        emit_json({"output": str(args.output), "pages": pages, "invoices": ids})
    else:
        print(f"{pages} página(s) gravada(s) em {args.output}.")
    return 0


# The keys of a boleto object, as --help and the README's table say them (the test checks
# that every key boleto_input_from_mapping reads is here, in its order).
FIELD_HELP: tuple[tuple[str, str], ...] = (
    ("bank", "código do banco (obrigatório): {banks}"),
    ("agency", "agência"),
    ("agency_dv", "dígito da agência"),
    ("account", "conta"),
    ("account_dv", "dígito da conta"),
    ("wallet", "carteira"),
    ("agreement", "convênio / código do beneficiário / código do cliente"),
    ("our_number", "nosso número, sem o dígito"),
    ("amount", 'valor em reais: "1234.56", "1.234,56" ou 1234.56 (ou amount_cents)'),
    ("amount_cents", "valor em centavos, inteiro: 123456 (ou amount)"),
    ("due_date", "vencimento: DD/MM/AAAA ou AAAA-MM-DD; sem ele, contra apresentação"),
    ("document_number", "número do documento (Itaú: seu número)"),
    ("modality", 'modalidade (Sicoob); "21" = nosso número de 17 dígitos (BB)'),
    ("installment", "parcela (Sicoob)"),
    ("variation", "variação da carteira (BB, só impressa)"),
    ("post", "posto (Sicredi)"),
    ("byte_idt", "byte de identificação, de 2 a 9 (Sicredi)"),
    ("processing_date", "data de processamento: DD/MM/AAAA ou AAAA-MM-DD (Sicredi)"),
    ("iof", "dígito do IOF (Santander, só seguradoras)"),
)


def _fields_epilog() -> str:
    """The JSON keys of a boleto, one per line, for `boleto codes --help`."""
    banks = ", ".join(supported_banks())
    width = max(len(name) for name, _ in FIELD_HELP)
    lines = [f"  {name:<{width}}  {text.format(banks=banks)}" for name, text in FIELD_HELP]
    return "\n".join([
        "campos de cada boleto no JSON (um objeto ou uma lista de objetos):",
        *lines,
        "",
        "--surcharge: um percentual do valor de cada boleto (2%, 2,5%; de 0% a 100%),",
        "calculado em centavos inteiros e arredondado para cima a partir de meio",
        "centavo, ou um valor fixo em reais (10,00).",
    ])


def _add_codes(sub: Any) -> None:
    codes = sub.add_parser(
        "codes",
        help="código de barras e linha digitável de um JSON",
        epilog=_fields_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    codes.add_argument("--input", required=True, metavar="FILE.json", help="arquivo JSON")
    codes.add_argument(
        "--surcharge",
        metavar="VALOR|N%",
        help="acréscimo somado ao valor de cada boleto: 2%%, 2,5%% ou 10,00 (veja abaixo)",
    )
    codes.add_argument("--json", action="store_true", help="saída em JSON")
    codes.set_defaults(handler=run_codes)


# A boleto file is a list of flat objects: a megabyte holds thousands of them, and
# anything nested deeper than list → object → value is not one.
MAX_INPUT_BYTES = 1_000_000
MAX_DEPTH = 3


def _read(path: str) -> str:
    """The file's text, refused when missing, unreadable, not UTF-8 or over the size bound."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError(f"arquivo não encontrado: {path} (--input)", "input") from None
    except (OSError, ValueError):  # a folder, no permission, a NUL in the name
        raise ValidationError(f"não foi possível ler {path} (--input)", "input") from None
    if len(data) > MAX_INPUT_BYTES:
        message = f"{path} passa de {MAX_INPUT_BYTES // 1_000_000} MB; divida-o em arquivos menores"
        raise ValidationError(message + " (--input)", "input")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        message = f"não foi possível ler {path} como texto UTF-8 (--input)"
        raise ValidationError(message, "input") from None


def _depth(document: Any) -> int:
    """How deep lists and objects nest (a scalar is 0), walked without recursion."""
    deepest, pending = 0, [(document, 1)]
    while pending:
        node, level = pending.pop()
        if not isinstance(node, dict | list):
            continue
        deepest = max(deepest, level)
        if level <= MAX_DEPTH:  # anything deeper is refused: no need to walk it
            pending.extend((child, level + 1) for child in _children(node))
    return deepest


def _children(node: dict[str, Any] | list[Any]) -> list[Any]:
    return list(node.values()) if isinstance(node, dict) else node


def _too_deep(path: str) -> ValidationError:
    return ValidationError(
        f"JSON de {path} aninhado demais: use uma lista de objetos de boleto (--input)", "input"
    )


def _load(path: str) -> list[Any]:
    """The JSON file as a list of boleto objects; raises ValidationError naming the file."""
    text = _read(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"JSON inválido em {path}, linha {error.lineno}, coluna {error.colno} (--input)",
            "input",
        ) from None
    except RecursionError:  # nested past the parser's own stack
        raise _too_deep(path) from None
    except ValueError:  # an integer of more than 4,300 digits (Python's own bound)
        raise ValidationError(
            f"JSON de {path} tem um número grande demais (--input)", "input"
        ) from None
    if _depth(document) > MAX_DEPTH:
        raise _too_deep(path)
    items = document if isinstance(document, list) else [document]
    if not items:
        raise ValidationError(f"{path} não contém nenhum boleto", "input")
    return items


def run_codes(args: argparse.Namespace) -> int:
    """Compute the codes of every boleto in the file; stop at the first bad one."""
    from contoffice.banking.boleto import (
        boleto_input_from_mapping,
        compute_codes,
        surcharge_cents,
    )

    results: list[dict[str, Any]] = []
    try:
        if args.surcharge is not None:  # a bad option is said before the file is read
            surcharge_cents(0, args.surcharge)
        items = _load(args.input)
        for index, item in enumerate(items, start=1):
            try:
                boleto = boleto_input_from_mapping(item)
                extra = (
                    0 if args.surcharge is None
                    else surcharge_cents(boleto.amount_cents, args.surcharge)
                )
                boleto = dataclasses.replace(boleto, amount_cents=boleto.amount_cents + extra)
                codes = compute_codes(boleto)
            except ValidationError as error:
                prefix = f"boleto {index}: " if len(items) > 1 else ""
                raise ValidationError(prefix + error.message, error.field) from None
            results.append(
                {
                    "amount_cents": boleto.amount_cents,
                    "surcharge_cents": extra,
                    "barcode": codes.barcode,
                    "digitable_line": codes.digitable_line,
                    "digitable_line_formatted": codes.digitable_line_formatted,
                    "our_number_formatted": codes.our_number_formatted,
                    "due_factor": codes.due_factor,
                    "bank_code_with_dv": codes.bank_code_with_dv,
                    "agency_account_formatted": codes.agency_account_formatted,
                }
            )
    except ValidationError as error:
        # Banking errors are ValidationErrors; a value echoed from the file may hold newlines.
        return fail(" ".join(error.message.split()))
    if args.json:
        emit_json(results)
    else:
        for row in results:
            print(
                f"{row['bank_code_with_dv']}  {row['digitable_line_formatted']}  "
                f"nosso número {row['our_number_formatted']}  fator {row['due_factor']:04d}  "
                f"valor {format_money(row['amount_cents'])}"
            )
    return 0
