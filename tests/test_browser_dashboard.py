"""End to end in a real headless Chromium: start `healthclaims dashboard`, filter, open a claim, check it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.dashboard_store import build_dashboard_store

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "screenshots"  # git-ignored; look at these to judge the pages as a reader would
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium at /usr/bin/chromium "
                                                           "(apt-get install -y chromium)"),
]


def free_port() -> int:
    """A TCP port nothing listens on right now, on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: Path):
    """`healthclaims dashboard` serving a store on a free loopback port; yields its base URL."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("healthclaims")), "dashboard", "--db", str(db),
               "--port", str(port), "--host", "127.0.0.1"]
    log_path = db.parent / f"dashboard-{port}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=db.parent,
                                env=dict(os.environ, HOME=str(db.parent)))
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("dashboard did not start: " + log_path.read_text()[-2000:])
                time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """The dashboard on the fixture store; yields (base URL, claim ids by sentence)."""
    db = tmp_path_factory.mktemp("browser") / "fixture.duckdb"
    claim_ids = build_dashboard_store(db)
    with serving(db) as base:
        yield base, claim_ids


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab that records any JavaScript dialog (an executed <script> from article text would open one)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def choose(page, widget: str, label: str, typed: str) -> None:
    """Pick an option in a Streamlit select widget by typing into it, as a person would."""
    box = page.locator(f'[data-testid="{widget}"]').filter(has_text=label).first
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.locator('[role="option"]').filter(has_text=typed).first.click()
    page.keyboard.press("Escape")


def shot(page, name: str) -> None:
    """Save a full-page screenshot under screenshots/ (git-ignored)."""
    SHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(1000)  # widgets draw a moment after the text around them
    page.screenshot(path=str(SHOTS / f"dashboard-{name}.png"), full_page=True)


def test_filter_by_person_open_claim_see_facts_and_verdict(dashboard, page):
    base, _ = dashboard
    page.goto(f"{base}/")
    page.get_by_text("Celebrity health claims: overview").wait_for()
    page.get_by_text("Demo data").first.wait_for()
    page.locator('[data-testid="stVegaLiteChart"]').nth(3).wait_for()
    shot(page, "overview")

    page.goto(f"{base}/claims")
    page.get_by_text("8 claims match").wait_for()
    choose(page, "stMultiSelect", "Person", "Ana Vega")
    page.get_by_text("2 claims match").wait_for()
    page.get_by_text("The 2 claims above").wait_for()  # drawn after the table, so the table is current
    shot(page, "claims-filtered")

    choose(page, "stSelectbox", "Open a claim", "Ketamine cured my depression")
    page.get_by_role("button", name="Open claim").click()
    page.get_by_role("heading", name="Claim detail").wait_for()
    mark = page.locator("mark")
    mark.wait_for()
    assert mark.inner_text() == "\"Ketamine cured my depression in three weeks,\" said singer Ana Vega."
    main = page.locator('[data-testid="stMain"]')
    page.get_by_text("Partly right").first.wait_for()
    text = main.inner_text()
    assert "partly_consistent" in text
    assert "FDA approved Spravato (esketamine) nasal spray" in text  # the fact itself, beside the verdict
    assert "Drugs@FDA: NDA 211243 (Spravato)" in text  # and its source
    assert "The Daily Globe" in text and "2024-03-18" in text
    assert "?claim=" in page.url
    shot(page, "claim-detail")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as ClaimReview (JSON-LD)").click()
    reviews = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [r["claimReviewed"] for r in reviews] == [mark.inner_text()]
    assert page.dialogs == []


def test_download_of_the_filtered_selection_as_claimreview(dashboard, page):
    base, _ = dashboard
    page.goto(f"{base}/claims")
    page.get_by_text("8 claims match").wait_for()
    choose(page, "stMultiSelect", "Person", "Marco Reyes")
    page.get_by_text("The 1 claim above").wait_for()
    with page.expect_download() as download:
        page.get_by_role("button", name="ClaimReview JSON-LD (schema.org)").click()
    reviews = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [r["itemReviewed"]["author"]["name"] for r in reviews] == ["Marco Reyes"]
    assert reviews[0]["reviewRating"]["name"] == "unapproved_use"
    assert download.value.suggested_filename == "healthclaims-claims.claimreview.json"


def test_hostile_article_text_is_shown_not_run(dashboard, page):
    base, claim_ids = dashboard
    claim = claim_ids["Zed claimed that ibogaine resets the brain overnight."]
    page.goto(f"{base}/claim?claim={claim}")
    page.locator("mark").wait_for()
    paragraph = page.locator("p.claim-paragraph").inner_text()
    assert '<b><script>alert("pwned")</script></b> & more.' in paragraph
    assert page.locator("[data-testid='stMain'] script").count() == 0
    title = 'Rock star "Zed" says \'; DROP TABLE claims; --'
    assert page.locator('[data-testid="stText"]').filter(has_text=title).count() == 1  # shown as plain text
    assert title in page.locator('[data-testid="stCode"]').inner_text()  # and quoted as is in the citation
    shot(page, "hostile-claim")
    assert page.dialogs == []


# Navigation entry -> the heading its page starts with.
PAGES = {"Claims": "Claims", "Claim detail": "Claim detail", "People": "People", "Substances": "Substances",
         "Classroom": "Classroom", "Overview": "Celebrity health claims: overview"}


@pytest.mark.slow
def test_every_page_renders_on_the_demo_store(tmp_path, browser):
    """The whole pipeline's demo store (`healthclaims run`, offline): every page draws without an error."""
    db = tmp_path / "demo.duckdb"
    built = subprocess.run([str(Path(sys.executable).with_name("healthclaims")), "run", "--db", str(db), "--quiet"],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    with serving(db) as base:
        page.goto(f"{base}/")
        page.get_by_text("Celebrity health claims: overview").wait_for()
        for name, heading in PAGES.items():
            page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).click()
            page.get_by_role("heading", name=heading, exact=True).wait_for()
            page.wait_for_timeout(1500)  # let the charts and tables finish drawing before the screenshot
            assert page.locator('[data-testid="stException"]').count() == 0, name
            shot(page, f"demo-{name.lower().replace(' ', '-')}")
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Claims", exact=True).click()
        page.get_by_role("heading", name="Claims", exact=True).wait_for()
        page.get_by_role("button", name="Open claim").click()
        page.locator("mark").wait_for()
        page.get_by_text("The regulatory record, side by side").wait_for()
        assert page.locator('[data-testid="stException"]').count() == 0
        shot(page, "demo-claim-opened")
    context.close()


def test_open_page_offers_data_published_while_it_is_open(tmp_path, page):
    """A tagging run publishes a new snapshot while the page is open: the page says so and shows it."""
    from tests.test_dashboard_source import add_claim

    db = tmp_path / "live.duckdb"
    build_dashboard_store(db)
    with serving(db) as base:
        page.goto(f"{base}/")
        claims = page.locator('[data-testid="stMetric"]').filter(has_text="Claims").locator(
            '[data-testid="stMetricValue"]')
        assert claims.inner_text() == "8"
        add_claim(db)
        page.get_by_role("button", name="Show the new data").click(timeout=40_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetricValue]')].some(e => e.innerText === '9')")
        page.get_by_text("New data has been published").wait_for(state="detached")
        shot(page, "live-update")


def test_clicking_a_bar_on_the_overview_opens_those_claims(dashboard, page):
    base, _ = dashboard
    page.goto(f"{base}/")
    charts = page.locator('[data-testid="stVegaLiteChart"]')  # by month, substance, verdict, people, outlets
    bar = charts.nth(2).locator('path[aria-label*="label: unapproved_use"]')
    bar.click()
    page.get_by_role("heading", name="Claims", exact=True).wait_for()
    page.get_by_text("2 claims match").wait_for()
    page.get_by_text("The 2 claims above").wait_for()
    shot(page, "overview-click-through")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Overview", exact=True).click()
    page.get_by_text("Celebrity health claims: overview").wait_for()
    page.wait_for_timeout(1500)
    assert page.get_by_role("heading", name="Claims", exact=True).count() == 0  # the click is not replayed
    charts.nth(4).locator('path[aria-label*="outlet: Health Wire"]').first.click()
    page.get_by_role("heading", name="Claims", exact=True).wait_for()
    page.get_by_text("2 claims match (outlet: Health Wire)").wait_for()
