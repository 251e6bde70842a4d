"""The html digest: one self-contained, escaped page, checked offline and then in a real headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
from pathlib import Path

import numpy as np
import pytest
from chromium import Chromium, find_chromium
from conftest import SEEDS
from fakes import HashEmbedder
from lxml import html as lxml_html

from summarizer.errors import UsageError
from summarizer.formats import FORMAT_NAMES, output_format
from summarizer.records import Article, Entity, Topic
from summarizer.stories.article import StoryArticle
from summarizer.stories.digest import Digest, Failure, build
from summarizer.stories.writers import DIGEST_FORMATS, write_digest

EMBED = HashEmbedder(dim=96)
HOSTILE = '<script>alert("title")</script> & <u>underlined</u>'


def story_article(id: str, text: str, date: str | None = None, *, title: str | None = None, url: str | None = None,
                  mentions: tuple[tuple[int, str], ...] = ()) -> StoryArticle:
    """A StoryArticle as the pipeline makes one, with the fake embedder's vectors."""
    sentences = tuple(s.strip() + "." for s in text.split(".") if s.strip())
    vecs = EMBED.embed_batch(list(sentences))
    vec = vecs.mean(axis=0)
    people = (Entity("Ilham Aliyev", "person", 2), Entity("Baku", "place", 1), Entity("Trade Council", "organization", 1))
    return StoryArticle(id=id, source=url or f"{id}.txt", text=text, sentences=sentences, sentence_vectors=vecs,
                        vector=vec / np.linalg.norm(vec), title=title, date=date, url=url, entities=people,
                        topics=(Topic("medtop:20000344", "economy", ("economy",), 0.5),), date_mentions=mentions)


SHARED = ("Ministers from Baku and Minsk met to talk about trade and the new bridge over the river. "
          "The talks covered oil and gas prices and the rail link between the two capitals. ")


@pytest.fixture(scope="module")
def digest() -> Digest:
    """One story of four articles (one hostile title, one web address, one 'javascript:' address, one copy set
    aside), events dated to the day, month and year, an undated one, and a failed input."""
    first = story_article("first", SHARED + "On March 3 the council voted for the budget of the harbour. "
                          "In May 2023 the first trains ran on the new line.", "2024-03-05",
                          title=HOSTILE, url="https://example.com/news/first?a=1&b=2", mentions=((2, "March 3"),
                                                                                                (3, "May 2023")))
    second = story_article("second", SHARED + "In 2022 the bridge was planned by both sides. The harbour "
                           "workers went on strike for higher wages.", "2024-04-10",
                           url="javascript:alert(1)", mentions=((2, "2022"),))
    third = story_article("third", SHARED + "A museum of trade opened near the harbour with a festival. "
                          "The coach of the league team spoke about the season.", None, title="Undated <i>report</i>")
    copy = story_article("copy", "Read more on our site. " + second.text)  # undated: the dated one stands for both
    return build([first, second, third, copy], [Failure("broken", "in/broken.txt", "no text <here>")])


@pytest.fixture(scope="module")
def page(digest) -> str:
    out = io.StringIO()
    write_digest(digest, "html", out)
    return out.getvalue()


def test_html_is_a_digest_format():
    assert "html" in DIGEST_FORMATS and "html" not in FORMAT_NAMES  # run writes records, not this page


# --- offline: the file itself ----------------------------------------------------------------------

def test_the_page_is_self_contained_with_a_strict_policy_and_no_script(page):
    tree = lxml_html.document_fromstring(page)
    assert page.startswith("<!DOCTYPE html>")
    assert not tree.xpath("//script | //iframe | //object | //embed | //img | //link[@rel='stylesheet']")
    # no element but a link to an article's page points outside the file
    for element in tree.iter():
        for name in ("src", "href", "srcset", "data", "poster", "action", "background"):
            value = element.get(name)
            if value and not value.startswith("#"):
                assert element.tag == "a" and name == "href" and re.match(r"https?://", value), (element.tag, value)
    styles = tree.xpath("//style")
    assert len(styles) == 1 and "url(" not in styles[0].text and "@import" not in styles[0].text
    assert not tree.xpath("//*[@style]")  # inline style attributes would need 'unsafe-inline'
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    css_hash = base64.b64encode(hashlib.sha256(styles[0].text.encode()).digest()).decode()
    assert policy.startswith("default-src 'none'; ") and f"style-src 'sha256-{css_hash}'" in policy
    assert "unsafe" not in policy and "script-src" not in policy  # no script may run at all


def test_text_from_the_articles_is_escaped_and_only_web_addresses_become_links(page):
    tree = lxml_html.document_fromstring(page)
    assert not tree.xpath("//script | //u | //i")  # the hostile title's and the undated one's tags stay text
    assert HOSTILE in tree.text_content() and "Undated <i>report</i>" in tree.text_content()
    assert "no text <here>" in tree.text_content()
    links = tree.xpath("//a/@href")
    assert "https://example.com/news/first?a=1&b=2" in links
    assert not [h for h in links if "javascript" in h.lower()]
    for link in tree.xpath("//a[starts-with(@href, 'http')]"):
        assert link.get("rel") == "noopener noreferrer"


def test_the_page_tells_every_part_of_the_story(digest, page):
    tree = lxml_html.document_fromstring(page)
    story = digest.stories[0]
    text = " ".join(tree.text_content().split())
    assert [[m.id for m in s.articles] for s in digest.stories] == [["first", "second", "third"]]
    assert story.label in text
    counts = " ".join(tree.xpath("//p[@class='counts']")[0].text_content().split())
    assert counts == "5 article(s) 1 story 1 near-duplicate(s) 1 failed"
    # every link inside the page lands on an element of it; a summary sentence's on its article's entry
    ids = set(tree.xpath("//@id"))
    assert {h[1:] for h in tree.xpath("//a/@href") if h.startswith("#")} <= ids
    for sentence, li in zip(story.summary, tree.xpath("//section[@class='summary']//li"), strict=True):
        target = tree.get_element_by_id(li.xpath(".//a/@href")[0][1:])
        assert sentence.text in li.text_content() and sentence.article_id in target.text_content()
    # the timeline: its events in date order, each with its precision, grouped by year; the undated apart
    events = tree.xpath("//ol[@class='timeline']//li[contains(@class, 'event')]")
    assert [e.xpath(".//time/@datetime")[0] for e in events] == [e.date for e in story.timeline]
    assert [e.get("class").split()[1] for e in events] == [f"by-{e.precision}" for e in story.timeline]
    assert {"by-day", "by-month", "by-year"} <= {e.get("class").split()[1] for e in events}
    assert tree.xpath("//li[@class='tl-year']/span/text()") == sorted({e.date[:4] for e in story.timeline})
    assert "3 Mar 2024" in text and "May 2023" in text and "2022" in text
    assert tree.xpath("//mark/text()")[:1] == ["In 2022"] or "March 3" in tree.xpath("//mark/text()")
    undated = tree.xpath("//details[contains(@class, 'undated')]//li")
    assert len(undated) == len(story.undated) >= 1
    # actors by type with their article counts and when they were seen; topics; articles with their copies
    groups = {g.xpath("./h4/text()")[0].strip(): g for g in tree.xpath("//div[@class='actor-group']")}
    assert set(groups) == {"People", "Organisations", "Places"}
    row = [" ".join(td.text_content().split()) for td in groups["People"].xpath(".//tbody/tr")[0]]
    assert row == ["Ilham Aliyev", "3", "5 Mar 2024 – 10 Apr 2024"]
    assert "economy" in tree.xpath("//ul[@class='topics']")[0].text_content()
    entries = tree.xpath("//section[@class='articles']/ol/li")
    assert [e.get("id") for e in entries] == ["s1-a1", "s1-a2", "s1-a3"]
    assert "copy" in entries[1].xpath(".//p[@class='copies']")[0].text_content()
    assert re.search(r"similarity \d\.\d\d", entries[1].text_content())
    assert "undated" in entries[2].text_content()
    assert tree.xpath("//section[@id='failures']//code/text()") == ["broken"]


def test_an_empty_digest_still_makes_a_page():
    out = io.StringIO()
    write_digest(Digest(stories=(), articles=0), "html", out)
    assert "No story" in lxml_html.document_fromstring(out.getvalue()).text_content()


# --- choosing the format ----------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "output", "expected"), [
    (None, "stories.html", "html"), (None, "STORIES.HTM", "html"), ("html", None, "html"), ("HTML", "-", "html"),
    (None, "stories.md", "markdown"), (None, None, "text"), ("json", "x.json", "json"),
])
def test_the_digest_format_comes_from_the_option_or_the_file_ending(fmt, output, expected):
    assert output_format(fmt, output, DIGEST_FORMATS) == expected


def test_a_format_against_the_ending_or_one_the_command_cannot_write_is_refused():
    with pytest.raises(UsageError, match=r"--format json does not fit the output file x\.html.* x\.json"):
        output_format("json", "x.html", DIGEST_FORMATS)
    with pytest.raises(UsageError, match=r"ends in \.html, which stands for html, a format this command does not "
                                         r"write; choose one of: text, json, jsonl, markdown, csv"):
        output_format(None, "x.html", FORMAT_NAMES)  # run writes records, not the digest page
    with pytest.raises(UsageError, match="unknown output format 'csv'"):
        output_format("csv", None, DIGEST_FORMATS)


def test_the_digest_command_writes_html_for_an_html_file_and_refuses_a_contradiction(fake_cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SHARED + "The council met on Monday. " * 3, encoding="utf-8")
    result = fake_cli("digest", str(folder), "-o", str(tmp_path / "d.html"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = fake_cli("digest", str(folder), "-f", "html", "--jobs", "1")
    assert result.exit_code == 0 and "<!DOCTYPE html>" in result.output
    result = fake_cli("digest", str(folder), "-f", "markdown", "-o", str(tmp_path / "d2.html"))
    assert result.exit_code == 2 and "--format markdown does not fit the output file" in result.output
    assert not (tmp_path / "d2.html").exists()
    result = fake_cli("run", str(folder), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "a format this command does not write" in result.output


# --- in a real browser ----------------------------------------------------------------------------------

def require_chromium() -> str:
    """Chromium's path; the test is skipped without it, or fails when $SUMMARIZER_REQUIRE_CHROMIUM=1 (CI)."""
    path = find_chromium()
    if path is None:
        reason = "Chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("SUMMARIZER_REQUIRE_CHROMIUM") == "1":
            pytest.fail(f"{reason}, and SUMMARIZER_REQUIRE_CHROMIUM=1 requires it")
        pytest.skip(reason)
    return path


def test_without_chromium_the_browser_tests_skip_unless_required(monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZER_CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.delenv("SUMMARIZER_REQUIRE_CHROMIUM", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        require_chromium()
    monkeypatch.setenv("SUMMARIZER_REQUIRE_CHROMIUM", "1")
    with pytest.raises(pytest.fail.Exception, match="SUMMARIZER_REQUIRE_CHROMIUM=1 requires it"):
        require_chromium()


@pytest.fixture(scope="module")
def browser():
    with Chromium(require_chromium(), width=1100, height=1400) as b:
        yield b


def check_in_browser(browser: Chromium, digest: Digest, path: Path) -> str:
    """Open the digest's page; it must load alone and quietly, show its stories, and have a layout."""
    with path.open("w", encoding="utf-8") as stream:
        write_digest(digest, "html", stream)
    seen = browser.load(path)
    assert seen.errors == [] and seen.failed == []  # a refused style sheet or resource would be listed
    assert seen.requests == [path.resolve().as_uri()]
    text = browser.evaluate("document.body.innerText")
    flat = " ".join(text.split())
    timelines = iter(browser.evaluate("[...document.querySelectorAll('.timeline')].map(e => e.innerText)"))
    for story in digest.stories:
        assert " ".join(story.label.split()) in flat
        if story.timeline:  # the timeline as rendered: its sentences, in order, each after its year
            shown = " ".join(next(timelines).split())
            positions = [shown.index(" ".join(e.sentence.split())) for e in story.timeline]
            assert positions == sorted(positions)
            assert all(shown.index(e.date[:4]) < p for e, p in zip(story.timeline, positions, strict=True))
    height = browser.evaluate("document.body.getBoundingClientRect().height")
    assert height > 0
    styled = browser.evaluate("getComputedStyle(document.querySelector('.timeline')).borderLeftStyle")
    assert styled == "solid"  # the style sheet was applied
    shot = path.with_suffix(".png")
    browser.screenshot(shot, 1400)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return text


def test_the_page_opens_quietly_in_chromium_and_shows_the_story_its_timeline_and_escaped_text(browser, digest,
                                                                                             tmp_path):
    text = check_in_browser(browser, digest, tmp_path / "digest.html")
    assert HOSTILE in text  # shown as text, not run
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.querySelectorAll('details').length") >= 1  # folding without script


def test_the_page_fits_a_phone_screen(browser, digest, tmp_path):
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True}, session=True)
    try:
        check_in_browser(browser, digest, tmp_path / "phone.html")
        assert browser.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the screen
    finally:
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1100, "height": 1400, "deviceScaleFactor": 1, "mobile": False}, session=True)


@pytest.mark.slow
def test_the_seeds_digest_opens_in_chromium(browser, real_summarizer, tmp_path):
    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    found = real_summarizer.digest(arts)
    text = check_in_browser(browser, found, tmp_path / "seeds.html")
    assert "Azerbaijan" in found.stories[0].label and "On October 3" in text
