"""Writes on budgets, one module per topic, re-exported here."""

from bouquet.budgets.services.imports import import_pabulib
from bouquet.budgets.services.results import (
    Recount,
    compute_results,
    election_for_part,
    published_file,
    recount,
    results_can_be_computed,
    run_on_file,
    tie_break_of,
    winning_projects,
)
from bouquet.budgets.services.setup import (
    BudgetInput,
    ProjectInput,
    answer_feasibility,
    create_budget,
    create_project,
    create_project_from_bouquet,
    create_project_from_proposal,
    edit_project,
    vote_has_started,
    vote_phase_of,
)
from bouquet.budgets.services.voting import BallotCheck, cast_ballot, check_ballot, record_paper_ballot

__all__ = [
    "BallotCheck",
    "BudgetInput",
    "ProjectInput",
    "Recount",
    "answer_feasibility",
    "cast_ballot",
    "check_ballot",
    "compute_results",
    "create_budget",
    "create_project",
    "create_project_from_bouquet",
    "create_project_from_proposal",
    "edit_project",
    "election_for_part",
    "import_pabulib",
    "published_file",
    "record_paper_ballot",
    "recount",
    "results_can_be_computed",
    "run_on_file",
    "tie_break_of",
    "vote_has_started",
    "vote_phase_of",
    "winning_projects",
]
