"""Queue the daily or weekly summaries: one background task per batch of people."""

from bouquet.notifications.mailing import digest_recipients
from bouquet.notifications.services import BATCH
from bouquet.notifications.tasks import send_digest_batch


def queue_digests(*, frequency: str) -> tuple[int, int]:
    """Hand the summaries of everyone with pending notifications of this frequency to background tasks, one
    per batch; returns (people, tasks). Running it twice queues tasks that find nothing left to send."""
    if frequency not in ("daily", "weekly"):
        raise ValueError(f"Unknown digest frequency {frequency!r}")
    people = digest_recipients(frequency)
    tasks = 0
    for start in range(0, len(people), BATCH):
        send_digest_batch.enqueue(frequency, people[start : start + BATCH])
        tasks += 1
    return len(people), tasks
