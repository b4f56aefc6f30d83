"""`kcqa eval`: the scoring rules of shared/eval/README.md, conversations, splits, outcomes."""

from __future__ import annotations

import json

import pytest

from kcqa.cli import main
from kcqa.engine import Engine
from kcqa.evaluate import judge, load_items, outcome


QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
FOLLOW_UP = "Còn Quảng Bình thì sao?"
ABSENT = "Đà Nẵng được bố trí bao nhiêu kinh phí khuyến công?"
CITE = "Quảng Nam (6,94 tỷ đồng)"


def out(status="answered", text="6,94 tỷ đồng", value=6.94e9, cite=CITE, qualifier=None, kind="figure") -> dict:
    answer = {"text": text, "value": value, "qualifier": qualifier, "kind": kind} if status == "answered" else None
    return {"status": status, "answer": answer, "message": text, "citations": [{"text": f"… {cite} …"}]}


FIGURE_ITEM = {"question": QUESTION, "kind": "figure", "answer": {"value": 6.94e9, "text": "6,94 tỷ đồng"},
               "cite": CITE}


def test_outcomes_correct_wrong_not_found():
    assert outcome(FIGURE_ITEM, out()) == ("correct", "")
    assert outcome(FIGURE_ITEM, out(value=3.94e9))[0] == "wrong"
    assert outcome(FIGURE_ITEM, out(cite="Quảng Bình (3,94 tỷ đồng)"))[0] == "wrong"
    assert outcome(FIGURE_ITEM, out(status="not_found"))[0] == "not_found"
    unanswerable = {"question": ABSENT, "kind": "unanswerable"}
    assert outcome(unanswerable, out(status="not_found"))[0] == "correct"
    assert outcome(unanswerable, out())[0] == "wrong"             # any answer to it is wrong
    hedge = dict(FIGURE_ITEM, answer={"value": 1e10, "text": "hơn 10 tỷ đồng", "qualifier": "hơn"})
    assert outcome(hedge, out(value=1e10, qualifier="trên"))[0] == "wrong"


def test_passage_kind_needs_an_answer_citing_the_span():
    item = {"question": "Các chương trình nào được triển khai?", "kind": "passage",
            "cite": "đào tạo nghề, truyền nghề"}
    listed = out(text="đào tạo nghề, truyền nghề và nâng cao tay nghề", value=None,
                 cite="các chương trình, như: đào tạo nghề, truyền nghề và nâng cao tay nghề", kind="passage")
    assert judge(item, listed) == (True, "")
    assert outcome(item, out(value=None, cite="một đoạn khác", kind="passage"))[0] == "wrong"
    assert outcome(item, out(status="not_found"))[0] == "not_found"


def test_split_filter_and_bad_lines(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        dict(FIGURE_ITEM, id="a", split="train"), dict(FIGURE_ITEM, id="b", split="test"), dict(FIGURE_ITEM, id="c"),
    ]) + "\n\n", encoding="utf-8")
    assert [i["id"] for i in load_items(path)] == ["a", "b", "c"]
    assert [i["id"] for i in load_items(path, "test")] == ["b"]
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="dòng 1"):
        load_items(path)


@pytest.mark.slow
def test_eval_conversations_by_turn_kind_diacritics_and_split(seed_engine, tmp_path, monkeypatch, capsys):
    """One Conversation per item, its turns in order; report split by turn, kind, marks, split."""
    monkeypatch.setenv("KCQA_CACHE", str(seed_engine.cfg.cache_dir))
    items = [
        dict(FIGURE_ITEM, id="one", split="test"),
        {"id": "wrong", "split": "test", "question": QUESTION, "kind": "unanswerable"},
        {"id": "nf", "split": "test", "question": ABSENT, "kind": "figure", "answer": {"value": 1.0, "text": "1"},
         "cite": "x"},
        {"id": "conv", "split": "test", "turns": [
            dict(FIGURE_ITEM, question="quang nam duoc bo tri bao nhieu kinh phi"),
            {"question": FOLLOW_UP, "kind": "figure", "answer": {"value": 3.94e9, "text": "3,94 tỷ đồng"},
             "cite": "Quảng Bình (3,94 tỷ đồng)", "pattern": "entity_ellipsis"}]},
        dict(FIGURE_ITEM, id="elsewhere", split="train"),
    ]
    path = tmp_path / "conv.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in items) + "\n", encoding="utf-8")
    calls = []
    real = Engine.ask

    def spy(engine, question, conversation=None, *a, **k):
        calls.append((question, conversation, len(conversation.turns) if conversation is not None else -1))
        return real(engine, question, conversation, *a, **k)
    monkeypatch.setattr(Engine, "ask", spy)
    main(["--index", str(seed_engine.cfg.index_dir), "eval", str(path), "--split", "test", "--json"])
    report = json.loads(capsys.readouterr().out)
    summary, scored = report["summary"], {s["id"]: s for s in report["items"]}
    assert set(scored) == {"one", "wrong", "nf", "conv#1", "conv#2"}             # train left out
    assert scored["one"]["outcome"] == "correct"
    assert scored["wrong"]["outcome"] == "wrong"                                  # answered an unanswerable
    assert scored["nf"]["outcome"] in ("not_found", "wrong")
    assert scored["conv#1"]["outcome"] == "correct" and not scored["conv#1"]["diacritics"]
    groups = summary["groups"]
    assert groups["turn"]["first"]["total"] == 4 and groups["turn"]["follow_up"]["total"] == 1
    assert groups["diacritics"]["without"]["total"] == 1
    assert groups["split"] == {"test": {"correct": summary["correct"], "wrong": summary["wrong"],
                                        "not_found": summary["not_found"], "total": 5}}
    assert groups["pattern"]["entity_ellipsis"]["total"] == 1
    assert summary["wrong"] >= 1 and summary["correct"] + summary["wrong"] + summary["not_found"] == 5
    # the follow-up was asked in the first turn's conversation, after it
    conv_calls = [c for c in calls if c[1] is not None]
    assert [c[2] for c in conv_calls] == [0, 1] and conv_calls[0][1] is conv_calls[1][1]
    assert all(c[1] is None for c in calls if c not in conv_calls)
