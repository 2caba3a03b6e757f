"""The demo's social-innovation lab: initiatives born from the four public workshops of the founding text
(prison et rebond, entraide des femmes, gestion des biodéchets, permaculture), a collective action of the social
services co-designed with its beneficiaries, initiatives at every stage with mentors and their journals, energies,
needs and offers, and a solidarity chain of exchanges that forms bubbles. Everything goes through the lab's
services, as on the site; only the dates are moved back afterwards so that the dashboard has a history."""

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.incubator import services
from bouquet.incubator.models import (
    STAGE_ORDER,
    Initiative,
    LeadProfile,
    Membership,
    Origin,
    Skill,
    SpaceEntryKind,
    Stage,
    StageCriterion,
    StageMove,
)
from bouquet.incubator.selectors import place_token
from bouquet.places.models import District
from bouquet.proposals.models import Theme

PASSWORD = "demo-bouquet-2026"  # noqa: S105  # nosec B105  # the demo's shared password (seed_demo prints it)


@dataclass(frozen=True)
class Seed:
    title: str
    need: str
    for_whom: str
    district: str | None
    themes: tuple[str, ...]
    sdgs: tuple[int, ...]
    stage: Stage
    bubble: str  # which group of initiatives it trades with
    origin: Origin = Origin.SCRATCH
    profile: LeadProfile = LeadProfile.INHABITANT
    needs: tuple[tuple[str, str, str], ...] = ()  # (kind, title, skill slug or "")
    offers: tuple[tuple[str, str], ...] = ()  # (kind, title)


SEEDS: tuple[Seed, ...] = (
    Seed(
        "Rebond : sortir de prison et retrouver sa place",
        "À la sortie de détention, beaucoup se retrouvent seuls, sans logement ni travail. L'atelier « prison et "
        "rebond » a proposé un accueil par d'anciens détenus, des parrainages et un atelier de réparation de vélos.",
        "Les personnes sortant de détention et leurs proches.",
        "les-rives-tanneries",
        ("solidarite",),
        (8, 10, 16),
        Stage.ACCOMPANIED,
        "rebond",
        Origin.WORKSHOP,
        LeadProfile.ASSOCIATION,
        (
            ("skill", "Un juriste bénévole pour les démarches", "droit"),
            ("room", "Un local pour l'atelier vélo", ""),
        ),
        (("skill", "Réparation de vélos pour les associations"),),
    ),
    Seed(
        "Entraide des femmes du quartier",
        "Des femmes isolées cherchent à se retrouver, à garder les enfants à tour de rôle, à apprendre le français "
        "et à trouver du travail. L'atelier « entraide des femmes » a imaginé un réseau de marraines.",
        "Les femmes du quartier, surtout les mères seules et les nouvelles arrivantes.",
        "bel-air",
        ("solidarite",),
        (5, 10),
        Stage.AUTONOMOUS,
        "rebond",
        Origin.WORKSHOP,
        LeadProfile.INHABITANT,
        (("skill", "Des traductrices arabe et tamoul", "traduction"),),
        (
            ("skill", "Garde d'enfants partagée pendant les ateliers"),
            ("room", "Salle de l'association le mardi"),
        ),
    ),
    Seed(
        "Biodéchets : composter ensemble au pied des immeubles",
        "Les poubelles débordent d'épluchures. L'atelier « gestion des biodéchets » a proposé des composteurs "
        "partagés, tenus par des guides composteurs habitants, et un compost rendu aux jardins.",
        "Les habitants des immeubles des Grands Champs et les jardiniers du quartier.",
        "les-grands-champs",
        ("proprete-et-dechets", "nature-en-ville"),
        (11, 12, 13),
        Stage.STRUCTURED,
        "terre",
        Origin.WORKSHOP,
        LeadProfile.INHABITANT,
        (
            ("skill", "Des guides composteurs formés", "compostage"),
            ("tool", "Une remorque pour le broyat", ""),
        ),
        (("tool", "Du compost mûr pour les jardins"),),
    ),
    Seed(
        "Permaculture au jardin des Prés",
        "Une friche au bord de l'eau peut nourrir des familles si on la cultive sans l'épuiser. L'atelier "
        "« permaculture » a dessiné des buttes, une mare et une haie fruitière.",
        "Les familles de Saint-Aubin, les écoles et les jardiniers débutants.",
        "saint-aubin-des-pres",
        ("nature-en-ville",),
        (2, 15),
        Stage.GROUP,
        "terre",
        Origin.WORKSHOP,
        LeadProfile.INHABITANT,
        (("skill", "Quelqu'un qui connaît la permaculture", "jardinage"), ("tool", "Du compost", "")),
        (("skill", "Formation à la taille des fruitiers"),),
    ),
    Seed(
        "Cuisine partagée du centre social",
        "Des familles suivies par le service social veulent cuisiner ensemble, à petit prix, et décider elles-mêmes "
        "des menus et des horaires : l'action est co-construite avec elles, pas pour elles.",
        "Les familles accompagnées par le centre communal d'action sociale.",
        "les-rives-tanneries",
        ("solidarite",),
        (1, 2, 10),
        Stage.STRUCTURED,
        "terre",
        Origin.SCRATCH,
        LeadProfile.BENEFICIARIES,
        (("tool", "Des légumes du jardin", ""), ("money", "Une aide pour les ustensiles", "")),
        (("skill", "Repas pour les fêtes de quartier"),),
    ),
    Seed(
        "Repair café du centre historique",
        "On jette des appareils qui pourraient repartir pour quelques euros. Un samedi par mois, des bricoleurs "
        "réparent avec leurs propriétaires.",
        "Tout le monde, surtout les personnes aux petits revenus.",
        "centre-historique",
        ("proprete-et-dechets",),
        (12,),
        Stage.AUTONOMOUS,
        "rebond",
        offers=(("tool", "Prêt d'outils et de perceuses"), ("skill", "Réparation d'appareils")),
    ),
    Seed(
        "Atelier couture solidaire",
        "Des machines dorment dans les placards. Un atelier ouvert permet de réparer ses vêtements, d'apprendre et "
        "de coudre des sacs pour l'épicerie solidaire.",
        "Les habitantes et habitants de Bel-Air, débutants bienvenus.",
        "bel-air",
        ("solidarite", "culture-et-patrimoine"),
        (5, 12),
        Stage.ACCOMPANIED,
        "rebond",
        needs=(("tool", "Des machines à coudre", ""),),
        offers=(("skill", "Cours de couture"), ("tool", "Sacs en tissu pour les distributions")),
    ),
    Seed(
        "Épicerie solidaire des Grands Champs",
        "Des familles renoncent aux fruits et légumes frais. Une épicerie à prix réduits, tenue par des bénévoles "
        "et des bénéficiaires, les rend accessibles.",
        "Les familles aux revenus modestes du quartier.",
        "les-grands-champs",
        ("solidarite",),
        (1, 2),
        Stage.ACCOMPANIED,
        "terre",
        needs=(("volunteers", "Des bénévoles pour la distribution du jeudi", ""),),
        offers=(("room", "Chambre froide partagée"),),
    ),
    Seed(
        "Jardin partagé des Lilas",
        "Un terrain vague derrière l'école peut devenir un jardin où voisins et enfants cultivent ensemble.",
        "Les voisins de la rue des Lilas et l'école élémentaire.",
        "centre-historique",
        ("nature-en-ville",),
        (11, 15),
        Stage.IDEA,
        "terre",
        needs=(("skill", "Des jardiniers pour démarrer", "jardinage"),),
    ),
    Seed(
        "Numérique pour tous à la médiathèque",
        "Faire ses démarches en ligne est devenu obligatoire ; beaucoup n'y arrivent pas seuls. Des bénévoles "
        "accompagnent chaque mercredi.",
        "Les personnes âgées et tous ceux que le numérique met à l'écart.",
        "saint-aubin-des-pres",
        ("solidarite",),
        (4, 10),
        Stage.GROUP,
        "rebond",
        needs=(("skill", "Des bénévoles en informatique", "informatique"),),
        offers=(("skill", "Aide aux démarches en ligne"),),
    ),
    Seed(
        "Vélo-école des Rives",
        "Beaucoup d'adultes n'ont jamais appris à faire du vélo. Une vélo-école leur ouvre la ville.",
        "Les adultes, en particulier les femmes du quartier.",
        "les-rives-tanneries",
        ("mobilite-et-deplacements",),
        (3, 11),
        Stage.IDEA,
        "rebond",
        needs=(("tool", "Des vélos à réparer", ""),),
    ),
    Seed(
        "Fête des voisins de Bel-Air",
        "Se rencontrer une fois par an ne suffit pas : une fête par saison, préparée ensemble.",
        "Tous les habitants de Bel-Air.",
        "bel-air",
        ("commerces-et-vie-locale",),
        (11, 16),
        Stage.AUTONOMOUS,
        "terre",
        offers=(("tool", "Tables, bancs et barnums"),),
    ),
    Seed(
        "Ruches et abeilles au parc",
        "Installer des ruches pédagogiques pour protéger les pollinisateurs et faire découvrir l'apiculture.",
        "Les écoles, les jardiniers et les curieux.",
        "saint-aubin-des-pres",
        ("nature-en-ville",),
        (15,),
        Stage.GROUP,
        "terre",
        needs=(("money", "Une aide pour les ruches", ""),),
    ),
    Seed(
        "Soutien scolaire entre voisins",
        "Des lycéens et des retraités aident les collégiens à faire leurs devoirs, au pied des immeubles.",
        "Les collégiens des Grands Champs et leurs parents.",
        "les-grands-champs",
        ("enfance-et-jeunesse",),
        (4,),
        Stage.IDEA,
        "rebond",
        needs=(("volunteers", "Des retraités disponibles le soir", ""),),
    ),
    Seed(
        "Troc de graines et de plants",
        "Échanger des graines et des plants plutôt que d'en acheter : une grainothèque à la médiathèque.",
        "Les jardiniers amateurs de toute la ville.",
        None,
        ("nature-en-ville",),
        (2, 15),
        Stage.STRUCTURED,
        "terre",
        offers=(("tool", "Graines et plants de saison"),),
    ),
    Seed(
        "Chantier d'insertion : rénover les cabanes du jardin",
        "Des personnes éloignées de l'emploi rénovent les cabanes des jardins avec un encadrant technique.",
        "Les personnes en parcours d'insertion.",
        "les-rives-tanneries",
        ("solidarite", "cadre-de-vie-et-espaces-publics"),
        (8,),
        Stage.IDEA,
        "rebond",
        needs=(("tool", "Du bois de récupération", ""),),
    ),
)

# Who helped whom (helper title start, helped title start, what), the two bubbles and one bridge between them.
EXCHANGES: tuple[tuple[str, str, str], ...] = (
    ("Biodéchets", "Permaculture", "Deux mètres cubes de compost mûr"),
    ("Biodéchets", "Jardin partagé", "Compost pour les premiers bacs"),
    ("Permaculture", "Biodéchets", "Broyat de taille pour les composteurs"),
    ("Permaculture", "Troc de graines", "Plants de tomates anciennes"),
    ("Troc de graines", "Jardin partagé", "Graines de courges et de haricots"),
    ("Troc de graines", "Permaculture", "Semences de légumes vivaces"),
    ("Épicerie solidaire", "Cuisine partagée", "Légumes invendus chaque semaine"),
    ("Cuisine partagée", "Fête des voisins", "Repas pour 80 personnes"),
    ("Fête des voisins", "Cuisine partagée", "Prêt de barnums et de tables"),
    ("Permaculture", "Cuisine partagée", "Légumes du jardin des Prés"),
    ("Épicerie solidaire", "Ruches", "Une place au marché pour vendre le miel"),
    ("Ruches", "Permaculture", "Deux ruches près des buttes"),
    ("Repair café", "Rebond", "Outils pour l'atelier vélo"),
    ("Rebond", "Vélo-école", "Dix vélos réparés"),
    ("Repair café", "Vélo-école", "Réglage des freins et des dérailleurs"),
    ("Entraide des femmes", "Atelier couture", "Garde d'enfants pendant les cours"),
    ("Atelier couture", "Entraide des femmes", "Cours de couture pour les marraines"),
    ("Atelier couture", "Épicerie solidaire", "Deux cents sacs en tissu"),
    ("Numérique pour tous", "Entraide des femmes", "Aide aux démarches en ligne"),
    ("Entraide des femmes", "Vélo-école", "Salle de l'association le mardi"),
    ("Repair café", "Chantier d'insertion", "Prêt de perceuses et de scies"),
    ("Rebond", "Chantier d'insertion", "Deux personnes orientées vers le chantier"),
    ("Numérique pour tous", "Soutien scolaire", "Ordinateurs reconditionnés"),
    ("Soutien scolaire", "Numérique pour tous", "Lycéens pour accompagner les aînés"),
    ("Atelier couture", "Repair café", "Housses cousues pour ranger les outils"),
    ("Cuisine partagée", "Épicerie solidaire", "Bocaux de soupe pour la distribution"),
)

ENERGY_TEXTS = (
    "J'ai un jardin depuis trente ans, je peux montrer comment tailler et semer.",
    "Comptable à la retraite, je peux tenir les comptes d'une petite association.",
    "Je parle arabe et français, je peux traduire lors des permanences.",
    "Je bricole le week-end et je prête volontiers ma perceuse et ma scie.",
    "Graphiste, je peux faire des affiches et un logo.",
    "J'ai une camionnette pour transporter du matériel le samedi.",
    "Je cuisine pour beaucoup de monde, j'aime les repas partagés.",
    "Informaticien, je peux aider les personnes âgées avec leur ordinateur.",
    "Je couds depuis toujours et j'ai deux machines à prêter.",
    "Je connais bien les démarches de la CAF et de France Travail.",
    "Je peux accueillir une réunion dans ma salle de quartier le soir.",
    "Maître composteur, je forme volontiers des guides composteurs.",
)


def _person(email: str, name: str, role: Role) -> User:
    from allauth.account.models import EmailAddress

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, None, display_name=name, role=role)
        user.password = make_password(PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def seed_lab(stdout: Any = None, *, seed: int = 2026) -> None:
    """Build the lab of the demo town (once)."""
    if Initiative.objects.exists():
        return
    rng = random.Random(seed)  # nosec B311  # a reproducible demo, not a secret
    now = timezone.now()
    agent = User.objects.filter(role=Role.AGENT).order_by("pk").first()
    facilitator = User.objects.filter(role=Role.FACILITATOR).order_by("pk").first()
    residents = list(
        User.objects.filter(role=Role.INHABITANT, email__endswith="@val-de-loirette.test").order_by("pk")
    )
    if agent is None or facilitator is None or len(residents) < 40:
        return
    mentors = [
        User.objects.filter(role=Role.MENTOR).order_by("pk").first()
        or _person("accompagnement@val-de-loirette.test", "Hélène Garnier", Role.MENTOR),
        _person("mentor2@val-de-loirette.test", "Karim Benali", Role.MENTOR),
        _person("mentor3@val-de-loirette.test", "Sophie Lemoine", Role.MENTOR),
    ]
    districts = {d.slug: d for d in District.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    skills = {s.slug: s for s in Skill.objects.all()}
    criteria = {stage: list(StageCriterion.objects.filter(stage=stage)) for stage in Stage}
    made: dict[str, Initiative] = {}
    leads = iter(residents)
    for index, item in enumerate(SEEDS):
        starter = facilitator if item.profile == LeadProfile.BENEFICIARIES else next(leads)
        beneficiaries = (
            [services.BeneficiaryInput(name, True) for name in ("Nadia", "Joseph", "Aminata")]
            if item.profile == LeadProfile.BENEFICIARIES
            else []
        )
        initiative = services.start_initiative(
            starter=starter,
            data=services.InitiativeInput(
                title=item.title,
                need=item.need,
                for_whom=item.for_whom,
                district=districts.get(item.district) if item.district else None,
                themes=[themes[t] for t in item.themes if t in themes],
                lead_profile=item.profile,
            ),
            beneficiaries=beneficiaries,
            origin=item.origin,
        ).initiative
        if beneficiaries:
            # two of the beneficiaries have since claimed their place with an account of their own
            for place, person in zip(
                initiative.memberships.filter(person=None).order_by("pk")[:2], residents[-2:], strict=False
            ):
                services.claim_place(token=place_token(place), person=person)
        services.confirm_sdgs(person=starter, initiative=initiative, numbers=list(item.sdgs))
        made[item.title] = initiative
        target = STAGE_ORDER.index(item.stage)
        group = [r for r in residents[20:-2] if r.pk != starter.pk]
        rng.shuffle(group)
        if target >= 1:
            inviter = starter
            for person in group[: 3 + index % 3]:
                invitation = services.invite_person(inviter=inviter, initiative=initiative, person=person)
                services.accept_invitation(invitation=invitation, person=person)
                inviter = person  # invitations travel from person to person
            services.move_stage(person=starter, initiative=initiative, to_stage=Stage.GROUP)
        if target >= 2:
            services.add_entry(
                author=starter,
                initiative=initiative,
                kind=SpaceEntryKind.DECISION,
                title="Nos règles communes",
                body="Les décisions se prennent ensemble en réunion mensuelle ; chacun peut proposer un point.",
            )
            for n in (1, 2):
                services.add_entry(
                    author=starter,
                    initiative=initiative,
                    kind=SpaceEntryKind.MEETING,
                    title=f"Réunion n° {n}",
                    body="Tour de table, point sur les besoins, répartition des tâches pour le mois.",
                )
            services.add_task(
                author=starter,
                initiative=initiative,
                title="Demander une salle à la mairie",
                owner=starter,
                due_on=timezone.localdate() + dt.timedelta(days=14),
            )
            services.move_stage(person=starter, initiative=initiative, to_stage=Stage.STRUCTURED)
    for item in SEEDS:
        initiative = made[item.title]
        lead = initiative.memberships.filter(role="lead").select_related("person").first()
        assert lead is not None and lead.person is not None  # nosec B101  # narrows the type for mypy; the line above made it so
        for kind, title, skill in item.needs:
            services.publish_need(
                person=lead.person,
                initiative=initiative,
                data=services.ResourceInput(
                    kind=kind,
                    title=title,
                    skills=[skills[skill]] if skill in skills else [],
                    hours_per_month=4 if kind in ("skill", "volunteers") else 0,
                ),
            )
        for kind, title in item.offers:
            services.publish_offer(
                person=lead.person, initiative=initiative, data=services.ResourceInput(kind=kind, title=title)
            )

    def find(start: str) -> Initiative:
        return next(i for title, i in made.items() if title.startswith(start))

    for day, (helper, helped, what) in enumerate(EXCHANGES):
        giver, receiver = find(helper), find(helped)
        recorder = giver.memberships.filter(role="lead").select_related("person").first()
        assert recorder is not None and recorder.person is not None  # nosec B101  # narrows the type for mypy; the line above made it so
        exchange = services.record_exchange(person=recorder.person, helped=receiver, helper=giver, what=what)
        exchange.happened_on = timezone.localdate() - dt.timedelta(days=3 * (len(EXCHANGES) - day))
        exchange.save(update_fields=["happened_on"])
    for index, item in enumerate(SEEDS):
        initiative = made[item.title]
        target = STAGE_ORDER.index(item.stage)
        if target >= 3:
            guide = mentors[index % len(mentors)]
            services.assign_mentor(lab=agent, initiative=initiative, mentor=guide)
            for weeks in (8, 5, 2):
                services.record_mentor_session(
                    mentor=guide,
                    initiative=initiative,
                    held_on=timezone.localdate() - dt.timedelta(weeks=weeks),
                    summary=rng.choice(
                        (
                            "Relecture du budget prévisionnel et des demandes de subvention.",
                            "Préparation des statuts de l'association ; qui tient quel rôle.",
                            "Point sur les bénévoles : comment accueillir les nouveaux sans les épuiser.",
                            "Recherche d'une structure d'accueil et d'une assurance.",
                        )
                    ),
                    next_steps="Envoyer le dossier avant la fin du mois.",
                )
            lead = initiative.memberships.filter(role="lead").select_related("person").first()
            assert lead is not None and lead.person is not None  # nosec B101  # narrows the type for mypy; the line above made it so
            services.move_stage(person=agent, initiative=initiative, to_stage=Stage.ACCOMPANIED)
        if target >= 4:
            guide = mentors[index % len(mentors)]
            for criterion in criteria[Stage.AUTONOMOUS]:
                services.confirm_criterion(person=guide, initiative=initiative, criterion=criterion)
            services.move_stage(person=agent, initiative=initiative, to_stage=Stage.AUTONOMOUS)
    # A history for the dashboard: each initiative started months ago, its stages spread since.
    for index, item in enumerate(SEEDS):
        initiative = made[item.title]
        started = now - dt.timedelta(days=60 + 30 * (STAGE_ORDER.index(item.stage) + 1) + 7 * (index % 4))
        moves = list(StageMove.objects.filter(initiative=initiative).order_by("at", "id"))
        span = (now - started) / (len(moves) + 1)
        for k, move in enumerate(moves, start=1):
            StageMove.objects.filter(pk=move.pk).update(at=started + span * k)
        last = started + span * len(moves)
        Initiative.objects.filter(pk=initiative.pk).update(
            created_at=started,
            stage_since=last,
            autonomous_at=last if item.stage == Stage.AUTONOMOUS else None,
            last_activity_at=now - dt.timedelta(weeks=10)
            if index in (8, 13)
            else now - dt.timedelta(days=index),
        )
        for k, membership in enumerate(Membership.objects.filter(initiative=initiative).order_by("pk")):
            Membership.objects.filter(pk=membership.pk).update(created_at=started + (now - started) * k / 8)
    # Energies: what forty residents can give.
    skill_list = list(skills.values())
    district_list = list(districts.values())
    theme_list = list(themes.values())
    for person in residents[:44]:
        services.save_energy(
            person=person,
            data=services.EnergyInput(
                skills=rng.sample(skill_list, min(len(skill_list), rng.randint(1, 3))),
                free_text=rng.choice(ENERGY_TEXTS),
                hours_per_month=rng.choice((2, 4, 4, 8, 12)),
                material=rng.choice(("", "", "une perceuse", "une remorque", "une machine à coudre")),
                rooms=rng.choice(("", "", "", "mon garage le samedi")),
                districts=rng.sample(district_list, rng.randint(1, 2)) if district_list else [],
                themes=rng.sample(theme_list, rng.randint(1, 2)) if theme_list else [],
            ),
        )
    if stdout is not None:
        stdout.write(f"Laboratoire d'initiatives : {len(made)} initiatives, {len(EXCHANGES)} échanges.")
