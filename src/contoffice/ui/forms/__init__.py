"""Generated from forms/*.ui by `python -m contoffice.ui.forms.build` (do not edit by hand)."""
