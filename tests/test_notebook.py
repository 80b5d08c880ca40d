"""The walkthrough notebook runs top to bottom, and is stored without outputs."""

import nbformat
import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_runs_top_to_bottom():
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    outputs = {
        cell.source.splitlines()[0]: cell.outputs
        for cell in notebook.cells
        if cell.cell_type == "code"
    }
    shown = outputs["fmap = render_map(timeline)"]
    html = shown[0]["data"]["text/html"]
    assert "<iframe" in html and "aleppoControlMap" in html  # the map displays inline
    printed = "".join(o.get("text", "") for o in outputs["claims = list(extract_claims([SEEDS]))"])
    assert "38 claims from 5 articles" in printed
