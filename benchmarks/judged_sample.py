"""A judged sample: records an editor reads, and the figures of the editor's verdicts.

    python benchmarks/judged_sample.py make OUT.jsonl [--eval ../shared/eval] [--seed N]
    python benchmarks/judged_sample.py score JUDGED.jsonl [JUDGED2.jsonl ...]
    python benchmarks/judged_sample.py mix BEFORE.jsonl AFTER.jsonl DIR [--seed N]
    python benchmarks/judged_sample.py unmix DIR VERDICTS_A.jsonl VERDICTS_B.jsonl BEFORE_OUT AFTER_OUT

``make`` picks 40 articles of four kinds from the evaluation data, always the same ones (ids
chosen by a fixed seed), runs the default pipeline on them and writes, per article, the input as
the pipeline read it and the record it wrote. The four kinds, ten each:

- ``wire``: a short BBC business or KPCrowd item laid out as wire copy, hard-wrapped at 68
  columns with indented paragraphs and its headline in capitals on the first line (the
  evaluation data has no wire copy of its own);
- ``bbc``, ``kpcrowd``, ``summeval``: the articles as the data gives them.

A judge who did not write the code reads OUT.jsonl and writes one JSON line per article, by
the rubric in ``benchmarks/judged/rubric.md``. ``score`` prints the rubric's table for each
judged file. The judged files kept in ``benchmarks/judged/`` hold the verdicts and the
judged keyphrases, topics and entities, not the articles (the evaluation data stays outside
the project); ``make`` rebuilds the records from the data.

Blind judging of a change: ``make`` the sample on the old and on the new code, then ``mix``
them for two judges. Each judge gets half the articles of each kind, both versions of each, in a
shuffled order under new ids (``DIR/judgeA.jsonl``, ``DIR/judgeB.jsonl``), so no judge knows
which record is old or new; ``DIR/key.json`` says, and ``unmix`` turns the two judges' verdicts
back into a judged file per version (with the article ids, and each verdict's judge), for ``score``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from pathlib import Path

DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
KINDS = ("wire", "bbc", "kpcrowd", "summeval")
PER_KIND = 10
SEED = 20261128


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def pick(eval_dir: Path, seed: int = SEED) -> list[tuple[str, dict]]:
    """The sample: (kind, article) pairs, ten of each kind, the same on every run.

    Another ``seed`` gives another sample with none of the judged sample's articles: a
    development sample to read while changing the code, so the judged one stays unseen.
    """
    rng = random.Random(seed)
    bbc = _rows(eval_dir / "bbc_news_summary.jsonl")
    kpcrowd = _rows(eval_dir / "kpcrowd_500n.jsonl")
    summeval = _rows(eval_dir / "summeval_cnndm.jsonl")
    short = [r for r in bbc if r["id"].startswith("bbc-business") and len(r["text"].split()) <= 300]
    short += [r for r in kpcrowd if r.get("title") and len(r["text"].split()) <= 300]
    judged: set[str] = set()
    if seed != SEED:
        judged = {r["id"] for _, r in pick(eval_dir)}
        short = [r for r in short if r["id"] not in judged]
    wire = rng.sample(sorted(short, key=lambda r: r["id"]), PER_KIND)
    taken = {r["id"] for r in wire} | judged
    out = [("wire", r) for r in wire]
    for kind, rows in (("bbc", bbc), ("kpcrowd", kpcrowd), ("summeval", summeval)):
        pool = sorted((r for r in rows if r["id"] not in taken), key=lambda r: r["id"])
        out += [(kind, r) for r in rng.sample(pool, PER_KIND)]
    return out


def as_wire(article: dict) -> str:
    """The article as wire copy: a capitals headline, paragraphs indented and wrapped at 68 columns."""
    paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    body = "\n".join(textwrap.fill(p, 68, initial_indent="    ", break_on_hyphens=False) for p in paragraphs)
    return f"{article['title'].upper()}\n{body}\n  REUTER\n"


def make(out_path: Path, eval_dir: Path, seed: int = SEED) -> None:
    from summarizer import Summarizer
    from summarizer.records import Article

    sample = pick(eval_dir, seed)
    articles = []
    inputs = {}
    for kind, row in sample:
        if kind == "wire":
            text, title = as_wire(row), None
        else:
            text, title = row["text"], row.get("title")
        inputs[row["id"]] = (kind, text, title)
        articles.append(Article(id=row["id"], text=text, title=title, source=f"{kind}:{row['id']}"))
    with Summarizer(jobs=1) as s, out_path.open("w", encoding="utf-8") as fh:
        for result in s.summarize_batch(articles):
            kind, text, title = inputs[result.id]
            record = result.to_dict()
            fh.write(json.dumps({"id": result.id, "kind": kind, "input_title": title, "input_text": text,
                                 "record": record}, ensure_ascii=False) + "\n")
    print(f"wrote {len(articles)} records to {out_path}", file=sys.stderr)


def score(path: Path) -> dict:
    """The rubric's figures for one judged file."""
    rows = _rows(path)
    by_kind: dict[str, list[float]] = {}
    lead_better = first_right = 0
    topic_points = topic_n = junk = keyphrases = wrong_entities = entities = 0.0
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row["summary_score"])
        lead_better += row["lead3"] == "better"
        topics = row.get("topics", [])
        first_right += bool(topics) and topics[0]["verdict"] == "right"
        for t in topics:
            topic_points += {"right": 1.0, "doubtful": 0.5}.get(t["verdict"], 0.0)
            topic_n += 1
        for k in row.get("keyphrases", []):
            junk += k["verdict"] == "junk"
            keyphrases += 1
        for e in row.get("entities", []):
            wrong_entities += e["verdict"] == "wrong"
            entities += 1
    scores = [s for v in by_kind.values() for s in v]
    return {
        "articles": len(rows),
        "summary_mean": round(sum(scores) / len(scores), 2),
        "summary_by_kind": {k: round(sum(v) / len(v), 2) for k, v in sorted(by_kind.items())},
        "lead3_better": int(lead_better),
        "first_topic_right": int(first_right),
        "topic_labels_right_pct": round(100 * topic_points / max(topic_n, 1), 1),
        "junk_keyphrases_pct": round(100 * junk / max(keyphrases, 1), 1),
        "wrong_entities_pct": round(100 * wrong_entities / max(entities, 1), 1),
    }


def mix(before: Path, after: Path, out_dir: Path, seed: int = 4711) -> dict[str, list[str]]:
    """Two judges' files of both versions' records, shuffled under new ids, and the key (see the module's text)."""
    old = {r["id"]: r for r in _rows(before)}
    new = {r["id"]: r for r in _rows(after)}
    if old.keys() != new.keys():
        raise SystemExit(f"{before} and {after} must hold the records of the same articles")
    rng = random.Random(seed)
    halves: dict[str, list[str]] = {"A": [], "B": []}
    for kind in sorted({r["kind"] for r in old.values()}):
        ids = sorted(i for i, r in old.items() if r["kind"] == kind)
        rng.shuffle(ids)
        halves["A"] += ids[: len(ids) // 2]
        halves["B"] += ids[len(ids) // 2 :]
    out_dir.mkdir(parents=True, exist_ok=True)
    key: dict[str, list[str]] = {}
    for judge, ids in halves.items():
        items = [(i, "before", old[i]) for i in ids] + [(i, "after", new[i]) for i in ids]
        rng.shuffle(items)
        with (out_dir / f"judge{judge}.jsonl").open("w", encoding="utf-8") as fh:
            for i, version, row in items:
                blind = f"x{len(key) + 1:03d}"
                key[blind] = [i, version, judge]
                fh.write(json.dumps({**row, "id": blind}, ensure_ascii=False) + "\n")
    (out_dir / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{len(key)} records for two judges in {out_dir}", file=sys.stderr)
    return key


def unmix(out_dir: Path, verdicts: list[Path], before_out: Path, after_out: Path) -> None:
    """The judges' verdicts as one judged file per version, under the articles' ids (judges' notes left out)."""
    key = json.loads((out_dir / "key.json").read_text(encoding="utf-8"))
    found: dict[str, list[dict]] = {"before": [], "after": []}
    for path in verdicts:
        for row in _rows(path):
            if row.get("id") not in key:
                raise SystemExit(f"{path}: the id {row.get('id')!r} is not in {out_dir / 'key.json'}")
            article, version, judge = key[row["id"]]
            found[version].append({**{k: v for k, v in row.items() if k != "notes"}, "id": article, "judge": judge})
    missing = len(key) - sum(len(v) for v in found.values())
    if missing:
        print(f"warning: {missing} of the {len(key)} mixed records have no verdict", file=sys.stderr)
    for version, path in (("before", before_out), ("after", after_out)):
        with path.open("w", encoding="utf-8") as fh:
            for row in sorted(found[version], key=lambda r: r["id"]):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{version}: {len(found[version])} verdicts -> {path}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make", help="run the pipeline on the sample and write the records to judge")
    m.add_argument("out", type=Path)
    m.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the evaluation data folder")
    m.add_argument("--seed", type=int, default=SEED,
                   help=f"another seed than {SEED} picks a development sample that shares no article with the judged one")
    sc = sub.add_parser("score", help="print the figures of judged files")
    sc.add_argument("judged", type=Path, nargs="+")
    mx = sub.add_parser("mix", help="mix two versions' records for two blind judges")
    mx.add_argument("before", type=Path)
    mx.add_argument("after", type=Path)
    mx.add_argument("dir", type=Path)
    mx.add_argument("--seed", type=int, default=4711, help="the shuffle's seed")
    um = sub.add_parser("unmix", help="the two judges' verdicts as one judged file per version")
    um.add_argument("dir", type=Path)
    um.add_argument("verdicts_a", type=Path)
    um.add_argument("verdicts_b", type=Path)
    um.add_argument("before_out", type=Path)
    um.add_argument("after_out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "make":
        make(args.out, args.eval, args.seed)
    elif args.command == "mix":
        mix(args.before, args.after, args.dir, args.seed)
    elif args.command == "unmix":
        unmix(args.dir, [args.verdicts_a, args.verdicts_b], args.before_out, args.after_out)
    else:
        for path in args.judged:
            print(path.name, json.dumps(score(path), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
