"""The page paints before the heavy libraries load: importing the page's parts must not import them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE_PARTS = [f"components.{path.stem}" for path in (ROOT / "components").glob("*.py") if path.stem != "__init__"]


def test_page_parts_do_not_import_tensorflow_sklearn_or_pandas():
    code = (
        f"import sys; import {', '.join(PAGE_PARTS)}; "
        "print(sorted(m for m in ('tensorflow', 'keras', 'sklearn', 'pandas') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
