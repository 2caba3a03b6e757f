"""Shared fixtures: a small hand-written French corpus, and two encoders loaded once per session.

Tests of the pipeline (partitions, constraints, storage, labels' rules, the command line) use the hashing
encoder: deterministic and instant, it only sees shared words. The few tests about meaning (paraphrases with
other words, SDGs) ask for ``real_engine``, the packaged sentence encoder."""

import pytest

from bouquet.bouquets.engine import Engine, HashingEncoder, UseEncoder

# Four needs, each written several ways, plus one proposal unrelated to all others. The bike lanes are also
# written with other words (for the real encoder); the other needs share their key words, so that the hashing
# encoder, which sees only words, groups them too.
CORPUS: dict[str, str] = {
    "velo1": "Créer une piste cyclable sécurisée sur l'avenue Jean Jaurès",
    "velo2": "Aménager une voie vélo protégée le long de l'avenue Jean Jaurès",
    "velo3": "Une piste cyclable séparée des voitures avenue Jean Jaurès",
    "ecole1": "Végétaliser la cour de l'école Jules Ferry",
    "ecole2": "Transformer la cour de récréation de l'école Jules Ferry en cour oasis",
    "ecole3": "Plus d'arbres et d'ombre dans la cour de l'école Jules Ferry",
    "compost1": "Installer un bac à compost collectif dans le square",
    "compost2": "Un bac à compost partagé pour les habitants du square",
    "compost3": "Du compost de quartier au square pour réduire les déchets",
    "banc1": "Installer des bancs publics sur la place du marché",
    "banc2": "Des bancs publics pour s'asseoir sur la place du marché",
    "piano": "Organiser un concours de piano baroque pour les conservatoires",
}


@pytest.fixture(scope="session")
def encoder() -> HashingEncoder:
    """The small deterministic encoder (shared words only)."""
    return HashingEncoder()


@pytest.fixture(scope="session")
def real_encoder() -> UseEncoder:
    """The packaged USE encoder, loaded once."""
    return UseEncoder()


@pytest.fixture
def engine(encoder: HashingEncoder) -> Engine:
    """A fresh engine on the deterministic encoder."""
    return Engine(encoder)


@pytest.fixture
def real_engine(real_encoder: UseEncoder) -> Engine:
    """A fresh engine on the real sentence encoder, for tests about meaning."""
    return Engine(real_encoder)
