"""Administration: the office, operators, roles, suspension reasons and opening a database."""
