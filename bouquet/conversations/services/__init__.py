"""Writes of the conversations app, one use case each (re-exported from their topic modules)."""

from bouquet.conversations.services.maps import map_is_stale, refresh_map
from bouquet.conversations.services.polis import import_polis, parse_export
from bouquet.conversations.services.privacy import forget_person
from bouquet.conversations.services.rooms import (
    add_remark,
    ask_to_enter,
    close_room,
    next_statement_in_room,
    open_room,
    release,
    rotate,
    seat,
    show_statement,
    start_timer,
)
from bouquet.conversations.services.voting import (
    add_staff_statements,
    add_statement,
    cast_vote,
    clean_seed_lines,
    close_conversation,
    join_with_pass,
    moderate_statement,
    open_conversation,
    participant_for_pass,
    participant_for_user,
    update_rules,
)

__all__ = [
    "forget_person",
    "add_remark",
    "add_staff_statements",
    "add_statement",
    "ask_to_enter",
    "cast_vote",
    "clean_seed_lines",
    "close_conversation",
    "close_room",
    "import_polis",
    "join_with_pass",
    "map_is_stale",
    "moderate_statement",
    "next_statement_in_room",
    "open_conversation",
    "open_room",
    "parse_export",
    "participant_for_pass",
    "participant_for_user",
    "refresh_map",
    "release",
    "rotate",
    "seat",
    "show_statement",
    "start_timer",
    "update_rules",
]
