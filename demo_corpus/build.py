"""Render the demo site (pages, indexes, sitemap, feeds, robots.txt, manifest) into demo_corpus/site/.

Run `python -m demo_corpus.build` after editing the articles; tests check the site on disk matches.
"""

from __future__ import annotations

import json
import sys
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from demo_corpus import templates as t
from demo_corpus.articles import ARTICLES, OUTLETS
from demo_corpus.model import DEMO_NOTICE, Article, Outlet

SITE_DIR = Path(__file__).resolve().parent / "site"
PRIVATE_PATH = t.PRIVATE_DRAFTS
FEED_SIZE = 24  # the site-wide RSS feed carries the newest stories, as real feeds do

CSS = """body{font-family:Georgia,serif;max-width:60rem;margin:0 auto;padding:0 1rem;line-height:1.5}
.demo-notice{background:#fff3cd;border:1px solid #c9a227;padding:.3rem .6rem;font:14px sans-serif}
nav ul,.footer-links{list-style:none;display:flex;gap:1rem;padding:0}
.cookie-banner,.modal{border:1px solid #999;background:#f4f4f4;padding:.5rem;font:13px sans-serif}
.ad{background:#eee;color:#777;text-align:center;padding:1rem;font:12px sans-serif}
.small{font-size:.8rem;color:#555}
"""


def outlet_index(outlet: Outlet, articles: list[Article]) -> str:
    """An outlet's front page, linking each of its articles (newest first)."""
    items = "\n".join(
        f'<li><a href="{a.path}">{t.esc(a.title)}</a> <time datetime="{a.published}">{t.long_date(a.published)}</time>'
        f"<p>{t.esc(a.dek)}</p></li>" for a in sorted(articles, key=lambda a: a.published, reverse=True))
    alt = ""
    if outlet.key == "wellnessmag":
        alt = f'<link rel="alternate" type="application/atom+xml" title="{t.esc(outlet.name)}" href="/wellnessmag/atom.xml">'
    head = t.head(f"{outlet.name}: latest", outlet, "outlet-index", alt, t.absolute(f"/{outlet.key}/index.html"),
                  outlet.tagline)
    body = f"""{t.nav(outlet)}
<main class="index"><h1>{t.esc(outlet.name)}</h1><p>{t.esc(outlet.about)}</p>
<ul class="article-list">
{items}
</ul></main>
{t.footer(outlet)}"""
    return t.page(head, body, "index")


def home_page() -> str:
    """The site root: what the corpus is, and one link per outlet."""
    items = "\n".join(f'<li><a href="/{o.key}/index.html">{t.esc(o.name)}</a>: {t.esc(o.about)}</li>'
                      for o in OUTLETS.values())
    head = t.head("healthclaims demo corpus", None, "site-index", "", t.absolute("/index.html"),
                  "Fictional outlets written for the healthclaims project.")
    body = f"""<main><h1>healthclaims demo corpus</h1>
<p>Six fictional outlets on one demo host. <a href="/about.html">Read what this corpus is and how it was written.</a></p>
<ul>
{items}
</ul></main>"""
    return t.page(head, body, "home")


def about_page(articles: list[Article]) -> str:
    """/about.html: what the corpus is for, the rules it was written under, and what it covers."""
    people = sorted({p for a in articles for p in a.people})
    substances = sorted({s for a in articles for s in a.substances})
    head = t.head("About the healthclaims demo corpus", None, "about", "", t.absolute("/about.html"),
                  "What this demo corpus is and how it was written.")
    body = f"""<main class="about"><h1>About the healthclaims demo corpus</h1>
<p>This site is a demo corpus bundled with healthclaims, a tool that builds a fact-check dataset of health
claims made by or about celebrities. Running <code>healthclaims run</code> with no URL serves this site on
127.0.0.1 and crawls it with the real crawler, so the whole pipeline can be tried offline.</p>
<h2>How it was written</h2>
<ul>
<li>Every page was written for the healthclaims project and says so at its top ("{t.esc(DEMO_NOTICE)}") and in
its metadata (<code>&lt;meta name="healthclaims:demo" content="true"&gt;</code>).</li>
<li>The outlets, their writers, clinics, organisations, bloggers and experts are fictional. Direct quotations
come only from these fictional people.</li>
<li>Real public figures appear only through widely reported public statements or events, described in
indirect speech, and each such page links the real news report it relies on.</li>
<li>Some pages deliberately repeat false or unapproved health claims, as wellness magazines, clinics and fan
blogs do; fact-check pages on the same site dispute them. Regulatory statements in the fact-check pages are
true to the record as of their dates.</li>
<li>Pages come in six templates (news with JSON-LD, magazine with OpenGraph, clinic landing page, personal
blog, press release, cookie-banner clickbait) so that article extraction has real boilerplate to remove.</li>
</ul>
<h2>What it covers</h2>
<p>{len(articles)} articles; {len(people)} public figures: {t.esc(", ".join(people))}.</p>
<p>Substances and treatments: {t.esc(", ".join(substances))}.</p>
<p>A machine-readable list of every page is at <a href="/manifest.json">/manifest.json</a>; the crawl starts from
<a href="/sitemap.xml">/sitemap.xml</a> and <a href="/feed.xml">/feed.xml</a>.</p>
<p class="small">Staff only: <a href="{PRIVATE_PATH}">drafts awaiting review</a> (excluded by robots.txt).</p>
</main>"""
    return t.page(head, body, "about")


def private_page() -> str:
    """A page robots.txt disallows: a crawler that obeys robots.txt must never fetch it."""
    head = t.head("DRAFT: Ketamine cures everything", None, "private-draft", "", "", "Unpublished draft.")
    body = """<main><h1>DRAFT: Ketamine cures everything (do not publish)</h1>
<p class="private-marker">PRIVATE-DRAFT-MUST-NOT-BE-CRAWLED</p>
<p>This unpublished draft sits under /private/, which robots.txt disallows. Ketamine infusions cure every
mental illness in a single session, says an unfinished draft that no crawler should ever store.</p></main>"""
    return t.page(head, body, "private")


def robots_txt() -> str:
    """Allow everything but /private/, and point at the sitemap."""
    return ("# healthclaims demo corpus\nUser-agent: *\nDisallow: /private/\nAllow: /\n\n"
            f"Sitemap: {t.absolute('/sitemap.xml')}\n")


def sitemap_xml(articles: list[Article]) -> str:
    """A sitemap listing every article with its lastmod."""
    urls = "\n".join(f"  <url><loc>{xml_escape(t.absolute(a.path))}</loc><lastmod>{a.updated}</lastmod></url>"
                     for a in sorted(articles, key=lambda a: a.path))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n")


def feed_articles(articles: list[Article]) -> list[Article]:
    """The articles the site-wide feed carries: the newest FEED_SIZE of those not kept out of it."""
    return sorted((a for a in articles if a.in_feed), key=lambda a: a.published, reverse=True)[:FEED_SIZE]


def rss_feed(articles: list[Article]) -> str:
    """An RSS 2.0 feed of the newest articles across the outlets."""
    newest = feed_articles(articles)
    items = "\n".join(f"""  <item>
    <title>{xml_escape(a.title)}</title>
    <link>{xml_escape(t.absolute(a.path))}</link>
    <guid isPermaLink="true">{xml_escape(t.absolute(a.path))}</guid>
    <pubDate>{format_datetime(a.published_at)}</pubDate>
    <description>{xml_escape(a.dek)}</description>
  </item>""" for a in newest)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>healthclaims demo corpus: latest</title>
  <link>{t.absolute("/index.html")}</link>
  <description>{xml_escape(DEMO_NOTICE)} The newest stories from the demo outlets.</description>
  <language>en</language>
{items}
</channel>
</rss>
"""


def atom_feed(outlet: Outlet, articles: list[Article]) -> str:
    """An Atom feed for one outlet, linked from its front page (feeds come in both formats)."""
    entries = sorted(articles, key=lambda a: a.published, reverse=True)
    items = "\n".join(f"""  <entry>
    <title>{xml_escape(a.title)}</title>
    <link href="{xml_escape(t.absolute(a.path))}"/>
    <id>{xml_escape(t.absolute(a.path))}</id>
    <published>{a.published}</published>
    <updated>{a.updated}</updated>
    <author><name>{xml_escape(a.author)}</name></author>
    <summary>{xml_escape(a.dek)}</summary>
  </entry>""" for a in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{xml_escape(outlet.name)}</title>
  <id>{t.absolute(f"/{outlet.key}/atom.xml")}</id>
  <link href="{t.absolute(f"/{outlet.key}/index.html")}"/>
  <updated>{entries[0].updated}</updated>
  <subtitle>{xml_escape(DEMO_NOTICE)}</subtitle>
{items}
</feed>
"""


def manifest(articles: list[Article]) -> dict:
    """The machine-readable list of pages: what each covers, how it was built, and what it claims."""
    in_feed = {a.path for a in feed_articles(articles)}
    return {
        "about": "healthclaims demo corpus; every page was written for the healthclaims project",
        "demo_notice": DEMO_NOTICE,
        "placeholder_origin": t.PLACEHOLDER_ORIGIN,
        "start_paths": ["/sitemap.xml", "/feed.xml"],
        "private_paths": [PRIVATE_PATH],
        "outlets": {o.key: {"name": o.name, "template": o.template, "index": f"/{o.key}/index.html"}
                    for o in OUTLETS.values()},
        "articles": [{
            "path": a.path, "outlet": a.outlet, "template": OUTLETS[a.outlet].template, "title": a.title,
            "published": a.published[:10], "author": a.author, "kind": a.kind, "people": a.people,
            "substances": a.substances, "report_urls": [r.url for r in a.reports],
            "in_feed": a.path in in_feed,
            "syndicated_from": a.extra.get("canonical_path"),
            "claims": [{"text": text, "intended_verdict": verdict, "disputed_by": rest[0] if rest else None}
                       for text, verdict, *rest in a.claims],
            "attributions": [{"text": text, "claimant": who, "role": role} for text, who, role in a.attributions],
        } for a in articles],
    }


def render_article(article: Article) -> str:
    """One article through its outlet's template."""
    outlet = OUTLETS[article.outlet]
    siblings = [a for a in ARTICLES if a.outlet == article.outlet and a is not article]
    renderers = {
        "news-jsonld": lambda: t.render_news(article, outlet),
        "magazine-og": lambda: t.render_magazine(article, outlet),
        "clinic-landing": lambda: t.render_clinic(article, outlet),
        "personal-blog": lambda: t.render_blog(article, outlet, siblings),
        "press-release": lambda: t.render_press(article, outlet),
        "cookie-popup": lambda: t.render_cookie(article, outlet, siblings[:4]),
    }
    return renderers[outlet.template]()


def render_site() -> dict[str, str]:
    """Every file of the site, as {relative path: text}."""
    files = {a.path.lstrip("/"): render_article(a) for a in ARTICLES}
    for outlet in OUTLETS.values():
        own = [a for a in ARTICLES if a.outlet == outlet.key]
        files[f"{outlet.key}/index.html"] = outlet_index(outlet, own)
        if outlet.key == "wellnessmag":
            files[f"{outlet.key}/atom.xml"] = atom_feed(outlet, own)
    files.update({
        "index.html": home_page(),
        "about.html": about_page(ARTICLES),
        PRIVATE_PATH.lstrip("/"): private_page(),
        "robots.txt": robots_txt(),
        "sitemap.xml": sitemap_xml(ARTICLES),
        "feed.xml": rss_feed(ARTICLES),
        "static/demo.css": CSS,
        "manifest.json": json.dumps(manifest(ARTICLES), indent=1, ensure_ascii=False) + "\n",
    })
    return files


def write_site(target: Path = SITE_DIR) -> int:
    """Write the rendered site to disk, removing files the site no longer has; returns the file count."""
    files = render_site()
    for path, text in files.items():
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    for old in target.rglob("*"):
        if old.is_file() and old.relative_to(target).as_posix() not in files:
            old.unlink()
    return len(files)


if __name__ == "__main__":
    count = write_site()
    print(f"wrote {count} files to {SITE_DIR}", file=sys.stderr)
