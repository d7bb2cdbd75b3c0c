"""Boletos: payment profiles, printing boletos/carnês and keeping their PDFs."""
