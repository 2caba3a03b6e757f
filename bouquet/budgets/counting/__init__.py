"""Counting participatory-budgeting votes in pure Python (no Django): pabulib I/O, greedy, Equal Shares, Phragmén.

Named ``counting`` (not ``rules``): in every app, ``rules.py`` holds who may do what (permission predicates)."""

from bouquet.budgets.counting.catalogue import RULES, Completion, Rule, RuleSpec, run_rule
from bouquet.budgets.counting.models import Ballot, Election, Outcome, Project
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb, parse_pb_string, write_pb
from bouquet.budgets.counting.tiebreak import TieBreak, TieOrder
from bouquet.budgets.counting.trace import check_trace, outcome_to_json, winners_from_trace

__all__ = [
    "RULES",
    "Ballot",
    "Completion",
    "Election",
    "Outcome",
    "PabulibError",
    "Project",
    "Rule",
    "RuleSpec",
    "TieBreak",
    "TieOrder",
    "check_trace",
    "outcome_to_json",
    "parse_pb",
    "parse_pb_string",
    "run_rule",
    "winners_from_trace",
    "write_pb",
]
