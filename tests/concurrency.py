"""Run the same work in many threads at once: real threads, each with its own database connection."""

import threading
from collections.abc import Callable

from django.db import close_old_connections, connection

THREADS = 20


def run_together(work: Callable[[int], None], count: int = THREADS) -> list[BaseException]:
    """Start ``count`` threads that call ``work(index)`` together (behind a barrier); return what they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(index)
        except BaseException as error:  # noqa: BLE001 - collected and asserted by the caller
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    close_old_connections()
    return errors
