"""`contoffice demo`: the office's size is bounded and refused before any file is created."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.cli import main
from contoffice.demo.office import MAX_PEOPLE, MIN_PEOPLE


@pytest.mark.parametrize("people", ["-5", "0", str(MIN_PEOPLE - 1), "10000000",
                                    str(MAX_PEOPLE + 1), "abc"])
def test_a_size_out_of_bounds_is_refused_before_the_file_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], people: str
) -> None:
    target = tmp_path / "demo.sqlite3"
    code = main(["demo", "--people", people, "--database", f"sqlite:///{target}"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert not target.exists() and list(tmp_path.iterdir()) == []
    if people != "abc":
        assert "de 10 a 200.000 cadastros" in err and f"recebido: {people}" in err


def test_help_states_the_bounds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "de 10 a 200.000" in out and "no máximo 1.000.000" in out


def test_too_many_invoices_is_refused_before_the_file_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite3"
    argv = ["demo", "--people", "10", "--invoices", "1000001", "--database", f"sqlite:///{target}"]
    assert main(argv) == 2
    assert "1000000" in capsys.readouterr().err and not target.exists()


def test_the_smallest_office_is_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite3"
    assert main(["demo", "--people", str(MIN_PEOPLE), "--database", f"sqlite:///{target}"]) == 0
    assert f"{MIN_PEOPLE} cadastros" in capsys.readouterr().out
