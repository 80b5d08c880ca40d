"""The gazetteer is built reproducibly and ships inside the wheel."""

import subprocess
import sys
import venv
import zipfile

from conftest import ROOT


def test_build_script_reproduces_the_embedded_gazetteer_byte_for_byte(tmp_path):
    out = tmp_path / "gazetteer.geojson"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (ROOT / "data" / "gazetteer.geojson").read_bytes()


def test_wheel_ships_the_gazetteer_and_its_licence(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            "-q",
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("aleppo_map-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = archive.read("aleppo_map/_data/gazetteer.geojson")
        assert "aleppo_map/_data/LICENSE-neighbourhoods" in names
        assert "aleppo_map/py.typed" in names
    assert packaged == (ROOT / "data" / "gazetteer.geojson").read_bytes()

    # Installed from the wheel (not the source tree), the default gazetteer loads.
    env_dir = tmp_path / "env"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "from aleppo_map import Gazetteer, __version__; "
        "from aleppo_map.gazetteer import default_path; "
        "print(default_path()); print(len(Gazetteer.default())); print(__version__)"
    )
    result = subprocess.run(
        [python, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    path, count, version = result.stdout.split()
    assert str(env_dir) in path and count == "134" and version == "0.1.0"
