"""`contoffice people search TEXTO`: the finder's search box on the command line."""

from __future__ import annotations

import json

import pytest

from contoffice.cli import main

PADARIA = "Padaria Pão Quente Ltda"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


@pytest.fixture
def office(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, _summary, err = run(capsys, "demo", "--people", "120", "--seed", "5",
                              "--database", db_url, "--json")
    assert code == 0, err
    return db_url


def _names(doc: dict) -> list[str]:
    return [row["name"] for row in doc["rows"]]


@pytest.mark.parametrize("typed", ["pão quente", "PAO QUENTE", "12.abc.345/01de-35", "abc345"])
def test_free_text_finds_the_padaria(office: str, capsys, typed: str) -> None:
    code, doc, err = run(capsys, "people", "search", typed, "--json", "--database", office)
    assert code == 0, err
    assert _names(doc) == [PADARIA] and doc["total"] == 1


def test_free_text_combines_with_the_field_filters(office: str, capsys) -> None:
    code, doc, _ = run(capsys, "people", "search", "quente", "--active", "--json",
                       "--database", office)
    assert code == 0 and PADARIA in _names(doc)
    code, doc, _ = run(capsys, "people", "search", "quente", "--inactive", "--json",
                       "--database", office)
    assert code == 0 and PADARIA not in _names(doc)
    code, doc, _ = run(capsys, "people", "search", "quente", "--kind", "PF", "--json",
                       "--database", office)
    assert code == 0 and PADARIA not in _names(doc)


def test_wildcards_are_literal_and_plain_text_prints_a_count(office: str, capsys) -> None:
    code, doc, _ = run(capsys, "people", "search", "p%o quente", "--json", "--database", office)
    assert code == 0 and doc["total"] == 0
    capsys.readouterr()
    code = main(["people", "search", "pão quente", "--database", office])
    out = capsys.readouterr().out
    assert code == 0 and PADARIA in out and "1 cadastro(s)." in out
