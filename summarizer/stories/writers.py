"""Writers of a :class:`~summarizer.stories.digest.Digest`: text and markdown for reading, json and
jsonl for programs (``summarizer/data/digest.schema.json``). A registry: one function per format."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import TextIO

from ..errors import UsageError
from .digest import Digest, Story

WIDTH = 88
ACTORS_SHOWN = 12
ADDS_SHOWN = 2


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _when(story: Story) -> str:
    undated = sum(m.date is None for m in story.articles)
    span = ""
    if story.first_date:
        span = story.first_date if story.first_date == story.last_date else f"{story.first_date} to {story.last_date}"
    parts = [f"{len(story.articles)} article(s)", span, f"{undated} undated" if undated else ""]
    return ", ".join(p for p in parts if p)


def _actor_groups(story: Story) -> list[tuple[str, str]]:
    groups = []
    for kind, heading in (("person", "People"), ("organization", "Organisations"), ("place", "Places")):
        named = [a for a in story.actors if a.type == kind][:ACTORS_SHOWN]
        if named:
            groups.append((heading, ", ".join(f"{_one_line(a.name)} ({a.articles})" for a in named)))
    return groups


def _heading(digest: Digest) -> str:
    copies = sum(len(g.copies) for g in digest.duplicates)
    failed = f", {len(digest.failures)} failed" if digest.failures else ""
    return f"{digest.articles} article(s): {len(digest.stories)} story(ies), {copies} near-duplicate(s){failed}"


def write_text(digest: Digest, stream: TextIO) -> None:
    def wrap(text: str, indent: str, first: str | None = None) -> str:
        return textwrap.fill(_one_line(text), WIDTH, initial_indent=indent if first is None else first,
                             subsequent_indent=indent)

    out = [_heading(digest)]
    for n, story in enumerate(digest.stories, 1):
        out += ["", f"== Story {n}: {_one_line(story.label)} ==", _when(story)]
        if story.topics:
            out.append("Topics: " + ", ".join(f"{t.label} ({t.articles})" for t in story.topics))
        out += [wrap(f"{heading}: {names}", "    ", first="") for heading, names in _actor_groups(story)]
        if story.summary:
            out.append("Summary:")
            out += [wrap(f"- {s.text} [{s.article_id}, {s.date or 'undated'}]", "    ", first="  ") for s in story.summary]
        if story.timeline:
            out.append("Timeline:")
            out += [wrap(f"{e.sentence} [{e.article_id}]", " " * 14, first=f"  {e.date:<10}  ") for e in story.timeline]
        if story.undated:
            out.append("Undated:")
            out += [wrap(f"- {e.sentence} [{e.article_id}]", "    ", first="  ") for e in story.undated]
        out.append("Articles:")
        for m in story.articles:
            out.append(wrap(f"{m.id}  {m.title or m.source}", " " * 14, first=f"  {m.date or 'undated':<10}  "))
            for s in m.adds[:ADDS_SHOWN]:
                out.append(wrap(f"+ {s}", " " * 16, first=" " * 14))
            if m.adds_total > ADDS_SHOWN:
                out.append(" " * 14 + f"(+ {m.adds_total - ADDS_SHOWN} more new sentence(s))")
            for d in m.duplicates:
                out.append(" " * 14 + f"copy: {d.id} (similarity {d.similarity:.2f})")
    for f in digest.failures:
        out += ["", wrap(f"FAILED {f.id} ({f.source}): {f.error}", "    ", first="")]
    stream.write("\n".join(out) + "\n")


def write_markdown(digest: Digest, stream: TextIO) -> None:
    def esc(text: str | None) -> str:
        return _one_line(text).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")

    out = ["# Stories", "", _heading(digest)]
    for story in digest.stories:
        out += ["", f"## {esc(story.label)}", "", f"*{_when(story)}*"]
        if story.topics:
            out += ["", "**Topics:** " + ", ".join(esc(t.label) for t in story.topics)]
        out += [""] + [f"- **{h}:** {esc(names)}" for h, names in _actor_groups(story)]
        if story.summary:
            out += ["", "### Summary", ""] + [f"- {esc(s.text)} *({esc(s.article_id)}, {s.date or 'undated'})*"
                                             for s in story.summary]
        if story.timeline or story.undated:
            out += ["", "### Timeline", "", "| Date | Event | Article |", "| --- | --- | --- |"]
            out += [f"| {e.date} | {esc(e.sentence)} | {esc(e.article_id)} |" for e in story.timeline]
            out += [f"| undated | {esc(e.sentence)} | {esc(e.article_id)} |" for e in story.undated]
        out += ["", "### Articles", ""]
        for m in story.articles:
            name = esc(m.title or m.id)
            link = f"[{name}]({m.url})" if m.url else name
            out.append(f"- {m.date or 'undated'}: {link} ({esc(m.source)}), {m.adds_total} new sentence(s)")
            out += [f"  - copy: {esc(d.id)} (similarity {d.similarity:.2f})" for d in m.duplicates]
    if digest.failures:
        out += ["", "## Failed", ""] + [f"- {esc(f.id)} ({esc(f.source)}): {esc(f.error)}" for f in digest.failures]
    stream.write("\n".join(out) + "\n")


def write_json(digest: Digest, stream: TextIO) -> None:
    json.dump(digest.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_jsonl(digest: Digest, stream: TextIO) -> None:
    """One line per story (``"kind": "story"``), then one per failed input (``"kind": "failure"``)."""
    for story in digest.stories:
        stream.write(json.dumps({"kind": "story", **story.to_dict()}, ensure_ascii=False) + "\n")
    for f in digest.failures:
        stream.write(json.dumps({"kind": "failure", **f.to_dict()}, ensure_ascii=False) + "\n")


DIGEST_WRITERS: dict[str, Callable[[Digest, TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "markdown": write_markdown,
}
"""Digest output format name -> writer."""

DIGEST_FORMATS: tuple[str, ...] = tuple(DIGEST_WRITERS)


def write_digest(digest: Digest, fmt: str, stream: TextIO) -> None:
    """Write ``digest`` to ``stream`` in the format ``fmt`` (one of :data:`DIGEST_FORMATS`)."""
    key = fmt.strip().lower()
    if key not in DIGEST_WRITERS:
        raise UsageError(f"unknown digest format {fmt!r}; choose one of: {', '.join(DIGEST_FORMATS)}")
    DIGEST_WRITERS[key](digest, stream)
