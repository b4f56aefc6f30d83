"""The kept conversations of this index, newest first: Enter reopens one, Delete removes it.

Like elia's chat list: the store (kcqa.chats) knows nothing of the screen, the screen only
lists, reopens and deletes; reopening hands the conversation to the chat screen.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from .. import texts


class ChatsScreen(Screen):
    AUTO_FOCUS = "#chat-list"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Quay lại"),
        Binding("delete,ctrl+d", "delete", "Xóa"),
        Binding("f2,ctrl+e", "rename", "Đổi tên"),
        Binding("ctrl+n", "new", "Hội thoại mới"),
    ]

    def __init__(self) -> None:
        super().__init__(id="chats")
        self.items = []

    def compose(self):
        yield Static(texts.CHATS_TITLE, id="chats-title")
        yield OptionList(id="chat-list")
        yield Static(texts.CHATS_HELP, id="chats-help")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        try:
            self.items = self.app.chats.list()
        except Exception as exc:
            self.items = []
            self.query_one("#chats-help", Static).update(texts.chats_failed(exc))
            return
        if not self.items:
            self.query_one("#chats-help", Static).update(texts.NO_CHATS)
            return
        current = getattr(self.app.chat.dialogue, "id", None)
        for c in self.items:
            line = Text(c.title or "(chưa có câu hỏi)", style="bold")
            meta = [f"{c.turns} câu"]
            if not self.app.steady:
                meta.append(texts.format_time(c.updated))
            if c.name:
                meta.append(f"phiên «{c.name}»")
            if c.id == current:
                meta.append("đang mở")
            line.append("\n" + " · ".join(meta), style="dim")
            options.add_option(Option(line, id=c.id))
        options.highlighted = 0
        self.query_one("#chats-help", Static).update(f"{len(self.items)} hội thoại · {texts.CHATS_HELP}")

    @property
    def highlighted_id(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.items:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected, "#chat-list")
    async def open_selected(self, event: OptionList.OptionSelected) -> None:
        await self.app.reopen(event.option.id)

    async def action_delete(self) -> None:
        conv_id = self.highlighted_id
        if conv_id is None:
            return
        title = next((c.title for c in self.items if c.id == conv_id), conv_id)
        try:
            self.app.chats.delete(conv_id)
        except Exception as exc:
            self.app.notify(texts.chats_failed(exc), severity="error")
            return
        if getattr(self.app.chat.dialogue, "id", None) == conv_id and self.app.chat.can_switch:
            from .chat import new_dialogue           # the one on screen is gone: start afresh
            await self.app.chat.show_dialogue(new_dialogue())
        self.app.notify(texts.chat_deleted(title or conv_id))
        self.load()

    async def action_new(self) -> None:
        self.app.pop_screen()
        await self.app.chat.action_new_conversation()

    def action_rename(self) -> None:
        conv_id = self.highlighted_id
        if conv_id is None:
            return
        title = next((c.title for c in self.items if c.id == conv_id), "")

        def done(new_title: str | None) -> None:
            if not new_title or new_title == title:
                return
            try:
                self.app.chats.rename(conv_id, new_title)
            except Exception as exc:
                self.app.notify(texts.chats_failed(exc), severity="error")
                return
            self.load()
            options = self.query_one(OptionList)
            options.highlighted = next(i for i, c in enumerate(self.items) if c.id == conv_id)
        self.app.push_screen(RenameScreen(title), done)


class RenameScreen(ModalScreen[str | None]):
    """One line to type the conversation's new title: Enter keeps it, Esc leaves it."""

    BINDINGS = [Binding("escape", "cancel", "Bỏ qua")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_now = title

    def compose(self):
        with Vertical(id="rename"):
            yield Static(texts.RENAME_PROMPT)
            yield Input(value=self.title_now, id="rename-input")

    @on(Input.Submitted, "#rename-input")
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
