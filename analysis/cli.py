"""The ``analysis`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ModelNotInstalledError
from .paths import default_processed_dir, default_raw_dir


def _run(args: argparse.Namespace) -> int:
    from .memory import prepare_main_process

    prepare_main_process()  # before anything imports pyarrow or starts a thread
    from .readers.fields import parse_field_mapping
    from .run import COMMIT_EVERY, run_pipeline

    try:
        mapping = parse_field_mapping(args.field)
    except ValueError as exc:
        print(f"analysis run: {exc}", file=sys.stderr)
        return 2
    roots = [Path(p) for p in args.inputs] or [default_raw_dir()]
    out_dir = Path(args.out) if args.out else default_processed_dir()
    for root in roots:
        if root.exists() and out_dir.resolve().is_relative_to(root.resolve()):
            print(f"analysis run: the output folder {out_dir} is inside the input {root}; choose another --out",
                  file=sys.stderr)
            return 2
    engine = "dask" if args.scheduler else args.engine
    summary = run_pipeline(roots, out_dir, force=args.force, workers=args.workers, field_mapping=mapping,
                           model=args.model, progress=not args.quiet, engine=engine, scheduler=args.scheduler,
                           commit_every=COMMIT_EVERY if args.commit_every is None else args.commit_every or None)
    for message in summary.failures[:20]:
        print(f"  failed: {message}", file=sys.stderr)
    if len(summary.failures) > 20:
        print(f"  ... and {len(summary.failures) - 20} more (see the errors table)", file=sys.stderr)
    print(summary.line())
    return 1 if args.strict and summary.failed else 0


def _dictionary(args: argparse.Namespace) -> int:
    from .schema import data_dictionary_markdown

    text = data_dictionary_markdown()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


def _eval(args: argparse.Namespace) -> int:
    import json

    from .evaluation import run_evaluation

    try:
        result, report = run_evaluation(args.task, Path(args.gold), limit=args.limit)
    except (FileNotFoundError, ValueError) as exc:
        print(f"analysis eval: {exc}", file=sys.stderr)
        return 2
    print(report)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def _report(args: argparse.Namespace) -> int:
    import time

    from .report import build_reports

    started = time.perf_counter()
    try:
        results = build_reports(args.data, args.out, names=args.notebook or None)
    except FileNotFoundError as exc:
        print(f"analysis report: {exc}", file=sys.stderr)
        return 2
    for r in results:
        print(f"  {r.html_path}  {r.seconds:.1f} s" + (f"  FAILED: {r.error}" if r.error else ""))
    print(f"{len(results)} reports and {Path(args.out) / 'index.html'} in {time.perf_counter() - started:.1f} s")
    return 1 if any(r.error for r in results) else 0


def _notebooks(args: argparse.Namespace) -> int:
    from .report import refresh_notebooks

    try:
        paths = refresh_notebooks(args.notebook or None, data_dir=args.data)
    except FileNotFoundError as exc:
        print(f"analysis notebooks: {exc}", file=sys.stderr)
        return 2
    print(f"re-executed {len(paths)} notebooks in place: {', '.join(p.name for p in paths)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description="Turn news articles into tidy tables.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="process articles into tables (only new or changed inputs)")
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="files or folders (default: data/raw)")
    run.add_argument("--out", metavar="DIR", help="output folder (default: data/processed)")
    run.add_argument("--force", action="store_true", help="reprocess everything, ignoring earlier runs")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="worker processes (default 1); with --engine dask, the LocalCluster's workers")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local: this process or a pool of --workers; dask: a Dask cluster (docs/scaling.md)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); implies --engine dask; default a LocalCluster")
    run.add_argument("--strict", action="store_true", help="exit non-zero when any input failed")
    run.add_argument("--field", action="append", metavar="FIELD=COLUMN",
                     help="name the record field holding FIELD (text, title, outlet, author, published, url)")
    run.add_argument("--model", help="spaCy model package (default: en_core_web_sm, else the pinned re-upload)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--commit-every", type=int, metavar="N",
                     help="commit the tables after every N input files analysed, so a killed run keeps what it "
                          "finished (default: every 10,000; 0: once, at the end)")
    run.set_defaults(handler=_run)

    evaluate = commands.add_parser("eval", help="score the pipeline against gold annotations")
    evaluate.add_argument("task", choices=["quotes", "locations", "claims", "sentiment", "html", "interviews"])
    evaluate.add_argument("--gold", required=True, metavar="FILE", help="gold file (JSON Lines)")
    evaluate.add_argument("--limit", type=int, metavar="N", help="only the first N gold documents")
    evaluate.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    evaluate.set_defaults(handler=_eval)

    dictionary = commands.add_parser("dictionary", help="print the data dictionary (Markdown)")
    dictionary.add_argument("--out", metavar="FILE", help="write it to FILE")
    dictionary.set_defaults(handler=_dictionary)

    report = commands.add_parser("report", help="execute the notebooks on the data and render offline HTML reports")
    report.add_argument("--data", metavar="DIR", help="processed-data folder (default: data/processed)")
    report.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    report.add_argument("--notebook", action="append", metavar="NAME", help="only this notebook (repeatable)")
    report.set_defaults(handler=_report)

    notebooks = commands.add_parser("notebooks", help="re-execute the notebooks in place (refresh nbval outputs)")
    notebooks.add_argument("--data", metavar="DIR", help="processed-data folder (default: data/processed)")
    notebooks.add_argument("--notebook", action="append", metavar="NAME", help="only this notebook (repeatable)")
    notebooks.set_defaults(handler=_notebooks)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``analysis`` command."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ModelNotInstalledError as exc:
        print(f"analysis: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("analysis: interrupted; the tables of the previous run are intact", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
