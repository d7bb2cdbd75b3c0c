"""What the Importar clientes window says (pt-BR)."""

from __future__ import annotations

TITLE = "Importar clientes"
ACTION = "Importar clientes…"
STEP_FILE = "1. Escolha a planilha (XLSX ou CSV) com os clientes do sistema anterior."
STEP_MAPPING = ("2. Confira que campo cada coluna da planilha preenche. Clientes: Nome / "
                "Razão social e CPF/CNPJ são obrigatórios; contratos: CPF/CNPJ do cliente, "
                "Plano e Valor do plano; faturas: CPF/CNPJ do cliente, Valor e Vencimento.")
STEP_PLAN = "3. Simulação: o que será criado e o que será recusado, linha a linha."
FILE = "Planilha:"
CHOOSE = "Escolher…"
OPEN_FILTER = "Planilhas (*.xlsx *.xlsm *.csv *.txt);;Todos os arquivos (*)"
NEXT = "Avançar"
BACK = "Voltar"
SIMULATE = "Simular"
IMPORT = "Importar"
CLOSE = "Fechar"
EXPORT = "Exportar planilha"
IGNORE = "(não importar)"
SKIP_REFUSED = "Importar só as linhas aceitas (deixar as recusadas de fora)"
MAPPING_HEADERS = ("Coluna da planilha", "Exemplo (1ª linha)", "Campo")
PLAN_HEADERS = ("Linha", "Nome", "CPF/CNPJ", "Situação")
WILL_CREATE = "Será criado"
SHOW_ALL = "Mostrar também as linhas que serão criadas"
READ = "Planilha {name}: {rows} linha(s) de dados, cabeçalho na linha {header}."
SUMMARY = "{rows} linha(s): {accepted} a criar, {refused} recusada(s)."
ALL_GOOD = "Nenhuma linha recusada: todas serão importadas."
CHOOSE_FILE = "Escolha a planilha."
DONE = ("{created} cadastro(s) importado(s) de {name} (códigos {first} a {last}); "
        "{refused} linha(s) recusada(s) deixada(s) de fora.")
DONE_CONTRACTS = ("{created} contrato(s) importado(s) de {name} (códigos {first} a {last}); "
                  "{refused} linha(s) recusada(s) deixada(s) de fora.")
DONE_INVOICES = ("{created} fatura(s) em aberto importada(s) de {name} (códigos {first} a "
                 "{last}); {refused} linha(s) recusada(s) deixada(s) de fora.")
NOTIFY = "{created} registro(s) importado(s)."
WHAT = "Importar:"
KIND_PEOPLE = "Clientes (cadastros)"
KIND_CONTRACTS = "Contratos de clientes já cadastrados (pelo CPF/CNPJ)"
KIND_INVOICES = "Faturas em aberto de clientes já cadastrados (pelo CPF/CNPJ)"
REFUSED_SHEET = "Importação de clientes — linhas recusadas"
