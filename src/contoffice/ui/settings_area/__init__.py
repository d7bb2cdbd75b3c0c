"""Configurações: payment profiles, operators and permissions, the office identity."""

from contoffice.ui.settings_area.area import SettingsArea, can_open

__all__ = ["SettingsArea", "can_open"]
