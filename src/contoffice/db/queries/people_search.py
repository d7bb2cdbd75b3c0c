"""The finder's free text: any part of a name, trade name, CPF/CNPJ, e-mail or phone.

Three characters or more search `person.search_key` by any part through the
database's own trigram index (SQLite FTS5, PostgreSQL pg_trgm); fewer fall back to
the prefix filters, which the ordinary indexes serve. Digits alone also name a code.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement, column, or_, select, table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from contoffice.core.documents import normalize_document
from contoffice.core.text import ascii_digits, fold, is_ascii_digits
from contoffice.db.models import Person
from contoffice.db.models.people import SEARCH_TABLE
from contoffice.db.queries.common import prefix

MIN_CHARS = 3  # a trigram index finds nothing shorter
_MAX_CODE_DIGITS = 18  # a longer number is no code (and would overflow a BIGINT)
# What a clerk types around the characters of a CPF, CNPJ or phone: "(11) 3456-7890".
_MASK = re.compile(r"[\s.\-/()+]")
_FTS = table(SEARCH_TABLE, column("rowid"), column(SEARCH_TABLE))


def text_condition(text: str) -> ColumnElement[bool] | None:
    """Rows whose name, trade name, document, e-mail or phone contain `text` (None: no text)."""
    folded = fold(text)
    if not folded:
        return None
    wanted = variants(folded)
    found = _contains(wanted) if wanted else _prefixes(text, folded)
    code = text.strip()
    if is_ascii_digits(code) and len(code) <= _MAX_CODE_DIGITS:
        found = found | (Person.id == int(code))
    return found


def variants(folded: str) -> tuple[str, ...]:
    """What to look for in the key: the folded text, and without its mask if it is a document."""
    found = [folded]  # "12.abc.345/01de" also as "12abc34501de", "(11) 3456" as "113456"
    bare = _MASK.sub("", folded)
    if bare.isascii() and bare.isalnum() and any(c.isdigit() for c in bare):
        found.append(bare)
    return tuple(v for v in dict.fromkeys(found) if len(v) >= MIN_CHARS)


def _contains(wanted: tuple[str, ...]) -> ColumnElement[bool]:
    # The key is folded and lower case, as `wanted` is; % and _ typed are literal on both.
    match = " OR ".join('"' + v.replace('"', '""') + '"' for v in wanted)
    on_sqlite = Person.id.in_(select(_FTS.c.rowid).where(_FTS.c[SEARCH_TABLE].op("MATCH")(match)))
    elsewhere = or_(*(Person.search_key.like(f"%{_escape(v)}%", escape="\\") for v in wanted))
    return _PerDialect(on_sqlite, elsewhere)


def _prefixes(text: str, folded: str) -> ColumnElement[bool]:
    found = [prefix(Person.name_key, folded), prefix(Person.trade_name_key, folded)]
    document = normalize_document(text)
    if document:
        found.append(prefix(Person.document, document))
    found.append(prefix(Person.email, text.strip().lower()))
    digits = ascii_digits(text)
    if digits:
        found += [prefix(Person.phone, digits), prefix(Person.mobile, digits)]
    return or_(*found)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _PerDialect(ColumnElement[bool]):
    """One condition written twice: FTS5 MATCH on SQLite, a pg_trgm-served LIKE elsewhere."""

    __visit_name__ = "contoffice_per_dialect"
    inherit_cache = True
    # Both clauses take part in the statement cache key, with their bound values.
    _traverse_internals = [  # noqa: RUF012
        ("sqlite", InternalTraversal.dp_clauseelement),
        ("other", InternalTraversal.dp_clauseelement),
    ]
    type = Boolean()
    # A predicate: SQLite would otherwise get "(…) = 1", which no index can serve.
    _is_implicitly_boolean = True

    def __init__(self, sqlite: ColumnElement[bool], other: ColumnElement[bool]) -> None:
        self.sqlite, self.other = sqlite, other


@compiles(_PerDialect)
def _compile_other(element: _PerDialect, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.other, **kw))


@compiles(_PerDialect, "sqlite")
def _compile_sqlite(element: _PerDialect, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.sqlite, **kw))
