"""What the CEP look-up says to the clerk (pt-BR)."""

from __future__ import annotations

CEP_FIELD = "CEP"
CEP_NOT_FOUND = "CEP não encontrado."
CEP_UNAVAILABLE = ("Não foi possível consultar o CEP agora (sem conexão com o serviço); "
                   "preencha o endereço.")
CEP_CITY_UNKNOWN = ("O serviço de CEP informou um município que não está na lista do IBGE: "
                    "preencha o endereço e escolha a cidade na lista.")
