"""PySide6 widgets, item models, dialogs and workers: the window (knows services only)."""
