"""Settings shared by every environment. Safe by default: DEBUG is off and secrets come from the environment."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_database, env_list, env_path, env_str, make_folder

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent

# Everything the instance writes (SQLite database, media, collected static files) lives in one folder the
# user can move: MILLELIEUX_DATA_DIR (a relative path is taken from the current directory), by default `var`
# in the project's checkout, whatever the current directory. Installed outside a checkout (no pyproject.toml
# beside the package), there is no such default and the variable is required.
DATA_DIR = env_path(
    "MILLELIEUX_DATA_DIR",
    BASE_DIR / "var" if (BASE_DIR / "pyproject.toml").is_file() else None,
    missing="Mille Lieux is installed outside its source checkout, so it has no default data folder",
)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "millelieux.core",
    "millelieux.territories",
    "millelieux.sources",
    "millelieux.census",
    "millelieux.explorations",
    "millelieux.places",
    "millelieux.impacts",
    "millelieux.articles",
    "millelieux.demo",
    "millelieux.api",
    "millelieux.export",
    "millelieux.books",
    "millelieux.editions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "millelieux.urls"
WSGI_APPLICATION = "millelieux.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the data folder unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{DATA_DIR / 'millelieux.sqlite3'}")}
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    and DATABASES["default"]["NAME"] != ":memory:"
):
    # SQLite cannot create the folder its file lives in.
    make_folder(Path(DATABASES["default"]["NAME"]).parent)
    # WAL lets readers go on while the demo loader or an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first; the interface is translated into English under /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# Front-end packages come from the npm registry (package.json, package-lock.json; `npm ci` in scripts/demo):
# each is served under static/vendor/ straight from node_modules, nothing is copied into the repository.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/source-serif-4", NODE_MODULES / "@fontsource/source-serif-4/files"),
    ("vendor/source-sans-3", NODE_MODULES / "@fontsource/source-sans-3/files"),
    ("vendor/leaflet", NODE_MODULES / "leaflet/dist"),
    ("vendor/supercluster", NODE_MODULES / "supercluster/dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded images and their renditions are served by the application itself (millelieux.core.serving),
# with or without DEBUG. Turn it off when a proxy in front serves MEDIA_ROOT at /media/ (docs/deployment.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# What a publication sets off (books.tasks: the live book brought up to date) goes through Django's task framework,
# the django_tasks backport Wagtail itself uses. This backend runs a task at once, in the process that asks: a
# deployment with a worker names its own backend here.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Mille Lieux"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]
# Images: the project's own model (alt text, credit and licence required, shown under every picture) and
# what an upload may be. No SVG (it can carry scripts, and Wagtail cannot make renditions of it) and no GIF
# (animations become a still frame in the renditions; a photograph or a drawing is a JPEG, PNG or WebP).
# AVIF is read and written by Pillow's own wheels (Pillow >= 11.3), with no extra package.
WAGTAILIMAGES_IMAGE_MODEL = "core.Picture"
WAGTAILIMAGES_IMAGE_FORM_BASE = "millelieux.core.forms.PictureForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # 10 Mo
# 40 million pixels (8000 × 5000): more than any camera an editor would use, far less than what a small
# compressed file can claim (a "decompression bomb" whose renditions would exhaust the server's memory).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Pages may be translated with Wagtail's localisation (millelieux/core/i18n.py explains how they are read).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
