"""Operating-system errors in pt-BR: one line naming the file, never the C library's English."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from contoffice.core import os_errors


def _error(code: int, path: Path | str | None, path2: Path | str | None = None) -> OSError:
    return OSError(code, os.strerror(code), None if path is None else str(path),
                   None, None if path2 is None else str(path2))


@pytest.mark.parametrize(("code", "line"), [
    (errno.ENOENT, "Arquivo não encontrado: {path}."),
    (errno.EACCES, "Sem permissão para gravar em {path}."),
    (errno.EPERM, "Sem permissão para gravar em {path}."),
    (errno.EISDIR, "{path} é uma pasta; informe o caminho de um arquivo."),
    (errno.ENOTDIR, "Caminho inválido: parte de {path} não é uma pasta."),
    (errno.ENOSPC, "Disco cheio: não foi possível gravar {path}."),
    (errno.EROFS, "Disco ou pasta somente leitura: não foi possível gravar {path}."),
    (errno.EEXIST, "Já existe um arquivo em {path}."),
    (errno.ENAMETOOLONG, "Nome de arquivo longo demais: {path}."),
])
def test_each_errno_is_one_portuguese_line(tmp_path: Path, code: int, line: str) -> None:
    path = tmp_path / "saida.pdf"
    said = os_errors.describe(_error(code, path))
    assert said == line.format(path=path)
    assert os.strerror(code) not in said


def test_a_missing_folder_is_named_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nao" / "existe" / "saida.pdf"
    assert os_errors.describe(_error(errno.ENOENT, path)) == (
        f"Pasta não encontrada: {tmp_path / 'nao'}.")


def test_the_temporary_beside_the_target_is_named_as_the_target(tmp_path: Path) -> None:
    # core/files.py writes ".<name>.<8 hex>.part" and renames it over the target.
    part = tmp_path / ".carne.pdf.0a1b2c3d.part"
    assert os_errors.describe(_error(errno.EACCES, part)) == (
        f"Sem permissão para gravar em {tmp_path / 'carne.pdf'}.")
    rename = _error(errno.EXDEV, part, tmp_path / "carne.pdf")
    assert os_errors.describe(rename) == (
        f"Não foi possível acessar {tmp_path / 'carne.pdf'}: "
        "origem e destino em discos diferentes.")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="modos POSIX, sem root")
def test_a_file_that_cannot_be_read_says_read(tmp_path: Path) -> None:
    path = tmp_path / "segredo.pdf"
    path.write_bytes(b"x")
    path.chmod(0o200)
    assert os_errors.describe(_error(errno.EACCES, path)) == f"Sem permissão para ler {path}."


def test_without_a_path_and_with_an_unlisted_errno() -> None:
    assert os_errors.describe(_error(errno.ENOSPC, None)) == (
        "Não foi possível concluir a operação: disco cheio.")
    said = os_errors.describe(_error(errno.ECHILD, "/x"))
    assert said == "Não foi possível acessar /x: erro do sistema ECHILD."
    assert os_errors.reason(OSError("sem código")) == "erro do sistema ?"


def test_translate_replaces_the_english_a_message_quotes() -> None:
    english = f"Não foi possível ler /x/y: {os.strerror(errno.ENOENT)}."
    assert os_errors.translate(english) == (
        "Não foi possível ler /x/y: arquivo ou pasta não encontrado.")
    both = f"{os.strerror(errno.EACCES)}; {os.strerror(errno.EISDIR)}"
    assert os_errors.translate(both) == "sem permissão de acesso; é uma pasta, não um arquivo"
    assert os_errors.translate("Fatura 7 não encontrada.") == "Fatura 7 não encontrada."
