"""The `millelieux` command: Django's manage.py under the project's name.

`millelieux demo`, `millelieux serve`, `millelieux migrate`, `millelieux load_territories`… every management
command is reachable here, spelled with dashes or underscores (`millelieux import-census`). Development
settings are the default; production sets DJANGO_SETTINGS_MODULE=millelieux.settings.production.

A bad setting (DEBUG=maybe, PORT=abc, a short SECRET_KEY in production, an unreadable DATABASE_URL, a data
folder that cannot be created) is reported in one line, `millelieux: <message>`, with exit status 1; add
--traceback to see where it came from.
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "millelieux.settings.development")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "millelieux"
    # Commands may be spelled with dashes (`millelieux import-census`): Django's names use underscores.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    try:
        # Load the settings now: Django's own command line would otherwise hide their error behind
        # "Unknown command" or a traceback.
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        if "--traceback" in argv:
            raise
        fail(error)
    except ModuleNotFoundError as error:
        module = os.environ["DJANGO_SETTINGS_MODULE"]
        if "--traceback" in argv or not error.name or not f"{module}.".startswith(f"{error.name}."):
            raise
        fail(f"DJANGO_SETTINGS_MODULE names a settings module that does not exist: {module!r}.")


def fail(message):
    print(f"millelieux: {message}", file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
