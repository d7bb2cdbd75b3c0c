#!/bin/sh
# Installs the unpacked contoffice for the current user (no root): the program in
# ~/.local/opt/contoffice, the `contoffice` command in ~/.local/bin, the menu entry and icon.
# The data (database, settings) lives apart, in ~/.local/share/contoffice: kept across updates.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
opt="$HOME/.local/opt/contoffice"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$share/applications" \
    "$share/icons/hicolor/scalable/apps" "$share/metainfo"
if [ "$here" != "$opt" ]; then
    rm -rf "$opt.new" && cp -a "$here" "$opt.new" && rm -rf "$opt" && mv "$opt.new" "$opt"
fi
ln -sf "$opt/contoffice" "$HOME/.local/bin/contoffice"
cp "$opt/share/applications/contoffice.desktop" "$share/applications/"
cp "$opt/share/icons/hicolor/scalable/apps/contoffice.svg" "$share/icons/hicolor/scalable/apps/"
cp "$opt/share/metainfo/io.github.contoffice.metainfo.xml" "$share/metainfo/"
echo "contoffice instalado em $opt; abra pelo menu ou com o comando contoffice."
