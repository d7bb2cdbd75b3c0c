"""The one output writer: a file atomically, a device or FIFO in place, a symlink followed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from contoffice.core.files import output_file, write_output
from tests.support.fifos import FifoReader


def character_device(folder: Path) -> Path:
    """A null device made in `folder` (root only), so no test ever touches /dev/null itself."""
    path = folder / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.close(os.open(path, os.O_WRONLY))  # a nodev mount makes the node but refuses it
    except (PermissionError, AttributeError) as error:
        pytest.skip(f"sem permissão para criar um dispositivo: {error}")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_new_file_gets_the_content_and_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "novo.pdf"
    write_output(target, b"%PDF novo")
    assert target.read_bytes() == b"%PDF novo"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert _leftovers(tmp_path) == []


def test_a_regular_file_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "recibo.pdf"
    target.write_bytes(b"conteudo antigo")
    target.chmod(0o640)
    with pytest.raises(RuntimeError), output_file(target) as fh:
        fh.write(b"metade do novo")
        raise RuntimeError("falhou no meio")
    assert target.read_bytes() == b"conteudo antigo"
    assert _leftovers(tmp_path) == []
    before = target.stat().st_ino
    write_output(target, b"conteudo novo")
    assert target.read_bytes() == b"conteudo novo"
    assert target.stat().st_ino != before  # renamed into place, never half-written
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    reader = FifoReader(tmp_path / "fila")
    data = os.urandom(300_000)  # more than a pipe holds: the reader must really drain it
    write_output(reader.path, data)
    assert reader.received() == data
    assert _leftovers(tmp_path) == []


def test_a_character_device_is_written_in_place(tmp_path: Path) -> None:
    device = character_device(tmp_path)
    write_output(device, b"descartado")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert os.major(device.lstat().st_rdev) == 1 and os.minor(device.lstat().st_rdev) == 3
    assert _leftovers(tmp_path) == []


def test_a_symlink_stays_a_link_and_its_target_gets_the_content(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "saida.pdf"
    target.write_bytes(b"velho")
    link = tmp_path / "atalho.pdf"
    link.symlink_to(target)
    write_output(link, b"novo")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"novo"
    assert _leftovers(tmp_path) == [] and _leftovers(tmp_path / "real") == []
    dangling = tmp_path / "pendente.pdf"
    dangling.symlink_to(tmp_path / "real" / "ainda-nao.pdf")
    write_output(dangling, b"criado")
    assert dangling.is_symlink() and (tmp_path / "real" / "ainda-nao.pdf").read_bytes() == b"criado"


def test_a_symlink_to_a_fifo_writes_into_the_fifo(tmp_path: Path) -> None:
    reader = FifoReader(tmp_path / "fila")
    link = tmp_path / "atalho"
    link.symlink_to(reader.path)
    write_output(link, b"pela ligacao")
    assert reader.received() == b"pela ligacao" and link.is_symlink()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_output(tmp_path, b"x")
