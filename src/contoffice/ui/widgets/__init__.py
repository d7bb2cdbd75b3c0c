"""Reusable widgets: the grid with per-column filters."""
