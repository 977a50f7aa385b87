#!/usr/bin/env python3
"""Checks the user guide in one folder (help/ja):

- index.html is there;
- every href and src of every page names a file inside the folder, and
  a #fragment names an id of that page;
- every <img> has alt text and its file is a real PNG, JPEG or SVG;
- every picture in figures/ is shown by some page (no stale screenshots).

Prints one line per problem as PAGE: what is wrong, and exits 1 if any.
"""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []   # (tag, attribute, value, line)
        self.ids = set()
        self.img_without_alt = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if 'id' in attrs:
            self.ids.add(attrs['id'])
        if tag == 'a' and 'name' in attrs:
            self.ids.add(attrs['name'])
        for name in ('href', 'src'):
            if attrs.get(name) is not None:
                self.links.append((tag, name, attrs[name], self.getpos()[0]))
        if tag == 'img' and not (attrs.get('alt') or '').strip():
            self.img_without_alt.append(self.getpos()[0])


PICTURE_SIGNATURES = (b'\x89PNG\r\n\x1a\n', b'\xff\xd8\xff', b'<?xml', b'<svg')


def main():
    folder = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else
                              os.path.join(os.path.dirname(__file__), 'ja'))
    problems = []
    pages = {}

    if not os.path.isfile(os.path.join(folder, 'index.html')):
        problems.append(f'{folder}: there is no index.html')

    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith('.html'):
                path = os.path.join(root, name)
                page = Page()
                with open(path, encoding='utf-8') as f:
                    page.feed(f.read())
                pages[os.path.realpath(path)] = page

    shown = set()
    for path, page in sorted(pages.items()):
        rel = os.path.relpath(path, folder)
        for line in page.img_without_alt:
            problems.append(f'{rel}:{line}: <img> without alt text')
        for tag, attribute, value, line in page.links:
            where = f'{rel}:{line}: {tag} {attribute}="{value}"'
            url = urllib.parse.urlsplit(value)
            if url.scheme in ('http', 'https', 'mailto'):
                if tag == 'img' or tag == 'link' or tag == 'script':
                    problems.append(f'{where}: the guide must work offline')
                continue
            if url.scheme or url.netloc or value.startswith('/'):
                problems.append(f'{where}: not a relative link')
                continue
            target = path
            if url.path:
                target = os.path.realpath(os.path.join(os.path.dirname(path),
                                                       urllib.parse.unquote(url.path)))
            if os.path.commonpath([target, folder]) != folder:
                problems.append(f'{where}: points outside {os.path.basename(folder)}/')
                continue
            if not os.path.isfile(target):
                problems.append(f'{where}: no such file')
                continue
            if tag == 'img':
                shown.add(target)
                with open(target, 'rb') as f:
                    head = f.read(8)
                if not head.startswith(PICTURE_SIGNATURES):
                    problems.append(f'{where}: not a PNG, JPEG or SVG picture')
            if url.fragment:
                ids = pages[target].ids if target in pages else None
                if ids is None or urllib.parse.unquote(url.fragment) not in ids:
                    problems.append(f'{where}: no id "{url.fragment}" in that page')

    figures = os.path.join(folder, 'figures')
    if os.path.isdir(figures):
        for name in sorted(os.listdir(figures)):
            path = os.path.realpath(os.path.join(figures, name))
            if path not in shown:
                problems.append(f'figures/{name}: no page shows it')

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f'ok: {len(pages)} pages, {len(shown)} pictures')
    return 0


if __name__ == '__main__':
    sys.exit(main())
