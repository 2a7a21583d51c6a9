"""The NLP stage: screen whole articles fast, run the full pipeline on passages around substance mentions,
and save claim rows through the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from nlp.language import skip_reason
from nlp.names import figures_in
from nlp.pipeline import build_pipeline, screening_steps_off
from nlp.rows import ArticleMemory, doc_rows

CHUNK_CHARS = 100_000      # articles are screened in pieces of about this size, cut at line breaks
CONTEXT_BEFORE = 2         # sentences before a candidate kept for attribution and pronouns
CONTEXT_AFTER = 1          # sentences after it ('"...," she said.', "That is false.")
PASSAGE_MAX_CHARS = 20_000  # longer runs of health sentences are cut into passages of about this size
HEADING_MAX_TOKENS = 14
ARTICLES_PER_BATCH = 16


@dataclass
class Screened:
    """What the screening pass learned about one article."""

    article: dict
    sentences: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, names a substance)
    headings: list[tuple[int, int]] = field(default_factory=list)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """The text cut into (offset, piece) of at most about `size` characters, at line breaks when possible."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + size // 2, end)
                cut = cut + 1 if cut != -1 else -1
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def screen(nlp: Language, articles: list[dict]) -> list[Screened]:
    """Split every article into sentences and note which name a substance (cheap steps only)."""
    screened = [Screened(a) for a in articles]
    pieces = [(piece, (i, off)) for i, a in enumerate(articles) for off, piece in chunks(a["text"])]
    off_steps = screening_steps_off(nlp)
    for doc, (i, off) in nlp.pipe(pieces, as_tuples=True, disable=off_steps, batch_size=32):
        marked = {s.start for s in doc.spans.get("substances", [])}
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            start, end = off + words[0].idx, off + words[-1].idx + len(words[-1])
            screened[i].sentences.append((start, end, any(t.i in marked for t in words)))
            ends_line = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text or doc[min(sent.end, len(doc) - 1)].is_space
            if len(words) <= HEADING_MAX_TOKENS and ends_line and words[-1].text not in ".!?\"”:;,":
                screened[i].headings.append((start, end))
    return screened


def passages(sentences: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Character ranges to run the full pipeline on: each substance sentence with its neighbours, merged."""
    keep = set()
    for i, (_, _, named) in enumerate(sentences):
        if named:
            keep.update(range(max(0, i - CONTEXT_BEFORE), min(len(sentences), i + CONTEXT_AFTER + 1)))
    ranges: list[list[int]] = []
    for i in sorted(keep):
        # Neighbours merge into one passage, up to a size the NER handles comfortably; the article
        # memory carries people across the cut.
        if ranges and ranges[-1][1] == i - 1 and sentences[i][1] - sentences[ranges[-1][0]][0] <= PASSAGE_MAX_CHARS:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return [(sentences[a][0], sentences[b][1]) for a, b in ranges]


def tag_articles(nlp: Language, articles: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """Claims and mentions for each article (already known to be taggable), in order.

    Docs stream through the pipeline and become rows at once, so a 5 MB article never holds all its
    passages' Docs in memory. Per article the title and headings come first (their people are what
    first-person sentences below them are attributed to), then the passages in text order.
    """
    screened = screen(nlp, articles)
    results: list[tuple[list[dict], list[dict]]] = [([], []) for _ in articles]
    memories = [ArticleMemory(figures=figures_in(f"{a.get('title') or ''}\n{a['text']}")) for a in articles]
    indexes = [{start: n for n, (start, _, _) in enumerate(item.sentences)} for item in screened]
    for doc, (i, kind) in nlp.pipe(_jobs(nlp, screened), as_tuples=True, batch_size=64):
        if kind == "passage":
            claims, mentions = doc_rows(doc, screened[i].article["article_id"], memories[i], indexes[i])
            results[i][0].extend(claims)
            results[i][1].extend(mentions)
            continue
        for person in doc._.people or []:
            # The title comes before everything in the text (offset -1).
            at = -1 if doc._.offset < 0 else doc._.offset + person["start_char"]
            memories[i].heading_people.append(dict(person, start_char=at))
    return results


def _jobs(nlp: Language, screened: list[Screened]) -> Iterable[tuple[Doc, tuple[int, str]]]:
    """(Doc, (article number, kind)) for the full pipeline: title, headings, then passages, per article."""
    for i, item in enumerate(screened):
        text = item.article["text"]
        source_type = item.article.get("source_type") or "unknown"
        spans = passages(item.sentences)
        if not spans:
            continue
        title = (item.article.get("title") or "").strip()
        pieces = [("title", -1, title)] if title else []
        pieces += [("heading", a, text[a:b]) for a, b in item.headings if a < spans[-1][1]]
        pieces += [("passage", a, text[a:b]) for a, b in spans]
        for kind, offset, piece in pieces:
            doc = nlp.make_doc(piece)
            doc._.offset, doc._.source_type = offset, source_type
            yield doc, (i, kind)


def tag_text(text: str, source_type: str = "unknown", title: str = "", article_id: str = "text",
             nlp: Language | None = None) -> tuple[list[dict], list[dict]]:
    """Claims and mentions in one text (for evaluation, tests and one-off use)."""
    nlp = nlp or build_pipeline()
    article = {"article_id": article_id, "text": text, "source_type": source_type, "title": title}
    return tag_articles(nlp, [article])[0]


def _batches(items: list[dict], size: int) -> Iterable[list[dict]]:
    """The items in consecutive lists of at most `size`."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def tag_store(store, all_articles: bool = False, nlp: Language | None = None) -> dict:
    """Tag every article not yet tagged (or all): save claims and mentions, or the reason it was skipped."""
    articles = store.articles_for_tagging(all_articles)
    summary = {"articles": len(articles), "tagged": 0, "skipped": 0, "claims": 0, "errors": 0}
    if not articles:
        return summary
    taggable = []
    for article in articles:
        reason = skip_reason(article)
        if reason:
            store.mark_skipped(article["article_id"], reason)
            summary["skipped"] += 1
        else:
            taggable.append(article)
    if taggable:
        nlp = nlp or build_pipeline()
    for batch in _batches(taggable, ARTICLES_PER_BATCH):
        try:
            results = tag_articles(nlp, batch)
        except Exception:  # one bad article must not stop the rest: retry one by one below
            results = None
        for n, article in enumerate(batch):
            try:
                claims, mentions = results[n] if results else tag_articles(nlp, [article])[0]
            except Exception as exc:  # noqa: BLE001 - recorded on the article, the run goes on
                store.mark_skipped(article["article_id"], f"error: {type(exc).__name__}: {exc}"[:200])
                summary["errors"] += 1
                continue
            store.save_claims(article["article_id"], claims, mentions)
            summary["tagged"] += 1
            summary["claims"] += len(claims)
    return summary
