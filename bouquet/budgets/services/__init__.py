"""Writes on budgets, one module per topic, re-exported here."""

from bouquet.budgets.services.imports import (
    ImportedElection,
    PreparedImport,
    import_pabulib,
    prepare_import,
    queue_import,
    run_import,
)
from bouquet.budgets.services.results import (
    Recount,
    compute_imported_results,
    compute_results,
    election_for_part,
    published_file,
    recount,
    run_on_file,
    tie_break_of,
)
from bouquet.budgets.services.secret import Cast, mix_sealed_ballots
from bouquet.budgets.services.setup import (
    BudgetInput,
    ProjectInput,
    answer_feasibility,
    create_budget,
    create_project,
    create_project_from_bouquet,
    create_project_from_proposal,
    edit_project,
    require_before_vote,
    vote_phase_of,
)
from bouquet.budgets.services.voting import BallotCheck, cast_ballot, check_ballot, record_paper_ballot

__all__ = [
    "BallotCheck",
    "BudgetInput",
    "Cast",
    "ImportedElection",
    "PreparedImport",
    "ProjectInput",
    "Recount",
    "answer_feasibility",
    "cast_ballot",
    "check_ballot",
    "compute_imported_results",
    "compute_results",
    "create_budget",
    "create_project",
    "create_project_from_bouquet",
    "create_project_from_proposal",
    "edit_project",
    "election_for_part",
    "import_pabulib",
    "prepare_import",
    "queue_import",
    "run_import",
    "mix_sealed_ballots",
    "published_file",
    "record_paper_ballot",
    "recount",
    "require_before_vote",
    "run_on_file",
    "tie_break_of",
    "vote_phase_of",
]
