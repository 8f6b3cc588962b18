"""The browser suite's fixtures (demo_server, chromium, desktop, phone) are in millelieux/conftest.py, shared with
the static export's browser test."""
