"""A plain `pip install` of the wheel works from any folder: data and assets ship inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_data_and_runs_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("mechgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "mechgraph/_data/immunomodulation.yaml" in names
    assert "mechgraph/_data/sources/immunomodulation-article.txt" in names
    assert "mechgraph/export/vendor/webgl-graph.min.js" in names  # the WebGL export's renderer, inlined into its pages
    assert "mechgraph/export/webgl_viewport.js" in names  # its texture on viewport, in the export and the dashboard
    assert "mechgraph/_assets/dashboard-webgl.js" in names  # the dashboard's WebGL canvas

    # A fresh venv holding only the wheel; its dependencies come from this test run's environment.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=600,
    )
    environment = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()

    def mechgraph(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(env_dir / "bin" / "mechgraph"), *args], cwd=workdir, env=environment, capture_output=True, text=True, timeout=300)

    where = subprocess.run([str(python), "-c", "import mechgraph; print(mechgraph.__file__)"], cwd=workdir, env=environment, capture_output=True, text=True)
    assert str(env_dir) in where.stdout, where  # the installed wheel, not the checkout
    result = mechgraph("validate")
    assert result.returncode == 0, result.stderr
    assert "_data/immunomodulation.yaml: valid" in result.stdout
    info = json.loads(mechgraph("info", "--json").stdout)
    assert info["agents"] >= 25 and info["relations"] >= 200
