"""Settings shared by every environment; everything that differs between deployments comes from the environment."""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("BOUQUET_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-change-me-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_tasks_db",
    "bouquet.core",
    "bouquet.accounts",
    "bouquet.places",
    "bouquet.processes",
    "bouquet.proposals",
    "bouquet.bouquets",
    "bouquet.budgets",
    "bouquet.privacy",
    "bouquet.www",
    "bouquet.api",
    "bouquet.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "bouquet.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "bouquet.www.errors.DomainErrorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "bouquet" / "www" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "bouquet.www.context_processors.authority",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'bouquet.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so concurrent writers queue instead of
    # failing with "database is locked" when a read transaction tries to upgrade; a writer waits up to
    # `timeout` seconds for the lock (the busy timeout) rather than failing at once. In WAL mode readers never
    # wait for a writer, nor a writer for readers; long writes (a pabulib import) are cut into short
    # transactions (budgets.services.imports.run_import). synchronous=NORMAL is safe with WAL.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "bouquet" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)


def _package_static(package: str) -> Path:
    """The static folder shipped inside an installed package, found without importing it (django-leaflet
    imports GeoDjango, which needs GDAL; we only want its copy of Leaflet)."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"Package {package} is missing: run make install.")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


# Leaflet for the maps; Swagger UI for the API documentation (bouquet.api.v1.docs), under ninja/.
STATICFILES_DIRS = [_package_static("leaflet"), _package_static("ninja")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

MAILERS: dict[str, dict[str, object]] = {
    "default": {"BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "participation@example.org")

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# django-allauth: e-mail as the only identifier, a password or a one-time code sent by e-mail.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# Sign-in limits count the account (key) tightly and the address loosely: a workshop of forty people behind one
# town-hall connection signs in and up at once without blocking itself.
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",
    "login_failed": "60/m/ip,5/5m/key",
    "signup": "60/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "60/m/ip,5/m/key",
    "change_password": "5/m/user",
}
# The same for what people post (bouquet.core.limits): per account, then per address.
BOUQUET_LIMITS = {
    "proposal": "10/h/account,300/h/address",
    "comment": "30/10m/account,600/h/address",
    "support": "120/10m/account,2000/h/address",
    "report": "20/h/account,300/h/address",
    "vote": "30/10m/account,1000/h/address",
}
ACCOUNT_SESSION_REMEMBER = None

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
    }
}

# What the authority shows of itself: its name, logo and colours. Colours must keep a 4.5:1 contrast with white.
BOUQUET_AUTHORITY = {
    "name": os.environ.get("BOUQUET_AUTHORITY_NAME", "Ville de Val-de-Loirette"),
    "short_name": os.environ.get("BOUQUET_AUTHORITY_SHORT_NAME", "Val-de-Loirette"),
    "logo_url": os.environ.get("BOUQUET_AUTHORITY_LOGO_URL", ""),
    "primary_color": os.environ.get("BOUQUET_PRIMARY_COLOR", "#1f5f8b"),
    "accent_color": os.environ.get("BOUQUET_ACCENT_COLOR", "#8a3b12"),
    "map_tiles_url": os.environ.get("BOUQUET_MAP_TILES_URL", ""),
    "map_attribution": os.environ.get("BOUQUET_MAP_ATTRIBUTION", ""),
}


# What browsers may load and run: this site's own files only (nothing is fetched from elsewhere); scripts and
# styles from its static files or carrying the request's nonce (the authority's colours); no eval, no framing.
# The authority's own tile server, when configured, is the only other origin, for map images.
def _origin(url: str) -> list[str]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme in {"http", "https"} and parts.netloc else []


SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *_origin(BOUQUET_AUTHORITY["map_tiles_url"])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Powerful browser features the site never uses are switched off; geolocation stays for the map picker.
BOUQUET_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "same-origin"

# The sentence encoder of the bouquets engine (bouquet.bouquets.registry.EncoderChoice): "use", the packaged
# multilingual USE, or "hashing", words only, deterministic and instant (the test suite).
BOUQUET_ENCODER = os.environ.get("BOUQUET_ENCODER", "use")

# How long what is no longer needed is kept, in days (privacy.services.purge_expired_data, run daily by
# `manage.py purge_expired_data`; the privacy page shows these durations).
BOUQUET_RETENTION_DAYS = {
    "unconfirmed_accounts": int(os.environ.get("BOUQUET_RETENTION_UNCONFIRMED_ACCOUNTS", "30")),
    "unused_api_tokens": int(os.environ.get("BOUQUET_RETENTION_UNUSED_API_TOKENS", "365")),
    "finished_tasks": int(os.environ.get("BOUQUET_RETENTION_FINISHED_TASKS", "30")),
}
# Who answers questions about personal data (the authority's data protection officer).
BOUQUET_PRIVACY_CONTACT = os.environ.get("BOUQUET_PRIVACY_CONTACT", "dpo@example.org")

# Moderation: how many reports from distinct accounts hide an item until a moderator decides.
BOUQUET_REPORTS_TO_HIDE = 3

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.tasks": {"level": "WARNING"}, "django_tasks_db": {"level": "WARNING"}},
}
