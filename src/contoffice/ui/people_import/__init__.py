"""Importar clientes: a spreadsheet of another system's clients, mapped, simulated, imported."""
