"""The SMS gateway's errors: what the clerk reads (pt-BR, never the token) and retry verdicts."""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
from urllib.parse import urlsplit

BAD_URL = "Endereço do gateway de SMS inválido: use http://… ou https://…, sem espaços."
BAD_METHOD = "Método do gateway de SMS desconhecido: {method} (use POST, GET ou PUT)."
BAD_HEADER = "Cabeçalho do gateway de SMS inválido na linha {line}: use o formato \"Nome: valor\"."
UNKNOWN = "Coringa desconhecido na configuração do gateway de SMS: {names} (use #telefone#, " \
           "#mensagem# ou #token#)."
BAD_PHONE = "Telefone inválido para SMS: {phone} (informe DDD e número)."
HEADER_CHARS = "O cabeçalho {name} do gateway de SMS ficou com caracteres que o HTTP não aceita."
REFUSED = "Não foi possível conectar ao gateway de SMS em {where} (conexão recusada)."
NO_NETWORK = "Não foi possível conectar ao gateway de SMS em {where}."
NOT_FOUND = "Não foi possível encontrar o gateway de SMS {host} (confira o endereço e a internet)."
TIMED_OUT = "Tempo esgotado esperando o gateway de SMS."
DROPPED = "O gateway de SMS encerrou a conexão sem responder."
GARBLED = "O gateway de SMS deu uma resposta que não é HTTP válido."
BAD_CERTIFICATE = "Falha na conexão segura (HTTPS): o certificado de {where} não é válido."
TLS_FAILED = "Falha na conexão segura (HTTPS) com {where}."
STATUS = "O gateway de SMS respondeu {status} ({meaning})"


class SmsError(Exception):
    """Sending failed (pt-BR, token-free); `temporary` says whether trying later may work."""

    def __init__(self, message: str, temporary: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.temporary = temporary
        self.status = status


def explain(error: Exception, where: str) -> SmsError:
    """Translate a library error into a clerk's sentence and a retry verdict."""
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, ssl.SSLCertVerificationError):
        return SmsError(BAD_CERTIFICATE.format(where=where), temporary=False)
    if isinstance(reason, ssl.SSLError):
        return SmsError(TLS_FAILED.format(where=where), temporary=False)
    if isinstance(reason, socket.gaierror):
        return SmsError(NOT_FOUND.format(host=urlsplit(where).hostname), temporary=True)
    if isinstance(reason, TimeoutError):
        return SmsError(TIMED_OUT, temporary=True)
    if isinstance(reason, ConnectionRefusedError):
        return SmsError(REFUSED.format(where=where), temporary=True)
    if isinstance(reason, ConnectionResetError | ConnectionAbortedError | BrokenPipeError):
        return SmsError(DROPPED, temporary=True)
    if isinstance(reason, http.client.HTTPException):
        return SmsError(GARBLED, temporary=True)
    if isinstance(reason, OSError):  # e.g. network unreachable
        return SmsError(NO_NETWORK.format(where=where), temporary=True)
    return SmsError(BAD_URL, temporary=False)  # urllib's own words, e.g. an invalid URL
