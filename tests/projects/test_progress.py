"""Progress rolled up by weight through the tree of results (pure)."""

from bouquet.projects.gap import quartiles
from bouquet.projects.progress import Node, by_id, project_progress


def test_progress_rolls_up_by_weight() -> None:
    nodes = [
        Node(1, None, 3, 0),  # its children decide: (1*100 + 1*0) / 2 = 50
        Node(2, 1, 1, 100),
        Node(3, 1, 1, 0),
        Node(4, None, 1, 100),
    ]
    assert by_id(nodes) == {1: 50, 2: 100, 3: 0, 4: 100}
    assert project_progress(nodes) == round((3 * 50 + 1 * 100) / 4)


def test_no_results_or_no_weight_is_zero() -> None:
    assert project_progress([]) == 0
    assert project_progress([Node(1, None, 0, 80)]) == 0


def test_orphans_count_at_the_top() -> None:
    assert project_progress([Node(2, 99, 1, 40)]) == 40


def test_quartiles_interpolate_between_ranks() -> None:
    q = quartiles([10, 20, 30, 40])
    assert (q.n, q.q1, q.median, q.q3) == (4, 17.5, 25.0, 32.5)
    assert quartiles([]).median is None
