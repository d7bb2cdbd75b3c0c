"""The SMTP sender's errors: what it says to the clerk (pt-BR) and whether to try again.

No text here ever holds a password; callers raise these `from None`.
"""

from __future__ import annotations

import smtplib
import ssl

AUTH_REFUSED = "O servidor recusou o usuário ou a senha."
NO_AUTH = "O servidor {where} não aceita autenticação por usuário e senha."
CANNOT_CONNECT = "Não foi possível conectar a {where}."
TIMED_OUT = "O servidor {where} não respondeu a tempo."
DROPPED = "O servidor {where} encerrou a conexão."
TLS_FAILED = "Falha na conexão segura (TLS) com {where}."
BAD_CERTIFICATE = "Falha na conexão segura (TLS): o certificado de {where} não é válido."
NO_STARTTLS = "Falha na conexão segura (TLS): {where} não oferece STARTTLS."
SERVER_ERROR = "O servidor {where} respondeu com erro: {reply}"
SENDER_REFUSED = "O servidor recusou o remetente {address}: {reply}"
RECIPIENT_REFUSED = "O servidor recusou o destinatário {address}: {reply}"
MESSAGE_REFUSED = "O servidor recusou a mensagem: {reply}"
BAD_ADDRESS = "Endereço de e-mail inválido: {address}"
NO_RECIPIENT = "A mensagem não tem destinatário."


class SendError(Exception):
    """Sending failed; `temporary` says whether trying again later may work."""

    def __init__(self, message: str, temporary: bool) -> None:
        super().__init__(message)
        self.message = message
        self.temporary = temporary


def reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {text}".strip()


def refusal(template: str, address: str, code: int, reply: bytes) -> SendError:
    text = template.format(address=address, reply=reply_text(code, reply))
    return SendError(text, temporary=code // 100 == 4)


def explain(error: Exception, where: str) -> SendError:
    """Translate a library error into a clerk's sentence and a retry verdict."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return SendError(AUTH_REFUSED, temporary=error.smtp_code // 100 == 4)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        template = NO_STARTTLS if "STARTTLS" in str(error) else NO_AUTH
        return SendError(template.format(where=where), temporary=False)
    if isinstance(error, smtplib.SMTPResponseException):
        reply = reply_text(error.smtp_code, error.smtp_error)
        return SendError(SERVER_ERROR.format(where=where, reply=reply),
                         temporary=error.smtp_code // 100 == 4)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return SendError(DROPPED.format(where=where), temporary=True)
    if isinstance(error, smtplib.SMTPException):  # e.g. no AUTH mechanism in common
        return SendError(NO_AUTH.format(where=where), temporary=False)
    if isinstance(error, ssl.SSLCertVerificationError):
        return SendError(BAD_CERTIFICATE.format(where=where), temporary=False)
    if isinstance(error, ssl.SSLError):
        return SendError(TLS_FAILED.format(where=where), temporary=False)
    if isinstance(error, TimeoutError):
        return SendError(TIMED_OUT.format(where=where), temporary=True)
    if isinstance(error, ConnectionResetError | BrokenPipeError):
        return SendError(DROPPED.format(where=where), temporary=True)
    return SendError(CANNOT_CONNECT.format(where=where), temporary=True)
