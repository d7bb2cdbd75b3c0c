"""What the fiscal services (NFS-e Nacional) say to the clerk (pt-BR)."""

from __future__ import annotations

# -- Dados fiscais -------------------------------------------------------------------------
SETTING_ENVIRONMENT = "Ambiente inválido: escolha produção (1) ou produção restrita (2)."
SETTING_TRANSMISSION = "Transmissão inválida: escolha a Sefin Nacional ou o simulador local."
SETTING_SIMULATOR_PRODUCTION = ("O simulador local só atende a produção restrita: escolha a Sefin "
                                "Nacional para emitir em produção.")
SETTING_PROFILE = "Perfil de assinatura inválido: escolha SHA-256 ou SHA-1."
SETTING_SERIES = "Série da DPS inválida: informe um número de 1 a 49999."
SETTING_SIMPLES = "Opção pelo Simples Nacional inválida."
SETTING_SPECIAL = "Regime especial de tributação inválido (0 a 9)."
SETTING_SERVICE_CODE = "Código de tributação nacional inválido: informe 6 dígitos (ex.: 171901)."
SETTING_NBS = "Código NBS inválido: informe 9 dígitos (ex.: 113022100)."
SETTING_CITY = "Município do escritório inválido: informe o código IBGE de 7 dígitos."
SETTING_ISS_RATE = "Alíquota do ISS inválida: informe de 0,01% a 5,00%."
SETTING_SIMPLES_RATE = "Alíquota aproximada do Simples Nacional inválida."
SETTING_TIMEOUT = "Tempo de espera da Sefin inválido: informe de 1 a 600 segundos."
OFFICE_NOT_CONFIGURED = ("Informe o nome e o CNPJ do escritório em Configuração Básica antes "
                         "de gerar documentos fiscais.")
FISCAL_NOT_CONFIGURED = ("Informe o município do escritório em Dados fiscais antes de gerar "
                         "documentos fiscais.")

# -- Certificado ---------------------------------------------------------------------------
NO_CERTIFICATE = "Nenhum certificado A1 instalado: instale-o em Dados fiscais."
CERTIFICATE_LOCKED = ("Esta estação não tem a senha do certificado A1: informe-a em Dados "
                      "fiscais.")

# -- Gerar ---------------------------------------------------------------------------------
SERVICE_DESCRIPTION = "{description} — competência {competence}"
INVOICE_REMOVED = "A fatura {code} foi excluída: não se gera documento fiscal para ela."
INVOICE_PAYABLE = "A fatura {code} é de contas a pagar: o escritório não emite nota para ela."
INVOICE_NOT_SETTLED = ("A fatura {code} ainda não foi liquidada: a nota é gerada sobre o valor "
                       "recebido.")
BEFORE_FIRST_COMPETENCE = ("A fatura {code} é da competência {competence}, anterior à primeira "
                           "que exige nota fiscal ({first}).")
TAKER_NO_DOCUMENT = "O cliente {name} não tem CPF/CNPJ no cadastro: a nota exige o tomador."
TAKER_NO_CITY = ("O endereço do cliente {name} não tem o código IBGE do município: corrija o "
                 "cadastro.")
WOULD_ISSUE = "Será gerada a DPS nº {number} da série {series}, de {amount}."
WOULD_RESOLVE = "Há um envio sem resposta: a situação será consultada na Sefin antes."
ISSUED = "NFS-e nº {nfse} autorizada (DPS nº {number})."
FOUND_ISSUED = "A Sefin já tinha autorizado esta DPS: NFS-e nº {nfse} registrada."
REJECTED = "DPS nº {number} rejeitada pela Sefin:\n{codes}"
UNKNOWN = ("A Sefin não respondeu à DPS nº {number}. A situação será consultada antes de "
           "qualquer novo envio. {detail}")
NOT_SENT = "A DPS nº {number} não chegou à Sefin: {detail}"
NOT_RECEIVED = ("A Sefin não recebeu a DPS nº {number}: ela será enviada de novo com o mesmo "
                "número.")
STILL_UNKNOWN = ("A situação da DPS nº {number} ainda não pôde ser confirmada na Sefin: "
                 "{detail}")
INVOICE_CHANGED = "A fatura {code} foi alterada por outra estação; gere de novo."
RUN_CANCELLED = "Geração interrompida: {done} de {total} fatura(s) processada(s)."

# -- Documentos ----------------------------------------------------------------------------
DOCUMENT = "Documento fiscal"
ANNUL_AUTHORISED = "Nota autorizada não pode ser anulada: cancele-a."
ANNUL_NOT_ALLOWED = "O documento fiscal nº {number} está {status}: não pode ser anulado."
ANNUL_SENT = ("A DPS nº {number} foi enviada e aguarda a resposta da Sefin: consulte a situação "
              "antes de anular.")
CANCEL_NOT_AUTHORISED = "Só uma nota autorizada pode ser cancelada (esta está {status})."
CANCEL_REASON = ("Motivo de cancelamento inválido: 1 (erro na emissão), 2 (serviço não "
                 "prestado) ou 9 (outros).")
CANCEL_JUSTIFICATION = "A justificativa do cancelamento deve ter de 15 a 255 caracteres."
CANCELLED = "NFS-e nº {nfse} cancelada."
CANCEL_UNKNOWN = ("A Sefin não confirmou o cancelamento da NFS-e nº {nfse}: consulte a nota "
                  "antes de pedir de novo. {detail}")
SUBSTITUTE_NOT_AUTHORISED = "Só uma nota autorizada pode ser substituída (esta está {status})."
SUBSTITUTE_REASON = ("Motivo de substituição inválido: 01 a 05 ou 99 (com a descrição do "
                     "motivo).")
SUBSTITUTE_PENDING = "Já há uma substituição em andamento para esta nota."
NO_NOTE = "O documento fiscal nº {number} não tem NFS-e autorizada para imprimir."
NO_DPS = "A fatura {code} não tem DPS assinada."
OBSERVATION_TOO_LONG = "A observação {n} passa de {limit} caracteres."

# Enviar e-mail ao cliente: what the send dialog of a note starts with.
MAIL_SUBJECT = "Nota fiscal de serviço nº {nfse}"
MAIL_BODY = ("Prezado(a) cliente,\n\nSegue a NFS-e nº {nfse} referente aos nossos serviços "
             "(DANFSe em PDF e o XML da nota).\n\nAtenciosamente,")
