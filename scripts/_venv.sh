# Shared by scripts/demo and scripts/test: a virtual environment in .venv with the pinned packages.
ensure_venv() {
  extras=$1
  python=${PYTHON:-python3}
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Mille Lieux needs Python 3.11 or newer as '$python' (set PYTHON to another interpreter)." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "== Creating the virtual environment in .venv"
    "$python" -m venv .venv
  fi
  echo "== Installing pinned packages (requirements.lock)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".$extras"
}

# The front-end packages of package-lock.json (typefaces, map libraries; with the test tools unless
# "--omit=dev" is given). Served from node_modules by Django's static files (settings STATICFILES_DIRS).
ensure_frontend() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Mille Lieux needs Node.js and npm to install its front-end packages (for example: sudo apt-get install nodejs npm)." >&2
    exit 1
  fi
  echo "== Installing the front-end packages (package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error "$@"
}

# Pango, which WeasyPrint needs to lay out the study as a PDF book. Installed with apt when run as root;
# otherwise a notice: the site runs without it, the book says which library is missing.
ensure_pdf_libraries() {
  if ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== Installing Pango for the PDF books (libpango-1.0-0 libpangoft2-1.0-0)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
  else
    echo "Note: Pango is missing; the PDF books need it (for example: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0)." >&2
    [ -z "${1:-}" ] || exit 1
  fi
}
