"""Who acts: the operator as a plain value every layer above the database can hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """The operator acting, as a plain value the window, the CLI and workers can hold."""

    id: int
    login: str
    name: str
    is_admin: bool = False
    permissions: frozenset[str] = frozenset()

    def can(self, key: str) -> bool:
        """Whether this operator may use the tool with `key`."""
        return self.is_admin or key in self.permissions
