"""Every page of the website in headless chromium, with every other host blocked: nothing is
requested from elsewhere, nothing fails, axe-core finds no serious or critical problem, headings
go in order, and every chart is drawn with its text summary."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from accessibility import axe_violations, serious
from site_pages import all_pages, lesson_pages


@pytest.fixture
def open_page(browser, site_url):
    """Open a page of the site; returns (page, problems): requests elsewhere, console errors."""
    opened = []
    home = urlsplit(site_url).netloc

    def _open(path: str):
        page = browser.new_page()
        opened.append(page)
        problems: list[str] = []

        def route(request_route):
            url = request_route.request.url
            if urlsplit(url).netloc == home or url.startswith(("data:", "blob:")):
                request_route.continue_()
            else:
                problems.append(f"request to another host: {url}")
                request_route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
        page.goto(f"{site_url}/{path}", wait_until="load")  # every chart's script has run
        page.evaluate("document.fonts.ready.then(() => true)")
        return page, problems

    yield _open
    for page in opened:
        page.close()


HEADINGS_JS = """() => Array.from(document.querySelectorAll(
    'main h1, main h2, main h3, main h4, main h5, main h6'))
    .filter(h => h.checkVisibility())  // the theme's print-only title is hidden from everyone
    .map(h => [Number(h.tagName[1]), h.textContent.trim()])"""


@pytest.mark.parametrize("path", all_pages())
def test_page_offline_accessible(path, open_page, axe_script, artifacts):
    page, problems = open_page(path)
    assert not problems, f"{path}: " + "\n".join(problems)

    name = path.replace("/", "-").removesuffix(".html")
    page.screenshot(path=str(artifacts / f"page-{name}.png"))
    violations = axe_violations(page, axe_script)
    (artifacts / f"axe-{name}.json").write_text(json.dumps(violations, indent=1))
    found = serious(violations)
    assert not found, f"{path}: axe-core found " + json.dumps(found, indent=1)

    headings = page.evaluate(HEADINGS_JS)
    assert headings and headings[0][0] == 1, f"{path}: the page does not start with one <h1>"
    assert [level for level, _ in headings].count(1) == 1, f"{path}: more than one <h1>"
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        assert level <= before + 1, f"{path}: heading '{text}' (h{level}) skips a level"

    images_without_alt = page.evaluate(
        "() => Array.from(document.querySelectorAll('main img:not([alt])')).map(i => i.src)")
    assert not images_without_alt, f"{path}: images without alt text: {images_without_alt}"

    charts = page.evaluate("""() => Array.from(document.querySelectorAll('.plotly-graph-div'))
        .map(div => {
            const figure = div.closest('figure.qs-chart');
            const caption = figure && figure.querySelector('figcaption');
            return {id: div.id, drawn: div.querySelector('svg.main-svg') !== null,
                    summary: caption ? caption.textContent.trim() : ''};
        })""")
    for chart in charts:
        assert chart["drawn"], f"{path}: chart {chart['id']} was not drawn"
        assert chart["summary"], f"{path}: chart {chart['id']} has no text summary"


@pytest.mark.parametrize("path", [p for p in lesson_pages() if "run_charts" in p or "spc" in p])
def test_hover_shows_a_value_on_the_charts(path, open_page, artifacts):
    """Hovering over a point shows its value: the charts are interactive on the static page."""
    page, problems = open_page(path)
    chart = page.locator(".plotly-graph-div").first
    chart.scroll_into_view_if_needed()
    box = chart.locator("g.trace.scatter path.point").nth(5).bounding_box()
    # plotly's drag layer lies over the points: move the mouse there, as a reader would
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    label = chart.locator(".hoverlayer .hovertext").first
    label.wait_for(state="visible", timeout=10_000)
    assert label.text_content().strip()
    name = path.replace("/", "-").removesuffix(".html")
    page.screenshot(path=str(artifacts / f"hover-{name}.png"))
    assert not problems, "\n".join(problems)


def test_search_finds_a_lesson_offline(open_page):
    """Sphinx's search runs in the page, from the site's own index."""
    page, problems = open_page("search.html?q=crossings")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(state="visible", timeout=30_000)
    targets = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("05_run_charts/run_charts" in target for target in targets), targets
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_the_content_and_the_charts(open_page):
    """Tab first offers 'skip to main content'; from the content, Tab reaches each wide chart box
    (so a keyboard user can scroll it) and the 'Open in JupyterLab' link."""
    page, problems = open_page("course/05_run_charts/run_charts.html")
    page.keyboard.press("Tab")
    assert "skip" in page.evaluate("document.activeElement.textContent").lower()
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("""() => { const e = document.activeElement;
            return e.className + '|' + (e.getAttribute('aria-label') || ''); }"""))
    assert any("qs-open-lab" in item for item in reached), "never reached the JupyterLab link"
    assert any(item.startswith("qs-scroll|Chart") for item in reached), "never reached a chart"
    assert not problems, "\n".join(problems)
