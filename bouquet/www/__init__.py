"""Adapter: the public and participant pages (views, forms, urls, templates), one folder per domain app."""
