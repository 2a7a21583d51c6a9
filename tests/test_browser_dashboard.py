"""End to end in a real headless Chromium: start `healthclaims dashboard`, filter, open a claim, check it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
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


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """`healthclaims dashboard` serving the fixture store on a free loopback port; yields (url, claim ids)."""
    db = tmp_path_factory.mktemp("browser") / "fixture.duckdb"
    claim_ids = build_dashboard_store(db)
    port = free_port()
    command = [str(Path(sys.executable).with_name("healthclaims")), "dashboard", "--db", str(db),
               "--port", str(port), "--host", "127.0.0.1"]
    log = (db.parent / "dashboard.log").open("w")
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
                pytest.fail("dashboard did not start: " + (db.parent / "dashboard.log").read_text()[-2000:])
            time.sleep(0.3)
        yield base, claim_ids
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


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
    SHOTS.mkdir(exist_ok=True)
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
    assert page.dialogs == []


def test_hostile_article_text_is_shown_not_run(dashboard, page):
    base, claim_ids = dashboard
    claim = claim_ids["Zed claimed that ibogaine resets the brain overnight."]
    page.goto(f"{base}/claim?claim={claim}")
    page.locator("mark").wait_for()
    paragraph = page.locator("p.claim-paragraph").inner_text()
    assert '<b><script>alert("pwned")</script></b> & more.' in paragraph
    assert page.locator("[data-testid='stMain'] script").count() == 0
    assert page.get_by_text('Rock star "Zed" says \'; DROP TABLE claims; --').count() == 1
    shot(page, "hostile-claim")
    assert page.dialogs == []
