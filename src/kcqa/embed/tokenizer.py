"""The ONNX runtime's tokenizer, loaded in a quarter of the time for Vietnamese text.

multilingual-e5 tokenizes with a Unigram model of 250,002 pieces, and ``tokenizers`` spends
0.85 s building it (measured: ``Unigram(vocab)`` alone, JSON parsing aside) at the start of
every process — a third of a cold ``kcqa ask``. A Vietnamese text can only ever match
pieces written in its own alphabet, so a second tokenizer holds just those pieces (about
93,500 of them; built in 0.2 s) and encodes every text whose normalised characters all lie
in that alphabet. Its ids are the full tokenizer's, exactly:

* Unigram picks the best-scoring path through the lattice of vocabulary pieces that occur
  in the text; a piece occurs in a text of the alphabet only if all its characters are in
  the alphabet, so both tokenizers build the same lattice and pick the same path;
* the score of an unknown character is the lowest piece score minus 10, so the subset keeps
  the lowest-scoring piece; special tokens keep their ids; other ids are mapped back
  through a stored table.

Any other text (Chinese, Russian, French accents) goes to the full tokenizer, loaded on
first need. Only Unigram models take this path (a BPE's merges do not restrict this way);
tests/test_embed_onnx.py checks the ids are equal on real records.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import numpy as np

FULL_FILE = "tokenizer.json"
SUBSET_VERSION = 1
SUBSET_FILE = f"tokenizer.vi-{SUBSET_VERSION}.json"
SUBSET_IDS = f"tokenizer.vi-{SUBSET_VERSION}.ids.npy"

_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# ASCII, the Vietnamese letters, the typography records use, and the word-start mark ▁
# that the pre-tokenizer inserts. Characters the normaliser (NFKC) folds into ASCII
# (², full-width digits) need no entry.
ALPHABET = frozenset(chr(i) for i in range(0x20, 0x7F)) | frozenset(_VIETNAMESE + _VIETNAMESE.upper()) \
    | frozenset("–—‘’“”…•·°±×÷≤≥‰€£¥₫§©®™«»▁")
_OUTSIDE = re.compile("[^" + re.escape("".join(sorted(ALPHABET))) + "]")


def write_subset(folder: Path) -> bool:
    """Write the alphabet's tokenizer beside ``folder``'s tokenizer.json; False when the
    model is not Unigram or the folder is not writable (the full tokenizer is used then)."""
    if not os.access(folder, os.W_OK):
        return False                  # a shared read-only cache: not worth parsing 17 MB each time
    full = json.loads((folder / FULL_FILE).read_text(encoding="utf-8"))
    model = full.get("model") or {}
    if model.get("type") != "Unigram" or model.get("byte_fallback"):
        return False
    vocab = model["vocab"]
    special = {t["id"] for t in full.get("added_tokens") or []}
    lowest = min(range(len(vocab)), key=lambda i: vocab[i][1])
    keep = [i for i, (piece, _score) in enumerate(vocab)
            if i in special or i == lowest or ALPHABET.issuperset(piece)]
    new_id = {old: new for new, old in enumerate(keep)}
    model["vocab"] = [vocab[i] for i in keep]
    if model.get("unk_id") is not None:
        model["unk_id"] = new_id[model["unk_id"]]
    for token in full.get("added_tokens") or []:
        token["id"] = new_id[token["id"]]
    if not _ids_unchanged_in_post_processor(full, new_id):
        return False
    try:
        for name, write in ((SUBSET_IDS, lambda f: np.save(f, np.asarray(keep, dtype=np.int64))),
                            (SUBSET_FILE, lambda f: f.write(json.dumps(full, ensure_ascii=False).encode("utf-8")))):
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
            with os.fdopen(fd, "wb") as f:
                write(f)
            os.chmod(tmp, (folder / FULL_FILE).stat().st_mode & 0o777)   # as shared as the source
            os.replace(tmp, folder / name)      # the ids first: the JSON's presence means complete
    except OSError:
        return False
    return True


def _ids_unchanged_in_post_processor(full: dict, new_id: dict[int, int]) -> bool:
    """The template's special-token ids (<s>, </s>) must keep their values in the subset."""
    post = full.get("post_processor") or {}
    for token in (post.get("special_tokens") or {}).values():
        if any(new_id.get(i) != i for i in token.get("ids") or []):
            return False
    return True


class VietnameseFirstTokenizer:
    """The subset tokenizer for texts of the alphabet, the full one for the rest."""

    def __init__(self, folder: Path, max_length: int, pad_id: int, pad_token: str):
        from tokenizers import Tokenizer

        self.folder = folder
        self._settings = (max_length, pad_id, pad_token)
        self._full = None
        self._subset = None
        self._to_full_ids = None
        if not (folder / SUBSET_FILE).is_file():
            write_subset(folder)
        to_full_ids = np.load(folder / SUBSET_IDS) if (folder / SUBSET_FILE).is_file() else None
        subset_pad = None if to_full_ids is None else int(np.searchsorted(to_full_ids, pad_id))  # kept in order
        if subset_pad is not None and subset_pad < len(to_full_ids) and to_full_ids[subset_pad] == pad_id:
            self._to_full_ids = to_full_ids
            self._subset = self._configure(Tokenizer.from_file(str(folder / SUBSET_FILE)), subset_pad)
        else:
            self._full = self._configure(Tokenizer.from_file(str(folder / FULL_FILE)))

    def _configure(self, tokenizer, pad_id: int | None = None):
        max_length, full_pad_id, pad_token = self._settings
        tokenizer.enable_truncation(max_length=max_length)
        tokenizer.enable_padding(pad_id=full_pad_id if pad_id is None else pad_id, pad_token=pad_token)
        return tokenizer

    @property
    def full(self):
        if self._full is None:
            from tokenizers import Tokenizer

            self._full = self._configure(Tokenizer.from_file(str(self.folder / FULL_FILE)))
        return self._full

    def in_alphabet(self, text: str) -> bool:
        return self._subset is not None and not _OUTSIDE.search(self._subset.normalizer.normalize_str(text))

    def encode(self, texts: list[str]) -> list[tuple[list[int], np.ndarray, np.ndarray]]:
        """(positions, ids, attention mask) per group of ``texts`` encoded together, each
        group padded to its longest text; ids are always the full vocabulary's."""
        ours, others = [], []
        for i, text in enumerate(texts):
            (ours if self.in_alphabet(text) else others).append(i)
        groups = []
        for positions, tokenizer in ((ours, self._subset), (others, None)):
            if not positions:
                continue
            encodings = (tokenizer or self.full).encode_batch([texts[i] for i in positions])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            if tokenizer is not None:
                ids = self._to_full_ids[ids]
            groups.append((positions, ids, np.array([e.attention_mask for e in encodings], dtype=np.int64)))
        return groups
