"""Invoices: the tools of Faturas a Receber/a Pagar, Alterar Fatura and payables."""
