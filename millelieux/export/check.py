"""A link checker for an exported site: every internal address of its HTML and CSS files leads to a file of
the export, and every `#fragment` to an element of that page.

    problems = check_site("public/")   # [] when the export is whole
    for problem in problems: print(problem)   # "carte/index.html → ../static/x.css : fichier absent"

Absolute addresses (http:, https:, mailto:…) are not followed: they leave the export by design.
"""

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import links


@dataclass(frozen=True)
class Problem:
    file: str
    link: str
    reason: str

    def __str__(self):
        return f"{self.file} → {self.link} : {self.reason}"


def check_site(outdir):
    outdir = Path(outdir)
    ids = {}
    problems = []
    for path in sorted(outdir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        name = path.relative_to(outdir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        found = links.html_links(text) if path.suffix == ".html" else links.css_links(text)
        for kind, value in found:
            problem = _check_link(outdir, name, kind, value, ids)
            if problem:
                problems.append(Problem(name, value, problem))
    return problems


def _check_link(outdir, name, kind, value, ids):
    if not links.followed(value.strip()) and not value.startswith("#"):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme or parts.netloc:
        return None
    if parts.query:
        return "paramètres dans un lien (un site statique ne les lit pas)"
    if parts.path:
        if parts.path.startswith("/"):
            return "adresse absolue depuis la racine (ne marche ni depuis le disque ni sous un sous-chemin)"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return "sort du dossier de l'export"
        if not (outdir / target).is_file():
            if (outdir / target).is_dir():
                return "dossier (depuis le disque, un lien doit nommer son fichier index.html)"
            return "fichier absent"
    else:
        target = name
    if parts.fragment and target.endswith(".html") and kind != "css":
        if target not in ids:
            ids[target] = _ids_of((outdir / target).read_text(encoding="utf-8", errors="replace"))
        if unquote(parts.fragment) not in ids[target]:
            return f"ancre #{parts.fragment} absente de la page"
    return None


def _ids_of(text):
    return {html.unescape(match.group(1)) for match in links.ID_ATTRIBUTE.finditer(text)} | {"top"}
