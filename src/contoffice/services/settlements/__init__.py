"""Settlements: liquidação (one rule, bulk and per row), estorno and receipts."""
