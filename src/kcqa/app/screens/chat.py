"""The main screen: the conversation, the sources of the selected answer, the question box.

Questions are queued, not refused, while the model loads or the index is being built;
they are answered one at a time, in order, in a worker thread so the screen never blocks.
Every turn goes through one `ask.conversation.Conversation`, so a follow-up ("Còn Quảng
Bình thì sao?") is understood from the turns before it, and the conversation is saved to
the chat store after each answer (the engine appends the turn; the screen stores it).
"""

from __future__ import annotations

import uuid
from collections import deque

from textual import on, work
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Button, Footer, Input

from ... import messages
from ...ask.conversation import Conversation as Dialogue
from .. import texts
from ..widgets.answer_view import Turn
from ..widgets.conversation import Conversation
from ..widgets.index_progress import IndexProgress
from ..widgets.question_input import QuestionInput
from ..widgets.sources import SourcesPanel
from ..widgets.status_bar import StatusBar


class ChatScreen(Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    AUTO_FOCUS = "#question"
    # The app's keys are repeated here only to order the footer: most used first.
    BINDINGS = [
        Binding("ctrl+n", "new_conversation", "Hội thoại mới"),
        Binding("f4", "app.chats", "Lịch sử"),
        Binding("f2", "app.figures", "Số liệu"),
        Binding("f3", "toggle_sources", "Nguồn"),
        Binding("f1", "app.help", "Trợ giúp"),
        Binding("ctrl+q", "app.quit", "Thoát"),
        # in the help page and the palette; the footer has no room for them at 80 columns
        Binding("ctrl+r", "app.reindex", "Lập chỉ mục", show=False),
        Binding("ctrl+y", "app.copy_answer", "Sao chép", show=False),
        Binding("alt+up", "select_turn(-1)", "Câu trước", group=Binding.Group("Chọn câu")),
        Binding("alt+down", "select_turn(1)", "Câu sau", group=Binding.Group("Chọn câu")),
        Binding("escape", "focus_question", "Ô hỏi", show=False),
    ]

    def __init__(self, show_time: bool = True) -> None:
        super().__init__(id="chat")
        self.show_time = show_time
        self.queue: deque[Turn] = deque()
        self.asking = False
        self.dialogue = new_dialogue()

    def compose(self):
        yield StatusBar(show_time=self.show_time, id="status")
        with Container(id="body"):
            yield Conversation(id="conversation")
            yield SourcesPanel(id="sources")
        yield IndexProgress(id="index-progress")
        yield QuestionInput(id="question")
        yield Footer(compact=True)

    # -- widgets ----------------------------------------------------------
    @property
    def conversation(self) -> Conversation:
        return self.query_one(Conversation)

    @property
    def sources(self) -> SourcesPanel:
        return self.query_one(SourcesPanel)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def progress(self) -> IndexProgress:
        return self.query_one(IndexProgress)

    def on_mount(self) -> None:
        if self.app.steady:
            self.query_one(QuestionInput).cursor_blink = False
        self.watch(self.app, "state", self._state_changed, init=True)

    # -- asking -----------------------------------------------------------
    @on(Input.Submitted, "#question")
    def submit(self, event: Input.Submitted) -> None:
        question, cut = messages.clean_question(event.value)
        if cut:
            self.app.notify(cut, title="Câu hỏi quá dài", severity="warning")
        if not question:
            self.app.notify(texts.EMPTY_QUESTION, title="Câu hỏi trống", severity="warning")
            event.input.clear()
            return
        box = self.query_one(QuestionInput)
        box.remember(question)
        box.clear()
        turn = self.conversation.add_turn(question)
        turn.notes = [cut] if cut else []
        self.queue.append(turn)
        self._pump()

    def _pump(self) -> None:
        """Start the next queued question if the engine is ready; otherwise say why it waits."""
        state = self.app.state
        if state != "ready":
            wait = texts.WAITING if state == "loading" else texts.WAITING_INDEX
            if state == "missing" and not self.app.reindexing:
                wait = "Chưa có chỉ mục: nhấn Ctrl+R để lập; câu hỏi sẽ được trả lời sau đó."
            for turn in self.queue:
                turn.show_status(wait)
            return
        if self.asking or not self.queue:
            return
        turn = self.queue.popleft()
        self.asking = True
        turn.show_status(texts.THINKING)
        self._ask(turn)

    @work(thread=True, group="ask", exit_on_error=False)
    def _ask(self, turn: Turn) -> None:
        dialogue = self.dialogue
        with self.app.working():
            try:
                before = len(dialogue.turns)
                ans = self.app.engine.ask(turn.question, dialogue)
                messages.annotate(ans, turn.question, turn.notes, dialogue, before)
            except Exception as exc:  # the app must survive any failure of one question
                self.app.ui(self._failed, turn, exc)
                return
            self.app.ui(self._answered, turn, ans)
            self.app.save_dialogue(dialogue)

    # -- conversations ----------------------------------------------------
    async def action_new_conversation(self) -> None:
        if not self.can_switch:
            self.app.notify(texts.WAIT_BEFORE_NEW, severity="warning")
            return
        await self.show_dialogue(new_dialogue())
        self.app.notify(texts.NEW_CONVERSATION, timeout=3)

    async def show_dialogue(self, dialogue: Dialogue, changed: set[int] = frozenset()) -> None:
        """Put `dialogue` on screen: its turns with their kept answers, marked where the
        records they cite changed since; the next question continues it."""
        from ...chats import answer_from_json
        self.dialogue = dialogue
        await self.conversation.clear_turns()
        self.select(None)
        last = None
        for i, t in enumerate(dialogue.turns):
            last = self.conversation.add_turn(t.question, answer_from_json(t.answer), changed=i in changed)
        if last is not None:
            self.select(last)
        self.action_focus_question()

    @property
    def can_switch(self) -> bool:
        return not (self.asking or self.queue)

    def _answered(self, turn: Turn, ans) -> None:
        self.asking = False
        turn.show_answer(ans)
        self.select(turn)
        self.call_after_refresh(self.conversation.scroll_end, animate=False)
        self.app.drain_warnings()
        self._pump()

    def _failed(self, turn: Turn, exc: BaseException) -> None:
        self.asking = False
        turn.show_status(texts.ask_failed(exc), error=True)
        self.app.drain_warnings()
        self._pump()

    # -- state ------------------------------------------------------------
    def _state_changed(self, state: str) -> None:
        label = {"loading": texts.LOADING, "ready": texts.READY, "missing": texts.MISSING_STATE}.get(state, state)
        if self.app.reindexing:
            label = texts.INDEXING_STATE
        self.status.state = label
        if state == "missing":
            self.conversation.show_missing(texts.missing_index(self.app.cfg.index_dir, self.app.cfg.knowledge))
        else:
            self.conversation.hide_missing()
        self._pump()

    def refresh_state(self) -> None:
        self._state_changed(self.app.state)

    # -- selection and sources -------------------------------------------
    def select(self, turn: Turn | None) -> None:
        self.conversation.select(turn)
        self.sources.show(turn.answer if turn is not None else None)

    @on(Turn.Selected)
    def turn_clicked(self, event: Turn.Selected) -> None:
        if event.turn.answer is not None:
            self.select(event.turn)

    @on(SourcesPanel.Open)
    def open_source(self, event: SourcesPanel.Open) -> None:
        from .reader import ReaderScreen
        self.app.push_screen(ReaderScreen(event.source))

    @on(Button.Pressed, "#build-index")
    def build_pressed(self) -> None:
        self.app.action_reindex()

    def action_toggle_sources(self) -> None:
        if self.has_class("-wide"):
            self.toggle_class("-hide-sources")
        else:
            self.toggle_class("-show-sources")
        if self.sources_visible and self.sources.sources:
            self.query_one("#source-list").focus()
        else:
            self.action_focus_question()

    @property
    def sources_visible(self) -> bool:
        if self.has_class("-wide"):
            return not self.has_class("-hide-sources")
        return self.has_class("-show-sources")

    def action_select_turn(self, delta: int) -> None:
        turn = self.conversation.step(delta)
        if turn is not None:
            self.sources.show(turn.answer)

    def action_focus_question(self) -> None:
        self.query_one(QuestionInput).focus()

    @property
    def selected_answer(self):
        turn = self.conversation.selected
        return turn.answer if turn is not None else None


def new_dialogue() -> Dialogue:
    return Dialogue(id=uuid.uuid4().hex[:12])
