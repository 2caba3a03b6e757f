"""Plain data model of a participatory-budgeting election (no Django, exact arithmetic)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

# Vote types of the pabulib format that Bouquet reads.
APPROVAL = "approval"
CHOOSE_1 = "choose-1"
CUMULATIVE = "cumulative"
SCORING = "scoring"
ORDINAL = "ordinal"
VOTE_TYPES = (APPROVAL, CHOOSE_1, CUMULATIVE, SCORING, ORDINAL)


# Amounts, points and ids Bouquet stores fit in 64 bits: a number of 19 digits or more in a file is a mistake, and an
# exponent such as 1e999999999 would take minutes to expand. Both are refused before `Fraction` sees them.
MAX_NUMBER = 10**18
_EXPONENT = re.compile(r"[eE]([+-]?\d+)\s*$")


class AbsurdNumber(ValueError):
    """A number too large (or too finely written) to be an amount, a count or points."""


def exact_number(text: str) -> Fraction:
    """Parse a decimal number exactly (a comma is a decimal separator); ValueError when it is not a number,
    AbsurdNumber when it has 19 digits or more before the decimal point, or an exponent beyond 40."""
    raw = text.strip().replace(",", ".")
    exponent = _EXPONENT.search(raw)
    if len(raw) > 60 or (exponent is not None and abs(int(exponent.group(1))) > 40):
        raise AbsurdNumber(raw)
    value = Fraction(raw)
    if abs(value) >= MAX_NUMBER:
        raise AbsurdNumber(raw)
    return value


def as_number(value: Fraction) -> int | Fraction:
    """Return an int when the fraction is integral, else the fraction itself."""
    return value.numerator if value.denominator == 1 else value


@dataclass(frozen=True, slots=True)
class Project:
    """A project put to the vote; `id` is kept as the string found in the file."""

    id: str
    cost: Fraction
    name: str = ""
    categories: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    min_cost: Fraction | None = None
    # Other columns of the PROJECTS section (votes, score, selected, district...), as raw strings.
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Ballot:
    """One voter's ballot: listed projects in file order, with points for cumulative/scoring votes."""

    voter_id: str
    # Approval/choose-1: the approved projects; ordinal: the ranking, best first.
    projects: tuple[str, ...]
    points: tuple[Fraction, ...] | None = None
    # Other columns of the VOTES section (age, sex, district...), as raw strings.
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def approvals(self) -> frozenset[str]:
        """Projects counted as approved by approval-based rules: every listed project (pabutools semantics)."""
        return frozenset(self.projects)

    @property
    def ranking(self) -> tuple[str, ...]:
        """Projects in order of preference (meaningful for ordinal ballots)."""
        return self.projects

    def points_by_project(self) -> dict[str, Fraction]:
        """Points given to each listed project (1 per listed project when the ballot has no points)."""
        if self.points is None:
            return dict.fromkeys(self.projects, Fraction(1))
        return dict(zip(self.projects, self.points, strict=True))


@dataclass(frozen=True, slots=True)
class FileWarning:
    """Something odd in a file that was read anyway (as pabutools reads it), with its line."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}"


@dataclass(slots=True)
class Election:
    """An instance (projects and budget) together with its ballots and the file metadata."""

    budget: Fraction
    projects: list[Project]
    ballots: list[Ballot]
    vote_type: str = APPROVAL
    meta: dict[str, str] = field(default_factory=dict)
    # Column order of the PROJECTS and VOTES sections, kept so that the writer can round-trip a file.
    project_columns: list[str] = field(default_factory=lambda: ["project_id", "cost"])
    vote_columns: list[str] = field(default_factory=lambda: ["voter_id", "vote"])
    # Oddities met while reading the file (a project listed twice in a vote, stray quotes...), never written back.
    warnings: list[FileWarning] = field(default_factory=list, compare=False)

    def project(self, project_id: str) -> Project:
        """Return the project with this id (KeyError when unknown)."""
        for project in self.projects:
            if project.id == project_id:
                return project
        raise KeyError(project_id)

    def costs(self) -> dict[str, Fraction]:
        """Map project id to cost."""
        return {p.id: p.cost for p in self.projects}

    def approval_counts(self) -> dict[str, int]:
        """Number of voters listing each project (its "votes")."""
        counts = dict.fromkeys((p.id for p in self.projects), 0)
        for ballot in self.ballots:
            for pid in set(ballot.projects):
                counts[pid] += 1
        return counts

    @property
    def min_length(self) -> int | None:
        """Minimum number of projects per ballot declared in META, if any."""
        return _meta_int(self.meta, "min_length")

    @property
    def max_length(self) -> int | None:
        """Maximum number of projects per ballot declared in META, if any."""
        return _meta_int(self.meta, "max_length")

    @property
    def rule(self) -> str | None:
        """The rule the city declared in META (greedy, greedy-threshold, greedy-no-skip, equalshares...)."""
        return self.meta.get("rule")


def _meta_int(meta: dict[str, str], key: str) -> int | None:
    """Read an optional integer META field."""
    value = meta.get(key)
    if value is None or value.strip() == "":
        return None
    return int(exact_number(value))


@dataclass(slots=True)
class Outcome:
    """The result of a rule: winners in order of selection and a trace explaining every decision."""

    rule: str
    winners: list[str]
    budget: Fraction
    spent: Fraction
    tie_break: str
    trace: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
