"""The command line as a user meets it: Vietnamese help and errors, `--session` across two
processes, JSON Lines sessions, readable figures and citations. Real index, real model."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from kcqa.cli import main
from kcqa.engine import Engine
from kcqa.messages import MAX_QUESTION, NOT_VIETNAMESE
from kcqa.models import Answer, AnswerValue, Citation
from kcqa.render import answer_renderables

from conftest import ROOT

QUESTION = "Quảng Nam được bố trí bao nhiêu kinh phí?"
FOLLOW_UP = "Còn Quảng Bình thì sao?"
ABSENT = "Đà Nẵng được bố trí bao nhiêu kinh phí khuyến công?"
FIGURE = "6,94 tỷ đồng"
TITLE = "Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2020"

# English that a library might leak; none of these words is Vietnamese.
ENGLISH = re.compile(r"\b(error|errno|usage|arguments?|invalid|expected|unable|exists|no such|permission|"
                     r"denied|traceback|exception|database|file|directory|not|the|options|required|choose)\b",
                     re.IGNORECASE)


def env(**extra: str) -> dict:
    out = {k: v for k, v in os.environ.items() if k not in ("KCQA_DEBUG", "KCQA_CHROMA_URL", "KCQA_MODEL")}
    out["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])
    out.update(extra)
    return out


def kcqa(*args: str, env: dict, input: str | None = None) -> subprocess.CompletedProcess:
    """Run kcqa in a fresh process."""
    return subprocess.run([sys.executable, "-m", "kcqa.cli", *args], env=env, input=input, capture_output=True,
                          text=True, timeout=300)


def without_paths(line: str) -> str:
    return " ".join(w for w in line.split() if "/" not in w and "." not in w.strip(".,;:()«»"))


# -- messages -------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["ask", "--help"], ["index", "--help"], ["figures", "--help"],
                                  ["eval", "--help"], ["chats", "--help"]])
def test_help_is_vietnamese(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: kcqa") and "tùy chọn:" in out and "hiện trợ giúp này rồi thoát" in out
    for english in ("usage:", "positional arguments", "options:", "optional arguments", "show this help"):
        assert english not in out


def test_every_error_path_is_one_vietnamese_line(tmp_path):
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "kcqa.sqlite").write_bytes(b"this is not an index " * 200)
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"question": "Quảng Nam?", "kind": "figure"\n', encoding="utf-8")
    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    missing = str(tmp_path / "none")
    cases = {
        "unknown command": ["bogus"],
        "not a number": ["ask", "-k", "x", "Quảng Nam?"],
        "missing question": ["ask"],
        "unknown option": ["figures", "--bogus"],
        "unknown choice": ["chats", "purge"],
        "empty question": ["--index", missing, "ask", "   "],
        "no index": ["--index", missing, "ask", QUESTION],
        "no index (figures)": ["--index", missing, "figures"],
        "index is a file": ["--index", str(ROOT / "README.md"), "ask", QUESTION],
        "damaged index": ["--index", str(corrupt), "figures"],
        "questions file missing": ["--index", missing, "eval", str(tmp_path / "missing.jsonl")],
        "questions file is a folder": ["--index", missing, "eval", str(a_folder)],
        "questions file not JSON": ["--index", missing, "eval", str(bad_jsonl)],
        "no such conversation": ["--index", missing, "chats", "show", "không-có"],
        "chat file unusable": ["--index", missing, "--chats", str(a_folder), "ask", "--session", "s", QUESTION],
    }
    e = env(KCQA_CHATS=str(tmp_path / "chats.sqlite"))
    for what, args in cases.items():
        p = kcqa(*args, env=e)
        assert p.returncode != 0, (what, p.stdout, p.stderr)
        assert "Traceback" not in p.stderr, (what, p.stderr)
        lines = [line for line in p.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("Lỗi:"), (what, p.stderr)
        assert not ENGLISH.search(without_paths(lines[0])), (what, lines[0])


@pytest.mark.slow
def test_library_warnings_do_not_reach_the_user(tmp_path, model_cache):
    """pypdf logs `invalid pdf header` / `EOF marker not found` for a fake PDF: only kcqa's own
    Vietnamese skip line is shown (the English stays available with KCQA_DEBUG=1)."""
    records = tmp_path / "records"
    records.mkdir()
    (records / "bao-cao.pdf").write_bytes("Báo cáo hội nghị".encode("utf-8"))
    p = kcqa("index", str(records), env=env(KCQA_INDEX=str(tmp_path / "index"), KCQA_CACHE=str(model_cache)))
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith(("Bỏ qua", "Cảnh báo")) for line in lines), p.stderr
    assert "invalid pdf header" not in p.stderr and "EOF marker" not in p.stderr


def test_text_output_shows_the_resolved_question_and_wraps_citations():
    sentence = "Quảng Bình (3,94 tỷ đồng) … " + "và nhiều tỉnh khác " * 8
    label_meta = {"title": TITLE, "date": "2020"}
    cite = Citation(doc="hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt", path="k/h.txt", start=950,
                    end=1241, text=sentence, paragraph=2, highlight=(12, 24), metadata=label_meta)
    ans = Answer(FOLLOW_UP, "answered", "Quảng Bình: 3,94 tỷ đồng (ngân sách, năm 2020).",
                 value=AnswerValue("3,94 tỷ đồng"), citations=[cite],
                 resolved_question="Quảng Bình được bố trí bao nhiêu kinh phí năm 2020?")
    console = Console(width=60, record=True, file=io.StringIO())
    for r in answer_renderables(ans):
        console.print(r)
    out = console.export_text()
    assert out.splitlines()[0] == "Hiểu là: Quảng Bình được bố trí bao nhiêu kinh phí năm 2020?"
    flat = " ".join(re.sub(r"[│╭╮╰╯─]", " ", out).split())
    assert "hoi-nghi-khuyen-cong-mien-trung-tay-nguyen-2020.txt · đoạn 2 · ký tự 950–1241" in flat
    assert TITLE in flat                                   # wrapped, not cut
    same = Answer(QUESTION, "answered", "x", value=AnswerValue("x"), resolved_question=QUESTION)
    assert not any("Hiểu là" in str(r) for r in answer_renderables(same))


# -- with the sample index -------------------------------------------------------------------

@pytest.fixture
def seed_env(seed_engine, tmp_path) -> dict:
    return env(KCQA_INDEX=str(seed_engine.cfg.index_dir), KCQA_CACHE=str(seed_engine.cfg.cache_dir),
               KCQA_CHATS=str(tmp_path / "chats.sqlite"))


@pytest.mark.slow
def test_session_continues_across_processes(seed_env):
    first = kcqa("ask", "--json", "--session", "kinh-phi", QUESTION, env=seed_env)
    assert first.returncode == 0, first.stderr
    second = kcqa("ask", "--json", "--session", "kinh-phi", FOLLOW_UP, env=seed_env)
    assert second.returncode == 0, second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert FIGURE in a["answer"]["text"] and a["session"] == b["session"] == "kinh-phi"
    assert "resolved_question" in b
    shown = kcqa("chats", "show", "kinh-phi", "--json", env=seed_env)
    kept = json.loads(shown.stdout)
    # two turns in one conversation: the second process continued what the first began
    assert [t["question"] for t in kept["turns"]] == [QUESTION, FOLLOW_UP]
    assert not any(t["record_changed"] for t in kept["turns"])
    listed = kcqa("chats", env=seed_env)
    assert "[kinh-phi] · 2 câu" in listed.stdout
    other = kcqa("ask", "--json", "--session", "khac", ABSENT, env=seed_env)
    assert json.loads(other.stdout)["status"] == "not_found"
    assert len(json.loads(kcqa("chats", "--json", env=seed_env).stdout)) == 2
    deleted = kcqa("chats", "delete", "khac", env=seed_env)
    assert deleted.returncode == 0 and "Đã xóa" in deleted.stdout
    assert b["resolved_question"] and "Quảng Bình" in b["resolved_question"]
    assert "3,94 tỷ đồng" in b["answer"]["text"]


@pytest.mark.slow
def test_json_lines_sessions_and_plain_lines(seed_engine, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("KCQA_CHATS", str(tmp_path / "chats.sqlite"))
    monkeypatch.setenv("KCQA_CACHE", str(seed_engine.cfg.cache_dir))
    calls: list[tuple[str, object, int]] = []
    real = Engine.ask

    def spy(engine, question, conversation=None, *a, **k):
        calls.append((question, conversation, len(conversation.turns) if conversation is not None else -1))
        return real(engine, question, conversation, *a, **k)
    monkeypatch.setattr(Engine, "ask", spy)
    long_question = QUESTION + " " + "rất dài " * 700
    lines = [
        json.dumps({"session": "a", "question": QUESTION}, ensure_ascii=False),
        json.dumps({"session": "b", "question": ABSENT, "id": 7}, ensure_ascii=False),
        "",
        json.dumps({"session": "a", "question": FOLLOW_UP}, ensure_ascii=False),
        QUESTION,                                             # a plain line: on its own
        '{"session": "a", "question": ',                      # broken JSON: said, and the run goes on
        json.dumps({"session": "a"}),
        "How much funding did Quang Nam receive?",
        long_question,
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["--index", str(seed_engine.cfg.index_dir), "ask", "--json", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 8
    assert all("resolved_question" in o for o in out if o["status"] != "error")
    assert [o.get("session") for o in out] == ["a", "b", "a", None, None, "a", None, None]
    assert out[1]["id"] == 7 and out[1]["status"] == "not_found"
    assert FIGURE in out[0]["answer"]["text"] and FIGURE in out[3]["answer"]["text"]
    assert "Quảng Bình" in out[2]["resolved_question"] and "3,94 tỷ đồng" in out[2]["answer"]["text"]
    assert out[3]["resolved_question"] is None                     # a plain line is not a follow-up
    assert out[4]["status"] == "error" and out[4]["message"].startswith("dòng 6: không phải JSON")
    assert out[5]["status"] == "error" and "question" in out[5]["message"]
    assert NOT_VIETNAMESE in out[6]["notes"] and out[6]["restored_question"] is None
    assert any(n.startswith("Câu hỏi dài") and f"{MAX_QUESTION:,}".replace(",", ".") in n for n in out[7]["notes"])
    # one conversation per session name; plain lines have none
    (q1, conv_a, n1), (q2, conv_b, n2), (q3, conv_a2, n3), (q4, none, n4) = calls[:4]
    assert conv_a is conv_a2 and conv_a is not conv_b and none is None
    assert (n1, n2, n3) == (0, 0, 1)
    assert len(calls) == 6 and calls[4][1] is None and calls[5][1] is None


@pytest.mark.slow
def test_figures_are_readable(seed_engine, monkeypatch, capsys):
    monkeypatch.setenv("KCQA_CACHE", str(seed_engine.cfg.cache_dir))
    monkeypatch.setenv("COLUMNS", "80")
    index = str(seed_engine.cfg.index_dir)
    assert main(["--index", index, "figures"]) == 0
    out = capsys.readouterr().out
    assert FIGURE in out and "hơn 10 tỷ đồng" in out
    assert not re.search(r"\de[+-]\d", out)                     # no 6.94e+09
    flat = " ".join(re.sub(r"[│┃]", " ", out).split())
    assert "Hội nghị khuyến công các tỉnh, thành phố khu vực miền Trung - Tây Nguyên năm 2020" in flat
    assert main(["--index", index, "figures", "--csv"]) == 0
    import csv
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["entity"] or r["measure"] for r in rows)
    assert all(r["title"] and r["year"] == "2020" for r in rows)
    assert main(["--index", index, "figures", "--csv", "--all"]) == 0
    everything = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(everything) == len(seed_engine.figures()) >= len(rows)


@pytest.mark.slow
def test_kept_session_marks_an_answer_whose_record_changed(tmp_path, seed_engine):
    """Chats survive a reindex; an answer whose record changed since is marked when shown."""
    import shutil
    records = tmp_path / "records"
    shutil.copytree(ROOT / "knowledge", records)
    e = env(KCQA_INDEX=str(tmp_path / "index"), KCQA_CACHE=str(seed_engine.cfg.cache_dir),
            KCQA_CHATS=str(tmp_path / "chats.sqlite"))
    assert kcqa("index", str(records), env=e).returncode == 0
    assert kcqa("ask", "--session", "s", QUESTION, env=e).returncode == 0
    shown = kcqa("chats", "show", "s", env=e)
    assert FIGURE in shown.stdout and "đã thay đổi" not in shown.stdout
    record = next(records.glob("*.txt"))
    record.write_text(record.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert kcqa("index", str(records), env=e).returncode == 0
    shown = kcqa("chats", "show", "s", env=e)
    assert shown.returncode == 0, shown.stderr
    assert QUESTION in shown.stdout and FIGURE in shown.stdout          # kept through the reindex
    assert "hồ sơ được trích dẫn đã thay đổi" in shown.stdout

