"""The checker's rules on hand-written claims, and check_store end to end on a real store."""

from __future__ import annotations

from facts.checker import LABELS, check_claims, check_store
from facts.curated import load_curated
from store import Store

FACTS = load_curated()


def verdicts(**claim) -> dict[str, dict]:
    """The verdicts for one claim, keyed by fact id."""
    claim.setdefault("claim_id", "c1")
    return {v["fact_id"]: v for v in check_claims([claim], FACTS)["c1"]}


def test_child_approval_meets_a_claim_about_the_parent():
    got = verdicts(text="Nasal ketamine was approved for depression in 2019.", substances=["ketamine"],
                   conditions=["depression"], claim_type="regulatory")
    spravato = got["esketamine-us-fda-spravato-approval"]
    assert spravato["verdict"] == "partly_consistent"
    assert "esketamine" in spravato["rationale"] and "Matches:" in spravato["rationale"]
    assert "the year (2019)" in spravato["rationale"]
    assert spravato["source_url"].startswith("https://www.accessdata.fda.gov/")
    assert got["ketamine-us-fda-ketalar-approval"]["verdict"] == "inconsistent"


def test_negated_claim_agrees_with_the_record():
    got = verdicts(text="Ketamine is not approved for depression.", substances=["ketamine"], conditions=["depression"],
                   claim_type="regulatory", negated=True)
    assert {v["verdict"] for v in got.values()} == {"consistent"}


def test_hedged_claim_keeps_its_label_and_says_it_was_hedged():
    got = verdicts(text="Ivermectin may help with COVID.", substances=["ivermectin"], conditions=["covid-19"],
                   claim_type="efficacy", hedged=True)
    assert got["ivermectin-us-fda-covid-not-approved"]["verdict"] == "unapproved_use"
    assert "hedged" in got["ivermectin-us-fda-covid-not-approved"]["rationale"]


def test_microdose_is_compared_with_labelled_and_studied_doses():
    got = verdicts(text="A 0.2 mg/kg microdose of ketamine.", substances=["ketamine"], conditions=[], claim_type="dosage",
                   doses=[{"value": 0.2, "unit": "mg/kg", "route": "intravenous", "text": "0.2 mg/kg"}])
    assert got["ketamine-us-fda-ketalar-labelled-dose-iv"]["verdict"] == "unapproved_use"
    assert "below the labelled range of 1–4.5 mg/kg" in got["ketamine-us-fda-ketalar-labelled-dose-iv"]["rationale"]
    assert got["ketamine-study-fava-2018-depression-dose"]["verdict"] == "partly_consistent"
    assert "ketamine-us-fda-ketalar-labelled-dose-im" not in got  # an intravenous dose is not compared with IM ones


def test_jurisdiction_cues_limit_the_facts_checked():
    uk = verdicts(text="Ketamine is illegal in the UK.", substances=["ketamine"], claim_type="legal")
    assert set(uk) == {"ketamine-uk-class-b-2014"}
    assert uk["ketamine-uk-class-b-2014"]["verdict"] == "partly_consistent"  # controlled, but prescribable
    anywhere = verdicts(text="Ketamine is a controlled substance.", substances=["ketamine"], claim_type="legal")
    assert {"ketamine-uk-class-b-2014", "ketamine-us-dea-schedule-iii"} <= set(anywhere)
    by_publisher = verdicts(text="Ketamine is a controlled drug.", substances=["ketamine"], claim_type="legal",
                            article_url="https://www.example.co.uk/news/ketamine")
    assert set(by_publisher) == {"ketamine-uk-class-b-2014"}


def test_unknown_substance_and_no_substance_give_one_not_covered():
    for claim in (dict(text="Moon dust cures grief.", substances=["moon dust"], conditions=["grief"], claim_type="efficacy"),
                  dict(text="It changed my life.", substances=[], claim_type="other"),
                  dict(text="NAD+ drips give you energy.", substances=["nad+"], conditions=["fatigue"], claim_type="efficacy")):
        got = check_claims([dict(claim, claim_id="x")], FACTS)["x"]
        assert len(got) == 1 and got[0]["verdict"] == "not_covered" and got[0]["fact_id"] == ""
        assert got[0]["rationale"]


def test_every_verdict_uses_one_of_the_five_labels_and_is_deterministic():
    claims = [dict(claim_id=str(i), text=t, substances=s, conditions=c, claim_type=k) for i, (t, s, c, k) in enumerate([
        ("Ozempic is approved for weight loss.", ["semaglutide"], ["weight loss"], "regulatory"),
        ("Psilocybin cured my depression.", ["psilocybin"], ["depression"], "efficacy"),
        ("MDMA is legal.", ["mdma"], [], "legal"),
        ("Cannabis helps chronic pain.", ["cannabis"], ["chronic pain"], "efficacy"),
    ])]
    first = check_claims(claims, FACTS)
    assert first == check_claims(claims, FACTS)
    assert {v["verdict"] for vs in first.values() for v in vs} <= set(LABELS)


def _store_with_claims(db_path):
    store = Store(db_path)
    text = ("Inhalable ketamine was approved by the FDA in 2019. Magic mushrooms are legal. "
            "NAD+ drips reverse ageing. Ivermectin cured his COVID.")
    _, article_id = store.save_article({"url": "https://news.example.com/a", "title": "T", "publisher": "Example News",
                                        "source_type": "news", "published": "2024-05-01", "text": text})
    rows = [("Inhalable ketamine was approved by the FDA in 2019.", ["esketamine"], [], "regulatory"),
            ("Magic mushrooms are legal.", ["psilocybin"], [], "legal"),
            ("NAD+ drips reverse ageing.", ["nad+"], ["ageing"], "efficacy"),
            ("Ivermectin cured his COVID.", ["ivermectin"], ["covid-19"], "efficacy")]
    claims = []
    for sentence, subs, conds, kind in rows:
        start = text.index(sentence)
        claims.append({"span_start": start, "span_end": start + len(sentence), "text": sentence, "sentence_index": 0,
                       "substances": subs, "conditions": conds, "claim_type": kind, "doses": []})
    store.save_claims(article_id, claims)
    return store


def test_check_store_writes_verdicts_and_is_idempotent(db_path):
    store = _store_with_claims(db_path)
    with store:
        summary = check_store(store)
        assert summary["claims"] == 4 and summary["facts"] >= 80
        assert summary["not_covered"] == 1 and summary["consistent"] >= 1 and summary["inconsistent"] >= 1
        assert summary["unapproved_use"] >= 1
        count = store.con.execute("SELECT count(*) FROM verdicts").fetchone()[0]
        facts = store.con.execute("SELECT count(*) FROM facts").fetchone()[0]
        again = check_store(store)
        assert again == summary
        assert store.con.execute("SELECT count(*) FROM verdicts").fetchone()[0] == count
        assert store.con.execute("SELECT count(*) FROM facts").fetchone()[0] == facts
        labels = {r[0] for r in store.con.execute("SELECT DISTINCT verdict FROM verdicts").fetchall()}
        assert labels <= set(LABELS)


def test_check_store_keeps_imported_facts(db_path, cli):
    from pathlib import Path
    fixture = Path(__file__).parent / "fixtures" / "openfda_drugsfda" / "spravato_ketalar.json"
    store = _store_with_claims(db_path)
    store.close()
    code, out, _ = cli("facts", "--db", db_path, "import", "--source", "openfda", fixture)
    assert code == 0
    code, out, err = cli("check", "--db", db_path)
    assert code == 0
    with Store(db_path, read_only=True) as store:
        ids = {r[0] for r in store.con.execute("SELECT fact_id FROM facts").fetchall()}
    assert {"fda-nda-211243-orig", "esketamine-us-fda-spravato-approval"} <= ids


def test_withdrawn_curated_fact_leaves_the_store(db_path):
    store = _store_with_claims(db_path)
    with store:
        stale = dict(FACTS[0], fact_id="ketamine-withdrawn-test-fact")
        store.save_facts([stale])
        check_store(store)
        ids = {r[0] for r in store.con.execute("SELECT fact_id FROM facts").fetchall()}
        assert "ketamine-withdrawn-test-fact" not in ids and FACTS[0]["fact_id"] in ids


def test_named_product_is_judged_and_its_siblings_left_out():
    got = verdicts(text="Ozempic was approved by the FDA in December 2017 to treat type 2 diabetes.",
                   substances=["semaglutide"], conditions=["type 2 diabetes"], claim_type="regulatory")
    assert got["semaglutide-us-fda-ozempic-approval"]["verdict"] == "consistent"
    assert "semaglutide-us-fda-rybelsus-approval" not in got
    # the named product does not fit the claim, so the sibling that does is shown
    got = verdicts(text="Ozempic is FDA-approved for weight loss.", substances=["semaglutide"],
                   conditions=["weight loss"], claim_type="regulatory")
    assert got["semaglutide-us-fda-wegovy-approval"]["verdict"] == "partly_consistent"


def test_compounded_copies_and_revocations():
    got = verdicts(text="Compounded semaglutide products are not FDA-approved.", substances=["semaglutide"],
                   conditions=[], claim_type="regulatory", negated=True)
    assert "semaglutide-us-fda-ozempic-approval" not in got
    got = verdicts(text="On 15 June the FDA revoked the emergency use authorisation for hydroxychloroquine for COVID-19.",
                   substances=["hydroxychloroquine"], conditions=["covid-19"], claim_type="regulatory")
    assert got["hydroxychloroquine-us-fda-covid-eua-revoked"]["verdict"] == "consistent"


def test_conditions_are_read_from_the_text_when_the_tagger_found_none():
    got = verdicts(text="Ayahuasca heals trauma.", substances=["ayahuasca"], conditions=[], claim_type="efficacy")
    assert got["dmt-us-dea-schedule-i"]["verdict"] == "unapproved_use"
    assert "Schedule I" in got["dmt-us-dea-schedule-i"]["rationale"]


def test_supplement_rules_separate_disease_claims_from_wellness_claims():
    disease = verdicts(text="Vitamin C prevents colds.", substances=["vitamin c"], conditions=["common cold"],
                       claim_type="efficacy")
    assert disease["vitamin-c-us-fda-supplement-disease-claims"]["verdict"] == "unapproved_use"
    wellness = verdicts(text="Vitamin C supports your immune system.", substances=["vitamin c"],
                        conditions=["immunity"], claim_type="efficacy")
    assert set(wellness) == {""}  # not_covered: a structure/function claim is not a disease claim


def test_recreational_legal_claim_and_other_countries():
    got = verdicts(text="Ketamine is legal in the UK, so you can try it on a wellness break.", substances=["ketamine"],
                   conditions=[], claim_type="legal", jurisdictions=["UK"])
    assert got["ketamine-uk-class-b-2014"]["verdict"] == "inconsistent"
    got = check_claims([dict(claim_id="a", text="Australia lets psychiatrists prescribe MDMA for PTSD.",
                             substances=["mdma"], conditions=["ptsd"], claim_type="regulatory")], FACTS)["a"]
    assert [v["verdict"] for v in got] == ["not_covered"] and "australia" in got[0]["rationale"]
