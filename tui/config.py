"""feeds.toml -> typed, frozen settings; every mistake is a ConfigError naming file, line or key."""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tui.core.feeds.subscriptions import (
    Subscription,
    SubscriptionError,
    default_feed_name,
    validate_feed_url,
)
from tui.core.query import QueryError, SavedQuery, parse as parse_query
from tui.core.settings import Settings, command_words
from tui.core.sync.account import SERVICES, SyncAccount

CONFIG_ENV = "BYLINE_CONFIG"
CACHE_ENV = "BYLINE_CACHE_DIR"
CONFIG_NAME = "feeds.toml"
# The offline demo in a checkout (`byline --config seeds/feeds.toml`); absent when installed.
DEMO_DIR = Path(__file__).resolve().parents[1] / "seeds"


class ConfigError(Exception):
    """A bad config file; the message is one line naming the file and the line or key."""


@dataclass(frozen=True)
class Config:
    """A loaded config: where it came from, the feeds, the settings, the keymap, the cache dir,
    the watchlists and mutes ([[watch]], [[mute]]), the sync account ([sync]); `show_muted`
    comes from the command line."""

    path: Path | None
    feeds: tuple[Subscription, ...]
    settings: Settings = field(default_factory=Settings)
    keymap: dict[str, str] = field(default_factory=dict)
    cache_dir: Path = Path("cache")
    watches: tuple[SavedQuery, ...] = ()
    mutes: tuple[SavedQuery, ...] = ()
    show_muted: bool = False
    sync: SyncAccount | None = None

    def watch(self, name: str) -> SavedQuery | None:
        """The watchlist of that name (case-insensitive)."""
        wanted = " ".join(name.split()).casefold()
        return next((w for w in self.watches if w.name.casefold() == wanted), None)

    @property
    def db_path(self) -> Path:
        return self.cache_dir / "byline.db"


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("byline")) / CONFIG_NAME


def find_config(cli_path: str | None) -> Path | None:
    """--config, then $BYLINE_CONFIG, then ./feeds.toml, then the user config directory."""
    for candidate, must_exist in ((cli_path, True), (os.environ.get(CONFIG_ENV), True)):
        if candidate:
            path = Path(candidate).expanduser()
            if must_exist and not path.is_file():
                raise ConfigError(f"{path}: no such config file")
            return path
    for path in (Path.cwd() / CONFIG_NAME, user_config_path()):
        if path.is_file():
            return path
    return None


def install_default_config() -> Path | None:
    """First run outside the repository: copy the default subscriptions to the user config
    directory, where the user can edit them. None when that is not possible."""
    from importlib.resources import files

    target = user_config_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files("tui").joinpath("default_feeds.toml").read_text("utf-8"),
                          encoding="utf-8")
    except OSError:
        return None
    return target


def resolve_cache_dir(config_path: Path | None, cli_dir: str | None) -> Path:
    """--cache-dir, then $BYLINE_CACHE_DIR, then cache/ beside the config, then the user cache
    dir. The demo (this checkout's seeds/feeds.toml) is the exception: seeds/ is tracked
    source, so its cache goes to the user cache dir, in a folder of its own per checkout."""
    chosen = cli_dir or os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    config_path = config_path.resolve() if config_path is not None else None
    if config_path is not None and config_path.parent != DEMO_DIR:
        return config_path.parent / "cache"
    from platformdirs import user_cache_dir

    cache = Path(user_cache_dir("byline"))
    if config_path is None:
        return cache
    return cache / f"demo-{hashlib.sha256(str(config_path).encode()).hexdigest()[:12]}"


def load_config(path: Path | None, cache_dir: str | None = None) -> Config:
    """Read and validate a config file; None gives an empty subscription list."""
    resolved_cache = resolve_cache_dir(path, cache_dir)
    if path is None:
        return Config(path=None, feeds=(), cache_dir=resolved_cache)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    return parse_config_text(path, source, resolved_cache)


def parse_config_text(path: Path, source: str, cache_dir: Path) -> Config:
    """Validate config text as if it were the file at `path` (used before saving edits too)."""
    resolved_cache = cache_dir
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from exc
    return _ConfigReader(path, source).read(data, resolved_cache)


_TOP_LEVEL = {"settings", "keymap", "feeds", "watch", "mute", "sync"}
_SYNC_KEYS = ("service", "url", "username", "password_command", "password_env")
_FEED_KEYS = {"name", "url", "tags"}
_QUERY_KEYS = {"name", "query"}


class _ConfigReader:
    """Validates parsed TOML, pointing every error at a line of the source when it can."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = source.splitlines()

    def fail(self, message: str, key: str | None = None, near: int = 0) -> ConfigError:
        line = self._line_of(key, near) if key else None
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {message}")

    def _line_of(self, key: str, near: int) -> int | None:
        pattern = re.compile(rf"^\s*(\[+\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\])")
        for number in range(near, len(self.lines)):
            if pattern.search(self.lines[number]):
                return number + 1
        return None

    def _feed_line(self, index: int, table: str = "feeds") -> int:
        """The 0-based line of the index-th [[table]] header (0 when not found)."""
        header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
        seen = -1
        for number, text in enumerate(self.lines):
            if header.match(text):
                seen += 1
                if seen == index:
                    return number
        return 0

    def read(self, data: dict[str, Any], cache_dir: Path) -> Config:
        for key in data:
            if key not in _TOP_LEVEL:
                raise self.fail(f"unknown top-level key '{key}' (expected feeds, settings, keymap, "
                                "watch, mute, sync)", key)
        settings = self.read_settings(data.get("settings", {}))
        keymap = self.read_keymap(data.get("keymap", {}))
        feeds = self.read_feeds(data.get("feeds", []))
        watches = self.read_queries("watch", data.get("watch", []))
        mutes = self.read_queries("mute", data.get("mute", []))
        sync = self.read_sync(data["sync"]) if "sync" in data else None
        return Config(self.path, feeds, settings, keymap, cache_dir, watches, mutes, sync=sync)

    def read_sync(self, table: Any) -> SyncAccount:
        """[sync]: service, url, username, and password_command (argv) or password_env; a
        password itself is refused, so it is never in feeds.toml."""
        near = next((n for n, text in enumerate(self.lines)
                     if re.match(r"^\s*\[\s*sync\s*\]", text)), 0)
        if not isinstance(table, dict):
            raise self.fail("'sync' must be a table: [sync]", "sync", near)
        for key in table:
            if key == "password":
                raise self.fail("'sync.password': passwords are not kept in feeds.toml; use "
                                "password_command (argv, e.g. [\"pass\", \"show\", \"rss\"]) or "
                                "password_env", key, near)
            if key not in _SYNC_KEYS:
                raise self.fail(f"unknown key 'sync.{key}' (known: {', '.join(_SYNC_KEYS)})", key, near)
        for key in ("service", "url", "username"):
            if not isinstance(table.get(key), str) or not table[key].strip():
                raise self.fail(f"'sync.{key}' must be a non-empty string", key if key in table
                                else "sync", near)
        service = table["service"].strip()
        if service not in SERVICES:
            raise self.fail(f"'sync.service' must be one of {', '.join(map(repr, SERVICES))}, not "
                            f"{service!r}", "service", near)
        url = table["url"].strip()
        if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
            raise self.fail(f"'sync.url' must be an http(s) address, not {url!r}", "url", near)
        command = table.get("password_command")
        env = table.get("password_env")
        if (command is None) == (env is None):
            raise self.fail("[sync] needs exactly one of password_command and password_env",
                            "password_command" if command is not None else "sync", near)
        if command is not None and (not isinstance(command, list) or not command or not all(
                isinstance(word, str) and word for word in command)):
            raise self.fail("'sync.password_command' must be a non-empty array of strings (argv, "
                            "no shell)", "password_command", near)
        if env is not None and (not isinstance(env, str) or not env.strip()):
            raise self.fail("'sync.password_env' must be the name of an environment variable",
                            "password_env", near)
        return SyncAccount(service, url.rstrip("/"), table["username"].strip(),
                           tuple(command or ()), env.strip() if env else None)

    def read_settings(self, table: Any) -> Settings:
        if not isinstance(table, dict):
            raise self.fail("'settings' must be a table", "settings")
        known = {f.name: f for f in fields(Settings)}
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in known:
                raise self.fail(f"unknown key 'settings.{key}' (known: {', '.join(known)})", key)
            default = getattr(Settings(), key)
            values[key] = self._coerce(f"settings.{key}", key, value, default)
        settings = Settings(**values)
        if settings.reader_align not in ("left", "center"):
            raise self.fail("'settings.reader_align' must be \"left\" or \"center\"", "reader_align")
        for key in ("notify_command", "browser"):
            try:
                command_words(getattr(settings, key))
            except ValueError as exc:
                raise self.fail(f"'settings.{key}': {exc}", key) from exc
        return settings

    def _coerce(self, label: str, key: str, value: Any, default: Any) -> Any:
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            value = float(value) if ok else value
        else:
            ok = isinstance(value, str)
        if not ok:
            raise self.fail(f"'{label}' must be {type(default).__name__}, not {value!r}", key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise self.fail(f"'{label}' must not be negative", key)
        return value

    def read_keymap(self, table: Any) -> dict[str, str]:
        if not isinstance(table, dict):
            raise self.fail("'keymap' must be a table of binding id = \"keys\"", "keymap")
        keymap: dict[str, str] = {}
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"'keymap.{key}' must be a non-empty string of keys", key)
            keymap[key] = value
        return keymap

    def read_feeds(self, items: Any) -> tuple[Subscription, ...]:
        if not isinstance(items, list):
            raise self.fail("'feeds' must be an array of tables: [[feeds]]", "feeds")
        feeds: list[Subscription] = []
        seen_urls: dict[str, int] = {}
        seen_names: dict[str, int] = {}
        for index, item in enumerate(items):
            near = self._feed_line(index)
            feed = self.read_feed(index, item, near)
            label = f"feed #{index + 1} ({feed.name!r})"
            if feed.url in seen_urls:
                raise self.fail(f"{label}: duplicate url, same as feed #{seen_urls[feed.url] + 1}",
                                "url", near)
            if feed.name.casefold() in seen_names:
                raise self.fail(
                    f"{label}: duplicate name, same as feed #{seen_names[feed.name.casefold()] + 1}",
                    "name", near)
            seen_urls[feed.url] = index
            seen_names[feed.name.casefold()] = index
            feeds.append(feed)
        return tuple(feeds)

    def read_feed(self, index: int, item: Any, near: int) -> Subscription:
        label = f"feed #{index + 1}"
        if not isinstance(item, dict):
            raise self.fail(f"{label} must be a table", "feeds", near)
        for key in item:
            if key not in _FEED_KEYS:
                raise self.fail(f"{label}: unknown key '{key}' (expected name, url, tags)", key, near)
        url = item.get("url")
        if not isinstance(url, str) or not url.strip():
            raise self.fail(f"{label}: missing 'url'", "url" if "url" in item else "feeds", near)
        resolved = self.resolve_url(url.strip(), label, near)
        name = item.get("name", default_feed_name(resolved))
        if not isinstance(name, str) or not name.strip():
            raise self.fail(f"{label}: 'name' must be a non-empty string", "name", near)
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
            raise self.fail(f"{label} ({name!r}): 'tags' must be an array of strings", "tags", near)
        return Subscription(" ".join(name.split()), resolved, tuple(t.strip() for t in tags))

    def resolve_url(self, url: str, label: str, near: int) -> str:
        """The URL checked as `byline feeds add` checks it; a local path made absolute."""
        try:
            checked = validate_feed_url(url)
        except SubscriptionError as exc:
            raise self.fail(f"{label}: {exc}", "url", near) from exc
        if urlsplit(checked).scheme.lower() in ("http", "https", "file"):
            return checked
        local = Path(checked).expanduser()
        if not local.is_absolute():
            local = self.path.resolve().parent / local
        return local.resolve().as_uri()

    def read_queries(self, table: str, items: Any) -> tuple[SavedQuery, ...]:
        """[[watch]] (name and query required) or [[mute]] (name optional) tables, each query
        parsed now so a mistake names the file, the line and the character."""
        if not isinstance(items, list):
            raise self.fail(f"'{table}' must be an array of tables: [[{table}]]", table)
        found: list[SavedQuery] = []
        names: dict[str, int] = {}
        for index, item in enumerate(items):
            near = self._feed_line(index, table)
            label = f"{table} #{index + 1}"
            if not isinstance(item, dict):
                raise self.fail(f"{label} must be a table", table, near)
            for key in item:
                if key not in _QUERY_KEYS:
                    raise self.fail(f"{label}: unknown key '{key}' (expected name, query)", key, near)
            text = item.get("query")
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{label}: missing 'query'", "query" if "query" in item else table,
                                near)
            name = item.get("name", text if table == "mute" else None)
            if not isinstance(name, str) or not name.strip():
                raise self.fail(f"{label}: 'name' must be a non-empty string",
                                "name" if "name" in item else table, near)
            name = " ".join(name.split())
            label = f"{label} ({name!r})"
            try:
                query = parse_query(text)
            except QueryError as exc:
                raise self.fail(f"{label}: query: {exc}", "query", near) from exc
            if table == "watch" and name.casefold() in names:
                raise self.fail(f"{label}: duplicate name, same as watch #{names[name.casefold()] + 1}",
                                "name", near)
            names[name.casefold()] = index
            found.append(SavedQuery(name, text, query))
        return tuple(found)
