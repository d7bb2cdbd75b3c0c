"""The plan of an import: for every row of the sheet, the person it creates or why it is refused.

Each row goes through the person form's own checks (`records.clean_person`), then the
import's: a city the IBGE list does not know, a CPF/CNPJ repeated in the sheet or already
registered, a value longer than its column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from sqlalchemy import select

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.municipalities import Municipality, all_municipalities
from contoffice.core.postal import normalize_cep
from contoffice.core.progress import Progress, check_cancelled
from contoffice.core.text import fold
from contoffice.core.vocab import PersonKind
from contoffice.db.models import Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.exports.reader import SheetData, SheetRow
from contoffice.services.kernel.sheet_plans import PlannedRow, Verdicts
from contoffice.services.people import import_messages as m
from contoffice.services.people.import_mapping import BY_KEY
from contoffice.services.people.records import PersonInput, clean_person

STEP = 1_000  # rows between progress reports (and cancel checks)
_LOOKUP_CHUNK = 900  # documents per IN list
_KINDS = {
    "pf": PersonKind.PF, "f": PersonKind.PF, "fisica": PersonKind.PF,
    "pessoa fisica": PersonKind.PF, "pj": PersonKind.PJ, "j": PersonKind.PJ,
    "juridica": PersonKind.PJ, "pessoa juridica": PersonKind.PJ, "pre": PersonKind.PRE,
    "pre-cadastro": PersonKind.PRE, "pre cadastro": PersonKind.PRE,
}


@dataclass(frozen=True, slots=True)
class ImportPlan(Verdicts):
    file: str
    headers: tuple[str, ...]
    columns: tuple[str, ...]  # the field key each column fills ("" ignored)
    rows: tuple[PlannedRow, ...]
    inputs: dict[int, PersonInput] = field(default_factory=dict, repr=False)  # by row, clean


@cache
def _cities_by_name() -> dict[str, tuple[Municipality, ...]]:
    found: dict[str, list[Municipality]] = {}
    for city in all_municipalities():
        found.setdefault(fold(city.name), []).append(city)
    return {name: tuple(cities) for name, cities in found.items()}


def _restore_zeros(text: str, lengths: Sequence[int], missing: int) -> str:
    """Digits a spreadsheet stored as a number lost their leading zeros: put them back."""
    if not (text.isascii() and text.isdigit()):
        return text
    for length in lengths:
        if len(text) <= length:
            return text.zfill(length) if len(text) >= length - missing else text
    return text


def row_input(values: dict[str, str]) -> PersonInput:
    """The person form's values for one row (raises InvalidInput for what it cannot read)."""
    document = _restore_zeros(normalize_document(values.get("document", "")), (11, 14), 3)
    kind_text = values.get("kind", "").strip()
    if kind_text:
        kind = _KINDS.get(fold(kind_text))
        if kind is None:
            raise InvalidInput(m.KIND_UNKNOWN.format(kind=kind_text), field="Tipo de pessoa")
    else:
        kind = {11: PersonKind.PF, 14: PersonKind.PJ, 0: PersonKind.PRE}.get(
            len(document), PersonKind.PJ if len(document) > 11 else PersonKind.PF)
    city, state = values.get("city", "").strip(), values.get("state", "").strip()
    if city and not state and not values.get("city_ibge_code", "").strip():
        matches = _cities_by_name().get(fold(city), ())
        if len(matches) > 1:
            raise InvalidInput(m.CITY_AMBIGUOUS.format(city=city), field="Cidade")
        if matches:
            state = matches[0].state
    notes = values.get("internal_notes", "")
    code = values.get("external_code", "")
    if code:
        notes = "\n".join(p for p in (m.EXTERNAL_CODE_NOTE.format(code=code), notes) if p)
    texts = {k: v for k, v in values.items() if k in PersonInput.__dataclass_fields__}
    return PersonInput(**{**texts, "kind": kind.value, "document": document, "state": state,
                          "postal_code": _restore_zeros(normalize_cep(
                              values.get("postal_code", "")), (8,), 1),
                          "internal_notes": notes})


@cache
def _limits() -> tuple[tuple[str, int], ...]:
    columns = Person.__table__.columns
    return tuple((key, int(columns[key].type.length)) for key in (
        "name", "trade_name", "street", "number", "complement", "district",
        "state_registration", "municipal_registration", "email", "email_cc"))


def _check_lengths(data: PersonInput) -> None:
    for key, limit in _limits():
        value = getattr(data, key)
        if len(value) > limit:
            raise InvalidInput(m.TOO_LONG.format(field=BY_KEY[key].label, limit=limit,
                                                 length=len(value)), field=BY_KEY[key].label)


def _clean_row(values: dict[str, str]) -> PersonInput:
    clean = clean_person(row_input(values))
    if clean.city and not clean.city_ibge_code:
        shown = f"{clean.city}/{clean.state}" if clean.state else clean.city
        raise InvalidInput(m.CITY_UNKNOWN.format(city=shown), field="Cidade")
    _check_lengths(clean)
    return clean


def _values(row: SheetRow, columns: Sequence[str]) -> dict[str, str]:
    return {key: cell for key, cell in zip(columns, row.cells, strict=True) if key}


def make_plan(uow: UnitOfWork, sheet: SheetData, columns: Sequence[str],
              progress: Progress) -> ImportPlan:
    """Check every row against the rules, the sheet itself and the people registered."""
    total = len(sheet.rows)
    checked: list[tuple[SheetRow, dict[str, str], PersonInput | str]] = []
    for done, row in enumerate(sheet.rows, start=1):
        if done % STEP == 0:
            check_cancelled(progress)
            progress.step(done, total * 2, m.CHECKING)
        values = _values(row, columns)
        try:
            checked.append((row, values, _clean_row(values)))
        except InvalidInput as error:
            checked.append((row, values, error.message))
    registered = _registered(uow, [c.document for _r, _v, c in checked
                                   if isinstance(c, PersonInput) and c.document])
    first_row: dict[str, int] = {}
    planned: list[PlannedRow] = []
    inputs: dict[int, PersonInput] = {}
    for row, values, outcome in checked:
        if isinstance(outcome, str):
            planned.append(PlannedRow(row.number, values.get("name", ""),
                                      format_document(values.get("document", "")), outcome))
            continue
        document, shown = outcome.document, format_document(outcome.document)
        reason = ""
        if document and document in first_row:
            reason = m.DUPLICATE_IN_FILE.format(document=shown, first=first_row[document])
        elif document in registered:
            reason = m.DUPLICATE_IN_DATABASE.format(document=shown, code=registered[document])
        if document:
            first_row.setdefault(document, row.number)
        planned.append(PlannedRow(row.number, outcome.name, shown, reason))
        if not reason:
            inputs[row.number] = outcome
    return ImportPlan(sheet.name, sheet.headers, tuple(columns), tuple(planned), inputs)


def _registered(uow: UnitOfWork, documents: Sequence[str]) -> dict[str, int]:
    """The code of the person already registered with each of these documents."""
    found: dict[str, int] = {}
    unique = sorted(set(documents))
    for chunk in _chunks(unique, _LOOKUP_CHUNK):
        query = select(Person.document, Person.id).where(Person.document.in_(chunk))
        for document, person_id in uow.session.execute(query):
            found.setdefault(document, person_id)
    return found


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def without_inputs(plan: ImportPlan) -> ImportPlan:
    """The plan as handed to the window or the command (the cleaned values stay here)."""
    return replace(plan, inputs={})
