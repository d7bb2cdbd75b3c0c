"""The SMTP sender against a real local server (aiosmtpd on 127.0.0.1, no other network)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from contoffice.messaging.smtp import (
    Attachment,
    OutgoingMessage,
    SendError,
    SmtpAccount,
    build_message,
    check_connection,
    send,
    valid_address,
)
from tests.support.smtp_server import (
    PASSWORD,
    USER,
    Certificate,
    SmtpTestServer,
    free_port,
    require_certificate,
    smtp_server,
)

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n.\n\x00\xff\r\n%%EOF\n"
BODY = "Prezado cliente,\n\nSegue o boleto de março.\nAtenção ao vencimento.\n.\nAbraços,\nJoão"


def account(port: int, security: str = "plain") -> SmtpAccount:
    return SmtpAccount(host="127.0.0.1", port=port, security=security,  # type: ignore[arg-type]
                       user=USER, sender_name="Escritório Ação & Cia", sender_address=USER)


def outgoing(*to: str, cc: tuple[str, ...] = ()) -> OutgoingMessage:
    return OutgoingMessage(
        to=to or ("cliente@empresa.com.br",), cc=cc, subject="Cobrança de março — honorários",
        body=BODY, attachments=(Attachment("boleto março.pdf", PDF, "application/pdf"),),
        message_id="<fatura-42.1@escritorio.example.com.br>")


@pytest.fixture
def server() -> SmtpTestServer:
    with smtp_server() as running:
        yield running


@pytest.fixture
def certificate(tmp_path: Path) -> Certificate:
    return require_certificate(tmp_path)


def assert_password_hidden(error: SendError) -> None:
    assert PASSWORD not in str(error) and PASSWORD not in repr(error)
    assert all(PASSWORD not in str(arg) for arg in error.args)
    assert error.__cause__ is None and error.__context__ is None


def test_message_with_pdf_arrives_with_headers_body_attachment_and_cc(server) -> None:
    send(account(server.port), PASSWORD,
         outgoing("cliente@empresa.com.br", cc=("socio@empresa.com.br", "copia@outra.com")))

    (got,) = server.received
    assert got.mail_from == USER
    assert got.rcpt_tos == ("cliente@empresa.com.br", "socio@empresa.com.br", "copia@outra.com")
    mail = got.message
    assert mail["Subject"] == "Cobrança de março — honorários"
    assert mail["Message-ID"] == "<fatura-42.1@escritorio.example.com.br>"
    assert mail["Date"].datetime is not None
    (sender,) = mail["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Escritório Ação & Cia", USER)
    assert mail["To"] == "cliente@empresa.com.br"
    assert [a.addr_spec for a in mail["Cc"].addresses] == ["socio@empresa.com.br",
                                                           "copia@outra.com"]
    body = mail.get_body(("plain",))
    assert body.get_content_charset() == "utf-8"
    assert body.get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    (attached,) = mail.iter_attachments()
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_filename() == "boleto março.pdf"
    assert attached.get_content() == PDF


def test_build_message_keeps_the_given_id_and_one_line_subject() -> None:
    message = dataclasses.replace(outgoing(), message_id="abc.1@x.com.br",
                                  subject="Linha 1\r\nBcc: intruso@x.com")
    built = build_message(account(25), message)
    assert built["Message-ID"] == "<abc.1@x.com.br>"
    assert built["Subject"] == "Linha 1 Bcc: intruso@x.com"
    assert built["Bcc"] is None


def test_starttls_with_auth_delivers(certificate) -> None:
    with smtp_server(security="starttls", certificate=certificate) as running:
        send(account(running.port, "starttls"), PASSWORD, outgoing(),
             ssl_context=certificate.client_context())
        assert len(running.received) == 1


def test_implicit_tls_with_auth_delivers(certificate) -> None:
    with smtp_server(security="tls", certificate=certificate) as running:
        send(account(running.port, "tls"), PASSWORD, outgoing(),
             ssl_context=certificate.client_context())
        assert len(running.received) == 1


def test_an_untrusted_certificate_is_refused_by_default(certificate) -> None:
    with smtp_server(security="starttls", certificate=certificate) as running:
        with pytest.raises(SendError) as caught:
            send(account(running.port, "starttls"), PASSWORD, outgoing())
        assert running.received == []
    assert not caught.value.temporary
    assert caught.value.message.startswith("Falha na conexão segura (TLS)")


def test_wrong_password_is_permanent_and_never_shows_the_password(server) -> None:
    wrong = PASSWORD + "-errada"
    with pytest.raises(SendError) as caught:
        send(account(server.port), wrong, outgoing())
    error = caught.value
    assert not error.temporary
    assert error.message == "O servidor recusou o usuário ou a senha."
    for secret in (PASSWORD, wrong):
        assert secret not in str(error) and secret not in repr(error)
    assert_password_hidden(error)
    assert server.received == []


def test_server_down_is_temporary() -> None:
    port = free_port()
    with pytest.raises(SendError) as caught:
        send(account(port), PASSWORD, outgoing(), timeout=5)
    assert caught.value.temporary
    assert caught.value.message == f"Não foi possível conectar a 127.0.0.1:{port}."
    assert_password_hidden(caught.value)


@pytest.mark.parametrize(("reply", "temporary"), [
    ("451 4.2.0 Caixa postal ocupada", True),
    ("550 5.1.1 Usuário desconhecido", False),
])
def test_a_refused_recipient_stops_the_whole_message(reply: str, temporary: bool) -> None:
    with smtp_server(refuse={"ninguem@empresa.com.br": reply}) as running:
        with pytest.raises(SendError) as caught:
            send(account(running.port), PASSWORD,
                 outgoing("cliente@empresa.com.br", cc=("ninguem@empresa.com.br",)))
        assert running.received == []  # all or nothing: no duplicate on the retry
    assert caught.value.temporary is temporary
    assert_password_hidden(caught.value)
    assert caught.value.message == (
        f"O servidor recusou o destinatário ninguem@empresa.com.br: {reply}")


def test_a_bad_address_is_refused_before_connecting() -> None:
    with pytest.raises(SendError) as caught:
        send(account(free_port()), PASSWORD, outgoing("cliente@@empresa"))
    assert not caught.value.temporary
    assert caught.value.message == "Endereço de e-mail inválido: cliente@@empresa"


def test_check_connection_succeeds_and_fails_like_send(server) -> None:
    check_connection(account(server.port), PASSWORD)
    with pytest.raises(SendError) as refused:
        check_connection(account(server.port), "nao-e-esta")
    assert not refused.value.temporary
    assert refused.value.message == "O servidor recusou o usuário ou a senha."
    assert "nao-e-esta" not in repr(refused.value)
    with pytest.raises(SendError) as down:
        check_connection(account(free_port()), PASSWORD, timeout=5)
    assert down.value.temporary
    assert server.received == []


def test_check_connection_over_starttls(certificate) -> None:
    with smtp_server(security="starttls", certificate=certificate) as running:
        check_connection(account(running.port, "starttls"), PASSWORD,
                         ssl_context=certificate.client_context())


@pytest.mark.parametrize(("text", "ok"), [
    ("joao.silva@empresa.com.br", True), ("a+b@x.io", True), ("", False),
    ("sem-arroba.com.br", False), ("a@b", False), ("a b@x.com", False),
    ("a@@x.com", False), ("a@x..com", False), ("a@-x.com", False),
])
def test_valid_address(text: str, ok: bool) -> None:
    assert valid_address(text) is ok
