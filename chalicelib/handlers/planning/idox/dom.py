"""A small tree of an HTML page from the stdlib's html.parser: enough to find
elements by tag, id and class and to read their text, tolerant of the
unclosed tags real pages carry. Imported only by the Idox adapter's sync."""
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MAX_DEPTH = 200  # a page nested deeper than this is not one we read


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    def get(self, name, default=""):
        return self.attrs.get(name) or default

    @property
    def classes(self):
        return self.get("class").split()

    def text(self):
        """The element's words, runs of white space made one space."""
        out = []
        stack = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                out.append(node)
            elif node.tag not in ("script", "style"):
                stack.extend(reversed(node.children))
        return " ".join("".join(out).split())

    def walk(self):
        stack = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Node):
                yield node
                stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def find_all(self, tag=None, id=None, cls=None, **attrs):
        for node in self.walk():
            if node is self or (tag and node.tag != tag) or (id and node.get("id") != id):
                continue
            if cls and cls not in node.classes:
                continue
            if all(node.get(k) == v for k, v in attrs.items()):
                yield node

    def find(self, tag=None, id=None, cls=None, **attrs):
        return next(self.find_all(tag, id, cls, **attrs), None)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, self.open[-1])
        self.open[-1].children.append(node)
        if tag not in VOID and len(self.open) < MAX_DEPTH:
            self.open.append(node)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.open[-1]))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return  # an end tag nothing opened is ignored, as browsers do

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(raw):
    """The page's tree; bytes are read as UTF-8, or Latin-1 (Idox's own charset) where they are not."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = raw.decode("iso-8859-1")
    builder = _Builder()
    builder.feed(raw)
    builder.close()
    return builder.root
