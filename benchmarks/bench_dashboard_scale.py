"""The dashboard on a large store: ``mechgraph serve --db`` from 10k to 1M relations, in a browser.

Run from the repository root (headless Chromium at /usr/bin/chromium, Playwright installed)::

    .venv/bin/python benchmarks/bench_dashboard_scale.py                              # 10k and 100k relations
    .venv/bin/python benchmarks/bench_dashboard_scale.py --sizes 10000 100000 1000000 --json results.json

For each size a synthetic graph (:func:`mechgraph.synthetic.synthetic_graph`) is written as a
Ladybug database in a temporary folder (what ``mechgraph import`` does once the files are read,
its overview summary included), the graph is dropped, and ``mechgraph serve --db`` is started on
the database alone with ``SERVE_MAX_RELATIONS`` at its default (50,000): the 10k store is served
whole, the larger ones region by region. Measured, each as a user waits for it:

- ``start``: from starting the server to its first answer (Python, mechgraph, opening the store);
- ``first view``: a fresh page, from ``goto`` until the canvas is drawn and no callback is pending
  (the page's scripts, then every callback a fresh page fires);
- ``drill-down``: a new page on a node's link (``?focus=NODE``, a node of 5 to 20 relations, one
  relation around it, then two), until its canvas is drawn;
- ``group``: a link opening the smallest group of the overview;
- ``search``: a node's label entered in the focus box (at once, as pasted) until it is offered;
- ``focus, in the page``: choosing it, until its neighbourhood is drawn (no page load);
- ``hub``: a new page on the link of the overview's first hub (``?focus=HUB``): the largest
  neighbourhoods, fetched up to 5,000 nodes and drawn as their overview.

Timings depend on the machine's load: the table prints the load average. The databases are
deleted at the end.

``--db PATH`` measures an existing database instead (e.g. the 1M store ``bench_scale.py --keep``
leaves): start, first view, and a hub's view (the largest region a view fetches, drawn with
WebGL), with the hub's frames per second while panning.

``--views`` measures the canvas itself: synthetic graphs held whole (``create_app(graph=...)``,
served in this process), each shown whole (``?open=all``) so that the view has about 1k, 2k, 5k,
20k and 50k nodes and relations (``--elements``), drawn once by dash-cytoscape (its 2D canvas) and
once by the WebGL canvas (sigma.js), whatever the dashboard's threshold would choose:

- ``usable after``: a fresh page (server caches warm), from ``goto`` until the view is drawn
  (cytoscape: its nodes are in and a frame has passed; WebGL: sigma's first frame, the
  ``data-ready`` attribute) and no callback is pending;
- ``fps panning``: the camera moved on every animation frame for 3 s; the frames that showed a
  moved view are counted (cytoscape: its ``render`` events; WebGL: full frames plus the frames
  the texture on viewport moved the last frame as a bitmap);
- ``fps zooming``: the same, the camera zooming in and out (up to twice) about the middle;
- ``full redraws/s``: WebGL with the texture on viewport off, every frame drawn in full.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu"]


def build(size: int, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The database of a synthetic graph of ``size`` relations, and nodes to drill into (both
    reused when ``folder`` holds them from an earlier run with ``--folder``)."""
    from mechgraph.store import write_database
    from mechgraph.synthetic import synthetic_graph

    kept = folder / f"graph-{size}.json"
    if kept.exists() and (folder / f"graph-{size}.lbug").exists():
        return folder / f"graph-{size}.lbug", json.loads(kept.read_text())

    started = time.perf_counter()
    graph = synthetic_graph(size, seed=1)
    built = time.perf_counter() - started
    path = folder / f"graph-{size}.lbug"
    started = time.perf_counter()
    write_database(graph, path)
    written = time.perf_counter() - started
    focus = next(node for node in graph if 5 <= graph.degree(node) <= 20)
    label = str(graph.nodes[focus].get("label") or focus)
    info = {"build": built, "import": written, "focus": focus, "label": label, "nodes": graph.number_of_nodes()}
    del graph
    kept.write_text(json.dumps(info))
    return path, info


FOCUSED = "(id) => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); const n = cy && cy.getElementById(id); return n && n.length && n.hasClass('focus'); }"


def settle(page: Any) -> None:
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=120_000)
    page.wait_for_timeout(150)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=120_000)


def drawn(page: Any, url: str) -> float:
    """Seconds from opening ``url`` in a fresh page until its canvas is drawn and settled (the
    150 ms pause of the settling wait is taken off)."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function("() => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); return cy && cy.nodes().length > 0; }", timeout=120_000)
    settle(page)
    return time.perf_counter() - started - 0.15


def measure(path: Path, info: dict[str, Any]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.servers import free_port, serve_command, start, stop

    port = free_port()
    log = path.with_suffix(".log")
    started = time.perf_counter()
    server = start(serve_command(port, "--db", str(path)), port, log, timeout=600)
    result: dict[str, Any] = {"start": time.perf_counter() - started}
    url = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            result["first view"] = drawn(page, url)
            result["first view (again)"] = drawn(context.new_page(), url)
            hub = page.evaluate("() => window.mechgraph.cy('canvas').nodes().filter(n => !n.data('group'))[0].id()")
            groups = page.evaluate("() => window.mechgraph.cy('canvas').nodes().filter(n => n.data('group')).map(n => [n.id(), n.data('members')])")
            result["drill-down"] = drawn(context.new_page(), f"{url}?focus={info['focus']}")
            result["drill-down depth 2"] = drawn(context.new_page(), f"{url}?focus={info['focus']}&depth=2")
            result["hub"] = drawn(context.new_page(), f"{url}?focus={hub}")
            if groups:
                smallest = min(groups, key=lambda item: int(item[1] or 0))[0]
                result["group"] = drawn(context.new_page(), f"{url}?open={smallest}")
            search = context.new_page()
            drawn(search, url)
            search.click("#focus")
            search.wait_for_timeout(300)
            started = time.perf_counter()
            search.fill("input.dash-dropdown-search", info["label"])  # at once: typed letter by letter, the dropdown may drop one
            try:
                option = search.locator(".dash-dropdown-option", has_text=info["label"]).first
                option.wait_for(timeout=60_000)
                result["search"] = time.perf_counter() - started
                started = time.perf_counter()
                option.click()
                search.wait_for_function(FOCUSED, arg=info["focus"], timeout=120_000)
                settle(search)
                result["focus, in the page"] = time.perf_counter() - started - 0.15
            except Exception as error:  # a lost keystroke: reported, the other timings kept
                print(f"search: {type(error).__name__}", file=sys.stderr)
            browser.close()
    finally:
        stop(server)
    result["server log"] = log.read_text(errors="replace")[-400:]
    return result


# -- the canvas: dash-cytoscape beside WebGL -------------------------------------------------------

#: Pans the view for ``seconds``, moving the camera on every animation frame; counts the frames
#: that showed the view moved (cytoscape's renders; sigma's full frames and moved bitmaps).
PAN = """
async ([kind, seconds, texture, zoom]) => {
  let frames = 0, full = 0, step;
  if (kind === "webgl") {
    const gl = window.mechgraphWebGL, sigma = gl.renderer, camera = sigma.getCamera();
    gl.texture.mode = texture;
    sigma.on("afterRender", () => { frames++; full++; });
    sigma.on("afterMove", () => { frames++; });
    const start = camera.getState();
    step = zoom
      ? (k) => camera.setState({ x: start.x, y: start.y, ratio: start.ratio * Math.pow(2, -Math.abs(Math.sin(k / 30))), angle: 0 })
      : (k) => camera.setState({ x: start.x + 0.03 * Math.sin(k / 20), y: start.y + 0.03 * Math.cos(k / 20), ratio: start.ratio, angle: 0 });
  } else {
    const cy = window.mechgraph.cy("canvas"), start = cy.pan(), level = cy.zoom();
    const middle = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.on("render", () => { frames++; full++; });
    step = zoom
      ? (k) => cy.zoom({ level: level * Math.pow(2, Math.abs(Math.sin(k / 30))), renderedPosition: middle })
      : (k) => cy.pan({ x: start.x + 60 * Math.sin(k / 20), y: start.y + 60 * Math.cos(k / 20) });
  }
  const started = performance.now();
  let moves = 0;
  await new Promise((done) => {
    const tick = () => {
      if (performance.now() - started >= seconds * 1000) { done(); return; }
      step(++moves);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const elapsed = (performance.now() - started) / 1000;
  return { fps: frames / elapsed, full: full / elapsed, moves: moves / elapsed };
}
"""
CYTOSCAPE_DRAWN = """() => { const cy = window.mechgraph && window.mechgraph.cy('canvas');
  return Boolean(cy && cy.nodes().length > 0 && !(document.querySelector('#canvas-webgl[data-ready]'))); }"""
WEBGL_DRAWN = "() => Boolean(document.querySelector('#canvas-webgl[data-ready]'))"
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def usable(page: Any, url: str, kind: str, timeout: float) -> float:
    """Seconds from opening ``url`` until the view is drawn by ``kind`` and no callback is pending."""
    started = time.perf_counter()
    page.goto(url, timeout=timeout * 1000)
    page.wait_for_function(WEBGL_DRAWN if kind == "webgl" else CYTOSCAPE_DRAWN, timeout=timeout * 1000, polling=50)
    page.evaluate(NEXT_FRAME)
    settle(page)
    return time.perf_counter() - started - 0.15


def pan(page: Any, kind: str, texture: str = "auto", seconds: float = 3.0, *, zoom: bool = False) -> dict[str, float]:
    """Frames per second while the camera pans (or zooms in and out, by up to twice) for ``seconds``."""
    page.wait_for_timeout(600)
    result: dict[str, float] = page.evaluate(PAN, [kind, seconds, texture, zoom])
    page.wait_for_timeout(300)
    return result


def serve_in_process(app: Any) -> tuple[str, Any]:
    import threading

    from werkzeug.serving import make_server

    from tests.servers import free_port

    port = free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", server


def measure_views(elements: list[int], timeout: float, canvas_max: int) -> list[dict[str, Any]]:
    """Each view size drawn by dash-cytoscape and by WebGL: usable after, fps while panning."""
    import logging

    from playwright.sync_api import sync_playwright

    from mechgraph.dashboard.app import create_app
    from mechgraph.synthetic import synthetic_graph

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    rows: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size in elements:
            graph = synthetic_graph(max(1, round(size / 1.35)), seed=1)  # 0.35 nodes per relation
            drawn = graph.number_of_nodes() + graph.number_of_edges()
            for kind in ("canvas", "webgl"):
                if kind == "canvas" and size > canvas_max:
                    continue
                app = create_app(graph=graph, webgl_from=0 if kind == "webgl" else 10**9, max_elements=10**9)
                url, server = serve_in_process(app)
                row: dict[str, Any] = {"elements": drawn, "nodes": graph.number_of_nodes(), "renderer": kind}
                try:
                    context = browser.new_context(viewport={"width": 1280, "height": 720})
                    warm = context.new_page()
                    row["usable, first"] = usable(warm, url + "?open=all", kind, timeout)  # the server lays the view out
                    warm.close()
                    page = context.new_page()
                    row["usable"] = usable(page, url + "?open=all", kind, timeout)
                    panned = pan(page, kind)
                    row["fps"], row["moves"] = panned["fps"], panned["moves"]
                    row["zoom fps"] = pan(page, kind, zoom=True)["fps"]
                    if kind == "webgl":
                        row["full fps"] = pan(page, kind, "never")["full"]
                    context.close()
                except Exception as error:  # a page that is not usable within the timeout
                    row["error"] = type(error).__name__
                finally:
                    server.shutdown()
                print(json.dumps(row), file=sys.stderr, flush=True)
                rows.append(row)
        browser.close()
    return rows


def views_table(rows: list[dict[str, Any]], timeout: float) -> str:
    lines = [
        "| view: nodes + relations (nodes) | canvas | usable after (server warm) | usable, first load | fps while panning | fps while zooming | full redraws/s |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        usable_after = f"{row['usable']:.1f} s" if "usable" in row else f"> {timeout:g} s"
        first = f"{row['usable, first']:.1f} s" if "usable, first" in row else f"> {timeout:g} s"
        fps = f"{row['fps']:.1f}" if "fps" in row else "n/a"
        zooming = f"{row['zoom fps']:.1f}" if "zoom fps" in row else "n/a"
        full = f"{row['full fps']:.1f}" if "full fps" in row else (fps if row["renderer"] == "canvas" else "n/a")
        name = "dash-cytoscape" if row["renderer"] == "canvas" else "WebGL (sigma.js)"
        lines.append(f"| {row['elements']:,} ({row['nodes']:,}) | {name} | {usable_after} | {first} | {fps} | {zooming} | {full} |")
    return "\n".join(lines)


def measure_db(path: Path, timeout: float) -> dict[str, Any]:
    """An existing database: start, first view (twice), and a hub's view drawn with WebGL, panned."""
    from playwright.sync_api import sync_playwright

    from tests.servers import free_port, serve_command, start, stop

    port = free_port()
    log = Path(tempfile.mkdtemp(prefix="mechgraph-bench-db.")) / "serve.log"
    started = time.perf_counter()
    server = start(serve_command(port, "--db", str(path)), port, log, timeout=600)
    result: dict[str, Any] = {"database": str(path), "start": time.perf_counter() - started}
    url = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            page = context.new_page()
            result["first view"] = drawn(page, url)
            result["first view (again)"] = drawn(context.new_page(), url)
            hub = page.evaluate("() => window.mechgraph.cy('canvas').nodes().filter(n => !n.data('group'))[0].id()")
            hub_page = context.new_page()
            result["hub"] = usable(hub_page, f"{url}?focus={hub}", "webgl", timeout)
            result["hub counts"] = hub_page.inner_text("#graph-counts")
            panned = pan(hub_page, "webgl")
            result["hub fps"] = panned["fps"]
            result["hub full fps"] = pan(hub_page, "webgl", "never")["full"]
            browser.close()
    finally:
        stop(server)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", type=Path, default=None, help="Write the results here too.")
    parser.add_argument("--folder", type=Path, default=None, help="Keep the databases in this folder (and reuse them on the next run).")
    parser.add_argument("--db", type=Path, default=None, help="Measure this existing database (first view, a hub's WebGL view) instead.")
    parser.add_argument("--views", action="store_true", help="Measure the canvas: dash-cytoscape beside WebGL, on views of --elements.")
    parser.add_argument("--elements", type=int, nargs="+", default=[1_000, 2_000, 5_000, 20_000, 50_000])
    parser.add_argument("--canvas-max", type=int, default=50_000, help="Largest view drawn with dash-cytoscape.")
    parser.add_argument("--timeout", type=float, default=240.0, help="Seconds a view may take to be drawn.")
    args = parser.parse_args()
    if args.views:
        rows = measure_views(args.elements, args.timeout, args.canvas_max)
        print(f"\nThe canvas, in headless Chromium at 1280x720 (load average {os.getloadavg()[0]:.1f})\n")
        print(views_table(rows, args.timeout))
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2, default=str))
        return
    if args.db is not None:
        found = measure_db(args.db, args.timeout)
        print(json.dumps(found, indent=2, default=str))
        if args.json:
            args.json.write_text(json.dumps(found, indent=2, default=str))
        return
    folder = args.folder or Path(tempfile.mkdtemp(prefix="mechgraph-dashboard-scale."))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in args.sizes:
            path, info = build(size, folder)
            print(f"{size:>9,} relations: graph built in {info['build']:.1f} s, imported in {info['import']:.1f} s", file=sys.stderr, flush=True)
            result = measure(path, info)
            rows.append({"relations": size, **info, **result, "database bytes": path.stat().st_size})
            print(json.dumps({key: value for key, value in rows[-1].items() if key != "server log"}, default=str), file=sys.stderr, flush=True)
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()[0]
    print(f"\nmechgraph serve --db, in headless Chromium at 1280x720 (load average {load:.1f}); seconds\n")
    columns = ["start", "first view", "first view (again)", "drill-down", "drill-down depth 2", "group", "search", "focus, in the page", "hub"]
    print("| relations (nodes) | import | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    for row in rows:
        cells = " | ".join(f"{row[c]:.2f}" if isinstance(row.get(c), float) else "–" for c in columns)
        print(f"| {row['relations']:,} ({row['nodes']:,}) | {row['import']:.1f} | {cells} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, default=str))


if __name__ == "__main__":
    main()
