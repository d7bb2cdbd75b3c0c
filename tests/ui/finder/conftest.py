"""The finder tool tests: the 40-people demo office and the tool-flow capture."""

from tests.ui.client.conftest import seen  # noqa: F401
from tests.ui.printing.conftest import demo_template  # noqa: F401
