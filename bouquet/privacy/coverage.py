"""The reviewed list of every field that points at a person or may hold a person's name or address, with how it
joins the person's export (the table's name, or None) and what their erasure does to it.

``tests/privacy/test_coverage.py`` enumerates every model and fails when a foreign key to the user, or a field
named like a name, an e-mail, a contact or a phone, is missing here: whoever adds one decides, in review, how it
is exported and erased. Nothing here runs; it is the record of that decision (docs/decisions/0013)."""

from typing import Final, NamedTuple


class Treatment(NamedTuple):
    table: str | None  # the export's table that carries it (None: not exported, and why is in ``erasure``)
    erasure: str  # what erasing the account (or the record without an account) does to it


AGENT_ACT: Final = "kept: the authority's record of an act done by an agent, signed « Compte supprimé »"
CONTRIBUTION: Final = (
    "kept: a contribution or a count, pointing at the anonymised account « Compte supprimé »"
)
NOT_A_PERSON: Final = "not about a person (a thing's name, a technical value)"

COVERAGE: Final[dict[str, Treatment]] = {
    # Django and allauth
    "admin.LogEntry.user": Treatment(
        None, AGENT_ACT + "; the log of changes to the account itself is scrubbed"
    ),
    "auth.Permission.name": Treatment(None, NOT_A_PERSON),
    "auth.Group.name": Treatment(None, NOT_A_PERSON),
    "account.EmailAddress.user": Treatment("adresses_email", "deleted"),
    "account.EmailAddress.email": Treatment("adresses_email", "deleted"),
    "socialaccount.SocialApp.name": Treatment(None, NOT_A_PERSON),
    "socialaccount.SocialAccount.user": Treatment("comptes_de_l_etat", "deleted"),
    "django_tasks_database.DBTaskResult.queue_name": Treatment(None, NOT_A_PERSON),
    "django_tasks_database.DBTaskResult.backend_name": Treatment(None, NOT_A_PERSON),
    # core, accounts
    "core.ImportRecord.by": Treatment(None, AGENT_ACT),
    "accounts.User.email": Treatment("compte", "replaced by a random address on a reserved domain"),
    "accounts.User.display_name": Treatment("compte", "emptied"),
    "accounts.ApiToken.user": Treatment("jetons_api", "deleted"),
    "accounts.ApiToken.name": Treatment("jetons_api", "deleted"),
    "accounts.Verification.user": Treatment("identite_verifiee", "deleted"),
    "accounts.Verification.checked_by": Treatment(None, AGENT_ACT),
    # notifications
    "notifications.Follow.user": Treatment("suivis", "deleted"),
    "notifications.Notification.recipient": Treatment("notifications", "deleted"),
    "notifications.Notification.actor": Treatment(
        None, "others' notifications keep the act, named « Compte supprimé »"
    ),
    "notifications.Notification.actor_name": Treatment(None, "replaced by « Compte supprimé »"),
    "notifications.Notification.email_frequency": Treatment("notifications", NOT_A_PERSON),
    "notifications.Notification.email_state": Treatment("notifications", NOT_A_PERSON),
    "notifications.Notification.email_claim": Treatment(None, NOT_A_PERSON),
    "notifications.Preference.user": Treatment("preferences_de_notification", "deleted"),
    "notifications.Newsletter.author": Treatment("lettres_d_information_ecrites", AGENT_ACT),
    # places
    "places.District.name": Treatment(None, NOT_A_PERSON),
    "places.AuthorityProfile.name": Treatment(None, NOT_A_PERSON),
    "places.AuthorityProfile.short_name": Treatment(None, NOT_A_PERSON),
    "places.MapFeature.name": Treatment(None, NOT_A_PERSON),
    "places.Place.name": Treatment(None, NOT_A_PERSON),
    "places.Place.created_by": Treatment("lieux_ajoutes", CONTRIBUTION),
    "places.Memory.author": Treatment(
        "souvenirs", CONTRIBUTION + " (the photo was re-encoded, without metadata)"
    ),
    "places.ArchiveItem.added_by": Treatment("archives_ajoutees", CONTRIBUTION),
    "places.MemoryReport.reporter": Treatment("souvenirs_signales", CONTRIBUTION),
    "places.PlaceModerationDecision.moderator": Treatment(None, AGENT_ACT),
    # processes, roles
    "processes.Process.created_by": Treatment(None, AGENT_ACT),
    "roles.RoleGrant.person": Treatment("roles_sur_demarche_ou_quartier", "deleted"),
    "roles.RoleGrant.granted_by": Treatment(None, AGENT_ACT),
    "roles.Invitation.email": Treatment(None, "replaced by the account's random address, and revoked"),
    "roles.Invitation.invited_by": Treatment(None, AGENT_ACT),
    "roles.Invitation.accepted_by": Treatment(None, CONTRIBUTION),
    # proposals
    "proposals.Theme.name": Treatment(None, NOT_A_PERSON),
    "proposals.Proposal.author": Treatment("propositions", CONTRIBUTION),
    "proposals.Proposal.coauthors": Treatment("propositions", CONTRIBUTION),
    "proposals.Comment.author": Treatment("commentaires", CONTRIBUTION),
    "proposals.Support.citizen": Treatment("soutiens", CONTRIBUTION),
    "proposals.Report.reporter": Treatment("signalements", CONTRIBUTION),
    "proposals.ModerationDecision.moderator": Treatment(None, AGENT_ACT),
    "proposals.CoauthorRequest.requester": Treatment("demandes_de_coecriture", CONTRIBUTION),
    "proposals.CoauthorRequest.answered_by": Treatment(None, CONTRIBUTION),
    "proposals.ProposalRevision.actor": Treatment(None, CONTRIBUTION + " (a proposal's history)"),
    "proposals.ProposalRevision.person": Treatment(None, CONTRIBUTION + " (a proposal's history)"),
    # bouquets, budgets
    "bouquets.Clustering.requested_by": Treatment(None, AGENT_ACT),
    "bouquets.CurationDecision.agent": Treatment(None, AGENT_ACT),
    "bouquets.Allocation.allocated_by": Treatment(None, AGENT_ACT),
    "budgets.Budget.created_by": Treatment(None, AGENT_ACT),
    "budgets.Participation.voter": Treatment("participations_budgets", CONTRIBUTION + " (turnout)"),
    "budgets.Participation.recorded_by": Treatment(None, AGENT_ACT),
    "budgets.BudgetResult.computed_by": Treatment(None, AGENT_ACT),
    "budgets.BudgetImport.requested_by": Treatment(None, AGENT_ACT),
    # incubator
    "incubator.Initiative.started_by": Treatment("initiatives_lancees", CONTRIBUTION),
    "incubator.Membership.person": Treatment(
        "groupes_d_initiatives",
        "deleted (they leave the group); a beneficiary's place stays, named « Bénéficiaire »",
    ),
    "incubator.Membership.beneficiary_name": Treatment(
        "groupes_d_initiatives", "« Bénéficiaire » (erased by an agent on request, or after the retention)"
    ),
    "incubator.Membership.consent_recorded_by": Treatment(None, AGENT_ACT),
    "incubator.Membership.invited_by": Treatment(None, CONTRIBUTION),
    "incubator.InitiativeInvitation.person": Treatment(
        "invitations_a_des_initiatives", "pending ones deleted"
    ),
    "incubator.InitiativeInvitation.invited_by": Treatment(None, CONTRIBUTION),
    "incubator.JournalEntry.actor": Treatment(
        "journal_des_initiatives", CONTRIBUTION + "; their name is replaced in the journal's text"
    ),
    "incubator.SpaceEntry.author": Treatment(
        "notes_de_l_espace_prive", CONTRIBUTION + " (the group's notes)"
    ),
    "incubator.Task.owner": Treatment(
        "taches", "tasks not done are free again; done ones keep the anonymised owner"
    ),
    "incubator.Document.name": Treatment(
        "documents_deposes", "their name is replaced in the document's title"
    ),
    "incubator.Document.uploaded_by": Treatment("documents_deposes", CONTRIBUTION + " (the group's file)"),
    "incubator.Skill.name": Treatment(None, NOT_A_PERSON),
    "incubator.Energy.person": Treatment("energie_proposee", "deleted"),
    "incubator.Exchange.helper_person": Treatment("echanges_donnes", CONTRIBUTION),
    "incubator.Exchange.recorded_by": Treatment(None, CONTRIBUTION),
    "incubator.CriterionConfirmation.confirmed_by": Treatment(None, CONTRIBUTION),
    "incubator.StageMove.by": Treatment(None, CONTRIBUTION),
    "incubator.MentorSession.mentor": Treatment("seances_d_accompagnement", CONTRIBUTION),
    # outreach
    "outreach.Workshop.facilitator": Treatment("ateliers_animes", AGENT_ACT),
    "outreach.Workshop.place_name": Treatment(None, NOT_A_PERSON),
    "outreach.Workshop.named_attendees": Treatment(
        None, "their name is taken out of the workshops they registered for or spoke at"
    ),
    "outreach.Registration.person": Treatment(
        "inscriptions_aux_ateliers", "seats at workshops to come are given back; past ones stay (attendance)"
    ),
    "outreach.Contributor.name": Treatment(
        "contributions_recueillies_rattachees",
        "« Contribution anonyme » (their account's or an agent's erasure)",
    ),
    "outreach.Contributor.contact": Treatment(
        "contributions_recueillies_rattachees", "emptied (erasure, or after the retention)"
    ),
    "outreach.Contributor.recorded_by": Treatment(None, AGENT_ACT),
    "outreach.Contributor.claimed_by": Treatment(
        "contributions_recueillies_rattachees", "the record is anonymised"
    ),
    "outreach.Contribution.recorded_by": Treatment(None, AGENT_ACT),
    # conversations
    "conversations.Conversation.created_by": Treatment(None, AGENT_ACT),
    "conversations.Participant.user": Treatment(
        "conversations_rejointes", CONTRIBUTION + " (votes, statements)"
    ),
    "conversations.Room.opened_by": Treatment(None, AGENT_ACT),
    "conversations.FishbowlSeat.name": Treatment(
        "places_dans_l_aquarium", "« Compte supprimé », in the seat and in closed rooms' records"
    ),
    # analytics, projects
    "analytics.ExportJob.requested_by": Treatment("exports_demandes", "deleted (the files were for them)"),
    "projects.Update.author": Treatment("nouvelles_de_projets_ecrites", AGENT_ACT),
    "projects.Reconsultation.opened_by": Treatment(None, AGENT_ACT),
    "projects.Recipient.person": Treatment(
        "reconsultations_recues", CONTRIBUTION + " (the reach of a re-consultation)"
    ),
    "projects.ReconsultationAnswer.person": Treatment("reponses_aux_reconsultations", CONTRIBUTION),
    "projects.ReconsultationRequest.person": Treatment("demandes_de_reconsultation", CONTRIBUTION),
}
