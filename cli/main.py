"""The `healthclaims` command: one entry point for every stage, with one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from cli import commands
from store import StoreError, default_db_path


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand (the contract is in DESIGN.md)."""
    parser = argparse.ArgumentParser(
        prog="healthclaims",
        description="Build a fact-check dataset of celebrity health claims from web articles.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable, help_text: str, db: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if db:
            p.add_argument("--db", default=None, help="DuckDB file (default: $HEALTHCLAIMS_DB or ./healthclaims.duckdb)")
        p.set_defaults(handler=handler)
        return p

    p = add("run", commands.run, "crawl + tag + check in one go (no URL: the bundled demo corpus, offline)")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--max-pages", type=int, default=None)
    p.add_argument("--depth", type=int, default=2)
    p.add_argument("--quiet", action="store_true", help="no live progress display")

    p = add("crawl", commands.crawl, "crawl pages, site roots, sitemaps or RSS/Atom feeds into the store")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--seeds", metavar="FILE", help="a file of start URLs, one a line (# comments allowed)")
    p.add_argument("--max-pages", type=int, default=None, help="stop after this many pages")
    p.add_argument("--depth", type=int, default=2, help="how many links deep to follow within a site")
    p.add_argument("--keywords", default=None,
                   help="comma-separated words an article must mention (default: a health-and-celebrity list)")
    p.add_argument("--keyword-file", default=None, help="a file of keywords, one a line")
    p.add_argument("--no-keywords", action="store_true", help="keep every article, whatever it mentions")
    p.add_argument("--user-agent", default=None)
    p.add_argument("--warc-dir", default=None, help="where WARC files go (default: beside the database)")
    p.add_argument("--job-dir", default=None,
                   help="folder for the crawl log (default: <db>.jobs/<id>); a killed crawl resumes from the store")
    p.add_argument("--redis", default=None, metavar="URL",
                   help="redis://HOST:PORT/DB: work as one of several crawlers sharing a frontier")
    p.add_argument("--worker-id", default=None, help="with --redis: this worker's name (default HOST-PID);"
                   " a worker restarted under the same name takes back its unfinished pages at once")
    p.add_argument("--worker-lease", type=float, default=None, metavar="SECONDS",
                   help="with --redis: a silent worker's pages go back to the others after this long (default 30)")
    p.add_argument("--idle-exit", type=float, default=None, metavar="SECONDS",
                   help="with --redis: stop once the shared crawl has been finished this long (default 5)")
    p.add_argument("--keep-running", action="store_true", help="with --redis: wait for new start URLs forever")
    p.add_argument("--redis-timeout", type=float, default=None, metavar="SECONDS",
                   help="with --redis: keep retrying a lost Redis this long, then stop with an error (default $HEALTHCLAIMS_REDIS_TIMEOUT, else 60)")
    p.add_argument("--quiet", action="store_true", help="no live progress display")

    p = add("seed", commands.seed, "queue start URLs for the crawler workers sharing a Redis frontier", db=False)
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--redis", required=True, metavar="URL", help="redis://HOST:PORT/DB of the shared crawl")
    p.add_argument("--seeds", metavar="FILE", help="a file of start URLs, one a line (# comments allowed)")
    p.add_argument("--status", action="store_true", help="only show the shared crawl's queue and workers")

    p = add("ingest", commands.ingest, "store what the crawler workers pushed to Redis (the one writer)")
    p.add_argument("--redis", required=True, metavar="URL", help="redis://HOST:PORT/DB of the shared crawl")
    p.add_argument("--follow", action="store_true", help="keep running for new items (stop with Ctrl-C)")
    p.add_argument("--redis-timeout", type=float, default=None, metavar="SECONDS",
                   help="Keep retrying a lost Redis this long, then stop with an error (default $HEALTHCLAIMS_REDIS_TIMEOUT, else 60)")
    p.add_argument("--idle-exit", type=float, default=5.0, metavar="SECONDS",
                   help="stop once the crawl has been finished and drained this long (default 5)")

    p = add("tag", commands.tag, "find and tag health claims in articles not yet tagged")
    p.add_argument("--all", action="store_true", help="tag every article again")

    add("check", commands.check, "compare claims with the regulatory fact base and write verdicts")

    p = add("extract", commands.extract, "extract article text and metadata from saved HTML files", db=False)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--url", default=None, help="the URL the page was fetched from")

    p = add("export", commands.export, "export a table as JSONL, CSV, Parquet or ClaimReview JSON-LD")
    p.add_argument("--table", required=True)
    p.add_argument("--format", required=True, dest="fmt")
    p.add_argument("--out", required=True)

    p = add("dashboard", commands.dashboard, "start the Streamlit dashboard (read-only)")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--host", default="127.0.0.1")

    p = add("facts", commands.facts, "list, show, validate and import regulatory facts")
    fsub = p.add_subparsers(dest="facts_command", required=True, metavar="ACTION")
    fl = fsub.add_parser("list", help="list facts (filter by substance or jurisdiction)")
    fl.add_argument("--substance")
    fl.add_argument("--jurisdiction")
    fs = fsub.add_parser("show", help="show one fact in full")
    fs.add_argument("fact_id")
    fv = fsub.add_parser("validate", help="check fact files; fails naming file and line")
    fv.add_argument("paths", nargs="*", metavar="PATH")
    fi = fsub.add_parser("import", help="import official bulk data into the store")
    fi.add_argument("--source", required=True)
    fi.add_argument("path", metavar="PATH")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; user errors become one line on stderr and exit code 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "db", "unset") is None:
        args.db = default_db_path()
    try:
        code = args.handler(args)
    except (StoreError, commands.UserError, OSError, ValueError) as exc:
        # Bad input of any kind ends in one line; HEALTHCLAIMS_DEBUG=1 shows the traceback.
        if os.environ.get("HEALTHCLAIMS_DEBUG"):
            raise
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"healthclaims {args.command}: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"healthclaims {args.command}: interrupted", file=sys.stderr)
        return 130
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
