"""The 17 UN Sustainable Development Goals, described in French for local participation, and a suggester."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bouquet.bouquets.engine.described import Described
from bouquet.bouquets.engine.representations import Encoder
from bouquet.bouquets.engine.types import SdgSuggestion


def gettext_noop(message: str) -> str:
    """Marks a goal's name for the translation catalogue (makemessages reads this name) without importing Django:
    pages show it through gettext, the engine reads the French."""
    return message


@dataclass(frozen=True, slots=True)
class Sdg:
    """One goal: number, French short name and a description written for this product."""

    number: int
    name: str
    description: str


# Written for Bouquet: each description uses the words residents use in local proposals, so that a
# proposal can be matched to a goal by similarity. They are not the official UN texts.
SDGS: tuple[Sdg, ...] = (
    Sdg(
        1,
        gettext_noop("Pas de pauvreté"),
        "Lutter contre la pauvreté et la précarité dans la commune. Aide aux personnes sans abri, "
        "maraudes, hébergement d'urgence, bagagerie solidaire, accès aux droits, épicerie sociale, distribution "
        "de repas, aide aux familles en difficulté et aux personnes en situation de précarité.",
    ),
    Sdg(
        2,
        gettext_noop("Faim « zéro »"),
        "Se nourrir sainement et durablement. Alimentation, repas, cantine bio et locale, "
        "circuits courts, marchés de producteurs, fruits et légumes cultivés pour être mangés, agriculture "
        "urbaine, frigos solidaires, lutte contre le gaspillage alimentaire, aide alimentaire, épicerie.",
    ),
    Sdg(
        3,
        gettext_noop("Bonne santé et bien-être"),
        "Santé et bien-être de tous. Centre de santé, maison médicale, prévention, "
        "dépistage, défibrillateurs, qualité de l'air, lutte contre le bruit, activité physique et sport pour "
        "tous, gymnases, stades, terrains de sport, piscines, parcours sportifs, santé mentale, accompagnement "
        "des personnes âgées et des malades, soins et hôpitaux.",
    ),
    Sdg(
        4,
        gettext_noop("Éducation de qualité"),
        "Une éducation de qualité pour tous. Rénover les écoles, les collèges et les "
        "crèches, cours d'école, équipements numériques pour les élèves, bibliothèques et médiathèques, soutien "
        "scolaire, ateliers pour les enfants et les jeunes, formation des adultes, apprentissage.",
    ),
    Sdg(
        5,
        gettext_noop("Égalité entre les sexes"),
        "Égalité entre les femmes et les hommes. Lutter contre les violences faites "
        "aux femmes et le harcèlement de rue, hébergement des femmes victimes, espaces publics et équipements "
        "sportifs accueillants pour les filles, rues aux noms de femmes, accès à l'emploi des femmes.",
    ),
    Sdg(
        6,
        gettext_noop("Eau propre et assainissement"),
        "Eau potable et assainissement. Fontaines à eau, toilettes publiques et "
        "sanisettes, récupération de l'eau de pluie, économies d'eau, désimperméabilisation des sols, qualité de "
        "l'eau des rivières et du fleuve, baignade, réseaux d'eau et d'égouts.",
    ),
    Sdg(
        7,
        gettext_noop("Énergie propre et d'un coût abordable"),
        "Énergie propre et économe. Panneaux solaires et photovoltaïques "
        "sur les toits, éclairage public LED, rénovation énergétique et isolation des bâtiments, économies "
        "d'énergie, chauffage, réseau de chaleur, précarité énergétique, énergies renouvelables.",
    ),
    Sdg(
        8,
        gettext_noop("Travail décent et croissance économique"),
        "Emploi et économie locale. Insertion professionnelle, emploi "
        "des jeunes, commerce de proximité, artisans, tiers-lieux, espaces de coworking, soutien aux entreprises "
        "et aux commerçants, économie sociale et solidaire, attractivité, tourisme.",
    ),
    Sdg(
        9,
        gettext_noop("Industrie, innovation et infrastructure"),
        "Infrastructures et innovation. Accès au numérique et à "
        "internet, wifi public, fibre, fablab, ateliers de fabrication, innovation, équipements publics modernes, "
        "rénovation des infrastructures, ponts et réseaux, services en ligne.",
    ),
    Sdg(
        10,
        gettext_noop("Inégalités réduites"),
        "Réduire les inégalités et inclure chacun. Accessibilité pour les personnes "
        "handicapées et à mobilité réduite, inclusion, quartiers populaires, accueil des migrants et des réfugiés, "
        "lutte contre les discriminations, tarifs sociaux, intergénérationnel.",
    ),
    Sdg(
        11,
        gettext_noop("Villes et communautés durables"),
        "Des villes et quartiers durables et agréables à vivre. Pistes "
        "cyclables, vélo, marche à pied, transports en commun, rues piétonnes, sécurité routière, espaces publics, "
        "places, bancs, mobilier urbain, aires de jeux, logement, rénovation des rues, trottoirs et chaussées, "
        "embellissement, patrimoine, églises et monuments, art urbain et fresques, culture et animation, "
        "propreté, cadre de vie.",
    ),
    Sdg(
        12,
        gettext_noop("Consommation et production responsables"),
        "Consommer et produire de façon responsable. Réduire et "
        "trier les déchets, recyclage, compost et composteurs, recyclerie, ressourcerie, réparation, repair café, "
        "réemploi, boîtes à livres, zéro déchet, consigne, vrac, propreté des rues.",
    ),
    Sdg(
        13,
        gettext_noop("Mesures relatives à la lutte contre les changements climatiques"),
        "Agir pour le climat. Adapter la "
        "ville aux canicules, îlots de fraîcheur, végétaliser, planter des arbres, ombrage, réduire les émissions "
        "de gaz à effet de serre et de carbone, sensibiliser à la transition écologique.",
    ),
    Sdg(
        14,
        gettext_noop("Vie aquatique"),
        "Protéger la vie aquatique. Rivières, canaux, étangs, mares et berges, poissons, "
        "pollution de l'eau, déchets plastiques dans l'eau, zones humides, biodiversité aquatique, pêche.",
    ),
    Sdg(
        15,
        gettext_noop("Vie terrestre"),
        "Protéger la nature et la biodiversité. Espaces verts, parcs et jardins, forêt urbaine, "
        "haies, prairies, refuges et nichoirs pour les oiseaux, abris pour les insectes et la faune, ruches, "
        "abeilles, trame verte, protection des animaux, végétalisation.",
    ),
    Sdg(
        16,
        gettext_noop("Paix, justice et institutions efficaces"),
        "Paix, sécurité et démocratie locale. Tranquillité publique, "
        "prévention de la délinquance, médiation, se sentir en sécurité dans la rue le soir, éclairage contre "
        "l'insécurité, participation des habitants, "
        "conseils de quartier, budget participatif, transparence, accès au droit, citoyenneté.",
    ),
    Sdg(
        17,
        gettext_noop("Partenariats pour la réalisation des objectifs"),
        "Coopérer pour agir ensemble. Partenariats entre la "
        "commune, les associations, les habitants et les entreprises, coopération entre villes, jumelage, "
        "mutualisation des équipements, maisons des associations, bénévolat, réseaux d'entraide.",
    ),
)


class SdgSuggester(Described):
    """Scores texts against the goal descriptions (`scores()`: (n, 17), weighted encoder cosine plus TF-IDF
    cosine over stems) and picks a text's goals."""

    def __init__(
        self,
        encoder: Encoder,
        encoder_weight: float = 0.7,
        threshold: float = 0.12,
        margin: float = 0.08,
        max_goals: int = 3,
    ) -> None:
        """Embed the 17 descriptions once; TF-IDF is fitted on them so idf separates the goals."""
        super().__init__(encoder, [f"{g.name}. {g.description}" for g in SDGS], encoder_weight)
        self.threshold = threshold
        self.margin = margin
        self.max_goals = max_goals

    def pick(self, row: np.ndarray) -> tuple[SdgSuggestion, ...]:
        """Top goals above the threshold and within `margin` of the best one."""
        order = np.argsort(-row)
        best = float(row[order[0]])
        out: list[SdgSuggestion] = []
        for j in order[: self.max_goals]:
            score = float(row[j])
            if score < self.threshold or score < best - self.margin:
                break
            g = SDGS[int(j)]
            out.append(SdgSuggestion(number=g.number, name=g.name, score=round(score, 4)))
        return tuple(out)

    def suggest(
        self, texts: Sequence[str], encoder_vectors: np.ndarray | None = None
    ) -> list[tuple[SdgSuggestion, ...]]:
        """Suggestions for each text."""
        if len(texts) == 0:
            return []
        return [self.pick(row) for row in self.scores(texts, encoder_vectors)]
