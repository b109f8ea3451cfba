#!/usr/bin/env python3
"""Checks the user guide as shipped: every link and picture of every page, contents and
index entry resolves (the file exists, and the #anchor is in it), every page is in the help
book's [FILES] (or its search would miss it), and every picture has alt text.
Usage: check_guide.py GUIDE_DIR. Prints one line per problem (file: what, expected what)
and exits 1 when there is any; prints a summary and exits 0 otherwise."""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []    # (line, attribute, value)
        self.anchors = set()
        self.no_alt = []   # lines of <img> without alt

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        for key in ("href", "src"):
            if a.get(key):
                self.links.append((line, key, a[key]))
        if tag == "param" and (a.get("name") or "").lower() == "local" and a.get("value"):
            self.links.append((line, "Local", a["value"]))
        if tag == "a" and a.get("name"):
            self.anchors.add(a["name"])
        if a.get("id"):
            self.anchors.add(a["id"])
        if tag == "img" and not a.get("alt"):
            self.no_alt.append(line)


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def main(guide):
    problems = []
    if not os.path.isdir(guide):
        print(f"{guide}: not a folder; expected the user guide's folder (guide/ of the source tree)")
        return 1
    pages = {}
    for root, _, files in os.walk(guide):
        for name in files:
            if name.endswith((".html", ".hhc", ".hhk")):
                path = os.path.join(root, name)
                try:
                    pages[os.path.relpath(path, guide)] = parse(path)
                except (OSError, UnicodeDecodeError) as e:
                    problems.append(f"{path}: cannot be read as UTF-8 HTML ({e.__class__.__name__})")
    book = [n for n in os.listdir(guide) if n.endswith(".hhp")]
    if len(book) != 1:
        problems.append(f"{guide}: {len(book)} help books (.hhp); expected exactly one")
    else:
        listed, section = set(), None
        with open(os.path.join(guide, book[0]), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if line.startswith("["):
                    section = line
                elif section == "[FILES]" and line:
                    listed.add(line)
                    if not os.path.isfile(os.path.join(guide, line)):
                        problems.append(f"{book[0]}:{n}: lists {line}, which does not exist; expected a page of the guide")
                elif section == "[OPTIONS]" and "=" in line:
                    key, value = (s.strip() for s in line.split("=", 1))
                    if key in ("Contents file", "Index file", "Default topic") and not os.path.isfile(os.path.join(guide, value)):
                        problems.append(f"{book[0]}:{n}: {key} {value} does not exist")
        for rel in sorted(pages):
            if rel.endswith(".html") and rel not in listed:
                problems.append(f"{book[0]}: {rel} is not under [FILES]; expected every page there (the help's search reads only those)")
    links = 0
    for rel, page in sorted(pages.items()):
        for line, key, value in page.links:
            url = urllib.parse.urlsplit(value)
            if url.scheme or value.startswith("//"):
                problems.append(f"{rel}:{line}: {key}=\"{value}\" leaves the guide; expected a page or picture shipped with it")
                continue
            links += 1
            target = os.path.normpath(os.path.join(os.path.dirname(rel), urllib.parse.unquote(url.path))) if url.path else rel
            if target.startswith(".."):
                problems.append(f"{rel}:{line}: {key}=\"{value}\" points outside the guide's folder, which is not installed")
                continue
            if not os.path.isfile(os.path.join(guide, target)):
                problems.append(f"{rel}:{line}: {key}=\"{value}\": {target} does not exist")
                continue
            if url.fragment:
                anchors = pages[target].anchors if target in pages else set()
                if url.fragment not in anchors:
                    problems.append(f"{rel}:{line}: {key}=\"{value}\": no anchor \"{url.fragment}\" in {target}")
        for line in page.no_alt:
            problems.append(f"{rel}:{line}: a picture without alt text; expected a few words saying what it shows")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in the user guide {guide}")
        return 1
    print(f"user guide {guide}: {len(pages)} pages, {links} links and pictures, all resolve")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check_guide.py GUIDE_DIR")
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
