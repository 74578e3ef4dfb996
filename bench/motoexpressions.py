"""Two costs of every UpdateItem in moto that change nothing it answers
(moto 5.2; the test suite's moto in process and the browser stack's server):

* moto parses each update expression twice per call (the handler reads its
  names and values, the backend validates it), the app's same few dozen
  expressions over and over. A parse is kept per expression string: what
  moto does with the tree is read it (`find_clauses`) or deep-copy it before
  changing anything (its Validator), so a kept tree is never changed. An
  expression that does not parse raises, as before, and nothing is kept.
* moto's tree walk (`DepthFirstTraverser`, ten of them per UpdateItem) builds
  its processor's map of node types twice for every node it passes. The map
  is fixed per processor (bound methods of its own), so here it is built once
  per walk; the nodes are visited and replaced in the same order.

In three API test folders these were about a tenth of the interpreter's time.
"""
from contextlib import contextmanager

KEPT_PARSES = 4096  # far more than the app's expressions; past it, start again


@contextmanager
def quick_expressions():
    from moto.dynamodb.parsing.ast_nodes import DepthFirstTraverser, Node
    from moto.dynamodb.parsing.expressions import UpdateExpressionParser
    original_make = UpdateExpressionParser.__dict__["make"]
    original_traverse = DepthFirstTraverser.traverse
    parsed = {}

    def make(cls, expression_str):
        tree = parsed.get(expression_str)
        if tree is None:
            tree = original_make.__func__(cls, expression_str)
            if len(parsed) >= KEPT_PARSES:
                parsed.clear()
            parsed[expression_str] = tree
        return tree

    def traverse(self, node):
        processors = self._processing_map()
        kinds = tuple(processors)
        before_child = self.pre_processing_of_child

        def walk(node, child_id=-1):
            if isinstance(node, Node):
                parent = node.parent
                if node.children is not None:
                    for i, child in enumerate(node.children):
                        before_child(node, i)
                        walk(child, i)
                if isinstance(node, kinds):
                    node = next(process for kind, process in processors.items() if isinstance(node, kind))(node)
                    node.parent = parent
                    if parent:
                        parent.children[child_id] = node
            return node
        return walk(node)

    UpdateExpressionParser.make = classmethod(make)
    DepthFirstTraverser.traverse = traverse
    try:
        yield
    finally:
        UpdateExpressionParser.make = original_make
        DepthFirstTraverser.traverse = original_traverse
