"""The reader's story line: how wide an article's story is and why the article joined it."""

from __future__ import annotations

from tui.core.models import Article
from tui.core.store import Store
from tui.core.stories.reasons import why_together
from tui.core.text import counted


def story_note(store: Store, article: Article) -> str | None:
    """One line on the article's story: how wide it is and why this article joined it."""
    member = store.membership(article.id)
    info = store.story(member.story_id) if member else None
    if member is None or info is None or info.article_count < 2:
        return None
    note = f"Story: {counted(info.outlet_count, 'outlet')}, {counted(info.article_count, 'article')}"
    if member.matched_article_id is not None:
        why = why_together(store, article.id, member.matched_article_id)
        if why:
            note += f" · {why}"
    if member.merge is not None:
        note += f" · {member.merge.words()}"
    return note
