"""Settings shared by every environment; everything that differs between deployments comes from the environment."""

import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any

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
    "allauth.socialaccount",
    "bouquet.www.accounts.oidc",  # allauth's OpenID Connect provider with a nonce and a signed userinfo
    "django_htmx",
    "django_tasks_db",
    "bouquet.core",
    "bouquet.accounts",
    "bouquet.notifications",
    "bouquet.places",
    "bouquet.processes",
    "bouquet.roles",
    "bouquet.proposals",
    "bouquet.bouquets",
    "bouquet.budgets",
    "bouquet.incubator",
    "bouquet.outreach",
    "bouquet.conversations",
    "bouquet.privacy",
    "bouquet.analytics",
    "bouquet.projects",
    "bouquet.www",
    "bouquet.backoffice",
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
    # Proving one's residence against the list of inhabitants: a few tries, so that nobody probes the list.
    "identity": "10/h/account,200/h/address",
}
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "bouquet.www.accounts.forms.SignupForm"}


# Sign-in through the State's identity providers (OpenID Connect): FranceConnect for inhabitants, ProConnect for
# public agents. Each one is offered only when its three variables are set: <NAME>_CLIENT_ID, <NAME>_SECRET and
# <NAME>_SERVER_URL (the issuer, or its /.well-known/openid-configuration address); <NAME>_SCOPE (separated by
# spaces) replaces the attributes asked. The identity they confirm verifies the person
# (bouquet.www.accounts.identity_providers); nothing else of it is kept.
IDP_VARIABLES = ("CLIENT_ID", "SECRET", "SERVER_URL")


def identity_provider(
    prefix: str, name: str, *, scope: str, auth_params: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """allauth's description of one OpenID Connect provider read from the environment (none when unset)."""
    client_id, secret, server_url = (os.environ.get(f"{prefix}_{key}", "").strip() for key in IDP_VARIABLES)
    if not (client_id and secret and server_url):
        return []
    return [
        {
            "provider_id": prefix.lower(),
            "name": name,
            "client_id": client_id,
            "secret": secret,
            "settings": {
                "server_url": server_url,
                "scope": os.environ.get(f"{prefix}_SCOPE", scope).split(),
                "auth_params": auth_params or {},
                "oauth_pkce_enabled": True,
                # The State's providers confirm the address they give; a second confirmation would add nothing.
                "verified_email": True,
            },
        }
    ]


IDENTITY_PROVIDERS = [
    *identity_provider(
        "FRANCECONNECT",
        "FranceConnect",
        scope="openid given_name family_name birthdate email",
        auth_params={"acr_values": "eidas1"},
    ),
    *identity_provider("PROCONNECT", "ProConnect", scope="openid given_name usual_name email"),
]
IDENTITY_PROVIDER_URLS: list[str] = [app["settings"]["server_url"] for app in IDENTITY_PROVIDERS]
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": IDENTITY_PROVIDERS}}
SOCIALACCOUNT_ADAPTER = "bouquet.www.accounts.identity_providers.IdentityProviderAdapter"
SOCIALACCOUNT_STORE_TOKENS = False
# An address already used by a local account is never linked silently: the person signs in there first.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False

# Against robots: forms carry a field people never see (filled: refused) and the signed time they were shown
# (sent back sooner than this many seconds: refused, what was typed is kept). bouquet.www.human_check.HumanCheck.
BOUQUET_MIN_FILL_SECONDS = float(os.environ.get("BOUQUET_MIN_FILL_SECONDS", "3"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")
    }
}

# What the authority shows of itself: its name, logo and colours. Colours must keep a 4.5:1 contrast with white.
# Sentences name it with its article (« la Ville de … » invites you, the data « de la Ville de … »): set them when
# the name is not a feminine noun (« le Département de … », « du Département de … »); empty, they are built from
# the name (« la » + name). Only bouquet.core.french.authority_names reads them.
BOUQUET_AUTHORITY = {
    "name": os.environ.get("BOUQUET_AUTHORITY_NAME", "Ville de Val-de-Loirette"),
    "the": os.environ.get("BOUQUET_AUTHORITY_THE", ""),
    "of_the": os.environ.get("BOUQUET_AUTHORITY_OF_THE", ""),
    "short_name": os.environ.get("BOUQUET_AUTHORITY_SHORT_NAME", "Val-de-Loirette"),
    "logo_url": os.environ.get("BOUQUET_AUTHORITY_LOGO_URL", ""),
    "primary_color": os.environ.get("BOUQUET_PRIMARY_COLOR", "#1f5f8b"),
    "accent_color": os.environ.get("BOUQUET_ACCENT_COLOR", "#8a3b12"),
    "map_tiles_url": os.environ.get("BOUQUET_MAP_TILES_URL", ""),
    "map_attribution": os.environ.get("BOUQUET_MAP_ATTRIBUTION", ""),
}
# E-mails say who sends them by the authority's name, not by the server's address (allauth's default).
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{BOUQUET_AUTHORITY['short_name']}] "

# The authority's own address search server (addok, as the national address base uses it), asked by the server
# only; empty: address searches look in the districts, streets and places of the authority's own maps.
BOUQUET_GEOCODER_URL = os.environ.get("BOUQUET_GEOCODER_URL", "")


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
    # Signing in with FranceConnect or ProConnect posts a form here that redirects to the provider: browsers
    # check that redirect against form-action too.
    "form-action": [CSP.SELF, *(o for url in IDENTITY_PROVIDER_URLS for o in _origin(url))],
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
# Who decides that two proposals say the same (registry.JudgeChoice): "e5", the packaged multilingual e5-small,
# which reads paraphrases best (decision 0030), or "none": the encoder above decides (the test suite).
BOUQUET_DUPLICATE_JUDGE = os.environ.get("BOUQUET_DUPLICATE_JUDGE", "e5")

# How long what is no longer needed is kept, in days (privacy.services.purge_expired_data, run daily by
# `manage.py purge_expired_data`; the privacy page shows these durations).
BOUQUET_RETENTION_DAYS = {
    "unconfirmed_accounts": int(os.environ.get("BOUQUET_RETENTION_UNCONFIRMED_ACCOUNTS", "30")),
    "unused_api_tokens": int(os.environ.get("BOUQUET_RETENTION_UNUSED_API_TOKENS", "365")),
    "finished_tasks": int(os.environ.get("BOUQUET_RETENTION_FINISHED_TASKS", "30")),
    # The keyed hashes of the authority's list of inhabitants, counted from the day it was sent.
    "census": int(os.environ.get("BOUQUET_RETENTION_CENSUS", "400")),
    # The keyed identity of who voted on paper or after a verification, counted from the end of the vote.
    "vote_identities": int(os.environ.get("BOUQUET_RETENTION_VOTE_IDENTITIES", "60")),
    # The contact (e-mail or phone) of someone who spoke without an account, counted from their latest consent.
    "contributor_contacts": int(os.environ.get("BOUQUET_RETENTION_CONTRIBUTOR_CONTACTS", "365")),
    # The name on a beneficiary's place recorded without an account and never claimed, counted from its record.
    "unclaimed_beneficiary_places": int(
        os.environ.get("BOUQUET_RETENTION_UNCLAIMED_BENEFICIARY_PLACES", "180")
    ),
}
# The key of the keyed hashes (HMAC-SHA256) under which verified identities, the list of inhabitants and paper
# voters are stored (bouquet.accounts.verification). Set it in production, apart from SECRET_KEY: rotating
# SECRET_KEY then leaves identities and the list valid. Empty: derived from SECRET_KEY (development, tests).
BOUQUET_IDENTITY_KEY = os.environ.get("BOUQUET_IDENTITY_KEY", "")
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

# The public address of the site, for the links in e-mails sent by background tasks (no request to read it from).
BOUQUET_SITE_URL = os.environ.get("BOUQUET_SITE_URL", "http://localhost:8000")
