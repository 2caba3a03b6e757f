"""The pure matching on crafted cases: the right giver first, and the reason right."""

import numpy as np
import pytest

from bouquet.incubator.matching import WEIGHTS, Profile, best_for_giver, match


def test_the_giver_with_the_skill_the_district_and_the_time_comes_first() -> None:
    need = Profile(
        key=1,
        skills=frozenset({10}),
        districts=frozenset({5}),
        themes=frozenset({7}),
        hours=4,
        kinds=frozenset({"skill"}),
    )
    gardener_here = Profile(
        key=100,
        skills=frozenset({10, 11}),
        districts=frozenset({5}),
        hours=4,
        kinds=frozenset({"skill", "volunteers"}),
    )
    gardener_far = Profile(
        key=101, skills=frozenset({10}), districts=frozenset({6}), hours=8, kinds=frozenset({"skill"})
    )
    cook_here = Profile(
        key=102, skills=frozenset({12}), districts=frozenset({5}), hours=2, kinds=frozenset({"skill"})
    )
    matches = match([need], [cook_here, gardener_far, gardener_here], minimum=0.0)
    assert [m.giver for m in matches] == [100, 101, 102]
    best = matches[0]
    assert best.reason.skills == (10,) and best.reason.district == 5 and best.reason.hours == 4
    assert best.parts["skills"] == pytest.approx(WEIGHTS["skills"]) and best.parts[
        "district"
    ] == pytest.approx(WEIGHTS["district"])
    assert abs(best.score - sum(best.parts.values())) < 1e-3


def test_half_the_time_asked_counts_half() -> None:
    need = Profile(key=1, hours=10, kinds=frozenset({"volunteers"}))
    giver = Profile(key=2, hours=5, kinds=frozenset({"volunteers"}))
    (found,) = match([need], [giver], minimum=0.0)
    assert found.parts["time"] == pytest.approx(WEIGHTS["time"] * 0.5)
    assert found.parts["kind"] == pytest.approx(WEIGHTS["kind"])


def test_meaning_of_free_text_adds_its_share() -> None:
    need = Profile(key=1)
    a, b = Profile(key=2), Profile(key=3)
    need_vectors = np.array([[1.0, 0.0]], dtype=np.float32)
    giver_vectors = np.array([[0.0, 1.0], [0.8, 0.6]], dtype=np.float32)
    matches = match([need], [a, b], need_vectors, giver_vectors, minimum=0.0)
    assert matches[0].giver == 3 and matches[0].reason.text == pytest.approx(0.8)
    assert matches[1].parts["text"] == 0.0  # an orthogonal text adds nothing (never a negative share)


def test_below_the_minimum_is_no_match_and_top_bounds_the_list() -> None:
    need = Profile(key=1, skills=frozenset({1}))
    givers = [Profile(key=k, skills=frozenset({1})) for k in range(2, 30)] + [Profile(key=99)]
    matches = match([need], givers, top=5)
    assert len(matches) == 5 and all(m.giver != 99 for m in matches)
    assert match([need], [Profile(key=99)]) == []


def test_a_person_sees_the_needs_that_match_them_best_first() -> None:
    needs = [
        Profile(key=1, skills=frozenset({1})),
        Profile(key=2, skills=frozenset({1}), districts=frozenset({3})),
    ]
    me = Profile(key=50, skills=frozenset({1}), districts=frozenset({3}))
    mine = best_for_giver(match(needs, [me]), 50)
    assert [m.need for m in mine] == [2, 1]


def test_blocks_give_the_same_answer_as_one_pass() -> None:
    rng = np.random.default_rng(3)
    needs = [
        Profile(key=i, skills=frozenset(rng.choice(20, 2).tolist()), hours=int(rng.integers(0, 8)))
        for i in range(50)
    ]
    givers = [
        Profile(key=1000 + j, skills=frozenset(rng.choice(20, 3).tolist()), hours=int(rng.integers(0, 8)))
        for j in range(80)
    ]
    one = match(needs, givers, block=1000, minimum=0.0, top=3)
    many = match(needs, givers, block=7, minimum=0.0, top=3)
    assert [(m.need, m.giver) for m in one] == [(m.need, m.giver) for m in many]
    assert [m.score for m in one] == pytest.approx([m.score for m in many])
