"""KcqaApp: owns the Engine and its slow operations (load, reindex) in worker threads.

The first frame is drawn before anything heavy is imported: the engine loads the
model and the index in a thread worker while the question box already accepts
input. Screens ask the app for the engine; the app tells them the state
("loading" → "ready" or "missing") through the reactive `state`.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen

from ..config import Config
from ..engine import Engine
from . import texts
from .commands import palette_commands
from .screens.chat import ChatScreen

ANSWER_FILE = "kcqa-cau-tra-loi.txt"     # in the user's home folder, where people look


def answer_file() -> Path:
    return Path.home() / ANSWER_FILE


class KcqaApp(App):
    """The chat app. `steady=True` hides clocks and blinking, for screenshots."""

    CSS_PATH = "kcqa.tcss"
    TITLE = "kcqa — hỏi đáp hồ sơ khuyến công"
    BINDINGS = [
        Binding("ctrl+r", "reindex", "Lập chỉ mục", show=False),
        Binding("f2", "figures", "Số liệu"),
        Binding("ctrl+y", "copy_answer", "Sao chép", show=False),
        Binding("f4", "chats", "Lịch sử"),
        Binding("f1", "help", "Trợ giúp"),
        Binding("question_mark", "help", "Trợ giúp", show=False),
        Binding("ctrl+q", "quit", "Thoát", priority=True),
        Binding("ctrl+p", "command_palette", "Lệnh", show=False, priority=True),  # footer docks it right
    ]

    state: reactive[str] = reactive("loading")
    INDEX_POLL_SECONDS = 3.0      # how often to look whether another process changed the index

    def __init__(self, cfg: Config | None = None, engine: Engine | None = None, steady: bool = False,
                 chats=None) -> None:
        super().__init__()
        from ..chats import ChatStore
        self.cfg = cfg or (engine.cfg if engine else Config())
        self.engine = engine or Engine(self.cfg)
        self.steady = steady
        self.chats = chats or ChatStore(index_dir=self.cfg.index_dir)
        self._chats_warned = False
        self._index_stamp: tuple | None = None      # the index files' (mtime, size), last look
        self._index_version: object = None          # what the engine has loaded (see _index_version_now)
        self.reindexing = False
        self.last_report = None
        self._seen_warnings: set[str] = set()
        self._quit_asked = False
        self._busy = 0
        self._busy_lock = threading.Lock()
        self.message_log: list[str] = []   # every notification shown, oldest first

    def get_default_screen(self) -> Screen:
        self._chat = ChatScreen(show_time=not self.steady)
        return self._chat

    @property
    def chat(self) -> ChatScreen:
        return self._chat

    def on_mount(self) -> None:
        self.load_engine()
        self._index_stamp = self._stamp()
        self.set_interval(self.INDEX_POLL_SECONDS, self.check_index_changed)

    def notify(self, message: str, **kwargs) -> None:
        self.message_log.append(message)
        kwargs.setdefault("markup", False)   # paths and error texts may contain [brackets]
        super().notify(message, **kwargs)

    @contextmanager
    def working(self):
        """Wrap the body of every thread worker, so `run_app` knows whether one is still busy."""
        with self._busy_lock:
            self._busy += 1
        try:
            yield
        finally:
            with self._busy_lock:
                self._busy -= 1

    @property
    def busy_workers(self) -> int:
        return self._busy

    def ui(self, fn, *args) -> None:
        """Run `fn` on the UI thread from a worker; quietly drop it if the app has gone."""
        try:
            self.call_from_thread(fn, *args)
        except RuntimeError:
            pass

    # -- loading ----------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_engine(self) -> None:
        """Open the index and load the model (slow: torch, sentence-transformers, Chroma)."""
        with self.working():
            if not self.engine.exists():
                self.ui(self._set_state, "missing")
                return
            error = None
            try:
                self.engine.warm_up()
            except Exception as exc:  # the app stays up; each question will report its own error
                error = exc
            try:
                self._index_version = self._index_version_now()
            except Exception:
                pass
            self.ui(self._loaded, error)

    def _loaded(self, error: BaseException | None) -> None:
        if error is not None:
            self.notify(texts.load_failed(error), title="Lỗi", severity="error", timeout=15)
        self._set_state("ready")
        self.drain_warnings()
        self.refresh_stats()

    def _set_state(self, state: str) -> None:
        self.state = state
        if state == "missing":
            self.chat.status.set_stats(None)

    @work(thread=True, group="stats", exit_on_error=False)
    def refresh_stats(self) -> None:
        with self.working():
            try:
                stats = self.engine.stats()
            except Exception:  # stats are decoration; never fail the app for them
                return
            self.ui(self._show_stats, stats)

    def _show_stats(self, stats) -> None:
        self.chat.status.set_stats(stats)

    def drain_warnings(self) -> None:
        """Show each new engine warning (model fell back to BM25, …) once, as a notification."""
        while self.engine.warnings:
            message = self.engine.warnings.pop(0)
            if message not in self._seen_warnings:
                self._seen_warnings.add(message)
                self.notify(message, title="Lưu ý", severity="warning", timeout=12)

    # -- reindex ----------------------------------------------------------
    def action_reindex(self) -> None:
        from ..index.lock import is_locked
        if self.reindexing:
            self.notify(texts.REINDEX_RUNNING, severity="warning")
            return
        if is_locked(self.cfg.index_dir):
            self.notify(texts.index_busy(self.cfg.index_dir), title="Chỉ mục đang bận", severity="error",
                        timeout=12)
            return
        self.reindexing = True
        self.chat.progress.start()
        self.chat.refresh_state()
        self.run_reindex()

    @work(thread=True, exclusive=True, group="reindex", exit_on_error=False)
    def run_reindex(self) -> None:
        from ..index.lock import IndexBusy

        def progress(p) -> None:
            self.ui(self._progress, p)
        with self.working():
            try:
                report = self.engine.index(progress=progress)
            except IndexBusy:
                self.ui(self._reindex_failed, texts.index_busy(self.cfg.index_dir))
            except Exception as exc:
                self.ui(self._reindex_failed, texts.reindex_failed(exc))
            else:
                try:
                    self._index_version = self._index_version_now()
                except Exception:
                    pass
                self.ui(self._reindexed, report)

    def _progress(self, p) -> None:
        self.chat.progress.advance(p.done, p.total, p.embedded, p.path)

    def _reindexed(self, report) -> None:
        self.reindexing = False
        self._index_stamp = self._stamp()          # our own change: nothing to reload
        self.last_report = report
        summary = texts.report_counts(report)
        self.chat.progress.finish(summary)
        self.notify(summary, title="Lập chỉ mục xong", timeout=10)
        for path, reason in report.failed:
            self.notify(f"Bỏ qua hồ sơ lỗi {Path(path).name}: {reason}", title="Hồ sơ lỗi",
                        severity="warning", timeout=15)
        for warning in report.warnings:
            self.engine.warnings.append(warning)
        self.drain_warnings()
        self.set_timer(15, self._hide_progress_if_idle)
        if self.state != "ready":
            self.state = "loading"
            self.load_engine()
        else:
            self.chat.refresh_state()
            self.refresh_stats()

    def _reindex_failed(self, message: str) -> None:
        self.reindexing = False
        self.chat.progress.finish(message)
        self.notify(message, title="Lỗi", severity="error", timeout=15)
        self.chat.refresh_state()

    def _hide_progress_if_idle(self) -> None:
        if not self.reindexing:
            self.chat.progress.hide()

    # -- an index changed by another process (`kcqa index` in a shell) ------
    def _stamp(self) -> tuple:
        """(mtime, size) of the index database and its write-ahead log: cheap to poll."""
        out = []
        for name in ("kcqa.sqlite", "kcqa.sqlite-wal"):
            try:
                st = (self.cfg.index_dir / name).stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def _index_version_now(self) -> object:
        """What identifies the index's content: when it was last written and each record's digest."""
        store = self.engine.store
        return store.get_meta("last_indexed"), tuple(sorted(store.manifest().items()))

    def check_index_changed(self) -> None:
        if self.reindexing or self.state == "loading":
            return
        stamp = self._stamp()
        if stamp == self._index_stamp:
            return
        self._index_stamp = stamp
        if self.state == "missing":
            if self.engine.exists():
                self.state = "loading"
                self.load_engine()
            return
        self.reload_changed_index()

    @work(thread=True, exclusive=True, group="index-watch", exit_on_error=False)
    def reload_changed_index(self) -> None:
        with self.working():
            try:
                version = self._index_version_now()
                if version == self._index_version:
                    return
                self.engine.reload()
                self._index_version = self._index_version_now()
            except Exception:   # a half-written index: the next look will see it finished
                self._index_stamp = None
                return
            self.ui(self._index_reloaded)

    def _index_reloaded(self) -> None:
        self.notify(texts.INDEX_CHANGED, title="Chỉ mục đã thay đổi", timeout=8)
        self.drain_warnings()
        self.refresh_stats()

    # -- kept conversations ---------------------------------------------------
    def save_dialogue(self, dialogue) -> None:
        """Store the turns the engine added to `dialogue` (called from the ask worker)."""
        try:
            manifest = self.engine.store.manifest()
        except Exception:
            manifest = {}
        try:
            self.chats.save(dialogue, manifest)
        except Exception as exc:
            if not self._chats_warned:
                self._chats_warned = True
                self.ui(lambda exc=exc: self.notify(texts.chats_failed(exc), title="Lưu ý", severity="warning",
                                            timeout=12))

    def action_chats(self) -> None:
        from .screens.chats import ChatsScreen
        if not isinstance(self.screen, ChatsScreen):
            self.push_screen(ChatsScreen())

    async def reopen(self, conv_id: str) -> bool:
        """Show a kept conversation in the chat screen, marking answers whose records changed."""
        if not self.chat.can_switch:
            self.notify(texts.WAIT_BEFORE_NEW, severity="warning")
            return False
        try:
            conv = self.chats.load(conv_id)
            try:
                changed = self.chats.changed_turns(conv_id, self.engine.store.manifest()) \
                    if self.engine.exists() else set()
            except AttributeError:
                changed = set()
        except Exception as exc:
            self.notify(texts.chats_failed(exc), severity="error")
            return False
        if conv is None:
            return False
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.chat.show_dialogue(conv, changed)
        return True

    # -- other actions ----------------------------------------------------
    async def action_quit(self) -> None:
        """Quit; during a reindex, ask for a second Ctrl+Q (the old index stays usable)."""
        if self.reindexing and not self._quit_asked:
            self._quit_asked = True
            self.notify(texts.QUIT_WHILE_INDEXING, title="Đang lập chỉ mục", severity="warning", timeout=8)
            return
        self.exit()

    def action_help(self) -> None:
        from .screens.help import HelpScreen
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_figures(self) -> None:
        from .screens.figures import FiguresScreen
        if self.state == "missing":
            self.notify(texts.missing_index(self.cfg.index_dir, self.cfg.knowledge), severity="warning")
            return
        if not isinstance(self.screen, FiguresScreen):
            self.push_screen(FiguresScreen())

    def action_copy_answer(self) -> None:
        ans = self.chat.selected_answer
        if ans is None:
            self.notify(texts.NO_ANSWER_TO_COPY, severity="warning")
            return
        text = texts.answer_plain(ans)
        self.copy_to_clipboard(text)         # OSC 52: reaches the clipboard where the terminal allows it
        path = answer_file()                 # and a file, for terminals that do not
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.notify(texts.copied(None, texts.one_line(exc)), severity="warning")
        else:
            self.notify(texts.copied(path), title="Đã sao chép")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Tìm lệnh…", id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists the app's actions in Vietnamese (instead of Textual's English ones)."""
        return palette_commands(self)


def run_app(cfg: Config, engine: Engine | None = None) -> int:
    """Entry point for `kcqa` / `kcqa chat`.

    Our own loop, not asyncio.run(): asyncio.run() would join the worker threads, so
    quitting while the model still loads would hang until it finished. The terminal is
    already restored when `run` returns; if a worker is still busy we leave at once.
    """
    app = KcqaApp(cfg, engine)
    loop = asyncio.new_event_loop()
    app.run(loop=loop)
    code = app.return_code or 0
    if app.busy_workers:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    loop.close()
    return code
