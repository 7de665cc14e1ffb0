"""A Python port of the query side of src/search/analyser.rs and src/search/mod.rs.

The load benchmark picks its search terms by how many documents each one really matches, and
counts those matches in PostgreSQL with the tsquery the server would build. The port only
serves that estimate: if it drifts from the Rust analyser a term lands in the wrong band, it
does not change what the server does. Keep it in step with `tsquery` and `visitor_query`.
"""

import functools
import unicodedata

ENGLISH_STOP_WORDS = {
    "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "the", "to", "with",
}
VIETNAMESE_STOP_WORDS = {"cac", "cho", "cua", "duoc", "la", "mot", "trong", "va", "voi"}
MAX_WORD_CHARS = 64

# Blocks whose letters are indexed as bigrams (is_cjk in the Rust analyser).
CJK_RANGES = [
    (0x1100, 0x11FF), (0x3005, 0x3007), (0x3041, 0x309F), (0x30A0, 0x30FF),
    (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
    (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF), (0xF900, 0xFAFF),
    (0x1B000, 0x1B16F), (0x20000, 0x3FFFF),
]
# Latin blocks whose diacritics are folded away (is_latin_letter).
LATIN_RANGES = [
    (0x00C0, 0x024F), (0x0250, 0x02AF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
]


def _in(ranges, c):
    code = ord(c)
    return any(lo <= code <= hi for lo, hi in ranges)


def _is_mark(c):
    return unicodedata.category(c) in ("Mn", "Mc", "Me")


def is_cjk(c):
    return ord(c) >= 0x1100 and c.isalpha() and _in(CJK_RANGES, c)


def _is_latin_letter(c):
    return (c.isascii() and c.isalpha()) or (c.isalpha() and _in(LATIN_RANGES, c))


def normalise(text):
    """NFKC, lower case, Latin diacritics folded (đ and ð by hand), then NFC."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    kept = []
    after_latin = False
    for c in decomposed:
        if _is_mark(c):
            if not after_latin:
                kept.append(c)
            continue
        after_latin = _is_latin_letter(c)
        kept.append("d" if c in "đð" else c)
    return unicodedata.normalize("NFC", "".join(kept))


def _keep_word(word):
    min_length = 1 if all(c.isnumeric() for c in word) else 2
    if not min_length <= len(word) <= MAX_WORD_CHARS:
        return False
    return word not in ENGLISH_STOP_WORDS and word not in VIETNAMESE_STOP_WORDS


def _groups(text):
    """Words (a string) and CJK runs (a list of bigrams), in order."""
    groups, run, run_class = [], [], None
    for c in normalise(text) + " ":
        if is_cjk(c):
            cls = "cjk"
        elif c.isalnum() or (run_class == "word" and _is_mark(c)):
            cls = "word"
        else:
            cls = None
        if cls != run_class:
            word = "".join(run)
            if run_class == "word" and _keep_word(word):
                groups.append(word)
            elif run_class == "cjk":
                groups.append([word] if len(word) == 1 else [word[i:i + 2] for i in range(len(word) - 1)])
            run, run_class = [], cls
        if cls is not None:
            run.append(c)
    return groups


@functools.lru_cache(maxsize=None)
def tsquery(query):
    """What `to_tsquery('simple', …)` gets for a visitor's query, or None (no terms)."""
    query = query.strip()
    parts = query.split(".")
    if "." in query and all(p and all(c.islower() and c.isascii() or c.isdigit() or c == "_" for c in p) for p in parts):
        segments = ["".join(c if c.isascii() and c.isalnum() else "_" for c in p.lower()) for p in parts]
        return "'f/" + "/".join(segments) + "'"
    clauses = []
    for group in _groups(query):
        if isinstance(group, str):
            clauses.append(f"'{group}'")
        else:
            clauses.append(" <-> ".join(f"'{gram}'" for gram in group))
    return " & ".join(clauses) if clauses else None


def language(text):
    """Which of the three languages a term is written in, by its script."""
    if any(is_cjk(c) for c in text):
        return "ja"
    if any(c.isalpha() and not c.isascii() for c in text):
        return "vi"
    return "en"


if __name__ == "__main__":
    # Spot checks against the Rust unit tests' examples.
    assert tsquery("bán dẫn") == "'ban' & 'dan'", tsquery("bán dẫn")
    assert tsquery("半導体") == "'半導' <-> '導体'", tsquery("半導体")
    assert tsquery("Đà Nẵng") == "'da' & 'nang'"
    assert tsquery("ＡＩ１２３") == "'ai123'"
    assert tsquery("the và") is None
    assert tsquery("semi.chip_design") == "'f/semi/chip_design'"
    assert language("học máy") == "vi" and language("Spin–Orbit") == "en" and language("機械学習") == "ja" and language("GaN") == "en"
    print("ok")
