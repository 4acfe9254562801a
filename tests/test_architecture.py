"""The package's shape: its imports run one way, from the stages that come first to those that
come after, with no cycle (imports inside functions included), and nothing imports the front door."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "khoi_report"

# In the order the data flows; a module may import its own layer and the layers before it.
LAYERS = [
    {"_version", "errors", "digest", "zipfiles", "datafiles", "models"},  # plain data and helpers
    {"extraction"},
    {"check"},
    {"wording"},
    {"tables"},
    {"render"},
    {"publish"},
    {"settings"},
    {"pipeline"},
    {"scaffold", "explain", "score", "serve", "cli"},  # the commands
    {"__main__"},  # `python -m khoi_report`: the CLI
]


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name ('render.pdf', 'render' for its __init__)."""
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports, at the top or inside a function."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if name else []
    package = here if is_package else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        targets: list[str] = []
        module = None
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            module = ".".join(base + ([node.module] if node.module else []))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "khoi_report":
            module = node.module.removeprefix("khoi_report").lstrip(".")
        if module is not None:  # `from M import x`: the submodule M.x where there is one, else M
            targets = [t if t in known else module for t in (f"{module}.{a.name}".lstrip(".") for a in node.names)]
        elif isinstance(node, ast.Import):
            targets = [a.name.removeprefix("khoi_report").lstrip(".") for a in node.names
                       if a.name.split(".")[0] == "khoi_report"]
        found |= {t for t in targets if t in known}
    # Importing a.b.c runs a/__init__ and a/b/__init__ first (one's own packages are already running).
    ancestors = {".".join(here[:i]) for i in range(len(here))}
    found |= {".".join(t.split(".")[:i]) for t in found for i in range(1, t.count(".") + 1)} - ancestors
    return found - {name}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, set(known)) for name, path in known.items()}


def layer(module: str) -> int:
    top = module.split(".")[0]
    (index,) = [i for i, names in enumerate(LAYERS) if top in names]
    return index


def test_every_module_has_a_place_in_the_pipeline(graph):
    for module in graph:
        if module:
            layer(module)  # fails for a top-level module that no layer names


def test_no_module_imports_the_package_root(graph):
    assert [m for m, targets in graph.items() if m and "" in targets] == []


def test_no_module_imports_a_later_stage(graph):
    backwards = [(m, t) for m, targets in graph.items() if m for t in targets if t and layer(t) > layer(m)]
    assert backwards == []


def test_the_imports_have_no_cycle(graph):
    """Depth-first search; a module met again on the current path closes a cycle."""
    cycles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_walk_sees_imports_inside_functions():
    """The checks above are only as good as the walk: a lazy import must count."""
    known = modules()
    assert "render.context" in imports("pipeline", known["pipeline"], set(known))  # imported inside a function
    assert "check" in imports("pipeline", known["pipeline"], set(known))
