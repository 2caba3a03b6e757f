"""What the authority publishes and reads about participation: open-data exports and their Table Schemas, and
the figures of its dashboards. Read-only over the apps below it (it writes only its own export jobs)."""
