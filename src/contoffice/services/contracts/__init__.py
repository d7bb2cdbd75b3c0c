"""Contracts: registration, their life (cancel, suspend, activate) and fee generation."""
