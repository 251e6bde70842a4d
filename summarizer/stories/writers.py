"""Writers of a :class:`~summarizer.stories.digest.Digest`: text, markdown and html for reading, json and
jsonl for programs (``summarizer/data/digest.schema.json``). A registry: one function per format."""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import re
import textwrap
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, TextIO

from ..errors import UsageError
from ..records import ENTITY_TYPES

if TYPE_CHECKING:  # the command line reads DIGEST_FORMATS without importing numpy
    import jinja2

    from .digest import Actor, Digest, Story
    from .timeline import Event

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


# --- html ------------------------------------------------------------------------------------------

HTML_ACTORS_SHOWN = 8
"""Actors of a type listed openly in the html page; the others fold under "N more"."""
_ACTOR_HEADINGS = {"person": "People", "organization": "Organisations", "place": "Places"}
_WEB = re.compile(r"^https?://", re.IGNORECASE)


@cache
def _html_template() -> tuple[jinja2.Template, str]:
    """The page template and its style sheet (both in ``summarizer/data``), loaded once."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("summarizer", "data"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    css = resources.files("summarizer.data").joinpath("digest.css").read_text("utf-8")
    return env.get_template("digest.html.j2"), css


def _show_date(iso: str | None, precision: str | None = None) -> str:
    """'2021-04-14' -> '14 Apr 2021', '2023-05' -> 'May 2023', '2024' -> '2024'; ``precision`` cuts a finer date."""
    if not iso:
        return "undated"
    parts = iso.split("-")
    keep = {"day": 3, "month": 2, "year": 1}.get(precision or "", len(parts))
    parts = parts[:keep]
    try:
        month = calendar.month_abbr[int(parts[1])] if len(parts) > 1 else ""
        day = str(int(parts[2])) if len(parts) > 2 else ""
    except (ValueError, IndexError):
        return iso
    return " ".join(p for p in (day, month, parts[0]) if p)


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    return _show_date(first) if first == last else f"{_show_date(first)} – {_show_date(last)}"


def _web_link(*candidates: str | None) -> str | None:
    """The first candidate that is a web address (http or https): only those become links."""
    return next((c for c in candidates if c and _WEB.match(c.strip())), None)


def _html_event(e: Event, anchors: dict[str, str]) -> dict[str, object]:
    before, mention, after = e.sentence, "", ""
    at = e.sentence.find(e.mention) if e.mention else -1
    if e.mention and at >= 0:  # the words that gave the date, marked in the sentence
        before, mention, after = e.sentence[:at], e.mention, e.sentence[at + len(e.mention):]
    return {"date": e.date, "shown": _show_date(e.date, e.precision), "precision": e.precision or "day",
            "before": before, "mention": mention, "after": after, "article_id": e.article_id,
            "anchor": anchors.get(e.article_id, ""), "from_article_date": e.date is not None and e.mention is None}


def _html_actors(actors: tuple[Actor, ...]) -> list[dict[str, object]]:
    kinds = list(ENTITY_TYPES) + sorted({a.type for a in actors} - set(ENTITY_TYPES))
    groups = []
    for kind in kinds:
        named = [{"name": a.name, "articles": a.articles, "mentions": a.mentions,
                  "seen": _span(a.first_seen, a.last_seen) or "undated articles"} for a in actors if a.type == kind]
        if named:
            groups.append({"heading": _ACTOR_HEADINGS.get(kind, kind.title()), "shown": named[:HTML_ACTORS_SHOWN],
                           "more": named[HTML_ACTORS_SHOWN:]})
    return groups


def _html_story(n: int, story: Story) -> dict[str, object]:
    anchors = {m.id: f"s{n}-a{k}" for k, m in enumerate(story.articles, 1)}
    years: list[dict[str, object]] = []
    for e in story.timeline:
        year = (e.date or "")[:4]
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "events": []})
        years[-1]["events"].append(_html_event(e, anchors))  # type: ignore[attr-defined]
    undated = sum(m.date is None for m in story.articles)
    return {
        "n": n, "anchor": f"s{n}", "id": story.id, "label": _one_line(story.label),
        "span": _span(story.first_date, story.last_date), "first_date": story.first_date,
        "last_date": story.last_date, "first_shown": _show_date(story.first_date),
        "last_shown": _show_date(story.last_date), "count": len(story.articles), "undated_articles": undated,
        "summary": [{"text": s.text, "article_id": s.article_id, "date": _show_date(s.date),
                     "anchor": anchors.get(s.article_id, "")} for s in story.summary],
        "years": years, "events": len(story.timeline),
        "undated": [_html_event(e, anchors) for e in story.undated],
        "actor_groups": _html_actors(story.actors),
        "topics": [{"label": t.label, "qcode": t.qcode, "articles": t.articles} for t in story.topics],
        "articles": [{"anchor": anchors[m.id], "id": m.id, "date": m.date, "shown": _show_date(m.date),
                      "title": _one_line(m.title), "source": m.source, "link": _web_link(m.url, m.source),
                      "adds": list(m.adds), "adds_total": m.adds_total,
                      "duplicates": [{"id": d.id, "similarity": f"{d.similarity:.2f}", "overlap": f"{d.overlap:.0%}"}
                                     for d in m.duplicates]} for m in story.articles],
    }


def write_html(digest: Digest, stream: TextIO) -> None:
    """One self-contained page: inline style sheet allowed by its hash in a strict Content-Security-Policy,
    no script, no request of any kind when opened; ``<details>`` fold what is long. Every text is escaped."""
    template, css = _html_template()
    digest_of_css = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'sha256-{digest_of_css}'; base-uri 'none'; form-action 'none'"
    from markupsafe import Markup

    stream.write(template.render(
        css=Markup(css), csp=csp, heading=_heading(digest), articles=digest.articles,
        stories=[_html_story(n, s) for n, s in enumerate(digest.stories, 1)],
        copies=sum(len(g.copies) for g in digest.duplicates),
        failures=[f.to_dict() for f in digest.failures],
        settings=sorted(digest.settings.items()),
    ))


DIGEST_WRITERS: dict[str, Callable[[Digest, TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "markdown": write_markdown,
    "html": write_html,
}
"""Digest output format name -> writer."""

DIGEST_FORMATS: tuple[str, ...] = tuple(DIGEST_WRITERS)


def write_digest(digest: Digest, fmt: str, stream: TextIO) -> None:
    """Write ``digest`` to ``stream`` in the format ``fmt`` (one of :data:`DIGEST_FORMATS`)."""
    key = fmt.strip().lower()
    if key not in DIGEST_WRITERS:
        raise UsageError(f"unknown digest format {fmt!r}; choose one of: {', '.join(DIGEST_FORMATS)}")
    DIGEST_WRITERS[key](digest, stream)
