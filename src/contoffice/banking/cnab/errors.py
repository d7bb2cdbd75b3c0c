"""The error of a bad CNAB file, with the line it was found on and a pt-BR reason."""

from __future__ import annotations

# The sentences a clerk may read; kept here because this layer sits below the services
# catalogue and may import only `core`.
WRONG_WIDTH = "a linha tem {found} caracteres; o formato CNAB {width} exige {width}"
NOT_NUMERIC = "o campo {field} deveria ter só algarismos e tem '{value}'"
BAD_DATE = "o campo {field} não é uma data válida: '{value}'"
EMPTY_FILE = "o arquivo está vazio"
NOT_A_RETURN = "o arquivo não é um retorno de cobrança (o cabeçalho não diz 02RETORNO)"
IS_A_REMITTANCE = "o arquivo é uma remessa, não um retorno"
UNKNOWN_BANK = "banco {code} não é aceito nos arquivos de retorno"
UNKNOWN_FORMAT = "formato de arquivo não reconhecido (linhas de {width} caracteres)"
UNKNOWN_RECORD = "tipo de registro '{kind}' inesperado nesta posição"
NO_TRAILER = "o arquivo termina sem o registro final (trailer); está truncado?"
AFTER_TRAILER = "há linhas depois do registro final (trailer)"
BAD_SEQUENCE = "o número sequencial do registro é {found}; esperado {expected}"
TRAILER_COUNT = "o registro final diz {declared} títulos; o arquivo tem {found}"
TRAILER_AMOUNT = "o registro final soma {declared} centavos; os registros somam {found}"
TOO_LONG = "o campo {field} aceita {length} caracteres e recebeu {found}"
MISSING_FIELD = "o campo {field} é obrigatório"
NEGATIVE = "o campo {field} não pode ser negativo"
UNKNOWN_REMITTANCE_BANK = "banco {code} não tem layout de remessa CNAB {width}"
UNKNOWN_LAYOUT = "formato CNAB '{file_format}' desconhecido; os formatos são 240 e 400"
UNKNOWN_COMMAND = "o banco {code} não aceita o comando '{command}' na remessa CNAB {width}"
NOT_A_RETURN_240 = "o arquivo não é um retorno de cobrança (o cabeçalho não diz retorno)"
PAYMENTS_FILE = "o arquivo é de pagamentos (segmentos A/B), não de cobrança"
UNKNOWN_SEGMENT = "segmento '{segment}' inesperado nesta posição"
MISSING_SEGMENT = "falta o segmento {segment} do título da linha {line}"
OTHER_BANK = "a linha é do banco {found}; o arquivo é do banco {expected}"
OTHER_LOT = "a linha é do lote {found}; esperado o lote {expected}"
OUTSIDE_LOT = "registro de detalhe fora de um lote"
OPEN_LOT = "o lote {lot} não foi fechado (falta o registro 5)"
TRAILER_RECORDS = "o registro final diz {declared} registros; o arquivo tem {found}"
TRAILER_LOTS = "o registro final diz {declared} lotes; o arquivo tem {found}"
NO_RETURN_LAYOUT = "banco {code} não tem layout de retorno CNAB {width}"


# The fields a clerk may read about, by the name layouts give them.
_LABELS = {
    "nosso_numero": "nosso número", "nosso_numero_dv": "dígito do nosso número",
    "valor": "valor do título", "valor_titulo": "valor do título", "valor_pago": "valor pago",
    "juros": "juros", "multa": "multa", "desconto": "desconto", "abatimento": "abatimento",
    "tarifa": "tarifa", "iof": "IOF", "vencimento": "vencimento", "emissao": "emissão",
    "data_ocorrencia": "data da ocorrência", "data_credito": "data do crédito",
    "data_geracao": "data de geração", "ocorrencia": "código de ocorrência",
    "sequencial": "número sequencial", "agencia": "agência", "conta": "conta",
    "carteira": "carteira", "pagador_documento": "CPF/CNPJ do pagador",
    "empresa_documento": "CNPJ do beneficiário", "pagador_cep": "CEP do pagador",
    "numero_documento": "número do documento", "juros_dia": "juros ao dia",
    "convenio": "convênio", "codigo_empresa": "código do beneficiário",
}


def label(name: str) -> str:
    """A layout field's name as a clerk reads it ("valor_pago" → "valor pago")."""
    return _LABELS.get(name, name.replace("_", " "))


class CnabError(ValueError):
    """A CNAB file or record refused; `line_number` is 1-based (0 when it is not a line)."""

    def __init__(self, line_number: int, message: str) -> None:
        super().__init__(f"linha {line_number}: {message}" if line_number else message)
        self.line_number = line_number
        self.message = message
