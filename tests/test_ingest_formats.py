"""Readers for every input format, and the "Bad input" cases of issue 3: each broken unit a
rejection naming its file and line/record, everything else still ingested."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from datetime import date

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.config import Limits
from sitrep.ingest import ReadOptions, read_inputs

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Blast in Kabul | Daily Wire</title>
<meta property="og:site_name" content="The Daily Wire">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2016-12-13T08:00:00Z">
<link rel="canonical" href="https://wire.example/world/kabul-blast">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Blast in Kabul</h1>
<p>A suicide bomber killed five people near a ministry in Kabul on Tuesday, officials said.</p>
<p>The Taliban claimed responsibility for the attack in a statement.</p></article>
<footer>Copyright 2016 The Daily Wire</footer></body></html>"""


def page(text: str, url: str | None = None, published: str | None = None) -> bytes:
    head = f'<link rel="canonical" href="{url}">' if url else ""
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    return (f"<html><head><title>t</title>{head}</head><body><article><p>{text}</p></article>"
            "</body></html>").encode()


def codes(reports):
    return [r.rejection.code if r.rejection else "ok" for r in reports]


def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "kabul.html").write_bytes(PAGE)
    (report,) = read_inputs([str(tmp_path / "kabul.html")])
    assert "suicide bomber killed five people" in report.raw
    assert "Home" not in report.raw and "Copyright" not in report.raw
    assert report.title == "Blast in Kabul"
    assert report.url == "https://wire.example/world/kabul-blast"
    assert report.publisher == "The Daily Wire" and report.author == "Jane Doe"
    assert (report.published, report.published_source) == (date(2016, 12, 13), "html-meta")
    assert report.language == "en"


def test_html_date_from_url_then_default(tmp_path):
    (tmp_path / "a.html").write_bytes(page("Rebels shelled Aden on Monday, killing two.",
                                           "https://x.example/2017/03/04/aden"))
    (tmp_path / "b.htm").write_bytes(page("Police arrested twelve protesters in Nairobi."))
    first, second = read_inputs([str(tmp_path)], ReadOptions(published=date(2020, 1, 1)))
    assert (first.published, first.published_source) == (date(2017, 3, 4), "url")
    assert (second.published, second.published_source) == (date(2020, 1, 1), "cli")


def test_html_without_body_is_rejected_others_read(tmp_path):
    (tmp_path / "a.html").write_bytes(b"<html><head><title>Nothing here</title></head></html>")
    (tmp_path / "b.html").write_bytes(page("Troops retook Manbij after a week of fighting."))
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["empty", "ok"]
    assert reports[0].rejection.path.endswith("a.html")


def test_json_list_and_single_document(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps({"articles": [
        {"id": "j1", "text": "Troops entered Mosul.", "date": "2016-11-01"},
        {"id": "j2"}, 5]}))
    (tmp_path / "one.json").write_text(json.dumps({"text": "A single report.", "title": "T"}))
    (tmp_path / "bad.json").write_text('{"text": "unterminated')
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["malformed", "ok", "missing_field", "malformed", "ok"]
    bad, first, missing, number, one = reports
    assert bad.rejection.path.endswith("bad.json")
    assert first.published == date(2016, 11, 1) and first.record == 1
    assert missing.rejection.line == 2 and "record 2" in missing.rejection.message
    assert number.rejection.line == 3
    assert one.id.endswith("one.json") and one.title == "T"


def test_csv_with_a_ragged_row_and_column_options(tmp_path):
    (tmp_path / "d.csv").write_text(
        'key,headline,story,day\n'
        'a1,Aden,"Rebels shelled Aden on Monday, killing two.",2016-12-12\n'
        'a2,Broken,"Ragged row",x,y\n'
        'a3,Mosul,"Troops entered\nMosul from the east.",\n', encoding="utf-8")
    options = ReadOptions(text_column="story", id_column="key", date_column="day",
                          published=date(2016, 12, 20))
    reports = list(read_inputs([str(tmp_path / "d.csv")], options))
    assert codes(reports) == ["ok", "malformed", "ok"]
    assert [r.id for r in reports] == ["a1", f"{tmp_path / 'd.csv'}:3", "a3"]
    assert reports[1].rejection.line == 3 and "ragged" in reports[1].rejection.message
    assert reports[0].published == date(2016, 12, 12)
    assert reports[2].published == date(2016, 12, 20) and reports[2].record == 4
    assert reports[2].raw == "Troops entered\nMosul from the east."


def test_tsv_default_columns_and_missing_text_column(tmp_path):
    (tmp_path / "d.tsv").write_text("id\ttext\tpublished\nt1\tClashes in Tripoli.\t2019-04-05\n")
    (tmp_path / "e.csv").write_text("id,body2\n1,x\n")
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["ok", "missing_field"]
    assert reports[0].id == "t1" and reports[0].published == date(2019, 4, 5)
    assert "--text-column" in reports[1].rejection.message


RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wire Feed</title>
<item><title>Blast in Kabul</title><link>https://wire.example/world/kabul-blast</link>
<guid>k1</guid><description>Teaser only.</description></item>
<item><title>Aden</title><link>https://wire.example/2016/12/12/aden</link><guid>a1</guid>
<pubDate>Mon, 12 Dec 2016 08:00:00 GMT</pubDate>
<content:encoded>&lt;p&gt;Rebels shelled Aden on Monday.&lt;/p&gt;&lt;p&gt;Two died.&lt;/p&gt;</content:encoded>
</item>
<item><title>Title only</title><link>https://elsewhere.example/x</link></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>urn:e1</id><title>Idlib</title><link href="https://a.example/idlib"/>
<published>2017-01-02T10:00:00Z</published>
<content type="html">&lt;p&gt;Troops clashed with rebels near Idlib.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_items_linked_page_read_once(tmp_path):
    (tmp_path / "feed.rss").write_bytes(RSS)
    (tmp_path / "feed2.atom").write_bytes(ATOM)
    (tmp_path / "kabul.html").write_bytes(PAGE)
    reports = list(read_inputs([str(tmp_path)]))
    ids = [r.id for r in reports]
    # the Kabul item links to kabul.html, which is in the input: read from the page only
    assert "k1" not in ids and str(tmp_path / "kabul.html") in ids
    aden = reports[ids.index("a1")]
    assert aden.raw == "Rebels shelled Aden on Monday.\n\nTwo died."
    assert (aden.published, aden.published_source) == (date(2016, 12, 12), "feed")
    assert aden.publisher == "Wire Feed" and aden.title == "Aden" and aden.record == 6
    title_only = reports[ids.index("https://elsewhere.example/x")]
    assert title_only.rejection.code == "missing_field" and title_only.rejection.line == 10
    atom = reports[ids.index("urn:e1")]
    assert atom.raw == "Troops clashed with rebels near Idlib."
    assert atom.published == date(2017, 1, 2) and atom.url == "https://a.example/idlib"


def test_invalid_feed_xml_names_its_line(tmp_path):
    (tmp_path / "bad.rss").write_bytes(b"<rss><channel>\n<item><title>x</title>\n<item>")
    (tmp_path / "ok.txt").write_text("Troops retook Manbij.")
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["malformed", "ok"]
    assert reports[0].rejection.line == 3


def test_gzip_and_truncated_gzip(tmp_path):
    data = json.dumps({"id": "g1", "text": "Clashes in Tripoli."}).encode() + b"\n"
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(data))
    text = " ".join(f"Report {i} about the town." for i in range(2000)).encode()
    compressed = gzip.compress(text)
    (tmp_path / "b.txt.gz").write_bytes(compressed[: len(compressed) // 2])
    (tmp_path / "c.txt").write_text("Still read.")
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["ok", "malformed", "ok"]
    assert reports[0].id == "g1" and reports[0].path == str(tmp_path / "a.jsonl.gz!a.jsonl")
    assert "truncated gzip" in reports[1].rejection.message
    assert reports[1].rejection.path == str(tmp_path / "b.txt.gz")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _tar(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_zip_with_nested_archive_and_corrupt_member(tmp_path):
    inner = _tar({"deep/c.txt": b"Nested report about Mosul."})
    data = _zip({"a.txt": b"Report A about Aden.", "b.html": page("Report B about Benghazi."),
                 "inner.tar.gz": inner, "z.txt": b"Report Z about Zinjibar."})
    # corrupt a.txt's compressed bytes (its CRC no longer matches); the other members survive
    position = data.index(b"a.txt") + len(b"a.txt")
    corrupt = data[:position + 2] + bytes(b ^ 0xFF for b in data[position + 2:position + 6]) \
        + data[position + 6:]
    (tmp_path / "bundle.zip").write_bytes(corrupt)
    reports = list(read_inputs([str(tmp_path / "bundle.zip")]))
    zip_path = str(tmp_path / "bundle.zip")
    assert [r.path for r in reports] == [f"{zip_path}!a.txt", f"{zip_path}!b.html",
                                         f"{zip_path}!inner.tar.gz!deep/c.txt",
                                         f"{zip_path}!z.txt"]
    assert codes(reports) == ["malformed", "ok", "ok", "ok"]
    assert reports[2].raw == "Nested report about Mosul."


def test_tar_gz_and_truncated_tar_gz(tmp_path):
    good = _tar({"r/a.txt": b"Report A about Aden.", "r/b.txt": b"Report B about Basra."})
    (tmp_path / "a.tar.gz").write_bytes(good)
    big = _tar({"r/a.txt": b"Report A about Aden.", "r/b.txt": bytes(range(256)) * 400})
    (tmp_path / "b.tgz").write_bytes(big[: len(big) // 2])
    reports = list(read_inputs([str(tmp_path)]))
    assert [r.raw for r in reports[:3]] == ["Report A about Aden.", "Report B about Basra.",
                                           "Report A about Aden."]
    assert reports[3].rejection.code == "malformed"
    assert reports[3].rejection.path == f"{tmp_path / 'b.tgz'}!r/b.txt"


def test_archive_member_over_the_limit_is_rejected(tmp_path):
    (tmp_path / "a.zip").write_bytes(_zip({"big.txt": b"word " * 400, "ok.txt": b"Small one."}))
    reports = list(read_inputs([str(tmp_path / "a.zip")],
                               ReadOptions(limits=Limits(max_bytes=1000))))
    assert codes(reports) == ["too_large", "ok"]


def _warc(pages: list[tuple[str, bytes]], compress: bool) -> tuple[bytes, list[int]]:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    offsets = []
    for number, (uri, body) in enumerate(pages):
        offsets.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        # fixed ids and dates: the compressed bytes, and so the damage a test does, are the same
        # on every run
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
                 "WARC-Date": "2016-12-12T10:00:00Z"}
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers,
                                                      warc_headers_dict=fixed))
    return buffer.getvalue(), offsets


PAGES = [("https://x.example/2016/12/12/aden", page("Rebels shelled Aden on Monday, killing two.")),
         ("https://x.example/b", page("Police arrested twelve protesters in Nairobi.")),
         ("https://x.example/c", page("Troops retook the town of Manbij after a week."))]


def test_warc_and_warc_gz_with_a_broken_record(tmp_path):
    for compress, name in ((False, "crawl.warc"), (True, "crawl.warc.gz")):
        data, offsets = _warc(PAGES, compress)
        second, third = offsets[1], offsets[2]
        if compress:  # a gzip member whose deflate stream is zeroed
            broken = data[:second + 10] + b"\x00" * (third - second - 10) + data[third:]
        else:  # a record replaced by bytes that are no WARC header
            junk = b"\x00\x01 not a WARC record \xff" * 8
            broken = data[:second] + junk + data[third:]
            third = second + len(junk)
        (tmp_path / name).write_bytes(broken)
        reports = list(read_inputs([str(tmp_path / name)]))
        assert codes(reports) == ["ok", "malformed", "ok"], name
        first, bad, last = reports
        assert first.url == "https://x.example/2016/12/12/aden"
        assert (first.published, first.published_source) == (date(2016, 12, 12), "url")
        assert first.record == 0 and first.path == str(tmp_path / name)
        assert bad.rejection.line == second and bad.rejection.path == str(tmp_path / name)
        assert last.url == "https://x.example/c" and "Manbij" in last.raw
        assert last.record == third


def test_warc_damage_that_reads_as_an_arc_header_does_not_swallow_the_next_record(tmp_path):
    # Reading resumes at the next thing that looks like a record or a gzip member. When that is
    # damage, warcio takes a first line of five space-separated fields for an ARC header, and
    # the length it declares hid the records after it (once from the random bytes of a zeroed
    # gzip member: a test that failed one run in fifty).
    data, offsets = _warc(PAGES, False)
    second, third = offsets[1], offsets[2]
    junk = b"\x00 damage\n\x1f\x8b\x08 10.0.0.1 20161212000000 text/html 5000\n" + b"\x00" * 40
    (tmp_path / "arcish.warc").write_bytes(data[:second] + junk + data[third:])
    reports = list(read_inputs([str(tmp_path / "arcish.warc")]))
    assert codes(reports) == ["ok", "malformed", "ok"]
    assert reports[1].rejection.line == second
    assert reports[2].url == "https://x.example/c" and reports[2].record == second + len(junk)


def test_warc_skips_requests_and_non_documents(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warc_record("https://x.example/img", "response",
                        payload=io.BytesIO(b"\x89PNG"), http_headers=StatusAndHeaders(
                            "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")))
    writer.write_record(writer.create_warc_record("https://x.example/gone", "response",
                        payload=io.BytesIO(b"<html>404</html>"), http_headers=StatusAndHeaders(
                            "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
    data, _ = _warc(PAGES[:1], False)
    (tmp_path / "c.warc").write_bytes(buffer.getvalue() + data)
    reports = list(read_inputs([str(tmp_path / "c.warc")]))
    assert codes(reports) == ["ok"] and "Aden" in reports[0].raw


def test_binary_file_with_html_extension(tmp_path):
    (tmp_path / "x.html").write_bytes(bytes(range(256)) * 4)
    assert codes(read_inputs([str(tmp_path / "x.html")])) == ["binary"]


def test_jsonl_larger_than_the_limit_is_streamed_line_by_line(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": f"Report {i} about clashes in Aden."})
             for i in range(200)]
    lines.insert(100, json.dumps({"id": "big", "text": "word " * 400}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ReadOptions(limits=Limits(max_bytes=1000))
    reports = list(read_inputs([str(path)], options))
    assert len(reports) == 201
    assert codes(reports).count("ok") == 200
    assert reports[100].rejection.code == "too_large" and reports[100].rejection.line == 101
    assert reports[101].id == "d100" and reports[101].record == 102


def test_stdin_jsonl_larger_than_the_limit_is_streamed():
    from sitrep.ingest import read_stream

    data = "".join(json.dumps({"id": f"s{i}", "text": f"Report {i} from stdin."}) + "\n"
                   for i in range(100)).encode()
    reports = list(read_stream(io.BytesIO(data), ReadOptions(limits=Limits(max_bytes=500))))
    assert [r.id for r in reports] == [f"s{i}" for i in range(100)]


def test_jsonl_gz_is_streamed_and_truncation_is_reported(tmp_path):
    lines = "".join(json.dumps({"id": f"g{i}", "text": f"Report number {i} about Idlib, "
                                f"where fighting went on for {i} days."}) + "\n"
                    for i in range(3000)).encode()
    compressed = gzip.compress(lines)
    (tmp_path / "a.jsonl.gz").write_bytes(compressed)
    (tmp_path / "b.jsonl.gz").write_bytes(compressed[: len(compressed) // 2])
    options = ReadOptions(limits=Limits(max_bytes=50_000))  # the whole file is larger
    reports = list(read_inputs([str(tmp_path / "a.jsonl.gz")], options))
    assert len(reports) == 3000 and all(r.ok for r in reports)
    broken = list(read_inputs([str(tmp_path / "b.jsonl.gz")], options))
    assert broken[-1].rejection.code == "malformed"
    assert "truncated gzip" in broken[-1].rejection.message
    assert len(broken) > 100 and all(r.ok for r in broken[:-2])


def test_csv_in_a_legacy_encoding_is_decoded_whole(tmp_path):
    text = "id,text\n1,Protesters gathered in Bogot\u00e1 on Monday.\n2,Caf\u00e9 owners closed.\n"
    (tmp_path / "l.csv").write_bytes(text.encode("cp1252"))
    reports = list(read_inputs([str(tmp_path / "l.csv")]))
    assert [r.raw for r in reports] == ["Protesters gathered in Bogot\u00e1 on Monday.",
                                       "Caf\u00e9 owners closed."]
    assert [r.record for r in reports] == [2, 3]


def test_arc_file(tmp_path):
    body = (b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Rebels "
            b"shelled the port of Aden on Monday, killing two people, officials said.</p>"
            b"</article></body></html>")
    version = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    data = (b"filedesc://t.arc 0.0.0.0 20161213000000 text/plain %d\n" % len(version) + version
            + b"\n" + b"http://x.example/2016/12/13/aden 1.2.3.4 20161213080000 text/html %d\n"
            % len(body) + body + b"\n")
    (tmp_path / "t.arc").write_bytes(data)
    (report,) = read_inputs([str(tmp_path / "t.arc")])
    assert report.url == "http://x.example/2016/12/13/aden" and "Aden" in report.raw
    assert report.published == date(2016, 12, 13)


def test_stdin_html_and_gzip_are_recognised():
    from sitrep.ingest import read_stream

    (report,) = read_stream(io.BytesIO(PAGE), ReadOptions())
    assert report.id == "stdin" and "suicide bomber" in report.raw
    (report,) = read_stream(io.BytesIO(gzip.compress(b"Troops retook Manbij on Sunday.")),
                            ReadOptions())
    assert report.raw == "Troops retook Manbij on Sunday."


def test_a_failing_reader_becomes_a_rejection_and_the_run_goes_on(tmp_path, monkeypatch):
    from sitrep.ingest import sources

    def broken_reader(data, path, options):
        yield from ()
        raise RuntimeError("parser exploded")

    monkeypatch.setitem(sources.BYTE_READERS, ".json", broken_reader)
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "b.txt").write_text("Troops retook Manbij.")
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["unreadable", "ok"]
    assert "parser exploded" in reports[0].rejection.message


def test_html_in_its_declared_legacy_charset(tmp_path):
    page = ('<html><head><meta charset="iso-8859-1"><title>t</title></head><body><article>'
            '<p>\u201cWe will return,\u201d said the caf\u00e9 owner in S\u00e3o Paulo after the '
            'riot.</p></article></body></html>').encode("cp1252")
    (tmp_path / "l.html").write_bytes(page)
    (report,) = read_inputs([str(tmp_path / "l.html")])
    assert "\u201cWe will return,\u201d said the caf\u00e9 owner in S\u00e3o Paulo" in report.raw


def test_the_same_page_read_twice_keeps_all_its_text(tmp_path):
    """trafilatura's duplicate filter keeps a process-wide cache; it must be off, or a second
    copy of a page (syndication) would lose the paragraphs the first one had."""
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.html").write_bytes(PAGE)
    first, second = read_inputs([str(tmp_path)])
    assert first.raw == second.raw and "Taliban claimed responsibility" in second.raw


_TEASER_PAGE = """<html><head><title>Rebels seize border town</title></head><body>
<article><h1>Rebels seize border town</h1>
<p>Rebels seized the border town of Tal Abyad on Sunday after two days of heavy fighting with
government forces, a monitoring group said.</p>
<div class="article-teaser"><p>Aid convoy reaches besieged city as ceasefire holds for a third
day in the north of the country</p></div>
<p>At least twelve fighters were killed in the clashes, the group said, and hundreds of families
fled towards the border crossing.</p>
<div class="teaser-list"><p>Floods kill dozens in the south after a week of torrential rain
across the region</p></div>
<p>The government did not comment on the loss of the town.</p></article></body></html>"""


def test_teaser_blocks_inside_the_article_stay_out(tmp_path):
    """Teasers of other stories are report-shaped text (and events): trafilatura's balanced
    focus drops them. Its "recall" focus is 20 % faster on the bench pages and gives the same
    text on all 40 fixture pages, but keeps these — which is why sitrep does not use it."""
    page = tmp_path / "teasers.html"
    page.write_text(_TEASER_PAGE, encoding="utf-8")
    (report,) = read_inputs([str(page)])
    assert "Tal Abyad" in report.raw and "government did not comment" in report.raw
    assert "Aid convoy" not in report.raw and "Floods kill" not in report.raw


def test_column_options_for_a_csv_leave_contract_jsonl_alongside_it_alone(tmp_path):
    # `sitrep run exports/ --text-column body --id-column story_id --date-column date` over a
    # CSV and a contract JSONL rejected every JSONL line as missing_field (found by QA)
    (tmp_path / "a.csv").write_text(
        "story_id,date,body\nc1,2024-01-15,Rebels shelled Aden on Monday.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "j1", "text": "Troops entered Mosul.", "published": "2024-01-16"}\n'
        '{"id": "j2", "body": "Police detained 12 journalists.", "date": ""}\n',
        encoding="utf-8")
    options = ReadOptions(text_column="body", id_column="story_id", date_column="date")
    reports = list(read_inputs([str(tmp_path)], options))
    assert codes(reports) == ["ok", "ok", "ok"]
    assert [(r.id, r.published) for r in reports] == [
        ("c1", date(2024, 1, 15)), ("j1", date(2024, 1, 16)), ("j2", None)]
    assert reports[2].raw == "Police detained 12 journalists."


def test_atom_xhtml_content_keeps_its_paragraphs_apart(tmp_path):
    # <content type="xhtml"> was read as bare text: "...the ministry said.The army said ..."
    # ran two paragraphs into one sentence (found by QA)
    (tmp_path / "x.atom").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>'
        '<entry><title>Raid</title><id>urn:x:1</id><updated>2024-04-03T09:30:00Z</updated>'
        '<author><name>Desk</name></author><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Forces raided '
        'the camp on Tuesday, the <b>ministry</b> said.</p><p>The army said it arrested 10.</p>'
        '</div></content></entry></feed>', encoding="utf-8")
    (report,) = read_inputs([str(tmp_path / "x.atom")])
    assert report.raw == ("Forces raided the camp on Tuesday, the ministry said.\n\n"
                          "The army said it arrested 10.")
    assert report.published == date(2024, 4, 3)
    assert report.author == "Desk"


def test_a_gz_file_and_its_uncompressed_twin_keep_apart_ids(tmp_path):
    (tmp_path / "k.txt").write_text("Rebels attacked Kidal on Monday.")
    (tmp_path / "k.txt.gz").write_bytes(gzip.compress(b"Rebels attacked Kidal on Monday."))
    reports = list(read_inputs([str(tmp_path)]))
    assert [r.id for r in reports] == [str(tmp_path / "k.txt"), str(tmp_path / "k.txt.gz!k.txt")]
