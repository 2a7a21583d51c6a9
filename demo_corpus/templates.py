"""Page templates for the demo site: six kinds of real-world article page, each with its boilerplate."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime

from demo_corpus.model import DEMO_NOTICE, Article, Outlet, Report
from demo_corpus.server import PLACEHOLDER_ORIGIN

# Linked from every footer but disallowed by robots.txt: only a polite crawler stays out of it.
PRIVATE_DRAFTS = "/private/draft-ketamine-cure-all.html"
REPORT_TOKEN = re.compile(r"\{r(\d+)(?::([^}]*))?\}")


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return html.escape(text, quote=True)


def absolute(path: str) -> str:
    """The page's absolute URL on the demo host (the server swaps in its real origin)."""
    return PLACEHOLDER_ORIGIN + path


def report_link(report: Report, text: str | None = None) -> str:
    """An outbound link to a real news report; rel=nofollow because it leaves the demo site."""
    return (f'<a class="report-link" rel="nofollow noopener external" href="{esc(report.url)}">'
            f"{esc(text or report.outlet)}</a>")


def body_html(article: Article) -> str:
    """The article's paragraphs, with {rN} / {rN:text} tokens turned into report links."""
    def link(match: re.Match) -> str:
        return report_link(article.reports[int(match.group(1))], match.group(2))

    blocks = []
    for para in article.body:
        para = REPORT_TOKEN.sub(link, para)
        blocks.append(para if para.startswith("<") else f"<p>{para}</p>")
    return "\n".join(blocks)


def sources_box(article: Article, heading: str = "Reports cited") -> str:
    """A list of the real reports the page relies on, as a reader would want to check them."""
    if not article.reports:
        return ""
    items = "\n".join(f"<li>{report_link(r, r.outlet)}: {esc(r.about)}</li>" for r in article.reports)
    return f'<aside class="sources"><h2>{esc(heading)}</h2><ul>\n{items}\n</ul></aside>'


def demo_notice() -> str:
    """The short, visible notice at the top of every page."""
    return f'<p class="demo-notice" role="note"><strong>{esc(DEMO_NOTICE)}</strong></p>'


def head(article_or_title, outlet: Outlet | None, template: str, extra_meta: str = "",
         canonical: str = "", description: str = "") -> str:
    """The <head>: title, demo metadata, template name, canonical link and the shared stylesheet."""
    title = article_or_title.title if isinstance(article_or_title, Article) else article_or_title
    site = f" | {outlet.name}" if outlet else " | healthclaims demo corpus"
    parts = [
        "<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}{esc(site)}</title>",
        '<meta name="healthclaims:demo" content="true">',
        f'<meta name="healthclaims:template" content="{esc(template)}">',
        '<meta name="robots" content="noarchive">',
    ]
    if description:
        parts.append(f'<meta name="description" content="{esc(description)}">')
    if canonical:
        parts.append(f'<link rel="canonical" href="{esc(canonical)}">')
    parts.append('<link rel="stylesheet" href="/static/demo.css">')
    if extra_meta:
        parts.append(extra_meta)
    parts.append("</head>")
    return "\n".join(parts)


def json_ld(data: dict) -> str:
    """A JSON-LD script block."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def nav(outlet: Outlet) -> str:
    """The outlet's top navigation bar."""
    links = "".join(f'<li><a href="/{outlet.key}/index.html#{esc(s.lower().replace(" ", "-"))}">{esc(s)}</a></li>'
                    for s in outlet.nav)
    return (f'<nav class="site-nav" aria-label="Main"><a class="brand" href="/{outlet.key}/index.html">'
            f"{esc(outlet.name)}</a><ul>{links}</ul></nav>")


def footer(outlet: Outlet) -> str:
    """The outlet's footer: about line, legal links, and the pointer to the corpus description."""
    return f"""<footer class="site-footer">
<p>{esc(outlet.name)}: {esc(outlet.tagline)}</p>
<ul class="footer-links"><li><a href="/{outlet.key}/index.html">Home</a></li><li><a href="/about.html">About this demo corpus</a></li>
<li><a href="/{outlet.key}/index.html#privacy">Privacy</a></li><li><a href="/{outlet.key}/index.html#terms">Terms</a></li><li><a href="/{outlet.key}/index.html#contact">Contact</a></li>
<li><a href="{PRIVATE_DRAFTS}">Staff drafts</a></li></ul>
<p class="small">{esc(outlet.name)} is a fictional publication. Every page on this site was written for the healthclaims project.</p>
</footer>"""


def share_bar(article: Article) -> str:
    """Share buttons, as news and magazine sites put above and below a story."""
    return ('<div class="share-bar" aria-label="Share"><span>Share</span>'
            '<a href="#share-twitter">X / Twitter</a><a href="#share-facebook">Facebook</a>'
            '<a href="#share-email">Email</a><a href="#copy-link">Copy link</a></div>')


def long_date(iso: str) -> str:
    """`19 March 2024` (British style)."""
    d = datetime.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def us_date(iso: str) -> str:
    """`March 19, 2024` (US style)."""
    d = datetime.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"


def page(head_html: str, body_inner: str, body_class: str) -> str:
    """Wrap head and body into a full document."""
    return f'{head_html}\n<body class="{body_class}">\n{demo_notice()}\n{body_inner}\n</body>\n</html>\n'


# --- (1) news site with JSON-LD NewsArticle --------------------------------------------------

def render_news(article: Article, outlet: Outlet) -> str:
    """A newspaper story or fact check with NewsArticle JSON-LD, byline, share bars and sources."""
    url = absolute(article.path)
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": article.title, "description": article.dek,
        "datePublished": article.published, "dateModified": article.updated,
        "author": [{"@type": "Person", "name": article.author}],
        "publisher": {"@type": "Organization", "name": outlet.name,
                      "logo": {"@type": "ImageObject", "url": absolute(f"/{outlet.key}/logo.png")}},
        "mainEntityOfPage": url, "isAccessibleForFree": True,
        "articleSection": article.extra.get("section", "Health"),
        "keywords": article.tags,
    }
    blocks = json_ld(ld)
    if "claim_review" in article.extra:
        blocks += "\n" + json_ld(claim_review(article, outlet))
    section = article.extra.get("section", "Health")
    expert = article.extra.get("expert_box", "")
    body = f"""{nav(outlet)}
<div class="breadcrumb"><a href="/{outlet.key}/index.html">Home</a> &rsaquo; <a href="/{outlet.key}/index.html#{section.lower().replace(' ', '-')}">{esc(section)}</a></div>
<main>
<article class="story">
<header>
<p class="kicker">{esc(section)}</p>
<h1>{esc(article.title)}</h1>
<p class="dek">{esc(article.dek)}</p>
<p class="byline">By <span class="author">{esc(article.author)}</span> &middot; <time datetime="{article.published}">Published {long_date(article.published)}</time></p>
</header>
{share_bar(article)}
<div class="story-body">
{body_html(article)}
</div>
{f'<aside class="expert-box">{expert}</aside>' if expert else ''}
{sources_box(article)}
{share_bar(article)}
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/{outlet.key}/index.html">Council tax: what changes in April</a></li><li><a href="/{outlet.key}/index.html">Weather: a wet weekend ahead</a></li><li><a href="/{outlet.key}/index.html">Transfer window round-up</a></li></ol></aside>
</main>
{footer(outlet)}"""
    return page(head(article, outlet, "news-jsonld", blocks, url, article.dek), body, "news")


def claim_review(article: Article, outlet: Outlet) -> dict:
    """schema.org ClaimReview for a fact check, as fact-checking outlets embed beside NewsArticle."""
    review = article.extra["claim_review"]
    item = {"@type": "Claim", "author": {"@type": review.get("author_type", "Organization"),
                                         "name": review["author"]}}
    if review.get("appearance"):
        item["appearance"] = {"@type": "CreativeWork", "url": absolute(review["appearance"])}
    return {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": absolute(article.path),
        "claimReviewed": review["claim"], "datePublished": article.published[:10],
        "author": {"@type": "Organization", "name": outlet.name},
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": review.get("value", 1), "bestRating": 5,
                         "worstRating": 1, "alternateName": review["rating"]},
    }


# --- (2) magazine with OpenGraph meta only --------------------------------------------------------

def render_magazine(article: Article, outlet: Outlet) -> str:
    """A lifestyle-magazine feature: OpenGraph and article: meta only, hero image, shop-the-story box."""
    url = absolute(article.path)
    meta = "\n".join([
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:description" content="{esc(article.dek)}">',
        f'<meta property="og:url" content="{esc(url)}">',
        f'<meta property="og:site_name" content="{esc(outlet.name)}">',
        f'<meta property="og:image" content="{esc(absolute(f"/{outlet.key}/img/{article.slug}.jpg"))}">',
        f'<meta property="article:published_time" content="{article.published}">',
        f'<meta property="article:modified_time" content="{article.updated}">',
        f'<meta property="article:author" content="{esc(article.author)}">',
        f'<meta property="article:section" content="{esc(article.extra.get("section", "Wellness"))}">',
    ] + [f'<meta property="article:tag" content="{esc(t)}">' for t in article.tags])
    shop = article.extra.get("shop", "")
    quote = article.extra.get("pull_quote", "")
    body = f"""{nav(outlet)}
<main class="feature">
<div class="hero"><img src="/{outlet.key}/img/{article.slug}.jpg" alt="" width="1200" height="630"><p class="credit">Illustration: {esc(outlet.name)}</p></div>
<p class="section-label">{esc(article.extra.get("section", "Wellness"))}</p>
<h1>{esc(article.title)}</h1>
<p class="standfirst">{esc(article.dek)}</p>
<p class="meta">Words by {esc(article.author)} &middot; {us_date(article.published)} &middot; 6 min read</p>
{share_bar(article)}
<div class="entry-content">
{body_html(article)}
{f'<blockquote class="pull-quote">{quote}</blockquote>' if quote else ''}
</div>
{f'<aside class="shop-the-story"><h2>Shop the story</h2>{shop}<p class="small">We may earn a commission when you buy through links on our site.</p></aside>' if shop else ''}
{sources_box(article, "Where these statements were reported")}
<section class="newsletter-inline"><h2>Get the Glow-Up letter</h2><form action="/{outlet.key}/subscribe" method="post"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form></section>
<section class="more-from"><h2>More from {esc(outlet.name)}</h2><ul><li><a href="/{outlet.key}/index.html">Our editors' favourite sleep masks</a></li><li><a href="/{outlet.key}/index.html">The five-minute morning stretch</a></li></ul></section>
</main>
{footer(outlet)}"""
    return page(head(article, outlet, "magazine-og", meta, url, article.dek), body, "magazine")


# --- (3) clinic / shop landing page ------------------------------------------------------------

def render_clinic(article: Article, outlet: Outlet) -> str:
    """A clinic landing page selling a treatment: prices, booking form, testimonials, JSON-LD offers."""
    url = absolute(article.path)
    offers = article.extra.get("offers", [])
    clinic = {
        "@context": "https://schema.org", "@type": "MedicalClinic", "name": outlet.name,
        "url": absolute(f"/{outlet.key}/index.html"), "telephone": "+1-555-0142",
        "address": {"@type": "PostalAddress", "streetAddress": "1200 Example Avenue, Suite 4",
                    "addressLocality": "Springfield", "addressRegion": "ZZ", "addressCountry": "US"},
        "medicalSpecialty": article.extra.get("specialty", "Psychiatric"),
    }
    product = {
        "@context": "https://schema.org", "@type": "Product", "name": article.extra.get("product", article.title),
        "description": article.dek, "brand": {"@type": "Brand", "name": outlet.name},
        "offers": [{"@type": "Offer", "name": name, "price": f"{price:.2f}", "priceCurrency": "USD",
                    "availability": "https://schema.org/InStock", "url": url + "#book"}
                   for name, price in offers],
    }
    webpage = {"@context": "https://schema.org", "@type": "WebPage", "name": article.title,
               "datePublished": article.published, "dateModified": article.updated, "url": url}
    rows = "\n".join(f"<tr><td>{esc(n)}</td><td>${p:,.0f}</td></tr>" for n, p in offers)
    options = "".join(f"<option>{esc(n)}</option>" for n, _ in offers)
    testimonials = "".join(f"<blockquote class=\"testimonial\">{t}</blockquote>"
                           for t in article.extra.get("testimonials", []))
    meta = "\n".join([json_ld(clinic), json_ld(product), json_ld(webpage)])
    body = f"""<div class="topbar">Call us: (555) 0142 &middot; Open Mon&ndash;Sat 8am&ndash;7pm &middot; <a href="#book">Book online</a></div>
{nav(outlet)}
<main class="landing">
<section class="hero-cta"><h1>{esc(article.title)}</h1><p class="lead">{esc(article.dek)}</p><a class="button" href="#book">Book your free consultation</a></section>
<p class="page-date">Page published <time datetime="{article.published}">{us_date(article.published)}</time> &middot; Medically reviewed by our clinical team</p>
<section class="content">
{body_html(article)}
</section>
<section class="pricing" id="pricing"><h2>Pricing</h2><table><thead><tr><th>Service</th><th>Price</th></tr></thead><tbody>
{rows}
</tbody></table><p class="small">Prices in US dollars. Most services are not covered by insurance. HSA/FSA cards accepted.</p></section>
<section class="testimonials"><h2>What our clients say</h2>{testimonials}</section>
<section class="booking" id="book"><h2>Book an appointment</h2>
<form action="/{outlet.key}/book" method="post" class="booking-form">
<label>Full name <input name="name" required></label>
<label>Email <input type="email" name="email" required></label>
<label>Phone <input type="tel" name="phone"></label>
<label>Service <select name="service">{options}</select></label>
<label>Preferred date <input type="date" name="date"></label>
<label><input type="checkbox" name="consent" required> I agree to the terms and the privacy policy</label>
<button type="submit">Request appointment</button>
</form></section>
{sources_box(article, "In the news")}
<p class="disclaimer small">{esc(article.extra.get("disclaimer", "Results vary. Treatment is offered only after a consultation with a licensed provider."))}</p>
</main>
{footer(outlet)}"""
    return page(head(article, outlet, "clinic-landing", meta, url, article.dek), body, "clinic")


# --- (4) personal blog ---------------------------------------------------------------------------

def render_blog(article: Article, outlet: Outlet, archive: list[Article]) -> str:
    """A fan's personal blog post: BlogPosting JSON-LD, sidebar archive, blogroll and comments."""
    url = absolute(article.path)
    ld = {
        "@context": "https://schema.org", "@type": "BlogPosting", "headline": article.title,
        "datePublished": article.published, "dateModified": article.updated,
        "author": {"@type": "Person", "name": article.author}, "url": url,
        "publisher": {"@type": "Organization", "name": outlet.name}, "keywords": ", ".join(article.tags),
    }
    links = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in archive)
    comments = "".join(f'<li class="comment"><p class="comment-author">{esc(who)} says:</p><p>{esc(text)}</p></li>'
                       for who, text in article.extra.get("comments", []))
    tags = "".join(f'<a rel="tag" href="/{outlet.key}/index.html#{esc(t)}">{esc(t)}</a> ' for t in article.tags)
    body = f"""<header class="blog-header"><a class="brand" href="/{outlet.key}/index.html">{esc(outlet.name)}</a><p class="tagline">{esc(outlet.tagline)}</p></header>
<div class="blog-layout">
<main>
<article class="post">
<h1 class="entry-title">{esc(article.title)}</h1>
<p class="post-meta">Posted on <time datetime="{article.published}">{us_date(article.published)}</time> by {esc(article.author)}</p>
<div class="entry">
{body_html(article)}
</div>
{sources_box(article, "Links")}
<p class="tags">Tags: {tags}</p>
</article>
<section class="comments"><h2>{len(article.extra.get("comments", []))} comments</h2><ol>{comments}</ol>
<form action="/{outlet.key}/comment" method="post"><textarea name="comment" placeholder="Leave a reply"></textarea><button>Post comment</button></form></section>
</main>
<aside class="sidebar"><h2>About me</h2><p>{esc(outlet.about)}</p><h2>Archive</h2><ul>{links}</ul>
<h2>Blogroll</h2><ul><li><a href="/healthbuzz/index.html">HealthBuzz</a></li><li><a href="/wellnessmag/index.html">Glow Wellness</a></li></ul></aside>
</div>
<footer class="blog-footer"><p>&copy; {article.published_at.year} {esc(article.author)}. Powered by a home-made theme.</p><p><a href="/about.html">About this demo corpus</a></p></footer>"""
    return page(head(article, outlet, "personal-blog", json_ld(ld), url, article.dek), body, "blog")


# --- (5) press release -----------------------------------------------------------------------------

def render_press(article: Article, outlet: Outlet) -> str:
    """An organisation's press release on a newswire: dateline, boilerplate 'About', media contact."""
    url = absolute(article.path)
    org = article.extra["organisation"]
    meta = "\n".join([f'<meta name="date" content="{article.published}">',
                      f'<meta property="og:site_name" content="{esc(outlet.name)}">',
                      f'<meta name="author" content="{esc(org)}">',
                      f'<meta name="dcterms.created" content="{article.published}">'])
    paras = body_html(article)
    body = f"""{nav(outlet)}
<main class="release">
<p class="release-type">PRESS RELEASE &middot; {esc(article.extra.get("category", "Health"))}</p>
<p class="embargo">FOR IMMEDIATE RELEASE</p>
<h1>{esc(article.title)}</h1>
<p class="subhead">{esc(article.dek)}</p>
<p class="release-meta">Source: <span class="org">{esc(org)}</span> &middot; <time datetime="{article.published}">{long_date(article.published)}</time></p>
<div class="release-body">
<p class="dateline"><strong>{esc(article.extra.get("dateline", "LONDON"))}, {long_date(article.published)}</strong> &mdash;</p>
{paras}
</div>
<section class="about-org"><h2>About {esc(org)}</h2><p>{esc(article.extra.get("about_org", ""))}</p></section>
<section class="media-contact"><h2>Media contact</h2><p>{esc(article.extra.get("contact", "Press office"))}<br>press@example.org &middot; +44 20 7946 0000</p></section>
{sources_box(article, "Background")}
<p class="small">###</p>
<p class="small">{esc(outlet.name)} distributes releases as supplied by the issuing organisation and does not check their content.</p>
</main>
{footer(outlet)}"""
    return page(head(article, outlet, "press-release", meta, url, article.dek), body, "press")


# --- (6) page with cookie banner, newsletter pop-up and related-articles boilerplate ------------------

def render_cookie(article: Article, outlet: Outlet, related: list[Article]) -> str:
    """A clickbait health site: cookie banner, newsletter modal, ads, trending and related articles."""
    meta = "\n".join([
        f'<meta property="og:title" content="{esc(article.title)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{esc(outlet.name)}">',
        f'<meta property="article:published_time" content="{article.published}">',
        f'<meta name="author" content="{esc(article.author)}">',
    ])
    cards = "".join(f'<li class="card"><a href="{a.path}"><span class="card-title">{esc(a.title)}</span></a>'
                    f'<span class="card-date">{us_date(a.published)}</span></li>' for a in related)
    body = f"""<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>We and our 847 partners use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. By clicking "Accept all" you consent to the storing of cookies on your device. You can change your choices at any time under Privacy settings.</p>
<button class="accept">Accept all</button> <button class="reject">Reject all</button> <a href="/{outlet.key}/index.html#privacy">Manage options</a>
</div>
<div id="newsletter-modal" class="modal" role="dialog" aria-label="Newsletter">
<h2>Don't miss a thing!</h2><p>Get the hottest celebrity health news and the latest wellness hacks delivered to your inbox every morning. Join 2 million readers.</p>
<form action="/{outlet.key}/newsletter" method="post"><input type="email" name="email" placeholder="Enter your email"><button>Subscribe</button></form>
<button class="close" aria-label="Close">&times;</button>
</div>
{nav(outlet)}
<div class="ad ad-leaderboard">Advertisement</div>
<main class="buzz">
<article>
<h1>{esc(article.title)}</h1>
<p class="buzz-meta">by {esc(article.author)} &middot; Updated <time datetime="{article.published}">{us_date(article.published)}</time> &middot; <a href="#comments">128 comments</a></p>
{f'<p class="syndication">{esc(article.extra["syndication_note"])}</p>' if "syndication_note" in article.extra else ''}
{share_bar(article)}
<div class="article-body">
{body_html(article)}
</div>
{sources_box(article, "Sources")}
</article>
<div class="ad ad-inline">Advertisement &middot; Sponsored: This one weird trick doctors hate</div>
<section class="related-articles"><h2>Related articles</h2><ul>{cards}</ul></section>
<section class="trending"><h2>Trending now</h2><ol><li><a href="/{outlet.key}/index.html">You won't believe what this star eats for breakfast</a></li><li><a href="/{outlet.key}/index.html">The 7-second morning habit everyone is copying</a></li><li><a href="/{outlet.key}/index.html">Quiz: which wellness trend are you?</a></li></ol></section>
<section class="taboola-like"><h2>Around the web</h2><p>Sponsored links</p></section>
</main>
{footer(outlet)}
<script>document.querySelector('.accept').onclick=function(){{document.getElementById('cookie-banner').remove();}};</script>"""
    canonical = absolute(article.extra.get("canonical_path", article.path))
    return page(head(article, outlet, "cookie-popup", meta, canonical, article.dek), body, "buzz")
