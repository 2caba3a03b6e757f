"""Flows that cross into background work: a vote is stored, then the map is asked for, never waited for.

The map of a conversation is recomputed at most once every ``BOUQUET_MAP_SECONDS`` (a throttle kept in the
cache, shared by every web process when the cache is Redis): the first vote after a quiet spell asks for it at
once; the votes that follow within the window ask for one more run at the window's end (with a worker that can
defer tasks), or are caught up by the next page that finds the map stale."""

import datetime as dt
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.tasks import default_task_backend

from bouquet.conversations.models import Conversation, Participant, Statement, Vote
from bouquet.conversations.services import cast_vote as store_vote
from bouquet.conversations.services import map_is_stale
from bouquet.conversations.tasks import LAST_RUN_KEY, PENDING_KEY, recompute_map


def map_seconds() -> float:
    """The least time between two computations of one conversation's map."""
    return float(getattr(settings, "BOUQUET_MAP_SECONDS", 3.0))


def ask_for_map(conversation_id: int) -> bool:
    """Ask the worker for a fresh map unless one is already asked for; say whether a task was queued."""
    seconds = map_seconds()
    if seconds <= 0:
        recompute_map.enqueue(conversation_id)
        return True
    now = time.time()
    last = cache.get(LAST_RUN_KEY.format(id=conversation_id))
    wait = max(0.0, (float(last) + seconds - now) if last is not None else 0.0)
    if not cache.add(PENDING_KEY.format(id=conversation_id), now, timeout=int(wait + seconds + 60)):
        return False  # a run is already queued: it will read this vote too
    if wait > 0:
        if not default_task_backend.supports_defer:
            cache.delete(PENDING_KEY.format(id=conversation_id))
            return False  # the immediate backend would make the voter wait: the next stale read asks again
        run_after = dt.datetime.now(tz=dt.UTC) + dt.timedelta(seconds=wait)
        recompute_map.using(run_after=run_after).enqueue(conversation_id)
    else:
        recompute_map.enqueue(conversation_id)
    return True


def refresh_if_stale(conversation: Conversation) -> None:
    """Ask for a new map when votes changed since the stored one (pages that show the map call this)."""
    if map_is_stale(conversation):
        ask_for_map(conversation.pk)


def vote(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Store a vote, then (once it is committed) ask for the map to follow."""
    stored = store_vote(participant=participant, statement=statement, value=value)
    transaction.on_commit(lambda: ask_for_map(stored.conversation_id))
    return stored
