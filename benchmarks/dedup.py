"""Near-duplicates: are altered copies of evaluation articles found, and are different articles kept apart?

    python benchmarks/dedup.py [--eval-dir ../shared/eval] [--n 500] [--cache /tmp/dedup.pkl]

Takes N originals (BBC News, KPCrowd and SummEval/CNN-DM articles, in that mix) and makes one altered
copy of each, with two of: another headline on the first line, boilerplate added (a subscription line,
a share line, a copyright line), a third of the paragraphs cut (or of the sentences, for a one-paragraph
text), the paragraphs reordered, one sentence rewritten (words swapped for synonyms, clauses turned
round). All 2N articles go through the real per-article pass, then ``find_duplicates``. Prints the share
of copies grouped with their original (recall), the groups that hold two different originals (false
merges), by alteration, and the originals the source data itself holds twice (same title and text).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_data import EVAL_DIR, analyse, load_rows  # noqa: E402

BOILERPLATE_TOP = ["Subscribe to our newsletter for the latest news and analysis.",
                   "Advertisement", "Share this article on Facebook, Twitter and WhatsApp."]
BOILERPLATE_END = ["© 2024 News Agency. All rights reserved. This material may not be published, broadcast, "
                   "rewritten or redistributed.", "Follow us on social networks for more stories like this.",
                   "Related: more from our correspondents in the region."]
SYNONYMS = {"said": "stated", "says": "states", "told": "informed", "big": "large", "large": "big",
            "also": "additionally", "but": "however", "show": "indicate", "shows": "indicates", "new": "fresh",
            "help": "assist", "about": "around", "buy": "purchase", "start": "begin", "started": "began",
            "people": "individuals", "government": "administration", "company": "firm", "firm": "company",
            "increase": "rise", "rose": "climbed", "fell": "dropped", "expected": "forecast"}
KINDS = ("headline", "boilerplate", "cut", "reorder", "rewrite")


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def rewrite_sentence(text: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    long = [i for i, s in enumerate(sentences) if len(s.split()) >= 8]
    if not long:
        return text
    i = rng.choice(long)
    words = sentences[i].split()
    swapped = [SYNONYMS.get(w.lower(), w) for w in words]
    if swapped == words:  # nothing to swap: drop two words from the middle
        del swapped[len(swapped) // 2 : len(swapped) // 2 + 2]
    new = " ".join(swapped)
    if ", " in new:  # turn the clauses round
        head, _, tail = new.partition(", ")
        new = tail.rstrip(".!?").capitalize() + ", " + head[0].lower() + head[1:] + "."
    sentences[i] = new
    return " ".join(sentences)


def alter(text: str, title: str | None, kinds: tuple[str, ...], rng: random.Random) -> tuple[str, str | None]:
    paras = paragraphs(text)
    if "cut" in kinds:
        if len(paras) >= 3:
            drop = set(rng.sample(range(1, len(paras)), max(1, len(paras) // 3)))
            paras = [p for i, p in enumerate(paras) if i not in drop]
        else:
            sents = re.split(r"(?<=[.!?])\s+", " ".join(paras))
            paras = [" ".join(sents[: max(2, len(sents) * 2 // 3)])]
    if "reorder" in kinds and len(paras) > 1:
        rest = paras[1:]
        rng.shuffle(rest)
        paras = [paras[0], *rest] if rng.random() < 0.5 else [*rest, paras[0]]
    if "rewrite" in kinds:
        k = rng.randrange(len(paras))
        paras[k] = rewrite_sentence(paras[k], rng)
    if "boilerplate" in kinds:
        paras = [rng.choice(BOILERPLATE_TOP), *paras, rng.choice(BOILERPLATE_END)]
    new_title = title
    if "headline" in kinds:
        new_title = "UPDATE: " + (title or "Latest") + " - sources"
        paras = [new_title, *paras]
    return "\n\n".join(paras), new_title


def originals(eval_dir: Path, n: int) -> list[dict]:
    share = {"bbc_news_summary.jsonl": n // 2, "kpcrowd_500n.jsonl": n * 3 // 10}
    share["summeval_cnndm.jsonl"] = n - sum(share.values())
    rows = []
    for name, k in share.items():
        rows.extend(load_rows(eval_dir, name)[:k])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--n", type=int, default=500, help="originals (each gets one altered copy)")
    parser.add_argument("--cache", type=Path, default=None, help="keep the analysed articles in this pickle")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    from summarizer.records import Article
    from summarizer.stories.dedup import find_duplicates, shingles

    rng = random.Random(args.seed)
    rows = originals(args.eval_dir, args.n)
    articles, kinds_of = [], {}
    for k, row in enumerate(rows):
        articles.append(Article(id=f"o{k}", text=row["text"], title=row.get("title"), source=row["id"]))
    for k, row in enumerate(rows):
        kinds = tuple(rng.sample(KINDS, 2))
        text, title = alter(row["text"], row.get("title"), kinds, rng)
        kinds_of[f"c{k}"] = kinds
        articles.append(Article(id=f"c{k}", text=text, title=title, source=f"copy of {row['id']}"))
    analysed, seconds = analyse(articles, args.cache, args.jobs)
    groups = find_duplicates(analysed)
    group_of = {}
    for g, group in enumerate(groups):
        for member in (group.kept, *(c.id for c in group.copies)):
            group_of[member] = g
    # Originals the source data holds twice (same title and text): grouping them is right.
    same = Counter((r.get("title"), " ".join(r["text"].split())) for r in rows)
    twin_of = {f"o{k}": (r.get("title"), " ".join(r["text"].split())) for k, r in enumerate(rows)}
    found: Counter[bool] = Counter()
    by_kind_hit: Counter[str] = Counter()
    by_kind_all: Counter[str] = Counter()
    for k in range(len(rows)):
        hit = group_of.get(f"c{k}") is not None and group_of.get(f"c{k}") == group_of.get(f"o{k}")
        found[hit] += 1
        for kind in kinds_of[f"c{k}"]:
            by_kind_all[kind] += 1
            by_kind_hit[kind] += hit
    # Groups that hold more than one original: either the source's own copies (syndicated versions of one
    # wire story, which it holds under other ids) or a false merge. Each is printed to be judged.
    byid = {a.id: a for a in analysed}
    merged = []
    for group in groups:
        members = [group.kept, *(c.id for c in group.copies)]
        origs = sorted({m.replace("c", "o", 1) for m in members}, key=lambda o: int(o[1:]))
        origs = list({twin_of[o]: o for o in origs}.values())  # the source's exact twins count once
        for a, b in zip(origs, origs[1:]):
            sa, sb = shingles(byid[a].text, 4), shingles(byid[b].text, 4)
            merged.append((a, b, len(sa & sb) / max(1, min(len(sa), len(sb)))))
    twins = sum(c - 1 for c in same.values() if c > 1)
    print(f"originals {len(rows)}, altered copies {len(rows)}, articles analysed {len(analysed)} "
          f"(per-article pass {seconds:.0f} s{', from the cache' if not seconds else ''})")
    print(f"copies grouped with their original: {found[True]} of {len(rows)} ({100 * found[True] / len(rows):.1f}%)")
    for kind in KINDS:
        print(f"  with {kind:<11} {by_kind_hit[kind]:>4} of {by_kind_all[kind]:>4} "
              f"({100 * by_kind_hit[kind] / max(1, by_kind_all[kind]):.1f}%)")
    print(f"groups {len(groups)}; originals the source holds twice (same title and text), grouped as they should "
          f"be: {twins}")
    print(f"pairs of different originals grouped: {len(merged)}; share of the shorter one's 4-word runs found "
          f"verbatim in the other:")
    for a, b, share in merged:
        print(f"  {share:5.2f}  {rows[int(a[1:])]['id']} {rows[int(a[1:])].get('title')!r}")
        print(f"         {rows[int(b[1:])]['id']} {rows[int(b[1:])].get('title')!r}")


if __name__ == "__main__":
    main()
