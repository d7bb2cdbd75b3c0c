"""banking."""
