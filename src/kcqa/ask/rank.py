"""The learnt ranker: a logistic regression over the features of features.py.

Its coefficients live in `ranker.json` beside this file (feature names, standardisation,
weights, the abstention threshold and how they were obtained), written by
`scripts/train_ranker.py` from labelled questions. Applying it is a dot product, so
answering needs neither scikit-learn nor a pickle; reading the file shows what matters.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

MODEL_FILE = "ranker.json"


@dataclass
class Ranker:
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float = 0.5                  # answer only at or above this probability
    thresholds: dict[str, float] = field(default_factory=dict)   # per answer family, when fitted
    info: dict = field(default_factory=dict)

    def logit(self, x: dict[str, float]) -> float:
        z = self.intercept
        for name, m, s, w in zip(self.names, self.mean, self.scale, self.coef):
            z += w * ((x.get(name, 0.0) - m) / (s or 1.0))
        return z

    def probability(self, x: dict[str, float]) -> float:
        z = max(-30.0, min(30.0, self.logit(x)))
        return 1.0 / (1.0 + math.exp(-z))

    def threshold_for(self, family: str) -> float:
        return self.thresholds.get(family, self.threshold)

    def to_json(self) -> dict:
        return {"names": self.names, "mean": self.mean, "scale": self.scale, "coef": self.coef,
                "intercept": self.intercept, "threshold": self.threshold, "thresholds": self.thresholds,
                "info": self.info}

    @classmethod
    def from_json(cls, d: dict) -> "Ranker":
        return cls(d["names"], d["mean"], d["scale"], d["coef"], d["intercept"], d.get("threshold", 0.5),
                   d.get("thresholds", {}), d.get("info", {}))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


_LOADED: Ranker | None = None


def load_ranker(path: Path | None = None) -> Ranker:
    """The packaged model (cached), or the one at `path` (training and tests)."""
    global _LOADED
    if path is not None:
        return Ranker.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    if _LOADED is None:
        text = resources.files("kcqa.ask").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        _LOADED = Ranker.from_json(json.loads(text))
    return _LOADED


def set_ranker(r: Ranker | None) -> None:
    """Swap the model in this process (training evaluates candidates' models this way)."""
    global _LOADED
    _LOADED = r
