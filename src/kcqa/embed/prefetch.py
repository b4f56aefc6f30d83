"""Embed a one-shot question in a forked process while this one opens Chroma.

A cold `kcqa ask` spends 0.85 s importing and opening Chroma and 0.6 s loading the
tokenizer, creating the ONNX session and embedding the question (measured, whole
process). Both hold the GIL (threads gained nothing, measured), but they do not depend
on each other: a child process forked before Chroma is imported computes the question's
vector and sends it back through a pipe, so on a machine with a free core the two run
side by side and the parent never loads the model at all.

Best effort by construction: no fork (Windows), a failed or silent child, or a question
that ends up searched with another text (a follow-up resolved from a session) all leave
the parent to embed as it always did.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import Callable

import numpy as np


class QueryPrefetch:
    def __init__(self, compute: Callable[[], dict[str, np.ndarray]]):
        """Fork now; the child runs ``compute`` ({text embedded: vector}) and exits."""
        self._pid: int | None = None
        self._fd: int | None = None
        self._vectors: dict[str, np.ndarray] | None = None
        if not hasattr(os, "fork") or os.environ.get("KCQA_PREFETCH", "1") == "0":
            return
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:                                   # the child: never returns
            code = 1
            try:
                os.close(read_end)
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)                    # the parent speaks for both
                os.dup2(devnull, 2)
                sys.stdout = sys.stderr = open(os.devnull, "w")   # whatever Python-level streams were
                payload = pickle.dumps({t: np.asarray(v, dtype=np.float32) for t, v in compute().items()})
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._fd = pid, read_end

    def vectors(self) -> dict[str, np.ndarray]:
        """The child's vectors, waiting for it if it is still working; {} when it failed."""
        if self._vectors is None:
            self._vectors = {}
            if self._pid is not None:
                try:
                    with os.fdopen(self._fd, "rb") as pipe:
                        data = pipe.read()
                    _, status = os.waitpid(self._pid, 0)
                    if data and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
                        self._vectors = pickle.loads(data)
                except (OSError, pickle.UnpicklingError, EOFError):
                    self._vectors = {}
                self._pid = self._fd = None
        return self._vectors
