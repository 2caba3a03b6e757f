"""Who may do what with projects, right now."""

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.core.predicates import predicate

manages_projects = is_agent


@predicate
def may_answer(user: object, reconsultation: object) -> bool:
    """A person asked in an open re-consultation may answer it (once; a second answer replaces the first)."""
    from bouquet.projects.models import Reconsultation

    if not is_signed_in(user) or not isinstance(reconsultation, Reconsultation):
        return False
    if reconsultation.closed_at is not None:
        return False
    return reconsultation.recipients.filter(person_id=getattr(user, "pk", None)).exists()
