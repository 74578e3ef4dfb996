"""`--dist loadgroup` as pytest-xdist documents it, on pytest 9.

xdist 3.8 marks a test's group by rewriting `item._nodeid`; pytest 9 keeps a
node's id in `item._id`, so the mark was lost and every test went wherever
the scheduler liked: the Lambda package's tests built the zip on both workers
(25 s each), and tests sharing one stack's year of reports made it twice."""
import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not config.getoption("loadgroup", default=False):  # only workers of `--dist loadgroup` have it
        return
    from _pytest.nodeid import NodeId
    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid:  # xdist's own suffix took: nothing to do
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")
