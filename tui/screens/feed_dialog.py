"""The feed dialog: add a feed (its URL checked before anything is saved), or edit one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.feeds.discover import Probe
from tui.core.settings import Settings
from tui.core.text import counted


@dataclass(frozen=True)
class FeedForm:
    """What the user entered; `original` names the feed being edited (None when adding)."""

    name: str
    url: str
    tags: tuple[str, ...]
    original: str | None = None
    server: bool = False  # subscribe on the [sync] server, not in feeds.toml


class FeedEditor(ModalScreen[FeedForm | None]):
    """Add a feed, or rename, retag and re-point one. A new URL is fetched first: a feed is
    saved, a web page's feeds are offered, anything else is explained and nothing is saved."""

    DEFAULT_CSS = """
    FeedEditor > Vertical { width: 76; height: auto; max-height: 90%; border: round $accent;
                            background: $surface; padding: 1 2; }
    FeedEditor Input { margin-bottom: 1; }
    FeedEditor #feed-error { color: $error; height: auto; }
    FeedEditor #feed-error.-info { color: $text-muted; }
    FeedEditor #feed-links { height: auto; max-height: 8; display: none; }
    FeedEditor #feed-links.-shown { display: block; }
    FeedEditor Horizontal { height: auto; align-horizontal: right; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", show=False)]

    def __init__(self, name: str = "", url: str = "", tags: tuple[str, ...] = (),
                 original: str | None = None, *, settings: Settings | None = None,
                 base: str | None = None, save: Callable[[FeedForm], str] | None = None,
                 server: str | None = None) -> None:
        super().__init__()
        self.initial = FeedForm(name, url, tags, original)
        self.server = server if original is None else None  # the [sync] server, when adding
        self.settings = settings or Settings()
        self.base = base
        # Writes a checked form and says why it was refused ("" when written), so a refusal
        # (a URL already subscribed, a name taken) is shown here like every other mistake.
        self.save = save
        self.links: list[str] = []

    def compose(self) -> ComposeResult:
        form = self.initial
        with Vertical():
            yield Label("Feed URL, or a web page that links to its feeds")
            yield Input(form.url, placeholder="https://example.org/feed.xml", id="feed-url")
            yield Label("Name (blank: the feed's title, else the host name)")
            yield Input(form.name, id="feed-name")
            yield Label("Tags, separated by commas")
            yield Input(", ".join(form.tags), id="feed-tags")
            if self.server:
                yield Checkbox(f"On the sync server ({self.server}); untick: feeds.toml only",
                               True, id="feed-server")
            yield Static(Text(""), id="feed-error")
            yield OptionList(id="feed-links", markup=False)
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = "Edit feed" if self.initial.original else "Add feed"

    def show_error(self, message: str, *, info: bool = False) -> None:
        error = self.query_one("#feed-error", Static)
        error.update(Text(message))
        error.set_class(info, "-info")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def _form(self) -> FeedForm | None:
        from tui.core.feeds.subscriptions import SubscriptionError, validate_feed_url

        url = self.query_one("#feed-url", Input).value.strip()
        if not url:
            self.show_error("A feed needs a URL.")
            return None
        try:
            validate_feed_url(url)
        except SubscriptionError as exc:
            self.show_error(str(exc))
            return None
        tags = tuple(t.strip() for t in self.query_one("#feed-tags", Input).value.split(",")
                     if t.strip())
        return FeedForm(self.query_one("#feed-name", Input).value.strip(), url, tags,
                        self.initial.original,
                        bool(self.server) and self.query_one("#feed-server", Checkbox).value)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        form = self._form()
        if form is None:
            return
        if form.original is not None and form.url == self.initial.url:
            self._finish(form)  # only the name or tags changed: nothing to check
            return
        self.show_error(f"Checking {form.url} …", info=True)
        self.check(form)

    @work(exclusive=True, group="feed-check", exit_on_error=False)
    async def check(self, form: FeedForm) -> None:
        from tui.core.feeds.discover import check_feed_url

        self._checked(form, await check_feed_url(form.url, self.settings, self.base))

    def _checked(self, form: FeedForm, result: Probe) -> None:
        links = self.query_one("#feed-links", OptionList)
        if result.error is not None:
            self.show_error(f"Not saved: {result.error}.")
            return
        if result.links:
            self.links = [link.url for link in result.links]
            links.clear_options()
            links.add_options([Option(Text(f"{link.title}  {link.url}")) for link in result.links])
            links.add_class("-shown")
            links.highlighted = 0
            links.focus()
            self.show_error(f"That is a web page; it links to {counted(len(result.links), 'feed')}. "
                            "Pick one (enter):", info=True)
            return
        name = form.name or (result.title or "")
        self._finish(replace(form, name=name))

    def _finish(self, form: FeedForm) -> None:
        refused = self.save(form) if self.save is not None else ""
        if refused:
            self.show_error(f"Not saved: {refused}")
            return
        self.dismiss(form)

    @on(OptionList.OptionSelected, "#feed-links")
    def _link_chosen(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#feed-url", Input).value = self.links[event.option_index]
        self.query_one("#feed-links", OptionList).remove_class("-shown")
        self._save()
