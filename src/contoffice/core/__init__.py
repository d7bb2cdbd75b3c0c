"""Pure values: money, documents, calendar, formatting. Imports nothing of the project."""
