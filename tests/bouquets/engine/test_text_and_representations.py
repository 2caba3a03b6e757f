"""French text handling, representations and vector serialisation."""

import numpy as np

from bouquet.bouquets.engine import FrenchTfidf, HybridRepresentation, vectors_from_bytes, vectors_to_bytes
from bouquet.bouquets.engine.text import SurfaceForms, analyse, stem, text_status


def test_stems_merge_inflections_and_drop_stop_words() -> None:
    """Plural and accents share one stem; function words and numbers are not terms."""
    assert stem("cyclables") == stem("cyclable")
    terms = analyse("Créer des pistes cyclables dans le 11e arrondissement en 2024")
    assert stem("piste") in terms and f"{stem('piste')} {stem('cyclable')}" in terms
    assert not any(t in terms for t in ("des", "dans", "le", "2024", "11e"))


def test_surface_forms_show_what_people_wrote_and_spot_names() -> None:
    """Labels show the most frequent written word; capitalised names are recognised."""
    forms = SurfaceForms()
    forms.update(["Des pistes cyclables", "Une piste à Belleville", "Les pistes de Belleville"])
    assert forms.display(stem("piste")) == "pistes"
    assert forms.is_proper_noun(stem("Belleville"))
    assert not forms.is_proper_noun(stem("piste"))


def test_text_status_classifies_bad_inputs() -> None:
    """Empty, one-word, foreign and very long texts are flagged, not rejected."""
    assert text_status("   ", 1000) == "empty"
    assert text_status("!!! ???", 1000) == "empty"
    assert text_status("Vélo", 1000) == "too_short"
    assert (
        text_status("The city should build more parking lots for the cars and the trucks", 1000)
        == "other_language"
    )
    assert text_status("Une piste cyclable pour aller à l'école " * 50, 1000) == "truncated"
    assert text_status("Une piste cyclable pour aller à l'école", 1000) == "ok"


def test_tfidf_state_round_trip() -> None:
    """A stored TF-IDF state encodes new texts exactly like the fitted one."""
    corpus = [
        "piste cyclable avenue",
        "cour d'école végétalisée",
        "composteur au square",
        "bancs sur la place",
    ]
    tfidf = FrenchTfidf(svd_dim=3)
    tfidf.fit(corpus)
    restored = FrenchTfidf()
    restored.set_state(tfidf.get_state())
    new = ["une piste cyclable", "un composteur"]
    np.testing.assert_allclose(restored.encode(new), tfidf.encode(new), atol=1e-6)


def test_hybrid_cosine_is_weighted_mean_of_block_cosines(encoder) -> None:
    """Concatenated weighted blocks give cosine = w * encoder cosine + (1 - w) * TF-IDF cosine."""
    texts = ["piste cyclable avenue", "voie vélo sur l'avenue", "composteur au square", "bancs sur la place"]
    hybrid = HybridRepresentation(encoder, FrenchTfidf(svd_dim=3), encoder_weight=0.7)
    hybrid.fit(texts)
    h = hybrid.encode(texts)
    e = encoder.encode(texts)
    t = hybrid.tfidf.encode(texts)
    np.testing.assert_allclose(h @ h.T, 0.7 * (e @ e.T) + 0.3 * (t @ t.T), atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(h, axis=1), 1.0, atol=1e-5)


def test_vectors_bytes_round_trip() -> None:
    """Vectors survive storage as bytes."""
    v = np.random.default_rng(0).random((5, 7), dtype=np.float32)
    np.testing.assert_array_equal(vectors_from_bytes(vectors_to_bytes(v), 7), v)
