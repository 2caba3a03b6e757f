"""Who may read what analytics gives."""

from bouquet.accounts.rules import is_agent
from bouquet.processes.models import Process


def is_open_data(process: Process) -> bool:
    """Whether a process's data is published as open data: only once the process itself is public."""
    return process.is_published


def may_export(user: object) -> bool:
    """Officers' files and dashboards are for the authority's agents (and administrators)."""
    return bool(is_agent(user))
