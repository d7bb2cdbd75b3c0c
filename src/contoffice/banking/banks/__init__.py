"""Registry of the bank rules: every module here except `base` exposes `RULE`."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from contoffice.banking.banks.base import BankRule
from contoffice.banking.errors import BoletoError

__all__ = ["BankRule", "get_bank", "supported_banks"]


@cache
def _registry() -> dict[str, BankRule]:
    rules: dict[str, BankRule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, BankRule):
            if rule.code in rules:  # two files claiming one bank is a packaging mistake
                raise RuntimeError(f"banco {rule.code} registrado duas vezes")
            rules[rule.code] = rule
    return rules


def supported_banks() -> dict[str, str]:
    """Bank code → bank name, for every registered bank."""
    return {code: rule.name for code, rule in sorted(_registry().items())}


def get_bank(code: str) -> BankRule:
    """The rule of a bank by its 3-digit compensação code."""
    key = str(code or "").strip().zfill(3)
    rule = _registry().get(key)
    if rule is None:
        raise BoletoError(f"Banco {code or '(vazio)'} não suportado (bank)", "bank")
    return rule
