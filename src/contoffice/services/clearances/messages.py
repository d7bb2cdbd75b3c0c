"""What the Negativas de Débitos services say to the clerk (pt-BR)."""

from __future__ import annotations

YEAR_NOT_CLOSED = ("A negativa de débitos só pode ser gerada para um ano encerrado: "
                   "informe um ano anterior a {current}.")
YEAR_INVALID = "Ano inválido: {year}."
NO_INVOICES = ("{name} não tem faturas com vencimento em {year}: não há negativa de débitos "
               "a gerar.")
OPEN_INVOICES = ("Não é possível gerar a negativa de débitos de {year}: há débitos do ano "
                 "em aberto. {items}.")
BLOCKING = "Fatura {id}, vencida em {due}, {state}"
STATE_OPEN = "em aberto"
STATE_PARTIAL = "com liquidação parcial (saldo de {balance})"
STATE_SUSPENDED = "suspensa"
ALREADY = "A negativa de débitos de {year} deste cliente já foi gerada em {when} (nº {id})."
ELIGIBLE = "Pode gerar: {count} fatura(s) quitada(s), total de {total}."
OFFICE_NOT_CONFIGURED = ("Informe o nome e o CNPJ do escritório em Configuração Básica antes "
                         "de gerar a negativa de débitos.")
NO_PDF = "A negativa de débitos nº {id} não tem documento gravado."
MAIL_SUBJECT = "Declaração anual de quitação de débitos de {year}"
MAIL_BODY = ("Olá, #cliente#.\n\nSegue anexa a declaração anual de quitação de débitos de "
             "{year} (Lei nº 12.007/2009). Ela substitui, para comprovar o pagamento, os "
             "recibos mensais das faturas daquele ano e dos anos anteriores.\n\n"
             "Atenciosamente.")
ATTACHMENT_LABEL = "Negativa de débitos de {year} — {count} fatura(s) — {total}"
