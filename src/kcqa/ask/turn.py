"""One turn of a conversation: the follow-up rewritten (followup.py), answered first from the
records the conversation is about, and never with a figure that answered another turn.

Both surfaces reach this through `Engine.ask(question, conversation)`; a question asked alone
goes straight to `answer_question`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..models import Answer
from ..text.vietnamese import mostly_plain
from .answer import answer_question
from .compose import NOT_FOUND
from .conversation import Conversation
from .followup import Resolution, answer_spot, answered_elsewhere, names_a_subject, resolve

IN_PLAY_NOTE = "Câu hỏi không nêu đối tượng: trả lời từ hồ sơ của câu trả lời trước."


@cache
def follow_up_threshold() -> float:
    """The threshold for a turn after the first (`scripts/choose_followup_threshold.py`): its
    question carries slots the calibration never learnt from, so it is chosen on the train and
    dev conversations' follow-ups by the single questions' rule (wrong answers ≤ 2 %)."""
    text = resources.files("kcqa.ask").joinpath("followup_threshold.json").read_text(encoding="utf-8")
    return float(json.loads(text)["threshold"])


def answer_turn(engine, question: str, typed: str, conversation: Conversation, k: int = 5,
                year: int | None = None, doc: str | None = None) -> Answer:
    """`question` as the user wrote it; `typed` the same with its diacritics restored."""
    # an earlier question typed without marks is read as it was understood, with them: folded,
    # "phia nam thang 10 nam 2023" lost the south with the year ("… phía?")
    previous = [{"question": (t.answer or {}).get("restored_question") or t.question,
                 "resolved_question": t.resolved_question, "frame": t.frame, "answer": t.answer}
                for t in conversation.turns]
    res: Resolution | None = resolve(typed, previous)
    if res.unresolvable:
        return Answer(question=question, status="not_found", text=res.unresolvable, kind="figure", unresolved=True)
    asked = res.question if res.resolved else question
    # a turn that names no place or name of its own is about what the conversation is about
    scope = conversation.records_in_play() if doc is None and not names_a_subject(typed) else set()
    floor = follow_up_threshold() if previous else 0.0
    # the words carried from an earlier question typed without marks are restored ones: a guess
    marks = None if not previous else not mostly_plain(question) and not any(
        (t.answer or {}).get("restored_question") for t in conversation.turns)

    # "Trong đó bao nhiêu sản phẩm 4 sao?": a part of the figure the turn before answered, where its
    # sentence breaks it down after it
    whole = answer_spot(previous[-1]["answer"] or {}) if res.resolved and res.part else None

    def ask(text: str, excluded: set | None, **where) -> Answer:
        return answer_question(engine, text, k=k, year=year, excluded=excluded, floor=floor, typed_marks=marks,
                               whole=whole, part=bool(res.resolved and res.part and whole is None), **where)

    def answer(excluded: set | None = None) -> tuple[Answer, Resolution | None]:
        if scope:
            got = ask(asked, excluded, within=scope)
            if got.status == "answered":
                got.notes.append(IN_PLAY_NOTE)
                return got, res
            if got.confidence is not None:
                # those records hold a candidate, below the threshold: not found, rather than
                # another record's figure for a subject the user did not name
                return got, res
            if res.carried:            # none there: a new topic, asked as typed of every record
                return ask(question, excluded, doc=doc), None
        return ask(asked, excluded, doc=doc), res

    ans, res = answer()
    ans.question = question
    if res is None or not res.resolved:
        return ans
    ans.resolved_question = res.question
    taken = answered_elsewhere(res.question, previous) if res.substituted else {}
    spot = answer_spot(ans.to_json()) if taken else None      # the answer as it will be kept
    if spot not in taken:
        return ans
    # the very figure that answered another turn cannot answer this one too ("Còn RON95?" after
    # E5RON92's price): the next best, held to the same threshold
    earlier = taken[spot]
    again = answer(set(taken))[0]
    if again.status == "answered" and answer_spot(again.to_json()) not in taken:
        again.question, again.resolved_question = question, res.question
        return again
    return Answer(question=question, status="not_found", text=NOT_FOUND, kind=ans.kind,
                  resolved_question=res.question, frame=ans.frame, passages=ans.passages,
                  restored_question=ans.restored_question,
                  notes=[f"Số liệu tìm được («{earlier}») là câu trả lời của câu hỏi trước, không phải của câu này."])
