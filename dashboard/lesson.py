"""Lesson sheets for media-literacy classes: each claim with the cues to look for, as Markdown or HTML."""

from __future__ import annotations

import html
from datetime import date

from dashboard.labels import CUES, verdict
from dashboard.safe_text import md
from exports.claimreview import overall_verdict

QUESTIONS = [
    "Who is making this claim, and what do they know about medicine?",
    "Is there a study, a regulator or a doctor named as the source? Could you check it?",
    "Is anyone selling something here?",
    "What would you need to know before believing this claim?",
]


def lesson_items(rows: list[dict]) -> list[dict]:
    """The parts of each claim a lesson shows: sentence, source, cues with their words, verdict."""
    items = []
    for row in rows:
        label = overall_verdict(row["verdicts"]) if row.get("verdicts") else None
        cues = [(CUES.get(name, (name, ""))[0], CUES.get(name, ("", ""))[1], list(words))
                for name, words in (row.get("cues") or {}).items() if words]
        published = row.get("published")
        items.append({
            "text": row["text"],
            "speaker": row.get("claimant_name") or "not named",
            "outlet": row.get("publisher") or "unknown outlet",
            "published": published.isoformat() if isinstance(published, date) else (published or "date unknown"),
            "url": row.get("article_url") or "",
            "demo": bool(row.get("is_demo")),
            "cues": cues,
            "verdict": verdict(label),
            "label": label or "unchecked",
            "rationale": " ".join(v["rationale"] for v in row.get("verdicts") or [] if v["verdict"] == label),
        })
    return items


def _verdict_markdown(item: dict) -> list[str]:
    v = item["verdict"]
    lines = [f"What regulators' records say: **{v.name}** (`{item['label']}`). {v.meaning}"]
    if item["rationale"]:
        lines.append(f"Why: {md(item['rationale'])}")
    return lines


def lesson_markdown(rows: list[dict], title: str, selection: str, answer_key: bool = False) -> str:
    """A lesson sheet in Markdown; every piece of article text is escaped.

    With answer_key, the regulators' verdicts move to the end, so students judge each claim first.
    """
    lines = [f"# {md(title)}", "", f"Claims chosen: {md(selection)}.", "",
             "Read each claim. Find the warning signs listed under it, then answer the questions.", ""]
    items = lesson_items(rows)
    for number, item in enumerate(items, 1):
        demo = " (demo article written for this project, not real reporting)" if item["demo"] else ""
        lines += [f"## Claim {number}", "", f"> {md(item['text'])}", "",
                  f"Said by {md(item['speaker'])} in {md(item['outlet'])}, {item['published']}{demo}.  ",
                  f"Source: {md(item['url'])}", ""]
        if item["cues"]:
            lines.append("What to notice:")
            lines += [f"- **{name}**: {md(', '.join(map(str, words)))} - {why}" for name, why, words in item["cues"]]
        else:
            lines.append("What to notice: no warning signs were found automatically. Look anyway.")
        lines.append("")
        if not answer_key:
            lines += _verdict_markdown(item) + [""]
    lines += ["## Questions for every claim", ""] + [f"{n}. {q}" for n, q in enumerate(QUESTIONS, 1)]
    if answer_key:
        lines += ["", "## Answer key", ""]
        for number, item in enumerate(items, 1):
            lines += [f"**Claim {number}.** " + " ".join(_verdict_markdown(item)), ""]
    return "\n".join(lines) + "\n"


def _verdict_html(item: dict) -> list[str]:
    e = html.escape
    v = item["verdict"]
    parts = [f'<p>What regulators\' records say: <span class="verdict" style="color:{v.colour}">'
             f"{e(v.name)}</span> (<code>{e(item['label'])}</code>). {e(v.meaning)}</p>"]
    if item["rationale"]:
        parts.append(f"<p>Why: {e(item['rationale'])}</p>")
    return parts


def lesson_html(rows: list[dict], title: str, selection: str, answer_key: bool = False) -> str:
    """A printable lesson sheet as a standalone HTML page; every piece of article text is escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>{e(title)}</title>",
        "<style>body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
        "blockquote{border-left:4px solid #999;margin:0;padding:.3rem 1rem;background:#f6f6f6}"
        ".claim{page-break-inside:avoid;margin-bottom:1.6rem}.verdict{font-weight:bold}.source{font-size:.85em}"
        ".demo{color:#a04000}.key{page-break-before:always}@media print{a{color:black}}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>Claims chosen: {e(selection)}.</p>",
        "<p>Read each claim. Find the warning signs listed under it, then answer the questions.</p>",
    ]
    items = lesson_items(rows)
    for number, item in enumerate(items, 1):
        demo = ' <span class="demo">(demo article written for this project, not real reporting)</span>' \
            if item["demo"] else ""
        # Only web addresses become links; anything else in a stored URL stays text.
        url = item["url"]
        source = f'<a href="{e(url)}">{e(url)}</a>' if url.startswith(("http://", "https://")) else e(url)
        parts += [f'<div class="claim"><h2>Claim {number}</h2>', f"<blockquote>{e(item['text'])}</blockquote>",
                  f"<p>Said by {e(item['speaker'])} in {e(item['outlet'])}, {e(item['published'])}{demo}.<br>"
                  f'<span class="source">Source: {source}</span></p>']
        if item["cues"]:
            parts.append("<p>What to notice:</p><ul>")
            parts += [f"<li><b>{e(name)}</b>: {e(', '.join(map(str, words)))} - {e(why)}</li>"
                      for name, why, words in item["cues"]]
            parts.append("</ul>")
        else:
            parts.append("<p>What to notice: no warning signs were found automatically. Look anyway.</p>")
        if not answer_key:
            parts += _verdict_html(item)
        parts.append("</div>")
    parts.append("<h2>Questions for every claim</h2><ol>")
    parts += [f"<li>{e(q)}</li>" for q in QUESTIONS]
    parts.append("</ol>")
    if answer_key:
        parts.append('<div class="key"><h2>Answer key</h2>')
        for number, item in enumerate(items, 1):
            parts += [f"<h3>Claim {number}</h3>", *_verdict_html(item)]
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
