"""Every tool of every panel has a permission key; roles grant sets of keys.

"Definição de permissão de acesso às funções desse painel" (seed 002): each
tool can be allowed or denied per operator. Services call `require()` before
changing anything, so a forbidden action is refused whatever the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from contoffice.errors import NotAllowed
from contoffice.services.kernel import messages
from contoffice.services.kernel.actor import Actor
from contoffice.services.kernel.toolbox import ACCESS, PANELS, TOOLS


@dataclass(frozen=True, slots=True)
class PermissionSpec:
    key: str
    panel: str
    label: str  # the seed's tool caption


def _derived() -> tuple[PermissionSpec, ...]:
    """The permission list: each tool's permission (captioned by its first tool) and ACCESS."""
    found: dict[str, PermissionSpec] = {}
    for key, panel, label in ACCESS:
        found[key] = PermissionSpec(key, panel, label)
    for tool in TOOLS:
        found.setdefault(tool.permission, PermissionSpec(tool.permission, tool.panel, tool.label))
    order = {panel: n for n, panel in enumerate(PANELS)}
    return tuple(sorted(found.values(), key=lambda p: order[p.panel]))


PERMISSIONS: tuple[PermissionSpec, ...] = _derived()
PERMISSIONS_BY_KEY: dict[str, PermissionSpec] = {p.key: p for p in PERMISSIONS}
ALL_KEYS: frozenset[str] = frozenset(PERMISSIONS_BY_KEY)


def require(actor: Actor, key: str) -> None:
    """Refuse with NotAllowed unless the actor holds the permission key."""
    if key not in PERMISSIONS_BY_KEY:
        raise KeyError(f"unknown permission key {key!r}")
    if not actor.can(key):
        label = PERMISSIONS_BY_KEY[key].label
        raise NotAllowed(messages.PERMISSION_DENIED.format(tool=label), key=key)
