"""Shared fixtures: real indexes built with the real model in temporary folders.

`../shared/` (beside the checkout) holds real Vietnamese data; tests that need it skip
cleanly where it is absent.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

# The answer-path tests run at a stated operating point, not at the strict default chosen out
# of fold on train + dev (which abstains on a third of the sample: see README "How well it answers");
# tests/test_ask.py checks the default itself. Subprocesses inherit it.
TEST_MIN_CONFIDENCE = "0.5"
os.environ.setdefault("KCQA_MIN_CONFIDENCE", TEST_MIN_CONFIDENCE)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KNOWLEDGE = ROOT / "knowledge"
SEED_QUESTIONS = SHARED / "eval" / "seed_questions.jsonl"
NEWS = SHARED / "data" / "vn_news_dantri_unc"
RESOLUTIONS = SHARED / "data" / "vn_resolutions_2025"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in need(path).read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """One converted model per test session (or the developer's cache when KCQA_CACHE is set)."""
    env = os.environ.get("KCQA_CACHE")
    return Path(env) if env else tmp_path_factory.mktemp("kcqa-cache")


def make_engine(index_dir: Path, sources: list[Path], cache: Path):
    from kcqa.config import Config
    from kcqa.engine import Engine
    cfg = Config(index_dir=index_dir, knowledge=sources, cache_dir=cache)
    engine = Engine(cfg)
    engine.report = engine.index(sources)
    return engine


@pytest.fixture(scope="session")
def seed_engine(tmp_path_factory, model_cache):
    """The bundled sample alone, indexed with the real model."""
    return make_engine(tmp_path_factory.mktemp("seed-index"), [KNOWLEDGE], model_cache)


@pytest.fixture(scope="session")
def corpus_engine(tmp_path_factory, model_cache):
    """The sample beside the 199 news articles and the 12 resolutions."""
    need(NEWS)
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(KNOWLEDGE, corpus / "knowledge")
    shutil.copytree(NEWS, corpus / "news")
    if RESOLUTIONS.exists():
        shutil.copytree(RESOLUTIONS, corpus / "resolutions")
    return make_engine(tmp_path_factory.mktemp("corpus-index"), [corpus], model_cache)


def tiny_model(folder: Path, tokenizer_from: Path) -> Path:
    """A real but tiny sentence-transformers model (1 layer, 32 dimensions, random weights),
    made locally: a genuinely different model for model-change tests, and one cheap enough
    that a test of kcqa's own per-document costs is not dominated by embedding."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import AutoTokenizer, BertConfig, BertModel

    raw = folder / "raw"
    tok = AutoTokenizer.from_pretrained(str(tokenizer_from))
    tok.save_pretrained(str(raw))
    BertModel(BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=520)).save_pretrained(str(raw))
    out = folder / "tiny"
    SentenceTransformer(modules=[models.Transformer(str(raw), max_seq_length=128),
                                 models.Pooling(32, "mean")]).save(str(out))
    return out
