"""The retraining script's guard: refitting one kind's model alone must not ship a model that
breaks the shared threshold's budget of wrong answers (found in the eighteenth session, when an
entity refit put 19 wrong answers of 876 under a threshold chosen for 17.5)."""
import argparse
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_ranker.py"


def _script():
    spec = importlib.util.spec_from_file_location("train_ranker", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _results(n: int, wrong: int, confidence: float):
    """Out-of-fold rows (item, status, confidence, correct, kind): `wrong` wrong answers at
    `confidence`, the rest not found."""
    rows = [({"id": f"w{i}"}, "answered", confidence, False, "entity") for i in range(wrong)]
    rows += [({"id": f"n{i}"}, "not_found", None, False, "figure") for i in range(n - wrong)]
    return rows


def test_only_refuses_when_the_shared_threshold_no_longer_keeps_the_budget(tmp_path, capsys):
    script = _script()
    args = argparse.Namespace(C=0.3, max_wrong=0.02, out=str(tmp_path))
    # 3 wrong answers of 100 above any threshold: over 2 %
    rc = script.refit_one("entity", rows=[], res=_results(100, 3, 0.999), n_items=100, args=args)
    assert rc == 1
    assert list(tmp_path.iterdir()) == []                  # nothing saved
    assert "--only" in capsys.readouterr().err


def test_only_saves_when_the_wrong_answers_stay_under_the_threshold(tmp_path):
    pytest.importorskip("scipy")
    script = _script()
    args = argparse.Namespace(C=0.3, max_wrong=0.02, out=str(tmp_path))
    width = len(script.SMALL_MODELS["entity"][1])
    rows = [([float(i % 2)] * width, i % 2, f"q{i}") for i in range(20)]
    # the same 3 wrong answers, all under the shipped threshold: they are not stated
    rc = script.refit_one("entity", rows=rows, res=_results(100, 3, 0.01), n_items=100, args=args)
    assert rc == 0
    assert (tmp_path / script.SMALL_MODELS["entity"][0]).exists()
