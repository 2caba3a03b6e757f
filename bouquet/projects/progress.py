"""A project's progress, rolled up from its tree of results by weight. Pure (no Django)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Node:
    """One result: its own progress (0 to 100, used when it has no children), weight, and parent."""

    id: int
    parent_id: int | None
    weight: int
    progress: int


def rolled_up(nodes: Sequence[Node]) -> dict[int | None, float]:
    """Each result's progress (its children's weighted mean when it has children), and the project's under None.

    A result of weight 0 counts for nothing; a project without results (or whose results all weigh 0) is at 0."""
    children: dict[int | None, list[Node]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    known = {node.id for node in nodes}
    # A parent that is not in the tree (deleted) leaves its children at the top.
    for parent in [key for key in children if key is not None and key not in known]:
        children.setdefault(None, []).extend(children.pop(parent))
    done: dict[int | None, float] = {}

    def value(key: int | None, own: float) -> float:
        if key in done:
            return done[key]
        kids = children.get(key, [])
        total = sum(kid.weight for kid in kids)
        result = (
            sum(kid.weight * value(kid.id, kid.progress) for kid in kids) / total if kids and total else own
        )
        done[key] = result
        return result

    value(None, 0.0)
    for node in nodes:
        value(node.id, node.progress)
    return done


def project_progress(nodes: Sequence[Node]) -> int:
    """The project's progress in whole percent."""
    return round(rolled_up(nodes)[None])


def by_id(nodes: Sequence[Node]) -> Mapping[int, int]:
    """Each result's rolled-up progress in whole percent."""
    values = rolled_up(nodes)
    return {node.id: round(values[node.id]) for node in nodes}
