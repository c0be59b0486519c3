"""Generated hostile, malformed and odd inputs for every reader, shared by the fuzz tests
(``tests/test_fuzz_*.py``, a few hundred inputs in ``make test``) and the long run
(``tests/fuzz_run.py``, ``make fuzz``). Each generator takes a ``random.Random`` and returns a
file name and its bytes; the name picks the reader, as a user's file name would.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import tarfile
import zipfile

WORDS = ("Rebels attacked the army base near Gao on Monday killing three soldiers officials said "
         "police fired tear gas at protesters in Nairobi Islamic State seized Palmyra").split()
ODD = ["\ud800", "\udc80", "\x00", "\u2028", "\ufeff", "\u202e", "=cmd|' /C calc'!A0", "%", "_",
       "'; DROP TABLE reports; --", "<script>alert(1)</script>", "\U0001F4A3", "\r\n", "\t",
       "&amp;", "&#xD800;", "]]>", "\\", "\"", "é", "Дамаск", "دمشق"]


def words(rng: random.Random, count: int | None = None) -> str:
    count = rng.randint(0, 40) if count is None else count
    return " ".join(rng.choice(WORDS) for _ in range(count))


def odd_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 8)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(words(rng, rng.randint(1, 12)))
        elif roll < 0.7:
            parts.append(rng.choice(ODD))
        else:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 6))))
    return " ".join(parts)


def odd_value(rng: random.Random):
    return rng.choice([odd_text(rng), odd_text(rng), None, rng.randint(-2**70, 2**70), 1.5e308,
                       [odd_text(rng)], {"text": odd_text(rng)}, True, ""])


def junk_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))


def encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if rng.random() < 0.2 and data:  # a cut in the middle of a character, a flipped byte
        index = rng.randrange(len(data))
        data = data[:index] + bytes([rng.randrange(256)]) + data[index + 1:]
    return data


def jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines = []
    for _ in range(rng.randint(0, 12)):
        roll = rng.random()
        if roll < 0.6:
            record = {"id": odd_value(rng), "text": odd_value(rng), "title": odd_value(rng),
                      "url": odd_value(rng), "publisher": odd_value(rng),
                      "published": rng.choice([None, "2016-12-13", "13/12/2016", "x", 1e20])}
            if rng.random() < 0.5:
                record["text"] = words(rng) + rng.choice(ODD)
            lines.append(json.dumps({k: v for k, v in record.items() if rng.random() < 0.9}))
        elif roll < 0.75:
            lines.append(json.dumps(odd_value(rng)))
        elif roll < 0.9:
            lines.append(odd_text(rng).replace("\n", " "))
        else:
            lines.append("")
    separator = rng.choice(["\n", "\r\n", "\n\n"])
    return "in.jsonl", encode(rng, separator.join(lines))


def delimited(rng: random.Random) -> tuple[str, bytes]:
    delimiter = rng.choice([",", "\t"])
    header = rng.choice([["id", "text"], ["text"], ["id", "title", "body"], ["a", "b"], []])
    rows = [delimiter.join(header)]
    for _ in range(rng.randint(0, 12)):
        cells = [rng.choice([words(rng), odd_text(rng), '"' + words(rng), '""', "=1+1"])
                 for _ in range(rng.choice([len(header), len(header) + 1, 1]))]
        rows.append(delimiter.join(cells))
    name = "in.csv" if delimiter == "," else "in.tsv"
    return name, encode(rng, "\n".join(rows))


def html(rng: random.Random) -> tuple[str, bytes]:
    head = rng.choice(["", "<!DOCTYPE html>", '<!DOCTYPE html [<!ENTITY x "y">]>',
                       '<?xml version="1.0"?>', "<!-- comment"])
    attrs = " ".join(f'a{n}="{odd_text(rng)[:8]}"' for n in range(rng.choice([0, 1, 5, 50])))
    body = "".join(rng.choice([f"<p {attrs}>{words(rng)}</p>", f"<div>{odd_text(rng)}",
                               "<script>x</script>", "</div>", "<br>", "&nbsp;", "<", "<a href="])
                   for _ in range(rng.randint(0, 20)))
    title = f"<title>{odd_text(rng)}</title>" if rng.random() < 0.5 else ""
    page = f"{head}<html><head>{title}<meta charset=\"{rng.choice(['utf-8', 'bogus', 'latin-1'])}\">" \
           f"</head><body>{body}</body></html>"
    return rng.choice(["page.html", "page.htm", "page"]), encode(rng, page)


def feed(rng: random.Random) -> tuple[str, bytes]:
    items = "".join(
        f"<item><title>{words(rng, 4)}</title><link>https://example.org/{n}</link>"
        f"<description><![CDATA[{rng.choice([words(rng), odd_text(rng), '<p>' + words(rng)])}]]>"
        f"</description><pubDate>{rng.choice(['Tue, 13 Dec 2016 10:00:00 GMT', 'x'])}</pubDate>"
        f"</item>" for n in range(rng.randint(0, 6)))
    document = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}'
    if rng.random() < 0.8:
        document += "</channel></rss>"
    return "feed.rss", encode(rng, document)


def json_file(rng: random.Random) -> tuple[str, bytes]:
    value = rng.choice([
        [{"id": n, "text": words(rng)} for n in range(rng.randint(0, 4))],
        {"articles": [{"text": odd_value(rng)}]}, {"text": odd_value(rng)}, odd_value(rng)])
    text = json.dumps(value)
    if rng.random() < 0.2:
        text = text[:rng.randint(0, len(text))]
    return "in.json", encode(rng, text)


def text_file(rng: random.Random) -> tuple[str, bytes]:
    name = rng.choice(["a.txt", "b", "c.pdf", "d.xml", "e.warc", "f.zip", "g.gz", "h.tar"])
    data = rng.choice([encode(rng, odd_text(rng) + " " + words(rng)), junk_bytes(rng), b""])
    return name, data


def gz(rng: random.Random) -> tuple[str, bytes]:
    name, data = rng.choice(PLAIN)(rng)
    packed = gzip.compress(data)
    if rng.random() < 0.2:
        packed = packed[:rng.randint(0, len(packed))]
    return name + ".gz", packed


def zip_file(rng: random.Random) -> tuple[str, bytes]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(rng.randint(0, 4)):
            name, data = rng.choice(PLAIN)(rng)
            archive.writestr(f"{n}/{name}", data)
    data = buffer.getvalue()
    if rng.random() < 0.2:
        data = data[:rng.randint(0, len(data))]
    return "in.zip", data


def tar_file(rng: random.Random) -> tuple[str, bytes]:
    buffer = io.BytesIO()
    mode = rng.choice(["w", "w:gz"])
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for n in range(rng.randint(0, 4)):
            name, data = rng.choice(PLAIN)(rng)
            info = tarfile.TarInfo(rng.choice([f"{n}-{name}", f"../{n}{name}", f"/abs/{n}{name}"]))
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    if rng.random() < 0.2:
        data = data[:rng.randint(0, len(data))]
    return "in.tar" if mode == "w" else "in.tar.gz", data


def warc(rng: random.Random) -> tuple[str, bytes]:
    records = []
    for n in range(rng.randint(0, 4)):
        payload = encode(rng, f"<html><body><p>{words(rng)}</p></body></html>")
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload)
        length = len(http) if rng.random() < 0.8 else rng.randint(0, 2 * len(http))
        records.append(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.org/" +
                       str(n).encode() + b"\r\nContent-Type: application/http;msgtype=response"
                       b"\r\nContent-Length: " + str(length).encode() + b"\r\n\r\n" + http +
                       b"\r\n\r\n")
    return "in.warc", b"".join(records)


PLAIN = [jsonl, delimited, html, feed, json_file, text_file]
GENERATORS = PLAIN + [gz, zip_file, tar_file, warc]


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One input: a file name and its bytes, from a generator chosen at random."""
    return rng.choice(GENERATORS)(rng)
