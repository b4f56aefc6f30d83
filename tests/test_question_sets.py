"""The evaluation question sets (tests/data/questions_*.jsonl) stay valid and split by document.

They are the data the answer ranker is fitted (train), tuned (dev) and judged (test) on, so a
broken cite or a record that leaks across splits silently corrupts every number reported.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
DATA = ROOT.parent / "shared" / "data"
SETS = sorted((ROOT / "tests" / "data").glob("questions_*.jsonl"))


def _script(name: str):
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items() -> list[dict]:
    if not (DATA / "vn_news_dantri_unc").is_dir():
        pytest.skip(f"{DATA} not available")
    return [json.loads(line) for path in SETS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_question_is_valid_against_its_record(items):
    check = _script("check_questions")
    texts = _script("make_eval_corpus").record_texts(DATA)
    errors = {item["id"]: check.check_item(item, texts) for item in items}
    assert {k: v for k, v in errors.items() if v} == {}
    assert len({item["id"] for item in items}) == len(items)


def test_each_record_lands_in_exactly_one_split(items):
    splits = collections.defaultdict(set)
    for item in items:
        splits[item["doc"]].add(item["split"])
    assert {doc: s for doc, s in splits.items() if len(s) > 1} == {}
    assert {item["split"] for item in items} == {"train", "dev", "test"}


def test_conversations_are_valid_and_each_record_has_one_split_across_all_sets(items, capsys):
    """The conversations are split by record like the questions, by the same rule: a record
    whose questions train the ranker must not hold test conversations (until 2026-12-03 the
    conversations hashed differently and 13 records sat in two splits)."""
    conversations = ROOT / "tests" / "data" / "conversations.jsonl"
    assert _script("check_conversations").check(conversations, ROOT.parent / "shared") == 0, capsys.readouterr().err
    splits = collections.defaultdict(set)
    for item in items:
        splits[item["doc"]].add(item["split"])
    for line in conversations.read_text(encoding="utf-8").splitlines():
        conv = json.loads(line)
        splits[conv["doc"]].add(conv["split"])
    assert {doc: s for doc, s in splits.items() if len(s) > 1} == {}


def test_set_has_the_size_and_mix_the_issue_asks_for(items):
    assert len(items) >= 400
    assert sum(item["source"] != "xquad" for item in items) >= 200
    assert sum(not item["diacritics"] for item in items) >= len(items) / 4
    assert sum(item["kind"] == "unanswerable" for item in items) >= len(items) / 10


def test_xquad_conversion_is_reproducible(items):
    converted = _script("convert_xquad").convert(DATA)
    stored = [item for item in items if item["source"] == "xquad"]
    strip = lambda item: {k: v for k, v in item.items() if k != "split"}  # noqa: E731
    assert [strip(i) for i in converted] == [strip(i) for i in stored]


def test_eval_corpus_holds_a_record_for_every_doc(items, tmp_path):
    assert _script("make_eval_corpus").main([str(tmp_path), "--data", str(DATA)]) == 0
    stems = {path.stem for path in tmp_path.iterdir()}
    assert {item["doc"] for item in items} <= stems
    for item in items:
        if item["source"] == "xquad":
            assert item["cite"] in (tmp_path / f"{item['doc']}.txt").read_text(encoding="utf-8")
