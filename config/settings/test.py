"""Settings for the test suite: fast hashing, mails kept in memory, a file database so threads share it."""

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ACCOUNT_RATE_LIMITS = False  # type: ignore[assignment]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Words only, deterministic and instant: the few tests about meaning ask for the real encoder themselves.
BOUQUET_ENCODER = "hashing"
BOUQUET_DUPLICATE_JUDGE = "none"
# The robots' minimum fill time is off: client tests post forms they never displayed, and the browser tests fill
# them in well under a second. tests/www/test_human_check.py sets it to check the refusal.
BOUQUET_MIN_FILL_SECONDS = 0.0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: concurrency tests open one connection per thread and must see the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
