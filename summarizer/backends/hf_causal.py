"""Causal instruction models (Llama, Qwen, SmolLM, Mistral, ...) through AutoModelForCausalLM.

The model gets one fixed instruction and the article, through its chat template when it has
one (a plain "Summary:" prompt otherwise), and writes the summary greedily after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .hf_models import HFGenerator

#: The fixed instruction. Asking for "a news summary" of "what happened" keeps small models from writing
#: about the article ("The article highlights ...") instead of about the news.
INSTRUCTION = ("Write a short news summary (at most {n} sentences) of the article below. Say what happened, who "
               "was involved and where, using only facts, names and numbers that the article states.")
_PREAMBLE = re.compile(r"^\s*(?:(?:here is|here's|below is)[^:\n]{0,80}:|summary\s*:|\*\*summary:?\*\*:?)\s*",
                       re.IGNORECASE)


class CausalGenerator(HFGenerator):
    auto_class = "AutoModelForCausalLM"
    kind = "causal"
    default_context = 2048

    def _setup(self) -> None:
        self.instruction = INSTRUCTION.format(n=self.options.sentences)
        self.instructions = (self.instruction,)
        tok = self.tokenizer
        if tok.pad_token_id is None:
            tok.pad_token = tok.eos_token
        tok.padding_side = "left"  # generation continues every row from its last token
        self.chat = bool(getattr(tok, "chat_template", None))

    def _input_limit(self) -> int:
        # The summary shares the context with the input.
        limit = self.context - self.max_new_tokens
        if self.options.max_input_tokens:
            limit = min(limit, self.options.max_input_tokens)
        return limit

    def _prompt(self, text: str) -> str:
        content = f"{self.instruction}\n\nArticle:\n{text}"
        if self.chat:
            return str(self.tokenizer.apply_chat_template([{"role": "user", "content": content}],
                                                          add_generation_prompt=True, tokenize=False))
        return f"{content}\n\nSummary:"

    def _inputs(self, texts: Sequence[str]) -> list[list[int]]:
        prompts = [self._prompt(t) for t in texts]
        # A chat template writes its own special tokens (BOS and the like).
        encoded = self.tokenizer(prompts, add_special_tokens=not self.chat)["input_ids"]
        return [list(ids) for ids in encoded]

    def _new_tokens(self, output: Any, input_len: int) -> Any:
        return output[input_len:]

    def _clean(self, text: str) -> str:
        text = _PREAMBLE.sub("", text.strip())
        text = re.sub(r"^\s*(?:\*\*|#+\s*)", "", text)
        return " ".join(text.split())
