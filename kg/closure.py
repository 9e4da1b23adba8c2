"""Sets of IRIs joined pairwise (``owl:sameAs`` closures), each named by its least member, so
the name depends on the set alone, never on the order of the pairs.

>>> closures([("b", "a"), ("c", "a"), ("e", "d")])
{'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd', 'e': 'd'}
"""

from __future__ import annotations

from collections.abc import Iterable


class LeastRoot:
    """Union-find whose every set is represented by its least member.

    >>> sets = LeastRoot(); sets.join("b", "c"); sets.join("c", "a"); sets.find("b"), sets.members()
    ('a', ['a', 'b', 'c'])
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """The least member of ``x``'s set (``x`` itself, and now a member, if it was none)."""
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        """Put ``a`` and ``b`` in one set."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> list[str]:
        """Every member of every set, sorted."""
        return sorted(self._parent)


def closures(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each member of a pair -> the least member of its closure."""
    sets = LeastRoot()
    for a, b in pairs:
        sets.join(a, b)
    return {x: sets.find(x) for x in sets.members()}
