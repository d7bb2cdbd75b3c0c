"""Attachments: Anexar arquivos and Banco de Imagens."""
