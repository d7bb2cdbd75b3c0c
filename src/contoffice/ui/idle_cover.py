"""What covers a locked window: the prompt, the password, Desbloquear and Sair."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

PROMPT_WIDTH = 440
TITLE = "Janela bloqueada"
PROMPT = ("A janela foi bloqueada depois de {minutes} min sem uso. Digite a senha de {name} "
          "para continuar; nada do que estava aberto foi perdido.")
UNLOCK = "Desbloquear"
PASSWORD = "Senha"
QUIT = "Sair do contoffice"
EMPTY = "Digite a senha."


class LockCover(QWidget):
    """What covers the window: the prompt, the password, Desbloquear and Sair."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("idle_lock_cover")
        self.setAutoFillBackground(True)
        self.title = QLabel(TITLE, self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("idle_password_edit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(PASSWORD)
        self.error = QLabel(self)
        self.error.setObjectName("idle_error_label")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.unlock_button = QPushButton(UNLOCK, self)
        self.unlock_button.setObjectName("idle_unlock_button")
        self.quit_button = QPushButton(QUIT, self)
        self.quit_button.setObjectName("idle_quit_button")
        box = QWidget(self)
        box.setFixedWidth(PROMPT_WIDTH + 20)
        inner = QVBoxLayout(box)
        for widget in (self.title, self.prompt, self.password, self.error, self.unlock_button,
                       self.quit_button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
