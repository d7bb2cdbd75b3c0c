"""Passwords kept only as argon2id hashes: the operators' and the clients' access data."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches the hash (a malformed hash matches nothing)."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """A hash with the current parameters, verified in place of an unknown login's.

    Verifying it costs what a real check does, so the time of the answer does not
    tell which logins exist.
    """
    return _hasher.hash("contoffice: nenhum usuário tem esta senha")
