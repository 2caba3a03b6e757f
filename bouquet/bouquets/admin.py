"""Admin: means given to bouquets are read-only evidence here; agents give them through the pages."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from bouquet.bouquets.models import Allocation


@admin.register(Allocation)
class AllocationAdmin(admin.ModelAdmin):
    list_display = ["bouquet", "kind", "amount", "unit", "allocated_by", "created_at"]
    list_filter = ["kind"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
