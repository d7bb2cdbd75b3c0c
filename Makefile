# contoffice: `make run` opens the window on the demo office; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_PEOPLE ?= 500
# System packages: Qt offscreen libraries and fonts, PostgreSQL server, PDF/barcode tools.
APT_PACKAGES := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
	libxkbcommon0 fonts-dejavu-core postgresql binutils poppler-utils zbar-tools \
	desktop-file-utils libreoffice-calc-nogui xmlsec1 appstream

# What a real window needs on a desktop (Qt's xcb platform plugin): a bare Debian lacks these.
WINDOW_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 \
	libx11-xcb1 libxcb1 libxcb-randr0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0

.PHONY: run test system-packages window-packages venv lint screenshots bench clean installer

run: window-packages venv
	$(VENV)/bin/contoffice db upgrade
	$(VENV)/bin/contoffice demo --people $(DEMO_PEOPLE) --if-empty
	$(VENV)/bin/contoffice gui

test: system-packages window-packages venv
	QT_QPA_PLATFORM=offscreen CONTOFFICE_REQUIRE_PG=1 scripts/pgcluster run \
		$(PY) -m pytest -q -p no:cacheprovider

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev,installer]'
	touch $(STAMP)

# Installs only what is missing, so a prepared machine pays nothing (needs root or sudo).
define apt_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "$(2): $$missing"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		export DEBIAN_FRONTEND=noninteractive; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-packages:
	$(call apt_missing,$(APT_PACKAGES),Installing system packages)

window-packages:
	$(call apt_missing,$(WINDOW_PACKAGES),Installing what the window needs)

lint: venv
	$(VENV)/bin/ruff check src tests bench scripts/build_installer

# Offscreen Qt still needs its libraries and the fonts (system-packages), like `make test`.
screenshots: system-packages venv
	QT_QPA_PLATFORM=offscreen $(PY) -m contoffice.ui.screenshots build/screenshots

bench: venv
	$(PY) bench/finder.py

# The frozen app (PyInstaller onedir) and its .tar.gz in build/installer (installer/README.md).
installer: venv
	$(PY) scripts/build_installer

clean:
	rm -rf $(VENV) build dist .pytest_cache
