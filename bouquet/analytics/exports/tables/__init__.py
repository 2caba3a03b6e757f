"""The built-in export tables, one module per domain app; importing this package registers them all.

A new app's tables (projects, conversations) go in a module of their own here, imported below."""

from bouquet.analytics.exports.tables import bouquets, budgets, proposals  # noqa: F401
