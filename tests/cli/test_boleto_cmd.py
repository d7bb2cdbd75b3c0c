"""`contoffice boleto codes`: JSON in, codes out, one pt-BR line on bad input."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import contoffice.cli as cli

ITAU = {
    "bank": "341",
    "agency": "1248",
    "account": "02124",
    "wallet": "109",
    "our_number": "00010152",
    "amount": "6757.87",
    "due_date": "2029-05-20",
}
BRADESCO = {
    "bank": "237",
    "agency": "1172",
    "account": "0403005",
    "wallet": "06",
    "our_number": "75896452",
    "amount_cents": 295295,
    "due_date": "2025-02-22",
}
ROOT = Path(__file__).resolve().parents[2]


def _missing_modules() -> list[str]:
    return [
        n
        for n in cli.COMMAND_MODULES
        if importlib.util.find_spec(f"contoffice.cli.{n}_cmd") is None
    ]


@pytest.fixture(autouse=True)
def _only_existing_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sibling command modules land in other branches; register those that exist."""
    present = tuple(n for n in cli.COMMAND_MODULES if n not in _missing_modules())
    monkeypatch.setattr(cli, "COMMAND_MODULES", present)


def _write(tmp_path: Path, document: object) -> str:
    path = tmp_path / "boletos.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_codes_json_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, [ITAU, BRADESCO])
    assert cli.main(["boleto", "codes", "--input", path, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["barcode"] for r in rows] == [
        "34194254800006757871090001015271248021246000",
        "23794100000002952951172060007589645204030050",
    ]
    assert rows[0]["digitable_line"] == "34191090080101527124880212460002425480000675787"
    assert rows[0]["digitable_line_formatted"] == (
        "34191.09008 01015.271248 80212.460002 4 25480000675787"
    )
    assert rows[0]["our_number_formatted"] == "109/00010152-7"
    assert [r["due_factor"] for r in rows] == [2548, 1000]


def test_codes_single_object_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["boleto", "codes", "--input", _write(tmp_path, ITAU)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "34191.09008 01015.271248 80212.460002 4 25480000675787" in out[0]
    assert "109/00010152-7" in out[0] and "341-7" in out[0]


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({**ITAU, "bank": "999"}, ["Banco 999 não suportado"]),
        ({**ITAU, "amount": "0"}, ["amount_cents"]),
        ({**ITAU, "due_date": "2050-01-01"}, ["due_date"]),
        ([ITAU, {**BRADESCO, "our_number": "123456789012"}], ["boleto 2", "our_number"]),
        (
            {
                "bank": "001",
                "agency": "1",
                "account": "1",
                "wallet": "18",
                "our_number": "1",
                "amount": 1,
            },
            ["convênio (agreement)"],
        ),
        ([], ["nenhum boleto"]),
    ],
)
def test_bad_input_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: object, words: list[str]
) -> None:
    code = cli.main(["boleto", "codes", "--input", _write(tmp_path, document), "--json"])
    captured = capsys.readouterr()
    assert code != 0 and captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    for word in words:
        assert word in lines[0]


def test_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["boleto", "codes", "--input", str(tmp_path / "nope.json")]) != 0
    assert "arquivo não encontrado" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert cli.main(["boleto", "codes", "--input", str(broken)]) != 0
    assert "JSON inválido" in capsys.readouterr().err


def test_subprocess(tmp_path: Path) -> None:
    missing = _missing_modules()
    if missing:
        pytest.skip(f"contoffice.cli still lacks {', '.join(missing)}_cmd (other branches)")
    path = _write(tmp_path, ITAU)
    done = subprocess.run(
        [sys.executable, "-m", "contoffice", "boleto", "codes", "--input", path, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["due_factor"] == 2548
    bad = _write(tmp_path, {**ITAU, "bank": "999"})
    done = subprocess.run(
        [sys.executable, "-m", "contoffice", "boleto", "codes", "--input", bad],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "Banco 999 não suportado" in done.stderr


def test_help_lists_every_json_field(capsys: pytest.CaptureFixture[str]) -> None:
    from contoffice.banking.boleto import FIELD_NAMES
    from contoffice.cli.boleto_cmd import FIELD_HELP

    assert tuple(name for name, _text in FIELD_HELP) == FIELD_NAMES  # nothing read is undocumented
    assert cli.main(["boleto", "codes", "--help"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")
              and line.split()[0] in FIELD_NAMES]
    assert listed == list(FIELD_NAMES)
    assert "DD/MM/AAAA ou AAAA-MM-DD" in out and "--surcharge" in out and "2,5%" in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in readme for name in FIELD_NAMES)


def test_an_unknown_field_names_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from contoffice.banking.boleto import FIELD_NAMES

    assert cli.main(["boleto", "codes", "--input", _write(tmp_path, {**ITAU, "agencia": 1})]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Campo desconhecido: “agencia”" in err
    assert ", ".join(FIELD_NAMES) in err


@pytest.mark.parametrize("due", ["2029-05-20", "20/05/2029", "20/5/2029"])
def test_due_date_in_pt_br_or_iso(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], due: str
) -> None:
    path = _write(tmp_path, {**ITAU, "due_date": due})
    assert cli.main(["boleto", "codes", "--input", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["due_factor"] == 2548


def test_due_date_10_12_2026_as_iso(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    factors = []
    for due in ("10/12/2026", "2026-12-10"):
        path = _write(tmp_path, {**ITAU, "due_date": due, "processing_date": due})
        assert cli.main(["boleto", "codes", "--input", path, "--json"]) == 0
        factors.append(json.loads(capsys.readouterr().out)[0]["due_factor"])
    assert factors == [1656, 1656]
    bad = _write(tmp_path, {**ITAU, "due_date": "31/02/2026"})
    assert cli.main(["boleto", "codes", "--input", bad]) == 2
    assert "DD/MM/AAAA ou AAAA-MM-DD (due_date)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("amount", "surcharge", "expected"),
    [
        ("1.050,00", "2%", 2_100),  # 2% of R$ 1.050,00 = R$ 21,00
        ("1.050,00", "2,5%", 2_625),
        ("1.050,00", "2.5%", 2_625),
        ("1.050,01", "2,5%", 2_625),  # 2.625,025 cents: below half a cent, down
        ("0,50", "1%", 1),  # exactly half a cent: up (not to even)
        ("0,30", "5%", 2),  # 1,5 cents: up
        ("1.050,00", "0%", 0),
        ("1.050,00", "100%", 105_000),
        ("1.050,00", "10,00", 1_000),  # a fixed amount in reais
    ],
)
def test_surcharge_percent_of_the_amount_in_cents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], amount: str, surcharge: str, expected: int
) -> None:
    path = _write(tmp_path, {**ITAU, "amount": amount})
    assert cli.main(["boleto", "codes", "--input", path, "--surcharge", surcharge, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    base = int(amount.replace(".", "").replace(",", ""))
    assert (row["surcharge_cents"], row["amount_cents"]) == (expected, base + expected)
    assert row["barcode"][9:19] == f"{base + expected:010d}"  # the value the bank reads


@pytest.mark.parametrize(
    ("surcharge", "words"),
    [
        ("abc%", "não é um percentual"),
        ("-2%", "é negativo"),
        ("1000%", "passa de 100%"),
        ("100,01%", "passa de 100%"),
        ("2,555%", "não é um percentual"),
        ("%", "não é um percentual"),
        ("dez", "não é um valor"),
        ("-1,00", "é negativo"),
    ],
)
def test_bad_surcharge_refused_in_pt_br(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], surcharge: str, words: str
) -> None:
    path = _write(tmp_path, {**ITAU, "amount": "1.050,00"})
    code = cli.main(["boleto", "codes", "--input", path, "--surcharge", surcharge])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and captured.err.count("\n") == 1
    assert f"Acréscimo inválido: “{surcharge}” {words}" in captured.err
    assert "(--surcharge)" in captured.err and "falta o valor" not in captured.err


def test_a_bad_surcharge_is_said_before_the_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nope.json")
    assert cli.main(["boleto", "codes", "--input", missing, "--surcharge", "abc%"]) == 2
    assert "Acréscimo inválido" in capsys.readouterr().err
