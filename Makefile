# Một Cửa — run, test and build. Every target installs what it needs.
SHELL := /bin/bash
export LANG := C.UTF-8
export CGO_ENABLED := 1

TAGS := sqlite_fts5
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS := $(BUILD_PKGS) xvfb xdotool poppler-utils imagemagick zbar-tools postgresql chromium sqlite3
SERVER_PKGS := postgresql
WINDOWS_PKGS := gcc-mingw-w64-x86-64
MSI_PKGS := $(WINDOWS_PKGS) wixl msitools osslsigncode

.PHONY: run build test windows msi bench clean deps-build deps-test deps-windows deps-msi run-server deps-server

# Fyne reads the language tag from LC_MESSAGES before LANG: one it can
# parse keeps its log quiet (the window is Vietnamese whatever the system
# language). LANG stays C.UTF-8, an installed locale, for the window title.
run: build
	LC_MESSAGES=vi_VN.UTF-8 ./motcua

# A local provincial server with its own PostgreSQL, for trying the sync.
run-server: deps-server
	scripts/run-server

build: deps-build
	go build -tags $(TAGS) -o motcua .

test: deps-test
	scripts/test

# Through scripts/test: the sync benchmark needs its PostgreSQL.
bench: deps-test
	scripts/test -run '^$$' -bench . -benchmem

# The exe carries its icon, version information (from FyneApp.toml) and
# manifest through a resource object made before the build.
windows: deps-windows
	go run ./packaging/windows resources rsrc_windows_amd64.syso
	GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		go build -tags $(TAGS) -ldflags "-H=windowsgui" -o motcua.exe .

# motcua-VERSION-x64.msi; signed when MOTCUA_SIGN_CERT and MOTCUA_SIGN_KEY
# name a code-signing certificate and its key (see scripts/sign).
msi: windows deps-msi
	scripts/msi

deps-build:
	@scripts/ensure-packages $(BUILD_PKGS)

deps-test:
	@scripts/ensure-packages $(TEST_PKGS)

deps-server:
	@scripts/ensure-packages $(SERVER_PKGS)

deps-windows:
	@scripts/ensure-packages $(BUILD_PKGS) $(WINDOWS_PKGS)

deps-msi:
	@scripts/ensure-packages $(MSI_PKGS)

clean:
	rm -rf motcua motcua.exe rsrc_windows_amd64.syso motcua-*-x64.msi build
