"""The command line. It only translates: options -> Settings -> Pipeline -> writer; errors -> exit codes.

Heavy libraries (torch, transformers, spaCy) are imported only when a command runs, so that
``summarizer --help`` stays fast.
"""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import click

from . import __version__
from .errors import ExitCode, SummarizerError, UsageError
from .formats import DEFAULT_FORMAT, FORMAT_NAMES, endings_help, output_format
from .records import Result
from .settings import (
    DEFAULT_EMBEDDER,
    DEVICES,
    DTYPES,
    EMBEDDER_DEVICES,
    EMBEDDER_PRECISIONS,
    GEN_BATCH_SIZES,
    LONG_METHODS,
    Settings,
    quiet_model_libraries,
)
from .stories.writers import DIGEST_FORMATS

log = logging.getLogger("summarizer")

_DEFAULTS = Settings()  # the options' defaults are the library's

_embedder_device_option = click.option(
    "--embedder-device", type=click.Choice(EMBEDDER_DEVICES), default=_DEFAULTS.embedder_device, show_default=True,
    help="Where the embedding model runs. On cuda or mps, sentence-transformers runs it with PyTorch, which must be "
         "installed with support for that GPU; its vectors are the model's float32 ones, as with "
         "--embedder-precision fp32 on the CPU.")

#: "...json: json, .jsonl or .ndjson: jsonl, ..." for the help of --format
_ENDINGS = endings_help(FORMAT_NAMES)


def _setup_logging(verbose: int) -> None:
    """Our messages go to stderr through the 'summarizer' logger; the model libraries stay quiet."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("summarizer: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False
    if verbose < 2:  # the model libraries print their own loading bars and notices; keep stderr for ours
        quiet_model_libraries()
        transformers = sys.modules.get("transformers")
        if transformers is not None:  # imported already (by a caller of main())
            transformers.utils.logging.disable_progress_bar()
            transformers.utils.logging.set_verbosity_error()


def _fail(message: str, code: ExitCode, exc: BaseException | None = None, show_traceback: bool = False) -> NoReturn:
    if show_traceback and exc is not None:
        traceback.print_exception(exc)
    click.echo(f"summarizer: error: {message}", err=True)
    sys.exit(int(code))


def _model_options(command: Any) -> Any:
    """The options of abstractive summaries, shared by 'run' and 'eval'."""
    options = [
        click.option("--model", default=None, metavar="NAME_OR_PATH",
                     help="Write abstractive summaries with this generative model: a Hugging Face hub id (e.g. "
                          "facebook/bart-large-cnn), a local model folder or a .gguf file. Encoder-decoder "
                          "summarisers (BART, PEGASUS, T5) and causal instruction models both work. Default: "
                          "extractive summaries."),
        click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True,
                     help="Where the --model runs (auto: cuda, then mps, then cpu)."),
        click.option("--dtype", type=click.Choice(DTYPES), default="auto", show_default=True,
                     help="Precision of the --model's weights (auto: float32 on CPU, 16-bit on a GPU)."),
        click.option("--gen-batch-size", type=click.IntRange(1, 1024), default=Settings().gen_batch_size,
                     help=f"Texts the --model summarises together in one call. Default: by the device, "
                          f"{GEN_BATCH_SIZES['cpu']} on a CPU (where a batch is slower than one text at a time) and "
                          f"{GEN_BATCH_SIZES['cuda']} on a GPU."),
        click.option("--max-new-tokens", type=click.IntRange(8, 4096), default=160, show_default=True,
                     help="Longest summary the --model may write, in tokens (greedy decoding)."),
        click.option("--max-input-tokens", type=click.IntRange(16, None), default=None,
                     help="Give the --model at most this many tokens per call, prompt included (default: its "
                          "context length). Longer articles are handled by --long."),
        click.option("--long", "long_method", type=click.Choice(LONG_METHODS), default="select", show_default=True,
                     help="An article longer than the --model's context is never cut: 'select' gives the model its "
                          "most salient sentences that fit, in article order; 'mapreduce' summarises it in "
                          "chunks, then summarises the chunks' summaries."),
        click.option("--faithful/--no-faithful", default=True, show_default=True,
                     help="Replace a --model summary that names people, places, organisations or numbers the "
                          "article does not by the extractive one (--no-faithful keeps it, with a warning)."),
        click.option("--allow-pickle", is_flag=True,
                     help="Let the --model load pickle weights (.bin, .pt, .ckpt), which can run code when "
                          "loaded. Without it only safetensors and GGUF weights are loaded."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _model_settings(model: str | None, device: str, dtype: str, gen_batch_size: int | None, max_new_tokens: int,
                    max_input_tokens: int | None, long_method: str, faithful: bool,
                    allow_pickle: bool) -> dict[str, Any]:
    return {"model": model, "device": device, "dtype": dtype, "gen_batch_size": gen_batch_size,
            "max_new_tokens": max_new_tokens, "max_input_tokens": max_input_tokens, "long": long_method,
            "faithful": faithful, "allow_pickle": allow_pickle}


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="summarizer")
def main() -> None:
    """Summaries, IPTC topics, keywords and named entities for news articles.

    Works offline with the models it installs. Start with:

        summarizer run seeds/
    """


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--url-list", default=None, metavar="FILE",
              help="Also read the web pages whose addresses are in FILE (- for standard input): one address a "
                   "line, UTF-8; blank lines and lines starting with # are skipped. Their records come after those "
                   "of INPUT..., in the order of the list.")
@click.option("-f", "--format", "fmt", default=None,
              type=click.Choice(FORMAT_NAMES, case_sensitive=False),
              help=f"Output format. Default: the one the --output file's name ends in ({_ENDINGS}), else "
                   f"{DEFAULT_FORMAT}. A --format that contradicts the ending (-f csv -o x.json) is refused.")
@click.option("-o", "--output", type=click.Path(writable=True), default=None,
              help="Write to FILE instead of standard output; its ending chooses the format unless --format is "
                   "given. jsonl records go into FILE as they are made, so an interrupted run keeps them (see "
                   "--resume); the other formats are written atomically (a temporary file renamed when done).")
@click.option("--resume", is_flag=True,
              help="With --format jsonl --output FILE: keep the records already in FILE, skip the inputs whose "
                   "id is there and append the records of the others. Records of earlier runs are kept whether "
                   "they succeeded or failed: an article with an error record is not tried again (delete its "
                   "line to retry it). An incomplete last line left by a killed run is removed. Without "
                   "--resume an existing FILE is replaced.")
@click.option("-n", "--sentences", type=click.IntRange(1, 50), default=3, show_default=True,
              help="Maximum number of sentences in each summary.")
@click.option("-w", "--max-words", type=click.IntRange(1, 10_000), default=None,
              help="Word budget for each summary (whole sentences only; the best sentence is always kept).")
@click.option("--topics", "n_topics", type=click.IntRange(1, 20), default=_DEFAULTS.topics, show_default=True,
              help="Most IPTC Media Topics labels per article. Fewer come out when the article does not name "
                   "further ones, or they fit less well than --topic-min-share of the first (-v says so), and none "
                   "when the text resembles no news topic (--topic-min-score).")
@click.option("--topic-min-share", type=click.FloatRange(0, 1), default=_DEFAULTS.topic_min_share, show_default=True,
              metavar="SHARE",
              help="Give a topic after the first only when its similarity to the article is at least this share of "
                   "the first topic's, so that a story about one thing is not padded with weaker guesses. 0: as many "
                   "as --topics when the article names that many.")
@click.option("--topic-min-score", type=click.FloatRange(0, 1), default=_DEFAULTS.topic_min_score, show_default=True,
              metavar="SCORE",
              help="The evidence floor: a text of fewer than 20 words, or not in English, whose best similarity to "
                   "any IPTC topic is below this gets no topics and a warning (placeholder text, a few words of "
                   "nonsense). Longer English texts always get topics. 0: always give topics.")
@click.option("--no-topic-calibration", is_flag=True,
              help="Choose topics by similarity to the IPTC concepts alone, without the correction learned from "
                   "newsroom-labelled articles. IPTC files gadget, software and internet stories under "
                   "'economy, business and finance'; the correction puts them under 'science and technology', "
                   "as news desks do.")
@click.option("--keywords", "n_keywords", type=click.IntRange(1, 50), default=10, show_default=True,
              help="Maximum number of keyphrases per article.")
@click.option("--embedder", default=None, metavar="NAME_OR_PATH",
              help=f"Sentence-transformers model (hub name or local folder). Default: the packaged "
                   f"{DEFAULT_EMBEDDER}, which needs no network. Also read from $SUMMARIZER_EMBEDDER.")
@click.option("--embedder-precision", type=click.Choice(EMBEDDER_PRECISIONS), default=None,
              help="Weights of the embedding model on ONNX Runtime: int8 (the default: about 2 x faster, the "
                   "same evaluation figures within 0.3 points, each text's vectors the same in any batch) or fp32 (the model's exact vectors). Also read "
                   "from $SUMMARIZER_EMBEDDER_PRECISION.")
@_embedder_device_option
@click.option("--batch-size", type=click.IntRange(1, 4096), default=32, show_default=True,
              help="Articles processed together in one model pass (the first batch: a quarter of them).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes that share the text analysis (sentences, names, phrases) of each batch, this one "
                   "included; each extra one holds its own copy of the language model (about 200 MB). The "
                   "embedding model already uses every core. Default: one per CPU core, at most 4, on Linux; "
                   "1 elsewhere.")
@click.option("--max-input-bytes", type=click.IntRange(1, None), default=20_000_000, show_default=True,
              help="Inputs larger than this many bytes are reported as errors instead of being read.")
@click.option("--max-sentence-words", type=click.IntRange(5, None), default=150, show_default=True,
              help="Longer sentences are cut to this many words before the model reads them and are not used "
                   "in summaries (with a warning).")
@click.option("--max-chars", type=click.IntRange(1000, None), default=1_000_000, show_default=True,
              help="Only this many characters of an article are analysed (with a warning when it is longer).")
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the on-disk caches (topic embeddings, and finished records, which make a "
                   "re-run of the same articles with the same settings cost no model work).")
@click.option("--story-fields", is_flag=True,
              help="Add to each record a 'story' object: the article's vectors, its sentences and the dates it "
                   "names, which 'summarizer digest --from-records' reads to group the articles into stories "
                   "without running the models again. Makes each record about 30 kB larger (a 600-word article); "
                   "use it with --format jsonl.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", count=True, help="More log messages on standard error (-vv for debugging).")
@click.option("--traceback", "show_traceback", is_flag=True, help="Show the full Python traceback of errors.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this process. ray: Ray Data, with one model-holding actor per CPU of a Ray cluster "
                   "(see --ray-address) or of a local Ray instance. With ray, INPUT must be .jsonl, .ndjson or "
                   ".parquet files, folders or patterns, and --output a new or empty FOLDER, which Ray fills with "
                   "part-00000-<id>.jsonl, part-00001-<id>.jsonl... in input order (part-*.parquet when FOLDER "
                   "ends in .parquet). Needs Ray Data: pip install 'ray[data]'.")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="With --engine ray: the Ray cluster to run on, e.g. auto or ray://head-node:10001 (default: "
                   "$RAY_ADDRESS, else a new local Ray instance). Inputs and output must be on storage that "
                   "every node of the cluster sees.")
@_model_options
def run(inputs: tuple[str, ...], fmt: str, output: str | None, sentences: int, max_words: int | None,
        n_topics: int, topic_min_share: float, topic_min_score: float, no_topic_calibration: bool, n_keywords: int, embedder: str | None,
        embedder_precision: str | None, embedder_device: str, batch_size: int,
        jobs: int | None, max_input_bytes: int, max_sentence_words: int, max_chars: int, no_cache: bool,
        story_fields: bool, quiet: bool, verbose: int, show_traceback: bool, resume: bool, engine: str,
        ray_address: str | None,
        url_list: str | None, **model_options: Any) -> None:
    """Summarise every article in INPUT... and print one record per article.

    INPUT is a file (.txt, .md, .html, .htm, .jsonl, .json), a folder (read recursively), a glob
    pattern such as 'news/**/*.html', - for standard input, or a web address (http:// or
    https://). JSON Lines rows need a "text" field and may have "id", "title", "date", "url".
    A "date" is read as written ("2005-03-03", "March 3, 2005"); one that is ambiguous
    (03/04/2005), lacks a day or is no date is left out, with a warning.

    Web pages are downloaded several at a time (at most 2 from one site), each within 60
    seconds; the records keep the order of the inputs.

    With --output FILE.jsonl, an interrupted run (Ctrl-C) leaves complete records in FILE; run
    the same command again with --resume to do the rest.

    Exit status: 0 when every article succeeded, 1 when some failed (each failure is a record
    with an "error"; with --resume, records kept from earlier runs count too), 2 for a usage
    error, 130 when interrupted.
    """
    _setup_logging(verbose)
    from .api import Summarizer
    from .formats import get_writer, iter_inputs
    from .formats.output import open_live_output, open_output
    from .resume import SkipDone, prepare

    if not inputs and url_list is None:
        raise click.UsageError("Missing argument 'INPUT...': give at least one file, folder, pattern, - or web "
                               "address, or a list of web addresses with --url-list FILE.")
    if url_list == "-" and "-" in inputs:
        raise click.UsageError("standard input can be read only once: give either - as an INPUT or --url-list -, "
                               "not both.")
    if engine == "ray" or ray_address:
        _check_ray_options(engine, fmt, output, resume, ray_address, url_list)
        fmt = "jsonl"  # Ray writes JSON Lines (or Parquet) into a folder, whatever its name
    else:
        try:
            fmt = output_format(fmt, output)  # -f, else the --output file's ending, else text; "JSON" works too
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
    to_file = output is not None and output != "-"
    if to_file and engine != "ray" and Path(output).is_dir():  # type: ignore[arg-type]
        raise click.UsageError(f"--output {output} is a folder; give a file name (only --engine ray writes into a "
                               f"folder).")
    live = to_file and fmt == "jsonl"  # records go into the file one by one, not through a temporary file
    if resume and not to_file:
        raise click.UsageError("--resume needs --output FILE: it continues the JSON Lines file of an earlier run.")
    if resume and fmt != "jsonl":
        raise click.UsageError(f"--resume works only with JSON Lines (an --output file ending in .jsonl, or "
                               f"--format jsonl), not {fmt}: only a JSON Lines file can be continued.")
    try:
        settings = Settings.from_env(sentences=sentences, max_words=max_words, topics=n_topics,
                                     topic_min_share=topic_min_share, topic_min_score=topic_min_score,
                                     topic_calibration=not no_topic_calibration, keywords=n_keywords,
                                     embedder=embedder, embedder_precision=embedder_precision,
                                     embedder_device=embedder_device, batch_size=batch_size, jobs=jobs, max_input_bytes=max_input_bytes, max_sentence_words=max_sentence_words,
                                     max_chars=max_chars, use_cache=not no_cache, story_fields=story_fields,
                                     **_model_settings(**model_options))
    except UsageError as exc:
        _fail(str(exc), ExitCode.USAGE, exc, show_traceback)
    if engine == "ray":
        _run_on_ray(inputs, output or "", settings, ray_address, quiet, verbose, show_traceback)
    target = output or "-"  # the output file when to_file
    if live:
        _refuse_output_among_inputs(target, inputs)
    skip: SkipDone | None = None
    kept = 0
    if resume:
        try:
            found, warnings = prepare(target)
        except UsageError as exc:
            _fail(str(exc), ExitCode.USAGE, exc, show_traceback)
        for warning in warnings:
            log.warning("%s", warning)
        skip, kept = SkipDone(found.done), found.records
    urls: list[str] = []
    if url_list is not None:
        from .formats.url import read_url_list

        try:
            urls = read_url_list(url_list, _binary_stdin())
        except UsageError as exc:
            _fail(str(exc), ExitCode.USAGE, exc, show_traceback)
        if not urls and not inputs:
            shown = "on standard input" if url_list == "-" else url_list
            _fail(f"the URL list {shown} holds no web addresses (only blank lines or lines starting with #)",
                  ExitCode.USAGE)
    summarizer = Summarizer(settings)
    try:
        if not quiet and sys.stderr.isatty():
            click.echo("summarizer: loading models ...", err=True, nl=False)
        summarizer.pipeline.load()
        if not quiet and sys.stderr.isatty():
            click.echo("\r\033[K", err=True, nl=False)
    except SummarizerError as exc:
        _fail(str(exc), ExitCode.SOME_FAILED, exc, show_traceback)
    except KeyboardInterrupt:
        click.echo("summarizer: interrupted", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    # With --resume the reader leaves out what is done, before reading: a web page done is not downloaded again.
    items = iter_inputs(inputs, stdin=_binary_stdin(), max_bytes=settings.max_input_bytes, urls=urls,
                        done=skip.done if skip is not None else (), on_skip=skip.note if skip is not None else None)
    failed = total = written = 0
    writing = False  # whether an OSError comes from writing the records (a full disk...)
    try:
        with open_live_output(target, append=resume) if live else open_output(output, sys.stdout) as stream:
            writer = get_writer(fmt, stream, with_model=bool(settings.model))
            for result in _with_progress(summarizer.summarize_batch(items), enabled=not quiet):
                total += 1
                if not result.ok:
                    failed += 1
                    # The record carries the error; repeat it on stderr only when asked (-v).
                    error = result.error or ""
                    log.info("%s", error if result.source in error else f"{result.source}: {error}")
                writing = True
                writer.write(result)  # jsonl: one whole line, flushed
                writing = False
                written += 1
            writing = True
            writer.close()
    except KeyboardInterrupt:
        if live:
            in_all = f" ({kept + written} in all)" if resume else ""
            click.echo(f"summarizer: interrupted; {written} record(s) written to {output}{in_all}, each line "
                       f"a complete record. To continue, run the same command again with --resume.", err=True)
        elif to_file:
            click.echo(f"summarizer: interrupted; nothing was written to {output}", err=True)
        else:
            click.echo("summarizer: interrupted", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    except SummarizerError as exc:
        # e.g. an --output folder that does not exist is a usage error (exit 2), like click's own checks
        _fail(str(exc), ExitCode.USAGE if isinstance(exc, UsageError) else ExitCode.SOME_FAILED, exc,
              show_traceback)
    except OSError as exc:
        if not writing or exc.errno == errno.EPIPE:
            raise  # not a failed write; or a reader that went away (| head): click ends quietly
        _fail(_write_failure(exc, output if to_file else None, live, written, kept + written if resume else None),
              ExitCode.SOME_FAILED, exc, show_traceback)
    # Stop the analysis helpers now, not at interpreter exit, where Python 3.11 can print an
    # "Exception ignored ... Bad file descriptor" while it tears down a pool that is being collected.
    summarizer.close()
    earlier_failed = 0
    if skip is not None:
        click.echo(f"summarizer: {skip.skipped} article(s) skipped as already done in {output}; "
                   f"{written} new record(s) appended", err=True)
        earlier_failed = skip.skipped_failed
        total += skip.skipped
        failed += earlier_failed
    if failed:
        earlier = (f" ({earlier_failed} of them in an earlier run, kept as they were; delete their lines to retry)"
                   if earlier_failed else "")
        click.echo(f"summarizer: {failed} of {total} article(s) failed{earlier}; see the 'error' field of their "
                   f"records", err=True)
    sys.exit(int(ExitCode.SOME_FAILED if failed else ExitCode.OK))


def _write_failure(exc: OSError, output: str | None, live: bool, written: int, in_all: int | None) -> str:
    """What a failed write means for the user's records, and what to do next."""
    reason = exc.strerror or str(exc)
    if output is None:
        return f"could not write the records to standard output ({reason})"
    if not live:
        return (f"could not write the output to {output} ({reason}); nothing was written, and a file that was "
                f"already there is left as it was")
    total = f" ({in_all} in all)" if in_all is not None else ""
    fix = "Make room" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "Fix that"
    return (f"could not write to {output} ({reason}); {written} record(s) were written before that{total}. "
            f"{fix}, then run the same command again with --resume to continue where it stopped.")


def _check_ray_options(engine: str, fmt: str | None, output: str | None, resume: bool, ray_address: str | None,
                       url_list: str | None) -> None:
    """The options that --engine ray cannot honour, refused before anything runs."""
    if engine != "ray":
        raise click.UsageError("--ray-address works only with --engine ray.")
    if url_list is not None:
        raise click.UsageError("--url-list does not work with --engine ray, which reads .jsonl, .ndjson and .parquet "
                               "files; run without --engine ray to read web pages.")
    if resume:
        raise click.UsageError("--resume does not work with --engine ray, which writes a new folder of files; "
                               "give a new --output folder instead.")
    if not output or output == "-":
        raise click.UsageError("--engine ray needs --output FOLDER: Ray writes the records into a folder of files "
                               "(part-*.jsonl, or part-*.parquet when FOLDER ends in .parquet).")
    parquet = output.rstrip("/\\").lower().endswith(".parquet")
    if fmt is not None and (fmt.lower() != "jsonl" or parquet):
        raise click.UsageError("--engine ray writes JSON Lines, or Parquet when the --output folder's name ends in "
                               ".parquet; leave out --format.")


def _run_on_ray(inputs: tuple[str, ...], output: str, settings: Settings, address: str | None, quiet: bool,
                verbose: int, show_traceback: bool) -> NoReturn:
    """``run --engine ray``: hand the run to Ray, then one line on stderr and the exit status."""
    from .engines.ray_engine import run_ray
    from .errors import NotInstalledError

    try:
        done = run_ray(list(inputs), output, settings, address=address,
                       progress=not quiet and sys.stderr.isatty(), verbose=verbose > 0)
    except (NotInstalledError, UsageError) as exc:
        _fail(str(exc), ExitCode.USAGE, exc, show_traceback)
    except SummarizerError as exc:
        _fail(str(exc), ExitCode.SOME_FAILED, exc, show_traceback)
    except KeyboardInterrupt:
        click.echo(f"summarizer: interrupted; {output} may hold some record files of this run", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    kind = "Parquet" if done.output_format == "parquet" else "JSON Lines"
    failed = (f"; {done.failed} of them failed, see the 'error' field of their records" if done.failed else "")
    click.echo(f"summarizer: {done.records} record(s) written to {output} ({len(done.files)} {kind} file(s))"
               f"{failed}", err=True)
    sys.exit(int(ExitCode.SOME_FAILED if done.failed else ExitCode.OK))


def _refuse_output_among_inputs(output: str, inputs: tuple[str, ...]) -> None:
    """A jsonl --output is written while the inputs are read: it must not be one of them."""
    if not os.path.exists(output):
        return
    for given in inputs:
        try:
            same = given != "-" and os.path.isfile(given) and os.path.samefile(given, output)
        except OSError:
            same = False
        if same:
            raise click.UsageError(f"the output file {output} is also an input; write the output to another file.")


def _binary_stdin() -> BinaryIO:
    """Standard input as bytes (click.get_binary_stream is deprecated); empty when there is none."""
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO()


def _with_progress(results: Iterator[Result], enabled: bool) -> Iterator[Result]:
    """A progress bar on stderr once there is more than one article, if stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from results
        return
    from tqdm import tqdm

    bar = None
    try:
        for n, result in enumerate(results, 1):
            if bar is None and n == 2:
                bar = tqdm(total=None, initial=1, unit=" articles", file=sys.stderr, leave=False, disable=False)
            if bar is not None:
                bar.update(1)
            yield result
    finally:
        if bar is not None:
            bar.close()


@main.command(name="eval")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(1, None), default=None, help="Use only the first N rows.")
@click.option("--topic-map", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSON file mapping the data's topic categories to IPTC top-level qcodes "
                   "(chosen automatically for files named bbc* or kpcrowd*).")
@click.option("-n", "--sentences", type=click.IntRange(1, 50), default=3, show_default=True,
              help="Maximum number of sentences in each summary, as for 'run'.")
@click.option("-w", "--max-words", type=click.IntRange(1, 10_000), default=None,
              help="Word budget for each summary, as for 'run'.")
@click.option("--embedder", default=None, metavar="NAME_OR_PATH", help="As for 'run'.")
@click.option("--embedder-precision", type=click.Choice(EMBEDDER_PRECISIONS), default=None, help="As for 'run'.")
@_embedder_device_option
@click.option("--no-topic-calibration", is_flag=True, help="As for 'run'.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--traceback", "show_traceback", is_flag=True, help="Show the full Python traceback of errors.")
@_model_options
def eval_(data: str, limit: int | None, topic_map: str | None, sentences: int, max_words: int | None,
          embedder: str | None, embedder_precision: str | None, embedder_device: str, no_topic_calibration: bool,
          as_json: bool,
          quiet: bool, show_traceback: bool, **model_options: Any) -> None:
    """Measure summaries, topics and keywords on DATA against references and baselines.

    Summaries: ROUGE-1/2/Lsum F1 beside Lead-3. Topics: accuracy of the top IPTC label. Keywords:
    F1@5 and F1@10 beside YAKE.

    DATA is JSON Lines with "text" and, where available, "title", "reference_summaries",
    "topics" and "keyphrases".
    """
    _setup_logging(0)
    from .abstractive import MethodTally
    from .api import Summarizer
    from .evaluate import format_table, run_eval

    tally = None
    try:
        settings = Settings.from_env(sentences=sentences, max_words=max_words, embedder=embedder,
                                     embedder_precision=embedder_precision, embedder_device=embedder_device,
                                     topic_calibration=not no_topic_calibration,
                                     result_cache=False,  # measure, never reuse
                                     **_model_settings(**model_options))
        summarizer: Any = Summarizer(settings)
        pipeline = summarizer.pipeline
        if settings.model:
            summarizer.pipeline.load()  # a model that cannot be loaded: one clear error before any article
            summarizer = tally = MethodTally(summarizer)
        bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit=" articles", file=sys.stderr, leave=False, disable=False)
        try:
            figures: dict[str, Any] = run_eval(data, summarizer, limit=limit, topic_map=topic_map,
                                               progress=bar.update if bar is not None else None,
                                               seen=lambda text: pipeline.topic_index.saw(text))
            pipeline.close()  # the analysis helpers (see 'run')
        finally:
            if bar is not None:
                bar.close()
    except SummarizerError as exc:
        _fail(str(exc), ExitCode.USAGE if isinstance(exc, UsageError) else ExitCode.SOME_FAILED, exc,
              show_traceback)
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
    if tally is not None:
        figures["abstractive"] = {"model": settings.model, **tally.figures()}
    text = format_table(figures) + (f"\n\n{tally.format()}" if tally is not None else "")
    click.echo(json.dumps(figures, indent=2) if as_json else text)


@main.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("-f", "--format", "fmt", default=None, type=click.Choice(DIGEST_FORMATS, case_sensitive=False),
              help=f"Output format. Default: the one the --output file's name ends in ({endings_help(DIGEST_FORMATS)}), "
                   f"else text. jsonl: one story per line. html: one self-contained page to open in a browser (no "
                   f"network, no JavaScript), with a timeline per story. A --format that contradicts the ending is "
                   f"refused.")
@click.option("-o", "--output", type=click.Path(writable=True, dir_okay=False), default=None,
              help="Write to FILE instead of standard output (replaced only when the digest is complete); its "
                   "ending chooses the format unless --format is given (-o digest.html writes html).")
@click.option("--story-threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="How alike two articles must be to join one story, from 0 to 1 (default 0.55): the cosine "
                   "similarity of their article vectors, plus a bonus for the names they share, less a little "
                   "for time apart. Higher: smaller, tighter stories; lower: broader running stories.")
@click.option("--embedder", default=None, metavar="NAME_OR_PATH", help="As for 'run'.")
@_embedder_device_option
@click.option("--batch-size", type=click.IntRange(1, 4096), default=32, show_default=True, help="As for 'run'.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="As for 'run'.")
@click.option("--max-input-bytes", type=click.IntRange(1, None), default=20_000_000, show_default=True,
              help="As for 'run'.")
@click.option("-q", "--quiet", is_flag=True, help="No 'loading models' line.")
@click.option("-v", "--verbose", count=True, help="More log messages on standard error (-vv for debugging).")
@click.option("--traceback", "show_traceback", is_flag=True, help="Show the full Python traceback of errors.")
@click.option("--from-records", is_flag=True,
              help="INPUT... are records written by 'summarizer run --format jsonl --story-fields' (files, or "
                   "folders of them such as the output folder of --engine ray) instead of articles: the digest is "
                   "made from them without loading any model. A record without the story fields, from another "
                   "embedder, or with an error is listed as a failure with its file and line.")
@click.option("--store", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Keep the stories in FILE (an SQLite file, made on the first run): the articles of INPUT... "
                   "join the stories already there or make new ones, and the digest written is of every stored "
                   "article. Articles already stored are skipped. A short report of what changed (stories that "
                   "grew, new stories, near-duplicates) goes to standard error. Without INPUT...: the digest of "
                   "the store as it is.")
@click.option("--store-timeout", type=click.FloatRange(0, None), default=60.0, show_default=True, metavar="SECONDS",
              help="How long to wait for another run that is using the --store FILE before giving up.")
def digest(inputs: tuple[str, ...], fmt: str | None, output: str | None, story_threshold: float | None,
           embedder: str | None, embedder_device: str, batch_size: int, jobs: int | None, max_input_bytes: int,
           quiet: bool,
           verbose: int, show_traceback: bool, from_records: bool, store: str | None, store_timeout: float) -> None:
    """Group the articles in INPUT... into the stories they tell, and write them.

    INPUT is what 'run' reads. Copies and light rewrites of one article are grouped as
    near-duplicates; articles about one event or running story become one story, with a label,
    a summary drawn from across its articles, a dated timeline, its people, organisations and
    places, its topics, and what each article adds.

    With --from-records, INPUT... are the records of an earlier 'summarizer run --format jsonl
    --story-fields' and no model is loaded. With --store FILE, the stories are kept in FILE from one
    run to the next (a daily run adds the day's articles), and the digest is of the whole store.

    Exit status: 0 when every article was read, 1 when some failed (listed in the digest), 2 for
    a usage error, 130 when interrupted.
    """
    _setup_logging(verbose)
    from .api import Summarizer
    from .formats import iter_inputs
    from .formats.output import open_output
    from .stories.writers import write_digest

    if not inputs and store is None:
        raise click.UsageError("Missing argument 'INPUT...': give at least one file, folder, pattern or - (or, "
                               "with --store FILE, none to write the digest of the store).")
    changes = None
    try:  # -f, else the --output file's ending (-o x.html: html), else text; before any article is read
        fmt = output_format(fmt, output, DIGEST_FORMATS)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        settings = Settings.from_env(embedder=embedder, embedder_device=embedder_device, batch_size=batch_size,
                                     jobs=jobs, max_input_bytes=max_input_bytes)
        summarizer = Summarizer(settings)
        if not quiet and sys.stderr.isatty() and inputs and not from_records:
            click.echo("summarizer: reading and grouping the articles ...", err=True)
        records = inputs if from_records else ()
        items = iter_inputs(inputs, stdin=_binary_stdin(), max_bytes=settings.max_input_bytes) \
            if inputs and not from_records else ()
        if store is not None:
            update = summarizer.update_store(store, items, records=records, story_threshold=story_threshold,
                                             timeout=store_timeout)
            found, changes = update.digest, update.changes
        elif from_records:
            found = summarizer.digest_records(records, story_threshold=story_threshold)
        else:
            found = summarizer.digest(items, story_threshold=story_threshold)
        summarizer.close()
        if changes is not None:
            click.echo(changes.format(), err=True)
        with open_output(output, sys.stdout) as stream:
            write_digest(found, fmt, stream)
    except SummarizerError as exc:
        _fail(str(exc), ExitCode.USAGE if isinstance(exc, UsageError) else ExitCode.SOME_FAILED, exc,
              show_traceback)
    except KeyboardInterrupt:
        kept = f"; the store {store} is as it was before this run" if store and changes is None else ""
        click.echo("summarizer: interrupted" + (f"; nothing was written to {output}" if output else "") + kept,
                   err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    if found.failures:
        click.echo(f"summarizer: {len(found.failures)} of {found.articles} article(s) failed and are in no story; "
                   f"see the digest's failures", err=True)
    sys.exit(int(ExitCode.SOME_FAILED if found.failures else ExitCode.OK))


if __name__ == "__main__":  # pragma: no cover
    main()
