"""Exported HTML for large views in headless Chromium: plain pyvis, mechgraph's vis-network page, mechgraph's WebGL page.

For synthetic views of 5,000, 20,000 and 50,000 nodes (mechgraph.synthetic: 0.35 nodes per
relation, so 14k, 57k and 143k relations), each page is written, then opened from ``file://`` in
headless Chromium (/usr/bin/chromium, WebGL through SwiftShader; every request that is not a
file is aborted) in the same run:

- **pyvis**: what a user would otherwise do: ``pyvis.network.Network()`` with its default
  options (physics on, stabilisation first), every node and relation added, ``write_html``.
  The one change from the defaults is ``cdn_resources="in_line"``: by default the page loads
  vis-network from a CDN, which an offline page cannot;
- **mechgraph vis**: ``mechgraph.export.export(..., renderer="vis", overview=False)``, the
  vis-network page (positions computed in Python, no physics);
- **mechgraph webgl**: the same with ``renderer="webgl"`` (sigma.js, the same positions).

Measured: the time to write the file (Python), its size, the time until usable (from the start
of navigation to the first complete frame: for mechgraph's pages the ``data-ready`` attribute
the page sets after its renderer's first frame; for pyvis the first ``afterDrawing`` after
vis-network's ``stabilizationIterationsDone``, which is when its loading bar goes), and frames
per second while panning for 3 s (the camera moved a little on every animation frame; the frames
counted are those that showed the view moved: vis-network's ``afterDrawing``; for the WebGL page
sigma's ``afterRender`` and the frames its texture on viewport moved the last frame as a bitmap,
``afterMove``, the page's own choice), then, for the WebGL page, the full redraws per second with
the texture on viewport off (every frame drawn by sigma), and the main thread's time per full
frame (vis-network: ``beforeDrawing`` to ``afterDrawing``; sigma: its ``render``). A page not
usable within ``--timeout`` seconds is reported as such and not panned.

Chromium here has no GPU: WebGL runs on SwiftShader, a CPU rasteriser, so the WebGL page's full
redraws per second are a floor, not what a machine with a graphics card shows; the main thread's
time per frame is the part that does not depend on the GPU.

Usage::

    .venv/bin/python benchmarks/bench_render.py                          # 5k, 20k, 50k nodes
    .venv/bin/python benchmarks/bench_render.py --sizes 2000 5000 --json results.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from mechgraph.export import export
from mechgraph.synthetic import synthetic_graph

CHROMIUM = "/usr/bin/chromium"
PAN_SECONDS = 3.0

# Records the moment the page says it is usable (data-ready on <html>), from an init script.
READY_WATCH = """
(() => {
  const mark = () => {
    const root = document.documentElement;
    if (root && root.getAttribute("data-ready") === "true" && window.__usableAt === undefined) { window.__usableAt = performance.now(); }
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
})();
"""

# Appended to pyvis's page: data-ready after the first drawing once stabilisation is done.
PYVIS_READY = """<script>
(function () {
  function ready() { network.once("afterDrawing", function () { document.documentElement.setAttribute("data-ready", "true"); }); network.redraw(); }
  var physics = network.physics && network.physics.options && network.physics.options.enabled && network.physics.options.stabilization.enabled;
  if (physics) { network.once("stabilizationIterationsDone", ready); } else { ready(); }
})();
</script>
"""

# Pans for PAN_SECONDS, counting the frames that showed the view moved: the renderer's frames,
# and for the WebGL page the frames its texture on viewport moved the last frame as a bitmap
# (``texture``: "auto", the page's own choice, or "never": every frame drawn in full).
PAN = """
async ([kind, seconds, texture]) => {
  let drawn = 0, moved = 0, busy = 0, began = 0, full = 0;
  const count = () => { drawn++; };
  let step;
  if (kind === "webgl") {
    const sigma = window.mechgraph.sigma, camera = sigma.getCamera(), render = sigma.render.bind(sigma);
    window.mechgraph.texture.mode = texture;
    sigma.render = function () { const t = performance.now(); const out = render(); busy += performance.now() - t; return out; };
    sigma.on("afterRender", () => { count(); full++; });
    sigma.on("afterMove", count);
    const start = camera.getState();
    step = (k) => camera.setState({ x: start.x + 0.02 * Math.sin(k / 20), y: start.y + 0.02 * Math.cos(k / 20) });
  } else {
    const net = kind === "pyvis" ? window.network : window.mechgraph.network;
    net.on("beforeDrawing", () => { began = performance.now(); });
    net.on("afterDrawing", () => { count(); busy += performance.now() - began; });
    const start = net.getViewPosition(), scale = net.getScale(), reach = 200 / scale;
    step = (k) => net.moveTo({ position: { x: start.x + reach * Math.sin(k / 20), y: start.y + reach * Math.cos(k / 20) }, scale: scale, animation: false });
  }
  const started = performance.now();
  await new Promise((done) => {
    const tick = () => {
      if (performance.now() - started >= seconds * 1000) { done(); return; }
      step(++moved);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const elapsed = (performance.now() - started) / 1000;
  return { fps: drawn / elapsed, full_fps: full / elapsed, frame_ms: drawn ? busy / drawn : null, moves: moved, seconds: elapsed };
}
"""


def view_of(nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A synthetic mechanism graph of ``nodes`` nodes (about 2.9 relations a node)."""
    return synthetic_graph(round(nodes / 0.35), seed=seed)


def write_pyvis(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    network = Network(cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        network.add_node(node, label=str(data.get("label") or node))
    for source, target in graph.edges():
        network.add_edge(source, target)
    network.write_html(str(path))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</body>", PYVIS_READY + "</body>"), encoding="utf-8")


def measure_page(browser: Any, path: Path, kind: str, timeout: float) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(READY_WATCH)
    result: dict[str, Any] = {"usable_s": None, "fps": None, "frame_ms": None, "blocked": 0}
    try:
        page.goto(path.resolve().as_uri(), timeout=timeout * 1000, wait_until="commit")
        page.wait_for_function("() => window.__usableAt !== undefined", timeout=timeout * 1000, polling=100)
        result["usable_s"] = page.evaluate("() => window.__usableAt") / 1000
        page.wait_for_timeout(300)
        pan = page.evaluate(PAN, [kind, PAN_SECONDS, "auto"])
        result["fps"], result["frame_ms"] = pan["fps"], pan["frame_ms"]
        if kind == "webgl":  # every frame drawn in full, as before the texture on viewport
            page.wait_for_timeout(500)
            redrawn = page.evaluate(PAN, [kind, PAN_SECONDS, "never"])
            result["full_fps"], result["frame_ms"] = redrawn["full_fps"], redrawn["frame_ms"]
    except Exception as error:  # a page that never becomes usable within the timeout
        result["error"] = type(error).__name__
    result["blocked"] = len(blocked)
    result["errors"] = errors[:3]
    context.close()
    return result


def run(sizes: list[int], timeout: float, pyvis_max: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for nodes in sizes:
            graph = view_of(nodes)
            print(f"{nodes:,} nodes, {graph.number_of_edges():,} relations", file=sys.stderr, flush=True)
            writers = {
                "pyvis": lambda path, g=graph: write_pyvis(g, path),
                "mechgraph vis": lambda path, g=graph, t=f"{nodes} nodes": export(g, path, overview=False, renderer="vis", title=t),
                "mechgraph webgl": lambda path, g=graph, t=f"{nodes} nodes": export(g, path, overview=False, renderer="webgl", title=t),
            }
            if nodes > pyvis_max:
                del writers["pyvis"]
            for name, write in writers.items():
                path = Path(folder) / f"{name.replace(' ', '-')}-{nodes}.html"
                began = time.perf_counter()
                write(path)
                written = time.perf_counter() - began
                kind = "pyvis" if name == "pyvis" else name.split()[1]
                measured = measure_page(browser, path, kind, timeout)
                row = {"nodes": nodes, "relations": graph.number_of_edges(), "page": name, "write_s": written, "bytes": path.stat().st_size, **measured}
                print(f"  {name}: {row}", file=sys.stderr, flush=True)
                rows.append(row)
                path.unlink()
        browser.close()
    return rows


def table(rows: list[dict[str, Any]], timeout: float) -> str:
    lines = [
        "| nodes (relations) | page | write | file | usable after | fps while panning | full redraws/s | main thread per full frame |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        usable = f"{row['usable_s']:.1f} s" if row["usable_s"] is not None else f"> {timeout:g} s"
        fps = f"{row['fps']:.1f}" if row["fps"] is not None else "n/a"
        frame = f"{row['frame_ms']:.0f} ms" if row["frame_ms"] is not None else "n/a"
        full = f"{row['full_fps']:.1f}" if row.get("full_fps") is not None else fps
        lines.append(
            f"| {row['nodes']:,} ({row['relations']:,}) | {row['page']} | {row['write_s']:.1f} s | {row['bytes'] / 1e6:.1f} MB | {usable} | {fps} | {full} | {frame} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000], help="nodes of each view")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds a page may take to become usable")
    parser.add_argument(
        "--pyvis-max",
        type=int,
        default=20000,
        help="largest view written with pyvis (its add_node checks a list of ids: writing 50,000 nodes takes about 15 minutes)",
    )
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args()
    rows = run(args.sizes, args.timeout, args.pyvis_max)
    print(table(rows, args.timeout))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
