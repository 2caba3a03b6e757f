"""Admin: processes and phases are read-only here; agents prepare, publish and close them in the back-office
(``/gestion/``), whose services check the calendar (docs/decisions/0005)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from bouquet.processes.models import Phase, Process


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PhaseInline(ReadOnlyMixin, admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(Process)
class ProcessAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("title", "district", "is_published", "closed_at", "created_at")
    list_filter = ("is_published", "district")
    inlines = [PhaseInline]
