import pytest

from contoffice.core.email import split_emails, validate_email
from contoffice.core.phone import format_phone, normalize_phone, to_e164, validate_phone
from contoffice.core.postal import format_cep, normalize_cep, validate_cep
from contoffice.core.text import fold
from contoffice.core.validation import ValidationError


def test_cep() -> None:
    assert normalize_cep("01310-100") == "01310100"
    assert validate_cep(" 01310-100 ") == "01310100"
    assert format_cep("01310100") == "01310-100"
    assert format_cep("123") == "123"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("00000-000", "não existe"), ("1234-567", "8 dígitos"), ("ABCDE-123", "números")],
)
def test_cep_errors(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        validate_cep(text)
    assert info.value.message.startswith("CEP inválido:")


@pytest.mark.parametrize(
    ("text", "digits", "formatted"),
    [
        ("(11) 3456-7890", "1134567890", "(11) 3456-7890"),
        ("11912345678", "11912345678", "(11) 91234-5678"),
        ("+55 11 91234-5678", "11912345678", "(11) 91234-5678"),
        ("5521987654321", "21987654321", "(21) 98765-4321"),
        ("011 3456-7890", "1134567890", "(11) 3456-7890"),
        ("(55) 3222-1234", "5532221234", "(55) 3222-1234"),
    ],
)
def test_phone_valid(text: str, digits: str, formatted: str) -> None:
    assert validate_phone(text) == digits
    assert format_phone(text) == formatted
    assert to_e164(text) == "+55" + digits


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("3456-7890", "DDD"),
        ("(20) 3456-7890", "DDD 20"),
        ("(11) 81234-5678", "começa com 9"),
        ("(11) 9456-7890", "fixo"),
        ("(11) 3456-789", "DDD \\+ 8"),
        ("(11) 3456-7890 ramal", "apenas números"),
    ],
)
def test_phone_errors(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        validate_phone(text, field="Celular")
    assert info.value.field == "Celular"
    assert format_phone(text) == text


def test_normalize_phone() -> None:
    assert normalize_phone("+55 (11) 3456-7890") == "1134567890"


def test_email() -> None:
    assert validate_email(" Fulano.Silva@Empresa.COM.br ") == "Fulano.Silva@empresa.com.br"
    assert validate_email("a+b@x.io") == "a+b@x.io"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("fulano", "@"),
        ("a@@b.com", "@"),
        ("a b@x.com", "espaços"),
        (".a@x.com", "antes do @"),
        ("a@x", "domínio"),
        ("a@-x.com", "domínio"),
        ("a@x.c0m", "domínio"),
        ("", "obrigatório"),
    ],
)
def test_email_errors(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as info:
        validate_email(text)
    assert info.value.field == "E-mail"


def test_split_emails() -> None:
    assert split_emails("a@x.com; B@Y.com , ;a@x.com") == ["a@x.com", "B@y.com"]
    assert split_emails("") == []
    with pytest.raises(ValidationError):
        split_emails("a@x.com; nope")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ávila", "avila"), ("João", "joao"), ("  AÇÚCAR   União  ", "acucar uniao"), ("", "")],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_sorts_accented_with_plain() -> None:
    names = ["Zélia", "Ávila", "Bruno", "avelar"]
    assert sorted(names, key=fold) == ["avelar", "Ávila", "Bruno", "Zélia"]
