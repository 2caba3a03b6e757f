"""Newsletters: the authority writes to the followers of a process or district (sending filled in next)."""


def send_newsletter_to(*, newsletter_id: int, user_ids: list[int]) -> int:
    """Send a newsletter to a batch of its readers; returns how many e-mails left."""
    return 0
