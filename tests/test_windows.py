"""A long article is attributed in windows of paragraphs (issue 14.6): the same records, bounded memory."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.segment import find_paragraphs, find_quotes, find_sentences
from quoteattr.sieve import attribute_article
from quoteattr.sieve.windows import (
    _cores,
    _cut_points,
    attribute_windows,
    needs_windows,
)
from quoteattr.text import NormalizedText
from quoteattr.tokens import TokenCache, tokenize

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def att() -> quoteattr.Attributor:
    return quoteattr.Attributor()


def _both(att: quoteattr.Attributor, text: str, window_chars: int):
    nt = NormalizedText(text)
    paras = find_paragraphs(nt.text)
    sents = find_sentences(nt.text, paras, att._lex.abbreviations)
    quotes = find_quotes(nt.text, paras, sents)
    whole = attribute_article(nt, tokenize(nt.text), paras, sents, quotes, att._lex, att._parser)
    windows = _cores(paras, _cut_points(paras, quotes), window_chars)
    windowed = attribute_windows(nt, paras, sents, quotes, att._lex, att._parser, window_chars=window_chars)
    return nt, whole, windowed, windows


def _story(k: int) -> list[str]:
    """Paragraphs of one stretch of a long report; names and quotes recur in later stretches."""
    return [
        (f"Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Bình Định, cho biết: “Trong tuần thứ {k}, chúng tôi đã "
         "chuẩn bị đủ thuốc cho các trạm y tế xã.”"),
        f"Theo kế hoạch, công trình thứ {k} sẽ được khởi công vào tháng ba và hoàn thành trong hai năm tới.",
        f"Ông Hùng nói thêm rằng ngành y tế sẽ kiểm tra {k} cơ sở khám chữa bệnh tư nhân trong quý này.",
        f"Trả lời phỏng vấn báo Tuổi Trẻ, bà Trần Thị Mai cho biết nhà máy số {k} đã trả đủ lương cho công nhân.",
        "Bà nói: “Chúng tôi không để người lao động nào phải chờ đợi.” “Mọi khoản nợ đã được thanh toán.”",
        (f"Sở Công Thương tỉnh Quảng Ngãi vừa có văn bản gửi {k} doanh nghiệp. Sở này cho hay sẽ xử lý nghiêm "
         "các trường hợp vi phạm."),
        "“Không có vùng cấm trong xử lý vi phạm”, Chủ tịch UBND tỉnh Lê Minh Quang khẳng định.",
        f"Người dân ở thôn {k} mong muốn con đường sớm được sửa chữa trước mùa mưa bão.",
    ]


def _long_report(stretches: int) -> str:
    paras = [p for k in range(stretches) for p in _story(k)]
    # a short reference long after the full name, and a pull quote the first stretch said again
    paras += ["Ông Hùng cho biết thêm: “Chúng tôi sẽ báo cáo kết quả với tỉnh vào cuối năm.”",
              "“Chúng tôi không để người lao động nào phải chờ đợi.”", "(Theo VnExpress)"]
    return "\n".join(paras) + "\n"


def test_windows_give_the_records_of_the_whole_article(att: quoteattr.Attributor) -> None:
    _nt, whole, windowed, windows = _both(att, _long_report(40), window_chars=2_000)
    assert len(windows) > 10
    assert windowed == whole
    # what crosses windows was carried: the last paragraphs' statements are resolved and credited
    last = [r for r in whole if r.start > windows[-1][0] and r.speaker is not None]
    assert last and {r.speaker.name for r in last} >= {"Nguyễn Văn Hùng"}
    assert all(r.source is not None for r in last)


def test_every_window_tokenises_with_the_cache_it_is_given(att: quoteattr.Attributor, monkeypatch) -> None:
    from quoteattr.sieve import windows as windows_module

    nt = NormalizedText(_long_report(12))
    paras = find_paragraphs(nt.text)
    sents = find_sentences(nt.text, paras, att._lex.abbreviations)
    quotes = find_quotes(nt.text, paras, sents)
    caches = []
    original = windows_module.tokenize
    monkeypatch.setattr(windows_module, "tokenize", lambda *a: caches.append(a[3]) or original(*a))
    cache = TokenCache()
    # chunks known before the article
    tokenize("Ông Hùng, bà Trần Thị Mai nói: “Chúng tôi đã chuẩn bị.” (theo Tuổi Trẻ)", cache=cache)
    shared = attribute_windows(nt, paras, sents, quotes, att._lex, att._parser, window_chars=2_000, cache=cache)
    assert len(caches) > 4 and all(c is cache for c in caches) and "Hùng," in cache.chunks
    # the records do not depend on what the cache held before: a fresh one per call gives the same
    caches.clear()
    assert attribute_windows(nt, paras, sents, quotes, att._lex, att._parser, window_chars=2_000) == shared
    assert len({id(c) for c in caches}) == 1 and caches[0] is not cache


def test_windows_on_the_seed_articles_as_one(att: quoteattr.Attributor) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))) + "\n"
    _nt, whole, windowed, windows = _both(att, text, window_chars=4_000)
    assert len(windows) > 5
    assert len(whole) > 50
    assert windowed == whole


def test_a_short_article_is_one_window(att: quoteattr.Attributor) -> None:
    nt = NormalizedText("\n".join(_story(1)))
    assert not needs_windows(find_paragraphs(nt.text))


_MEASURE = r"""
import json, resource, sys
import quoteattr
text = sys.stdin.read()
att = quoteattr.Attributor()
att.extract("Ông Nguyễn Văn An cho biết: “Khởi động”.")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
recs = att.extract(text)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grown_mib": (after - before) / 1024, "records": len(recs)}))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kilobytes (Linux)")
def test_memory_of_one_long_article_is_bounded() -> None:
    """1.5 MB of text without article breaks: the tokens of the whole article (about 40 MiB at this
    size, growing with it) are never held at once: about 22 MiB grown here, 76 MiB before windows."""
    unit = _long_report(60)
    text = unit * (1_500_000 // len(unit.encode("utf-8")) + 1)
    out = subprocess.run([sys.executable, "-c", _MEASURE], input=text, capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    res = json.loads(out.strip().splitlines()[-1])
    assert res["records"] > 1000
    assert res["grown_mib"] < 60, res
