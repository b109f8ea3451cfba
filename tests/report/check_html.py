#!/usr/bin/env python3
"""Checks an HTML report for structure and accessibility, with the standard library only.

Usage: check_html.py FILE.html
Exit status 0 when it passes; 1 with one problem per line on stdout when it does not;
2 when the file cannot be read or is not UTF-8.

Checked: a doctype; <html lang>; <meta charset="utf-8">; a non-empty <title>; every
non-void element closed in order (no stray or missing end tags, no self-closed HTML
elements outside SVG); exactly one h1; headings never skip a level going down; every
<img> has non-empty alt; every <svg> has role="img", a non-empty <title> child and, when
aria-labelledby is given, ids that exist; every <table> has <th> cells; ids are unique and
fragment links point at one; no external resources (src/href/... starting with http:,
https:, file: or //, CSS url() or @import), and no <script>, <link>, <iframe> or <object>.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FOREIGN = {"svg", "math"}
URL_ATTRS = {"src", "href", "xlink:href", "poster", "srcset", "action", "formaction", "data", "background", "cite"}
FORBIDDEN = {"script", "link", "iframe", "object", "embed", "frame", "base"}
EXTERNAL = re.compile(r"^\s*(https?:|file:|ftp:|//)", re.I)
CSS_EXTERNAL = re.compile(r"@import|url\(\s*(?!['\"]?\s*(?:data:|#))", re.I)


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.stack = []  # (tag, line)
        self.doctype = False
        self.html_lang = None
        self.charset = False
        self.title_text = None
        self.in_title = False
        self.headings = []  # (level, line)
        self.ids = {}
        self.fragment_refs = []  # (id, line)
        self.labelledby = []  # (ids, line)
        self.svgs = []  # dicts: line, role, title
        self.tables = []  # dicts: line, th
        self.text_target = None  # the svg <title> being read
        self.in_style = False

    def problem(self, msg):
        line, _ = self.getpos()
        self.problems.append(f"line {line}: {msg}")

    def handle_decl(self, decl):
        if decl.strip().lower() == "doctype html":
            self.doctype = True

    def in_foreign(self):
        return any(t in FOREIGN for t, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, self_closing=True)

    def start(self, tag, attrs, self_closing):
        a = {k.lower(): (v if v is not None else "") for k, v in attrs}
        foreign = self.in_foreign() or tag in FOREIGN
        if tag in FORBIDDEN:
            self.problem(f"<{tag}> is not allowed in a self-contained report")
        for k, v in a.items():
            if k in URL_ATTRS and EXTERNAL.match(v):
                self.problem(f"external resource {k}=\"{v}\" on <{tag}>")
            if k == "style" and CSS_EXTERNAL.search(v):
                self.problem(f"external resource in style attribute on <{tag}>")
            if k in ("href", "xlink:href") and v.startswith("#") and len(v) > 1:
                self.fragment_refs.append((v[1:], self.getpos()[0]))
        if "id" in a:
            if a["id"] in self.ids:
                self.problem(f"duplicate id \"{a['id']}\" (first on line {self.ids[a['id']]})")
            else:
                self.ids[a["id"]] = self.getpos()[0]
        if "aria-labelledby" in a:
            self.labelledby.append((a["aria-labelledby"].split(), self.getpos()[0]))

        if tag == "html":
            self.html_lang = a.get("lang", "").strip()
        elif tag == "meta" and a.get("charset", "").lower() == "utf-8":
            self.charset = True
        elif tag == "title" and not self.in_foreign():
            self.in_title = True
            self.title_text = ""
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append((int(tag[1]), self.getpos()[0]))
        elif tag == "img":
            if not a.get("alt", "").strip():
                self.problem("<img> without alt text")
        elif tag == "svg" and not self.in_foreign():
            self.svgs.append({"line": self.getpos()[0], "role": a.get("role", ""), "title": ""})
            if a.get("role") != "img":
                self.problem('<svg> without role="img"')
        elif tag == "title" and self.stack and self.stack[-1][0] == "svg" and self.svgs:
            self.text_target = self.svgs[-1]
        elif tag == "table":
            self.tables.append({"line": self.getpos()[0], "th": 0})
        elif tag == "th":
            if self.tables:
                self.tables[-1]["th"] += 1
            else:
                self.problem("<th> outside a table")
        elif tag == "style":
            self.in_style = True

        if tag in VOID:
            return
        if self_closing:
            if not foreign:
                self.problem(f"<{tag}/> self-closed: not allowed for HTML elements")
            return
        self.stack.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problem(f"end tag </{tag}> for a void element")
            return
        if not self.stack:
            self.problem(f"stray end tag </{tag}>")
            return
        open_tag, line = self.stack[-1]
        if open_tag != tag:
            self.problem(f"</{tag}> closes <{open_tag}> opened on line {line}")
            # recover: pop to the matching tag if there is one
            if any(t == tag for t, _ in self.stack):
                while self.stack and self.stack[-1][0] != tag:
                    self.stack.pop()
                self.stack.pop()
            return
        self.stack.pop()
        if tag == "title":
            self.in_title = False
            self.text_target = None
        elif tag == "style":
            self.in_style = False
        elif tag == "table" and self.tables:
            t = self.tables.pop()
            if t["th"] == 0:
                self.problems.append(f"line {t['line']}: <table> without <th> header cells")

    def handle_data(self, data):
        if self.in_title and self.title_text is not None:
            self.title_text += data
        if self.text_target is not None:
            self.text_target["title"] += data
        if self.in_style and CSS_EXTERNAL.search(data):
            self.problem("external resource (@import or url()) in <style>")

    def finish(self):
        for tag, line in self.stack:
            self.problems.append(f"line {line}: <{tag}> is never closed")
        if not self.doctype:
            self.problems.append("no <!DOCTYPE html>")
        if not self.html_lang:
            self.problems.append("<html> has no lang attribute")
        if not self.charset:
            self.problems.append('no <meta charset="utf-8">')
        if not (self.title_text or "").strip():
            self.problems.append("no <title> or an empty one")
        h1 = [line for level, line in self.headings if level == 1]
        if len(h1) != 1:
            self.problems.append(f"{len(h1)} h1 headings, need exactly one")
        previous = 0
        for level, line in self.headings:
            if level > previous + 1:
                self.problems.append(f"line {line}: h{level} skips a level after h{previous}")
            previous = level
        for svg in self.svgs:
            if not svg["title"].strip():
                self.problems.append(f"line {svg['line']}: <svg> without a non-empty <title>")
        for ids, line in self.labelledby:
            for i in ids:
                if i not in self.ids:
                    self.problems.append(f"line {line}: aria-labelledby names a missing id \"{i}\"")
        for i, line in self.fragment_refs:
            if i not in self.ids:
                self.problems.append(f"line {line}: link to a missing id \"#{i}\"")


def check(text):
    c = Checker()
    c.feed(text)
    c.close()
    c.finish()
    return c.problems


def main(argv):
    if len(argv) != 2:
        print("usage: check_html.py FILE.html", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8", errors="strict") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    problems = check(text)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
