"""A small learned reader of free-text answers (placeholder until the corpus lands)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional


@dataclass(frozen=True)
class Prediction:
    probabilities: Dict[str, float]

    @property
    def ranked(self):
        return sorted(self.probabilities.items(), key=lambda item: -item[1])

    @property
    def top(self) -> str:
        return self.ranked[0][0]

    @property
    def top_probability(self) -> float:
        return self.ranked[0][1]

    @property
    def second(self) -> Optional[str]:
        ranked = self.ranked
        return ranked[1][0] if len(ranked) > 1 else None

    def probability(self, answer: str) -> float:
        return self.probabilities.get(answer, 0.0)


def predict(text: str, scale: str) -> Optional[Prediction]:
    return None
