"""The free texts of the lab, read by the bouquets engine's encoder: each row caches its vector with the encoder's
name and its text's hash (as ``bouquets.ProposalVector`` does), so that matching encodes only what changed."""

from collections.abc import Sequence
from functools import cache

import numpy as np

from bouquet.bouquets.corpus import text_hash
from bouquet.bouquets.engine import Encoder, SdgSuggestion, vectors_from_bytes, vectors_to_bytes
from bouquet.bouquets.engine.sdg import SdgSuggester
from bouquet.bouquets.registry import configured_encoder
from bouquet.incubator.models import Energy, Initiative, Need, Offer

HasVector = Initiative | Energy | Need | Offer


def initiative_text(initiative: Initiative) -> str:
    """What an initiative says of itself: title, the need it answers, for whom."""
    return f"{initiative.title}. {initiative.need} {initiative.for_whom}"


def need_text(item: Need | Offer) -> str:
    """A need's or an offer's text: its title and details."""
    return f"{item.title}. {item.description}"


def energy_text(energy: Energy) -> str:
    """What a person wrote of what they can give, with the material and rooms they lend."""
    return " ".join(part for part in (energy.free_text, energy.material, energy.rooms) if part)


def encoder() -> Encoder:
    """The encoder the bouquets use (settings.BOUQUET_ENCODER)."""
    return configured_encoder()


def vectors_for(rows: Sequence[HasVector], texts: Sequence[str], *, save: bool = True) -> np.ndarray:
    """Unit vectors of ``rows`` (one per row, in order): the cached ones when the encoder and text still match,
    the others encoded in one call and stored back on their rows."""
    model = encoder()
    dim = model.dim
    out: list[np.ndarray | None] = []
    missing: list[int] = []
    hashes = [text_hash(t) for t in texts]
    for index, (row, digest) in enumerate(zip(rows, hashes, strict=True)):
        if row.vector and row.vector_encoder == model.name and row.vector_hash == digest:
            out.append(vectors_from_bytes(bytes(row.vector), dim)[0])  # type: ignore[arg-type]
        else:
            out.append(None)
            missing.append(index)
    if missing:
        fresh = model.encode([texts[i] for i in missing])
        for k, index in enumerate(missing):
            out[index] = fresh[k]
            row = rows[index]
            row.vector = vectors_to_bytes(fresh[k : k + 1])
            row.vector_encoder = model.name
            row.vector_hash = hashes[index]
            if save and row.pk is not None:
                type(row)._default_manager.filter(pk=row.pk).update(
                    vector=row.vector, vector_encoder=model.name, vector_hash=hashes[index]
                )
    if not out:
        return np.zeros((0, dim), dtype=np.float32)
    return np.vstack([v for v in out if v is not None]).astype(np.float32)


@cache
def _suggester(encoder_name: str) -> SdgSuggester:
    return SdgSuggester(encoder())


def suggest_sdgs(text: str) -> list[int]:
    """The SDG numbers the bouquets engine suggests for a text (a person confirms them)."""
    suggestions: tuple[SdgSuggestion, ...] = _suggester(encoder().name).suggest([text])[0]
    return [s.number for s in suggestions]
