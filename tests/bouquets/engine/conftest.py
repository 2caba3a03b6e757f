"""Shared fixtures: one encoder per test session, a small hand-written French corpus."""

import pytest

from bouquet.bouquets.engine import Engine, UseEncoder

# Four needs, each written several ways, plus one proposal unrelated to all others.
CORPUS: dict[str, str] = {
    "velo1": "Créer une piste cyclable sécurisée sur l'avenue Jean Jaurès",
    "velo2": "Aménager une voie vélo protégée le long de l'avenue Jean Jaurès",
    "velo3": "Une piste cyclable séparée des voitures avenue Jean Jaurès",
    "ecole1": "Végétaliser la cour de l'école Jules Ferry",
    "ecole2": "Transformer la cour de récréation de l'école Jules Ferry en cour oasis",
    "ecole3": "Plus d'arbres et d'ombre dans la cour de l'école Jules Ferry",
    "compost1": "Installer un composteur collectif dans le square",
    "compost2": "Un bac à compost partagé pour les habitants au square",
    "compost3": "Composteurs de quartier pour réduire les déchets",
    "banc1": "Installer des bancs publics sur la place du marché",
    "banc2": "Des bancs pour s'asseoir sur la place du marché",
    "piano": "Organiser un concours de piano baroque pour les conservatoires",
}


@pytest.fixture(scope="session")
def encoder() -> UseEncoder:
    """The packaged USE encoder, loaded once."""
    return UseEncoder()


@pytest.fixture
def engine(encoder: UseEncoder) -> Engine:
    """A fresh engine sharing the loaded encoder."""
    return Engine(encoder)
