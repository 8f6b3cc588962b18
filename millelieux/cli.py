"""The `millelieux` command: Django's manage.py under the project's name.

`millelieux demo`, `millelieux serve`, `millelieux migrate`, `millelieux load_territories`… every management
command is reachable here. Development settings are the default; production sets
DJANGO_SETTINGS_MODULE=millelieux.settings.production.
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "millelieux.settings.development")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "millelieux"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
