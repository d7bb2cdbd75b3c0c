"""The pt-BR manual (src/contoffice/help/*.md) in a window, opened at the panel shown (F1)."""
