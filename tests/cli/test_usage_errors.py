"""Bad usage is one pt-BR line on stderr and exit 2; --help still shows the usage."""

from __future__ import annotations

import pytest

from contoffice.cli import main
from contoffice.cli.parser import pt_br


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_missing_required_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "attachments", "list")
    assert code == 2 and out == ""
    assert err == (
        "contoffice: attachments list: faltam argumentos obrigatórios: --person (veja --help)\n"
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("payables", "edit"), "faltam argumentos obrigatórios: IDS"),
        (("contracts", "resolve", "1", "--notes", "x"), "informe uma das opções"),
        (("invoices", "alter-charge", "x", "--charge", "1"), "valor inválido: 'x'"),
        (("nada",), "opção inválida: 'nada'"),
        (("payables", "remove", "1", "--bogus"), "argumentos não reconhecidos: --bogus"),
        (("contracts",), "faltam argumentos obrigatórios: ACAO"),
    ],
)
def test_usage_errors_in_pt_br(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    code, _out, err = _run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1 and err.startswith("contoffice: ")
    assert words in err and "usage:" not in err


def test_help_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "payables", "insert", "--help")
    assert code == 0 and err == ""
    assert out.startswith("uso: contoffice payables insert") and "--person" in out


def test_an_unknown_message_passes_through() -> None:
    assert pt_br("something new") == "something new"
    assert pt_br("argument --x: expected one argument") == "argumento --x: falta o valor"


@pytest.mark.parametrize("argv", [("--help",), ("invoices", "--help"),
                                  ("invoices", "settle", "--help")])
def test_help_speaks_portuguese(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, out, _err = _run(capsys, *argv)
    assert code == 0 and out.startswith("uso: contoffice")
    for english in ("usage:", "options:", "positional arguments", "show this help message"):
        assert english not in out


def test_a_closed_pipe_is_a_quiet_exit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'pipe.sqlite3'}"
    subprocess.run([sys.executable, "-m", "contoffice", "--database", url, "demo", "--people",
                    "300"], check=True, capture_output=True)
    reader, writer = os.pipe()
    desk = subprocess.Popen([sys.executable, "-m", "contoffice", "--database", url, "people",
                             "search", "--latest", "--json"], stdout=writer,
                            stderr=subprocess.PIPE, text=True)
    os.close(writer)
    assert os.read(reader, 10)  # `| head -c 10`: read a little, then hang up
    os.close(reader)
    _out, err = desk.communicate(timeout=60)
    assert desk.returncode == 0 and err == ""
