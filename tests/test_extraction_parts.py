"""The pieces of article extraction on their own: dates, language, source-type cues, furniture removal."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from crawler.boilerplate import is_boilerplate, remove_boilerplate
from crawler.language import choose_language, detect_language, normalise_language
from crawler.metadata import byline_author, jsonld_nodes, normalise_date, structured_metadata
from crawler.source_type import SOURCE_TYPES, Evidence, classify_source

ENGLISH = ("The singer said that the treatment had changed her life, and that she would recommend it to "
           "anyone who has been struggling with the same problem for as long as she has.")
FRENCH = ("La chanteuse a dit que le traitement avait changé sa vie, et qu'elle le recommanderait à tous "
          "ceux qui ont le même problème depuis aussi longtemps qu'elle.")
PORTUGUESE = ("A cantora disse que o tratamento mudou a sua vida e que o recomendaria a todos os que têm o "
              "mesmo problema há tanto tempo como ela, mas os médicos não concordam com isso.")


@pytest.mark.parametrize("raw, expected", [
    ("2024-03-12T08:15:00+00:00", "2024-03-12"),
    ("2024-3-5", "2024-03-05"),
    ("2019/11/18 10:00", "2019-11-18"),
    ("Tue, 19 Nov 2019 08:00:00 GMT", "2019-11-19"),
    ("2024-02-30", None),
    ("1970-01-01", None),
    ("next Tuesday", None),
    ("", None),
    (None, None),
])
def test_normalise_date(raw, expected):
    """Dates become YYYY-MM-DD; impossible or placeholder dates become None."""
    assert normalise_date(raw) == expected


def test_broken_jsonld_block_does_not_hide_the_good_one():
    """One unparsable JSON-LD script is skipped; the article node in the next one is still read."""
    tree = fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", oops</script>'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "X"},'
        '{"@type": ["NewsArticle"], "headline": "Real headline", "datePublished": "2022-05-01",'
        '"author": [{"name": "A. Writer"}, "https://x.example/about"], "publisher": {"name": "Paper"}}]}</script>'
        "</head><body><p>x</p></body></html>")
    types = [node.get("@type") for node in jsonld_nodes(tree)]
    assert types == [None, "WebSite", ["NewsArticle"]]  # the @graph wrapper, then its two members
    meta = structured_metadata(tree)
    assert meta["title"] == "Real headline"
    assert meta["published"] == "2022-05-01" and meta["date_source"] == "json-ld"
    assert meta["author"] == "A. Writer"  # the profile URL is not a name
    assert meta["publisher"] == "Paper"
    assert meta["article_type"] == ["NewsArticle"]


def test_opengraph_and_meta_fallbacks():
    """Without JSON-LD, OpenGraph gives title, date, locale and site name; <meta name=author> the author."""
    tree = fromstring(
        '<html><head><meta property="og:title" content="OG title"><meta property="og:locale" content="fr_FR">'
        '<meta property="article:published_time" content="2021-02-03T10:00:00Z">'
        '<meta property="og:site_name" content="Le Site"><meta name="Author" content="Jeanne Roux">'
        '<link rel="canonical" href="https://le-site.example/a"></head><body><p>x</p></body></html>')
    meta = structured_metadata(tree)
    assert (meta["title"], meta["published"], meta["date_source"]) == ("OG title", "2021-02-03", "opengraph")
    assert meta["declared_language"] == "fr_FR" and meta["publisher"] == "Le Site"
    assert meta["author"] == "Jeanne Roux" and meta["canonical_url"] == "https://le-site.example/a"


def test_entities_and_url_names_are_cleaned():
    """HTML entities in JSON-LD are decoded; a URL or @handle given as a publisher name is not kept as-is."""
    tree = fromstring(
        '<html><head><script type="application/ld+json">{"@type": "Article", "headline": "Diet &#8211; myths '
        '&amp; facts", "author": {"name": "https://x.example/me"}}</script>'
        '<meta property="og:site_name" content="https://www.paper.example"><meta name="publisher" '
        'content="@PaperDaily"></head><body><p>x</p></body></html>')
    meta = structured_metadata(tree)
    assert meta["title"] == "Diet \u2013 myths & facts"
    assert meta["author"] is None
    assert meta["publisher"] == "PaperDaily"


@pytest.mark.parametrize("flag, paywalled", [("false", True), ("False", True), ("true", None), ("", None)])
def test_paywall_flag(flag, paywalled):
    """schema.org isAccessibleForFree=false marks the article as paywalled (its text may be a teaser)."""
    value = {"false": "false", "False": '"False"', "true": "true", "": '""'}[flag]
    tree = fromstring('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                      f'"isAccessibleForFree": {value}}}</script></head><body><p>x</p></body></html>')
    assert structured_metadata(tree)["paywalled"] is paywalled


@pytest.mark.parametrize("value, code", [("en-US", "en"), ("pt_BR", "pt"), ("EN", "en"), ("english", None),
                                         ("", None), (None, None)])
def test_normalise_language(value, code):
    """Declarations reduce to ISO 639-1 codes."""
    assert normalise_language(value) == code


@pytest.mark.parametrize("text, code", [(ENGLISH, "en"), (FRENCH, "fr"), (PORTUGUESE, "pt"),
                                        ("東京の歌手が新しい治療について話しました。とても効果があったと言っています。", "ja"),
                                        ("Певица сказала, что лечение изменило её жизнь, и что она его рекомендует.", "ru")])
def test_detect_language_clear_cases(text, code):
    """Clear prose is recognised by script or function words."""
    detected, clear = detect_language(text)
    assert detected == code and clear


def test_language_declaration_versus_text():
    """The declaration wins unless the text clearly says otherwise; short text defers to it."""
    assert choose_language("en", FRENCH) == ("fr", "text")
    assert choose_language("fr-FR", FRENCH) == ("fr", "declared")
    assert choose_language("de", "OK") == ("de", "declared")
    assert choose_language(None, ENGLISH) == ("en", "text")
    assert choose_language(None, "") == (None, None)


@pytest.mark.parametrize("evidence, expected", [
    (Evidence(host="fda.gov"), "government"),
    (Evidence(host="www.nhs.uk"), "government"),
    (Evidence(host="ec.europa.eu"), "government"),
    (Evidence(host="notagov.com"), "unknown"),
    (Evidence(jsonld_types=frozenset({"GovernmentOrganization"})), "government"),
    (Evidence(article_types=frozenset({"NewsArticle"})), "news"),
    (Evidence(article_types=frozenset({"BlogPosting"})), "blog"),
    (Evidence(host="someone.substack.com"), "blog"),
    (Evidence(names=("City Magazine",), og_type="article"), "magazine"),
    (Evidence(names=("The Evening Herald",)), "news"),
    (Evidence(jsonld_types=frozenset({"MedicalClinic"})), "commercial"),
    (Evidence(page_text="Single session $450. Package $1,200. Book now!", price_snippets=2), "commercial"),
    (Evidence(booking_form=True, price_snippets=2), "commercial"),
    (Evidence(page_text="Shares rose to $55.12 as the firm raised $12.9bn. Book now."), "unknown"),
    (Evidence(host="www.nytimes.com", og_type="article"), "news"),
    (Evidence(), "unknown"),
])
def test_source_type_cues(evidence, expected):
    """Each cue kind in the resource table moves the verdict as documented."""
    kind, _ = classify_source(evidence)
    assert kind == expected and kind in SOURCE_TYPES


def test_price_snippets_count_short_texts_only():
    """A price counts when it stands alone (a price tag), not inside a sentence of prose."""
    from crawler.source_type import count_price_snippets

    assert count_price_snippets(["Single infusion: $550", "From £99 per session", "Only 45 EUR"]) == 3
    assert count_price_snippets(["Shares of the company rose 3% to $55.12 on Tuesday after it said profits grew",
                                 "It raised $12.9bn", "Page 2"]) == 0


def test_news_outlet_mentioning_prices_stays_news():
    """A news article that quotes prices and a 'buy now' ad is still news."""
    evidence = Evidence(article_types=frozenset({"NewsArticle"}), names=("Daily Courier",), og_type="article",
                        page_text="The clinic charges $500 a session and $2,000 for a course. Buy now ad.")
    assert classify_source(evidence)[0] == "news"


@pytest.mark.parametrize("line", [
    "Sign up for our newsletter to get the latest headlines",
    "Get the day's top stories delivered to your inbox.",
    "Follow us on Twitter and Facebook.",
    "Related: Ten things to know about vitamin D",
    "READ MORE: Clinic fined over claims",
    "(Reporting by A. Writer; Editing by B. Editor)",
    "Advertisement",
    "We use cookies to improve your experience.",
    "Write to Jo Bloggs at jo.bloggs@example.com",
    "Keith Example contributed reporting from Hong Kong.",
    "Our best stories, delivered straight to your inbox every morning",
    "The reporter may be reached at desk@example.org",
    "Jo Bloggs in London contributed to this report.",
    "November 20, 2019 - 11:28 AMT",
    "Updated at 1:23 p.m.",
    "Reading time: 4 minutes",
    "If you enjoyed this article, please consider supporting us.",
    "Subscribe to continue reading.",
    "Already a subscriber? Log in",
])
def test_furniture_lines(line):
    """Typical furniture lines are recognised."""
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The singer said she follows a strict diet and signs up for every marathon.",
    "Published in the journal Nature, the study followed 2,000 adults for ten years.",
    "https://example.org/the-study-cited-by-the-author",
    "Doctors say there is no evidence that the newsletter's advice works, and several have written to the "
    "regulator to complain about the claims it makes about supplements and detox teas every week.",
])
def test_article_lines_are_kept(line):
    """Ordinary sentences, even ones mentioning furniture words, stay."""
    assert not is_boilerplate(line)


def test_click_to_tweet_is_cut_from_quotes():
    """Share-button text glued to a sentence is cut off; the sentence stays."""
    assert remove_boilerplate("Health is wealth.Click To Tweet\nMore text here.") == "Health is wealth.\nMore text here."


def test_remove_boilerplate_headline_and_related_list():
    """The headline at the top and a 'Related stories' heading with its links go; the story stays."""
    text = "\n".join([
        "Clinic fined over ketamine claims",
        "A clinic was fined on Monday for claims about ketamine.",
        "Related stories",
        "- Five myths about vitamin D",
        "Hospital waiting lists fall",
        "The regulator said the fine was the largest of its kind.",
    ])
    cleaned = remove_boilerplate(text, ["Clinic fined over ketamine claims | The Paper"])
    assert cleaned.split("\n") == ["A clinic was fined on Monday for claims about ketamine.",
                                   "The regulator said the fine was the largest of its kind."]


def test_embedded_post_is_restored_in_place_once():
    """A tweet the extractor dropped comes back after the paragraph it followed; one already kept is not doubled."""
    from crawler.social_embeds import restore_social_embeds

    tree = fromstring(
        "<html><body><p>First paragraph about the claim made online.</p>"
        '<div class="embed"><blockquote class="twitter-tweet"><p>Cold water cured me.</p>'
        "&mdash; A Person (@a_person) <a href='#'>May 1, 2024</a></blockquote></div>"
        "<p>Second paragraph with the doctors' replies.</p></body></html>")
    text = "First paragraph about the claim made online.\nSecond paragraph with the doctors' replies."
    restored, count = restore_social_embeds(tree, text)
    assert count == 1
    assert restored.split("\n") == ["First paragraph about the claim made online.", "Cold water cured me.",
                                     "\u2014 A Person (@a_person) May 1, 2024",
                                     "Second paragraph with the doctors' replies."]
    assert restore_social_embeds(tree, restored) == (restored, 0)


def test_plain_blockquotes_are_not_embeds():
    """An ordinary quotation block is left to the main-text extractor."""
    from crawler.social_embeds import restore_social_embeds

    tree = fromstring('<html><body><p>Intro text here for the quote.</p><blockquote class="pull-quote">'
                      "<p>A pulled quote.</p></blockquote></body></html>")
    assert restore_social_embeds(tree, "Intro text here for the quote.") == ("Intro text here for the quote.", 0)


def test_paywalled_teaser_is_accepted_without_fallback_passes():
    """A short text on a page that declares a paywall is taken as the teaser it is; elsewhere the
    slower fallback passes get a say."""
    from crawler.extraction import extract_article

    teaser = ("<p>The fictional chef Ola Brenner says a raw garlic shot every morning keeps her free of colds, "
              "and her cookbook tells readers to give up their flu vaccines in favour of it.</p>"
              "<p>Subscribers can read the rest of this story, including what three infectious disease "
              "specialists told us about the evidence for garlic and colds.</p>")

    def page(free: str) -> str:
        """The teaser page with isAccessibleForFree set to free."""
        return ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Garlic", '
                f'"isAccessibleForFree": {free}}}</script></head><body><article>{teaser}</article></body></html>')

    paywalled, free = extract_article(page("false")), extract_article(page("true"))
    assert paywalled["paywalled"] is True and free["paywalled"] is False
    assert paywalled["extraction_method"] == "trafilatura-precision"
    assert free["extraction_method"] != "trafilatura-precision"
    assert "raw garlic shot" in paywalled["text"] and "raw garlic shot" in free["text"]


@pytest.mark.parametrize("body", [
    '<div class="byline">By<time>Jan 2</time>John Smith<span class="date">x</span>and Ann</div>',
    '<span class="author">Ann<figure>f</figure> Lee<time>t</time></span><p class="author-name">Bob</p>',
    '<div class="sidebar"><span class="author">Hidden Name</span></div><a rel="author">Real <span class="quote">q'
    '</span>Name</a>',
    '<div id="comments"><p class="byline">Commenter</p></div><div class="writer">W<div class="print">p</div>X Y</div>',
    '<p itemprop="author">Jo Bloggs</p><p class="author">Someone Else</p>',
    '<p>No byline here at all.</p>',
])
def test_byline_author_matches_trafilatura(body):
    """The one-pass byline search finds what trafilatura's own extract_author finds, text joins included."""
    from trafilatura.metadata import extract_author

    tree = fromstring(f"<html><head><title>t</title></head><body>{body}<p>Text.</p></body></html>")
    assert byline_author(tree) == extract_author(tree)


def test_microdata_article_fields_without_reading_the_body():
    """Microdata headline, author and date still come out; the article body text is not needed for them."""
    tree = fromstring(
        '<html><body><article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Singer <b>opens up</b> about her diet</h1>'
        '<span itemprop="author">Jo Bloggs</span><time itemprop="datePublished" datetime="2024-03-12">12 March</time>'
        '<div itemprop="articleBody"><p>The singer said the diet worked.</p></div></article></body></html>'
    )
    meta = structured_metadata(tree)
    assert (meta["title"], meta["author"], meta["published"]) == ("Singer opens up about her diet", "Jo Bloggs",
                                                                   "2024-03-12")


@pytest.mark.parametrize("page", [
    b"<!DOCTYPE html><html><head><title>t</title></head><body><p>Plain \xc3\xa9t\xc3\xa9 page.</p></body></html>",
    b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html><body><p>XHTML doctype</p></body></html>',
    b"<html><head></head><body><p>control \x01 character</p></body></html>",
    b"<html><head></head><body><p>non-character \xef\xbf\xbf in the text</p></body></html>",
    b"<html/>\n<body><p>self-closing html</p></body>",
    b"<p>a fragment only</p>",
])
def test_parse_builds_the_tree_load_html_builds(page):
    """Parsing a UTF-8 page from its bytes gives trafilatura's load_html tree, repairs or not."""
    from lxml.html import tostring
    from trafilatura.utils import load_html

    from crawler.extraction import _parse

    ours, theirs = _parse(page.decode("utf-8"), page), load_html(page.decode("utf-8"))
    assert (ours is None) == (theirs is None)
    assert ours is None or tostring(ours) == tostring(theirs)
