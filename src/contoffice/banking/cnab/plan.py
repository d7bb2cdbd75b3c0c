"""A record's fields cut out of a line all at once (the readers' and writers' fast path)."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from contoffice.banking.cnab.fields import Field, FieldKind


class Plan:
    """A record's fields grouped by kind as precompiled slices, so a line is cut in C."""

    def __init__(self, fields: tuple[Field, ...]) -> None:
        def group(kind: FieldKind) -> tuple[Field, ...]:
            return tuple(f for f in fields if f.kind is kind)

        self.alpha_names, self.alpha = _getter(group(FieldKind.ALPHA))
        digits = group(FieldKind.NUMERIC) + group(FieldKind.AMOUNT)
        self.digit_names, self.digits = _getter(digits)
        self.numeric_count = len(group(FieldKind.NUMERIC))
        self.date_names, self.dates = _getter(group(FieldKind.DATE))
        self.names = self.alpha_names + self.digit_names + self.date_names
        # Set by the engine on first write: the line at its defaults, and where fields go.
        self.template: list[str] | None = None
        self.slots: dict[str, tuple[int, Field]] = {}


def _getter(fields: tuple[Field, ...]) -> tuple[tuple[str, ...], Callable[[str], tuple[str, ...]]]:
    """The names of `fields` and one callable cutting all of them out of a line at once."""
    names = tuple(f.name for f in fields)
    cuts = [slice(f.start - 1, f.end) for f in fields]
    if len(cuts) > 1:
        return names, itemgetter(*cuts)
    if cuts:
        only = cuts[0]
        return names, lambda line: (line[only],)
    return names, lambda line: ()
