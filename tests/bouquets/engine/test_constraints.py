"""Agent decisions survive a full re-clustering."""

from bouquet.bouquets.engine import (
    Assignment,
    Constraints,
    Engine,
    MemberStatus,
    Merge,
    MoveOut,
    PinnedBouquet,
)
from tests.bouquets.engine.conftest import CORPUS


def _regroup(engine: Engine, constraints: Constraints):
    """Re-cluster the corpus with constraints."""
    return engine.group(list(CORPUS.values()), list(CORPUS), themes=2, constraints=constraints)


def test_pinned_bouquet_is_kept_as_is_with_its_label(engine: Engine) -> None:
    """A pinned bouquet, even an odd one, keeps exactly its members and its agent label."""
    pinned = PinnedBouquet("X", ("piano", "banc1"), label="Culture sur la place")
    g = _regroup(engine, Constraints(pinned=(pinned,)))
    b = g.bouquet("X")
    assert set(b.member_ids) == {"piano", "banc1"} and b.pinned
    assert b.label.text == "Culture sur la place" and b.label.custom
    assert g.memberships["piano"].status == MemberStatus.PINNED
    assert all(g.memberships[i].bouquet_key != "X" for i in CORPUS if i not in {"piano", "banc1"})


def test_keys_and_renamed_labels_are_stable_across_regrouping(engine: Engine) -> None:
    """Re-clustering reuses previous bouquet keys and the labels agents wrote for them."""
    first = _regroup(engine, Constraints())
    key = first.memberships["compost1"].bouquet_key
    previous = {i: m.bouquet_key for i, m in first.memberships.items() if m.bouquet_key}
    g = _regroup(engine, Constraints(previous_bouquets=previous, bouquet_labels={key: "Compost partagé"}))
    assert g.memberships["compost1"].bouquet_key == key
    assert g.bouquet(key).label.text == "Compost partagé"


def test_assignment_merge_and_move_out_are_honoured(engine: Engine) -> None:
    """Forced membership, merged bouquets and moved-out proposals survive re-clustering."""
    first = _regroup(engine, Constraints())
    previous = {i: m.bouquet_key for i, m in first.memberships.items() if m.bouquet_key}
    velo, banc = previous["velo1"], previous["banc1"]
    cons = Constraints(
        merges=(Merge(into=velo, merged_keys=(banc,), label="Rue apaisée"),),
        assignments=(Assignment("piano", velo),),
        moved_out=(MoveOut("velo3", velo),),
        previous_bouquets=previous,
    )
    g = _regroup(engine, cons)
    b = g.bouquet(velo)
    assert {"velo1", "banc1", "piano"} <= set(b.member_ids)
    assert "velo3" not in b.member_ids
    assert b.label.text == "Rue apaisée" and b.pinned


def test_moved_out_of_an_unpinned_bouquet_goes_to_the_pool(engine: Engine) -> None:
    """A proposal an agent moved out is not put back by the algorithm."""
    first = _regroup(engine, Constraints())
    previous = {i: m.bouquet_key for i, m in first.memberships.items() if m.bouquet_key}
    g = _regroup(
        engine, Constraints(moved_out=(MoveOut("ecole1", previous["ecole1"]),), previous_bouquets=previous)
    )
    assert g.memberships["ecole1"].bouquet_key != previous["ecole1"]
