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
