"""The base install (`pip install newsroom-summarizer`, no extras) reads a web page end to end.

This file imports nothing from an optional extra, so `.ci/run` runs it in a venv that holds only
the base install and pytest, before the test extras are added: a run-time dependency missing
from `pyproject.toml` (as `lxml_html_clean` was when lxml 5.2 split it out) fails here first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_fffbc82ed73a2448.txt"


def _page_from_seed() -> str:
    """A news page around the first seed's body: navigation and footer a reader must drop."""
    lines = SEED.read_text(encoding="utf-8").split("\n\n")
    body = "\n".join(f"<p>{p.strip()}</p>" for p in lines[2:] if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Azerbaijani and Belarusian prime ministers meet in Minsk</title>
<meta name="author" content="Akbar Novruz">
<meta property="article:published_time" content="2024-10-04T11:44:00+04:00">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/business">Business</a></nav>
<article><h1>Azerbaijani and Belarusian prime ministers meet in Minsk</h1>
{body}
</article>
<footer>All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


@pytest.mark.slow
def test_base_install_reads_an_html_page_end_to_end(tmp_path: Path) -> None:
    page = tmp_path / "minsk.html"
    page.write_text(_page_from_seed(), encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "run", str(page), "--format", "json", "--quiet"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr
    (record,) = json.loads(done.stdout)
    assert record["error"] is None
    assert record["id"] == "minsk"
    assert record["title"] == "Azerbaijani and Belarusian prime ministers meet in Minsk"
    assert record["date"] == "2024-10-04"
    assert record["byline"] == "Akbar Novruz"
    text = SEED.read_text(encoding="utf-8")
    assert record["summary_sentences"], record
    for sentence in record["summary_sentences"]:  # from the page's body (the cleaner may drop a credit)
        assert sentence.rstrip(".") in text
    assert "Subscribe" not in record["summary"]
    assert record["topics"] and record["keywords"]
    people = {e["text"] for e in record["entities"] if e["type"] == "person"}
    assert {"Ali Asadov", "Roman Golovchenko"} <= people


@pytest.mark.slow
def test_base_install_writes_the_html_digest_from_its_installed_template(tmp_path: Path) -> None:
    page = tmp_path / "minsk.html"
    page.write_text(_page_from_seed(), encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(  # run outside the checkout: in CI the package (and its template) is the installed one
        [sys.executable, "-m", "summarizer", "digest", str(page), "-o", "stories.html", "--quiet"],
        capture_output=True, text=True, env=env, check=False, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "stories.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Azerbaijani and Belarusian prime ministers meet in Minsk" in html
