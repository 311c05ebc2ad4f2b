"""Run a lesson notebook in a fresh kernel so its exports show every quiz and figure."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from spasmcourse.lab.clean import clean_notebook
from spasmcourse.progress.store import DATA_DIR_VARIABLE
from spasmcourse.publish.errors import BuildError

CELL_TIMEOUT_SECONDS = 300


def execute_notebook(path: Path, name: str) -> nbformat.NotebookNode:
    """The notebook at `path` executed in its own folder; widget state is not stored.

    Without stored widget state, exports fall back to each element's static HTML rendering.
    The kernel's own log is kept aside and shown only if the kernel dies, and the kernel saves
    quiz progress to a scratch folder, never to the learner's own progress file. Outputs a
    learner's session left in the file are dropped first, in memory; the file is not touched.
    """
    notebook = clean_notebook(nbformat.read(path, as_version=4))
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    with tempfile.TemporaryFile("w+", encoding="utf-8") as kernel_log, \
            tempfile.TemporaryDirectory(prefix="spasmcourse-build-") as scratch:
        environment = {**os.environ, DATA_DIR_VARIABLE: scratch}
        try:
            client.execute(stderr=kernel_log, env=environment)
        except CellExecutionError as error:
            raise BuildError(f"{name}: a cell raised {error.ename}: {error.evalue}") from None
        except CellTimeoutError:
            raise BuildError(f"{name}: a cell ran longer than {CELL_TIMEOUT_SECONDS} s") from None
        except DeadKernelError as error:
            kernel_log.seek(0)
            said = kernel_log.read()[-2000:]
            raise BuildError(f"{name}: the kernel died ({error}); it said:\n{said}") from None
    return notebook
