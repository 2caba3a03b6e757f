"""The authority's pages (« Gestion », under ``/gestion/``): an adapter beside ``www``, ``api`` and ``demo``.

Agents and administrators run their processes, phases, districts, themes and identity here without Django's
admin. Each topic is a folder (``processes/``, ``places/``...) with its views, forms and urls; every page extends
``backoffice/base.html`` and appears in the shared menu through ``navigation.NAVIGATION``."""
