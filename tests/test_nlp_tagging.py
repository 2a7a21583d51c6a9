"""tag_store against a real DuckDB store: rows, offsets, idempotence, skips and hostile input."""

from __future__ import annotations

import pytest

from nlp.pipeline import build_pipeline
from nlp.tagging import chunks, passages, tag_store
from store import Store, ids

TEXT = (
    "Singer Mara Vance on her year of ketamine\n\n"
    "Elon Musk said in an interview that he takes a small amount of prescribed ketamine every other week. "
    "The documentary also mentions psilocybin.\n\n"
    "Spravato was approved by the FDA in March 2019 for treatment-resistant depression. "
    "During the first four weeks the usual dose is 56 or 84 mg twice a week.\n\n"
    "There is no evidence that ivermectin cures COVID-19."
)


@pytest.fixture(scope="module")
def nlp():
    """The blank-English pipeline (tests of the store plumbing need no statistical model)."""
    return build_pipeline(statistical=False)


def article(url: str, text: str, **extra) -> dict:
    """A minimal article as the crawler stores it."""
    return {"url": url, "title": "t", "publisher": "p", "source_type": "news", "language": "en",
            "text": text, **extra}


def claims_of(store: Store, article_id: str) -> list[dict]:
    """An article's stored claims (the fields these tests look at), in text order."""
    rows = store.con.execute(
        "SELECT claim_id, text, span_start, span_end, claim_type, substances, claimant_name, claimant_role, "
        "doses, stance, negated FROM claims WHERE article_id = ? ORDER BY span_start", [article_id]).fetchall()
    keys = ("claim_id", "text", "span_start", "span_end", "claim_type", "substances", "claimant_name",
            "claimant_role", "doses", "stance", "negated")
    return [dict(zip(keys, row)) for row in rows]


def test_claims_are_saved_with_exact_spans_and_stable_ids(db_path, nlp):
    with Store(db_path) as store:
        _, aid = store.save_article(article("http://127.0.0.1:9/a", TEXT))
        summary = tag_store(store, nlp=nlp)
        assert summary == {"articles": 1, "tagged": 1, "skipped": 0, "claims": 4, "errors": 0}
        claims = claims_of(store, aid)
        for c in claims:
            assert TEXT[c["span_start"]:c["span_end"]] == c["text"]
            assert c["claim_id"] == ids.claim_id(aid, c["span_start"], c["span_end"])
        assert [c["claim_type"] for c in claims] == ["usage", "regulatory", "dosage", "efficacy"]
        assert [c["substances"] for c in claims] == [["ketamine"], ["esketamine"], ["esketamine"], ["ivermectin"]]
        assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == ("Elon Musk", "celebrity")
        assert '"unit": "mg"' in claims[2]["doses"] and claims[3]["stance"] == "disputes" and claims[3]["negated"]
        mentions = store.con.execute(
            "SELECT kind, text, value, span_start, span_end FROM mentions WHERE article_id = ?", [aid]).fetchall()
        assert ("substance", "Spravato", "esketamine") in {m[:3] for m in mentions}
        for _, text, _, start, end in mentions:
            assert TEXT[start:end] == text


def test_tagging_twice_adds_nothing_twice(db_path, nlp):
    with Store(db_path) as store:
        store.save_article(article("http://127.0.0.1:9/a", TEXT))
        tag_store(store, nlp=nlp)
        before = store.counts()
        assert tag_store(store, nlp=nlp)["articles"] == 0
        again = tag_store(store, all_articles=True, nlp=nlp)
        assert again["claims"] == 4
        assert store.counts() == before


def test_sentence_index_counts_sentences_of_the_whole_article(db_path, nlp):
    with Store(db_path) as store:
        _, aid = store.save_article(article("http://127.0.0.1:9/a", TEXT))
        tag_store(store, nlp=nlp)
        indexes = [r[0] for r in store.con.execute(
            "SELECT sentence_index FROM claims WHERE article_id = ? ORDER BY span_start", [aid]).fetchall()]
        assert indexes == [1, 3, 4, 5]


def test_non_english_and_empty_articles_are_skipped_with_a_reason(db_path, nlp):
    german = ("Die Sängerin sagte, dass Ketamin ihr bei der Depression geholfen habe, und ihr Arzt "
              "bestätigte das in einem Gespräch mit der Zeitung am Montag nach der Sendung im Fernsehen.")
    with Store(db_path) as store:
        store.save_article(article("http://127.0.0.1:9/de", "Ketamin hilft.", language="de"))
        store.save_article(article("http://127.0.0.1:9/de2", german, language=None))
        store.save_article(article("http://127.0.0.1:9/empty", "   \n "))
        summary = tag_store(store, nlp=nlp)
        assert summary["skipped"] == 3 and summary["claims"] == 0
        statuses = sorted(r[0] for r in store.con.execute("SELECT tag_status FROM articles").fetchall())
        assert statuses == ["skipped: empty text", "skipped: not English (de)", "skipped: not English (detected)"]
        assert tag_store(store, nlp=nlp)["articles"] == 0


@pytest.mark.slow
def test_undetermined_language_is_judged_by_the_words():
    from nlp.language import skip_reason

    english = "Ketamine is a Schedule III controlled substance in the United States, and it is used in hospitals."
    assert skip_reason({"text": english, "language": "und"}) is None
    assert skip_reason({"text": english, "language": "en-GB"}) is None
    assert skip_reason({"text": english, "language": "fr"}) == "not English (fr)"
    assert skip_reason({"text": "Ketamin ist in Deutschland verschreibungspflichtig und wird in der Klinik "
                                "eingesetzt, wie die Zeitung am Montag nach einem langen Bericht über die Klinik schrieb.",
                        "language": None}) == "not English (detected)"
    assert skip_reason({"text": "Il black Friday incombe su di noi: per chi non lo sapesse, è il giorno degli sconti "
                                "che apre la stagione dello shopping natalizio in tutto il mondo.",
                        "language": ""}) == "not English (detected)"


@pytest.mark.slow
def test_a_five_megabyte_article_with_odd_unicode_is_tagged(db_path, nlp):
    filler = ("The weather was mild 🌤️ and the match ended in a draw\u200b; fans sang\u202e loudly\ufeff. "
              "Ze\u0301lie wrote a long cafe\u0301 review in Tromsø.\r\n")
    claim = "Ketamine is a Schedule III controlled substance in the United States.\n"
    block = filler * 40 + claim
    text = block * (5_000_000 // len(block) + 1)
    with Store(db_path) as store:
        _, aid = store.save_article(article("http://127.0.0.1:9/huge", text))
        summary = tag_store(store, nlp=nlp)
        assert summary["tagged"] == 1 and summary["errors"] == 0
        assert summary["claims"] == text.count(claim)
        for c in claims_of(store, aid)[:50]:
            assert text[c["span_start"]:c["span_end"]] == c["text"] == claim.strip()


def test_chunks_cover_the_text_exactly():
    text = ("line one\n" * 5000) + ("x" * 250_000)
    pieces = chunks(text, size=10_000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[off:off + len(p)] == p for off, p in pieces)
    assert max(len(p) for _, p in pieces) <= 10_000


def test_passages_of_a_text_full_of_claims_stay_small():
    sentences = [(i * 100, i * 100 + 99, True) for i in range(2000)]
    spans = passages(sentences)
    assert spans[0][0] == 0 and spans[-1][1] == sentences[-1][1]
    assert max(b - a for a, b in spans) <= 20_100
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_passages_keep_context_around_substance_sentences():
    sentences = [(0, 5, False), (6, 10, False), (11, 15, False), (16, 20, True), (21, 25, False), (26, 30, False),
                 (31, 35, False), (36, 40, False), (41, 45, True)]
    assert passages(sentences) == [(6, 25), (31, 45)]
