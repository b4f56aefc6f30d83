"""Vietnamese text handling: NFC, diacritic folding, syllables, sentences, diacritic restoration.

Rule of thumb measured on the sample: fold for *matching* (BM25, entity lookup),
never for *embedding* — the dense model only understands accented text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})

# A syllable: letters (incl. combining marks) or digits with inner separators.
SYLLABLE_RE = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """Remove tone and vowel marks but keep case: "Quảng Nam" -> "Quang Nam"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def fold(text: str) -> str:
    """Lowercase and diacritic-free, one char per char of NFC input (so spans survive)."""
    return strip_diacritics(nfc(text)).lower()


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def mostly_plain(text: str) -> bool:
    """Typed without marks: more than 60 % of its words carry none. A name written with its
    marks ("Quảng Nam co may de an", as a follow-up's rewrite makes it) does not make the
    rest of the question accented."""
    words = [s for _, _, s in syllables(text) if not s[0].isdigit()]
    return bool(words) and sum(1 for w in words if not has_diacritics(w)) / len(words) > 0.6


def syllables(text: str) -> list[tuple[int, int, str]]:
    """Syllables with their spans: the unit of Vietnamese words (words are 1–4 syllables)."""
    return [(m.start(), m.end(), m.group()) for m in SYLLABLE_RE.finditer(text)]


def tokens(text: str, bigrams: bool = True) -> list[str]:
    """Folded syllables, plus adjacent-syllable bigrams (Vietnamese words are mostly 2 syllables)."""
    sy = [fold(s) for _, _, s in syllables(text)]
    out = list(sy)
    if bigrams:
        out += [f"{a}_{b}" for a, b in zip(sy, sy[1:])]
    return out


# Sentence ends: . ! ? … followed by whitespace and a capital, digit or quote; or a blank
# line. Dots inside numbers (1.402) and after abbreviations (TP. Đà Nẵng) are not ends.
_ABBREV = {"tp", "tt", "q", "p", "ts", "ths", "pgs", "gs", "mr", "ms", "st", "v.v", "tr", "đ", "no", "số", "ông", "bà"}
_SENT_END = re.compile(r"([.!?…]+)[\"”']?(?=\s)|\n\s*\n", re.UNICODE)


def folded_syllables(text: str) -> str:
    """A text's folded syllables joined by single spaces ("KH&ĐT" → "kh dt"), so that phrases
    can be found in each other whatever the punctuation and diacritics."""
    return " ".join(fold(w) for _, _, w in syllables(text))


def _is_initial(before: str, rest: str) -> bool:
    """"Jay Y. Lee", "PV Gas D.", "Theo M. Hà", "T. T. Tsui": a lone capital before the full
    stop is a name's initial when a capitalised word comes before it or another initial after
    it; "sảnh B. Tuy nhiên" and "sạc nhanh 50 W. Máy" end their sentences."""
    m = re.search(r"(?:^|\s)(\S+\s+)?([A-ZĐ])$", before)
    if m is None:
        return False
    prev = (m.group(1) or "").strip()
    return (bool(prev) and prev[0].isupper() and (prev[-1] not in ".!?:;" or bool(re.fullmatch(r"[A-ZĐ]\.", prev)))) \
        or bool(re.match(r"[A-ZĐ]\.\s", rest))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    cuts = [start]
    for m in _SENT_END.finditer(text, start, end):
        if m.group(1):
            rest = text[m.end():end].lstrip()
            if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“'(["):
                continue
            word = re.search(r"(\S+)$", text[cuts[-1]:m.start()])
            if m.group(1) == "." and word and word.group(1).lower() in _ABBREV:
                continue
            if m.group(1) == "." and word and _is_initial(text[cuts[-1]:m.start()], rest):
                continue
        cuts.append(m.end())
    cuts.append(end)
    out = []
    for s, e in zip(cuts, cuts[1:]):
        piece = text[s:e]
        ls = len(piece) - len(piece.lstrip())
        rs = len(piece.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


_LINE_END_PARA = re.compile(r"[.!?…:;)\]\"”]\s*$|\|\s*$")
_LIST_START = re.compile(r"^\s*(?:[-*+•–]\s|\d+\\?[.)]\s|[a-zđ][.)]\s|Điều\s+\d|Chương\s|\|)", re.IGNORECASE)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Paragraph spans inside text[start:end].

    Records come two ways: one paragraph per line (news, the sample) or hard-wrapped
    lines inside blank-line-separated blocks (pandoc Markdown). A line break ends a
    paragraph when the line ends like a sentence (or is short and unpunctuated like a
    heading followed by a list), or when the next line starts a list item / clause.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur_s = cur_e = None
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            if cur_s is not None:
                spans.append((cur_s, cur_e))
                cur_s = None
            continue
        ls = len(line) - len(line.lstrip())
        if cur_s is not None and _LIST_START.match(line):
            spans.append((cur_s, cur_e))
            cur_s = None
        if cur_s is None:
            cur_s = s + ls
        cur_e = s + len(line.rstrip())
        nxt = text[e + 1:e + 2] if e < end else ""
        if _LINE_END_PARA.search(line) or (len(line.strip()) < 60 and not nxt.islower()) or len(line) > 100:
            spans.append((cur_s, cur_e))
            cur_s = None
    if cur_s is not None:
        spans.append((cur_s, cur_e))
    return spans


# Question words rarely appear in records, so the corpus alone restores them wrongly
# ("bao nhieu" -> "báo nhieu"). These common forms are consulted first.
QUESTION_VOCABULARY = (
    "bao nhiêu", "bao lâu", "bao giờ", "khi nào", "ở đâu", "là gì", "là ai", "như thế nào", "thế nào",
    "phần trăm", "tỷ lệ", "cao nhất", "thấp nhất", "lớn nhất", "nhỏ nhất", "nhiều nhất", "ít nhất",
    "so với", "so sánh", "tổng cộng", "tổng số", "địa phương nào", "tỉnh nào", "thành phố nào", "nào",
    "được", "có", "mấy", "có mấy", "được mấy", "số mấy", "tăng", "giảm", "đạt", "kế hoạch", "kinh phí", "năm", "tháng", "quý",
    "đầu năm", "cuối năm", "hội nghị", "tổ chức", "đăng cai", "tham dự", "dự", "nghị định", "quyết định",
    "thứ trưởng", "bộ trưởng", "tập thể", "cá nhân", "bằng khen", "doanh thu", "lợi nhuận", "xuất khẩu",
    "tỷ đồng", "triệu đồng", "đồng", "người", "ai", "gì", "đâu", "của", "cho", "và", "các", "những",
    "trong", "về", "với", "theo", "qua", "từ", "đến", "hơn", "gần", "trên", "dưới", "khoảng",
)


# the question's own words: a record's n-gram never takes half of one ("hợp nhất bảo" from
# "hop nhat bao nhieu" left "nhiều" behind)
QUESTION_PHRASES = ("bao nhiêu", "bao lâu", "bao giờ", "khi nào", "ở đâu", "là gì", "là ai", "như thế nào",
                    "thế nào", "có mấy", "được mấy", "số mấy", "thì sao", "thì thế nào", "thì ra sao")


class DiacriticRestorer:
    """Restores the marks of an unaccented question from the corpus's own vocabulary.

    For every folded syllable n-gram (n = 1..3) seen in the records it keeps the most
    frequent accented form and its count; each syllable of a question takes its form from
    the longest of those n-grams around it (see `restore`).
    Only wholly unaccented runs are touched, so words the user accented stay as typed.
    """

    MAX_N = 3

    def __init__(self, table: dict[str, tuple[str, int] | str] | None = None):
        """`table`: {folded n-gram: (form, count)} (a bare form counts once)."""
        self.table: dict[str, tuple[str, int]] = {k: (v, 1) if isinstance(v, str) else v
                                                  for k, v in (table or {}).items()}
        for phrase in QUESTION_VOCABULARY + QUESTION_PHRASES:
            self.table[fold(phrase)] = (phrase, 10 ** 9)      # the question's own words win

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "DiacriticRestorer":
        counts: dict[str, Counter] = defaultdict(Counter)
        for text in texts:
            sy = [s for _, _, s in syllables(text) if not s[0].isdigit()]
            low = [s.lower() for s in sy]
            for n in range(1, cls.MAX_N + 1):
                for i in range(len(low) - n + 1):
                    gram = " ".join(low[i:i + n])
                    counts[fold(gram)][gram] += 1
        return cls({k: c.most_common(1)[0] for k, c in counts.items()})

    @staticmethod
    def keys_for(question: str) -> set[str]:
        """The folded n-grams a question needs looked up (to fetch only those from the store)."""
        sy = [fold(s) for _, _, s in syllables(question)]
        return {" ".join(sy[i:i + n]) for n in range(1, DiacriticRestorer.MAX_N + 1) for i in range(len(sy) - n + 1)}

    def restore(self, question: str) -> str:
        """Each unmarked syllable takes its form from the longest known n-gram around it (the
        one the records write most often among equals). Every window votes, rather than
        cutting the question greedily into n-grams: a cut at "lãi suất tối | đa với" gave
        "tối đã", one at "kinh tế việt | nam năm" gave "việt năm"."""
        sy = syllables(question)
        folded = [fold(w) for _, _, w in sy]
        phrases = []                      # (first, end) syllable positions of question phrases
        for phrase in QUESTION_PHRASES:
            words = fold(phrase).split()
            phrases += [(k, k + len(words)) for k in range(len(sy) - len(words) + 1)
                        if folded[k:k + len(words)] == words]
        best: list[tuple[int, int, str] | None] = [None] * len(sy)    # (context length, count, form)
        for a, b in phrases:              # the question's own words are fixed first ...
            words = self.table[" ".join(folded[a:b])][0].split(" ")
            after = self.table.get(" ".join(folded[b - 1:b + 1]), ("", 0))[0].split(" ")[0] if b < len(sy) else ""
            if after and after != words[-1]:
                continue                  # ... unless the records read on ("có máy phát", not "có mấy")
            if not any(has_diacritics(w) for _, _, w in sy[a:b]):
                for k, word in zip(range(a, b), words):
                    best[k] = (self.MAX_N + 1, 0, word)
        for n in range(min(self.MAX_N, len(sy)), 0, -1):
            for i in range(len(sy) - n + 1):
                if any(a < i + n and i < b and not (i <= a and b <= i + n) for a, b in phrases):
                    continue              # would split a question phrase
                run = sy[i:i + n]
                # only contiguous, space-separated, unaccented syllables
                if any(has_diacritics(w) or w[0].isdigit() for _, _, w in run):
                    continue
                if any(question[run[j][1]:run[j + 1][0]] != " " for j in range(n - 1)):
                    continue
                form, count = self.table.get(" ".join(folded[i:i + n]), ("", 0))
                words = form.split(" ") if form else []
                if len(words) != n:
                    continue
                for j, word in enumerate(words):
                    if best[i + j] is None or (best[i + j][0] == n and best[i + j][1] < count):
                        best[i + j] = (n, count, word)
        out, pos = [], 0
        for (s, e, orig), chosen in zip(sy, best):
            if chosen is not None:
                out.append(question[pos:s])
                out.append(_match_case(chosen[2], orig))
                pos = e
        out.append(question[pos:])
        return "".join(out)


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# The shape of one Vietnamese syllable, accents folded: onset, vowel nucleus, final.
# "Vinhomes", "Sacombank", "Covid" cannot be one, so a capitalised word of that shape at the
# start of a question is a name, not just the first word of a sentence.
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEUS = (r"(?:uye|uya|uyu|uoi|uou|oai|oay|oeo|uay|uey|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|"
            r"uy|uu|ye|a|e|i|o|u|y)")
_FINAL = r"(?:ch|ng|nh|c|m|n|p|t)?"
_SYLLABLE = re.compile(_ONSET + _NUCLEUS + _FINAL)


def is_syllable(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable ("Hòa", "nghiêng"; not "Vingroup")."""
    return _SYLLABLE.fullmatch(fold(word).lower()) is not None


_WORD_RE = re.compile(r"[^\W\d_][\w'’&.-]*", re.UNICODE)


def capitalised_runs(text: str, max_gap: int = 1) -> list[tuple[int, int]]:
    """Spans of consecutive capitalised words ("Cao Quốc Hưng", "Ernst & Young Việt Nam").

    Uses str.isupper() rather than character ranges: Vietnamese capitals are spread over
    several Unicode blocks, and ranges like À-Ỹ silently include lower-case letters.
    Words joined by "&" stay in one run.
    """
    runs: list[list[int]] = []
    prev_end = None
    for m in _WORD_RE.finditer(text):
        word = m.group().rstrip(".-")
        if not word:
            continue
        end = m.start() + len(word)
        if word[0].isupper():
            gap = text[prev_end:m.start()] if prev_end is not None else None
            if gap is not None and len(gap) <= max_gap + 2 and gap.strip() in ("", "&"):
                runs[-1][1] = end
            else:
                runs.append([m.start(), end])
            prev_end = end
        else:
            prev_end = None
    return [(s, e) for s, e in runs]
