"""PIX BR Code (EMV-MPM): TLV encoding, CRC16/CCITT-FALSE, static codes, parsing.

Each field is ID (2 digits) + length (2 decimal digits, in characters) + value;
the CRC (ID 63) closes the payload and covers everything before its value,
including the literal "6304". The bank issues the EMV of a hybrid boleto; the
static builder here is for the office's own key (it does not settle a boleto).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from contoffice.core.text import is_ascii_digits
from contoffice.core.validation import ValidationError

PIX_GUI = "br.gov.bcb.pix"
MAX_NAME = 25
MAX_CITY = 15
MAX_TXID = 25  # static codes; "***" means "no txid"
TEMPLATES = frozenset({f"{n:02d}" for n in range(26, 52)} | {"62", "80"})


class PixError(ValidationError):
    """A BR Code is malformed or its CRC does not match."""


def crc16_ccitt_false(data: bytes) -> str:
    """CRC16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 upper-case hex digits."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"  # zero-padded: a 3-digit CRC is the classic bug


def tlv(tag: str, value: str) -> str:
    """One field: ID + 2-digit length + value."""
    if len(value) > 99:
        raise PixError(f"Campo {tag} do PIX com {len(value)} caracteres (máximo 99)", "pix")
    return f"{tag}{len(value):02d}{value}"


def encode_brcode(fields: Iterable[tuple[str, str | Iterable[tuple[str, str]]]]) -> str:
    """Serialize fields (a template given as its sub-fields) and append the CRC."""
    body = ""
    for tag, value in fields:
        text = value if isinstance(value, str) else "".join(tlv(t, v) for t, v in value)
        body += tlv(tag, text)
    body += "6304"
    return body + crc16_ccitt_false(body.encode("utf-8"))


def parse_tlv(text: str) -> list[tuple[str, str]]:
    """Split a TLV string into (ID, value) pairs; raise on a truncated or bad length."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not is_ascii_digits(head):
            raise PixError(f"BR Code malformado na posição {pos + 1}: {head!r}", "pix")
        size = int(head[2:])
        value = text[pos + 4 : pos + 4 + size]
        if len(value) != size:
            raise PixError(
                f"BR Code malformado: campo {head[:2]} declara {size} caracteres, "
                f"restam {len(value)}",
                "pix",
            )
        pairs.append((head[:2], value))
        pos += 4 + size
    return pairs


@dataclass(frozen=True)
class BRCode:
    """A parsed BR Code; `tags` holds raw top-level values, templates are split out."""

    tags: dict[str, str]
    merchant_account: dict[str, str] = field(default_factory=dict)  # template 26
    additional_data: dict[str, str] = field(default_factory=dict)  # template 62

    @property
    def key(self) -> str | None:
        """The DICT key of a static code."""
        return self.merchant_account.get("01")

    @property
    def url(self) -> str | None:
        """The location (without https://) of a dynamic code."""
        return self.merchant_account.get("25")

    @property
    def amount_cents(self) -> int | None:
        """Tag 54 in cents, or None when the payer types the value."""
        amount = self.tags.get("54")
        if amount is None:
            return None
        whole, _, frac = amount.partition(".")
        return int(whole or "0") * 100 + int((frac + "00")[:2])

    @property
    def name(self) -> str:
        """Merchant name (tag 59)."""
        return self.tags.get("59", "")

    @property
    def city(self) -> str:
        """Merchant city (tag 60)."""
        return self.tags.get("60", "")

    @property
    def txid(self) -> str | None:
        """Tag 62/05."""
        return self.additional_data.get("05")

    @property
    def crc(self) -> str:
        """Tag 63."""
        return self.tags["63"]


def parse_brcode(payload: str) -> BRCode:
    """Parse and check a BR Code (TLV structure, CRC, PIX GUI)."""
    validate_brcode(payload)
    tags = dict(parse_tlv(payload.strip()))
    templates = {tag: dict(parse_tlv(tags[tag])) for tag in tags if tag in TEMPLATES}
    merchant = next(
        (
            sub
            for tag, sub in sorted(templates.items())
            if tag != "62" and sub.get("00", "").lower() == PIX_GUI
        ),
        {},
    )
    return BRCode(tags=tags, merchant_account=merchant, additional_data=templates.get("62", {}))


def validate_brcode(payload: str) -> None:
    """Raise PixError unless `payload` is a well-formed PIX BR Code with a matching CRC."""
    text = payload.strip()
    pairs = parse_tlv(text)
    if not pairs or pairs[0] != ("00", "01"):
        raise PixError("BR Code deve começar pelo campo 00 = 01", "pix")
    if pairs[-1][0] != "63" or len(pairs[-1][1]) != 4:
        raise PixError("BR Code deve terminar pelo CRC (campo 63, 4 caracteres)", "pix")
    expected = crc16_ccitt_false(text[:-4].encode("utf-8"))
    if pairs[-1][1].upper() != expected:
        raise PixError(f"CRC do BR Code é {pairs[-1][1]}, esperado {expected}", "pix")
    tags = dict(pairs)
    for tag in ("52", "53", "58", "59", "60"):
        if tag not in tags:
            raise PixError(f"BR Code sem o campo obrigatório {tag}", "pix")
    for tag in TEMPLATES & tags.keys():
        parse_tlv(tags[tag])  # a template must itself be valid TLV
    if not any(
        dict(parse_tlv(tags[t])).get("00", "").lower() == PIX_GUI
        for t in TEMPLATES - {"62"}
        if t in tags
    ):
        raise PixError(f"BR Code sem conta PIX (campo 26 com {PIX_GUI})", "pix")


def ascii_upper(text: str, limit: int) -> str:
    """Accents stripped, ASCII upper case, truncated: what payer apps display reliably."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", plain).strip().upper()[:limit].rstrip()


def build_static_pix(
    key: str,
    name: str,
    city: str,
    amount_cents: int | None = None,
    txid: str = "***",
    description: str | None = None,
) -> str:
    """A static BR Code for the office's own PIX key."""
    key = key.strip()
    if not key or len(key) > 77:
        raise PixError("Chave PIX vazia ou com mais de 77 caracteres (key)", "key")
    merchant_name, merchant_city = ascii_upper(name, MAX_NAME), ascii_upper(city, MAX_CITY)
    if not merchant_name:
        raise PixError("Nome do recebedor PIX vazio (name)", "name")
    if not merchant_city:
        raise PixError("Cidade do recebedor PIX vazia (city)", "city")
    if txid != "***" and not re.fullmatch(rf"[A-Za-z0-9]{{1,{MAX_TXID}}}", txid):
        raise PixError("txid deve ter de 1 a 25 letras ou dígitos, ou *** (txid)", "txid")
    account = [("00", PIX_GUI), ("01", key)]
    if description:
        account.append(("02", description))
    if sum(4 + len(v) for _, v in account) > 99:
        raise PixError("Chave e descrição do PIX longas demais (description)", "description")
    fields: list[tuple[str, str | Iterable[tuple[str, str]]]] = [("00", "01"), ("26", account)]
    fields += [("52", "0000"), ("53", "986")]
    if amount_cents is not None:
        if (
            isinstance(amount_cents, bool)
            or not isinstance(amount_cents, int)
            or not (0 < amount_cents <= 99_999_999_999)
        ):
            message = "Valor do PIX deve ser um inteiro positivo de centavos (amount_cents)"
            raise PixError(message, "amount_cents")
        fields.append(("54", f"{amount_cents // 100}.{amount_cents % 100:02d}"))
    fields += [("58", "BR"), ("59", merchant_name), ("60", merchant_city)]
    fields.append(("62", [("05", txid)]))
    return encode_brcode(fields)
