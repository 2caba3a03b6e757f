"""Settings for a real deployment: secrets and hosts must come from the environment.

`manage.py check --deploy --fail-level WARNING` passes with only the documented variables set (SECRET_KEY,
ALLOWED_HOSTS, DATABASE_URL, and EMAIL_HOST for the SMTP server), and with the optional sign-in through the
State's identity providers (FRANCECONNECT_CLIENT_ID, FRANCECONNECT_SECRET, FRANCECONNECT_SERVER_URL, and the same
three for PROCONNECT_; see config.settings.base and the README): tested in tests/test_deploy.py."""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# E-mails leave through the authority's SMTP server (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS), or through another backend named by EMAIL_BACKEND.
_SMTP: dict[str, object] = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": int(os.environ.get("EMAIL_PORT", "25")),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS", False),
}
_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": _SMTP if _EMAIL_BACKEND.endswith("smtp.EmailBackend") else {},
    }
}
# A provider's API through django-anymail (EMAIL_BACKEND=anymail.backends.brevo.EmailBackend, …): its settings
# come from the variables named ANYMAIL_<SETTING> (ANYMAIL_BREVO_API_KEY=… becomes ANYMAIL["BREVO_API_KEY"]).
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value for key, value in os.environ.items() if key.startswith("ANYMAIL_")
}
# Links in e-mails sent by background tasks: the site's public address (default: https:// and the first host).
BOUQUET_SITE_URL = os.environ.get("BOUQUET_SITE_URL", f"https://{ALLOWED_HOSTS[0]}")  # noqa: F405

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# HTTPS only: the reverse proxy says which scheme the visitor used; plain HTTP is redirected, and browsers are
# told to come back over HTTPS for a year (SECURE_HSTS_SECONDS=0 switches that off while testing a new domain).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading binds the authority's whole registrable domain (ville.fr, not participer.ville.fr): its own IT
# decides it, with SECURE_HSTS_PRELOAD=1; until then the check that asks for it is silenced on purpose.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
