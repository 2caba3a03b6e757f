"""The domains of local public action, described in residents' words, and the name they give a broad theme.

A theme gathers several needs: one member's title (« Une fontaine à eau potable ») does not say what fifty
proposals about trees, benches, play areas and bike sheds are about, and a person naming them would say
« Nature en ville, jeux d'enfants et mobilier urbain ». Each member is read against the domains below (encoder and shared
words, as the goals are: described.py); a theme whose members fall mostly in one domain takes its name, one
spread over two or three takes theirs together. Written for Bouquet, from what French towns' participation
platforms and budgets are about; not taken from any list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bouquet.bouquets.engine.described import Described
from bouquet.bouquets.engine.phrases import MAX_CHARS
from bouquet.bouquets.engine.representations import Encoder


@dataclass(frozen=True, slots=True)
class Domain:
    """One domain: its name alone, its name within a list (« jeux d'enfants »), and its words."""

    name: str
    short: str
    description: str


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "Arbres, jardins et nature en ville",
        "nature en ville",
        "Planter des arbres, végétaliser les rues et les places, jardinières, fleurs, pieds d'arbres, murs "
        "végétaux, parcs, squares, espaces verts, jardins partagés, potagers, vergers, forêt urbaine, "
        "biodiversité, nichoirs, ruches, abeilles, îlots de fraîcheur, ombre des arbres.",
    ),
    Domain(
        "Jeux et loisirs des enfants",
        "jeux d'enfants",
        "Aire de jeux, jeux pour les petits, toboggan, balançoires, bac à sable, jeux d'eau, ludothèque, "
        "centre de loisirs, activités pour les enfants le mercredi et pendant les vacances.",
    ),
    Domain(
        "Sport pour tous",
        "sport",
        "Terrain de sport, city stade, gymnase, piscine, stade, agrès, street workout, parcours sportif, "
        "fitness, foot, basket, skatepark, pétanque, table de ping-pong, boxe, clubs sportifs, course à pied.",
    ),
    Domain(
        "Bancs, fontaines et toilettes publiques",
        "mobilier urbain",
        "Installer des bancs, s'asseoir à l'ombre, fontaines à eau potable, points d'eau, toilettes publiques, "
        "sanisettes, tables de pique-nique, abris contre la pluie, mobilier urbain, brumisateurs.",
    ),
    Domain(
        "Vélo",
        "vélo",
        "Pistes cyclables, voies vélo protégées, arceaux et stationnement pour les vélos, local vélo fermé, box "
        "à vélos, atelier de réparation de vélos, vélos-cargos, location de vélos, double sens cyclable.",
    ),
    Domain(
        "Trottoirs, traversées et rues piétonnes",
        "piétons",
        "Trottoirs larges et dégagés, cheminements piétons, passages piétons sûrs, traverser la rue, rues "
        "piétonnes, piétonnisation, rues aux écoles, promenades, marcher en sécurité, continuités piétonnes.",
    ),
    Domain(
        "Circulation et stationnement",
        "circulation",
        "Voitures, vitesse, ralentisseurs, zone 30, zone de rencontre, carrefours dangereux, stationnement "
        "sauvage, places de parking, livraisons, rodéos de scooters, bruit des moteurs, embouteillages.",
    ),
    Domain(
        "Bus et transports en commun",
        "transports en commun",
        "Lignes de bus, arrêts de bus, abribus, horaires, tramway, métro, navettes, desserte des quartiers, "
        "transport à la demande, gare.",
    ),
    Domain(
        "Sécurité et tranquillité",
        "tranquillité",
        "Se sentir en sécurité le soir, éclairage des rues, caméras de vidéoprotection, présence humaine, "
        "médiateurs, police municipale, trafic, incivilités, harcèlement, rues sombres, peur la nuit.",
    ),
    Domain(
        "Propreté et déchets",
        "propreté",
        "Poubelles, tri des déchets, recyclage, composteurs, dépôts sauvages, encombrants, déjections canines, "
        "nettoyage des rues, mégots, tags, rats, collecte des ordures.",
    ),
    Domain(
        "Écoles et réussite scolaire",
        "écoles",
        "Écoles maternelles et élémentaires, collèges, lycées, cours d'école, cantine, classes, tableaux "
        "numériques, aide aux devoirs, soutien scolaire, élèves, enseignants, périscolaire.",
    ),
    Domain(
        "Petite enfance et familles",
        "familles",
        "Crèches, garde d'enfants, assistantes maternelles, parents, bébés, tout-petits, lieux d'accueil "
        "parents-enfants, lecture aux petits, soutien à la parentalité, familles monoparentales.",
    ),
    Domain(
        "Jeunesse",
        "jeunesse",
        "Adolescents, jeunes, ados, espace jeunes, animateurs, projets des jeunes, premiers emplois, activités "
        "pour les collégiens et les lycéens, lieux pour se retrouver.",
    ),
    Domain(
        "Personnes âgées et isolement",
        "personnes âgées",
        "Seniors, personnes âgées seules, isolement, visites à domicile, appels réguliers, aidants, maintien à "
        "domicile, maison de retraite, liens entre générations, solitude.",
    ),
    Domain(
        "Solidarité et aide alimentaire",
        "solidarité",
        "Précarité, pauvreté, fin du mois difficile, épicerie solidaire, aide alimentaire, colis, repas "
        "solidaires, invendus, personnes sans abri, maraudes, bagagerie, hébergement d'urgence, entraide "
        "entre voisins.",
    ),
    Domain(
        "Numérique et démarches",
        "numérique",
        "Aide pour internet, ordinateurs, démarches en ligne, illectronisme, conseiller numérique, papiers "
        "administratifs, CAF, accès aux droits, permanences d'accueil, wifi public.",
    ),
    Domain(
        "Culture et fêtes",
        "culture",
        "Festival, concerts, musique, théâtre, cinéma en plein air, fête de quartier, expositions, art de rue, "
        "fresques, bibliothèque, médiathèque, lecture, danse, cultures du monde.",
    ),
    Domain(
        "Commerces et marchés",
        "commerces",
        "Commerces de proximité, marché, producteurs locaux, boulangerie, café, terrasses, kiosque, "
        "commerçants, boutiques vides, artisans.",
    ),
    Domain(
        "Vie de quartier et rencontres",
        "vie de quartier",
        "Maison de quartier, local associatif, café associatif, lieu de rencontre entre voisins, salle pour les "
        "associations, repas de quartier, voisins relais, vivre ensemble, participation des habitants.",
    ),
    Domain(
        "Réparer, partager et réemployer",
        "réemploi",
        "Repair café, réparer plutôt que jeter, outilthèque, bibliothèque d'objets, ressourcerie, "
        "recyclerie, troc, dons, grainothèque, couture, seconde main, gratuiterie.",
    ),
    Domain(
        "Santé",
        "santé",
        "Médecins, maison de santé, centre médical, prévention, dépistage, défibrillateurs, santé mentale, "
        "pharmacie, soins, handicap, qualité de l'air.",
    ),
    Domain(
        "Logement",
        "logement",
        "Logements sociaux, loyers, HLM, bailleurs, rénovation des immeubles, isolation, humidité, ascenseurs "
        "en panne, halls d'immeubles, habitat participatif, mal-logement.",
    ),
    Domain(
        "Énergie et climat",
        "énergie",
        "Panneaux solaires, énergies renouvelables, économies d'énergie, rénovation énergétique, chauffage, "
        "canicule, adaptation au changement climatique, sobriété.",
    ),
    Domain(
        "Patrimoine et histoire",
        "patrimoine",
        "Églises, chapelles, monuments, bâtiments anciens, restauration du patrimoine, mémoire du quartier, "
        "histoire des lieux, plaques, statues.",
    ),
    Domain(
        "Accessibilité et handicap",
        "accessibilité",
        "Personnes en fauteuil roulant, accessibilité des trottoirs et des bâtiments, rampes, malvoyants, "
        "personnes handicapées, équipements adaptés, inclusion.",
    ),
    Domain(
        "Animaux en ville",
        "animaux",
        "Chiens, espaces canins, chats errants, animaux de compagnie, oiseaux, refuges, bien-être animal.",
    ),
    Domain(
        "Emploi et insertion",
        "emploi",
        "Trouver un travail, insertion professionnelle, formation, chantiers d'insertion, apprentissage, "
        "chômage, entreprises locales, économie sociale et solidaire.",
    ),
    Domain(
        "Alimentation et agriculture urbaine",
        "alimentation",
        "Manger sainement, cantine bio et locale, circuits courts, fermes urbaines, maraîchage, cuisine "
        "partagée, ateliers cuisine, gaspillage alimentaire.",
    ),
    Domain(
        "Égalité entre femmes et hommes",
        "égalité femmes-hommes",
        "Femmes, filles, place des femmes dans l'espace public, sport féminin, violences faites aux femmes, "
        "marches exploratoires, sexisme, égalité.",
    ),
    Domain(
        "Démocratie et citoyenneté",
        "démocratie",
        "Élus, vote, référendum, conseils de quartier, consultation des habitants, représentants, institutions, "
        "transparence, citoyens, engagement.",
    ),
    Domain(
        "Impôts et dépenses publiques",
        "impôts",
        "Impôts, taxes, fiscalité, dépenses publiques, dette, budget de l'État, retraites, pouvoir d'achat, "
        "salaires, prix.",
    ),
    Domain(
        "Services publics",
        "services publics",
        "Mairie, guichets, poste, administration, horaires d'ouverture, fonctionnaires, accueil du public, "
        "services de proximité, hôpitaux, tribunaux.",
    ),
)

# A member whose best domain scores under this is read as in none (« Divers », a name of a person).
MIN_SCORE = 0.12
# A domain is named among a theme's when at least this share of its members fall in it.
MIN_SHARE = 0.1
# One domain holding this share of the members names a theme alone; else domains are named, most held first,
# until they hold it together (four at most); a theme whose named domains hold less is a mixture.
COVER = 0.5
MAX_DOMAINS = 4


class DomainReader(Described):
    """Reads texts against the domains (the encoder's cosine and shared words, as the goals are read):
    `scores()` gives (n, domains)."""

    def __init__(self, encoder: Encoder, encoder_weight: float = 0.7) -> None:
        super().__init__(encoder, [f"{d.name}. {d.description}" for d in DOMAINS], encoder_weight)


def domain_shares(scores: np.ndarray) -> list[tuple[Domain, float]]:
    """The domains the rows (members of one theme) fall in, most held first, with the share of the rows read in
    a domain that fall in each. A row falls in its best domain when that scores at least MIN_SCORE; the rows no
    domain speaks of (a short title, a name of a person) do not count. Empty when fewer than half are read."""
    if scores.size == 0:
        return []
    best = scores.argmax(axis=1)
    held = scores[np.arange(len(best)), best] >= MIN_SCORE
    read = int(held.sum())
    if read == 0 or read < len(best) / 2:
        return []
    counts = Counter(int(j) for j, ok in zip(best, held, strict=True) if ok)
    return [(DOMAINS[j], c / read) for j, c in sorted(counts.items(), key=lambda jc: (-jc[1], jc[0]))]


def _listed(parts: Sequence[str]) -> str:
    return ", ".join(parts[:-1]) + " et " + parts[-1] if len(parts) > 1 else parts[0]


def theme_name(scores: np.ndarray) -> str | None:
    """The name of a theme whose members' domain scores are `scores`: its main domain's name when it holds half
    of them, else the domains they are spread over, most held first, until they hold half of them together
    (« Jeux d'enfants, mobilier urbain et nature en ville »). A theme that four domains do not cover is a
    mixture and is named as one, by its three most held domains (« Divers : sport, culture et patrimoine »).
    None when its members are not read in domains."""
    shares = domain_shares(scores)
    if not shares:
        return None
    if shares[0][1] >= COVER:
        return shares[0][0].name
    named: list[Domain] = []
    held = 0.0
    for domain, share in shares[:MAX_DOMAINS]:
        if share < MIN_SHARE:
            break
        named.append(domain)
        held += share
        if held >= COVER:
            break
    if held < COVER:
        return "Divers : " + _listed(_fitting([d.short for d, _share in shares[:3]], len("Divers : ")))
    listed = _listed(_fitting([d.short for d in named]))
    return listed[:1].upper() + listed[1:]


def theme_names(scores: Mapping[str, np.ndarray], taken: Iterable[str] = ()) -> dict[str, str]:
    """Domain names of several themes (`scores`: each theme's members' rows), none twice and none already
    `taken` by another theme: between two themes of one domain, the larger takes the name and the other keeps
    its phrase."""
    used = set(taken)
    out: dict[str, str] = {}
    for key, rows in sorted(scores.items(), key=lambda kr: (-len(kr[1]), kr[0])):
        name = theme_name(rows)
        if name and name not in used:
            out[key] = name
            used.add(name)
    return out


def _fitting(parts: list[str], before: int = 0) -> list[str]:
    """The first parts, as many as a name of MAX_CHARS holds (two at least)."""
    while len(parts) > 2 and before + len(_listed(parts)) > MAX_CHARS:
        parts = parts[:-1]
    return parts
