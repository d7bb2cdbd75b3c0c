"""The client panel: a header and one page per panel of INV-C-2, plus Atividade and Notas."""
