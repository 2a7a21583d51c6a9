"""A small store for dashboard and export tests: fictional people, true regulatory facts, hostile text."""

from __future__ import annotations

from pathlib import Path

from store import Store

# Every person here is invented; the regulatory facts are real and cited.
FACTS = [
    {"fact_id": "us-fda-spravato-approval-2019", "substance": "esketamine", "jurisdiction": "US",
     "authority": "FDA", "kind": "approval", "product": "Spravato nasal spray", "brand": "Spravato",
     "route": "nasal", "indication": "treatment-resistant depression in adults", "date": "2019-03-05",
     "summary": "FDA approved Spravato (esketamine) nasal spray, used with an oral antidepressant, "
                "for treatment-resistant depression in adults.",
     "source_url": "https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=211243",
     "source_title": "Drugs@FDA: NDA 211243 (Spravato)", "verified": "2026-11-01", "provenance": "test"},
    {"fact_id": "eu-ema-spravato-authorisation-2019", "substance": "esketamine", "jurisdiction": "EU",
     "authority": "EMA", "kind": "approval", "product": "Spravato nasal spray", "brand": "Spravato",
     "route": "nasal", "indication": "treatment-resistant major depressive disorder in adults",
     "date": "2019-12-18",
     "summary": "The European Commission authorised Spravato for treatment-resistant major depressive "
                "disorder in adults, with an SSRI or SNRI.",
     "source_url": "https://www.ema.europa.eu/en/medicines/human/EPAR/spravato",
     "source_title": "EMA: Spravato EPAR", "verified": "2026-11-01", "provenance": "test"},
    {"fact_id": "us-dea-ketamine-schedule-iii", "substance": "ketamine", "jurisdiction": "US",
     "authority": "DEA", "kind": "scheduling", "date": "1999-08-12",
     "summary": "Ketamine is a Schedule III controlled substance under the US Controlled Substances Act.",
     "source_url": "https://www.deadiversion.usdoj.gov/schedules/orange_book/c_cs_alpha.pdf",
     "source_title": "DEA: Controlled Substances - Alphabetical Order", "verified": "2026-11-01",
     "provenance": "test"},
    {"fact_id": "uk-mda-ketamine-class-b", "substance": "ketamine", "jurisdiction": "UK",
     "authority": "Home Office", "kind": "scheduling", "date": "2014-06-10",
     "summary": "Ketamine is a Class B drug under the Misuse of Drugs Act 1971 (moved from Class C in 2014).",
     "source_url": "https://www.legislation.gov.uk/ukpga/1971/38/schedule/2",
     "source_title": "Misuse of Drugs Act 1971, Schedule 2", "verified": "2026-11-01", "provenance": "test"},
    {"fact_id": "us-dea-psilocybin-schedule-i", "substance": "psilocybin", "jurisdiction": "US",
     "authority": "DEA", "kind": "scheduling", "date": "1970-10-27",
     "summary": "Psilocybin is a Schedule I controlled substance under the US Controlled Substances Act.",
     "source_url": "https://www.deadiversion.usdoj.gov/schedules/orange_book/c_cs_alpha.pdf",
     "source_title": "DEA: Controlled Substances - Alphabetical Order", "verified": "2026-11-01",
     "provenance": "test"},
    {"fact_id": "us-fda-epidiolex-approval-2018", "substance": "cannabidiol", "jurisdiction": "US",
     "authority": "FDA", "kind": "approval", "product": "Epidiolex oral solution", "brand": "Epidiolex",
     "route": "oral", "indication": "seizures of Lennox-Gastaut syndrome or Dravet syndrome",
     "date": "2018-06-25",
     "summary": "FDA approved Epidiolex (cannabidiol) oral solution for seizures associated with "
                "Lennox-Gastaut syndrome or Dravet syndrome.",
     "source_url": "https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=210365",
     "source_title": "Drugs@FDA: NDA 210365 (Epidiolex)", "verified": "2026-11-01", "provenance": "test"},
]

HOSTILE_TITLE = "Rock star \"Zed\" says '; DROP TABLE claims; --"
SCRIPT = '<script>alert("pwned")</script>'

# (article, [(claim sentence, claim fields, verdicts)]); every claim sentence occurs once in its text.
ARTICLES = [
    ({"url": "http://127.0.0.1:9/globe/ana-vega-ketamine", "title": "Singer Ana Vega opens up about ketamine",
      "publisher": "The Daily Globe", "published": "2024-03-18", "source_type": "news", "is_demo": True,
      "text": "Ana Vega has spoken about her health before.\n\n"
              "\"Ketamine cured my depression in three weeks,\" said singer Ana Vega. She did not say who "
              "prescribed it.\n\n"
              "Spravato was approved by the FDA in 2019 for treatment-resistant depression."},
     [("\"Ketamine cured my depression in three weeks,\" said singer Ana Vega.",
       {"claimant_name": "Ana Vega", "claimant_role": "celebrity", "claim_type": "efficacy",
        "substances": ["ketamine"], "conditions": ["depression"], "stance": "endorses",
        "cues": {"celebrity_endorsement": ["singer Ana Vega"], "anecdote": ["my depression"],
                 "absolute_language": ["cured"]}},
       [("us-fda-spravato-approval-2019", "esketamine", "US", "partly_consistent",
         "The FDA approved esketamine (Spravato nasal spray) in 2019 for treatment-resistant depression, "
         "used with an oral antidepressant; the claim names ketamine in general and says it cured depression."),
        ("eu-ema-spravato-authorisation-2019", "esketamine", "EU", "partly_consistent",
         "The EU authorised esketamine nasal spray in 2019 for treatment-resistant depression only.")]),
      ("Spravato was approved by the FDA in 2019 for treatment-resistant depression.",
       {"claimant_name": None, "claimant_role": "author", "claim_type": "regulatory",
        "substances": ["esketamine"], "conditions": ["treatment-resistant depression"]},
       [("us-fda-spravato-approval-2019", "esketamine", "US", "consistent",
         "The FDA approved Spravato on 5 March 2019 for treatment-resistant depression in adults.")])]),
    ({"url": "http://127.0.0.1:9/shop/cbd-stars", "title": "Why the stars love our CBD oil",
      "publisher": "Green Leaf Shop", "published": "2024-07-02", "source_type": "commercial", "is_demo": True,
      "text": "Shop our bestselling CBD oil today.\n\n"
              "Actor Marco Reyes says CBD oil may ease his anxiety before every premiere. "
              "Our gummies are legal in all 50 states."},
     [("Actor Marco Reyes says CBD oil may ease his anxiety before every premiere.",
       {"claimant_name": "Marco Reyes", "claimant_role": "celebrity", "claim_type": "efficacy",
        "substances": ["cannabidiol"], "conditions": ["anxiety"], "stance": "endorses", "hedged": True,
        "cues": {"celebrity_endorsement": ["Actor Marco Reyes"], "hedging": ["may"],
                 "commercial_source": ["Shop our bestselling CBD oil"], "anecdote": ["his anxiety"]}},
       [("us-fda-epidiolex-approval-2018", "cannabidiol", "US", "unapproved_use",
         "The only FDA-approved cannabidiol medicine, Epidiolex (2018), is for seizures of Lennox-Gastaut "
         "or Dravet syndrome; anxiety is not an approved use.")]),
      ("Our gummies are legal in all 50 states.",
       {"claimant_name": "Green Leaf Shop", "claimant_role": "organisation", "claim_type": "legal",
        "substances": ["cannabidiol"],
        "cues": {"commercial_source": ["Our gummies"], "absolute_language": ["all 50 states"]}},
       [])]),
    ({"url": "http://127.0.0.1:9/wire/psilocybin-law", "title": "Psilocybin retreats draw celebrities",
      "publisher": "Health Wire", "published": "2025-01-20", "source_type": "news", "is_demo": True,
      "text": "Retreats offering psilocybin are drawing famous guests.\n\n"
              "Psilocybin remains a Schedule I controlled substance under US federal law, said psychiatrist "
              "Lena Hart.\n\n"
              "90% of people who try psilocybin never feel depressed again, wellness influencer Jules Okafor "
              "told followers."},
     [("Psilocybin remains a Schedule I controlled substance under US federal law, said psychiatrist "
       "Lena Hart.",
       {"claimant_name": "Lena Hart", "claimant_role": "expert", "claim_type": "legal",
        "substances": ["psilocybin"], "stance": "neutral", "cues": {}},
       [("us-dea-psilocybin-schedule-i", "psilocybin", "US", "consistent",
         "Psilocybin is in Schedule I of the US Controlled Substances Act.")]),
      ("90% of people who try psilocybin never feel depressed again, wellness influencer Jules Okafor "
       "told followers.",
       {"claimant_name": "Jules Okafor", "claimant_role": "celebrity", "claim_type": "efficacy",
        "substances": ["psilocybin"], "conditions": ["depression"], "stance": "endorses",
        "cues": {"celebrity_endorsement": ["wellness influencer Jules Okafor"],
                 "unsourced_statistic": ["90%"], "absolute_language": ["never"]}},
       [("us-dea-psilocybin-schedule-i", "psilocybin", "US", "unapproved_use",
         "No regulator in the fact base has approved psilocybin for depression; in the US it is in "
         "Schedule I.")])]),
    ({"url": "http://127.0.0.1:9/blog/zed-ibogaine", "title": HOSTILE_TITLE,
      "publisher": "Night Owl Blog", "published": "2025-02-11", "source_type": "blog", "is_demo": True,
      "text": f"The blog post began with {SCRIPT} in its text.\n\n"
              f"Zed claimed that ibogaine resets the brain overnight. <b>{SCRIPT}</b> & more.\n\n"
              "Nobody else was quoted."},
     [("Zed claimed that ibogaine resets the brain overnight.",
       {"claimant_name": "Zed", "claimant_role": "celebrity", "claim_type": "efficacy",
        "substances": ["ibogaine"], "stance": "endorses", "cues": {"absolute_language": ["overnight"]}},
       [("", "ibogaine", None, "not_covered", "No fact in the fact base bears on ibogaine.")])]),
    ({"url": "http://127.0.0.1:9/mag/ana-vega-tour", "title": "Ana Vega: life on tour",
      "publisher": "Stage Magazine", "published": "2025-06-05", "source_type": "magazine", "is_demo": True,
      "text": "Ana Vega is back on tour.\n\n"
              "Ana Vega said she now avoids ketamine because it is a controlled drug in Britain."},
     [("Ana Vega said she now avoids ketamine because it is a controlled drug in Britain.",
       {"claimant_name": "Ana Vega", "claimant_role": "celebrity", "claim_type": "legal",
        "substances": ["ketamine"], "stance": "disputes", "jurisdictions": ["UK"], "cues": {}},
       [("uk-mda-ketamine-class-b", "ketamine", "UK", "consistent",
         "Ketamine is a Class B drug under the UK Misuse of Drugs Act 1971.")])]),
]


def build_dashboard_store(path: Path) -> dict[str, str]:
    """Write the sample articles, claims, facts and verdicts to a new store; returns claim ids by sentence."""
    claim_ids: dict[str, str] = {}
    with Store(path) as store:
        store.save_facts(FACTS)
        for article, claims in ARTICLES:
            _, article_id = store.save_article(dict(article))
            text = article["text"]
            rows, verdicts = [], {}
            for sentence, fields, _ in claims:
                start = text.index(sentence)
                rows.append(dict(fields, span_start=start, span_end=start + len(sentence), text=sentence))
            store.save_claims(article_id, rows)
            saved = dict(store.con.execute(
                "SELECT text, claim_id FROM claims WHERE article_id = ?", [article_id]).fetchall())
            for sentence, _, found in claims:
                claim_ids[sentence] = saved[sentence]
                if found:
                    verdicts[saved[sentence]] = [
                        {"fact_id": fid, "substance": sub, "jurisdiction": jur, "verdict": label,
                         "rationale": why,
                         "source_url": next((f["source_url"] for f in FACTS if f["fact_id"] == fid), None)}
                        for fid, sub, jur, label, why in found]
            store.save_verdicts(verdicts)
        store.record_run("check", store.con.execute("SELECT now()::TIMESTAMP").fetchone()[0], {"claims": 8})
    return claim_ids
