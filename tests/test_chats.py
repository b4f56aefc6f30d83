"""The store of kept conversations (kcqa.chats): a real SQLite file in a temporary folder."""

from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from kcqa.ask.conversation import Conversation, Turn
from kcqa.chats import ChatStore, ChatStoreError, answer_from_json, default_path
from kcqa.models import Answer, AnswerValue, Chunk, Citation, Passage

DOC = "knowledge/hoi-nghi-2020.txt"
OTHER = "knowledge/hoi-nghi-2021.txt"


def answer(question: str, doc: str = DOC, figure: str = "6,94 tỷ đồng") -> Answer:
    sentence = f"Quảng Nam ({figure}), Quảng Bình (3,94 tỷ đồng)"
    cite = Citation(doc=doc.rsplit("/", 1)[-1], path=doc, start=100, end=100 + len(sentence), text=sentence,
                    paragraph=2, highlight=(11, 11 + len(figure)), page=3, metadata={"title": "Hội nghị", "year": 2020})
    chunk = Chunk(id="c1", doc=doc, paragraph=2, start=90, end=200, text="… " + sentence)
    return Answer(question, "answered", f"Quảng Nam: {figure}.",
                  value=AnswerValue(figure, 6.94e9, "đồng", None, "Quảng Nam", "kinh phí", "năm 2020"),
                  citations=[cite], passages=[Passage(chunk, 0.03, "Hội nghị", [(2, 11)])],
                  restored_question="Quảng Nam được bố trí bao nhiêu kinh phí", notes=["một lưu ý"],
                  others=[("3,94 tỷ đồng", cite)], kind="figure", confidence=0.9,
                  resolved_question="Quảng Nam được bố trí bao nhiêu kinh phí năm 2020?")


def turn(question: str, **kw) -> Turn:
    ans = answer(question, **kw)
    return Turn(question, ans.resolved_question, {"entity": "Quảng Nam", "years": [2020]}, ans.to_json(), 1.0)


@pytest.fixture
def store(tmp_path) -> ChatStore:
    return ChatStore(tmp_path / "data" / "chats.sqlite", tmp_path / "index")


def test_create_save_load_list_rename_delete(store):
    conv = store.create()
    conv.add(turn("Quảng Nam được bố trí bao nhiêu kinh phí?"))
    assert store.save(conv, {DOC: "d1"}) == 1
    assert store.save(conv, {DOC: "d1"}) == 0                  # nothing new: nothing written twice
    conv.add(turn("Còn Quảng Bình thì sao?"))
    assert store.save(conv, {DOC: "d1"}) == 1
    [summary] = store.list()
    assert (summary.id, summary.turns, summary.title) == (conv.id, 2, "Quảng Nam được bố trí bao nhiêu kinh phí?")
    back = store.load(conv.id)
    assert [t.question for t in back.turns] == ["Quảng Nam được bố trí bao nhiêu kinh phí?", "Còn Quảng Bình thì sao?"]
    assert back.turns[1].frame == {"entity": "Quảng Nam", "years": [2020]}
    assert back.turns[1].answer == conv.turns[1].answer
    assert back.last_frame() == conv.last_frame()
    store.rename(conv.id, "Kinh phí các tỉnh")
    assert store.list()[0].title == "Kinh phí các tỉnh"
    assert store.find(conv.id[:6]) == conv.id
    assert store.delete(conv.id) and store.list() == [] and store.load(conv.id) is None
    assert not store.delete(conv.id)


def test_empty_conversation_is_not_listed(store):
    assert store.save(Conversation(id="x")) == 0
    assert store.list() == []


def test_named_session_is_created_once_and_per_index(tmp_path, store):
    a = store.session("s1")
    a.add(turn("Quảng Nam được bố trí bao nhiêu kinh phí?"))
    store.save(a)
    again = ChatStore(store.path, tmp_path / "index").session("s1")       # another process, same index
    assert again.id == a.id and len(again.turns) == 1
    elsewhere = ChatStore(store.path, tmp_path / "other-index")
    assert elsewhere.session("s1").id != a.id                             # same name, another index
    assert [c.name for c in elsewhere.list()] == ["s1"] and len(store.list(all_indexes=True)) == 2
    assert store.find("s1") == a.id


def test_two_writers_create_one_session(tmp_path):
    path = tmp_path / "chats.sqlite"
    ids: list[str] = []

    def open_session() -> None:
        ids.append(ChatStore(path, tmp_path / "index").session("chung").id)
    threads = [threading.Thread(target=open_session) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1


def test_changed_turns_follow_the_manifest(store):
    conv = store.create()
    conv.add(turn("Quảng Nam được bố trí bao nhiêu kinh phí?", doc=DOC))
    conv.add(turn("Năm 2021 thì sao?", doc=OTHER))
    store.save(conv, {DOC: "d1", OTHER: "e1"})
    assert store.changed_turns(conv.id, {DOC: "d1", OTHER: "e1"}) == set()
    assert store.changed_turns(conv.id, {DOC: "d2", OTHER: "e1"}) == {0}     # reindexed with a new text
    assert store.changed_turns(conv.id, {DOC: "d1"}) == {1}                  # record removed


def test_answer_round_trips_through_json():
    ans = answer("Quảng Nam được bố trí bao nhiêu kinh phí?")
    back = answer_from_json(ans.to_json())
    assert back.to_json() == ans.to_json() | {"passages": back.to_json()["passages"]}
    assert back.citations[0].highlight == (11, 23) and back.kind == "figure" and back.confidence == 0.9
    assert back.passages[0].chunk.text == ans.passages[0].chunk.text
    not_found = Answer("Đà Nẵng?", "not_found", "Hồ sơ không có thông tin.")
    assert answer_from_json(not_found.to_json()).to_json() == not_found.to_json()


def test_location_env_and_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KCQA_CHATS", str(tmp_path / "x.sqlite"))
    assert default_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("KCQA_CHATS")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "kcqa" / "chats.sqlite"


def test_unusable_file_is_one_vietnamese_line(tmp_path):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ChatStoreError) as exc:
        ChatStore(tmp_path / "a-file" / "chats.sqlite").list()
    assert "tệp lưu hội thoại" in str(exc.value) and "KCQA_CHATS" in str(exc.value)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ChatStoreError) as exc:
        ChatStore(garbage).list()
    assert "không phải tệp cơ sở dữ liệu" in str(exc.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ChatStoreError):
            ChatStore(folder / "chats.sqlite").create()
    finally:
        folder.chmod(0o700)


def test_schema_is_plain_sqlite(store):
    """Readable with any SQLite tool: two tables, JSON in text columns."""
    conv = store.create()
    conv.add(turn("Quảng Nam được bố trí bao nhiêu kinh phí?"))
    store.save(conv, {DOC: "d1"})
    db = sqlite3.connect(store.path)
    assert db.execute("SELECT question, json_extract(digests, '$.\"" + DOC + "\"') FROM turns").fetchone() == \
        ("Quảng Nam được bố trí bao nhiêu kinh phí?", "d1")
