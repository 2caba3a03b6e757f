"""Open-data exports: tables of rows per process, each documented by a Table Schema (frictionless).

The registry (``registry.py``) holds the tables; ``tables/`` holds one module per domain app that registers its
tables (``tables/proposals.py``, ``tables/bouquets.py``, ``tables/budgets.py``). To publish a new app's data
(projects, conversations), add ``tables/<app>.py`` that reads through that app's selectors and calls
``register(ExportTable(...))``, and import it in ``tables/__init__.py``: the open-data page, the stable URLs, the
officers' files, the API and the schema tests pick it up. ``formats.py`` writes a table as CSV, XLSX or JSON."""
