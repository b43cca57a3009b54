"""Who said what: the actors and quotes of an article, found by rules, and looked up later.

- `extractor`: `analyse(text)` -> `Analysis` (actors and quotes with offsets into the text);
- `actors`, `names`: people, organisations and places, their roles and aliases;
- `marks`: quotation marks paired into spans; `speakers`: cues and who they attach to;
- `indirect`: reported speech; `lexicon`: the word lists every rule shares;
- `pending`: analyse the cache's new text; `lookup`: search stored quotes, typos and all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.quotes.extractor import (
        Analysis as Analysis,
        analyse as analyse,
    )
    from tui.core.quotes.lookup import (
        QuoteIndex as QuoteIndex,
    )
    from tui.core.quotes.pending import (
        analyse_pending as analyse_pending,
    )

_EXPORTS = {"Analysis": "extractor", "analyse": "extractor", "QuoteIndex": "lookup",
            "analyse_pending": "pending"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
