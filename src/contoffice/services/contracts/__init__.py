"""Contracts: registration and their life (cancel, suspend, activate, cancellation requests)."""
