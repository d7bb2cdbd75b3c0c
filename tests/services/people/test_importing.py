"""Importing an office's clients: simulate row by row, then all or nothing, on both backends."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.core.documents import format_cpf, generate_cpf
from contoffice.core.paging import PageRequest
from contoffice.core.progress import NullProgress
from contoffice.db.models import AuditEvent, Person
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import finder, import_mapping, importing
from contoffice.services.people import import_messages as m
from contoffice.services.people import records as people
from contoffice.services.people.importing import ImportRefused
from tests.services.people import sheets

pytestmark = pytest.mark.db
REGISTERED_CPF = "529.982.247-25"


def _count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Person)) or 0)


def _registered(db: Database, actor: Actor) -> int:
    with db.uow() as uow:
        return people.create_person(uow, actor, people.PersonInput(
            kind="PF", name="Já Cadastrada", document=REGISTERED_CPF))


def _bad_sheet(tmp_path: Path) -> Path:
    """Ten good rows and one of every refusal, at known rows (header on row 1)."""
    data = sheets.rows(10)
    good = [format_cpf(generate_cpf(random.Random(n))) for n in range(4)]
    data += [
        ["90", "CPF Errado", "123.456.789-00", "", "", "", "", "", "", "", ""],  # row 12
        ["91", "Repetido", data[2][2], "", "", "", "", "", "", "", ""],  # row 13 repeats row 4
        ["92", "Já Existe", REGISTERED_CPF, "", "", "", "", "", "", "", ""],  # row 14
        ["93", "Cidade Falsa", good[0], "", "", "", "", "", "", "Xyzópolis", "SP"],
        ["94", "", good[1], "", "", "", "", "", "", "", ""],  # row 16: no name
        ["95", "Email Ruim", good[2], "sem-arroba", "", "", "", "", "", "", ""],
        ["96", "CEP Ruim", good[3], "", "", "123", "", "", "", "", ""],  # row 18
    ]
    return sheets.write_xlsx(tmp_path / "clientes.xlsx", data)


def _columns(sheet: importing.SheetData) -> tuple[str, ...]:  # type: ignore[name-defined]
    return import_mapping.guess(sheet.headers)


def test_dry_run_lists_every_refused_row_with_its_number_and_writes_nothing(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    code = _registered(db, actor)
    sheet = importing.read_file(_bad_sheet(tmp_path))
    plan = importing.preview_import(db.uow(), actor, sheet, _columns(sheet))
    reasons = {r.row: r.reason for r in plan.refused}
    assert sorted(reasons) == [12, 13, 14, 15, 16, 17, 18]
    assert reasons[12] == "CPF inválido: dígito verificador não confere."
    assert "repetido na planilha: já aparece na linha 4" in reasons[13]
    assert reasons[14] == m.DUPLICATE_IN_DATABASE.format(document=REGISTERED_CPF, code=code)
    assert reasons[15] == m.CITY_UNKNOWN.format(city="Xyzópolis/SP")
    assert "Nome" in reasons[16] and "E-mail inválido" in reasons[17]
    assert reasons[18].startswith("CEP inválido")
    assert [r.row for r in plan.accepted] == list(range(2, 12))
    assert _count(db) == 1


def test_apply_with_refused_rows_writes_nothing(db: Database, actor: Actor,
                                                tmp_path: Path) -> None:
    _registered(db, actor)
    sheet = importing.read_file(_bad_sheet(tmp_path))
    with pytest.raises(ImportRefused) as refused:
        importing.apply_import(db.uow(), actor, sheet, _columns(sheet))
    assert len(refused.value.plan.refused) == 7 and "7 linha(s)" in refused.value.message
    assert _count(db) == 1


def test_skip_refused_creates_exactly_the_good_rows_audited_and_searchable(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    _registered(db, actor)
    sheet = importing.read_file(_bad_sheet(tmp_path))
    result = importing.apply_import(db.uow(), actor, sheet, _columns(sheet), skip_refused=True)
    assert [row for row, _code in result.created] == list(range(2, 12))
    assert _count(db) == 11
    first_row, first_code = result.created[1]  # "recife", "pe" as typed
    with db.uow() as uow:
        person = uow.session.get(Person, first_code)
        assert person is not None
        assert (person.name, person.kind, person.city, person.state, person.city_ibge_code) == (
            "Cliente 2 da Silva", "PF", "Recife", "PE", "2611606")
        assert person.postal_code == "01310100" and person.phone == "1134567890"
        assert "Código no sistema anterior: 1002" in person.internal_notes
        event = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.entity_id == first_code, AuditEvent.action == "person.created")).one()
        assert event.justification == m.AUDIT_NOTE.format(file="clientes.xlsx", row=first_row)
        assert json.loads(event.after)["name"] == "Cliente 2 da Silva"
    page = finder.search_people(db.uow(), PageRequest({finder.FREE_TEXT: "Empresa 9 Ltda"}))
    assert [r.name for r in page.rows] == ["Empresa 9 Ltda"]


def test_a_new_person_after_the_import_takes_the_next_code(db: Database, actor: Actor,
                                                         tmp_path: Path) -> None:
    sheet = importing.read_file(sheets.write_csv(tmp_path / "c.csv", sheets.rows(5)))
    result = importing.apply_import(db.uow(), actor, sheet, _columns(sheet))
    later = _registered(db, actor)
    assert later == max(code for _row, code in result.created) + 1


class _CancelWhileWriting(NullProgress):
    def __init__(self) -> None:
        self.writing = False

    def step(self, done: int, total: int, label: str = "") -> None:
        self.writing = self.writing or label == m.WRITING

    def cancelled(self) -> bool:
        return self.writing


def test_cancel_half_way_rolls_everything_back(db: Database, actor: Actor, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "WRITE_CHUNK", 3)  # several chunks: the first is written
    sheet = importing.read_file(sheets.write_csv(tmp_path / "c.csv", sheets.rows(10)))
    with pytest.raises(NotAllowed, match="cancelada"):
        importing.apply_import(db.uow(), actor, sheet, _columns(sheet),
                               progress=_CancelWhileWriting())
    assert _count(db) == 0
    result = importing.apply_import(db.uow(), actor, sheet, _columns(sheet))
    assert len(result.created) == 10 and _count(db) == 10


def test_a_wrong_header_says_what_was_found_and_what_is_expected(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    path = sheets.write_csv(tmp_path / "c.csv", sheets.rows(2),
                            header=("Cód", "Cliente X", "Doc. fiscal", *sheets.HEADER[3:]))
    sheet = importing.read_file(path)
    with pytest.raises(InvalidInput) as wrong:
        importing.preview_import(db.uow(), actor, sheet, _columns(sheet))
    text = str(wrong.value)
    assert "Nome / Razão social, CPF/CNPJ" in text and "«Cliente X», «Doc. fiscal»" in text
    assert "linha 1" in text
    fixed = import_mapping.apply_mapping(sheet.headers, {"Cliente X": "name",
                                                         "Doc. fiscal": "CPF/CNPJ"})
    assert len(importing.preview_import(db.uow(), actor, sheet, fixed).accepted) == 2


def test_permission_is_checked(db: Database, tmp_path: Path) -> None:
    clerk = Actor(id=1, login="x", name="X", permissions=frozenset({"people.view"}))
    sheet = importing.read_file(sheets.write_csv(tmp_path / "c.csv", sheets.rows(1)))
    with pytest.raises(NotAllowed):
        importing.apply_import(db.uow(), clerk, sheet, _columns(sheet))


@pytest.mark.slow
def test_fifty_thousand_rows_with_three_bad_ones(db: Database, actor: Actor,
                                                 tmp_path: Path) -> None:
    data = sheets.rows(50_000, seed=11)
    data[9_999][2] = "111.111.111-11"  # row 10001
    data[30_000][9] = "Lugar Nenhum"  # row 30002
    data[49_998][2] = data[0][2]  # row 50000 repeats row 2
    sheet = importing.read_file(sheets.write_csv(tmp_path / "big.csv", data))
    columns = _columns(sheet)
    plan = importing.preview_import(db.uow(), actor, sheet, columns)
    assert [r.row for r in plan.refused] == [10_001, 30_002, 50_000]
    with pytest.raises(ImportRefused):
        importing.apply_import(db.uow(), actor, sheet, columns)
    assert _count(db) == 0
    result = importing.apply_import(db.uow(), actor, sheet, columns, skip_refused=True)
    assert len(result.created) == 49_997 and _count(db) == 49_997
    assert [r.row for r in result.plan.refused] == [10_001, 30_002, 50_000]


def test_numbers_a_spreadsheet_stripped_of_leading_zeros_get_them_back(
        db: Database, actor: Actor, tmp_path: Path) -> None:
    rng = random.Random(5)
    cpf = next(c for c in iter(lambda: generate_cpf(rng), None) if c.startswith("0"))
    row = sheets.rows(1)[0]
    row[2], row[5] = int(cpf), 1310100  # typed as numbers: Excel drops the zeros
    sheet = importing.read_file(sheets.write_xlsx(tmp_path / "n.xlsx", [row]))
    assert sheet.rows[0].cells[2] == str(int(cpf))
    result = importing.apply_import(db.uow(), actor, sheet, _columns(sheet))
    with db.uow() as uow:
        person = uow.session.get(Person, result.created[0][1])
        assert person is not None and (person.document, person.postal_code) == (cpf, "01310100")


class _HoldWhileWriting(NullProgress):
    """Stops the import inside its transaction, after planning, until released."""

    def __init__(self) -> None:
        self.writing = threading.Event()
        self.release = threading.Event()

    def step(self, done: int, total: int, label: str = "") -> None:
        if label == m.WRITING and not self.writing.is_set():
            self.writing.set()
            self.release.wait(30)


def test_two_desks_importing_the_same_sheet_create_each_client_once(
        db: Database, actor: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "WRITE_CHUNK", 2)  # a step between chunks: the hold
    sheet = importing.read_file(sheets.write_csv(tmp_path / "c.csv", sheets.rows(6)))
    columns = _columns(sheet)
    first = _HoldWhileWriting()
    outcomes: dict[str, object] = {}

    def desk(name: str, progress: NullProgress) -> None:
        try:
            outcomes[name] = importing.apply_import(db.uow(), actor, sheet, columns,
                                                    skip_refused=True, progress=progress)
        except Exception as error:
            outcomes[name] = error

    one = threading.Thread(target=desk, args=("one", first))
    one.start()
    assert first.writing.wait(30)
    two = threading.Thread(target=desk, args=("two", NullProgress()))
    two.start()
    two.join(1.0)  # the second desk waits for the first one's transaction
    first.release.set()
    one.join(30)
    two.join(30)
    assert isinstance(outcomes["one"], importing.ImportResult)
    refused = outcomes["two"]
    assert isinstance(refused, ImportRefused) and refused.message == m.NOTHING_TO_IMPORT
    assert all("já cadastrado" in r.reason for r in refused.plan.rows)
    assert _count(db) == 6
