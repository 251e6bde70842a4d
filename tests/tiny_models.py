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
