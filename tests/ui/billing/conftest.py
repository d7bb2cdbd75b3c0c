"""The tool tests' fixtures, shared with the Faturamento area tests."""

from tests.ui.client.conftest import seen  # noqa: F401
