"""Participatory-budgeting rules in pure Python (no Django): pabulib I/O, greedy, Equal Shares, Phragmén."""

from bouquet.budgets.counting.models import Ballot, Election, Outcome, Project
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb, parse_pb_string, write_pb
from bouquet.budgets.counting.registry import RULES, run_rule
from bouquet.budgets.counting.tiebreak import TieBreak
from bouquet.budgets.counting.trace import check_trace, outcome_to_json, winners_from_trace

__all__ = [
    "RULES",
    "Ballot",
    "Election",
    "Outcome",
    "PabulibError",
    "Project",
    "TieBreak",
    "check_trace",
    "outcome_to_json",
    "parse_pb",
    "parse_pb_string",
    "run_rule",
    "winners_from_trace",
    "write_pb",
]
