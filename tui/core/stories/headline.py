"""A story's title: the headline that best represents its articles, kept while it still does."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from tui.core.stories.tokens import strip_generic_prefix, tokenize

# A story keeps its title until another headline represents it this much better: a title that
# changes with every article is one the reader cannot find again.
KEEP_SHARE = 0.7


def story_headline(titles: Sequence[str], current: str | None = None) -> str:
    """The most representative title (sharing most tokens with the others, not a "Live updates:" one,
    shortest), or `current` while it is still one of the titles and close enough to the best."""
    if not titles:
        return current or ""
    stripped = [strip_generic_prefix(title) for title in titles]
    token_sets = [{t.key for t in tokenize(title)} for title in stripped]
    frequency = Counter(token for tokens in token_sets for token in tokens)

    def centrality(index: int) -> tuple[bool, float, int]:
        tokens = token_sets[index]
        if not tokens:
            return (False, 0.0, 0)
        shared = sum(frequency[t] - 1 for t in tokens) / math.sqrt(len(tokens))
        return (stripped[index] == titles[index], shared, -len(titles[index]))

    best = max(range(len(titles)), key=centrality)
    if current is not None and current in titles:
        held = centrality(titles.index(current))
        if held[0] and held[1] >= KEEP_SHARE * centrality(best)[1]:
            return current
    return titles[best]
