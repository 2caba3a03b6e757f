"""Demo content for the ``seed_demo`` command.

Val-de-Loirette is a fictional French town of about 40,000 inhabitants. Its districts, streets,
associations, people and every piece of text below (processes, proposals, comments, town hall
answers) were written for this demo; any resemblance to real places or persons is coincidental.

This module is pure data: it imports nothing from Django so that it can be read, tested and
translated independently of the seeding logic.
"""

from dataclasses import dataclass, field

TOWN_NAME = "Val-de-Loirette"
TOWN_CENTER: tuple[float, float] = (46.91230, 1.34580)


@dataclass(frozen=True)
class DistrictData:
    slug: str
    name: str
    description: str
    center: tuple[float, float]  # (lat, lon)
    radius_km: float


DISTRICTS: list[DistrictData] = [
    DistrictData(
        slug="centre-historique",
        name="Centre historique",
        description=(
            "Le cœur ancien de Val-de-Loirette s'est construit autour de l'église Saint-Martin et des "
            "halles du XIXe siècle, sur la rive droite de la Loirette. Ruelles pavées, maisons à pans de "
            "bois et commerces de bouche y côtoient de nombreux petits logements occupés par des "
            "étudiants, des jeunes actifs et des personnes âgées installées là depuis toujours."
        ),
        center=(46.91260, 1.34520),
        radius_km=0.6,
    ),
    DistrictData(
        slug="grands-champs",
        name="Les Grands Champs",
        description=(
            "Construit entre 1968 et 1976 pour loger les ouvriers de la sucrerie et de l'usine de pièces "
            "automobiles, le quartier compte près de 2 800 logements sociaux répartis en tours et en "
            "barres. Classé quartier prioritaire de la politique de la ville, c'est aussi le plus jeune de "
            "la commune, avec une trentaine de nationalités et un tissu associatif très actif. La place "
            "des Tilleuls, au pied des tours Ronsard et Du Bellay, en est le cœur."
        ),
        center=(46.92280, 1.35690),
        radius_km=0.7,
    ),
    DistrictData(
        slug="rives-tanneries",
        name="Les Rives – Tanneries",
        description=(
            "Ancien faubourg industriel le long de la Loirette, où se sont succédé tanneries, moulin et "
            "entrepôts ferroviaires jusqu'aux années 1990. Le secteur est en pleine reconversion : friches "
            "réhabilitées, nouveaux immeubles près de la gare, tiers-lieu dans l'ancienne halle Brossard "
            "et promenade des quais en cours d'aménagement."
        ),
        center=(46.90350, 1.33400),
        radius_km=0.8,
    ),
    DistrictData(
        slug="bel-air",
        name="Bel-Air",
        description=(
            "Quartier pavillonnaire développé à partir des années 1980 sur les coteaux ouest, Bel-Air "
            "accueille surtout des familles avec enfants et des retraités. On y trouve le groupe scolaire "
            "Jean-Zay, le stade municipal et de nombreux lotissements, mais peu de commerces, ce qui rend "
            "la voiture presque indispensable."
        ),
        center=(46.91720, 1.32010),
        radius_km=1.0,
    ),
    DistrictData(
        slug="saint-aubin",
        name="Saint-Aubin-des-Prés",
        description=(
            "Ancienne commune rurale rattachée à Val-de-Loirette en 1973, Saint-Aubin-des-Prés a gardé son "
            "allure de village, avec son église romane, son lavoir et ses prairies inondables au bord de "
            "la rivière. Ses quelque 1 500 habitants, agriculteurs, familles installées récemment et "
            "retraités, tiennent beaucoup à leur fête de la Saint-Jean et à leur comité des fêtes."
        ),
        center=(46.89750, 1.36550),
        radius_km=0.5,
    ),
]

THEMES: list[tuple[str, str]] = [
    ("mobilite", "Mobilité et déplacements"),
    ("nature-en-ville", "Nature en ville"),
    ("cadre-de-vie", "Cadre de vie et espaces publics"),
    ("solidarite", "Solidarité et accès aux droits"),
    ("jeunesse", "Enfance et jeunesse"),
    ("culture", "Culture et patrimoine"),
    ("sport", "Sport et loisirs"),
    ("proprete", "Propreté et déchets"),
    ("tranquillite", "Sécurité et tranquillité"),
    ("vie-locale", "Commerces et vie locale"),
]


@dataclass(frozen=True)
class PhaseData:
    kind: str  # "information", "proposals", "supports", "vote", "realisation" or "evaluation"
    title: str
    description: str
    start_offset_days: int  # relative to today, negative = in the past
    end_offset_days: int


@dataclass(frozen=True)
class ProcessData:
    slug: str
    title: str
    summary: str
    description: str  # paragraphs separated by "\n\n"
    district_slug: str | None  # None = whole town
    phases: list[PhaseData]


PROCESSES: list[ProcessData] = [
    ProcessData(
        slug="place-des-tilleuls",
        title="Réinventons la place des Tilleuls",
        summary=(
            "La Ville va réaménager la place des Tilleuls, aux Grands Champs : dites-nous ce dont vous "
            "avez besoin pour qu'elle redevienne une vraie place de quartier."
        ),
        description=(
            "Aménagée en 1974 au pied des tours Ronsard et Du Bellay, la place des Tilleuls est "
            "aujourd'hui surtout un parking et un lieu de passage. Le revêtement est abîmé, la plupart des "
            "bancs ont été retirés, il ne reste que six des quatorze tilleuls d'origine et la place "
            "devient une fournaise en été. Dans le cadre du programme de renouvellement urbain des Grands "
            "Champs, la Ville consacre 1,8 million d'euros à sa transformation.\n\n"
            "Avant de dessiner quoi que ce soit, nous voulons partir de vos usages : comment vous "
            "traversez la place, ce qui vous manque, ce qui vous gêne, ce que vous aimeriez pouvoir y "
            "faire. Toutes les idées sont bienvenues, des plus simples aux plus ambitieuses : ombre, "
            "assises, jeux, marché, circulation, éclairage, propreté...\n\n"
            "Vous pouvez déposer vos propositions ici, lors des ateliers du mercredi au centre social, ou "
            "auprès des médiateurs présents sur la place le samedi matin. Les contributions sur papier "
            "sont saisies par l'équipe du projet. Vous pouvez aussi commenter les propositions des autres "
            "habitants.\n\n"
            "Certaines contraintes sont déjà connues : l'arrêt de la ligne 3 est maintenu, l'accès des "
            "pompiers aux tours doit être garanti et la dalle du parking souterrain limite les plantations "
            "sur la partie nord de la place.\n\n"
            "Les propositions seront ensuite regroupées par besoin et analysées par les services "
            "(faisabilité technique, coût, réglementation). Une phase de soutiens permettra de les "
            "hiérarchiser. Le programme remis à l'équipe de conception reprendra les besoins prioritaires, "
            "et chaque groupe de propositions recevra une réponse publique."
        ),
        district_slug="grands-champs",
        phases=[
            PhaseData(
                kind="information",
                title="Diagnostic partagé",
                description=(
                    "Balades urbaines, réunion publique de lancement au centre social et présentation du "
                    "diagnostic de la place : usages, circulation, état des arbres, réseaux souterrains."
                ),
                start_offset_days=-75,
                end_offset_days=-21,
            ),
            PhaseData(
                kind="proposals",
                title="Dépôt des propositions",
                description=(
                    "Déposez vos idées en ligne, lors des ateliers du mercredi au centre social ou auprès "
                    "des médiateurs présents sur la place le samedi matin. Vous pouvez aussi commenter les "
                    "propositions des autres."
                ),
                start_offset_days=-20,
                end_offset_days=25,
            ),
            PhaseData(
                kind="supports",
                title="Soutiens",
                description=(
                    "Les propositions sont regroupées par besoin. Chaque habitant peut soutenir celles qui "
                    "lui semblent prioritaires, en ligne ou sur papier au centre social."
                ),
                start_offset_days=26,
                end_offset_days=55,
            ),
            PhaseData(
                kind="realisation",
                title="Conception et travaux",
                description=(
                    "Le programme retenu est confié à l'équipe de conception. Les esquisses seront "
                    "présentées aux habitants avant le démarrage des travaux, prévus en deux tranches pour "
                    "garder l'accès aux commerces."
                ),
                start_offset_days=120,
                end_offset_days=540,
            ),
        ],
    ),
    ProcessData(
        slug="solidarites-proximite",
        title="Solidarités de proximité : construisons-les ensemble",
        summary=(
            "Avec la maison des solidarités du Département, la Ville cherche avec vous comment mieux "
            "accompagner les habitants qui passent entre les mailles du filet."
        ),
        description=(
            "Accès aux droits, isolement des personnes âgées, aide alimentaire, démarches en ligne : les "
            "équipes du CCAS et de la maison des solidarités du Département, rue Paul-Bert, constatent que "
            "de nombreux habitants renoncent à des aides auxquelles ils ont droit, faute d'information ou "
            "parce que les démarches sont devenues trop compliquées.\n\n"
            "Pour la première fois, la Ville et les services sociaux du Département, compétents en matière "
            "d'action sociale, construisent un plan d'action commun avec les habitants, les associations "
            "de solidarité (dont l'épicerie solidaire La Passerelle) et les professionnels de terrain.\n\n"
            "Les propositions ont été recueillies en ligne, au marché, dans les halls d'immeubles, à la "
            "sortie des écoles et lors de trois ateliers. Un comité de suivi réunissant élus, agents et "
            "habitants tirés au sort les a examinées : certaines ont déjà reçu une réponse, d'autres sont "
            "à l'étude.\n\n"
            "Nous entrons maintenant dans la phase de soutiens : indiquez les propositions qui vous "
            "paraissent prioritaires. Pas besoin d'ordinateur : les agents du CCAS, de la médiathèque et "
            "de la maison des solidarités peuvent enregistrer votre soutien.\n\n"
            "Les propositions les plus soutenues et jugées réalisables seront inscrites dans la convention "
            "signée entre la Ville et le Département. Un bilan partagé aura lieu six mois après le "
            "lancement des premières actions."
        ),
        district_slug=None,
        phases=[
            PhaseData(
                kind="information",
                title="Lancement et rencontres",
                description=(
                    "Réunion de lancement à la maison des solidarités, présentation des chiffres du "
                    "non-recours aux droits et rencontres avec les associations de solidarité de la ville."
                ),
                start_offset_days=-110,
                end_offset_days=-80,
            ),
            PhaseData(
                kind="proposals",
                title="Recueil des propositions",
                description=(
                    "Propositions recueillies en ligne, lors des permanences au marché, dans les halls "
                    "d'immeubles, à la sortie des écoles et pendant trois ateliers thématiques."
                ),
                start_offset_days=-79,
                end_offset_days=-15,
            ),
            PhaseData(
                kind="supports",
                title="Soutiens et priorités",
                description=(
                    "Soutenez les propositions qui vous paraissent prioritaires. Les agents du CCAS, de la "
                    "médiathèque et de la maison des solidarités peuvent enregistrer votre soutien si vous "
                    "n'avez pas accès à internet."
                ),
                start_offset_days=-14,
                end_offset_days=21,
            ),
            PhaseData(
                kind="evaluation",
                title="Bilan partagé",
                description=(
                    "Six mois après le lancement des premières actions, un bilan est présenté et discuté "
                    "avec les habitants, les associations et les professionnels : ce qui marche, ce qui "
                    "doit être ajusté, ce qui doit être abandonné."
                ),
                start_offset_days=200,
                end_offset_days=260,
            ),
        ],
    ),
    ProcessData(
        slug="initiatives-citoyennes",
        title="Appel à initiatives citoyennes",
        summary=(
            "Vous avez une idée pour votre quartier ? La Ville finance et accompagne des projets portés "
            "par des habitants, jusqu'à 5 000 € par projet."
        ),
        description=(
            "Chaque année, Val-de-Loirette consacre 60 000 € à des projets imaginés et portés par ses "
            "habitants : un jardin partagé, une fête de quartier, un atelier de réparation, une fresque, "
            "un tournoi... Des projets modestes, mais qui changent la vie d'une rue ou d'un quartier.\n\n"
            "Tout habitant de plus de 11 ans peut déposer un projet, seul, avec des voisins ou au nom "
            "d'une association. Le projet doit être d'intérêt collectif, ouvert à tous, réalisable en "
            "moins d'un an et ne pas dépasser 5 000 €. Les dépenses de fonctionnement ponctuelles sont "
            "acceptées, pas les salaires permanents.\n\n"
            "Vous n'êtes pas seul : un agent de la Maison de la vie associative vous aide à chiffrer votre "
            "projet, à trouver un lieu et à vérifier les questions d'assurance. Des permanences ont lieu "
            "chaque jeudi de 16h à 19h, et un formulaire papier est disponible dans les mairies annexes.\n\n"
            "Après le dépôt, les projets recueillent des soutiens pendant que les services vérifient leur "
            "recevabilité. Les projets retenus sont ensuite soumis au vote des habitants : chacun peut "
            "voter pour trois projets, en ligne ou dans les urnes installées dans les mairies annexes.\n\n"
            "Les projets lauréats sont financés et accompagnés jusqu'à leur réalisation. Une soirée de "
            "restitution réunira tous les porteurs de projets en fin d'année."
        ),
        district_slug=None,
        phases=[
            PhaseData(
                kind="proposals",
                title="Dépôt des projets",
                description=(
                    "Déposez votre projet en ligne ou sur le formulaire papier disponible dans les mairies "
                    "annexes. Des permanences d'accompagnement ont lieu chaque jeudi à la Maison de la vie "
                    "associative."
                ),
                start_offset_days=-10,
                end_offset_days=40,
            ),
            PhaseData(
                kind="supports",
                title="Soutiens et analyse",
                description=(
                    "Les projets recueillent des soutiens pendant que les services vérifient leur "
                    "recevabilité (intérêt collectif, budget, faisabilité). Les porteurs peuvent ajuster "
                    "leur projet avec l'aide d'un agent."
                ),
                start_offset_days=41,
                end_offset_days=70,
            ),
            PhaseData(
                kind="vote",
                title="Vote des habitants",
                description=(
                    "Chaque habitant de plus de 11 ans peut voter pour trois projets, en ligne ou dans les "
                    "urnes installées dans les mairies annexes et à la médiathèque."
                ),
                start_offset_days=85,
                end_offset_days=99,
            ),
            PhaseData(
                kind="realisation",
                title="Réalisation des projets",
                description=(
                    "Les projets lauréats reçoivent leur financement et sont accompagnés jusqu'à leur "
                    "réalisation. Une soirée de restitution aura lieu en fin d'année."
                ),
                start_offset_days=100,
                end_offset_days=400,
            ),
        ],
    ),
]


@dataclass(frozen=True)
class ProposalData:
    process_slug: str
    title: str
    body: str
    district_slug: str | None
    theme_slug: str
    place: tuple[float, float] | None  # (lat, lon)
    address: str
    origin: str  # "online", "workshop", "outreach" or "import"
    status: str  # "submitted", "under_study", "accepted" or "rejected"
    answer: str  # public answer of the town hall, empty while submitted


PROPOSALS: list[ProposalData] = [
    # ------------------------------------------------------------------------------------------------
    # place-des-tilleuls
    # ------------------------------------------------------------------------------------------------
    # [0]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des arbres, des vrais, pour avoir de l'ombre l'été",
        body=(
            "L'été dernier on a eu jusqu'à 41° sur la place, le bitume brûle et personne ne peut rester "
            "dehors avant 20h. Il faut planter de grands arbres qui feront de l'ombre, pas des petits "
            "arbustes en bac comme devant la mairie annexe. Les tilleuls qui ont donné leur nom à la "
            "place, il n'en reste presque plus, c'est quand même un comble."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92329, 1.35772),
        address="Place des Tilleuls",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [1]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Remplacer les tilleuls malades par des essences qui supportent la chaleur",
        body=(
            "Je suis jardinier de métier (retraité) et j'habite la tour Du Bellay depuis 1981. Sur les "
            "quatorze tilleuls plantés à l'origine, six sont encore debout et au moins deux sont "
            "clairement en train de dépérir : écorce qui se décolle, branches mortes en haut du houppier. "
            "Le tilleul à petites feuilles souffre beaucoup des sécheresses à répétition et du sol tassé "
            "par les voitures qui se garent dessous. Je propose de garder les sujets sains mais de "
            "compléter avec des essences plus résistantes : micocoulier, chêne vert, érable de "
            "Montpellier, et quelques arbres de Judée pour la floraison au printemps. Et surtout de leur "
            "laisser de grandes fosses de plantation avec de la vraie terre, sinon on refera la même "
            "erreur et on se retrouvera dans trente ans avec des arbres rabougris."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92301, 1.35709),
        address="14 allée Du Bellay",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [2]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Garder les tilleuls qui restent !!!",
        body=(
            "S'il vous plaît ne coupez pas les arbres existants sous prétexte de travaux. Ils ont 50 ans, "
            "on ne les remplacera pas avant longtemps."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92253, 1.35759),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le diagnostic sanitaire réalisé en début d'année conclut que quatre des six tilleuls peuvent "
            "être conservés. Leur maintien sera inscrit dans le cahier des charges remis à l'équipe de "
            "conception."
        ),
    ),
    # [3]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une pergola avec des plantes grimpantes au-dessus des bancs",
        body=(
            "En attendant que les nouveaux arbres poussent (ça prend quinze ans minimum), on pourrait "
            "installer une pergola avec de la glycine ou de la vigne vierge. Ça fait de l'ombre tout de "
            "suite et c'est joli."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92319, 1.35639),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [4]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Moins de bitume, plus de terre",
        body=(
            "Désimperméabiliser au maximum. Aujourd'hui, quand il pleut fort, l'eau ruisselle jusqu'à la "
            "rampe du parking souterrain et tout est inondé. Des noues, de la pelouse, des pavés à joints "
            "enherbés : il y a plein de solutions."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92332, 1.35754),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [5]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Atelier du 14 : créer un îlot de fraîcheur au centre de la place",
        body=(
            "Atelier du 14 au centre social, 18 participants. Les participants proposent de faire du "
            "centre de la place un îlot de fraîcheur : un bosquet dense d'arbres de tailles différentes, "
            "un sol perméable, des assises à l'ombre et un point d'eau. Plusieurs personnes ont insisté "
            "pour que cet espace reste bien visible depuis les entrées d'immeubles, pour ne pas créer de "
            "coin caché. Des brumisateurs ont aussi été évoqués, sans consensus : certains craignent la "
            "consommation d'eau."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92307, 1.35809),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [6]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Il fait trop chaud, il faut de l'ombre",
        body=(
            "Propos recueillis au pied de la tour Ronsard par l'équipe de médiation : « L'été je descends "
            "plus avec les petits, y'a pas un coin d'ombre. On reste enfermés avec les volets fermés. "
            "Mettez des arbres, ou des toiles, n'importe quoi. »"
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92378, 1.35745),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [7]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des voiles d'ombrage en attendant les arbres",
        body=(
            "Des toiles tendues comme dans le Sud, au-dessus de l'aire de jeux et des bancs. C'est pas "
            "cher et ça se démonte l'hiver."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92299, 1.35747),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [8]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des bancs avec dossier et accoudoirs pour les personnes âgées",
        body=(
            "Les bancs actuels (ceux qui restent) sont des blocs de béton sans dossier. Pour une personne "
            "âgée c'est impossible de s'y asseoir et surtout de s'en relever. Il faut des bancs avec "
            "dossier et accoudoirs, à intervalles réguliers."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92355, 1.35782),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [9]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Pouvoir s'asseoir entre la pharmacie et l'arrêt de bus",
        body=(
            "Ma mère a 87 ans, elle va seule à la pharmacie mais doit s'arrêter en chemin pour reprendre "
            "son souffle. Un ou deux bancs sur ce trajet changeraient sa vie, franchement."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92296, 1.35830),
        address="3 place des Tilleuls",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [10]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un banc à l'ombre, c'est tout ce qu'on demande",
        body=(
            "Propos recueillis devant la pharmacie des Tilleuls : un groupe de dames qui se retrouvent "
            "chaque matin explique qu'elles restent debout faute de bancs. « On ne demande pas "
            "grand-chose, un banc à l'ombre pour papoter. Avant il y en avait trois, ils les ont enlevé "
            "parce que des jeunes s'y installaient le soir. »"
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92273, 1.35828),
        address="3 place des Tilleuls",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [11]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des bancs disposés pour se parler",
        body=(
            "Les participants de l'atelier proposent de ne pas aligner les bancs face à la route mais de "
            "les placer face à face ou en arc de cercle, pour qu'on puisse discuter. La place, c'est aussi "
            "fait pour se rencontrer."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [12]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des tables pour jouer aux cartes et pique-niquer",
        body=(
            "Proposition issue de l'atelier du 14 : des tables fixes avec bancs intégrés, pour jouer aux "
            "cartes et aux dominos, manger dehors en famille l'été. Il y en a à la base de loisirs et "
            "elles sont toujours occupées."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92334, 1.35789),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [13]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="bancs pour les anciens",
        body=(
            "Contribution papier déposée dans l'urne du centre social : « mettre des bancs pour les "
            "personnes agées svp, il y en a plus aucun sur la place »"
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92315, 1.35821),
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # [14]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une aire de jeux pour les petits",
        body=(
            "Il n'y a aucun jeu pour les enfants de 2 à 6 ans dans tout le quartier. Les mamans sont "
            "obligées d'aller jusqu'au parc de Bel-Air en bus. Une petite aire avec toboggan, bac à sable "
            "et jeux à ressort, ce serait déjà énorme."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92305, 1.35678),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [15]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Jeux pour enfants clôturés, loin de la circulation",
        body=(
            "Si aire de jeux il y a, il faut qu'elle soit clôturée avec un portillon. La rue du "
            "Docteur-Roux est juste à côté et les voitures roulent vite. Je veux pouvoir lâcher mon fils "
            "de 3 ans sans courir derrière lui."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92332, 1.35838),
        address="rue du Docteur-Roux",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [16]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une aire de jeux avec des bancs à l'ombre pour les parents",
        body=(
            "Les parents restent souvent une heure ou deux avec les enfants. Donc bancs + ombre + poubelle "
            "à côté des jeux, s'il vous plaît. Et pas de sol en copeaux, ça finit partout dans les "
            "chaussures."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92359, 1.35740),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [17]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des jeux pour les 8-12 ans aussi",
        body=(
            "Toujours des jeux pour les bébés, mais les enfants de CM1-CM2 s'ennuient et finissent par "
            "traîner. Une structure d'escalade, une tyrolienne, une grande balançoire nid d'oiseau ? Mon "
            "fils de 10 ans vous dit merci d'avance."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [18]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des jeux d'eau pour les enfants l'été",
        body=(
            "Des jets d'eau au sol qui se déclenchent avec un bouton, comme on en voit dans les grandes "
            "villes. Les enfants adorent et ça rafraîchit tout le monde."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92261, 1.35709),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [19]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Atelier enfants du centre de loisirs : la place dont on rêve",
        body=(
            "Atelier mené mercredi avec 22 enfants de 6 à 11 ans du centre de loisirs des Tilleuls, qui "
            "ont dessiné leur place idéale. Reviennent dans presque tous les dessins : un toboggan géant, "
            "des arbres pour grimper, de l'eau, un endroit pour faire du vélo sans voitures. Plusieurs ont "
            "aussi demandé « une maison pour les chats » et « pas de gens qui crient le soir »."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92321, 1.35736),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [20]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des arceaux vélo devant les commerces",
        body=(
            "Aujourd'hui on accroche les vélos aux grilles de la pharmacie, ce qui énerve le pharmacien (à "
            "juste titre). Quelques arceaux devant la boulangerie et le tabac, c'est pas compliqué."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92358, 1.35702),
        address="5 place des Tilleuls",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [21]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un local vélo fermé pour les habitants des tours",
        body=(
            "Dans les caves de la tour Ronsard, les vélos se font voler ou dégrader toutes les semaines. "
            "Je n'ose plus acheter un vélo à mes enfants. Un abri vélo fermé avec badge, géré avec le "
            "bailleur, permettrait à beaucoup plus de gens de faire du vélo."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92245, 1.35730),
        address="2 allée Ronsard",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [22]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Parking vélo couvert à l'arrêt de bus",
        body=(
            "Pour faire bus + vélo, il faut pouvoir laisser son vélo à l'abri de la pluie à l'arrêt Tilleuls."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92283, 1.35672),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [23]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une borne de gonflage et de petites réparations vélo",
        body=(
            "Une borne avec une pompe et des outils attachés, comme il y en a devant la gare. Utile pour "
            "tout le monde, y compris les livreurs du quartier."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92334, 1.35754),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [24]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Box vélo sécurisés près des immeubles",
        body=(
            "Des box à vélos individuels fermés à clé (type consigne) au pied des immeubles, parce que les "
            "vols sont trop fréquents dans les caves."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92376, 1.35717),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [25]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Faire revenir le marché le samedi matin",
        body=(
            "Jusqu'en 2008 il y avait un marché sur la place tous les samedis, avec une quinzaine de "
            "stands. C'était vivant, les gens se croisaient. Il faudrait le relancer, avec des produits à "
            "des prix abordables pour le quartier."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92294, 1.35743),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [26]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un petit marché de producteurs en fin de journée",
        body=(
            "Un marché le mercredi de 16h à 19h, pour les gens qui travaillent. Légumes, fromages, pain. "
            "Il y a plein de maraîchers du côté de Saint-Aubin qui cherchent des débouchés."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92353, 1.35709),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [27]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Prévoir l'électricité et l'eau pour les marchands",
        body=(
            "Les participants de l'atelier du 21 insistent : pour qu'un marché tienne, il faut des bornes "
            "électriques escamotables et un point d'eau. Sinon les commerçants ambulants ne viennent pas. "
            "Il faut y penser dès les travaux, c'est beaucoup plus cher après."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92328, 1.35680),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [28]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un marché oui, mais en complément des commerces",
        body=(
            "Je tiens l'épicerie de la place depuis douze ans. Je ne suis pas contre un marché, au "
            "contraire, ça ramène du monde. Mais attention à ne pas installer des stands qui vendent "
            "exactement la même chose que nous, à prix cassés, une fois par semaine. Les commerces de la "
            "place, eux, sont ouverts toute l'année, ils paient un loyer au bailleur et ils rendent "
            "service tous les jours, y compris aux personnes âgées qu'on livre quand elles sont malades. "
            "Je propose qu'on associe les commerçants à l'organisation du marché, et qu'on garde des "
            "places de stationnement minute devant les boutiques, pendant les travaux et après."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92271, 1.35660),
        address="7 place des Tilleuls",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [29]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Atelier du 21 : un marché et des animations régulières",
        body=(
            "Atelier du 21 à la salle polyvalente, 25 participants. Les participants proposent un marché "
            "hebdomadaire le samedi matin, complété une fois par mois par un « marché du monde » avec les "
            "cuisines du quartier. Ils demandent un espace libre suffisamment grand et plat, sans mobilier "
            "fixe au centre, pour accueillir les stands, la fête de quartier et la brocante."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92285, 1.35724),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [30]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Le marché plutôt le dimanche",
        body=(
            "Le samedi il y a déjà le marché du centre-ville. Le dimanche matin il n'y a rien ici, ce "
            "serait mieux."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92278, 1.35785),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [31]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une fontaine à eau potable",
        body=(
            "Une simple fontaine pour boire, avec un robinet poussoir. Les enfants qui jouent au foot "
            "n'ont nulle part où boire à part remonter chez eux au 12e étage."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92333, 1.35661),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [32]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un point d'eau pour boire l'été",
        body=(
            "Propos recueillis sur la place un samedi matin : « Un point d'eau potable, surtout avec les "
            "canicules. Pour les gens, et une gamelle pour les chiens aussi. »"
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92356, 1.35807),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [33]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Remettre en eau l'ancienne fontaine aux poissons",
        body=(
            "Il y avait une fontaine en béton avec une sculpture de poissons au milieu de la place. Elle "
            "est à sec depuis les années 90 et sert de poubelle. On pourrait la restaurer, c'est un "
            "morceau de l'histoire du quartier."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92321, 1.35696),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le service Patrimoine étudie l'état de la sculpture et le coût d'une remise en eau en circuit "
            "fermé. Un déplacement de l'œuvre dans le nouvel aménagement est aussi envisagé."
        ),
    ),
    # [34]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un miroir d'eau pour se rafraîchir",
        body=(
            "Une fine lame d'eau au sol où les enfants peuvent patauger, et qui redevient un espace libre "
            "quand elle est coupée. Ça rafraîchit l'air et c'est beau le soir."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92297, 1.35685),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [35]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Brumisateurs",
        body=(
            "Fiche déposée dans l'urne de la pharmacie : « Installer des brumisateurs près des bancs pour "
            "les jours de canicule. »"
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92282, 1.35819),
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # [36]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Mieux éclairer la place le soir",
        body=(
            "Le soir, la moitié des lampadaires ne marche pas et le passage entre la tour Ronsard et le "
            "parking est complètement noir. On a peur de rentrer du travail à pied."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92375, 1.35769),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [37]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Je ne traverse plus la place après 20h",
        body=(
            "Je suis une femme, je rentre du travail vers 21h30 en bus. Je fais le tour par la rue du "
            "Docteur-Roux pour éviter la place, qui est sombre et où il y a souvent des groupes. Je ne dis "
            "pas qu'il se passe quelque chose à chaque fois, mais je ne me sens pas en sécurité. L'hiver "
            "c'est pire, il fait nuit dès 17h30 et les lampadaires du côté du parking sont en panne depuis "
            "des mois. Plusieurs voisines font pareil que moi, certaines ne sortent carrément plus le "
            "soir, ou demandent à leur fils de venir les chercher à l'arrêt, et ce n'est pas normal de "
            "devoir organiser sa vie autour de ça. Plus de lumière, des commerces ouverts un peu plus tard "
            "et plus de passage, ça aiderait vraiment."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92308, 1.35818),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [38]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Synthèse de la marche exploratoire des femmes",
        body=(
            "Propos recueillis lors de la marche exploratoire du 5, avec 11 habitantes et la médiatrice du "
            "centre social. Points noirs relevés : le passage sous la dalle vers le parking, le recoin "
            "derrière le transformateur électrique, l'arrêt de bus mal éclairé. Propositions : un "
            "éclairage à hauteur d'homme plutôt que des lampadaires très hauts, la suppression des haies "
            "opaques, des bancs et des vitrines tournés vers la place pour qu'il y ait toujours des « yeux "
            "» dessus, et une signalétique claire vers les entrées d'immeubles."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92349, 1.35687),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [39]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="De l'éclairage oui, mais pas des projecteurs de stade",
        body=(
            "Attention à ne pas transformer la place en parking de supermarché éclairé toute la nuit. Des "
            "lumières douces, orientées vers le sol, avec détecteurs de présence après minuit. Les oiseaux "
            "et les chauves-souris aussi habitent ici, et nous on veut dormir."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [40]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Supprimer le recoin derrière le transformateur",
        body=(
            "Le coin derrière le transformateur sert de toilettes et de point de deal. Il faut le "
            "supprimer ou le rendre visible, pas juste mettre une grille."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92282, 1.35644),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [41]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des caméras de vidéoprotection",
        body=(
            "Il faut des caméras sur la place, reliées à la police municipale. C'est la seule chose qui "
            "dissuade vraiment."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92262, 1.35670),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "L'extension de la vidéoprotection fait l'objet d'une étude distincte menée avec la police "
            "nationale à l'échelle de la ville. Ses conclusions seront présentées en conseil municipal."
        ),
    ),
    # [42]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une présence humaine le soir plutôt que des caméras",
        body=(
            "Les caméras déplacent les problèmes, elles ne les règlent pas. Je préfère des médiateurs de "
            "nuit, des commerces ouverts plus tard, un local associatif animé le soir. Une place vivante, "
            "c'est une place sûre."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [43]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Stop aux rodéos de scooters",
        body=(
            "Tous les soirs d'été ce sont des scooters et des quads qui tournent autour de la place "
            "jusqu'à 2h du matin. Il faut des aménagements qui empêchent physiquement de rouler dessus "
            "(bornes, bacs, chicanes)."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92304, 1.35822),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [44]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Pas de city-stade sous les fenêtres",
        body=(
            "J'habite au 2e étage de la tour Du Bellay, côté place. Si vous mettez un terrain de foot "
            "juste en dessous, avec le ballon qui tape contre le grillage jusqu'à minuit, ça va être "
            "l'enfer. Mettez-le plus loin, vers le gymnase."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92280, 1.35800),
        address="10 allée Du Bellay",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [45]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Attention au bruit des terrasses",
        body=(
            "Si un café ouvre avec une terrasse, il faut des horaires raisonnables en semaine. On n'est "
            "pas contre la vie, juste on se lève à 5h."
        ),
        district_slug="grands-champs",
        theme_slug="tranquillite",
        place=(46.92287, 1.35725),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [46]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des matériaux qui absorbent le bruit",
        body=(
            "En atelier, plusieurs habitants ont souligné que tout est en béton et que ça résonne entre "
            "les tours comme dans une cathédrale. Ils proposent des arbres, de l'herbe et des matériaux "
            "moins durs pour réduire l'écho, et demandent qu'un acousticien soit associé au projet."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [47]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Supprimer le stationnement sauvage sur la place",
        body=(
            "Les voitures se garent partout, sur les trottoirs, devant les entrées, sur les passages "
            "piétons. Avec une poussette ou un fauteuil roulant, c'est impossible de passer. La place doit "
            "être rendue aux piétons."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92301, 1.35680),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [48]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Garder du stationnement pour les commerces et les personnes âgées",
        body=(
            "Attention, beaucoup de gens ici ne peuvent pas marcher longtemps et ont besoin de se garer "
            "près de la pharmacie et du médecin. Supprimer tout le stationnement, c'est condamner les "
            "commerces. Il faut trouver un équilibre."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92284, 1.35689),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [49]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Sécuriser la traversée vers l'école Paul-Éluard",
        body=(
            "Les enfants traversent la rue du Docteur-Roux pour aller à l'école et les voitures ne "
            "s'arrêtent pas. Il faudrait un plateau surélevé et un vrai passage piéton éclairé."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92246, 1.35725),
        address="rue du Docteur-Roux",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [50]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Places handicapées devant le cabinet médical",
        body=(
            "Deux places PMR devant le cabinet médical et la pharmacie, car aujourd'hui il y en a une "
            "seule et elle est toujours prise."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92358, 1.35714),
        address="1 place des Tilleuls",
        origin="online",
        status="accepted",
        answer=(
            "Le programme de l'aménagement prévoit trois places réservées aux personnes à mobilité réduite "
            "à proximité immédiate du cabinet médical et de la pharmacie."
        ),
    ),
    # [51]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un vrai abribus",
        body=(
            "L'arrêt Tilleuls n'a qu'un poteau. Quand il pleut, on attend sous la pluie avec les courses. "
            "Un abri avec un banc et l'affichage des horaires en temps réel."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92334, 1.35789),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [52]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une zone de rencontre autour de la place",
        body=(
            "Les participants de l'atelier proposent une zone de rencontre limitée à 20 km/h tout autour "
            "de la place, avec un revêtement différent (pavés), pour que les voitures comprennent qu'elles "
            "sont chez les piétons."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [53]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Atelier du 14 (2e groupe) : circulation et stationnement",
        body=(
            "Deuxième groupe de l'atelier du 14. Les participants proposent de rendre le centre de la "
            "place entièrement piéton, de reporter le stationnement sur le pourtour avec des places minute "
            "devant les commerces, et de rouvrir le parking souterrain en le sécurisant. Deux participants "
            "se sont opposés à toute suppression de places en surface, estimant que le parking souterrain "
            "ne sera jamais sûr."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92310, 1.35706),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [54]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Plus de poubelles et vidées plus souvent",
        body=(
            "Les poubelles débordent le week-end, les pies et les rats font le reste. Il en faut plus, "
            "plus grandes, et vidées le dimanche aussi."
        ),
        district_slug="grands-champs",
        theme_slug="proprete",
        place=(46.92363, 1.35729),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [55]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des cendriers de rue",
        body=(
            "Le sol devant l'arrêt de bus est couvert de mégots. Quelques cendriers (pourquoi pas des "
            "cendriers « sondage » où on vote avec son mégot, c'est ludique) éviteraient ça."
        ),
        district_slug="grands-champs",
        theme_slug="proprete",
        place=(46.92310, 1.35727),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [56]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un espace pour les chiens",
        body=(
            "Un petit canisite clôturé avec des sacs à disposition. Aujourd'hui les chiens font partout, y "
            "compris dans le bac à sable de la crèche."
        ),
        district_slug="grands-champs",
        theme_slug="proprete",
        place=(46.92306, 1.35840),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [57]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des conteneurs enterrés à l'écart des fenêtres",
        body=(
            "Propos recueillis dans le hall du 4 allée Ronsard : « Les bacs des immeubles sont en plein "
            "sur la place et ça sent très mauvais l'été. Il faudrait des conteneurs enterrés un peu à "
            "l'écart, comme dans le nouveau quartier des Rives. »"
        ),
        district_slug="grands-champs",
        theme_slug="proprete",
        place=(46.92303, 1.35803),
        address="4 allée Ronsard",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [58]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un city-stade pour les ados",
        body=(
            "Propos recueillis auprès d'un groupe de jeunes au pied de la tour Ronsard : « On joue au foot "
            "sur le parking entre les voitures et tout le monde nous crie dessus. Un petit city-stade, "
            "même dans un coin de la place, et on arrêtera de se faire engueuler. »"
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.92382, 1.35738),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [59]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un coin pour que les jeunes puissent se poser",
        body=(
            "On a 15-17 ans et on n'a aucun endroit pour se retrouver à part les halls, et on nous dit "
            "qu'on gêne. Juste un abri avec des assises et une prise pour recharger les téléphones, "
            "franchement ça suffit. Pas forcément au milieu de la place, on veut pas déranger."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92318, 1.35740),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [60]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Agrès de street workout",
        body=(
            "Barres de traction, barres parallèles, pour faire du sport gratuitement en plein air. Plein "
            "de gars du quartier s'entraînent déjà sur les rambardes du parking."
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.92253, 1.35802),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [61]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une table de ping-pong",
        body=(
            "Une table de ping-pong en béton, ça coûte rien et ça occupe tout le monde, des enfants aux "
            "retraités."
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.92259, 1.35794),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [62]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un terrain de pétanque ombragé",
        body=(
            "Les anciens présents à l'atelier demandent un terrain de boules bien plat et à l'ombre. "
            "Aujourd'hui ils jouent sur le parking en terre derrière le gymnase, au milieu des voitures."
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.92269, 1.35763),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [63]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une petite scène pour la fête de quartier",
        body=(
            "Chaque année la fête de quartier se fait avec une scène louée qu'on monte sur le parking. Une "
            "estrade permanente, même simple, avec des prises électriques, permettrait d'organiser des "
            "concerts, les spectacles des écoles, la fête de la musique ou l'iftar partagé de "
            "l'association Rencontres."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92337, 1.35788),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [64]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des toilettes publiques",
        body=(
            "Proposition de l'atelier du 21 : des toilettes publiques propres et gratuites. Pour les "
            "enfants, les personnes âgées, les marchands s'il y a un marché. C'est un besoin de base."
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92326, 1.35784),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [65]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une boîte à livres",
        body="Une boîte à livres près des bancs. Je peux fournir les premiers livres !",
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92271, 1.35703),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [66]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un kiosque avec un café associatif",
        body=(
            "Un petit kiosque avec un café tenu par une association d'insertion. Ça créerait un point de "
            "rencontre, des emplois pour le quartier et une présence toute la journée."
        ),
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=(46.92253, 1.35676),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [67]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un mur d'expression libre pour le graff",
        body=(
            "Un mur dédié où les graffeurs ont le droit de peindre. Au lieu de taguer les halls, ils "
            "pourraient faire des fresques. Il y a des vrais talents ici."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92276, 1.35649),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [68]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Donner aux nouvelles allées le nom de femmes du quartier",
        body=(
            "Sans changer le nom de la place, on pourrait donner aux nouvelles allées le nom de femmes qui "
            "ont marqué le quartier, comme Odette Vallin, qui a fondé l'amicale des locataires en 1975."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [69]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Wi-Fi gratuit sur la place",
        body="Un accès wifi public, beaucoup de gens ici n'ont que des forfaits limités.",
        district_slug="grands-champs",
        theme_slug="vie-locale",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [70]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Un cadran solaire au sol",
        body=(
            "Un grand cadran solaire dessiné au sol, où c'est la personne debout au centre qui fait "
            "l'ombre (un cadran analemmatique). Pédagogique pour les écoles et pas cher."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92294, 1.35703),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [71]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Garder la mémoire de la place",
        body=(
            "Installer des panneaux avec des photos anciennes du quartier, de la construction des tours, "
            "du marché des années 80. Beaucoup de jeunes ne savent pas d'où vient le quartier. Je peux "
            "prêter les photos de mon père, qui travaillait à la sucrerie."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [72]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Des nichoirs à martinets sur les tours",
        body=(
            "Les martinets nichaient dans les trous des façades, mais depuis l'isolation des tours ils ont "
            "disparu. On pourrait poser des nichoirs intégrés, le bailleur l'a fait dans d'autres "
            "résidences."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.92342, 1.35826),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [73]
    ProposalData(
        process_slug="place-des-tilleuls",
        title="Une horloge",
        body=(
            "Coupon papier remis au stand du samedi : « Une horloge sur la place. Tout le monde regarde "
            "son téléphone mais ça a du charme et ça sert à tout le monde. »"
        ),
        district_slug="grands-champs",
        theme_slug="cadre-de-vie",
        place=(46.92258, 1.35727),
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # ------------------------------------------------------------------------------------------------
    # solidarites-proximite
    # ------------------------------------------------------------------------------------------------
    # [74]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Appeler régulièrement les personnes âgées seules",
        body=(
            "Beaucoup de personnes âgées ne voient personne pendant des jours. Un simple coup de fil "
            "chaque semaine, par un bénévole ou un agent, pour prendre des nouvelles et repérer si quelque "
            "chose ne va pas. Ça existe pendant la canicule, pourquoi pas toute l'année ?"
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Proposition retenue : le CCAS étend à toute l'année son dispositif d'appels de convivialité, "
            "jusqu'ici limité à l'été. Une dizaine de bénévoles supplémentaires sont recherchés."
        ),
    ),
    # [75]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Repérer l'isolement avec les gardiens, les facteurs et les pharmaciens",
        body=(
            "Les personnes les plus isolées ne viendront jamais d'elles-mêmes au CCAS, et elles ne liront "
            "pas cette plateforme. Par contre, il y a des gens qui les voient tous les jours : le gardien "
            "d'immeuble, le facteur, l'infirmière, le pharmacien, la caissière de la supérette. Je propose "
            "de monter un petit réseau de « veilleurs » formés à repérer les signaux d'alerte (courrier "
            "qui s'accumule, personne qui ne sort plus, perte de poids), avec un numéro unique pour "
            "signaler une situation au CCAS de façon confidentielle. Je suis infirmière libérale aux "
            "Grands Champs et je serais partante pour y participer."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le Département expérimente déjà un dispositif proche avec les bailleurs sociaux. Son "
            "extension aux commerçants et aux professionnels de santé est à l'étude ; une rencontre avec "
            "les pharmaciens de la ville est programmée."
        ),
    ),
    # [76]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Propos recueillis au marché : « je ne parle plus à personne »",
        body=(
            "Propos recueillis au marché du centre-ville, samedi, auprès d'une habitante de 79 ans : « "
            "Depuis que mon mari est parti, je peux passer la semaine sans dire un mot. Mes enfants sont à "
            "Lyon. J'aimerais bien qu'il y ait un endroit où aller boire un café l'après-midi, sans que ce "
            "soit un club pour les vieux. »"
        ),
        district_slug="centre-historique",
        theme_slug="solidarite",
        place=(46.91281, 1.34508),
        address="",
        origin="outreach",
        status="under_study",
        answer=(
            "Cette demande rejoint plusieurs propositions sur les lieux de convivialité. Un café solidaire "
            "en centre-ville, ouvert à tous les âges, est à l'étude avec les associations."
        ),
    ),
    # [77]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des visites à domicile par des bénévoles",
        body=(
            "Une association qui organise des visites chez les personnes âgées qui ne sortent plus, une ou "
            "deux fois par mois. Pas pour faire le ménage, juste pour discuter, jouer aux cartes, lire le "
            "journal."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le CCAS recense les associations déjà actives sur ce sujet afin de coordonner leurs visites "
            "et d'éviter que certaines personnes ne soient oubliées."
        ),
    ),
    # [78]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un transport accompagné pour faire les courses",
        body=(
            "À Saint-Aubin il n'y a plus aucun commerce et le bus passe trois fois par jour. Les anciens "
            "qui ne conduisent plus dépendent de leurs voisins. Un minibus avec un chauffeur qui aide à "
            "porter les courses, une fois par semaine, jusqu'au supermarché et au marché."
        ),
        district_slug="saint-aubin",
        theme_slug="mobilite",
        place=(46.89792, 1.36493),
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Proposition retenue : une navette hebdomadaire sera testée pendant six mois à partir de la "
            "rentrée, le mardi matin, en lien avec le transport à la demande de l'agglomération."
        ),
    ),
    # [79]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des repas partagés entre générations",
        body=(
            "Organiser un déjeuner une fois par mois à la cantine de l'école, le mercredi, où les "
            "retraités mangent avec les enfants du centre de loisirs. Ça se fait dans d'autres communes et "
            "tout le monde y gagne."
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=(46.92310, 1.31935),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le service Restauration scolaire étudie la faisabilité d'un premier repas test au groupe "
            "scolaire Jean-Zay."
        ),
    ),
    # [80]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Recenser les personnes fragiles avant l'été",
        body=(
            "Le registre canicule est trop peu connu. Il faudrait faire du porte-à-porte pour inscrire les "
            "personnes fragiles."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Une campagne de porte-à-porte sera menée en mai par les médiateurs et des jeunes en service "
            "civique pour faire connaître le registre."
        ),
    ),
    # [81]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des voisins relais dans chaque immeuble",
        body=(
            "Les participants de l'atelier proposent une liste de voisins volontaires par immeuble pour "
            "rendre de petits services aux personnes âgées : monter les courses, changer une ampoule, "
            "passer à la pharmacie. Une affiche dans le hall avec les prénoms et les numéros de ceux qui "
            "sont d'accord."
        ),
        district_slug="centre-historique",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [82]
    ProposalData(
        process_slug="solidarites-proximite",
        title="De l'aide pour les démarches CAF et impôts en ligne",
        body=(
            "Tout se fait sur internet maintenant et je n'y arrive pas. J'ai perdu trois mois d'APL parce "
            "que je n'avais pas fait ma déclaration trimestrielle à temps. Il faudrait quelqu'un pour "
            "aider, gratuitement, près de chez nous."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92291, 1.35109),
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Une permanence d'aide aux démarches en ligne avec un conseiller numérique a ouvert au centre "
            "social des Tilleuls, le mardi et le jeudi de 14h à 17h, sans rendez-vous."
        ),
    ),
    # [83]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un conseiller numérique dans chaque quartier",
        body=(
            "Il y a un seul conseiller numérique pour toute la ville, à la médiathèque, avec trois "
            "semaines d'attente. Il en faudrait au moins un par quartier, ou qu'il tourne."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Un deuxième poste de conseiller numérique est financé à partir de l'an prochain ; il assurera "
            "des permanences tournantes à Bel-Air, aux Rives et à Saint-Aubin."
        ),
    ),
    # [84]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des cours pour apprendre à se servir d'un smartphone",
        body=(
            "Mes petits-enfants m'ont offert un téléphone mais je ne sais faire que décrocher. Des cours "
            "en petit groupe, avec de la patience, pour les gens comme moi."
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Des ateliers « Premiers pas avec le smartphone » sont proposés à la médiathèque et au centre "
            "social à partir du mois prochain, par groupes de six personnes au maximum."
        ),
    ),
    # [85]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Garder un guichet avec une vraie personne",
        body=(
            "Tout le monde n'a pas internet, tout le monde ne sait pas lire, et tout le monde n'a pas "
            "envie de parler à une machine. Il faut garder un accueil physique, avec des horaires larges, "
            "pour toutes les démarches de la mairie. C'est une question d'égalité."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "La Ville s'engage à maintenir un accueil physique pour l'ensemble de ses démarches. "
            "L'ouverture de l'accueil de l'hôtel de ville le samedi matin est à l'étude."
        ),
    ),
    # [86]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Prêter des ordinateurs reconditionnés aux familles",
        body=(
            "Les participants de l'atelier proposent que les ordinateurs remplacés par la mairie et les "
            "entreprises soient reconditionnés, puis prêtés ou donnés aux familles qui n'en ont pas, en "
            "priorité pour les enfants scolarisés."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="under_study",
        answer=(
            "Le service Informatique de la Ville identifie les postes pouvant être donnés ; un partenariat "
            "avec une structure d'insertion spécialisée dans le reconditionnement est envisagé."
        ),
    ),
    # [87]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Atelier du 3 : l'illectronisme, ce n'est pas que les personnes âgées",
        body=(
            "Atelier du 3 à la maison des solidarités, 14 participants dont 4 professionnels. Les "
            "participants soulignent que les difficultés numériques touchent aussi des jeunes (qui savent "
            "utiliser les réseaux sociaux mais pas remplir un dossier), des personnes qui lisent mal le "
            "français et des travailleurs aux horaires décalés. Ils proposent des permanences le soir et "
            "le samedi, des tutoriels vidéo en plusieurs langues et un interlocuteur identifié à la CAF en "
            "cas d'erreur."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="under_study",
        answer=(
            "Les partenaires (CAF, CPAM, Département) examinent la mise en place d'un référent commun pour "
            "les situations bloquées. Les permanences du soir seront testées au printemps."
        ),
    ),
    # [88]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un écrivain public",
        body=(
            "Une personne qui aide à écrire les courriers administratifs, les réclamations, les lettres au "
            "bailleur. Il y en avait un au centre social avant, il est parti à la retraite et n'a pas été "
            "remplacé."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92149, 1.35148),
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Un écrivain public bénévole tient de nouveau une permanence au centre social le vendredi matin."
        ),
    ),
    # [89]
    ProposalData(
        process_slug="solidarites-proximite",
        title="aide pour internet",
        body=(
            "Fiche déposée à l'accueil du CCAS : « besoin d'aide pour faire mes papiers sur internet, je "
            "n'ai pas d'ordinateur et mon téléphone est trop petit pour lire »"
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # [90]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une épicerie solidaire aux Grands Champs",
        body=(
            "La seule épicerie solidaire est dans le centre-ville, à 25 minutes à pied. Pour une mère avec "
            "trois enfants et des sacs lourds, c'est beaucoup. Une antenne aux Grands Champs, même ouverte "
            "deux jours par semaine."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.91852, 1.35965),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "L'association La Passerelle étudie avec le bailleur la mise à disposition d'un local en "
            "rez-de-chaussée de la tour Ronsard. Une décision est attendue à l'automne."
        ),
    ),
    # [91]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Élargir les horaires de l'épicerie solidaire",
        body=(
            "L'épicerie La Passerelle est ouverte le mardi et le jeudi de 14h à 17h. Quand on travaille "
            "(même à temps partiel, même avec un petit salaire) on ne peut pas y aller. Un créneau le "
            "samedi ou en fin de journée serait bienvenu."
        ),
        district_slug="centre-historique",
        theme_slug="solidarite",
        place=(46.90940, 1.34845),
        address="18 rue des Vanniers",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [92]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Récupérer les invendus des supermarchés et de la cuisine centrale",
        body=(
            "Chaque soir, la cuisine centrale jette des dizaines de repas. Les supermarchés aussi jettent "
            "beaucoup. On pourrait organiser la collecte avec des bénévoles et redistribuer."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "La cuisine centrale a signé une convention avec l'association La Passerelle : les repas non "
            "servis sont désormais récupérés deux fois par semaine."
        ),
    ),
    # [93]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des paniers de légumes à petit prix",
        body=(
            "Des maraîchers de Saint-Aubin pourraient proposer des paniers à prix réduit pour les familles "
            "modestes, avec une aide de la ville pour compenser. Manger des légumes frais, ça ne devrait "
            "pas être un luxe."
        ),
        district_slug="saint-aubin",
        theme_slug="solidarite",
        place=(46.89905, 1.36290),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Deux exploitations de Saint-Aubin se sont dites intéressées. Le CCAS étudie un système de "
            "paniers à prix différenciés financé en partie par le fonds de solidarité."
        ),
    ),
    # [94]
    ProposalData(
        process_slug="solidarites-proximite",
        title="De l'aide alimentaire pour les étudiants",
        body=(
            "Il y a de plus en plus d'étudiants de l'IUT qui ont faim et n'osent pas le dire. Une "
            "distribution dédiée, le soir, discrète."
        ),
        district_slug="rives-tanneries",
        theme_slug="solidarite",
        place=(46.90376, 1.33548),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [95]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un frigo solidaire en libre-service",
        body=(
            "Un frigo dans un lieu public où chacun peut déposer et prendre de la nourriture, sans "
            "condition. Il y en a dans plusieurs villes, ça marche bien si quelqu'un s'occupe de "
            "l'hygiène."
        ),
        district_slug="rives-tanneries",
        theme_slug="solidarite",
        place=(46.90424, 1.33543),
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Un frigo solidaire sera installé à la halle Brossard, géré par le tiers-lieu avec des "
            "bénévoles formés aux règles d'hygiène."
        ),
    ),
    # [96]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une épicerie ouverte à tous, avec des prix selon les revenus",
        body=(
            "Ce qui empêche beaucoup de gens d'aller à l'aide alimentaire, c'est la honte : faire la queue "
            "devant tout le monde, montrer ses papiers, être « ceux qui reçoivent ». Je propose une "
            "épicerie où tout le monde peut faire ses courses, avec des prix adaptés selon un code discret "
            "lié aux revenus. Les clients qui paient plein tarif financent en partie ceux qui paient "
            "moins. Ça existe déjà ailleurs sous le nom d'épicerie participative ou à prix différenciés. "
            "Ce serait aussi un lieu de rencontre, avec un coin café et des ateliers cuisine, où personne "
            "ne sait qui paie combien. J'ai moi-même eu besoin de l'aide alimentaire pendant un an après "
            "mon divorce, et je n'y suis allée que deux fois tellement c'était dur."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le modèle de l'épicerie à prix différenciés est étudié avec La Passerelle, qui envisage de "
            "faire évoluer son fonctionnement lors de son déménagement."
        ),
    ),
    # [97]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Propos recueillis à la sortie de l'école Paul-Éluard : la fin du mois",
        body=(
            "Propos recueillis par la médiatrice à la sortie de l'école : plusieurs parents expliquent que "
            "la fin du mois est très difficile et qu'ils ne savent pas à qui s'adresser pour une aide "
            "ponctuelle. Une maman : « Je ne suis pas assez pauvre pour l'aide alimentaire et pas assez "
            "riche pour finir le mois. »"
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92265, 1.36129),
        address="",
        origin="outreach",
        status="under_study",
        answer=(
            "Les critères d'accès aux aides facultatives du CCAS vont être revus pour mieux prendre en "
            "compte les travailleurs aux revenus modestes."
        ),
    ),
    # [98]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une garde d'enfants en horaires décalés",
        body=(
            "Je suis aide-soignante, seule avec deux enfants. Je commence à 6h30 certains jours et la "
            "crèche ouvre à 7h30. Je ne suis pas la seule : caissières, agents d'entretien, infirmières. "
            "Il faudrait une solution de garde tôt le matin et tard le soir, même chez une assistante "
            "maternelle agréée avec une aide."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le Département et la CAF étudient un dispositif de garde à horaires atypiques au domicile des "
            "familles. Un recensement des besoins est lancé auprès des parents."
        ),
    ),
    # [99]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des places en crèche pour les parents seuls qui reprennent un travail",
        body=(
            "Quand on trouve un travail, il faut une place en crèche tout de suite, pas dans six mois. "
            "Réserver quelques places d'urgence pour les familles monoparentales en reprise d'emploi."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Trois places à vocation d'insertion professionnelle seront réservées à la crèche des Tilleuls "
            "à partir de septembre."
        ),
    ),
    # [100]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un réseau de baby-sitting solidaire entre parents",
        body=(
            "Proposé en atelier par un groupe de mères solos : des parents du quartier qui s'échangent la "
            "garde des enfants, avec un tableau au centre social ou un groupe de messagerie. Je garde tes "
            "enfants le mardi soir, tu gardes les miens le jeudi."
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [101]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un lieu parents-enfants ouvert le samedi",
        body=(
            "Le lieu d'accueil enfants-parents n'est ouvert qu'en semaine. Le samedi, quand on est seul "
            "avec les enfants tout le week-end, on aimerait un endroit où souffler un peu et rencontrer "
            "d'autres parents."
        ),
        district_slug="centre-historique",
        theme_slug="jeunesse",
        place=(46.90886, 1.34367),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Une ouverture un samedi sur deux est étudiée pour l'an prochain, sous réserve de recrutement."
        ),
    ),
    # [102]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Propos recueillis : « avec qui je laisse mon fils ? »",
        body=(
            "Propos recueillis par l'équipe de la maison des solidarités : une mère seule de trois "
            "enfants, arrivée dans la ville il y a un an, explique qu'elle manque ses rendez-vous à France "
            "Travail faute de pouvoir faire garder le plus petit. « On me dit de venir, mais avec qui je "
            "laisse mon fils ? »"
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [103]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une allocation municipale pour toutes les familles monoparentales",
        body="La mairie devrait verser 100 € par mois à chaque famille monoparentale, sans condition.",
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="rejected",
        answer=(
            "La Ville n'a pas la capacité budgétaire de verser une allocation générale, et les prestations "
            "familiales relèvent de la CAF. Le CCAS peut en revanche accorder des aides ponctuelles : "
            "n'hésitez pas à le contacter."
        ),
    ),
    # [104]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un lieu où l'on peut venir sans rendez-vous",
        body=(
            "Pour avoir un rendez-vous avec une assistante sociale, il faut attendre trois semaines. Quand "
            "on a une coupure d'électricité demain, trois semaines c'est trop long. Il faut un accueil où "
            "on peut passer sans rendez-vous, au moins pour être orienté."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "La maison des solidarités ouvrira un accueil sans rendez-vous le lundi et le jeudi matin à "
            "partir de janvier. Les horaires seront évalués après six mois."
        ),
    ),
    # [105]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Permanence sans rendez-vous le samedi matin",
        body=(
            "Formulaire papier recopié : « Une permanence sans rendez-vous le samedi matin, pour ceux qui "
            "travaillent toute la semaine. »"
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # [106]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un guichet unique pour ne plus faire le tour des services",
        body=(
            "Quand on a un problème, on est renvoyé du CCAS à la maison des solidarités, de la maison des "
            "solidarités à la CAF, de la CAF à la CPAM, et chacun redemande les mêmes papiers. On finit "
            "par abandonner. Je propose un seul lieu, avec des agents des différents organismes présents à "
            "tour de rôle, un seul dossier, et une personne qui suit votre situation du début à la fin. "
            "L'espace France Services fait déjà une partie du travail, mais il est toujours plein et il ne "
            "peut pas tout traiter. L'an dernier, pour un simple dossier d'aide au logement, j'ai fait "
            "cinq allers-retours en bus avec mon fils handicapé, et à chaque fois il manquait un papier "
            "différent."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "La Ville et le Département réfléchissent à regrouper leurs accueils sociaux dans un même "
            "bâtiment lors de la rénovation de l'ancienne trésorerie. Un dossier partagé nécessite "
            "l'accord de chaque organisme."
        ),
    ),
    # [107]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un bus des solidarités qui passe à Saint-Aubin",
        body=(
            "À Saint-Aubin on n'a rien : une mairie annexe ouverte une demi-journée par semaine, pas de "
            "permanence sociale, et un bus toutes les trois heures. Un bus aménagé qui viendrait une fois "
            "par semaine avec une assistante sociale et un conseiller numérique, comme ça se fait dans les "
            "campagnes."
        ),
        district_slug="saint-aubin",
        theme_slug="solidarite",
        place=(46.89785, 1.36546),
        address="place de l'Église",
        origin="online",
        status="accepted",
        answer=(
            "Le Département mettra à disposition son bus « Solidarités mobiles » un jeudi sur deux sur la "
            "place de l'Église de Saint-Aubin, à partir du printemps."
        ),
    ),
    # [108]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Informer dans les langues parlées dans le quartier",
        body=(
            "Les participants de l'atelier relèvent que beaucoup de voisins maîtrisent mal le français : "
            "turc, arabe, tamoul, portugais, dari. Ils proposent de traduire les documents d'information "
            "et de faire venir des interprètes bénévoles lors des permanences."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="under_study",
        answer=(
            "Les principaux documents du CCAS seront traduits en cinq langues. Un appel à interprètes "
            "bénévoles est lancé avec les associations du quartier."
        ),
    ),
    # [109]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une table des solidarités au marché",
        body=(
            "Propos recueillis au marché : « Mettez une table de la maison des solidarités au marché le "
            "samedi. Les gens y sont déjà, c'est plus simple que d'aller dans un bureau. »"
        ),
        district_slug="centre-historique",
        theme_slug="solidarite",
        place=(46.91294, 1.34525),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [110]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Soutenir les aidants familiaux",
        body=(
            "Je m'occupe de ma femme atteinte de la maladie d'Alzheimer depuis cinq ans. Je ne dors plus, "
            "je ne sors plus. Il faudrait des solutions de répit : quelqu'un qui prend le relais une "
            "après-midi par semaine, un groupe de parole, un accueil de jour avec des places. L'accueil de "
            "jour le plus proche a huit mois d'attente, et les heures d'aide à domicile auxquelles on a "
            "droit ne couvrent même pas les toilettes du matin. Je ne me plains pas, je l'aime et je veux "
            "qu'elle reste à la maison le plus longtemps possible, mais si je tombe malade, qui s'occupera "
            "d'elle ? Les aidants sont les grands oubliés."
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Un groupe de parole pour les aidants démarre en lien avec la plateforme de répit de "
            "l'hôpital. L'augmentation des places en accueil de jour relève de l'Agence régionale de "
            "santé, qui a été saisie."
        ),
    ),
    # [111]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une mutuelle communale",
        body=(
            "Beaucoup de retraités n'ont plus de mutuelle parce que c'est trop cher. Une mutuelle négociée "
            "par la ville pour tous les habitants, comme font d'autres communes."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="accepted",
        answer=(
            "Une consultation d'organismes a été lancée ; l'offre de mutuelle communale sera présentée aux "
            "habitants lors de réunions publiques en fin d'année."
        ),
    ),
    # [112]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Aider à payer les factures d'énergie et à isoler les logements",
        body=(
            "Mon appartement est une passoire, je paie 180 € d'électricité par mois pour avoir 17 degrés. "
            "Il faudrait un accompagnement pour négocier avec le bailleur et obtenir des travaux, et des "
            "aides pour les factures en attendant."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92094, 1.35821),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Un conseiller en économies d'énergie tiendra des permanences mensuelles au centre social. La "
            "rénovation thermique des tours est inscrite au programme de renouvellement urbain."
        ),
    ),
    # [113]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une laverie solidaire",
        body=(
            "Propos recueillis dans le hall du 6 allée Ronsard : « Une laverie pas chère avec un coin "
            "café, pour ceux qui n'ont pas de machine ou pas de place pour faire sécher le linge. Ça "
            "ferait un endroit pour se rencontrer aussi. »"
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92249, 1.35373),
        address="6 allée Ronsard",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [114]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Des douches et un accueil de jour pour les personnes à la rue",
        body=(
            "Une dizaine de personnes dorment dehors près de la gare et le long des quais. Elles n'ont "
            "accès à aucune douche. Un accueil de jour, même modeste, avec des douches, une bagagerie et "
            "un café."
        ),
        district_slug="rives-tanneries",
        theme_slug="solidarite",
        place=(46.90629, 1.33730),
        address="",
        origin="online",
        status="under_study",
        answer=(
            "Le CCAS et l'association d'accueil de nuit étudient l'ouverture de douches et d'une bagagerie "
            "dans les locaux de l'ancienne gare de marchandises."
        ),
    ),
    # [115]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Former les commerçants à repérer les personnes en difficulté",
        body=(
            "Les commerçants voient passer tout le monde. Une petite formation pour savoir vers qui "
            "orienter les gens, ça ne coûte pas cher."
        ),
        district_slug="centre-historique",
        theme_slug="vie-locale",
        place=(46.91058, 1.34511),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [116]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Contrôler davantage ceux qui touchent des aides",
        body=(
            "Avant de créer de nouvelles aides, il faudrait vérifier que ceux qui en touchent en ont "
            "vraiment besoin. Beaucoup abusent."
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="rejected",
        answer=(
            "Le contrôle des prestations relève des organismes qui les versent (CAF, Département), qui "
            "disposent de leurs propres procédures. Cette démarche porte sur le non-recours : selon les "
            "études nationales, environ un tiers des personnes qui pourraient bénéficier de certaines "
            "aides ne les demandent pas."
        ),
    ),
    # [117]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Un transport solidaire pour les rendez-vous médicaux",
        body=(
            "Pour aller à l'hôpital ou chez le spécialiste, sans voiture et sans famille, c'est la galère. "
            "Un service de transport avec des chauffeurs bénévoles, pour un prix modique."
        ),
        district_slug="saint-aubin",
        theme_slug="mobilite",
        place=(46.89775, 1.36126),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [118]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Coiffeur et soins esthétiques solidaires",
        body=(
            "Une fois par mois, un salon solidaire : coupe, soins, à petit prix. Ça paraît superflu mais "
            "pour retrouver du travail, ou simplement se sentir bien, ça compte énormément."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [119]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Atelier du 10 : mieux faire connaître les aides qui existent",
        body=(
            "Atelier du 10 avec des membres du conseil citoyen et des travailleurs sociaux. Constat "
            "partagé : les aides existent souvent, mais personne ne les connaît. Les participants "
            "proposent un guide simple, une page par situation (« je perds mon emploi », « je me sépare », "
            "« mon parent devient dépendant »), distribué dans les boîtes aux lettres, et des habitants « "
            "ambassadeurs » formés pour relayer l'information."
        ),
        district_slug=None,
        theme_slug="solidarite",
        place=None,
        address="",
        origin="workshop",
        status="accepted",
        answer=(
            "Le guide « À qui m'adresser ? » est en cours de rédaction avec les participants de l'atelier. "
            "Il sera distribué dans toutes les boîtes aux lettres de la ville."
        ),
    ),
    # [120]
    ProposalData(
        process_slug="solidarites-proximite",
        title="Une salle d'attente plus accueillante",
        body=(
            "Contribution recopiée du cahier de la salle d'attente de la maison des solidarités : « Des "
            "chaises plus confortables et des jouets pour les enfants, on attend parfois une heure. »"
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92395, 1.35910),
        address="9 rue Paul-Bert",
        origin="import",
        status="accepted",
        answer=(
            "C'est fait : la salle d'attente a été réaménagée avec un coin enfants et de nouvelles "
            "assises. Merci pour cette remarque."
        ),
    ),
    # ------------------------------------------------------------------------------------------------
    # initiatives-citoyennes
    # ------------------------------------------------------------------------------------------------
    # [121]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un jardin partagé au pied de la tour Du Bellay",
        body=(
            "Avec l'amicale des locataires, on voudrait transformer la pelouse pelée derrière la tour Du "
            "Bellay en jardin partagé : une quinzaine de bacs, un récupérateur d'eau de pluie, un abri à "
            "outils. On est déjà 12 familles intéressées, de la tour et des barres voisines, et l'école "
            "Paul-Éluard voudrait y amener une classe le jeudi. Le budget estimé est de 3 800 € : 1 900 € "
            "pour les bacs en bois et la terre, 600 € pour le récupérateur et l'abri, le reste pour les "
            "outils, les graines et une petite fête d'inauguration. Le bailleur est d'accord sur le "
            "principe si c'est l'amicale qui signe la convention. On aurait surtout besoin d'aide pour "
            "l'assurance et pour trouver quelqu'un qui nous forme au début."
        ),
        district_slug="grands-champs",
        theme_slug="nature-en-ville",
        place=(46.91818, 1.35725),
        address="16 allée Du Bellay",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [122]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des jardins familiaux sur la friche des Tanneries",
        body=(
            "La grande friche entre la rue des Tanneurs et la rivière est à l'abandon depuis des années. "
            "Des parcelles de jardin familial, avec l'eau de la Loirette pour arroser, ce serait parfait "
            "pour les habitants des nouveaux immeubles qui n'ont qu'un balcon."
        ),
        district_slug="rives-tanneries",
        theme_slug="nature-en-ville",
        place=(46.90322, 1.33208),
        address="rue des Tanneurs",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [123]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Jardin partagé au bout de la rue des Acacias",
        body=(
            "Il y a un espace vert communal au bout de la rue des Acacias que personne n'utilise, à part "
            "pour promener les chiens. Un petit jardin partagé avec les voisins et l'école Jean-Zay, qui "
            "pourrait y amener les classes."
        ),
        district_slug="bel-air",
        theme_slug="nature-en-ville",
        place=(46.91932, 1.31198),
        address="rue des Acacias",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [124]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des bacs potagers devant la médiathèque",
        body=(
            "Quatre ou cinq bacs potagers devant la médiathèque, entretenus par les lecteurs et les "
            "enfants de l'heure du conte. On plante au printemps, on récolte en septembre et on fait une "
            "soupe ensemble."
        ),
        district_slug="centre-historique",
        theme_slug="nature-en-ville",
        place=(46.91159, 1.34389),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [125]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un composteur collectif dans le centre",
        body=(
            "Dans le centre on vit en appartement, sans jardin, et nos épluchures partent à la poubelle. "
            "Un composteur de quartier géré par des voisins formés, sur la placette Saint-Martin par "
            "exemple. On est cinq voisins prêts à s'en occuper."
        ),
        district_slug="centre-historique",
        theme_slug="proprete",
        place=(46.91326, 1.34012),
        address="placette Saint-Martin",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [126]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un repair café une fois par mois",
        body=(
            "On est un petit groupe de bricoleurs (un électricien retraité, une couturière, un "
            "informaticien) et on voudrait lancer un repair café mensuel à la halle Brossard. Besoin de : "
            "outillage de base, assurance, un peu de communication. Environ 1 500 € la première année."
        ),
        district_slug="rives-tanneries",
        theme_slug="vie-locale",
        place=(46.90382, 1.33558),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [127]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un atelier vélo participatif",
        body=(
            "Proposé lors de l'atelier d'accompagnement : un atelier où on apprend à réparer son vélo "
            "soi-même, avec des outils et des pièces de récupération. Ouvert aux jeunes du quartier, pour "
            "qu'ils aient un vélo en état, et pourquoi pas créer à terme un petit emploi."
        ),
        district_slug="grands-champs",
        theme_slug="mobilite",
        place=(46.92456, 1.36018),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [128]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Réparer au lieu de jeter : couture et petit électroménager",
        body=(
            "Des ateliers couture et réparation de petit électroménager au centre de loisirs de Bel-Air, "
            "le samedi après-midi. J'ai une machine à coudre en trop que je peux donner."
        ),
        district_slug="bel-air",
        theme_slug="vie-locale",
        place=(46.92145, 1.32167),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [129]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un repair café à Saint-Aubin aussi",
        body="Pour qu'on n'ait pas besoin d'aller en ville. La salle des fêtes est libre le dimanche matin.",
        district_slug="saint-aubin",
        theme_slug="vie-locale",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [130]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un festival de musique au bord de la Loirette",
        body=(
            "Un festival gratuit sur deux jours, fin juin, sur la nouvelle promenade des quais, avec des "
            "groupes locaux, des associations et un coin pour les familles. Les élèves du conservatoire et "
            "les groupes du studio de répétition des Grands Champs pourraient jouer. On cherche 5 000 € et "
            "des bénévoles !"
        ),
        district_slug="rives-tanneries",
        theme_slug="culture",
        place=(46.90710, 1.33611),
        address="quai des Tanneurs",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [131]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un festival des cultures du monde aux Grands Champs",
        body=(
            "Plus de trente nationalités vivent dans le quartier : cuisines, danses, musiques, contes. Une "
            "grande fête sur la place des Tilleuls (une fois refaite !) où chaque communauté présente "
            "quelque chose."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92720, 1.35494),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [132]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une guinguette l'été sur les quais",
        body=(
            "Une guinguette associative tous les vendredis soir de juillet et d'août : bal, buvette, jeux "
            "pour les enfants. De quoi faire vivre la promenade le soir."
        ),
        district_slug="rives-tanneries",
        theme_slug="vie-locale",
        place=(46.90586, 1.33049),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [133]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Du cinéma en plein air dans les quartiers",
        body=(
            "Trois séances gratuites l'été, une à Bel-Air, une aux Grands Champs, une à Saint-Aubin, avec "
            "un film choisi par les habitants."
        ),
        district_slug=None,
        theme_slug="culture",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [134]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une fête des voisins géante à Bel-Air",
        body=(
            "Fermer la rue des Lilas un samedi de juin et installer de grandes tables pour tout le "
            "lotissement. Il faut des tables, des barnums et un peu de budget pour la musique."
        ),
        district_slug="bel-air",
        theme_slug="vie-locale",
        place=(46.92031, 1.32684),
        address="rue des Lilas",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [135]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Du foot pour les filles",
        body=(
            "Je m'appelle Inès, j'ai 13 ans et je joue au foot avec les garçons dans la cour, mais il n'y "
            "a pas d'équipe de filles au club. On voudrait des entraînements juste pour les filles, avec "
            "une coach. On est au moins 10 dans mon collège."
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.91990, 1.36062),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [136]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des créneaux au gymnase réservés aux filles",
        body=(
            "Au city-stade et au gymnase, ce sont toujours les garçons qui prennent la place. Des créneaux "
            "réservés aux filles le mercredi et le samedi, avec des animatrices, pour qu'elles osent "
            "venir."
        ),
        district_slug=None,
        theme_slug="sport",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [137]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des cours d'autodéfense pour les ados filles",
        body=(
            "Des stages d'autodéfense pour les collégiennes et les lycéennes pendant les vacances. Pour se "
            "sentir plus sûres d'elles, dans la rue comme ailleurs."
        ),
        district_slug="centre-historique",
        theme_slug="sport",
        place=(46.91659, 1.34514),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [138]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Boxe et fitness entre femmes, avec garde des enfants",
        body=(
            "Propos recueillis par l'animatrice du centre social : plusieurs femmes du quartier aimeraient "
            "faire du sport mais n'osent pas aller en salle, ou n'en ont pas les moyens. Elles proposent "
            "un cours de boxe ou de fitness entre femmes, avec une garde des enfants pendant la séance."
        ),
        district_slug="grands-champs",
        theme_slug="sport",
        place=(46.92041, 1.36067),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [139]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Courir entre filles le dimanche matin",
        body=(
            "Propos recueillis au stade : « Un groupe de course à pied pour les filles et les femmes, le "
            "dimanche matin, avec une coach. Seule je n'ose pas. »"
        ),
        district_slug="bel-air",
        theme_slug="sport",
        place=(46.91594, 1.31641),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [140]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une outilthèque pour emprunter au lieu d'acheter",
        body=(
            "Une perceuse sert en moyenne 13 minutes dans toute sa vie. Une outilthèque où on emprunte "
            "perceuse, échelle, scie, taille-haie, avec une petite cotisation annuelle. On pourrait "
            "l'installer dans un local de la halle Brossard."
        ),
        district_slug="rives-tanneries",
        theme_slug="vie-locale",
        place=(46.90420, 1.33532),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [141]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une grainothèque à la médiathèque",
        body=(
            "Une boîte où on dépose et où on prend des graines de légumes et de fleurs, à la médiathèque. "
            "Avec des ateliers pour apprendre à produire ses propres graines."
        ),
        district_slug="centre-historique",
        theme_slug="nature-en-ville",
        place=(46.91169, 1.34441),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [142]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une bibliothèque d'objets à Bel-Air",
        body=(
            "Les participants de l'atelier proposent une bibliothèque d'objets pour le quartier : appareil "
            "à raclette, tente, poussette de voyage, outils, nettoyeur haute pression. Chacun prête ce qui "
            "dort dans son garage."
        ),
        district_slug="bel-air",
        theme_slug="vie-locale",
        place=(46.91747, 1.32322),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [143]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une ludothèque itinérante",
        body=(
            "Une camionnette remplie de jeux de société qui passe dans chaque quartier une fois par mois. "
            "On joue sur place et on peut emprunter."
        ),
        district_slug=None,
        theme_slug="jeunesse",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [144]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Aide aux devoirs par des étudiants",
        body=(
            "Des étudiants de l'IUT ou des lycéens qui viennent aider les collégiens pour les devoirs, "
            "deux soirs par semaine au centre social, contre une petite gratification ou des heures de "
            "bénévolat reconnues dans leur cursus."
        ),
        district_slug="grands-champs",
        theme_slug="jeunesse",
        place=(46.92691, 1.35552),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [145]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Soutien scolaire gratuit pour les collégiens",
        body=(
            "Les cours particuliers coûtent 25 € de l'heure. Beaucoup de parents ne peuvent ni payer, ni "
            "aider eux-mêmes en maths ou en anglais. Du soutien scolaire gratuit, ce serait l'égalité des "
            "chances pour de vrai."
        ),
        district_slug="rives-tanneries",
        theme_slug="jeunesse",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [146]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Tutorat entre lycéens et collégiens",
        body=(
            "Au lycée on a des heures d'engagement à faire. On pourrait aider les 6e et les 5e dans leurs "
            "devoirs, à la médiathèque le mercredi après-midi."
        ),
        district_slug="centre-historique",
        theme_slug="jeunesse",
        place=(46.91158, 1.34391),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [147]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Lire des histoires aux tout-petits au pied des tours",
        body=(
            "Propos recueillis auprès des mamans au square : des lectures pour les 0-3 ans dans les halls "
            "ou au pied des immeubles, avec des parents volontaires et la médiathèque, pour donner le goût "
            "des livres avant l'école."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92736, 1.35513),
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [148]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Nettoyer les berges de la Loirette",
        body=(
            "Une grande journée de ramassage des déchets sur les berges, chaque printemps, avec les "
            "écoles, les pêcheurs et le club de canoë. Il faut juste des gants, des sacs, une benne et un "
            "goûter."
        ),
        district_slug="rives-tanneries",
        theme_slug="proprete",
        place=(46.90223, 1.33906),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [149]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Installer des ruches pédagogiques",
        body=(
            "Avec le syndicat apicole, installer quelques ruches dans le pré communal de Saint-Aubin, pour "
            "faire découvrir les abeilles aux enfants des écoles."
        ),
        district_slug="saint-aubin",
        theme_slug="nature-en-ville",
        place=(46.90053, 1.36421),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [150]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des hôtels à insectes et des nichoirs dans les écoles",
        body=(
            "Proposition de l'atelier jardins : construire des hôtels à insectes et des nichoirs avec les "
            "élèves, puis les installer dans les cours d'école et les parcs."
        ),
        district_slug=None,
        theme_slug="nature-en-ville",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [151]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une fresque participative sur le mur du gymnase",
        body=(
            "Le mur nord du gymnase est gris et tagué. Une fresque dessinée avec les habitants et un "
            "artiste, peinte par les jeunes pendant les vacances d'été."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92526, 1.35703),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [152]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une armoire à dons",
        body=(
            "Une armoire en bois abritée où on dépose vêtements, jouets et petits objets en bon état, et "
            "où chacun se sert."
        ),
        district_slug="centre-historique",
        theme_slug="solidarite",
        place=(46.90915, 1.34553),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [153]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un pédibus pour aller à l'école Jean-Zay",
        body=(
            "Des parents qui accompagnent à pied un groupe d'enfants sur un trajet avec des arrêts, comme "
            "une ligne de bus. Moins de voitures devant l'école, plus de sécurité. Il faut juste des "
            "gilets, des panneaux d'arrêt et une assurance."
        ),
        district_slug="bel-air",
        theme_slug="mobilite",
        place=(46.91627, 1.31395),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [154]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Restaurer le lavoir de Saint-Aubin",
        body=(
            "Le lavoir du XIXe siècle est en train de s'écrouler, la charpente est pourrie. Avec le comité "
            "des fêtes, on est prêts à faire les travaux en chantier participatif si la ville fournit les "
            "matériaux et un encadrement. On a déjà demandé un devis à un charpentier du coin pour les "
            "bois (environ 3 200 €) et les tuiles anciennes sont encore là, empilées dans la grange de M. "
            "Pasquier. C'est le dernier lavoir couvert de la commune, nos grands-mères y lavaient encore "
            "le linge dans les années 60. Le restaurer, c'est aussi garder un lieu où l'on s'arrête "
            "pendant la balade du dimanche."
        ),
        district_slug="saint-aubin",
        theme_slug="culture",
        place=(46.89679, 1.36538),
        address="chemin du Lavoir",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [155]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une chorale intergénérationnelle",
        body=(
            "Idée sortie de l'atelier : une chorale ouverte à tous, des enfants aux résidents de l'EHPAD, "
            "avec un concert à Noël. Pas besoin de savoir lire la musique."
        ),
        district_slug=None,
        theme_slug="culture",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [156]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un atelier théâtre pour les ados",
        body=(
            "Un atelier théâtre gratuit le mercredi pour les 12-16 ans, avec un spectacle en fin d'année. "
            "Ça donne confiance et ça apprend à parler devant les autres."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=(46.92088, 1.35669),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [157]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des cours de français le soir pour les adultes",
        body=(
            "Des cours de français gratuits en soirée, pour ceux qui travaillent. Les cours actuels sont "
            "le matin et les listes d'attente sont longues."
        ),
        district_slug="grands-champs",
        theme_slug="solidarite",
        place=(46.92547, 1.35324),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [158]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des balades contées dans le centre historique",
        body=(
            "Des balades où un conteur raconte l'histoire des rues et des maisons, les légendes de la "
            "Loirette, le grand incendie de 1762. Pour les habitants autant que pour les touristes."
        ),
        district_slug="centre-historique",
        theme_slug="culture",
        place=(46.91168, 1.35095),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [159]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un skatepark construit avec les jeunes",
        body=(
            "Un petit skatepark en béton construit en chantier participatif avec les riders, sous le pont "
            "de la rocade. Ça se fait dans plein de villes et ça coûte beaucoup moins cher qu'un skatepark "
            "clé en main."
        ),
        district_slug="rives-tanneries",
        theme_slug="sport",
        place=(46.89996, 1.32972),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [160]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un podcast sur l'histoire des Grands Champs",
        body=(
            "Enregistrer les souvenirs des premiers habitants, arrivés dans les années 70 (ouvriers de la "
            "sucrerie, rapatriés, travailleurs immigrés...) avant qu'il soit trop tard."
        ),
        district_slug="grands-champs",
        theme_slug="culture",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [161]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une vélo-école pour adultes",
        body=(
            "Beaucoup d'adultes, surtout des femmes, n'ont jamais appris à faire du vélo. Des cours "
            "gratuits le dimanche matin sur le parking du stade."
        ),
        district_slug=None,
        theme_slug="mobilite",
        place=None,
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [162]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Troc de vêtements d'enfants",
        body=(
            "Deux fois par an, un grand troc de vêtements d'enfants au centre de loisirs. Les enfants "
            "grandissent tellement vite !"
        ),
        district_slug="bel-air",
        theme_slug="solidarite",
        place=(46.92071, 1.32476),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [163]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une conserverie partagée",
        body=(
            "Un local équipé (stérilisateur, bocaux, grandes marmites) pour transformer les surplus des "
            "jardins en conserves, coulis et confitures."
        ),
        district_slug="saint-aubin",
        theme_slug="vie-locale",
        place=(46.89445, 1.36466),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [164]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Covoiturage entre Saint-Aubin et le centre-ville",
        body=(
            "Des arrêts de covoiturage matérialisés, avec un groupe de messagerie, pour aller au travail "
            "ou en ville sans attendre le bus."
        ),
        district_slug="saint-aubin",
        theme_slug="mobilite",
        place=(46.89742, 1.36540),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [165]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un café des parents au collège",
        body=(
            "Les participants proposent un café des parents une fois par mois au collège, pour échanger "
            "entre parents et avec les professeurs, sans que ce soit une convocation."
        ),
        district_slug="centre-historique",
        theme_slug="jeunesse",
        place=(46.91141, 1.33956),
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [166]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un concours de la plus grosse citrouille",
        body=(
            "Pour la fête d'automne, un concours de la plus grosse citrouille et de la meilleure soupe. "
            "C'est bête mais ça ferait rire tout le monde !"
        ),
        district_slug="saint-aubin",
        theme_slug="vie-locale",
        place=(46.89834, 1.36267),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [167]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un escape game dans l'ancienne tannerie",
        body=(
            "Raconter l'histoire des tanneurs avec un jeu d'énigmes dans les caves de l'ancienne tannerie "
            "Brossard."
        ),
        district_slug="rives-tanneries",
        theme_slug="culture",
        place=(46.90387, 1.33564),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [168]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un piano en libre accès à la gare",
        body="Un vieux piano, accordé, que chacun peut jouer en attendant son train.",
        district_slug="rives-tanneries",
        theme_slug="culture",
        place=(46.90610, 1.33696),
        address="",
        origin="online",
        status="submitted",
        answer="",
    ),
    # [169]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Une piscine olympique",
        body=(
            "Val-de-Loirette mérite une vraie piscine de 50 mètres, la piscine actuelle est trop petite et "
            "toujours bondée."
        ),
        district_slug="bel-air",
        theme_slug="sport",
        place=None,
        address="",
        origin="online",
        status="rejected",
        answer=(
            "Cette proposition dépasse très largement le cadre de l'appel (5 000 € maximum par projet) et "
            "relève de la compétence de l'agglomération. Elle a été transmise au service des Sports."
        ),
    ),
    # [170]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Atelier du 18 : relier les projets autour de l'alimentation",
        body=(
            "Atelier d'accompagnement du 18 à la Maison de la vie associative, 9 porteurs de projets. Les "
            "participants proposent de relier les projets de jardins partagés, de grainothèque et de "
            "composteurs dans un même réseau « Val-de-Loirette nourricière », avec une journée d'échange "
            "de plants au printemps et une carte commune."
        ),
        district_slug=None,
        theme_slug="nature-en-ville",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [171]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Atelier jeunes du 20 : un lieu à nous",
        body=(
            "Atelier avec 15 jeunes de 14 à 19 ans au service jeunesse. Les participants proposent un "
            "local géré par les jeunes eux-mêmes, avec une salle de répétition, un petit studio pour faire "
            "des podcasts et des vidéos, et des soirées sans alcool. Ils insistent pour être associés au "
            "choix du lieu et à l'écriture des règles de fonctionnement."
        ),
        district_slug=None,
        theme_slug="jeunesse",
        place=None,
        address="",
        origin="workshop",
        status="submitted",
        answer="",
    ),
    # [172]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Un tournoi de foot inter-quartiers",
        body=(
            "Propos recueillis par les animateurs au city-stade : les jeunes proposent un tournoi de foot "
            "inter-quartiers l'été, avec des équipes mélangées Bel-Air, Grands Champs, centre, "
            "Saint-Aubin. « Comme ça on se connaît et on arrête de se regarder de loin. »"
        ),
        district_slug=None,
        theme_slug="sport",
        place=None,
        address="",
        origin="outreach",
        status="submitted",
        answer="",
    ),
    # [173]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Tournoi de pétanque ouvert à tous",
        body=(
            "Formulaire papier déposé à la mairie annexe de Saint-Aubin : « Le club de pétanque propose un "
            "tournoi ouvert à tous avec repas, pour financer l'achat de boules pour les débutants et d'un "
            "abri. Budget 1 200 €. »"
        ),
        district_slug="saint-aubin",
        theme_slug="sport",
        place=(46.89762, 1.36257),
        address="",
        origin="import",
        status="submitted",
        answer="",
    ),
    # [174]
    ProposalData(
        process_slug="initiatives-citoyennes",
        title="Des bancs le long du chemin de halage",
        body=(
            "Formulaire papier déposé à la mairie annexe : « Quelques bancs le long du chemin de halage "
            "entre Saint-Aubin et le moulin, pour les promeneurs qui ne peuvent pas faire le trajet d'une "
            "traite. »"
        ),
        district_slug="saint-aubin",
        theme_slug="cadre-de-vie",
        place=(46.89790, 1.36667),
        address="chemin de Halage",
        origin="import",
        status="submitted",
        answer="",
    ),
]


@dataclass(frozen=True)
class CommentData:
    proposal_index: int  # index into PROPOSALS
    body: str
    replies: list[str] = field(default_factory=list)


COMMENTS: list[CommentData] = [
    # [0] Des arbres, des vrais, pour avoir de l'ombre l'été
    CommentData(
        proposal_index=0,
        body=(
            "Entièrement d'accord. Et qu'on arrête de planter des arbres de deux mètres qui meurent la "
            "première année faute d'arrosage."
        ),
        replies=[
            (
                "Le problème c'est surtout l'arrosage les deux premiers étés, les jeunes arbres ont besoin "
                "de suivi. Peut-être que des habitants pourraient parrainer un arbre ?"
            ),
        ],
    ),
    CommentData(
        proposal_index=0,
        body="Attention quand même au parking souterrain en dessous, on ne peut pas planter n'importe où.",
        replies=[
            (
                "Le service Espaces verts précise que la dalle du parking souterrain ne couvre que la "
                "partie nord de la place : la partie sud, en pleine terre, peut accueillir des arbres de "
                "grand développement."
            ),
        ],
    ),
    # [1] Remplacer les tilleuls malades par des essences qui supportent la chaleur
    CommentData(
        proposal_index=1,
        body=(
            "Merci pour ces précisions, on sent le connaisseur. Le micocoulier, c'est celui qu'on voit sur "
            "les places dans le Midi ?"
        ),
        replies=[
            (
                "Oui, c'est l'arbre des places de village en Provence. Il supporte très bien la chaleur et "
                "la pollution."
            ),
        ],
    ),
    CommentData(
        proposal_index=1,
        body="Et pourquoi pas quelques arbres fruitiers ? Des figuiers, des mûriers...",
        replies=[
            (
                "Les fruits qui tombent sur les pavés, bonjour les guêpes et les glissades. Je ne suis pas "
                "sûre que ce soit une bonne idée sur une place."
            ),
        ],
    ),
    # [2] Garder les tilleuls qui restent !!!
    CommentData(
        proposal_index=2,
        body="Oui ! Ces arbres font partie du quartier, mes enfants ont grandi sous ces tilleuls.",
    ),
    CommentData(
        proposal_index=2,
        body=(
            "Il faut garder ceux qui sont sains, mais si certains sont malades et risquent de tomber, "
            "mieux vaut les remplacer. La sécurité d'abord."
        ),
    ),
    # [3] Une pergola avec des plantes grimpantes au-dessus des bancs
    CommentData(
        proposal_index=3,
        body="Bonne idée en attendant, mais une pergola mal entretenue devient vite moche. Qui s'en occupe ?",
    ),
    # [4] Moins de bitume, plus de terre
    CommentData(
        proposal_index=4,
        body=(
            "Le parking souterrain a effectivement été inondé deux fois l'an dernier, j'en sais quelque "
            "chose."
        ),
    ),
    # [5] Atelier du 14 : créer un îlot de fraîcheur au centre de la place
    CommentData(
        proposal_index=5,
        body="J'étais à l'atelier, c'était très intéressant. Dommage qu'il n'y ait pas eu plus de jeunes.",
        replies=[
            (
                "Un atelier spécial jeunes est prévu le 28 au service jeunesse, l'info est sur la page de "
                "la démarche."
            ),
        ],
    ),
    # [8] Des bancs avec dossier et accoudoirs pour les personnes âgées
    CommentData(
        proposal_index=8,
        body="Et pas en métal, qui brûle l'été et gèle l'hiver. Le bois c'est mieux.",
        replies=[
            (
                "Le bois s'abîme vite et se fait taguer. Il existe des bancs mixtes, structure en métal et "
                "assise en bois, c'est un bon compromis."
            ),
        ],
    ),
    CommentData(
        proposal_index=8,
        body=(
            "Merci de penser aux anciens. Ma voisine ne sort plus parce qu'elle ne peut pas se reposer en "
            "chemin."
        ),
    ),
    CommentData(
        proposal_index=8,
        body=(
            "Il faudrait aussi des bancs un peu plus hauts que la normale, c'est plus facile pour se relever."
        ),
    ),
    # [10] Un banc à l'ombre, c'est tout ce qu'on demande
    CommentData(
        proposal_index=10,
        body=(
            "Les bancs avaient été enlevés à la demande de certains habitants à cause du bruit le soir. Il "
            "faudra trouver une solution pour que ça ne recommence pas."
        ),
        replies=[
            (
                "Enlever les bancs pour tout le monde à cause de quelques-uns, c'est punir les personnes "
                "âgées. Il faut plutôt de l'animation et de la présence."
            ),
        ],
    ),
    # [14] Une aire de jeux pour les petits
    CommentData(
        proposal_index=14,
        body="Oui mille fois ! Le parc de Bel-Air c'est deux bus avec une poussette.",
    ),
    CommentData(
        proposal_index=14,
        body=(
            "Il y a des jeux dans la cour de la maternelle, on pourrait peut-être les ouvrir le mercredi "
            "et le week-end ?"
        ),
        replies=[
            (
                "Les cours d'école ne peuvent pas être ouvertes au public sans surveillance, pour des "
                "questions de responsabilité. Mais certaines villes ouvrent leurs « cours oasis » le "
                "week-end avec un gardien, ça pourrait s'étudier."
            ),
        ],
    ),
    # [15] Jeux pour enfants clôturés, loin de la circulation
    CommentData(
        proposal_index=15,
        body="D'accord pour une clôture basse, pas une cage. Sinon ça fait prison.",
    ),
    # [17] Des jeux pour les 8-12 ans aussi
    CommentData(
        proposal_index=17,
        body="Mon fils aussi ! Il a 9 ans et il n'a rien à faire à part son téléphone.",
    ),
    # [19] Atelier enfants du centre de loisirs : la place dont on rêve
    CommentData(
        proposal_index=19,
        body=(
            "« Une maison pour les chats » :) Il y a effectivement une colonie de chats derrière le "
            "gymnase, nourrie par des voisines."
        ),
    ),
    # [20] Des arceaux vélo devant les commerces
    CommentData(
        proposal_index=20,
        body=(
            "Je confirme, en tant que pharmacien : les vélos contre la vitrine, c'est tous les jours. Des "
            "arceaux seraient les bienvenus !"
        ),
    ),
    # [21] Un local vélo fermé pour les habitants des tours
    CommentData(
        proposal_index=21,
        body=(
            "Même chose tour Du Bellay. On m'a volé deux vélos en un an dans la cave, pourtant fermée à clé."
        ),
    ),
    CommentData(
        proposal_index=21,
        body=(
            "Le bailleur a un projet de local vélo en rez-de-chaussée, il faudrait coordonner les deux "
            "projets."
        ),
        replies=[
            (
                "Le service Mobilités confirme que des échanges ont lieu avec le bailleur : un local vélo "
                "sécurisé fait partie des pistes étudiées dans le programme de renouvellement urbain."
            ),
        ],
    ),
    # [25] Faire revenir le marché le samedi matin
    CommentData(
        proposal_index=25,
        body=(
            "Je me souviens de ce marché, il y avait un poissonnier qui venait de la côte. C'était le bon "
            "temps."
        ),
    ),
    CommentData(
        proposal_index=25,
        body="Un marché c'est bien, mais il faut qu'il soit abordable, sinon personne du quartier n'ira.",
        replies=[
            (
                "Avec des producteurs locaux en vente directe, les prix peuvent être corrects. Il faut "
                "juste que ça devienne une habitude."
            ),
        ],
    ),
    CommentData(
        proposal_index=25,
        body=(
            "Le samedi matin il y a déjà le marché du centre, les commerçants non sédentaires ne pourront "
            "pas être à deux endroits en même temps."
        ),
    ),
    # [28] Un marché oui, mais en complément des commerces
    CommentData(
        proposal_index=28,
        body=(
            "Merci à vous, votre épicerie rend vraiment service. Je suis d'accord qu'il faut associer les "
            "commerçants."
        ),
        replies=[
            (
                "Ma boulangère dit la même chose. Un marché le mercredi en fin de journée ferait moins "
                "concurrence que le samedi."
            ),
        ],
    ),
    # [31] Une fontaine à eau potable
    CommentData(
        proposal_index=31,
        body="Oui, et une fontaine accessible aux fauteuils roulants et aux enfants, avec deux hauteurs.",
    ),
    # [33] Remettre en eau l'ancienne fontaine aux poissons
    CommentData(
        proposal_index=33,
        body=(
            "La sculpture des poissons est d'un artiste de la région il me semble. Elle mériterait d'être "
            "restaurée."
        ),
        replies=[
            (
                "Elle est de Roger Maillet, un sculpteur qui vivait à Saint-Aubin. Il en a fait une autre "
                "pour l'école du Bourg."
            ),
        ],
    ),
    CommentData(
        proposal_index=33,
        body=(
            "Une fontaine décorative, c'est beaucoup d'entretien et beaucoup d'eau. Je préférerais un "
            "point d'eau potable tout simple."
        ),
    ),
    # [36] Mieux éclairer la place le soir
    CommentData(
        proposal_index=36,
        body=(
            "Tout à fait. J'ai signalé les lampadaires en panne trois fois sur l'appli de la mairie, rien "
            "n'a bougé."
        ),
        replies=[
            (
                "Le service Éclairage public indique que ces lampadaires sont alimentés par un câble "
                "défectueux, dont le remplacement est prévu avec les travaux. Une réparation provisoire a "
                "été demandée pour les prochaines semaines."
            ),
        ],
    ),
    # [37] Je ne traverse plus la place après 20h
    CommentData(
        proposal_index=37,
        body="Merci d'avoir écrit ça, je ressens exactement la même chose.",
    ),
    CommentData(
        proposal_index=37,
        body=(
            "La marche exploratoire a fait remonter les mêmes problèmes, j'espère vraiment qu'ils seront "
            "pris en compte."
        ),
    ),
    # [38] Synthèse de la marche exploratoire des femmes
    CommentData(
        proposal_index=38,
        body="Excellente synthèse. L'éclairage à hauteur d'homme, c'est vraiment ce qui change tout.",
    ),
    # [39] De l'éclairage oui, mais pas des projecteurs de stade
    CommentData(
        proposal_index=39,
        body=(
            "D'accord sur le principe, mais attention : les détecteurs qui s'allument quand on passe, ça "
            "peut aussi faire peur, on se sent repéré."
        ),
    ),
    # [41] Des caméras de vidéoprotection
    CommentData(
        proposal_index=41,
        body="Les caméras n'empêchent rien, il y en a à la gare et ça deale juste devant.",
        replies=[
            "Elles aident quand même la police à retrouver les auteurs. Je préfère en avoir.",
        ],
    ),
    CommentData(
        proposal_index=41,
        body="Je suis pour, à condition qu'elles ne filment pas les fenêtres des logements.",
    ),
    # [42] Une présence humaine le soir plutôt que des caméras
    CommentData(
        proposal_index=42,
        body="Il y avait des médiateurs de nuit jusqu'en 2019 et ça marchait bien. Pourquoi avoir arrêté ?",
    ),
    # [43] Stop aux rodéos de scooters
    CommentData(
        proposal_index=43,
        body=(
            "Les bornes oui, mais attention à garder l'accès pour les pompiers, les ambulances et les "
            "déménagements."
        ),
    ),
    # [44] Pas de city-stade sous les fenêtres
    CommentData(
        proposal_index=44,
        body=(
            "Je comprends, mais les jeunes ont aussi besoin d'un endroit. Peut-être avec un grillage "
            "anti-bruit et des horaires ?"
        ),
        replies=[
            (
                "Il existe des city-stades avec des filets et des panneaux qui font beaucoup moins de "
                "bruit. Et le mettre vers le gymnase, c'est une bonne idée."
            ),
        ],
    ),
    # [47] Supprimer le stationnement sauvage sur la place
    CommentData(
        proposal_index=47,
        body="Oui, le trottoir devant l'entrée du 4 est impraticable avec un fauteuil.",
    ),
    # [48] Garder du stationnement pour les commerces et les personnes âgées
    CommentData(
        proposal_index=48,
        body=(
            "Le parking souterrain est à moitié vide parce que personne n'ose y aller. Si on le rend sûr, "
            "on pourra libérer la place."
        ),
        replies=[
            "Exactement. Le problème ce n'est pas le nombre de places, c'est que le souterrain fait peur.",
        ],
    ),
    # [49] Sécuriser la traversée vers l'école Paul-Éluard
    CommentData(
        proposal_index=49,
        body="Le plateau surélevé, c'est la seule chose qui fait vraiment ralentir.",
    ),
    # [51] Un vrai abribus
    CommentData(
        proposal_index=51,
        body=(
            "Le service Mobilités précise que l'abri de l'arrêt Tilleuls sera remplacé pendant les "
            "travaux, avec un afficheur des horaires en temps réel, en lien avec l'agglomération."
        ),
    ),
    # [54] Plus de poubelles et vidées plus souvent
    CommentData(
        proposal_index=54,
        body="Et des poubelles avec couvercle, sinon les pies et les corneilles vident tout.",
    ),
    # [58] Un city-stade pour les ados
    CommentData(
        proposal_index=58,
        body="Ça c'est une vraie demande, mon grand me le dit tout le temps.",
    ),
    CommentData(
        proposal_index=58,
        body="Oui, mais pas sous nos fenêtres (voir la proposition sur le bruit).",
    ),
    # [59] Un coin pour que les jeunes puissent se poser
    CommentData(
        proposal_index=59,
        body=(
            "Merci d'avoir proposé quelque chose de concret et d'avoir pensé aux voisins. C'est rare qu'on "
            "demande leur avis aux jeunes."
        ),
    ),
    CommentData(
        proposal_index=59,
        body=(
            "La prise pour recharger les téléphones, c'est une vraie bonne idée, même pour les adultes qui "
            "attendent le bus."
        ),
    ),
    # [63] Une petite scène pour la fête de quartier
    CommentData(
        proposal_index=63,
        body="L'association Rencontres est partante pour gérer le planning de la scène si besoin.",
    ),
    # [64] Des toilettes publiques
    CommentData(
        proposal_index=64,
        body=(
            "Oui, surtout s'il y a un marché. Mais il faut qu'elles soient entretenues, sinon personne ne "
            "les utilisera."
        ),
    ),
    # [67] Un mur d'expression libre pour le graff
    CommentData(
        proposal_index=67,
        body="Je suis pour, il y a des fresques superbes à la halle Brossard.",
    ),
    # [68] Donner aux nouvelles allées le nom de femmes du quartier
    CommentData(
        proposal_index=68,
        body="Très belle idée. Odette Vallin a tellement fait pour le quartier.",
        replies=[
            "Et pourquoi pas aussi M. Touré, qui a entraîné les gamins au foot bénévolement pendant 25 ans ?",
        ],
    ),
    # [70] Un cadran solaire au sol
    CommentData(
        proposal_index=70,
        body="Original ! Les enfants adoreraient.",
    ),
    # [71] Garder la mémoire de la place
    CommentData(
        proposal_index=71,
        body="Je peux aussi prêter des photos, ma mère a tenu la mercerie de la place de 1975 à 1998.",
    ),
    # [74] Appeler régulièrement les personnes âgées seules
    CommentData(
        proposal_index=74,
        body=(
            "Je suis bénévole pour les appels canicule depuis trois ans, je serais ravie de continuer "
            "toute l'année."
        ),
    ),
    CommentData(
        proposal_index=74,
        body="Très bien, mais attention : un appel ne remplace pas une visite.",
    ),
    # [75] Repérer l'isolement avec les gardiens, les facteurs et les pharmaciens
    CommentData(
        proposal_index=75,
        body="Les gardiens sont déjà débordés, il ne faudrait pas leur rajouter une mission sans moyens.",
        replies=[
            (
                "Il ne s'agit pas de leur donner du travail en plus, juste de savoir à qui signaler. "
                "Beaucoup le font déjà de manière informelle."
            ),
        ],
    ),
    # [76] Propos recueillis au marché : « je ne parle plus à personne »
    CommentData(
        proposal_index=76,
        body="Ça me touche beaucoup. Ma mère m'a dit presque mot pour mot la même chose.",
    ),
    # [78] Un transport accompagné pour faire les courses
    CommentData(
        proposal_index=78,
        body="Super nouvelle pour la navette ! Est-ce qu'elle pourra aussi s'arrêter au cabinet médical ?",
        replies=[
            (
                "Le CCAS précise que l'itinéraire sera construit avec les premiers usagers ; un arrêt au "
                "pôle santé est déjà prévu."
            ),
        ],
    ),
    # [82] De l'aide pour les démarches CAF et impôts en ligne
    CommentData(
        proposal_index=82,
        body="Pareil pour moi avec la déclaration d'impôts. Heureusement ma voisine m'a aidé.",
    ),
    CommentData(
        proposal_index=82,
        body="Je suis allé à la permanence du mardi, le conseiller est très patient. Je recommande.",
    ),
    # [85] Garder un guichet avec une vraie personne
    CommentData(
        proposal_index=85,
        body=(
            "Totalement d'accord. Ma mère a 85 ans, elle n'a jamais touché un ordinateur et on lui répond "
            "de « faire en ligne »."
        ),
    ),
    CommentData(
        proposal_index=85,
        body=(
            "C'est d'ailleurs un droit : on doit toujours pouvoir faire ses démarches autrement qu'en ligne."
        ),
    ),
    # [86] Prêter des ordinateurs reconditionnés aux familles
    CommentData(
        proposal_index=86,
        body=(
            "Mon entreprise renouvelle ses ordinateurs tous les quatre ans, je peux me renseigner pour un "
            "don."
        ),
    ),
    # [90] Une épicerie solidaire aux Grands Champs
    CommentData(
        proposal_index=90,
        body="Oui, le trajet en bus avec les sacs, c'est vraiment dur.",
    ),
    CommentData(
        proposal_index=90,
        body="Des locaux vides, il y en a plusieurs en bas des tours, ça ne devrait pas être si compliqué.",
    ),
    # [91] Élargir les horaires de l'épicerie solidaire
    CommentData(
        proposal_index=91,
        body=(
            "Bénévole à La Passerelle : on aimerait bien ouvrir le samedi, mais il nous faudrait plus de "
            "bénévoles. Avis aux amateurs !"
        ),
    ),
    # [92] Récupérer les invendus des supermarchés et de la cuisine centrale
    CommentData(
        proposal_index=92,
        body="Enfin ! Ça me rendait malade de voir jeter des plateaux entiers.",
    ),
    # [95] Un frigo solidaire en libre-service
    CommentData(
        proposal_index=95,
        body="Il faut vraiment que quelqu'un vérifie les dates, sinon ça peut être dangereux.",
        replies=[
            (
                "C'est prévu : un planning de bénévoles formés vérifie le frigo chaque jour, avec une "
                "liste des produits acceptés."
            ),
        ],
    ),
    # [96] Une épicerie ouverte à tous, avec des prix selon les revenus
    CommentData(
        proposal_index=96,
        body="C'est exactement ça, la honte. Merci de l'écrire.",
    ),
    CommentData(
        proposal_index=96,
        body=(
            "Ça ressemble aux épiceries à prix différenciés qui existent ailleurs. Ça demande beaucoup de "
            "bénévoles, mais c'est un beau projet."
        ),
    ),
    # [98] Une garde d'enfants en horaires décalés
    CommentData(
        proposal_index=98,
        body=(
            "Je suis assistante maternelle et je pourrais accueillir tôt le matin, mais il faudrait que "
            "les horaires atypiques soient mieux rémunérés."
        ),
    ),
    CommentData(
        proposal_index=98,
        body="Même problème pour les pères seuls, on nous oublie souvent.",
    ),
    # [99] Des places en crèche pour les parents seuls qui reprennent un travail
    CommentData(
        proposal_index=99,
        body="Trois places, c'est un début, mais c'est peu.",
    ),
    # [103] Une allocation municipale pour toutes les familles monoparentales
    CommentData(
        proposal_index=103,
        body="Je comprends la réponse, mais la CAF ne suffit pas pour beaucoup de familles.",
    ),
    # [104] Un lieu où l'on peut venir sans rendez-vous
    CommentData(
        proposal_index=104,
        body="Enfin ! Trois semaines pour un rendez-vous, c'était beaucoup trop.",
    ),
    CommentData(
        proposal_index=104,
        body=(
            "Le lundi et le jeudi matin c'est bien, mais pour ceux qui travaillent il faudrait aussi un "
            "créneau en fin de journée."
        ),
    ),
    # [106] Un guichet unique pour ne plus faire le tour des services
    CommentData(
        proposal_index=106,
        body="France Services fait déjà ça en partie, mais c'est débordé.",
    ),
    # [107] Un bus des solidarités qui passe à Saint-Aubin
    CommentData(
        proposal_index=107,
        body="Merci ! On l'attendait depuis longtemps à Saint-Aubin.",
        replies=[
            "Est-ce que le bus pourrait aussi s'arrêter au hameau des Granges ? Ce n'est pas très loin.",
        ],
    ),
    # [108] Informer dans les langues parlées dans le quartier
    CommentData(
        proposal_index=108,
        body="Je parle turc et français, je peux aider bénévolement.",
    ),
    # [110] Soutenir les aidants familiaux
    CommentData(
        proposal_index=110,
        body="Courage à vous. Il existe une plateforme de répit à l'hôpital, mais elle est peu connue.",
        replies=[
            "Merci, je ne connaissais pas. Voilà bien la preuve qu'il faut mieux informer.",
        ],
    ),
    # [111] Une mutuelle communale
    CommentData(
        proposal_index=111,
        body="Est-ce que ce sera ouvert aux habitants de Saint-Aubin aussi ?",
        replies=[
            "Oui, la mutuelle communale sera ouverte à tous les habitants de la commune, hameaux compris.",
        ],
    ),
    # [116] Contrôler davantage ceux qui touchent des aides
    CommentData(
        proposal_index=116,
        body=(
            "Je ne suis pas d'accord avec cette proposition. Beaucoup de gens n'osent déjà pas demander ce "
            "à quoi ils ont droit."
        ),
    ),
    CommentData(
        proposal_index=116,
        body=(
            "Je ne pense pas que l'auteur voulait être méchant, mais la réponse de la mairie est claire et "
            "chiffrée, merci."
        ),
    ),
    # [119] Atelier du 10 : mieux faire connaître les aides qui existent
    CommentData(
        proposal_index=119,
        body="Bonne idée, mais il faut aussi une version en ligne régulièrement mise à jour.",
    ),
    # [121] Un jardin partagé au pied de la tour Du Bellay
    CommentData(
        proposal_index=121,
        body="Super ! J'habite au 3e étage et je viendrai avec mes enfants.",
    ),
    CommentData(
        proposal_index=121,
        body="Attention aux vols de légumes, il faudrait une petite clôture.",
        replies=[
            (
                "Dans les jardins partagés qui marchent, on accepte qu'un peu de légumes partent, c'est "
                "aussi ça le partage. Mais une clôture basse, pourquoi pas."
            ),
        ],
    ),
    # [122] Des jardins familiaux sur la friche des Tanneries
    CommentData(
        proposal_index=122,
        body=(
            "Le service Urbanisme rappelle que la friche des Tanneries fait l'objet d'une étude de "
            "pollution des sols, en raison de son passé industriel. Des cultures en pleine terre ne seront "
            "possibles qu'au vu de ses conclusions ; des bacs hors-sol peuvent être envisagés dès "
            "maintenant."
        ),
        replies=[
            "Merci pour l'info. Des bacs, ce serait déjà très bien pour commencer.",
        ],
    ),
    # [123] Jardin partagé au bout de la rue des Acacias
    CommentData(
        proposal_index=123,
        body="Je suis enseignante à Jean-Zay, ça nous intéresse beaucoup pour les classes de CP !",
    ),
    # [125] Un composteur collectif dans le centre
    CommentData(
        proposal_index=125,
        body="Il y a un maître-composteur à l'agglomération qui forme gratuitement les référents.",
    ),
    # [126] Un repair café une fois par mois
    CommentData(
        proposal_index=126,
        body="Je suis couturière à la retraite, je veux bien participer !",
    ),
    CommentData(
        proposal_index=126,
        body=(
            "Un repair café c'est génial. Il faudrait aussi faire de la pub au collège, les jeunes aiment "
            "bricoler."
        ),
    ),
    # [127] Un atelier vélo participatif
    CommentData(
        proposal_index=127,
        body="Et ça réduirait les vols si les jeunes avaient leur propre vélo en bon état.",
    ),
    # [130] Un festival de musique au bord de la Loirette
    CommentData(
        proposal_index=130,
        body="Je joue dans un groupe de rock, on est partants pour jouer bénévolement.",
    ),
    CommentData(
        proposal_index=130,
        body="Et le bruit pour les riverains des quais ? Les nouveaux immeubles sont juste à côté.",
        replies=[
            "Deux soirs par an jusqu'à minuit, ça paraît raisonnable. C'est une fête, pas une discothèque.",
        ],
    ),
    # [131] Un festival des cultures du monde aux Grands Champs
    CommentData(
        proposal_index=131,
        body=(
            "Oui ! Notre association de femmes maliennes peut préparer des plats et faire une "
            "démonstration de danse."
        ),
    ),
    # [135] Du foot pour les filles
    CommentData(
        proposal_index=135,
        body=(
            "Bravo Inès ! Je suis éducatrice sportive et je peux vous aider à monter le projet avec le club."
        ),
        replies=[
            "Merci !!! Je vais en parler à mes copines.",
        ],
    ),
    CommentData(
        proposal_index=135,
        body=(
            "Ma fille aussi veut jouer, mais au club on lui a dit d'aller dans l'équipe de la ville voisine."
        ),
    ),
    # [136] Des créneaux au gymnase réservés aux filles
    CommentData(
        proposal_index=136,
        body="Les filles arrêtent le sport vers 12 ans, c'est bien connu. Très bonne idée.",
    ),
    # [140] Une outilthèque pour emprunter au lieu d'acheter
    CommentData(
        proposal_index=140,
        body="Je donnerais volontiers mes outils, je ne m'en sers plus depuis que j'ai vendu ma maison.",
    ),
    CommentData(
        proposal_index=140,
        body="13 minutes, vraiment ? Je vais regarder ma perceuse d'un autre œil...",
    ),
    # [141] Une grainothèque à la médiathèque
    CommentData(
        proposal_index=141,
        body=(
            "La médiathèque a déjà une petite boîte à graines au premier étage, il suffirait de la "
            "développer."
        ),
    ),
    # [144] Aide aux devoirs par des étudiants
    CommentData(
        proposal_index=144,
        body="Étudiante à l'IUT, je serais partante pour une soirée par semaine.",
    ),
    CommentData(
        proposal_index=144,
        body="Le centre social a déjà un accompagnement scolaire mais il manque de bénévoles.",
    ),
    # [148] Nettoyer les berges de la Loirette
    CommentData(
        proposal_index=148,
        body="Le club de canoë peut ramasser depuis l'eau, là où c'est inaccessible à pied.",
    ),
    # [153] Un pédibus pour aller à l'école Jean-Zay
    CommentData(
        proposal_index=153,
        body=(
            "Pour que ça marche, il faut un planning clair et un groupe de parents motivés. On peut "
            "s'organiser à la réunion de rentrée."
        ),
    ),
    # [154] Restaurer le lavoir de Saint-Aubin
    CommentData(
        proposal_index=154,
        body="Chantier participatif, j'en suis. Mon grand-père était charpentier.",
    ),
    CommentData(
        proposal_index=154,
        body="Attention, le lavoir est peut-être protégé, il faut vérifier avant de toucher à la charpente.",
        replies=[
            (
                "Le service Patrimoine précise que le lavoir n'est pas classé mais qu'il est repéré au "
                "plan local d'urbanisme : les travaux devront respecter son aspect d'origine. Un "
                "accompagnement technique est possible."
            ),
        ],
    ),
    # [157] Des cours de français le soir pour les adultes
    CommentData(
        proposal_index=157,
        body=(
            "Merci, c'est vraiment un besoin. Je travaille la journée, impossible d'aller aux cours du matin."
        ),
    ),
    # [159] Un skatepark construit avec les jeunes
    CommentData(
        proposal_index=159,
        body="Sous le pont, c'est idéal : abrité de la pluie et loin des habitations.",
    ),
    # [160] Un podcast sur l'histoire des Grands Champs
    CommentData(
        proposal_index=160,
        body="Mon père est arrivé en 1972 pour travailler à la sucrerie, il a plein d'histoires à raconter.",
    ),
    # [166] Un concours de la plus grosse citrouille
    CommentData(
        proposal_index=166,
        body="J'ai des graines de courge géante, je peux en donner à ceux qui veulent concourir !",
    ),
    # [168] Un piano en libre accès à la gare
    CommentData(
        proposal_index=168,
        body="Il faudrait le mettre à l'abri, un piano dehors ne tient pas un hiver.",
    ),
    # [169] Une piscine olympique
    CommentData(
        proposal_index=169,
        body="On peut toujours rêver :)",
    ),
    # [171] Atelier jeunes du 20 : un lieu à nous
    CommentData(
        proposal_index=171,
        body="Un lieu géré par les jeunes, c'est ambitieux, mais ça vaut le coup d'essayer.",
    ),
    # [172] Un tournoi de foot inter-quartiers
    CommentData(
        proposal_index=172,
        body="Excellente idée, Saint-Aubin est partant !",
    ),
]

RESIDENTS: list[tuple[str, str, str]] = [
    ("Monique", "Berthelot", "centre-historique"),
    ("Karim", "Benali", "grands-champs"),
    ("Aïssatou", "Diallo", "grands-champs"),
    ("Jean-Claude", "Morin", "bel-air"),
    ("Léa", "Fontaine", "rives-tanneries"),
    ("Mehmet", "Yilmaz", "grands-champs"),
    ("Nathalie", "Rousseau", "bel-air"),
    ("Thi Lan", "Nguyen", "centre-historique"),
    ("Sofiane", "Haddad", "grands-champs"),
    ("Bernadette", "Chauvin", "saint-aubin"),
    ("Lucas", "Girard", "rives-tanneries"),
    ("Fatoumata", "Traoré", "grands-champs"),
    ("Gérard", "Lemoine", "saint-aubin"),
    ("Inès", "Mansouri", "grands-champs"),
    ("Pierre-Yves", "Le Gall", "bel-air"),
    ("Chloé", "Marchand", "centre-historique"),
    ("Rui", "Pereira", "grands-champs"),
    ("Maria", "Da Silva", "bel-air"),
    ("Yasmina", "Belkacem", "rives-tanneries"),
    ("Théo", "Dubreuil", "saint-aubin"),
    ("Élodie", "Perrin", "bel-air"),
    ("Abdoulaye", "Sow", "grands-champs"),
    ("Colette", "Vasseur", "centre-historique"),
    ("Hugo", "Lambert", "rives-tanneries"),
    ("Samira", "El Amrani", "grands-champs"),
    ("Dominique", "Charpentier", "saint-aubin"),
    ("Kévin", "Hoarau", "grands-champs"),
    ("Sandrine", "Roux", "bel-air"),
    ("Priya", "Selvaraj", "grands-champs"),
    ("Ahmad", "Rahimi", "grands-champs"),
    ("Marie-Thérèse", "Guérin", "centre-historique"),
    ("Julien", "Besnard", "rives-tanneries"),
    ("Nadia", "Bouzid", "centre-historique"),
    ("Emre", "Kaya", "rives-tanneries"),
    ("Odile", "Pasquier", "saint-aubin"),
    ("Bastien", "Collin", "bel-air"),
    ("Mariama", "Camara", "grands-champs"),
    ("Stéphane", "Kowalski", "bel-air"),
    ("Anaïs", "Lefèvre", "centre-historique"),
    ("Youssef", "Cherkaoui", "rives-tanneries"),
    ("Josiane", "Ménard", "grands-champs"),
    ("Matthieu", "Thibault", "saint-aubin"),
    ("Laetitia", "Nkoulou", "rives-tanneries"),
    ("Florence", "Aubry", "centre-historique"),
    ("Mathis", "Renaud", "grands-champs"),
    ("Zeynep", "Demir", "grands-champs"),
    ("Camille", "Ferreira", "bel-air"),
    ("René", "Bouchard", "saint-aubin"),
    ("Lina", "Haddou", "bel-air"),
    ("Jonathan", "Mbemba", "centre-historique"),
]
