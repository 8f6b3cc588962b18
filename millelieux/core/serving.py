"""Where the site is served: read once from HOST and PORT, for `serve` and for the demo's absolute links."""

import os

from django.core.management.base import CommandError

from millelieux.settings.env import env_int


def serving_address():
    """(host, port) from HOST (127.0.0.1) and PORT (8000); a port out of range is refused clearly."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = env_int("PORT", 8000)
    if not 0 < port < 65536:
        raise CommandError(f"PORT doit être compris entre 1 et 65535, pas {port}.")
    return host, port
