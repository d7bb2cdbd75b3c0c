"""Every command line test logs in (tests/support/cli_login.py)."""

from __future__ import annotations

import pytest

from tests.support.cli_login import cli_login, demo_login  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _logged_in(cli_login: str) -> None:  # noqa: F811
    """CONTOFFICE_OPERATOR / CONTOFFICE_PASSWORD of an administrator of the test's database."""
