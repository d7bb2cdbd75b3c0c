"""The client finder: the five panels of INV-A-1..8."""
