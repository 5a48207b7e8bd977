"""Every session key the page sets or reads is declared once: in `components.state.DEFAULTS`, or as a widget's key.

An AST scan of `app.py` and `components/` finds each key used with `st.session_state` (attribute, subscript,
`get`/`pop`/`setdefault`, `in`) and names every one that neither table declares. A key built from an f-string
(e.g. `f"predict_f{i}"`) is declared by a widget keyed with the same f-string shape; a key from a function that
returns an f-string counts as that shape too, and such a function in `components/state.py` (`param_key`) declares it.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

from components.state import DEFAULTS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([ROOT / "app.py", *(ROOT / "components").glob("*.py")])
STATE = ROOT / "components" / "state.py"  # the table's own module walks its keys in loops
METHODS = {"get", "pop", "setdefault", "update", "keys", "items", "values", "clear", "to_dict"}


def _is_session_state(node: ast.AST, aliases: set[str]) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "session_state":
        return isinstance(node.value, ast.Name) and node.value.id == "st"
    return isinstance(node, ast.Name) and node.id in aliases


def _shape(node: ast.AST, constants: dict[str, str], builders: dict[str, str]) -> str | None:
    """A key as text: a string, an f-string's shape (`predict_f{}`), or None when it cannot be read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.Attribute):  # e.g. head_edit.HEAD
        return constants.get(node.attr)
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        return builders.get(name)
    return None


def _module_names(trees: dict[Path, ast.Module]) -> tuple[dict[str, str], dict[str, str]]:
    """Module-level string constants, and functions whose whole body returns an f-string, across all sources."""
    constants, builders = {}, {}
    for tree in trees.values():
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.JoinedStr):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = _shape(node.value, {}, {})
            if isinstance(node, ast.FunctionDef):
                body = [n for n in node.body if not isinstance(n, ast.Expr)]  # a docstring may come first
                if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.JoinedStr):
                    builders[node.name] = _shape(body[0].value, {}, {})
    return constants, builders


def _widget_keys(trees: dict[Path, ast.Module], constants, builders) -> set[str]:
    """Every `key=` given to a call (a widget's, or a container's: those hold no state, and harm nothing here)."""
    keys = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "key" and (shape := _shape(keyword.value, constants, builders)) is not None:
                        keys.add(shape)
    return keys


def _uses(path: Path, tree: ast.Module, constants, builders) -> list[tuple[str | None, int, str]]:
    """(key or None, line, how) for every use of a session key in one module."""
    aliases = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_session_state(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_session_state(node.value, aliases) and node.attr not in METHODS:
            uses.append((node.attr, node.lineno, "attribute"))
        elif isinstance(node, ast.Subscript) and _is_session_state(node.value, aliases):
            uses.append((_shape(node.slice, constants, builders), node.lineno, "subscript"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"get", "pop", "setdefault"}
            and _is_session_state(node.func.value, aliases)
        ):
            uses.append((_shape(node.args[0], constants, builders), node.lineno, node.func.attr))
        elif isinstance(node, ast.Compare) and any(_is_session_state(c, aliases) for c in node.comparators):
            uses.append((_shape(node.left, constants, builders), node.lineno, "in"))
    return uses


def test_every_session_key_is_declared_in_the_state_table_or_by_a_widget():
    trees = {path: ast.parse(path.read_text(), str(path)) for path in SOURCES}
    constants, builders = _module_names(trees)
    _, state_builders = _module_names({STATE: trees[STATE]})
    declared = set(DEFAULTS) | set(state_builders.values()) | _widget_keys(trees, constants, builders)
    offenders = []
    for path, tree in trees.items():
        for key, line, how in _uses(path, tree, constants, builders):
            where = f"{path.relative_to(ROOT)}:{line} ({how})"
            if key is None and path != STATE:
                offenders.append(f"{where}: a key the scan cannot read")
            elif key is not None and key not in declared:
                offenders.append(f"{where}: {key!r}")
    offenders.sort()
    assert not offenders, "session keys not declared in components/state.DEFAULTS:\n" + "\n".join(offenders)


def test_the_scan_sees_the_keys_the_page_uses():
    """The scan itself can fail: it finds known uses of each kind (attribute, get, subscript, a built key)."""
    trees = {path: ast.parse(path.read_text(), str(path)) for path in SOURCES}
    constants, builders = _module_names(trees)
    found = {(key, how) for path, tree in trees.items() for key, _, how in _uses(path, tree, constants, builders)}
    assert {("trainer", "attribute"), ("predict_input", "get"), ("p{}_{}", "get")} <= found


def test_every_key_of_the_state_table_says_what_it_means():
    """Each entry of `DEFAULTS` has its meaning beside it: a comment on the line where the key is declared."""
    source = STATE.read_text()
    table = next(
        node.value
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "DEFAULTS" for t in node.targets)
    )
    commented = {
        token.start[0]
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    silent = [key.value for key in table.keys if key.lineno not in commented]
    assert [key.value for key in table.keys] == list(DEFAULTS)  # the scan read the table itself
    assert not silent, f"keys of components/state.DEFAULTS without a meaning: {silent}"


def _asks_and_answers() -> None:
    import streamlit as st

    from components.state import Ask, ask, asked

    st.session_state.setdefault("requests", frozenset())
    if not st.session_state.get("asked_once"):
        st.session_state.asked_once = True
        ask(Ask.COMPILE)
        ask(Ask.TRAIN)
    st.text(",".join(str(asked(action)) for action in (Ask.COMPILE, Ask.COMPILE, Ask.TRAIN, Ask.GO_ON)))


def test_a_request_is_answered_once_and_only_when_asked():
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_function(_asks_and_answers, default_timeout=60).run()
    assert app.text[0].value == "True,False,True,False"
    app.run()  # the next run: nothing asked any more
    assert app.text[0].value == "False,False,False,False"
