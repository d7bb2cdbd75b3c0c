"""Configurações → Perfis de acesso: each role's tools, as a checkable tree grouped by panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.errors import ContofficeError
from contoffice.services.admin.operator_admin import RoleRow, list_roles
from contoffice.services.admin.operators import set_role_permissions
from contoffice.services.kernel.permissions import PERMISSIONS
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error

KEY_ROLE = Qt.ItemDataRole.UserRole


class PermissionTree(QTreeWidget):
    """Every permission key under its panel, with the seed's caption; panels are tristate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permission_tree")
        self.setHeaderLabels([texts.PERMISSION_COLUMN, texts.KEY_COLUMN])
        self.items: dict[str, QTreeWidgetItem] = {}
        panels: dict[str, QTreeWidgetItem] = {}
        for spec in PERMISSIONS:
            panel = panels.get(spec.panel)
            if panel is None:
                panel = QTreeWidgetItem(self, [spec.panel])
                panel.setFlags(
                    panel.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                )
                panels[spec.panel] = panel
            item = QTreeWidgetItem(panel, [spec.label, spec.key])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setData(0, KEY_ROLE, spec.key)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self.items[spec.key] = item
        self.expandAll()
        self.resizeColumnToContents(0)

    def set_keys(self, keys: frozenset[str]) -> None:
        """Tick exactly these keys."""
        for key, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)

    def keys(self) -> frozenset[str]:
        """The ticked keys."""
        return frozenset(
            key for key, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked
        )

    def set_checked(self, key: str, checked: bool) -> None:
        """Tick or untick one tool."""
        self.items[key].setCheckState(
            0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        )


class RolesPage(QWidget):
    """Pick a role, tick its tools, Salvar."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("roles_page")
        self.roles: dict[int, RoleRow] = {}
        self.role_list = QListWidget(self)
        self.role_list.setObjectName("role_list")
        self.tree = PermissionTree(self)
        self.hint = QLabel(texts.ADMIN_ROLE_HINT, self)
        self.hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        self.save_button = QPushButton(texts.SAVE_CHANGES, self)
        self.save_button.setObjectName("save_button")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.tree, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.role_list)
        splitter.addWidget(right)
        splitter.setSizes([200, 700])
        QVBoxLayout(self).addWidget(splitter)
        self.role_list.currentRowChanged.connect(self.load_selected)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the roles."""
        try:
            roles = list_roles(self.ctx.db.uow())
        except ContofficeError as error:
            show_error(self, error)
            return
        self.roles = {r.id: r for r in roles}
        self.role_list.blockSignals(True)
        self.role_list.clear()
        for role in roles:
            item = QListWidgetItem(role.name, self.role_list)
            item.setData(KEY_ROLE, role.id)
        self.role_list.blockSignals(False)
        ids = [r.id for r in roles]
        self.role_list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
        self.load_selected()

    def select_role(self, name: str) -> None:
        """Select a role by name."""
        for row in range(self.role_list.count()):
            if self.role_list.item(row).text() == name:
                self.role_list.setCurrentRow(row)

    def current_role(self) -> RoleRow | None:
        """The role shown."""
        item = self.role_list.currentItem()
        return self.roles.get(item.data(KEY_ROLE)) if item is not None else None

    def load_selected(self) -> None:
        """Tick the selected role's keys (an administrator's tree is read-only)."""
        role = self.current_role()
        if role is None:
            return
        self.tree.set_keys(frozenset(self.tree.items) if role.is_admin else role.keys)
        self.tree.setEnabled(not role.is_admin)
        self.save_button.setEnabled(not role.is_admin)
        self.hint.setVisible(role.is_admin)
        self.status.clear()

    def save(self) -> None:
        """Salvar the ticked keys of the role."""
        role = self.current_role()
        if role is None:
            return
        try:
            with self.ctx.db.uow() as uow:
                set_role_permissions(uow, self.ctx.actor, role.id, self.tree.keys())
        except ContofficeError as error:
            show_error(self, error)
            return
        self.refresh(role.id)
        self.status.setText(texts.SAVED)
