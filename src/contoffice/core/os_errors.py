"""Operating-system errors said in pt-BR: the clerk never reads "No such file or directory".

`OSError.strerror` is the C library's English text. `describe` turns an error into one
pt-BR line naming the path; `reason` is the short pt-BR cause for a message that names
the path itself; `translate` replaces any English cause already inside a message.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

# The short cause of each errno a clerk can meet, lower case (it follows a colon).
_REASONS: dict[int, str] = {
    errno.ENOENT: "arquivo ou pasta não encontrado",
    errno.EACCES: "sem permissão de acesso",
    errno.EPERM: "operação não permitida",
    errno.EISDIR: "é uma pasta, não um arquivo",
    errno.ENOTDIR: "parte do caminho não é uma pasta",
    errno.ENOSPC: "disco cheio",
    errno.EROFS: "disco somente leitura",
    errno.EEXIST: "o arquivo já existe",
    errno.ENAMETOOLONG: "nome de arquivo longo demais",
    errno.ELOOP: "links simbólicos em ciclo",
    errno.EBUSY: "em uso por outro programa",
    errno.ETXTBSY: "em uso por outro programa",
    errno.EIO: "erro de leitura ou gravação no disco",
    errno.EMFILE: "arquivos abertos demais",
    errno.ENFILE: "arquivos abertos demais no sistema",
    errno.EINVAL: "nome ou argumento inválido",
    errno.EXDEV: "origem e destino em discos diferentes",
    errno.ENXIO: "dispositivo inexistente",
    errno.ENODEV: "dispositivo inexistente",
    errno.ENOTEMPTY: "a pasta não está vazia",
    errno.EFBIG: "arquivo grande demais",
    errno.ECONNREFUSED: "conexão recusada",
    errno.ETIMEDOUT: "tempo de espera esgotado",
    errno.ENOMEM: "memória insuficiente",
}
if hasattr(errno, "EDQUOT"):  # not on every platform
    _REASONS[errno.EDQUOT] = "cota de disco esgotada"

# The whole line, "{path}" being the file the clerk named.
_LINES: dict[int, str] = {
    errno.ENOENT: "Arquivo não encontrado: {path}.",
    errno.EISDIR: "{path} é uma pasta; informe o caminho de um arquivo.",
    errno.ENOTDIR: "Caminho inválido: parte de {path} não é uma pasta.",
    errno.ENOSPC: "Disco cheio: não foi possível gravar {path}.",
    errno.EROFS: "Disco ou pasta somente leitura: não foi possível gravar {path}.",
    errno.EEXIST: "Já existe um arquivo em {path}.",
    errno.ENAMETOOLONG: "Nome de arquivo longo demais: {path}.",
    errno.ELOOP: "Links simbólicos em ciclo no caminho {path}.",
    errno.EBUSY: "{path} está em uso por outro programa.",
    errno.ETXTBSY: "{path} está em uso por outro programa.",
    errno.EIO: "Erro de leitura ou gravação no disco: {path}.",
    errno.EINVAL: "Nome de arquivo inválido: {path}.",
    errno.EFBIG: "Arquivo grande demais: {path}.",
}
if hasattr(errno, "EDQUOT"):
    _LINES[errno.EDQUOT] = "Cota de disco esgotada: não foi possível gravar {path}."

# core/files.py writes ".<name>.<8 hex>.part" beside the target: name the target instead.
_PART = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.part$")


def reason(error: OSError) -> str:
    """The short pt-BR cause of an OSError ("arquivo ou pasta não encontrado")."""
    code = error.errno
    if code in _REASONS:
        return _REASONS[code]
    name = errno.errorcode.get(code, str(code)) if code is not None else "?"
    return f"erro do sistema {name}"


def _shown_path(error: OSError) -> str:
    """The path the clerk named: a rename's target, a temporary .part as its final name."""
    raw = error.filename2 if error.filename2 is not None else error.filename
    if raw is None:
        return ""
    text = os.fsdecode(raw) if isinstance(raw, bytes | os.PathLike) else str(raw)
    path = Path(text)
    found = _PART.match(path.name)
    return str(path.with_name(found["name"])) if found else text


def _missing_folder(path: str) -> str | None:
    """The first folder of `path` that does not exist (None when its folder exists)."""
    parent = Path(path).parent
    if not str(parent) or parent.exists():
        return None
    missing = parent
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent
    return str(missing)


def describe(error: OSError) -> str:
    """One pt-BR line for an OSError, naming the file ("Arquivo não encontrado: /x/y.")."""
    path = _shown_path(error)
    code = error.errno
    if not path:
        return f"Não foi possível concluir a operação: {reason(error)}."
    if code == errno.ENOENT and (folder := _missing_folder(path)) is not None:
        return f"Pasta não encontrada: {folder}."
    if code in (errno.EACCES, errno.EPERM):
        # The error does not say which way it failed: a file that exists but cannot be
        # read was being read; anything else (a new file, a closed folder) was a write.
        if os.path.exists(path) and not os.path.isdir(path) and not os.access(path, os.R_OK):
            return f"Sem permissão para ler {path}."
        return f"Sem permissão para gravar em {path}."
    if code in _LINES:
        return _LINES[code].format(path=path)
    return f"Não foi possível acessar {path}: {reason(error)}."


def translate(text: str) -> str:
    """`text` with every English strerror it quotes replaced by the pt-BR cause."""
    for code in sorted(_REASONS, key=lambda c: -len(os.strerror(c))):
        english = os.strerror(code)
        if english in text:
            text = text.replace(english, _REASONS[code])
    return text
