"""Cobrança bancária: remittance files to the banks, return files back, reconciliation."""
