"""Tiny generative models built from a config in a few milliseconds, for offline tests of the real loading route.

Their weights are random, so what they write is nonsense: tests check the mechanics (planning,
batching, record fields) and that the guard catches the nonsense. A word-level tokenizer is
trained on the given texts, so the models write words of those texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

CHAT_TEMPLATE = (
    "{% for message in messages %}<user> {{ message['content'] }} </user> {% endfor %}"
    "{% if add_generation_prompt %}<assistant>{% endif %}"
)


def tiny_tokenizer(texts: Iterable[str], *, bos: bool = True, max_length: int = 128):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    pad, eos, unk, start = "<pad>", "</s>", "<unk>", "<s>"
    specials = [pad, start, eos, unk] if bos else [pad, eos, unk]
    tk = Tokenizer(models.WordLevel(unk_token=unk))
    tk.pre_tokenizer = pre_tokenizers.Whitespace()
    tk.train_from_iterator(list(texts), trainers.WordLevelTrainer(special_tokens=specials))
    tk.decoder = decoders.WordPiece(prefix="##")  # joins words with spaces
    if bos:
        tk.post_processor = processors.TemplateProcessing(
            single=f"{start} $A {eos}", special_tokens=[(start, tk.token_to_id(start)), (eos, tk.token_to_id(eos))])
    else:
        tk.post_processor = processors.TemplateProcessing(single=f"$A {eos}", special_tokens=[(eos, tk.token_to_id(eos))])
    kwargs = {"tokenizer_object": tk, "pad_token": pad, "eos_token": eos, "unk_token": unk,
              "model_max_length": max_length}
    if bos:
        kwargs["bos_token"] = start
    return PreTrainedTokenizerFast(**kwargs)


def _finish(model, tokenizer, folder: Path, min_new_tokens: int) -> Path:
    # Random weights: keep the output to words (no special tokens) and at least a few of them.
    gen = model.generation_config
    gen.min_new_tokens = min_new_tokens
    gen.suppress_tokens = [t for t in (tokenizer.pad_token_id, tokenizer.bos_token_id, tokenizer.unk_token_id)
                           if t is not None]
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)  # safetensors
    tokenizer.save_pretrained(folder)
    return folder


def build_bart(folder: Path, texts: Iterable[str], *, positions: int = 128, seed: int = 0,
               min_new_tokens: int = 4) -> Path:
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    tok = tiny_tokenizer(texts, max_length=positions)
    torch.manual_seed(seed)
    config = BartConfig(
        vocab_size=len(tok), d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=positions,
        pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.eos_token_id, forced_bos_token_id=None, forced_eos_token_id=None)
    return _finish(BartForConditionalGeneration(config), tok, folder, min_new_tokens)


def build_t5(folder: Path, texts: Iterable[str], *, positions: int = 128, seed: int = 0,
             min_new_tokens: int = 4) -> Path:
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    tok = tiny_tokenizer(texts, bos=False, max_length=positions)
    torch.manual_seed(seed)
    config = T5Config(
        vocab_size=len(tok), d_model=32, d_kv=16, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=2,
        relative_attention_num_buckets=8, pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.pad_token_id, n_positions=positions)
    return _finish(T5ForConditionalGeneration(config), tok, folder, min_new_tokens)


def build_llama(folder: Path, texts: Iterable[str], *, positions: int = 256, seed: int = 0,
                min_new_tokens: int = 4) -> Path:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    tok = tiny_tokenizer(texts, max_length=positions)
    tok.chat_template = CHAT_TEMPLATE
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
        num_key_value_heads=2, max_position_embeddings=positions, pad_token_id=tok.pad_token_id,
        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id)
    return _finish(LlamaForCausalLM(config), tok, folder, min_new_tokens)


def to_pickle(folder: Path, target: Path) -> Path:
    """A copy of a tiny model folder with its weights as pytorch_model.bin (pickle) instead of safetensors."""
    import shutil

    import torch
    from safetensors.torch import load_file

    shutil.copytree(folder, target)
    weights = target / "model.safetensors"
    torch.save(load_file(str(weights)), target / "pytorch_model.bin")
    weights.unlink()
    return target


def build_sbert(folder: Path, texts: Iterable[str], *, seed: int = 0) -> Path:
    """A tiny sentence-transformers BERT folder (mean pooling, normalised), which the default ONNX embedder
    runs: random weights of 32 dimensions, a word-piece tokenizer trained on ``texts``."""
    import json

    import torch
    from safetensors.torch import save_file
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tk = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.train_from_iterator(list(texts), trainers.WordPieceTrainer(vocab_size=400, special_tokens=specials))
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", tk.token_to_id("[CLS]")), ("[SEP]", tk.token_to_id("[SEP]"))])
    config = {"model_type": "bert", "architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": 32,
              "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": 128,
              "type_vocab_size": 2, "vocab_size": tk.get_vocab_size(), "layer_norm_eps": 1e-12}
    torch.manual_seed(seed)
    model = BertModel(BertConfig(**{k: v for k, v in config.items() if k not in ("model_type", "architectures")}))
    (folder / "1_Pooling").mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(folder / "model.safetensors"))
    tk.save(str(folder / "tokenizer.json"))
    files = {
        "config.json": config,
        "modules.json": [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                         {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                         {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}],
        "1_Pooling/config.json": {"word_embedding_dimension": 32, "pooling_mode_mean_tokens": True,
                                  "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False},
        "sentence_bert_config.json": {"max_seq_length": 128, "do_lower_case": False},
    }
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content), encoding="utf-8")
    return folder


def change_one_weight(weights: Path) -> None:
    """Change one number of a .safetensors file in place: same name, same size, another model."""
    import json
    import struct

    with open(weights, "r+b") as fh:
        header_len = struct.unpack("<Q", fh.read(8))[0]
        header = json.loads(fh.read(header_len))
        name, info = next((k, v) for k, v in sorted(header.items()) if k != "__metadata__" and v["dtype"] == "F32")
        fh.seek(8 + header_len + info["data_offsets"][0])
        (value,) = struct.unpack("<f", fh.read(4))
        fh.seek(-4, 1)
        fh.write(struct.pack("<f", value + 0.5))
