"""Background work of the conversations app: the opinion map, recomputed as votes arrive.

Tasks call services; services never import tasks. Work is handed over by ``bouquet.conversations.flows``."""

from django.core.cache import cache
from django.tasks import task

from bouquet.conversations.services.maps import refresh_map

PENDING_KEY = "conversations:map-pending:{id}"
LAST_RUN_KEY = "conversations:map-last-run:{id}"


@task
def recompute_map(conversation_id: int) -> None:
    """Compute and store a conversation's map from every vote stored now."""
    import time

    cache.delete(PENDING_KEY.format(id=conversation_id))
    cache.set(LAST_RUN_KEY.format(id=conversation_id), time.time(), timeout=3600)
    refresh_map(conversation_id=conversation_id)
