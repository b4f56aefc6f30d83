"""The last step before anything is shown: every number printed must be a whole number
token of the passage it cites, so `6,9` never passes against `6,94`, nor `10` against `2010`."""

from __future__ import annotations

import re

from ..models import Answer, Citation

NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])")


def number_tokens(text: str) -> list[str]:
    """Whole numbers as written: "1.250", "6,94", "2020" (a trailing full stop is not part)."""
    return [t.rstrip(".,") for t in NUMBER.findall(text)]


def numbers_cited(shown: str, citations: list[Citation]) -> bool:
    cited = set()
    for c in citations:
        cited.update(number_tokens(c.text))
        cited.update(number_tokens(c.metadata.get("title", "") or ""))
    return all(t in cited for t in number_tokens(shown))


def verify(ans: Answer) -> bool:
    """The answer's figure is a span of a citation, and every number shown (the answer and
    each other candidate listed under it) is a whole token of its own citation."""
    if not ans.citations:
        return False
    if ans.value and ans.value.text and not any(ans.value.text in c.text for c in ans.citations):
        return False
    if not numbers_cited(ans.text, ans.citations):
        return False
    ans.others = [(t, c) for t, c in ans.others if numbers_cited(t, [c])]
    ans.other_periods = [(t, c) for t, c in ans.other_periods if numbers_cited(t, [c])]
    return True
