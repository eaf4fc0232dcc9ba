#!/usr/bin/env python3
"""Drives an HTML report of `coalition report --format html` in a real browser (Chromium through
Selenium, headless) from a file:// URL and checks what a reader does with it: no console errors
(a remote load would be one, under the page's Content-Security-Policy); searching an actor
highlights it and its ties; unchecking a confidence level hides exactly the ties of that level;
clicking a tie shows the evidence behind it; clicking a finding lights up its actors and ties on the
map and marks its table rows, and its link leads to them; the zoom buttons move the view; tables sort;
an inline script injected into a copy of the page does not run (the policy names the page's script
by its hash), while the page's own still does.

Usage: check_report.py REPORT.html [--screenshot PNG] [--search PRK] [--tie-kind technology
       --tie-between RUS PRK --evidence TEXT]
"""
import argparse
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("--screenshot")
    p.add_argument("--search", default="PRK")
    p.add_argument("--tie-kind", default="technology")
    p.add_argument("--tie-between", nargs=2, default=["RUS", "PRK"])
    p.add_argument("--evidence", default="technological cooperation, which the report itself calls alleged")
    p.add_argument("--hide", default="alleged", help="a confidence level to uncheck")
    p.add_argument("--finding", default="coalition.exchange.1", help="the id of a finding that names ties")
    p.add_argument("--windows", help="a report made with --window, whose slider steps through the window maps")
    a = p.parse_args()

    def browser(scripts=True):
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
            options.add_argument(flag)
        if not scripts:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    # With scripts off the page still reads: the map and the tables show, the controls do not.
    plain = browser(scripts=False)
    try:
        plain.get(pathlib.Path(a.report).resolve().as_uri())
        shown = plain.execute_script(
            "var svg = document.querySelector('#map svg'), r = svg ? svg.getBoundingClientRect() : null;"
            "return [r ? r.width * r.height : 0, document.querySelectorAll('table').length,"
            " getComputedStyle(document.querySelector('.toolbar')).display, document.documentElement.classList.contains('js')];")
        check(shown[0] > 0 and shown[1] > 0 and shown[2] == "none" and not shown[3],
              "with scripts off the map and tables show and the controls stay hidden")
    finally:
        plain.quit()

    driver = browser()

    try:
        url = pathlib.Path(a.report).resolve().as_uri()
        driver.get(url)
        check(url.startswith("file://"), "the page opens from a file:// URL")
        loaded = driver.execute_script("var n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : null")
        print(f"info loaded in {loaded:.0f} ms, {pathlib.Path(a.report).stat().st_size} bytes" if loaded else "info load time unknown")
        check(driver.execute_script("return document.documentElement.classList.contains('js')"), "the script ran")

        # Search
        box = driver.find_element(By.ID, "search")
        box.send_keys(a.search)
        hit = driver.execute_script(
            "var g = document.getElementById('actor-' + arguments[0]); return g && g.classList.contains('hit');", a.search)
        check(bool(hit), f"searching {a.search} highlights its node")
        tie_hits = driver.execute_script(
            "return Array.from(document.querySelectorAll('#map g.edge.hit')).map(function (g) { return g.id; });")
        check(len(tie_hits) > 0 and all(a.search in t for t in tie_hits), f"and only its ties ({len(tie_hits)})")
        box.clear()
        driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)

        # Filter
        total = driver.execute_script("return document.querySelectorAll('#map g.edge').length")
        level = driver.execute_script("return document.querySelectorAll('#map g.edge.' + arguments[0]).length", a.hide)
        driver.find_element(By.CSS_SELECTOR, f"input[data-filter=confidence][value={a.hide}]").click()
        hidden = driver.execute_script(
            "return Array.from(document.querySelectorAll('#map g.edge')).filter(function (g) { return getComputedStyle(g).display === 'none'; })"
            ".map(function (g) { return g.getAttribute('class'); });")
        check(level > 0 and len(hidden) == level and all(a.hide in c.split() for c in hidden),
              f"unchecking {a.hide} hides its {level} ties and no other of {total}")
        status = driver.find_element(By.ID, "status").text
        check(status == f"{total - level} of {total} ties shown", f"the count says so: {status!r}")
        driver.find_element(By.CSS_SELECTOR, f"input[data-filter=confidence][value={a.hide}]").click()

        # Click a tie: its evidence in the panel
        source, target = a.tie_between
        tie = driver.execute_script(
            "var kind = arguments[0], one = '-' + arguments[1] + '-' + arguments[2] + '-', other = '-' + arguments[2] + '-' + arguments[1] + '-';"
            "return Array.from(document.querySelectorAll('#map g.edge.' + kind)).find(function (g) {"
            " return g.id.indexOf(one) > 0 || g.id.indexOf(other) > 0; }) || null;",
            a.tie_kind, source, target)
        check(tie is not None, f"the {source}–{target} {a.tie_kind} tie is drawn")
        if tie is not None:
            driver.execute_script("arguments[0].querySelector('path').dispatchEvent(new MouseEvent('click', {bubbles: true}))", tie)
            panel = driver.find_element(By.ID, "panel").text
            check(a.evidence in panel, "clicking it shows its evidence in the panel")

        # Click a finding: its actors and ties stand out on the map, its table rows are marked, and
        # its link points at the first of them.
        item = driver.execute_script("return document.getElementById('finding-' + arguments[0])", a.finding)
        check(item is not None, f"the finding {a.finding} is listed")
        if item is not None:
            driver.execute_script("arguments[0].click()", item)
            state = driver.execute_script(
                "var li = arguments[0], pairs = li.dataset.pairs.split(' ').map(function (p) { return p.split('>'); });"
                "var ties = Array.from(document.querySelectorAll('#map g.edge.hit')).map(function (g) { return g.id; });"
                "var rows = Array.from(document.querySelectorAll('tr.hit-row')).map(function (r) { return r.id; });"
                "var link = li.querySelector('a.rows'), target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;"
                "return {active: li.classList.contains('active'), pairs: pairs, ties: ties, rows: rows,"
                " listed: li.dataset.rows.split(' '), linked: !!target && target.tagName === 'TR',"
                " dimmed: document.querySelector('#map svg').classList.contains('searching')};", item)
            named = all(any(p[0] in t and p[1] in t and (len(p) < 3 or t.endswith("-" + p[2])) for t in state["ties"]) for p in state["pairs"])
            exact = all(any(p[0] in t and p[1] in t and (len(p) < 3 or t.endswith("-" + p[2])) for p in state["pairs"]) for t in state["ties"])
            check(state["active"] and state["dimmed"] and state["ties"] and named and exact,
                  f"clicking the finding lights up its {len(state['ties'])} ties ({', '.join(state['ties'])})")
            check(state["rows"] == state["listed"] and state["linked"], f"and marks its table rows {state['rows']}, which its link reaches")

        # Zoom buttons move the viewBox; Fit restores it
        before = driver.execute_script("return document.querySelector('#map svg').getAttribute('viewBox')")
        driver.find_element(By.CSS_SELECTOR, "button[data-zoom=in]").click()
        zoomed = driver.execute_script("return document.querySelector('#map svg').getAttribute('viewBox')")
        driver.find_element(By.CSS_SELECTOR, "button[data-zoom=fit]").click()
        fitted = driver.execute_script("return document.querySelector('#map svg').getAttribute('viewBox')")
        width = lambda box: float(box.split()[2])
        check(width(zoomed) < width(before) and width(fitted) == width(before), "zoom in narrows the view, Fit restores it")

        # Sorting a table by a numeric column
        header = driver.execute_script(
            "return Array.from(document.querySelectorAll('table.sortable thead th.number'))[0] || null")
        if header is not None:
            header.click()
            ordered = driver.execute_script(
                "var th = arguments[0], table = th.closest('table'), column = Array.from(th.parentNode.children).indexOf(th);"
                "return Array.from(table.tBodies[0].rows).map(function (r) { return parseFloat(r.cells[column].getAttribute('data-value')); });",
                header)
            finite = [x for x in ordered if x == x]
            check(finite == sorted(finite), "a table sorts by a numeric column")

        if a.screenshot:
            driver.find_element(By.ID, "search").send_keys(a.search)
            if tie is not None:
                driver.execute_script("arguments[0].querySelector('path').dispatchEvent(new MouseEvent('click', {bubbles: true}))", tie)
            driver.save_screenshot(a.screenshot)
            print("screenshot: " + a.screenshot)

        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        for e in errors:
            print("console: " + e.get("message", ""))
        check(not errors, "no errors in the console")

        # The window slider: one map shown at a time, stepped by the slider and the buttons, all of
        # them side by side on request.
        if a.windows:
            driver.get(pathlib.Path(a.windows).resolve().as_uri())
            state = lambda: driver.execute_script(
                "var f = Array.from(document.querySelectorAll('#multiples figure'));"
                "return [f.length, f.filter(function (x) { return x.offsetParent !== null; }).length,"
                " document.getElementById('window-label').textContent,"
                " (f.filter(function (x) { return x.offsetParent !== null; })[0] || {querySelector: function () { return {textContent: ''}; }}).querySelector('figcaption').textContent];")
            total, visible, label, caption = state()
            check(total > 1 and visible == 1 and label == caption, "the window slider shows one map, labelled (%d windows)" % total)
            driver.execute_script("var s = document.getElementById('window-slider'); s.value = s.max; s.dispatchEvent(new Event('input'));")
            _, visible, last, caption = state()
            check(visible == 1 and last == caption and last != label, "moving the slider shows the last window's map")
            driver.execute_script("document.querySelector('button[data-step=\"-1\"]').click()")
            _, _, previous, _ = state()
            check(previous not in (last, ""), "the earlier-window button steps back")
            driver.execute_script("document.getElementById('window-all').click()")
            _, visible, _, _ = state()
            check(visible == total, "All windows shows every map")

        # A copy of the page with a script injected before </body>: the policy blocks it, and the
        # page's own script (named by its hash) still runs.
        page = pathlib.Path(a.report).read_text(encoding="utf-8")
        injected = pathlib.Path(a.report).with_name("injected-" + pathlib.Path(a.report).name)
        injected.write_text(page.replace("</body>", "<script>document.title = 'injected';</script>\n</body>", 1), encoding="utf-8")
        try:
            driver.get(injected.resolve().as_uri())
            state = driver.execute_script("return [document.title, document.documentElement.classList.contains('js')]")
            check(state[0] != "injected" and state[1], "an injected inline script does not run, the page's own does")
        finally:
            injected.unlink()
    finally:
        driver.quit()
    print(f"check_report: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
