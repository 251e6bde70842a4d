"""Encoder-decoder summarisers (BART, PEGASUS, T5, ...) through transformers' AutoModelForSeq2SeqLM.

The article is the encoder's input as it is, after the model's task prefix when it has one
(T5: ``summarize: ``); the decoder writes the summary greedily.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .hf_models import HFGenerator


class Seq2SeqGenerator(HFGenerator):
    auto_class = "AutoModelForSeq2SeqLM"
    kind = "seq2seq"
    default_context = 512

    def _setup(self) -> None:
        params = getattr(self.config, "task_specific_params", None) or {}
        prefix = (params.get("summarization") or {}).get("prefix")
        if prefix is None and getattr(self.config, "model_type", "") in ("t5", "mt5", "umt5", "longt5"):
            prefix = "summarize: "
        self.prefix = prefix or ""
        self.instructions = (self.prefix.strip(),) if len(self.prefix.split()) > 2 else ()
        # Learned decoder positions (BART, PEGASUS) bound the summary's length too.
        positions = getattr(self.config, "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 2:
            self.max_new_tokens = min(self.max_new_tokens, positions - 2)
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.tokenizer.padding_side = "right"

    def _inputs(self, texts: Sequence[str]) -> list[list[int]]:
        return [list(ids) for ids in self.tokenizer([self.prefix + t for t in texts])["input_ids"]]

    def _new_tokens(self, output: Any, input_len: int) -> Any:
        return output[1:]  # the decoder's start token
