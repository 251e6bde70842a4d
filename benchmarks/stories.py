"""Stories: B-cubed precision, recall and F1 of the grouping on BBC News articles with story labels.

    python benchmarks/stories.py [--eval-dir ../shared/eval] [--distractors 300] [--cache /tmp/stories.pkl]
                                 [--thresholds 0.45,0.5,0.55,0.6,0.65]

The labels: BBC News (2004-05) has no story labels, so they were made by hand for this benchmark. The
2,225 titles were read and the running stories that several articles follow were listed (the Yukos
affair, the bids for the London Stock Exchange, the Fiat-GM put option, Kilroy-Silk's Veritas party,
Parmalat's collapse, the tsunami of December 2004 and its aid, The Aviator's awards season, the Elvis
reissues, The Da Vinci Code, the British Guantanamo detainees, the 2005 Lions squad, Kelly Holmes,
Spain's Davis Cup win, Mutu's sacking by Chelsea, Glazer's bid for Manchester United). Each story is a
title rule (below), written after reading the titles so that it matches the articles of that story and
no other (Moya's Davis Cup articles but not his other tournaments, "Da Vinci" but not a tennis player
called Vinci); running stories with no clear edge (Blunkett, Federer, GM) were left out. The labels
come from reading, not from the model; the default threshold was not tuned on them.
BBC articles carry no dates, so the time part of the score does not take part.

Prints B-cubed figures for the 115 labelled articles alone; then with ``--distractors`` other BBC
articles (a seeded sample) mixed in, scored twice: on the labelled articles only, and on all with each
distractor a story of its own (a lower bound: a distractor may belong to a labelled story that the
title rule missed, or share a story with another distractor); and how many distractors joined a
labelled story.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_data import EVAL_DIR, analyse, load_rows  # noqa: E402

STORIES = {
    "yukos": r"Yukos",
    "lse-bid": r"LSE|Euronext",
    "fiat-gm": r"Fiat-GM|evade Fiat|Fiat future",
    "veritas": r"Kilroy|Veritas",
    "parmalat": r"Parmalat",
    "tsunami": r"[Tt]sunami",
    "aviator": r"Aviator",
    "elvis": r"Elvis",
    "da-vinci": r"Da Vinci",
    "guantanamo": r"Guantanamo",
    "lions": r"Lions",
    "holmes": r"Holmes",
    "davis-cup": r"Moya .*Davis Cup win|Moya clinches Cup",
    "mutu": r"Mutu",
    "glazer": r"Glazer",
}
LEFT_OUT: set[str] = set()  # ids a rule matches that, read, belong to another story (none with these rules)


def bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (``pred``: item -> cluster)."""
    items = list(gold)
    by_cluster: dict[int, list[str]] = {}
    by_label: dict[str, list[str]] = {}
    for item in items:
        by_cluster.setdefault(pred[item], []).append(item)
        by_label.setdefault(gold[item], []).append(item)
    p = sum(sum(gold[o] == gold[i] for o in by_cluster[pred[i]]) / len(by_cluster[pred[i]]) for i in items) / len(items)
    r = sum(sum(pred[o] == pred[i] for o in by_label[gold[i]]) / len(by_label[gold[i]]) for i in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--distractors", type=int, default=300)
    parser.add_argument("--thresholds", default="0.45,0.5,0.55,0.6,0.65")
    parser.add_argument("--cache", type=Path, default=None, help="keep the analysed articles in this pickle")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()

    from dataclasses import replace

    from summarizer.records import Article
    from summarizer.stories.group import DEFAULT_STORY, group

    rows = load_rows(args.eval_dir, "bbc_news_summary.jsonl")
    gold: dict[str, str] = {}
    for row in rows:
        for story, rule in STORIES.items():
            if re.search(rule, row["title"]) and row["id"] not in LEFT_OUT:
                gold[row["id"]] = story
                break
    others = [r for r in rows if r["id"] not in gold]
    distractors = random.Random(16).sample(others, min(args.distractors, len(others)))
    chosen = [r for r in rows if r["id"] in gold] + distractors
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), source="bbc") for r in chosen]
    analysed, _seconds = analyse(articles, args.cache, args.jobs)
    labelled = [a for a in analysed if a.id in gold]
    print(f"{len(labelled)} labelled articles in {len(set(gold.values()))} stories; {len(distractors)} distractors")
    print("            labelled alone     | with distractors: labelled only | all, distractors alone")
    print("threshold   P     R     F1     |  P     R     F1   joined         |  P     R     F1")
    for t in (float(x) for x in args.thresholds.split(",")):
        weights = replace(DEFAULT_STORY, threshold=t)
        figures = []
        everyone = {a.id: gold.get(a.id, f"alone-{a.id}") for a in analysed}
        for pool in (labelled, analysed):
            clusters = group(pool, weights)
            pred = {pool[i].id: c for c, members in enumerate(clusters) for i in members}
            figures.append(bcubed(pred, gold))
        figures.append(bcubed(pred, everyone))  # pred: the clustering with the distractors
        stories_of = {c for item, c in pred.items() if item in gold}
        joined = sum(1 for item, c in pred.items() if item not in gold and c in stories_of)
        mark = " (default)" if abs(t - DEFAULT_STORY.threshold) < 1e-9 else ""
        (p1, r1, f1), (p2, r2, f2), (p3, r3, f3) = figures
        print(f"{t:<9.2f}   {p1:.3f} {r1:.3f} {f1:.3f}  |  {p2:.3f} {r2:.3f} {f2:.3f} {joined:5d}          |  "
              f"{p3:.3f} {r3:.3f} {f3:.3f}{mark}")


if __name__ == "__main__":
    main()
