"""`--dist loadgroup` as pytest-xdist documents it, on pytest 9, and the
browser journeys kept to two workers while the third computes.

xdist 3.8 marks a test's group by rewriting `item._nodeid`; pytest 9 keeps a
node's id in `item._id`, so the mark was lost and every test went wherever
the scheduler liked: the Lambda package's tests built the zip on both workers
(25 s each), and tests sharing one stack's year of reports made it twice.

The browser journeys (tests/web) wait on Chromium and their stack for about
half their time. Run last on every worker, as their folder's name put them,
they left the two cores 46% idle for their last ten minutes. Here their
modules are dealt, alternately, into two groups: xdist hands its biggest
groups out first, so two workers each take one (one stack each) from the
start, while the third runs everything else beside them, and the two join
it when their journeys are done. Journeys already in a group keep it."""
import pytest

WEB = "tests/web/"
WEB_GROUPS = ("web-a", "web-b")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not config.getoption("loadgroup", default=False):  # only workers of `--dist loadgroup` have it
        return
    from _pytest.nodeid import NodeId
    modules = sorted({item.nodeid.split("::")[0] for item in items if item.nodeid.startswith(WEB)})
    dealt = {module: WEB_GROUPS[n % len(WEB_GROUPS)] for n, module in enumerate(modules)}
    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if not names and item.nodeid.startswith(WEB):
            names = [dealt[item.nodeid.split("::")[0]]]
        if names and "@" not in item.nodeid:  # xdist's own suffix took: nothing to do
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")
