"""Declaração anual de quitação de débitos (Lei 12.007/2009): eligibility, issue, batch, PDF."""
