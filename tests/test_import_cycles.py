"""No import cycle among `tui` modules, counting imports inside functions and for type checking.

The layer contracts in pyproject.toml cannot see a cycle inside one layer; this test can. grimp
(the graph import-linter builds on) records every import it finds, at module level, inside
functions and under `TYPE_CHECKING`, so a cycle made only for annotations counts too.
"""

from __future__ import annotations

import grimp


def _strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """The graph's strongly connected components of more than one module (Tarjan, iterative)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _describe(graph: grimp.ImportGraph, component: list[str]) -> str:
    """One cycle through the component's first module, as `a -> b -> a`."""
    first = component[0]
    back = min((graph.find_shortest_chain(importer=target, imported=first) or ()
                for target in graph.find_modules_directly_imported_by(first)
                if target in component), key=len)
    return " -> ".join((first, *back))


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("tui", include_external_packages=False,
                              exclude_type_checking_imports=False, cache_dir=None)
    cycles = _strongly_connected(graph)
    described = "\n".join(f"  {len(c)} modules ({', '.join(c)}), e.g. {_describe(graph, c)}"
                          for c in cycles)
    assert not cycles, f"{len(cycles)} import cycle(s) among tui modules:\n{described}"
