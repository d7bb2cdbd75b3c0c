"""What the Cobrança bancária area says to a clerk (pt-BR); refusals come from the services."""

from __future__ import annotations

REMITTANCES_TAB = "Remessas"
RETURNS_TAB = "Retornos importados"

# Gerar remessa.
GENERATE_TITLE = "Gerar remessa"
PROFILE = "Profile de pagamento"
NO_ACTIVE_PROFILE = "Não há profile de pagamento ativo."
CHECKING = "Conferindo as faturas que aguardam remessa…"
WILL_HOLD = (
    "O arquivo {filename} (remessa {number}) terá {titles} título(s): {registered} entrada(s)"
    " e {written_off} pedido(s) de baixa, no valor de {total}."
)
SAVE_REMITTANCE_TITLE = "Salvar arquivo da remessa"
REMITTANCE_FILTER = "Arquivo de remessa (*.REM *.rem);;Todos os arquivos (*)"
GENERATED = "Remessa {number} gerada com {titles} título(s), no valor de {total}."
SAVED_AT = "Arquivo salvo em {path}."
NOT_SAVED = (
    "A remessa {number} foi gerada, mas o arquivo não pôde ser salvo em {path} ({reason})."
    " Use \"Salvar arquivo da remessa\" para salvá-lo em outro lugar."
)

# Marcar como transmitida / Desfazer remessa.
ASK_TRANSMITTED = (
    "Marcar {n} remessa(s) como transmitida(s) ao banco? Depois disso elas não podem mais"
    " ser desfeitas."
)
ASK_UNDO = (
    "Desfazer {n} remessa(s)? As faturas delas voltam a aguardar remessa e o arquivo"
    " não deve ser enviado ao banco."
)

# Importar retorno.
IMPORT_TITLE = "Importar retorno"
OPEN_RETURN_TITLE = "Escolher o arquivo de retorno"
RETURN_FILTER = (
    "Arquivos de retorno (*.ret *.RET *.crt *.CRT *.txt);;Todos os arquivos (*)"
)
CHOOSE_PROFILE = "Escolha o profile de pagamento deste retorno:"
IMPORTED = "Retorno {code} importado: {settled} fatura(s) liquidada(s), {value}."

# Relatório do retorno.
REPORT_TITLE = "Relatório do retorno"
PREVIEW_TITLE = "Prévia do retorno — nada foi importado ainda"
IMPORT = "Importar"
CANCEL = "Cancelar"
CLOSE = "Fechar"
EXPORT = "Exportar planilha"
EXPORT_TITLE = "Exportar relatório do retorno"
XLSX_FILTER = "Planilha Excel (*.xlsx)"
EXPORTED = "{n} linha(s) exportada(s) para {path}."
REPORT_FILE = "Arquivo: {filename} — Banco {bank} {bank_name} — {layout}"
REPORT_PROFILE = "Profile de pagamento: {profile}"
REPORT_GENERATED_ON = "Gerado pelo banco em {date}"
REPORT_CODE = "Retorno {code}"
RECORDS = "Registros"
SETTLED_VALUE = "Liquidado"
FEES = "Tarifas"
PROBLEMS = "A conferir"
DECLARED = "Totais declarados pelo banco"
DECLARED_TEXT = "{count} registro(s), {total}"
DECLARED_COUNT = "{count} registro(s)"
FEE_CHARGE = "Tarifas lançadas na conta a pagar {id}."
SPC_NOTICE = "Faturas no SPC liquidadas pelo banco (retire-as do SPC): {ids}."
LINES_SHOWN = "{n} registro(s) no arquivo."
