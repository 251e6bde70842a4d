"""How often the summary departs from Lead-3, beside its ROUGE, on evaluation files; and what changed between two runs.

    python benchmarks/lead3.py run OUT.json DATA.jsonl [DATA2.jsonl ...]
    python benchmarks/lead3.py diff BEFORE.json AFTER.json

``run`` summarises every article of each file with the default extractive settings (one topic
and one keyphrase, which the summary does not depend on, to save time), prints ROUGE-1/2/Lsum
F1 against the first reference and the share of summaries that are not the article's first
sentences, and writes each article's summary sentences to OUT.json. ``diff`` prints the
summaries that differ between two such files, to read as an editor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def run(out: Path, paths: list[Path]) -> None:
    from summarizer import Summarizer
    from summarizer.evaluate import _first_reference, _rouge_scorer, read_rows, rouge_scores

    summaries: dict[str, list[str]] = {}
    scorer = _rouge_scorer()
    with Summarizer(jobs=1, topics=1, keywords=1) as s:
        for path in paths:
            rows, _ = read_rows(path)
            articles = [r.article for r in rows]
            results = list(s.summarize_batch(articles))
            references = [_first_reference(r.row) or "" for r in rows]
            split = s.sentences(articles + references)
            totals: dict[str, float] = {}
            departs = 0
            for row, result, sentences, reference in zip(rows, results, split, split[len(rows):]):
                ours = list(result.summary_sentences) if result.ok else []
                departs += ours != sentences[: len(ours)]
                for name, value in rouge_scores("\n".join(ours), "\n".join(reference), scorer).items():
                    totals[name] = totals.get(name, 0.0) + value
                summaries[f"{path.stem}:{row.article.id}"] = ours
            n = len(rows)
            rouge = " ".join(f"{name} {value / n:.2f}" for name, value in totals.items())
            print(f"{path.name}: {n} articles, {rouge}, departs from Lead-3 in {departs} ({100 * departs / n:.1f}%)")
    out.write_text(json.dumps(summaries, ensure_ascii=False), encoding="utf-8")


def diff(before: Path, after: Path) -> None:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    changed = [key for key in b if a.get(key) != b[key]]
    for key in changed:
        print(f"== {key}")
        print("\n".join(f"  - {s}" for s in a.get(key, [])))
        print("\n".join(f"  + {s}" for s in b[key]))
    print(f"{len(changed)} of {len(b)} summaries changed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="summarise, print ROUGE and departures from Lead-3, write the summaries")
    r.add_argument("out", type=Path)
    r.add_argument("data", type=Path, nargs="+")
    d = sub.add_parser("diff", help="print the summaries that differ between two runs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "run":
        run(args.out, args.data)
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
