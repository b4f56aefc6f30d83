"""The learnt models: the figure candidate ranker, and logistic regressions that calibrate.

Each lives as a small JSON file beside this module (feature names, parameters, the abstention
threshold and how they were obtained), written by `scripts/train_ranker.py` from labelled
questions. The candidate ranker is gradient-boosted trees (`TreeRanker`): a candidate is
right when its slots are filled *together* (the entity in its clause and the measure next to
it and the period), which a sum of weights cannot say; each feature is kept to its declared
direction by monotonic constraints. The calibration models are logistic regressions
(`Ranker`). Applying either is plain Python — a walk down each tree, a dot product — so
answering needs neither scikit-learn nor a pickle.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

MODEL_FILE = "ranker.json"            # figure candidates
ENTITY_MODEL = "entity_ranker.json"   # names, places, dates found in a sentence
PASSAGE_MODEL = "passage_calibration.json"   # is the quoted sentence the answer to a what/why/how?
PASSAGE_NAMES = ("coverage", "why", "rank_score", "gap", "sentence_coverage")
CALIBRATION_MODEL = "figure_calibration.json"   # is the best figure candidate the answer?
CALIBRATION_NAMES = ("p_top", "margin", "p_second", "cov_sentence", "n_candidates", "diacritics", "kind_count",
                     "kind_percent", "kind_amount", "year_asked", "place_asked", "entity_exact", "cov_window",
                     "cov_passage", "name_distance", "measure_in_clause", "count_noun_match", "unit_asked",
                     "corroborated", "n_rivals", "measure_asked", "duration_asked")
# directions training respects, as features.SIGNS does for the candidate ranker
CALIBRATION_SIGNS = {**dict.fromkeys(("p_top", "margin", "cov_sentence", "entity_exact", "cov_window", "cov_passage",
                                      "measure_in_clause", "count_noun_match", "corroborated"), 1),
                     **dict.fromkeys(("p_second", "name_distance", "n_rivals"), -1)}
ENTITY_SIGNS = {"coverage": 1, "anchored": 1, "support": 1, "bound": 1}
PASSAGE_SIGNS = {"coverage": 1, "rank_score": 1, "gap": 1, "sentence_coverage": 1}
ENTITY_NAMES = ("coverage", "kind_who", "kind_place", "kind_named", "kind_when", "diacritics", "anchored",
                "n_names", "title_asked", "after_noun", "support", "name_in_sentence", "names_asked", "bound")


class _Model:
    """What both kinds of model share: a logit turned into a probability, and a JSON file."""
    INDENT: int | None = 1          # the linear models' files are read by people; the trees' are not

    def logit(self, x: dict[str, float]) -> float:
        raise NotImplementedError

    def to_json(self) -> dict:
        raise NotImplementedError

    def probability(self, x: dict[str, float]) -> float:
        z = max(-30.0, min(30.0, self.logit(x)))
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=self.INDENT) + "\n", encoding="utf-8")


@dataclass
class Ranker(_Model):
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float = 0.5                  # answer only at or above this probability
    info: dict = field(default_factory=dict)

    def logit(self, x: dict[str, float]) -> float:
        z = self.intercept
        for name, m, s, w in zip(self.names, self.mean, self.scale, self.coef):
            z += w * ((x.get(name, 0.0) - m) / (s or 1.0))
        return z

    def to_json(self) -> dict:
        return {"names": self.names, "mean": self.mean, "scale": self.scale, "coef": self.coef,
                "intercept": self.intercept, "threshold": self.threshold, "info": self.info}

    @classmethod
    def from_json(cls, d: dict) -> "Ranker":
        return cls(d["names"], d["mean"], d["scale"], d["coef"], d["intercept"], d.get("threshold", 0.5),
                   d.get("info", {}))


@dataclass
class TreeRanker(_Model):
    """Boosted trees exported from scikit-learn's HistGradientBoostingClassifier: the logit is
    `base` plus one leaf value per tree. A node is [feature, threshold, left, right, value];
    feature -1 marks a leaf. Features are compared raw (no standardisation)."""
    names: list[str]
    base: float
    trees: list[list[list[float]]]
    monotonic: list[int]                    # the direction each feature was held to
    threshold: float = 0.5
    info: dict = field(default_factory=dict)
    INDENT = None

    def logit(self, x: dict[str, float]) -> float:
        values = [x.get(n, 0.0) for n in self.names]
        z = self.base
        for nodes in self.trees:
            node = nodes[0]
            while node[0] >= 0:
                node = nodes[int(node[2] if values[int(node[0])] <= node[1] else node[3])]
            z += node[4]
        return z

    def to_json(self) -> dict:
        return {"names": self.names, "base": self.base, "monotonic": self.monotonic, "threshold": self.threshold,
                "info": self.info, "trees": self.trees}

    @classmethod
    def from_json(cls, d: dict) -> "TreeRanker":
        return cls(d["names"], d["base"], d["trees"], d["monotonic"], d.get("threshold", 0.5), d.get("info", {}))


def model_from_json(d: dict) -> "Ranker | TreeRanker":
    return TreeRanker.from_json(d) if "trees" in d else Ranker.from_json(d)


_LOADED: dict[str, "Ranker | TreeRanker"] = {}


def load_ranker(which: str | Path = MODEL_FILE) -> "Ranker | TreeRanker":
    """A packaged model by file name (cached), or the one at a path (training and tests)."""
    if isinstance(which, Path):
        return model_from_json(json.loads(which.read_text(encoding="utf-8")))
    if which not in _LOADED:
        text = resources.files("kcqa.ask").joinpath(which).read_text(encoding="utf-8")
        _LOADED[which] = model_from_json(json.loads(text))
    return _LOADED[which]


def answer_features(ranked: list, q) -> dict[str, float]:
    """What the calibration model sees of a question's ranked figure candidates: how sure the
    best one is, and how clearly it beats the next that is not the same fact."""
    best = ranked[0]
    twins = {id(t) for t in best.twins}
    second = next((c.score for c in ranked[1:] if id(c) not in twins and c.figure.text != best.figure.text), 0.0)
    return {"p_top": best.score, "margin": best.score - second, "p_second": second,
            "cov_sentence": best.features.get("cov_sentence", 0.0),
            "n_candidates": best.features.get("n_candidates", 0.0),
            "diacritics": float(q.typed_marks), "kind_count": float(q.kind == "count"),
            "kind_percent": float(q.kind == "percent"), "kind_amount": float(q.kind == "amount"),
            "year_asked": float(bool(q.years)), "place_asked": float(bool(q.places)),
            "entity_exact": best.features.get("entity_exact", 0.0),
            "cov_window": best.features.get("cov_window", 0.0),
            **{n: best.features.get(n, 0.0) for n in ("cov_passage", "name_distance", "measure_in_clause",
                                                      "count_noun_match", "unit_asked", "corroborated")},
            # other facts nearly as likely as the best: each is a way to be wrong
            "n_rivals": float(len({c.figure.text for c in ranked[1:] if id(c) not in twins
                                   and c.figure.text != best.figure.text and c.score >= 0.5 * best.score})),
            "measure_asked": float(bool(q.measures)), "duration_asked": float(q.unit_kind == "duration")}


def set_ranker(r: "Ranker | TreeRanker | None", which: str = MODEL_FILE) -> None:
    """Swap a model in this process (training evaluates its candidates' models this way)."""
    if r is None:
        _LOADED.pop(which, None)
    else:
        _LOADED[which] = r
