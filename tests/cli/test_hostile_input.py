"""Hostile input never crashes (issue 15 item 8): exit 0 or 2, never 1, only ASCII digits out.

`boleto codes`, the money and date parsers and the finder's filters are fed
arbitrary text and numbers: unicode digits (Arabic-Indic, full-width,
superscripts), huge and negative integers, floats written as text, NaN,
exponents, deeply nested or oversized JSON.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contoffice.cli import main
from contoffice.cli.numbers import parse_bounded
from contoffice.core.filters import date_range, money_range
from contoffice.core.format import parse_competence, parse_date
from contoffice.core.money import MAX_INTEGER_DIGITS, Money, parse_reais
from contoffice.core.validation import ValidationError
from contoffice.db.models import Person
from contoffice.db.uow import Database

ROOT = Path(__file__).resolve().parents[2]
ITAU = {
    "bank": "341",
    "agency": "1248",
    "account": "02124",
    "wallet": "109",
    "our_number": "00010152",
    "amount": "6757.87",
    "due_date": "2029-05-20",
}
FIELDS = ("bank", "agency", "account", "wallet", "our_number", "amount", "amount_cents",
          "due_date", "agreement", "modality", "document_number")
HOSTILE_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
DB_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Every kind of digit str.isdigit() takes, plus the ASCII ones.
unicode_digits = st.text(
    alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=30
)
numbers_as_text = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**60), max_value=10**60).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["sNaN", "NaN", "-Infinity", "1e999999999", "1_000", "0x10", "¹²³",
                     "١٢٣", "１２３", "9" * 5000, "", " ", "-0", "00", "1.234,56", "R$ 7"]),
)
hostile_text = st.one_of(st.text(max_size=60), unicode_digits, numbers_as_text)
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**80), max_value=10**80),
    st.floats(), hostile_text,
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6,
)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    # An unexpected crash logs to the user data folder: keep it out of the real one.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


def _codes(capsys: pytest.CaptureFixture[str], text: str) -> tuple[int, str, str]:
    """`boleto codes --input FILE --json` in-process over a file holding `text`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "boletos.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        capsys.readouterr()
        code = main(["boleto", "codes", "--input", str(path), "--json"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_codes_outcome(code: int, out: str, err: str) -> None:
    assert code in (0, 2), err
    if code == 2:
        assert out == "" and err.startswith("contoffice: ") and err.count("\n") == 1, err
        return
    for row in json.loads(out):
        assert re.fullmatch(r"[0-9]{44}", row["barcode"]), row
        assert re.fullmatch(r"[0-9]{47}", row["digitable_line"]), row
        assert re.fullmatch(r"[0-9. ]+", row["digitable_line_formatted"]), row
        assert row["due_factor"] == 0 or 1 <= row["due_factor"] <= 9999


@HOSTILE_SETTINGS
@given(field=st.sampled_from(FIELDS), value=json_values)
@example(field="our_number", value="٠٠٠١٠١٥٢")  # Arabic-Indic
@example(field="our_number", value="００１０１５２")  # full-width
@example(field="our_number", value="¹²³")  # superscripts
@example(field="agency", value="١٢٤٨")
@example(field="amount", value="sNaN")
@example(field="amount", value="1e999999999")
@example(field="amount", value="1_000")
@example(field="amount", value=float("nan"))
@example(field="amount_cents", value=10**4000)
@example(field="amount_cents", value=-1)
def test_boleto_codes_any_field(
    capsys: pytest.CaptureFixture[str], field: str, value: Any
) -> None:
    document = {**ITAU, field: value}
    if field == "amount_cents":
        document.pop("amount")
    _assert_codes_outcome(*_codes(capsys, json.dumps(document)))


def test_underscore_amount_is_not_a_thousand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _codes(capsys, json.dumps({**ITAU, "amount": "1_000"}))
    assert code == 2 and "1_000" in err and out == ""


@HOSTILE_SETTINGS
@given(text=st.one_of(
    st.text(max_size=200),
    st.integers(min_value=1, max_value=200_000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=5000).map(lambda n: '{"bank": "341", "amount_cents": '
                                                 + "9" * n + "}"),
    st.lists(json_values, max_size=4).map(json.dumps),
))
@example(text="[" * 100_000)
@example(text="NaN")
@example(text='{"bank": "341", "amount": Infinity, "our_number": "1"}')
@example(text=json.dumps([ITAU] * 20_000))  # over 1 MB
def test_boleto_codes_any_file(capsys: pytest.CaptureFixture[str], text: str) -> None:
    _assert_codes_outcome(*_codes(capsys, text))


@HOSTILE_SETTINGS
@given(text=hostile_text)
@example(text="1,0\n0")
def test_money_parsers_refuse_or_bound(text: str) -> None:
    for parse in (Money.parse, parse_reais):
        try:
            cents = parse(text).cents
        except ValidationError as error:
            assert "\n" not in error.message
            continue
        assert abs(cents) < 10 ** (MAX_INTEGER_DIGITS + 2)
        assert "_" not in text and not any(c.isdigit() and not c.isascii() for c in text)
    found = money_range(text)
    assert found is None or all(v is None or abs(v) < 10 ** (MAX_INTEGER_DIGITS + 2)
                                for v in found)


@HOSTILE_SETTINGS
@given(text=hostile_text)
@example(text="01/01/٢٠٢٦")
@example(text="٢٠٢٦")
@example(text="01/01\n2026")
@example(text=">31/12/9999")
@example(text="<0001")
def test_date_parsers_refuse_or_bound(text: str) -> None:
    for parse in (parse_date, parse_competence):
        try:
            parse(text)
        except ValidationError as error:
            assert "\n" not in error.message
    found = date_range(text)
    assert found is None or all(v is None or isinstance(v, date) for v in found)
    if found is not None:  # only ASCII digits name a period
        assert not any(c.isdigit() and not c.isascii() for c in text)


@HOSTILE_SETTINGS
@given(text=hostile_text)
def test_bounded_integers(text: str) -> None:
    try:
        value = parse_bounded(text, 0, 10**6)
    except ValueError as error:
        assert "\n" not in str(error)
        return
    assert 0 <= value <= 10**6 and re.fullmatch(r"-?[0-9]+", text.strip())


def _people(db: Database) -> None:
    with db.uow() as uow:
        uow.session.add_all([
            Person(kind="PJ", name="Padaria Pão Quente", name_key="padaria pao quente",
                   phone="1134567890", mobile="11912345678", postal_code="01310100",
                   document="02558157000162", registered_on=date(2024, 1, 2)),
            Person(kind="PF", name="Ana_Lima 100%", name_key="ana_lima 100%",
                   phone="2134567890", registered_on=date(2024, 1, 3)),
        ])
        uow.commit()


def _search(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> tuple[int, Any, str]:
    capsys.readouterr()
    code = main(["people", "search", *argv, "--json", "--database", db_url])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if code == 0 else None, captured.err


def test_like_wildcards_match_only_themselves(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db)
    for option in ("--phone", "--postal-code", "--document"):
        for wildcard in ("%", "_", "%%", "\\", "()"):
            code, found, err = _search(capsys, db_url, f"{option}={wildcard}")
            assert code == 0 and found["total"] == 0, (option, wildcard, err)
    for option in ("--name-contains", "--trade-name"):
        code, found, _err = _search(capsys, db_url, f"{option}=%")
        names = [r["name"] for r in found["rows"]]
        assert code == 0 and names == (["Ana_Lima 100%"] if option == "--name-contains" else [])
    code, found, _err = _search(capsys, db_url, "--name-contains=_")
    assert [r["name"] for r in found["rows"]] == ["Ana_Lima 100%"]
    code, found, _err = _search(capsys, db_url, "--phone", "(11) 9")
    assert [r["name"] for r in found["rows"]] == ["Padaria Pão Quente"]


@DB_SETTINGS
@given(
    option=st.sampled_from(["--name", "--name-contains", "--trade-name", "--document", "--email",
                            "--phone", "--city", "--district", "--street", "--postal-code",
                            "--state", "--registered-from", "--sort", "--code", "--offset",
                            "--limit"]),
    value=st.one_of(hostile_text, st.integers().map(str),
                    st.integers(min_value=-(10**30), max_value=10**30).map(str)),
)
@example(option="--code", value="9" * 5000)
@example(option="--code", value="-1")
@example(option="--code", value="99999999999999999999")
@example(option="--offset", value="-5")
@example(option="--offset", value=str(2**70))
@example(option="--limit", value=str(10**7))
@example(option="--code", value="١")
@example(option="--phone", value="\x00")
def test_people_search_any_filter(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    code, found, err = _search(capsys, db_url, f"{option}={value}")
    assert code in (0, 2), err
    if code == 2:
        assert err.startswith("contoffice: ") and err.count("\n") == 1
    else:
        assert found["total"] >= 0 and len(found["rows"]) <= 10**6


def _subprocess(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": tempfile.mkdtemp()}
    return subprocess.run([sys.executable, "-m", "contoffice", *argv], capture_output=True,
                          text=True, cwd=ROOT, env=env, check=False)


def test_real_processes(tmp_path: Path, db_url: str, db: Database) -> None:
    _people(db)
    arabic = tmp_path / "arabic.json"
    arabic.write_text(json.dumps({**ITAU, "our_number": "٠٠٠١٠١٥٢"}), encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    big = tmp_path / "big.json"
    big.write_text('{"bank": "341", "amount_cents": ' + "9" * 5000 + "}", encoding="utf-8")
    for path in (arabic, deep, big):
        done = _subprocess("boleto", "codes", "--input", str(path))
        assert done.returncode == 2 and done.stdout == "", done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    for option in ("--code=" + "9" * 5000, "--offset=-1", "--limit=" + str(2**64)):
        done = _subprocess("people", "search", option, "--json", "--database", db_url)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    done = _subprocess("people", "search", "--phone", "%", "--json", "--database", db_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == 0


# --- What the operating system and SQLAlchemy say reaches the clerk in pt-BR ---------------

ENGLISH = ("No such file", "Permission denied", "Is a directory", "Read-only", "Error",
           "error:", "Traceback", "Exception", "Can't load plugin", "Could not parse")


def _one_portuguese_line(code: int, out: str, err: str, start: str) -> None:
    assert code == 2, (code, err)
    assert out == "" and err.count("\n") == 1, err
    assert err.startswith(f"contoffice: {start}"), err
    for english in ENGLISH:
        assert english not in err, err


def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _open_invoice(db: Database) -> int:
    from contoffice.services.admin.operators import system_actor
    from tests.cli.money_support import open_invoices

    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    (found,) = open_invoices(db, actor, 1)
    return found


@pytest.mark.parametrize("argv", [
    ("--database", "foo://bar", "people", "search"),
    ("people", "search", "--json", "--database", "foo://bar"),
    ("invoices", "settle", "1", "--justification", "x", "--database", "foo://bar"),
    ("db", "upgrade", "--database", "foo://bar"),
    ("db", "backup", "copia.sqlite3", "--database", "foo://bar"),
    ("people", "search", "--database", "não é uma URL"),
])
def test_an_unknown_database_url_is_one_portuguese_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    _one_portuguese_line(*_main(capsys, *argv), "URL de banco de dados não reconhecida: ")


def test_an_unknown_driver_is_the_same_line_without_the_password(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _main(capsys, "db", "upgrade", "--database",
                           "postgresql+semdriver://ana:segredo@servidor/escritorio")
    _one_portuguese_line(code, out, err, "URL de banco de dados não reconhecida: ")
    assert "segredo" not in err and "ana:***@servidor" in err


def test_an_output_in_a_missing_folder(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoice = _open_invoice(db)
    missing = tmp_path / "nao" / "existe"
    code, out, err = _main(capsys, "boleto", "pdf", "--invoices", str(invoice),
                           "-o", str(missing / "boleto.pdf"), "--database", db_url)
    _one_portuguese_line(code, out, err, f"Pasta não encontrada: {tmp_path / 'nao'}.")
    assert not (tmp_path / "nao").exists()
    # The spreadsheet export refuses a mistyped folder the same way: it creates none.
    code, out, err = _main(capsys, "export", "client.receivable", "--person",
                           str(_person_of(db, invoice)), "-o", str(missing / "f.xlsx"),
                           "--database", db_url)
    _one_portuguese_line(code, out, err, f"Pasta não encontrada: {tmp_path / 'nao'}.")
    assert not (tmp_path / "nao").exists()
    source = tmp_path / "contrato.txt"
    source.write_text("contrato assinado\n", encoding="utf-8")
    code, _out, err = _main(capsys, "attachments", "add", str(source), "--person",
                            str(_person_of(db, invoice)), "--database", db_url)
    assert code == 0, err
    code, out, err = _main(capsys, "attachments", "get", "1", "-o", str(missing / "c.txt"),
                           "--database", db_url)
    _one_portuguese_line(code, out, err, "")
    assert "arquivo ou pasta não encontrado" in err
    code, out, err = _main(capsys, "attachments", "add", str(tmp_path / "sumiu.pdf"),
                           "--person", "1", "--database", db_url)
    _one_portuguese_line(code, out, err, "")
    assert "arquivo ou pasta não encontrado" in err


def _person_of(db: Database, invoice_id: int) -> int:
    from tests.services.billing_support import invoice

    return invoice(db, invoice_id).person_id


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create a file in (root ignores modes: /sys refuses it)."""
    if os.name == "posix" and os.geteuid() == 0:
        if not Path("/sys/kernel").is_dir():
            pytest.skip("sem pasta somente leitura para o root")
        return Path("/sys")
    folder = tmp_path / "somente-leitura"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_a_read_only_target(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _read_only_folder(tmp_path)
    invoice = _open_invoice(db)
    for argv, name in ((("boleto", "pdf", "--invoices", str(invoice)), "boleto.pdf"),
                       (("export", "finder.active"), "cadastros.xlsx")):
        target = folder / name
        code, out, err = _main(capsys, *argv, "-o", str(target), "--database", db_url)
        _one_portuguese_line(code, out, err, f"Sem permissão para gravar em {target}.")
        assert not target.exists()


def test_every_errno_a_command_meets_is_one_portuguese_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import errno

    from contoffice.cli import boleto_cmd

    target = tmp_path / "saida.pdf"
    expected = {
        errno.ENOSPC: f"Disco cheio: não foi possível gravar {target}.",
        errno.EROFS: f"Disco ou pasta somente leitura: não foi possível gravar {target}.",
        errno.EISDIR: f"{target} é uma pasta; informe o caminho de um arquivo.",
        errno.ENOTDIR: f"Caminho inválido: parte de {target} não é uma pasta.",
        errno.EEXIST: f"Já existe um arquivo em {target}.",
        errno.EACCES: f"Sem permissão para gravar em {target}.",
        errno.ENOENT: f"Arquivo não encontrado: {target}.",
    }
    for code_, line in expected.items():
        def fails(_args: Any, code_: int = code_) -> int:
            raise OSError(code_, os.strerror(code_), str(target))

        monkeypatch.setattr(boleto_cmd, "run_pdf", fails)
        got = _main(capsys, "boleto", "pdf", "--invoices", "1", "-o", str(target))
        _one_portuguese_line(*got, line)


def test_real_processes_say_os_and_url_errors_in_one_line(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    invoice = _open_invoice(db)
    runs = {
        "URL de banco de dados não reconhecida": ("people", "search", "--database", "foo://bar"),
        "Pasta não encontrada": ("boleto", "pdf", "--invoices", str(invoice), "-o",
                                 str(tmp_path / "nao" / "b.pdf"), "--database", db_url),
        "Sem permissão para gravar em": ("export", "finder.active", "-o",
                                         str(_read_only_folder(tmp_path) / "x.xlsx"),
                                         "--database", db_url),
    }
    for start, argv in runs.items():
        done = _subprocess(*argv)
        _one_portuguese_line(done.returncode, done.stdout, done.stderr, start)
