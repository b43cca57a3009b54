"""Every user-facing key binding, in one table: the screens and widgets take their BINDINGS
from here, and help, the README's key table and the [keymap] check read the same table.

A leaf module: it imports no screen or widget, so anything may import it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class KeyInfo:
    """One user-facing binding."""

    scope: str
    id: str | None
    keys: str
    description: str
    tooltip: str


GLOBAL: list[BindingType] = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit Byline"),
    Binding("r", "refresh", "Refresh", id="app.refresh",
            tooltip="Refresh all feeds in the background"),
    Binding("c", "cancel_refresh", "Cancel refresh", show=False, id="app.cancel_refresh",
            tooltip="Cancel a refresh in progress"),
    Binding("question_mark", "help", "Keys", id="app.help", tooltip="Show every key"),
]


MAIN_SCREEN: list[BindingType] = [
    Binding("tab", "focus_next_pane", "Next pane", show=False),
    Binding("shift+tab", "focus_previous_pane", "Previous pane", show=False),
    Binding("escape", "close_reader", "Back", show=False, id="reader.close",
            tooltip="Close the article and go back to browsing the list"),
    Binding("J", "step_article(1)", "Next article", show=False, id="article.next",
            tooltip="Open the next article of the list"),
    Binding("K", "step_article(-1)", "Previous article", show=False, id="article.previous",
            tooltip="Open the previous article of the list"),
    Binding("m", "toggle_read", "Read", id="article.toggle_read",
            tooltip="Mark the current article read or unread"),
    Binding("s", "toggle_star", "Star", id="article.star",
            tooltip="Star or unstar the current article"),
    Binding("o", "open_link", "Open link", show=False, id="article.open_link",
            tooltip="Open the article's web page in the browser"),
    Binding("A", "mark_all_read", "All read", show=False, id="list.mark_all_read",
            tooltip="Mark every article in the current list read (asks first; U undoes it)"),
    Binding("u", "toggle_unread_only", "Unread only", show=False, id="list.unread_only",
            tooltip="Show only unread articles, or all"),
    Binding("U", "undo", "Undo", show=False, id="app.undo",
            tooltip="Take back the last mark read (one or all), star or mute"),
    Binding("e", "reextract", "Re-extract", show=False, id="article.reextract",
            tooltip="Fetch the article's page and extract its full text again"),
    Binding("n", "next_unread", "Next unread", show=False, id="article.next_unread",
            tooltip="Open the next unread article, moving on to the next feed"),
    Binding("slash", "search", "Search", id="app.search",
            tooltip="Search every cached article"),
    Binding("Q", "quote_lookup", "Quotes", id="app.quote_lookup",
            tooltip="Look up any stored quote by its words or speaker"),
    Binding("S", "stories", "Stories", id="app.stories",
            tooltip="Stories: the same event across outlets"),
    Binding("C", "compare_story", "Compare", show=False, id="article.compare",
            tooltip="Compare how each outlet covered the current article's story"),
    Binding("y", "copy_link", "Copy link", show=False, id="article.copy_link",
            tooltip="Copy the article's link to the clipboard"),
    Binding("w", "save_markdown", "Save", show=False, id="article.save",
            tooltip="Save the article as a Markdown file"),
    Binding("P", "toggle_panel", "Side panel", show=False, id="panel.toggle",
            tooltip="Show or hide who said what beside the text (instead of it when narrow)"),
    Binding("left_square_bracket", "focus_actors", "Actors", show=False,
            id="panel.actors", tooltip="Focus the article's actors (enter filters quotes)"),
    Binding("right_square_bracket", "focus_quotes", "Quotes", show=False,
            id="panel.quotes", tooltip="Focus the article's quotes (enter shows it in the text)"),
    Binding("backslash", "toggle_feeds", "Feeds pane", show=False, id="feeds.toggle_pane",
            tooltip="Show or hide the feed pane (instead of the list below 100 columns)"),
    Binding("a", "add_feed", "Add feed", show=False, id="feeds.add",
            tooltip="Subscribe to a feed (its URL is checked first)"),
    Binding("E", "edit_feed", "Edit feed", show=False, id="feeds.edit",
            tooltip="Rename, retag or re-point the selected feed, or edit the selected "
                    "watchlist or mute"),
    Binding("D", "remove_feed", "Remove feed", show=False, id="feeds.remove",
            tooltip="Unsubscribe from the selected feed (its articles stay in All); on a "
                    "watchlist or mute, delete it; on a person, stop following them"),
    Binding("W", "add_watch", "New watchlist", show=False, id="watch.add",
            tooltip="Make a watchlist: a saved search listed like a feed (E edits one)"),
    Binding("X", "add_mute", "Mute", show=False, id="mute.add",
            tooltip="Mute: the editor opens on the current article's outlet (or the feed, tag "
                    "or person highlighted in the feed pane); any query will do"),
    Binding("M", "toggle_muted", "Show muted", show=False, id="list.toggle_muted",
            tooltip="Show the articles [[mute]] rules hide, or hide them again"),
]


SIDE_PANEL: list[BindingType] = [
    Binding("f", "follow", "Follow", id="panel.follow",
            tooltip="Follow the highlighted actor or the quote's speaker (again: stop); "
                    "followed people are listed under People"),
    Binding("X", "mute", "Mute", show=False, id="panel.mute",
            tooltip="Mute the articles naming the highlighted actor, or quoting the quote's "
                    "speaker (the mute editor opens filled in)"),
]


VIRTUAL_LIST: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False),
    Binding("k,up", "cursor_up", "Up", show=False),
    Binding("pagedown,space", "page_down", "Page down", show=False),
    Binding("pageup,b", "page_up", "Page up", show=False),
    Binding("g,home", "first", "First", show=False),
    Binding("G,end", "last", "Last", show=False),
    Binding("enter", "select", "Choose", show=False),
]


ARTICLE_LIST: list[BindingType] = [
    Binding("enter", "select", "Open", show=False, id="list.open", tooltip="Open the article"),
]


READER: list[BindingType] = [
    Binding("j,down", "scroll_down", "Down", show=False),
    Binding("k,up", "scroll_up", "Up", show=False),
    Binding("space,pagedown", "page_down", "Page down", show=False),
    Binding("b,pageup", "page_up", "Page up", show=False),
    Binding("g,home", "scroll_home", "Top", show=False),
    Binding("G,end", "scroll_end", "Bottom", show=False),
]


STORIES: list[BindingType] = [
    Binding("escape", "back", "Back", id="stories.back",
            tooltip="Back: from an article to the story's coverage, then to the feeds"),
    Binding("f", "follow", "Follow", id="stories.follow",
            tooltip="Follow or unfollow the story: pinned, with a count of new articles"),
    Binding("n", "step_outlet(1)", "Next outlet", id="stories.next_outlet",
            tooltip="Read the next outlet's version of the story"),
    Binding("p", "step_outlet(-1)", "Previous outlet", id="stories.previous_outlet",
            tooltip="Read the previous outlet's version of the story"),
    Binding("A", "mark_story_read", "Story read", id="stories.mark_read",
            tooltip="Mark every article of the story read (U undoes it)"),
    Binding("U", "undo", "Undo", show=False, id="stories.undo",
            tooltip="Take back the last mark read (one, all or a story's), star or mute"),
    Binding("m", "toggle_multi", "2+ outlets", id="stories.multi_only",
            tooltip="Show only stories covered by two or more outlets, or all"),
    Binding("C", "compare", "Compare", id="stories.compare",
            tooltip="Compare how each outlet covered the story: what each alone said, numbers that differ"),
    Binding("tab", "focus_next", "Next pane", show=False),
]


COMPARE: list[BindingType] = [
    Binding("escape", "back", "Back", id="compare.back",
            tooltip="Close the article, then go back to where compare was opened"),
    Binding("n", "step_outlet(1)", "Next outlet", id="compare.next_outlet",
            tooltip="Go to the next outlet's coverage"),
    Binding("p", "step_outlet(-1)", "Previous outlet", id="compare.previous_outlet",
            tooltip="Go to the previous outlet's coverage"),
    Binding("tab", "focus_next", "Next pane", show=False),
]


TYPE_AHEAD: list[BindingType] = [
    Binding("escape", "dismiss(None)", "Close", show=False),
    Binding("down", "move(1)", "Next", show=False),
    Binding("up", "move(-1)", "Previous", show=False),
    Binding("pagedown", "move_page(1)", "Page down", show=False),
    Binding("pageup", "move_page(-1)", "Page up", show=False),
]


QUOTE_LOOKUP: list[BindingType] = [
    Binding("ctrl+y", "copy_quote", "Copy quote", id="quotes.copy",
            tooltip="Copy the quote with its attribution and link"),
    Binding("ctrl+f,f", "follow_speaker", "Follow speaker", id="quotes.follow",
            tooltip="Follow the quote's speaker (again: stop); f once the list has the focus"),
    Binding("ctrl+s,x", "export_quotes", "Export", id="quotes.export",
            tooltip="Export the quotes listed as Markdown, CSV or JSON (a prompt asks; to "
                    "save_dir); x once the list has the focus"),
]


EXPORT_FORMAT: list[BindingType] = [
    Binding("m", "choose('md')", "Markdown", id="export.markdown",
            tooltip="Export as a Markdown table (.md)"),
    Binding("c", "choose('csv')", "CSV", id="export.csv",
            tooltip="Export as CSV for a spreadsheet (.csv)"),
    Binding("j", "choose('json')", "JSON", id="export.json", tooltip="Export as JSON (.json)"),
    Binding("enter", "choose_last", "Last format", id="export.last",
            tooltip="Export in the format used last time"),
    Binding("escape", "dismiss(None)", "Cancel", show=False),
]


SCOPES: list[tuple[str, list[BindingType]]] = [
    ("Global", GLOBAL),
    ("Main screen", MAIN_SCREEN),
    ("Lists", VIRTUAL_LIST),
    ("Article list", ARTICLE_LIST),
    ("Reader", READER),
    ("Who said what", SIDE_PANEL),
    ("Stories", STORIES),
    ("Compare", COMPARE),
    ("Search and quote lookup", TYPE_AHEAD),
    ("Quote lookup", QUOTE_LOOKUP),
    ("Quote export", EXPORT_FORMAT),
]


def key_table(overrides: Mapping[str, str] | None = None) -> Iterator[KeyInfo]:
    overrides = overrides or {}
    for scope, table in SCOPES:
        for item in table:
            if not isinstance(item, Binding):
                continue
            keys = overrides.get(item.id, item.key) if item.id else item.key
            yield KeyInfo(scope, item.id, keys, item.description, item.tooltip)


def unknown_binding_ids(keymap: Mapping[str, str]) -> set[str]:
    known = {info.id for info in key_table() if info.id}
    return set(keymap) - known


_KEY_NAMES = {"question_mark": "?", "slash": "/", "backslash": "\\",
              "left_square_bracket": "[", "right_square_bracket": "]"}


def display_keys(keys: str) -> str:
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def markdown_table() -> str:
    """The README's key table, generated from the bindings (a test keeps the README in step)."""
    lines = ["| where | keys | does | binding id |", "| --- | --- | --- | --- |"]
    for info in key_table():
        keys = display_keys(info.keys).replace("|", "\\|")
        shown = ", ".join(f"`{k.strip()}`" for k in keys.split(", "))
        lines.append(f"| {info.scope} | {shown} | {info.tooltip or info.description} | "
                     f"{'`' + info.id + '`' if info.id else ''} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
