"""What each `healthclaims` subcommand does: parse-free handlers that call the stages through the store."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from store import Store
from store.writes import now


class UserError(Exception):
    """Bad input from the user: reported in one line, exit code 2."""


def crawl(args) -> int:
    """`healthclaims crawl`: fetch, archive and extract articles into the store."""
    from crawler.run import crawl_urls

    urls = list(args.urls)
    if args.seeds:
        urls += read_seed_file(args.seeds)
    if not urls and not args.redis:
        raise UserError("give at least one URL or --seeds FILE")
    summary = crawl_urls(urls, db_path=args.db, options=vars(args))
    print(format_summary("crawl", summary))
    return 0


def seed(args) -> int:
    """`healthclaims seed`: queue start URLs in Redis for the workers (or show the crawl's state)."""
    from crawler.distributed import seed_urls

    urls = list(args.urls) + (read_seed_file(args.seeds) if args.seeds else [])
    if not urls and not args.status:
        raise UserError("give at least one URL or --seeds FILE (or --status)")
    status = seed_urls(args.redis, urls)
    if urls:
        print(f"seed: {len(urls)} start URLs queued")
    print(format_summary("frontier", status))
    return 0


def ingest(args) -> int:
    """`healthclaims ingest`: the one writer of a distributed crawl, from Redis into the store."""
    from crawler.ingest import ingest as ingest_items

    # Seconds to keep retrying a Redis that went away: --redis-timeout, else $HEALTHCLAIMS_REDIS_TIMEOUT,
    # else 60 (crawler/distributed_keys.py).
    summary = ingest_items(args.redis, args.db, follow=args.follow, idle_exit=args.idle_exit,
                           redis_timeout=args.redis_timeout)
    print(format_summary("ingest", summary))
    return 0


def tag(args) -> int:
    """`healthclaims tag`: find and tag claims in articles not yet tagged."""
    from nlp.tagging import tag_store

    started = now()
    with Store(args.db) as store:
        summary = tag_store(store, all_articles=args.all)
        store.record_run("tag", started, summary)
    print(format_summary("tag", summary))
    return 0


def check(args) -> int:
    """`healthclaims check`: load the fact base and write a verdict per claim and fact."""
    from facts.checker import check_store

    started = now()
    with Store(args.db) as store:
        summary = check_store(store)
        store.record_run("check", started, summary)
    print(format_summary("check", summary))
    return 0


def run(args) -> int:
    """`healthclaims run`: crawl (the demo corpus when no URL is given), then tag, then check."""
    from crawler.run import crawl_urls

    options = vars(args)
    if args.urls:
        crawl_summary = crawl_urls(list(args.urls), db_path=args.db, options=options)
    else:
        from demo_corpus.server import serve_demo

        with serve_demo() as site:
            options = dict(options, no_keywords=False, demo=True)
            crawl_summary = crawl_urls(site.start_urls, db_path=args.db, options=options)
    print(format_summary("crawl", crawl_summary))
    tag(_with(args, all=False))
    check(args)
    with Store(args.db) as store:
        print(format_summary("store", store.counts()))
        verdicts = dict(store.con.execute(
            "SELECT verdict, count(*) FROM verdicts GROUP BY verdict ORDER BY verdict").fetchall())
    print(format_summary("verdicts", verdicts))
    return 0


def extract(args) -> int:
    """`healthclaims extract`: article extraction alone; one JSON object a line on stdout."""
    from crawler.extraction import extract_article

    failures = 0
    for path in args.paths:
        try:
            raw = Path(path).read_bytes()
            if path.endswith(".gz"):
                raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            print(f"healthclaims extract: error: cannot read {path}: {exc}", file=sys.stderr)
            failures += 1
            continue
        result = extract_article(raw, url=args.url)
        print(json.dumps({"path": path, **result}, ensure_ascii=False, default=str))
    return 1 if failures else 0


def export(args) -> int:
    """`healthclaims export`: write a table in an open format for publishing or teaching."""
    from exports import EXPORT_FORMATS, EXPORT_TABLES, export_table

    if args.table not in EXPORT_TABLES:
        raise UserError(f"unknown table {args.table!r}; choose from {', '.join(EXPORT_TABLES)}")
    if args.fmt not in EXPORT_FORMATS:
        raise UserError(f"unknown format {args.fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    out = Path(args.out)
    if not out.parent.exists():
        raise UserError(f"export folder does not exist: {out.parent}")
    with Store(args.db, read_only=True) as store:
        count = export_table(store.con, args.table, args.fmt, out)
    print(f"exported {count} {args.table} rows as {args.fmt} to {out}")
    return 0


def dashboard(args) -> int:
    """`healthclaims dashboard`: start Streamlit on the store's read snapshot."""
    from dashboard.launch import launch

    return launch(args.db, host=args.host, port=args.port)


def facts(args) -> int:
    """`healthclaims facts ...`: list, show, validate and import regulatory facts."""
    from facts.commands import facts_command

    return facts_command(args)


def read_seed_file(path: str) -> list[str]:
    """Start URLs from a seeds file: one a line, blank lines and # comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UserError(f"cannot read seeds file {path}: {exc.strerror}") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def format_summary(stage: str, summary: dict) -> str:
    """One line a person can read: 'crawl: 31 pages, 30 articles, 1 skipped'."""
    parts = [f"{value} {key.replace('_', ' ')}" for key, value in summary.items() if not isinstance(value, dict)]
    return f"{stage}: " + (", ".join(parts) if parts else "nothing to do")


def _with(args, **changes):
    merged = dict(vars(args))
    merged.update(changes)
    return type(args)(**merged)
