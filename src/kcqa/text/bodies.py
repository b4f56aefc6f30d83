"""Names of bodies (agencies, companies, associations) as written in a sentence.

Vietnamese capitalises only the first syllable of each word of a body's specific name
("Chi cục Quản lý thị trường", "Hiệp hội Thương mại điện tử Việt Nam", "Sở Kế hoạch và Đầu
tư"), so runs of capitals cut such names into fragments ("Chi", "Đầu"). A body's name is
read here from its head noun (`lexicon.BODY_HEADS`: Sở, Cục, Hiệp hội, Công ty, …) through
the words of its name: capitalised words, the lower-case syllables that complete a
capitalised word, "và" between two capitalised words, a place ("tỉnh Bắc Ninh") and an
abbreviation in brackets ("(EVN)"). It ends at punctuation, a function word, or a verb —
one that official writing puts after its subject (`lexicon.PREDICATE_VERBS`), or one the
question itself uses ("… giao cơ quan nào chủ trì?" ends "Sở Công Thương" before "chủ trì").
"""

from __future__ import annotations

import re

from . import lexicon
from .vietnamese import fold

_HEAD = re.compile(r"(?<!\w)(?:(liên)\s+)?(" + "|".join(sorted(
    {re.escape(h) for h in lexicon.BODY_HEADS + lexicon.WHOLE_BODIES}, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE)
_WHOLE = {h.lower() for h in lexicon.WHOLE_BODIES}
_HEADS = {h.lower() for h in lexicon.BODY_HEADS}
_TOKEN = re.compile(r"\w+|[^\w\s]")
_VERBS = sorted((tuple(v.split()) for v in lexicon.PREDICATE_VERBS), key=len, reverse=True)
_MAX_TOKENS = 16
_ASKING_FOR_A_BODY = re.compile(r"(?<!\w)(?:co quan|don vi|to chuc|doanh nghiep|cong ty|bo|so|cuc|ban)\s+nao(?!\w)")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word.isdigit() and len(word) <= 2


def _verb_at(words: list[str], i: int) -> bool:
    return any(tuple(w.lower() for w in words[i:i + len(v)]) == v for v in _VERBS)


# the legal forms written in lower case between "Công ty" and its name (folded syllables)
_LEGAL_FORMS = (("co", "phan"), ("trach", "nhiem", "huu", "han"), ("hop", "danh"), ("lien", "doanh"),
                ("mot", "thanh", "vien"))


def _legal_form_end(words: list[str], i: int) -> int:
    """Where the lower-case legal forms after a company's head end ("cổ phần", "trách nhiệm hữu
    hạn một thành viên"); `i` when there are none."""
    grown = True
    while grown:
        grown = False
        for form in _LEGAL_FORMS:
            got = tuple(fold(w).lower() for w in words[i:i + len(form)])
            if got == form and words[i][:1].islower():
                i, grown = i + len(form), True
    return i


# the legal form's words as they are also written, capitalised or short ("Cổ phần", "TNHH MTV")
_LEGAL_WORDS = frozenset(w for form in _LEGAL_FORMS for w in form) | {"tnhh", "mtv", "cp", "jsc"}


def _only_legal_form(head: str, words: list[str]) -> bool:
    """Whether only a company's legal form stands between its head and a word that heads a body:
    "Công ty Cổ phần Tập đoàn Lộc Trời" is one name, "Tập đoàn" its own first word."""
    return fold(head).lower().endswith("cong ty") and bool(words) \
        and all(fold(w).lower() in _LEGAL_WORDS for w in words)


def _head_at(words: list[str], i: int) -> bool:
    return words[i][:1].isupper() and any(" ".join(words[i:i + n]).lower() in _HEADS | _WHOLE for n in (1, 2, 3))


def body_spans(text: str, question: str = "") -> list[tuple[int, int]]:
    """(start, end) of each body named in `text`; `question` lends its own verbs as name ends."""
    # (only the words after the ones that ask for the body: "Hội nghị … về công tác nhân quyền và đối ngoại
    # … do cơ quan nào tổ chức?" ends no "Cục Thông tin cơ sở và Thông tin đối ngoại" at "cơ" or "đối")
    folded = fold(question).lower()
    asking = _ASKING_FOR_A_BODY.search(folded)
    folded_q = folded[asking.end():].split() if asking else folded.split()
    asked = set(folded_q)
    asked_pairs = set(zip(folded_q, folded_q[1:]))   # "quản lý thị trường" asked is no verb of the name's
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    words = [t[2] for t in tokens]
    starts = {t[0]: i for i, t in enumerate(tokens)}
    out: list[tuple[int, int]] = []
    for m in _HEAD.finditer(text):
        head = m.group(2)
        if not head[:1].isupper() or (out and m.start() < out[-1][1]):
            continue
        i = starts.get(m.end(2) - len(head.split()[-1]))
        if i is None:
            continue
        i += 1                                    # the first token after the head
        whole = head.lower() in _WHOLE
        legal = _legal_form_end(words, i)
        named_after_form = False
        if legal > i:
            # "Công ty cổ phần xăng dầu Trung Hiếu": the legal form, then its trade, then the name
            lead = next((k for k in range(legal, min(legal + 4, len(tokens)))
                         if not (words[k][:1].islower() and words[k].lower() not in lexicon.NAME_ENDS)), None)
            named_after_form = lead is not None and words[lead][:1].isupper()
            i = legal if named_after_form else i
        if i >= len(tokens) or not (_capitalised(words[i]) or whole or named_after_form):
            continue                              # "Ban hành …", "Phòng chống …": no name follows
        # word_start: the last word taken was a capital that begins a word of the name ("Kế" of
        # "Kế hoạch"), not one that ends a word written in capitals ("Thương" of "Công Thương")
        end, j, word_start, after_capital = tokens[i - 1][1], i, True, False
        while j < len(tokens) and j - i < _MAX_TOKENS:
            w = words[j]
            gap = text[tokens[j - 1][1]:tokens[j][0]]
            if "\n" in gap:
                break
            if w == "(":                          # "(EVN)", "(Sở Công Thương)": kept with the name
                close = next((k for k in range(j + 1, min(j + 9, len(tokens))) if words[k] == ")"), None)
                if close and close > j + 1 and words[j + 1][:1].isupper():
                    end = tokens[close][1]
                break
            if w in ("-", "–", "&", ".") and j + 1 < len(tokens) and words[j + 1][:1].isupper() \
                    and not _head_at(words, j + 1) and (w != "." or not gap):
                j, word_start, after_capital = j + 1, True, False    # "Tài chính - Công Thương", "TP.HCM"
                continue
            if not w[0].isalnum():
                break
            if w[:1].isupper() or w.isdigit():
                if j > i and _head_at(words, j) and not w.isupper() and not _only_legal_form(head, words[i:j]):
                    break                         # another body begins ("… giao Sở Công Thương")
                if j > i and w in lexicon.PERSON_OPENERS and j + 1 < len(tokens) and words[j + 1][:1].isupper():
                    break                         # its speaker ("Bộ Công Thương Nguyễn Hồng Diên")
                if w.isdigit() and (len(w) > 2 or j == i):
                    break
                word_start = not after_capital and not w.isdigit()
                end, j, after_capital = tokens[j][1], j + 1, not w.isdigit()
                continue
            low = w.lower()
            if low == "và":
                if j + 1 < len(tokens) and words[j + 1][:1].isupper() and not _head_at(words, j + 1):
                    j, after_capital = j + 1, False
                    continue
                break
            if low == "các" and fold(text[m.start(2):end]).lower().endswith("ban quan ly") and j + 1 < len(tokens) \
                    and fold(words[j + 1]).lower() in ("khu", "kcn", "kcx", "kkt", "cum", "ccn"):
                j += 1                            # "Ban Quản lý các khu công nghiệp Bắc Ninh": one body
                continue
            if low in lexicon.NAME_ENDS or _verb_at(words, j):
                break
            # lower case: the rest of a capitalised word ("Quản lý thị trường"), or words that
            # lead on to more of the name ("… điện tử Việt Nam"); a word the question uses ends it
            run = j
            while run < len(tokens) and words[run][:1].islower() and words[run].lower() not in lexicon.NAME_ENDS \
                    and not _verb_at(words, run) and run - j < 4:
                run += 1
            leads_on = run < len(tokens) and words[run][:1].isupper() and not _head_at(words, run) \
                and text[tokens[run - 1][1]:tokens[run][0]].strip() == ""
            if word_start or leads_on or fold(low) not in asked \
                    or (fold(words[j - 1]).lower(), fold(low)) in asked_pairs \
                    or (whole and low in ("tỉnh", "thành", "phố", "huyện")):
                keep = run if leads_on else j + 1
                end, j, word_start, after_capital = tokens[keep - 1][1], keep, False, False
                continue
            break
        start = m.start(1) if m.group(1) else m.start(2)
        if (end > m.end(2) or whole) and not _only_legal_form(head, text[m.end(2):end].split()):
            out.append((start, end))      # "Công ty Cổ phần" alone names no company
    return out
