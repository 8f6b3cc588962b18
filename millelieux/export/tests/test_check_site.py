"""The link checker finds what a static copy breaks: a missing file, a folder named instead of its
index.html, an address from the server's root, a query string, a missing anchor; absolute links are left out."""

from millelieux.export.check import Problem, check_site


def write(root, name, text):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_whole_site_has_no_problem(tmp_path):
    write(
        tmp_path,
        "index.html",
        '<a href="a/index.html#part">A</a><img src="i.png" srcset="i.png 1x, i.png 2x">'
        '<a href="https://example.org/x">x</a><a href="mailto:a@b.fr">@</a><a href="#top">haut</a>',
    )
    write(tmp_path, "a/index.html", '<h2 id="part">Partie</h2><link rel="stylesheet" href="../s.css">')
    write(
        tmp_path,
        "s.css",
        'body { background: url("i.png") } .x { background: url(data:image/png;base64,AA) }',
    )
    write(tmp_path, "i.png", "png")

    assert check_site(tmp_path) == []


def test_each_broken_link_is_reported_with_its_file_and_reason(tmp_path):
    write(tmp_path, "a/index.html", "")
    write(
        tmp_path,
        "index.html",
        '<a href="absent.html">1</a><a href="a/">2</a><a href="/a/index.html">3</a>'
        '<a href="a/index.html?page=2">4</a><a href="a/index.html#nulle-part">5</a><a href="#ici">6</a>'
        '<img srcset="x.webp 2x">',
    )
    write(tmp_path, "s.css", "@font-face { src: url('f.woff2') }")

    problems = check_site(tmp_path)

    assert [(p.file, p.link) for p in problems] == [
        ("index.html", "absent.html"),
        ("index.html", "a/"),
        ("index.html", "/a/index.html"),
        ("index.html", "a/index.html?page=2"),
        ("index.html", "a/index.html#nulle-part"),
        ("index.html", "#ici"),
        ("index.html", "x.webp"),
        ("s.css", "f.woff2"),
    ]
    assert problems[1].reason.startswith("dossier")
    assert str(problems[0]) == "index.html → absent.html : fichier absent"
    assert isinstance(problems[0], Problem)
