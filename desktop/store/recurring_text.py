"""Text likeness of complaints for the recurring-problem groups (pure Python, no Qt, no SQL).

Each complaint becomes a TF-IDF vector over its title (counted three times: officers and
reporters put the problem there) and isi. Words are lower-cased by rapidfuzz's
``default_process``; Indonesian function words (not "tidak", "belum", "sudah": a
complaint's gist is often what did not happen), the complaint's own place names (every
complaint of a block shares them) and the suffix "-nya" are dropped; spelling variants of
one word ("antrean"/"antrian", "jembtan"/"jembatan") become one token through rapidfuzz's
``fuzz.ratio`` (same first letters, score >= ``VARIANT_SCORE``). Two complaints are alike by
the cosine of their vectors; the inverse document frequencies come from all the
complaints compared together (the window), so words every complaint uses weigh little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

VARIANT_SCORE = 85.0  # fuzz.ratio of two spellings of one word
VARIANT_PREFIX = 4  # letters two spellings of one word must share at the start
MIN_LENGTH = 3
TITLE_WEIGHT = 3

STOPWORDS = frozenset("""
ada adalah agar akan aku anda apa apakah atau bagaimana bahkan bahwa baru banyak bapak
barusan begitu berapa bisa boleh bukan bulan cara dalam dan dapat dari daripada
datang demikian dengan depan di dia dini dong dua ini itu hal hampir hanya harap harus
hari ibu ingin jadi jam jika juga justru kali kalau kalian kami kamu kan karena ke kec
kecamatan kel kelurahan kemarin kenapa kepada kita kota kabupaten kab lagi lain lalu lama
lebih maka mana masih mau melalui memang mereka minggu mohon mulai namun nya oleh pada
padahal pak para per perlu pula pun rt rw saat saja sama sampai sangat satu saya sebelum
sedang sehingga sejak sekali sekarang selama semua seperti sering setelah setiap
supaya tahun tanpa tapi telah tentang terhadap terus tetapi tiga tolong untuk yaitu
yang desa kampung warga kami terima kasih sekitar sebagian tersebut beberapa masyarakat
""".split())


def words(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """The content words of ``text``: lower-cased, function words and ``drop`` removed."""
    out = []
    for word in default_process(text).split():
        if word.endswith("nya") and len(word) > 5:
            word = word[:-3]
        if len(word) < MIN_LENGTH or word.isdigit() or word in STOPWORDS or word in drop:
            continue
        out.append(word)
    return out


def place_words(names: Iterable[str]) -> frozenset[str]:
    """The words of place names (a desa's, its kecamatan's, its kabupaten's)."""
    return frozenset(w for name in names for w in default_process(name).split())


def canonical_map(vocabulary: Iterable[str]) -> dict[str, str]:
    """word -> the spelling that stands for it: the more frequent of two close spellings
    sharing their first letters (rapidfuzz ``fuzz.ratio``)."""
    counts = Counter(vocabulary)
    by_prefix: dict[str, list[str]] = {}
    mapping: dict[str, str] = {}
    for word, _n in counts.most_common():
        peers = by_prefix.setdefault(word[:VARIANT_PREFIX], [])
        found = process.extractOne(word, peers, scorer=fuzz.ratio,
                                   score_cutoff=VARIANT_SCORE) if peers else None
        if found is None:
            peers.append(word)
            mapping[word] = word
        else:
            mapping[word] = found[0]
    return mapping


def vectors(docs: Sequence[tuple[list[str], list[str]]]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors of (title words, isi words) documents, compared together."""
    mapping = canonical_map(w for title, body in docs for w in (*title, *body))
    bags = []
    for title, body in docs:
        bag: Counter[str] = Counter()
        for word in title:
            bag[mapping[word]] += TITLE_WEIGHT
        for word in body:
            bag[mapping[word]] += 1
        bags.append(bag)
    df = Counter(word for bag in bags for word in bag)
    n = len(bags)
    out = []
    for bag in bags:
        # Smoothed IDF (+1): a word all share still counts a little.
        vec = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1)
               for w, tf in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[w] * b[w] for w in a.keys() & b.keys())
