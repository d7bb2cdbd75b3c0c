"""Extrato de conta and ficha cadastral of a client (issue 13)."""

from contoffice.services.statements.ledger import (
    AgingBucket,
    Statement,
    StatementLine,
    check_period,
    statement,
)
from contoffice.services.statements.printing import (
    print_sheet,
    print_statements,
    write_statements,
)
from contoffice.services.statements.sheet import ClientSheet, client_sheet

__all__ = [
    "AgingBucket",
    "ClientSheet",
    "Statement",
    "StatementLine",
    "check_period",
    "client_sheet",
    "print_sheet",
    "print_statements",
    "statement",
    "write_statements",
]
