"""Follow and be told: follows, notifications, e-mails and digests, newsletters.

Other apps call ``bouquet.notifications.services`` (``follow``, ``unfollow``, ``announce``) and register the kinds
of event they announce in ``bouquet.notifications.kinds``."""
