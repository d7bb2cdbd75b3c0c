"""Word lists of the demo office: Brazilian names, streets, bairros, cities with IBGE codes."""

from __future__ import annotations

FIRST_NAMES = (
    "Ana Maria José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel "
    "Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Manoel Mateus André Fernando "
    "Fábio Leonardo Gustavo Guilherme Leandro Tiago Anderson Ricardo Márcio Jorge Sebastião "
    "Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Jéssica Letícia Júlia "
    "Luciana Vanessa Mariana Gabriela Vera Vitória Larissa Cláudia Beatriz Rita Luana Sônia "
    "Renata Eliane Conceição Adriana Cristiane Simone Raquel Débora Tânia Helena Lúcia Rosa"
).split()
SURNAMES = (
    "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro "
    "Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento "
    "Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana "
    "Teixeira Araújo Pinto Monteiro Moura Cavalcanti Correia Batista Campos Azevedo Brandão "
    "Castro Duarte Falcão Guimarães Leite Macedo Medeiros Nogueira Queiroz Rezende Sampaio "
    "Tavares Vasconcelos Xavier Aguiar Bezerra Coelho Farias Jesus Melo Morais Prado Reis Sales"
).split()
BUSINESSES = (
    "Padaria", "Mercearia", "Auto Peças", "Comércio de Roupas", "Construtora", "Farmácia",
    "Restaurante", "Transportes", "Informática", "Materiais de Construção", "Clínica Médica",
    "Odontologia", "Academia", "Pet Shop", "Distribuidora", "Papelaria", "Ótica", "Oficina",
    "Imobiliária", "Escola", "Consultoria", "Salão de Beleza", "Marcenaria", "Lanchonete",
    "Açougue", "Hortifruti", "Gráfica", "Agropecuária", "Serralheria", "Engenharia",
)
COMPANY_SUFFIXES = ("Ltda", "Ltda", "Ltda", "ME", "EPP", "S/A", "EIRELI")
STREET_KINDS = ("Rua", "Rua", "Rua", "Avenida", "Travessa", "Alameda", "Praça", "Rodovia")
STREET_NAMES = (
    "das Flores", "XV de Novembro", "Sete de Setembro", "Tiradentes", "Dom Pedro II",
    "Getúlio Vargas", "Rui Barbosa", "Santos Dumont", "Marechal Deodoro", "Floriano Peixoto",
    "Barão do Rio Branco", "José Bonifácio", "da Independência", "São João", "das Palmeiras",
    "dos Andradas", "Duque de Caxias", "Castro Alves", "Machado de Assis", "Princesa Isabel",
    "Presidente Vargas", "Brasil", "Paulista", "Amazonas", "Bahia", "Paraná", "Goiás",
    "Santa Catarina", "Minas Gerais", "Pernambuco", "dos Bandeirantes", "do Comércio",
    "Coronel Fernandes", "Padre Anchieta", "Cândido Portinari", "Anita Garibaldi",
)
DISTRICTS = (
    "Centro", "Centro", "Jardim América", "Vila Nova", "Boa Vista", "São José", "Santa Cruz",
    "Jardim Europa", "Vila Mariana", "Bela Vista", "Liberdade", "Cidade Nova", "Industrial",
    "Santo Antônio", "Jardim das Flores", "Alto da Glória", "Aparecida", "Planalto",
    "Parque São Jorge", "Vila Operária", "Nossa Senhora das Graças", "Ipiranga", "Consolação",
)
# (city, UF, IBGE municipality code, first digits of its CEP range)
CITIES = (
    ("São Paulo", "SP", "3550308", "01"), ("Rio de Janeiro", "RJ", "3304557", "20"),
    ("Belo Horizonte", "MG", "3106200", "30"), ("Curitiba", "PR", "4106902", "80"),
    ("Porto Alegre", "RS", "4314902", "90"), ("Salvador", "BA", "2927408", "40"),
    ("Recife", "PE", "2611606", "50"), ("Fortaleza", "CE", "2304400", "60"),
    ("Brasília", "DF", "5300108", "70"), ("Goiânia", "GO", "5208707", "74"),
    ("Campinas", "SP", "3509502", "13"), ("Manaus", "AM", "1302603", "69"),
    ("Belém", "PA", "1501402", "66"), ("Florianópolis", "SC", "4205407", "88"),
    ("Vitória", "ES", "3205309", "29"), ("Natal", "RN", "2408102", "59"),
    ("João Pessoa", "PB", "2507507", "58"), ("Maceió", "AL", "2704302", "57"),
    ("Aracaju", "SE", "2800308", "49"), ("Teresina", "PI", "2211001", "64"),
    ("São Luís", "MA", "2111300", "65"), ("Cuiabá", "MT", "5103403", "78"),
    ("Campo Grande", "MS", "5002704", "79"), ("Londrina", "PR", "4113700", "86"),
    ("Ribeirão Preto", "SP", "3543402", "14"), ("Santos", "SP", "3548500", "11"),
    ("Sorocaba", "SP", "3552205", "18"), ("Joinville", "SC", "4209102", "89"),
    ("Uberlândia", "MG", "3170206", "38"), ("Juiz de Fora", "MG", "3136702", "36"),
    ("Niterói", "RJ", "3303302", "24"), ("Caxias do Sul", "RS", "4305108", "95"),
    ("Maringá", "PR", "4115200", "87"), ("São José dos Campos", "SP", "3549904", "12"),
    ("Guarulhos", "SP", "3518800", "07"), ("Osasco", "SP", "3534401", "06"),
    ("Santo André", "SP", "3547809", "09"), ("Blumenau", "SC", "4202404", "89"),
    ("Pelotas", "RS", "4314407", "96"), ("Feira de Santana", "BA", "2910800", "44"),
)
# Area codes (DDD) by UF, for phones that match the address.
DDD = {
    "SP": "11", "RJ": "21", "MG": "31", "PR": "41", "RS": "51", "BA": "71", "PE": "81",
    "CE": "85", "DF": "61", "GO": "62", "AM": "92", "PA": "91", "SC": "48", "ES": "27",
    "RN": "84", "PB": "83", "AL": "82", "SE": "79", "PI": "86", "MA": "98", "MT": "65",
    "MS": "67",
}
EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br",
                 "terra.com.br", "bol.com.br")
PLANS = (
    ("Honorários MEI", 15_000), ("Simples Nacional — Básico", 45_000),
    ("Simples Nacional — Completo", 89_000), ("Lucro Presumido", 180_000),
    ("Lucro Real", 350_000), ("Pessoa Física — IRPF e Carnê-Leão", 25_000),
    ("Departamento Pessoal (até 10 func.)", 60_000), ("Condomínio", 70_000),
)
ONE_OFF_SERVICES = (
    ("Declaração de IRPF", 35_000), ("Alteração contratual", 80_000),
    ("Certidão negativa", 8_000), ("Abertura de empresa", 120_000),
    ("Rescisão trabalhista", 15_000), ("Parcelamento de débitos", 25_000),
)
