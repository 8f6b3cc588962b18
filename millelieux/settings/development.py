"""Development and demo: DEBUG on, a throw-away secret key, SQLite in the data folder."""

from .base import *  # noqa: F401,F403
from .env import env_bool, env_str, make_folder

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY") or "development-only-secret-key-not-for-production"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files come from the apps through the finders; the folder only has to exist for WhiteNoise.
WHITENOISE_USE_FINDERS = True
make_folder(STATIC_ROOT)  # noqa: F405
