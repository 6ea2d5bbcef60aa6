"""Sphinx configuration for the belatam documentation.

Build:   sphinx-build -W --keep-going -b html docs docs/_build/html
Doctest: sphinx-build -W -b doctest docs docs/_build/doctest

The data reference (data.md) is generated from the packaged data on every
build by gen_data_reference.py, into _generated/ (git-ignored).
"""

from __future__ import annotations

import doctest
import sys
from importlib.metadata import version as _version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_coverage  # noqa: E402  (needs the docs folder on sys.path)
import gen_data_reference  # noqa: E402

# -- project -----------------------------------------------------------------

project = "belatam"
author = "The belatam developers"
copyright = "The belatam developers"
release = _version("belatam")
version = ".".join(release.split(".")[:2])

# -- general -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "_static", ".gitignore", "Thumbs.db", ".DS_Store"]
# Every cross-reference must resolve, except to the standard library: with no
# intersphinx mapping (no network) those cannot, and are shown as plain names.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", rf"(?:{'|'.join(sorted(sys.stdlib_module_names))})(?:\..*)?"),
]
nitpick_ignore = [
    # belatam/query/packaged.py's module docstring says `Dataset`, which does not
    # resolve from the belatam.query.packaged namespace (belatam.Dataset does).
    ("py:obj", "Dataset"),
    # pathlib.Path is imported only for type checking (importing pathlib costs
    # start-up time), so the annotation `str | Path` stays unresolved.
    ("py:class", "Path"),
    # matplotlib.axes.Axes is imported only for type checking, so `Axes` stays unresolved.
    ("py:class", "Axes"),
    # Standard-library and internal names in annotations that autodoc shows unqualified.
    ("py:class", "Decimal"),
    ("py:class", "DateLike"),
    ("py:class", "datetime.date"),
    ("py:class", "Kind"),
    ("py:class", "Format"),
    ("py:class", "CitationFormat"),
]
# Third-party types of the optional extras, and module-level names the API page
# does not document one by one; no intersphinx, so they cannot resolve.
nitpick_ignore_regex += [
    (r"py:.*", r"(pandas|pyarrow|matplotlib)(\..*)?"),
    (r"py:obj", r"schema|belatam\.arrowdata"),
]
# Single backticks in docstrings (`Dataset.countries`) are cross-references,
# checked like the rest (nitpicky).
default_role = "py:obj"

# The build machine has no network: intersphinx is loaded, but with no mapping,
# so nothing is ever fetched.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# -- MyST --------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {"release": release}

# -- autodoc -------------------------------------------------------------------

autodoc_member_order = "bysource"
# The query signatures name the shared parameter types by their aliases (belatam.arguments).
autodoc_type_aliases = {"OneOrMany": "belatam.arguments.OneOrMany", "When": "belatam.arguments.When"}
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autodoc_default_options = {"members": True}
python_use_unqualified_type_names = True

# -- doctest builder -----------------------------------------------------------

# The same flags as tests/test_docs_site.py, so both runners agree.
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# Only the pages' {doctest} blocks: the ">>>" examples in docstrings that autodoc
# pulls in are run by tests/test_docs.py (doctest.testmod), in their modules.
doctest_test_doctest_blocks = ""

# -- HTML --------------------------------------------------------------------

html_theme = "furo"
html_title = f"belatam {release}"
html_static_path: list[str] = []
html_show_sourcelink = False


# -- generated pages -----------------------------------------------------------

gen_data_reference.write(HERE / "_generated" / "data-reference.md")
gen_coverage.write(HERE / "_generated" / "coverage.md")
