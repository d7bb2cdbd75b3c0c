import dataclasses
import re
import string
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contoffice.messaging.templates import (
    WILDCARDS,
    MessageValues,
    RenderedMessage,
    TemplateError,
    render,
    unknown_wildcards,
)

SEED_NAMES = (
    "#cliente#", "#user_sac#", "#pass_sac#", "#codpessoa#", "#cpf#", "#cnpj#",
    "#empresa#", "#fone#", "#site#", "#cnpj_empresa#",
)
INVOICE_NAMES = (
    "#vencimento#", "#valor#", "#linha_digitavel#", "#pix#", "#fatura#", "#competencia#",
)
DIGITABLE = "00190.00009 01234.567890 12345.678901 2 12340000012345"
PIX = "00020126580014BR.GOV.BCB.PIX0136123e4567-e12d-4a56-9abc-426614174000520400005303986"

PERSON = MessageValues(
    client_name="Ana Beatriz Souza",
    user_sac="ana.souza",
    person_code=1042,
    document="52998224725",
    office_name="Escritório Contábil Modelo",
    office_phone="1134567890",
    office_site="https://contabil.example.com.br",
    office_cnpj="11222333000181",
)
INVOICE = dataclasses.replace(
    PERSON,
    pass_sac="T3mp#Senha",
    due_date=date(2026, 11, 5),
    amount_cents=123456,
    digitable_line=DIGITABLE,
    pix_copy_paste=PIX,
    invoice_code=88,
    competence=date(2026, 10, 1),
)
COMPANY = dataclasses.replace(PERSON, client_name="Modelo Ltda", document="12ABC34501DE35")


def body_of(*names: str) -> str:
    return "\n".join(f"{n[1:-1]}={n}" for n in names)


def test_wildcard_names_and_descriptions() -> None:
    assert tuple(WILDCARDS)[: len(SEED_NAMES)] == SEED_NAMES
    assert set(INVOICE_NAMES) <= set(WILDCARDS)
    for name, description in WILDCARDS.items():
        assert re.fullmatch(r"#[a-z_]+#", name)
        assert description.strip() and "\n" not in description


def test_every_wildcard_replaced_in_pt_br_formats() -> None:
    names = tuple(n for n in WILDCARDS if n != "#cnpj#")
    out = render("Fatura #fatura# de #cliente#", body_of(*names), INVOICE)
    assert out == RenderedMessage(
        subject="Fatura 88 de Ana Beatriz Souza",
        body="\n".join([
            "cliente=Ana Beatriz Souza",
            "user_sac=ana.souza",
            "pass_sac=T3mp#Senha",
            "codpessoa=1042",
            "cpf=529.982.247-25",
            "empresa=Escritório Contábil Modelo",
            "fone=(11) 3456-7890",
            "site=https://contabil.example.com.br",
            "cnpj_empresa=11.222.333/0001-81",
            "vencimento=05/11/2026",
            "valor=R$ 1.234,56",
            f"linha_digitavel={DIGITABLE}",
            f"pix={PIX}",
            "fatura=88",
            "competencia=10/2026",
        ]),
    )


def test_alphanumeric_cnpj_formatted() -> None:
    office = dataclasses.replace(COMPANY, office_cnpj="a87hbzhb000161")
    out = render("", "#cnpj# / #cnpj_empresa#", office)
    assert out.body == "12.ABC.345/01DE-35 / A8.7HB.ZHB/0001-61"


def test_masked_document_accepted() -> None:
    masked = dataclasses.replace(PERSON, document="529.982.247-25")
    assert render("", "#cpf#", masked).body == "529.982.247-25"


def test_case_insensitive_and_text_outside_untouched() -> None:
    out = render("Olá #Cliente#", "  #CLIENTE#, Código #CodPessoa#!\n\tC# ##  # 1 #1# #_x#", PERSON)
    assert out.subject == "Olá Ana Beatriz Souza"
    assert out.body == "  Ana Beatriz Souza, Código 1042!\n\tC# ##  # 1 #1# #_x#"


@pytest.mark.parametrize("text", ["", "#", "##", "###", "a # b # c", "#1#", "# cliente #"])
def test_plain_hashes_are_text(text: str) -> None:
    assert unknown_wildcards(text) == []
    assert render(text, text, PERSON) == RenderedMessage(text, text)


def test_unknown_wildcards_listed_as_written() -> None:
    text = "#Nome# #cliente# #competência# #nome# #data_hoje#"
    assert unknown_wildcards(text) == ["#Nome#", "#competência#", "#data_hoje#"]


def test_unknown_refused_with_names() -> None:
    with pytest.raises(TemplateError) as caught:
        render("Aviso #nome#", "Olá #cliente#, vence em #vencto#.", PERSON)
    assert caught.value.unknown == ("#nome#", "#vencto#")
    assert str(caught.value) == (
        "Coringas desconhecidos: #nome#, #vencto#. Corrija o texto antes de enviar."
    )
    assert isinstance(caught.value, ValueError)


def test_single_unknown_uses_singular() -> None:
    with pytest.raises(TemplateError, match=r"^Coringa desconhecido: #x#\."):
        render("", "#x#", PERSON)


@pytest.mark.parametrize("name", INVOICE_NAMES)
def test_invoice_wildcard_without_invoice_refused(name: str) -> None:
    with pytest.raises(TemplateError) as caught:
        render("", f"Pague {name}", PERSON)
    assert caught.value.missing == (name,)
    assert caught.value.unknown == ()
    assert str(caught.value).startswith(f"{name} sem valor nesta mensagem: ")


def test_unknown_and_missing_listed_together() -> None:
    with pytest.raises(TemplateError) as caught:
        render("#Linha_Digitavel#", "#foo# #pix# #linha_digitavel#", PERSON)
    message = str(caught.value)
    assert "#foo#" in message
    assert "#linha_digitavel# sem valor nesta mensagem: a fatura não tem boleto." in message
    assert "#pix# sem valor nesta mensagem: a fatura não tem PIX." in message
    assert caught.value.missing == ("#linha_digitavel#", "#pix#")


def test_pass_sac_needs_a_one_time_password() -> None:
    with pytest.raises(TemplateError, match="nova senha temporária") as caught:
        render("Seu acesso", "Usuário #user_sac#, senha #pass_sac#", PERSON)
    assert caught.value.missing == ("#pass_sac#",)
    fresh = dataclasses.replace(PERSON, pass_sac="Xy7-k2")
    assert render("", "#pass_sac#", fresh).body == "Xy7-k2"


def test_cpf_of_a_company_and_cnpj_of_a_person_refused() -> None:
    with pytest.raises(TemplateError, match="não tem CPF"):
        render("", "#cpf#", COMPANY)
    with pytest.raises(TemplateError, match="não tem CNPJ"):
        render("", "#cnpj#", PERSON)


def test_blank_values_are_missing() -> None:
    blank = dataclasses.replace(PERSON, office_site="  ", office_phone="")
    with pytest.raises(TemplateError) as caught:
        render("", "#site# #fone#", blank)
    assert caught.value.missing == ("#site#", "#fone#")


def test_values_are_not_scanned_again() -> None:
    tricky = dataclasses.replace(PERSON, client_name="#valor# #foo#")
    assert render("", "#cliente#", tricky).body == "#valor# #foo#"


def test_subject_values_kept_on_one_line() -> None:
    multi = dataclasses.replace(PERSON, client_name="Ana\r\nBeatriz")
    out = render("Para #cliente#", "Para #cliente#", multi)
    assert out.subject == "Para Ana Beatriz"
    assert out.body == "Para Ana\r\nBeatriz"


def test_negative_and_zero_amounts() -> None:
    assert render("", "#valor#", dataclasses.replace(INVOICE, amount_cents=0)).body == "R$ 0,00"
    refund = dataclasses.replace(INVOICE, amount_cents=-5)
    assert render("", "#valor#", refund).body == "-R$ 0,05"


# --- properties ---------------------------------------------------------------------------

def _any_case(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.upper(), name.title(), name[:2].upper() + name[2:]])


pieces = st.one_of(
    st.sampled_from(list(WILDCARDS)).flatmap(_any_case),
    st.sampled_from(["#", "##", " ", "\n", "x", "_", "1", "á", "#foo#", "cliente", "K"]),
    st.text(max_size=6),
)
templates = st.lists(pieces, max_size=12).map("".join)
# Amounts and codes come from BIGINT columns.
bigints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
documents = st.sampled_from(["52998224725", "12ABC34501DE35", "11222333000181", "", "123"])


def values_from(text: st.SearchStrategy[str]) -> st.SearchStrategy[MessageValues]:
    maybe_text = st.none() | text
    return st.builds(
        MessageValues,
        client_name=text, user_sac=text, person_code=bigints | text,
        document=documents | text, office_name=text, office_phone=st.just("1134567890") | text,
        office_site=text, office_cnpj=documents | text, pass_sac=maybe_text,
        due_date=st.none() | st.dates(), amount_cents=st.none() | bigints,
        digitable_line=maybe_text, pix_copy_paste=maybe_text,
        invoice_code=st.none() | bigints | text, competence=st.none() | st.dates(),
    )


# Values without ASCII letters, "_" or "#" cannot spell a wildcard in the output themselves.
safe_text = st.text(
    alphabet=st.characters(blacklist_characters="#_" + string.ascii_letters), min_size=1,
)


@settings(deadline=None)
@given(templates, templates, values_from(st.text()))
def test_render_raises_only_template_error(subject: str, body: str, values: MessageValues) -> None:
    try:
        render(subject, body, values)
    except TemplateError as error:
        assert str(error)
        assert error.unknown or error.missing


@settings(deadline=None)
@given(templates, templates, values_from(safe_text))
def test_render_leaves_no_known_wildcard(subject: str, body: str, values: MessageValues) -> None:
    try:
        out = render(subject, body, values)
    except TemplateError as error:
        both = f"{subject}\n{body}".lower()
        assert all(name.lower() in both for name in error.unknown)
        assert all(name in both for name in error.missing)
        return
    for text in (out.subject, out.body):
        assert not any(name in text.lower() for name in WILDCARDS)
