"""A process's pages exist only for the components it uses (``Process.components``, set in the back-office)."""

from django.http import Http404

from bouquet.processes.models import Component, Process


def require_component(process: Process, component: Component) -> None:
    """404 when the process does not use the component: its pages do not exist for that process."""
    if not process.uses(component):
        raise Http404
