"""The story level: near-duplicates, stories, timeline, digest, writers, the 'digest' command."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from importlib import resources

import jsonschema
import numpy as np
import pytest
from conftest import SEEDS
from fakes import HashEmbedder

from summarizer.records import Article, Entity, Topic
from summarizer.stages.clean import clean
from summarizer.stories.article import StoryArticle
from summarizer.stories.dedup import find_duplicates
from summarizer.stories.digest import build
from summarizer.stories.group import StoryWeights, group, neighbours
from summarizer.stories.timeline import events, resolve
from summarizer.stories.writers import DIGEST_FORMATS, write_digest

EMBED = HashEmbedder(dim=96)
SCHEMA = json.loads(resources.files("summarizer.data").joinpath("digest.schema.json").read_text("utf-8"))


def story_article(id: str, text: str, date: str | None = None, entities: tuple[Entity, ...] = (),
                  mentions: tuple[tuple[int, str], ...] = (), title: str | None = None) -> StoryArticle:
    """A StoryArticle as the pipeline makes one, with the fake embedder's vectors."""
    sentences = tuple(s.strip() + "." for s in text.split(".") if s.strip())
    vecs = EMBED.embed_batch(list(sentences))
    vec = vecs.mean(axis=0)
    return StoryArticle(id=id, source=f"{id}.txt", text=text, sentences=sentences, sentence_vectors=vecs,
                        vector=vec / np.linalg.norm(vec), title=title, date=date, entities=entities,
                        topics=(Topic("medtop:1", "politics", ("politics",), 0.5),), date_mentions=mentions)


WORDS = ("harbour council vote budget river bridge school teacher storm flood farmer price market bank rate "
         "minister talks border trade oil gas court judge appeal hospital nurse strike union wage rail train "
         "airport flight museum artist festival film club match goal coach league season").split()


def random_text(seed: int, sentences: int = 12, words: tuple[str, ...] | list[str] = WORDS) -> str:
    rng = random.Random(seed)
    return " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(10, 18))).capitalize() + "."
                    for _ in range(sentences))


# --- timeline -------------------------------------------------------------------------------

BASE = dt.datetime(2025, 2, 17)


@pytest.mark.parametrize(("mention", "base", "expected"), [
    ("On October 3", dt.datetime(2024, 10, 4), ("2024-10-03", "day")),
    ("last November", BASE, ("2024-11", "month")),
    ("Today", BASE, ("2025-02-17", "day")),
    ("April 14", dt.datetime(2021, 4, 14), ("2021-04-14", "day")),
    ("May 2023", BASE, ("2023-05", "month")),
    ("2024", BASE, ("2024", "year")),
    ("14 April 2021", None, ("2021-04-14", "day")),  # a full date needs no anchor
    ("May 16", None, None),  # no year and no article date: any year would be invented
    ("last year", None, None),
    ("the past year", BASE, None),  # a span, not a point in time
    ("2024-2025", BASE, None),
    ("the first eight months of the year", BASE, None),
    ("next week", BASE, None),  # a plan, not an event
])
def test_date_mentions_resolve_against_the_article_date_keeping_their_precision(mention, base, expected):
    assert resolve(mention, base) == expected


def test_events_take_the_same_day_from_the_date_before_and_the_lead_from_the_article_date():
    a = story_article("a", "The ministers met in the capital and spoke for hours today. They met on April 13 "
                      "for dinner and talks on trade. On the same day three memorandums were signed by both "
                      "sides. Trade grew strongly over the year and more is planned.", date="2021-04-14",
                      mentions=((1, "April 13"), (2, "the same day")))
    found = events(a)
    assert [(e.date, e.precision, e.mention) for e in found] == [
        ("2021-04-14", "day", None), ("2021-04-13", "day", "April 13"), ("2021-04-13", "day", "the same day")]
    assert found[0].sentence == a.sentences[0]


def test_an_undated_article_gives_undated_events_never_an_invented_date():
    a = story_article("u", "The documents were signed on May 16 by the two presidents in the capital. The "
                      "talks covered trade and security in the whole region.", mentions=((0, "May 16"),))
    found = events(a)
    assert [e.date for e in found] == [None]
    assert found[0].sentence == a.sentences[0]


# --- near-duplicates ---------------------------------------------------------------------------

def test_copies_with_other_boilerplate_and_cut_paragraphs_are_grouped_and_different_articles_are_not():
    originals = [random_text(seed, 20) for seed in range(30)]
    arts = [story_article(f"o{i}", t) for i, t in enumerate(originals)]
    sentences = originals[3].split(". ")
    copy_boiler = story_article("c3", "Subscribe to our newsletter for more news. " + originals[3]
                                + " Follow us on social networks and share this story.")
    copy_cut = story_article("c7", ". ".join(originals[7].split(". ")[:14]))
    reordered = story_article("r3", ". ".join(sentences[10:] + sentences[:10]))
    groups = find_duplicates([*arts, copy_boiler, copy_cut, reordered])
    found = {g.kept: sorted(c.id for c in g.copies) for g in groups}
    assert found == {"c3": ["o3", "r3"], "o7": ["c7"]}  # the longest copy stands for the group
    assert all(0.9 <= c.similarity <= 1.0 + 1e-6 for g in groups for c in g.copies)


# --- stories -----------------------------------------------------------------------------------

def test_neighbours_from_the_index_match_the_exact_ones():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((20, 32))
    vecs = np.repeat(centres, 5, axis=0) + 0.05 * rng.standard_normal((100, 32))
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
    exact_idx, exact_sims = neighbours(vecs, 4, ann_from=10_000)
    ann_idx, ann_sims = neighbours(vecs, 4, ann_from=10)
    rows_same = np.array([set(a) == set(b) for a, b in zip(exact_idx, ann_idx, strict=True)])
    assert rows_same.mean() >= 0.95  # an approximate index may miss a neighbour now and then
    again_idx, again_sims = neighbours(vecs, 4, ann_from=10)
    assert np.array_equal(again_idx, ann_idx) and np.array_equal(again_sims, ann_sims)  # the same every run
    assert np.allclose(np.sort(exact_sims[rows_same], axis=1), np.sort(ann_sims[rows_same], axis=1), atol=1e-3)
    assert all(i not in row for i, row in enumerate(ann_idx))


def test_articles_about_one_story_group_and_an_unrelated_one_stands_alone():
    people = (Entity("Ilham Aliyev", "person", 2), Entity("Baku", "place", 1))
    base = random_text(1, 10, WORDS[:25])
    story = [story_article(f"s{i}", base + " " + random_text(100 + i, 3, WORDS[:25]), f"2024-0{i + 1}-01", people)
             for i in range(3)]
    other = story_article("x", random_text(2, 10, WORDS[25:]), "2024-01-02", (Entity("Storm Ciara", "organization", 1),))
    assert group([*story, other]) == [[0, 1, 2], [3]]
    assert group([*story, other], StoryWeights(threshold=1.0)) == [[0], [1], [2], [3]]  # no two different articles reach 1


# --- digest ------------------------------------------------------------------------------------

@pytest.fixture
def small_digest():
    people = (Entity("Ilham Aliyev", "person", 2), Entity("Baku", "place", 1))
    base = random_text(5, 4, WORDS[:25])

    def own(seed: int) -> str:
        return base + " " + random_text(seed, 8, WORDS[:25])

    late = story_article("late", own(11) + " The president spoke in Baku on Monday about the new trade deal.",
                         "2024-05-20", (*people, Entity("Aliyev", "person", 1)), ((12, "Monday"),))
    early = story_article("early", own(12) + " Aliyev said the border talks went well and more would follow.",
                          "2024-05-01", (Entity("Aliyev", "organization", 3), Entity("Baku", "place", 1)))
    undated = story_article("nodate", own(13) + " A wooden bridge is planned for the river town near Baku.", None,
                            people, title="Bridge plans")
    copy = story_article("copy", "Read more at our site. " + late.text)
    alone = story_article("alone", random_text(9, 8, WORDS[25:]), "2023-01-01")
    return build([late, early, undated, copy, alone])


def test_the_digest_tells_each_story_in_date_order_with_verbatim_dated_sentences(small_digest):
    d = small_digest
    assert [[m.id for m in s.articles] for s in d.stories] == [["early", "late", "nodate"], ["alone"]]
    # the dated copy stands for the group, though the undated one is longer (boilerplate added)
    assert [g.kept for g in d.duplicates] == ["late"] and [c.id for c in d.duplicates[0].copies] == ["copy"]
    story = d.stories[0]
    texts = {m.id: m for m in story.articles}
    assert 3 <= len(story.summary) <= 6
    assert {s.article_id for s in story.summary} == {"early", "late", "nodate"}  # drawn from across the story
    assert [e.date for e in story.timeline] == sorted(e.date for e in story.timeline)
    assert "2024-05-20" in [e.date for e in story.timeline] or "2024-05-19" in [e.date for e in story.timeline]
    assert [a.name for a in story.actors if a.type == "person"] == ["Ilham Aliyev"]  # 'Aliyev' merged into him
    aliyev = next(a for a in story.actors if a.name == "Ilham Aliyev")
    assert (aliyev.articles, aliyev.first_seen) == (3, "2024-05-01")
    # the four opening sentences the articles share are new only in the first
    assert texts["early"].adds_total == 13 and texts["nodate"].adds_total == 9
    assert texts["late"].duplicates[0].id == "copy"


def test_summary_sentences_are_verbatim_from_the_article_they_name(small_digest):
    for story in small_digest.stories:
        for s in story.summary:
            member = next(m for m in story.articles if m.id == s.article_id)
            assert s.date == member.date


@pytest.mark.parametrize("fmt", DIGEST_FORMATS)
def test_every_format_writes_the_story_and_json_follows_the_schema(small_digest, fmt):
    out = io.StringIO()
    write_digest(small_digest, fmt, out)
    text = out.getvalue()
    if fmt == "json":
        jsonschema.validate(json.loads(text), SCHEMA)
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert [line["kind"] for line in lines] == ["story", "story"]
        for line in lines:
            jsonschema.validate(line, {**SCHEMA["$defs"]["story"], "$defs": SCHEMA["$defs"]})
    else:
        assert small_digest.stories[0].label.split(":")[0] in text.replace("\\", "")
        assert "2024-05-01" in text


# --- API and command ---------------------------------------------------------------------------

def test_the_digest_command_writes_json_and_lists_a_bad_input_while_the_rest_goes_on(fake_cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(random_text(40 + i, 8), encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    out = tmp_path / "digest.json"
    result = fake_cli("digest", str(folder), "-f", "json", "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["articles"] == 4 and [f["id"] for f in data["failures"]] == ["empty"]
    assert sorted(m["id"] for s in data["stories"] for m in s["articles"]) == ["a0", "a1", "a2"]
    assert "1 of 4 article(s) failed" in result.output


def test_a_story_threshold_outside_0_to_1_is_refused(fake_cli, tmp_path):
    result = fake_cli("digest", str(tmp_path), "--story-threshold", "1.5")
    assert result.exit_code == 2 and "--story-threshold" in result.output


def test_the_api_digest_accepts_texts_and_dicts(fake_summarizer):
    d = fake_summarizer.digest([random_text(70), {"id": "b", "text": random_text(71), "date": "2024-03-01"}])
    assert sorted(m.id for s in d.stories for m in s.articles) == ["b", "text-0"]
    with pytest.raises(Exception, match="between 0 and 1"):
        fake_summarizer.digest(["x"], story_threshold=2)


@pytest.mark.slow
def test_the_seeds_make_one_story_of_five_with_its_timeline_and_people(real_summarizer):
    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    d = real_summarizer.digest(arts)
    assert len(d.stories) == 1 and not d.duplicates and not d.failures
    story = d.stories[0]
    dates = [m.date for m in story.articles]
    assert dates == ["2021-04-14", "2024-10-04", "2025-02-17", None, None]
    timeline = [(e.date, e.sentence) for e in story.timeline]
    assert any(date == "2021-04-14" and "three memorandums" in s for date, s in timeline)
    assert any(date == "2021-04-14" and "Baku" in s for date, s in timeline)
    assert any(date == "2024-10-03" and "Minsk" in s and "Golovchenko" in s for date, s in timeline)
    assert any(date and date.startswith("2025-02") and "Belarusian Parliament" in s for date, s in timeline)
    assert [e.date for e in story.timeline] == sorted(e.date for e in story.timeline)
    people = {a.name for a in story.actors if a.type == "person"}
    assert {"Ilham Aliyev", "Alexander Lukashenko", "Ali Asadov", "Roman Golovchenko", "Alexander Turchin",
            "Natalya Kochanova"} <= people
    texts = {a.id: clean(a.text).text for a in arts}  # verbatim from the article as cleaned (credits out)
    for s in story.summary:
        assert " ".join(s.text.split()) in " ".join(texts[s.article_id].split())
    assert 3 <= len(story.summary) <= 6 and len({s.article_id for s in story.summary}) >= 3
