"""TextBlob's pattern scores and VADER's compound score, computed as the libraries do but without their overheads.

The results are the libraries' own, bit for bit (``tests/test_sentiment_engines.py`` checks them against
``textblob`` 0.20.1 and ``vaderSentiment`` 3.3.2 on the sample corpus and on edge cases); only the bookkeeping
around the arithmetic is cheaper:

- TextBlob: ``PatternAnalyzer.analyze`` builds a new ``namedtuple`` class on every call, the lexicon is a
  ``lazydict`` whose every lookup goes through a Python method, every short non-word token is compared with every
  emoticon lower-cased afresh, and the tokenizer runs its contraction replacements through ``re.sub`` with
  pattern strings. Here the lexicon is read as a plain dict, the emoticons are lower-cased once, and the
  replacements, which are literal strings, are ``str.replace``.
- VADER: ``polarity_scores`` rebuilds the text character by character to replace emojis, and its negation and
  idiom checks lower-case the whole sentence again for each of up to three words before every lexicon word
  (quadratic in the sentence). Here the text is kept as it is when it holds no emoji and is lower-cased once.

Both read the libraries' lexicons and constants, and call their functions for everything that is not a hot spot.
"""

from __future__ import annotations

import importlib.util
import re
import string
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from vaderSentiment import vaderSentiment as v  # small; TextBlob (which imports NLTK) is imported lazily
from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, SPECIAL_CASES


@lru_cache(maxsize=1)
def _textblob_text() -> ModuleType:
    """``textblob._text`` (pattern's tokenizer and sentiment lexicon), loaded without importing the package.

    ``import textblob`` imports NLTK, about 2 s per process, for parts of TextBlob not used here; ``_text.py`` itself
    imports only the standard library. Should it not load on its own, the package is imported as usual.
    """
    try:
        spec = importlib.util.find_spec("textblob")
        path = Path(next(iter(spec.submodule_search_locations))) / "_text.py"
        own = importlib.util.spec_from_file_location("analysis._textblob_text", path)
        module = importlib.util.module_from_spec(own)
        own.loader.exec_module(module)
        return module
    except Exception:  # a different layout of the package: the ordinary import
        from textblob import _text

        return _text


def _english_lexicon(_text: ModuleType) -> Any:
    """``textblob.en.sentiment``: the English lexicon as ``textblob/en/__init__.py`` builds it."""
    if _text.__name__ == "textblob._text":
        from textblob.en import sentiment

        return sentiment

    class Sentiment(_text.Sentiment):  # textblob.en.Sentiment
        def load(self, path=None):
            _text.Sentiment.load(self, path)
            # Map "terrible" to adverb "terribly" (+1% accuracy)
            if not path:
                for w, pos in list(dict.items(self)):
                    if "JJ" in pos:
                        if w.endswith("y"):
                            w = w[:-1] + "i"
                        if w.endswith("le"):
                            w = w[:-2]
                        p, s, i = pos["JJ"]
                        self.annotate(w + "ly", "RB", p, s, i)

    folder = Path(_text.__file__).parent / "en"
    return Sentiment(path=str(folder / "en-sentiment.xml"), synset="wordnet_id",
                     negations=("no", "not", "n't", "never"), modifiers=("RB",), modifier=lambda w: w.endswith("ly"),
                     language="en")


@lru_cache(maxsize=1)
def _pattern() -> tuple[Any, dict, frozenset[str], tuple[tuple[float, frozenset[str]], ...]]:
    """TextBlob's English pattern lexicon (loaded; read as the plain dict it is), its labels and negation words, and
    its emoticons lower-cased."""
    _text = _textblob_text()
    sentiment = _english_lexicon(_text)
    len(sentiment)  # a lazydict: loads the lexicon on first use
    emoticons = tuple((p, frozenset(e.lower() for e in forms)) for (_, p), forms in _text.EMOTICONS.items())
    return sentiment, dict(sentiment.labeler), frozenset(sentiment.negations), emoticons


_EOS = "END-OF-SENTENCE"
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", _EOS))
_CLOSING = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", _EOS))
_LINEBREAK = re.compile(r"\n{2,}")
_SPACES = re.compile(r"\s+")


def _find_tokens(text: str) -> list[str]:
    """``textblob._text.find_tokens`` with its defaults (as ``textblob.en.parser.find_tokens`` calls it)."""
    _text = _textblob_text()
    replace = _text.replacements
    punctuation = tuple(_text.PUNCTUATION.replace(".", ""))
    abbreviations = _text.ABBREVIATIONS
    for a, b in replace.items():  # literal strings without regex syntax: re.sub(a, b, s) == s.replace(a, b)
        text = text.replace(a, b)
    text = (text.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
            .replace("'", " ' ").replace('"', ' " '))
    text = text.replace("\r\n", "\n")
    text = _LINEBREAK.sub(f" {_EOS} ", text)
    text = _SPACES.sub(" ", text)
    tokens: list[str] = []
    trailing = punctuation + (".",)
    for t in _text.TOKEN.findall(text + " "):
        if t.isalnum():  # no punctuation to split off (every mark in PUNCTUATION is ASCII and not alphanumeric)
            tokens.append(t)
            continue
        if len(t) > 0:
            tail = []
            while t.startswith(punctuation) and t not in replace:
                if t.startswith(punctuation):
                    tokens.append(t[0])
                    t = t[1:]
            while t.endswith(trailing) and t not in replace:
                if t.endswith(punctuation):
                    tail.append(t[-1])
                    t = t[:-1]
                if t.endswith("..."):
                    tail.append("...")
                    t = t[:-3].rstrip(".")
                if t.endswith("."):
                    if (t in abbreviations or _text.RE_ABBR1.match(t) is not None
                            or _text.RE_ABBR2.match(t) is not None or _text.RE_ABBR3.match(t) is not None):
                        break
                    else:
                        tail.append(t[-1])
                        t = t[:-1]
            if t != "":
                tokens.append(t)
            tokens.extend(reversed(tail))
    # Sentences end at a full stop, ellipsis, ! or ? and run on over closing marks. The library steps through every
    # token; here only from one sentence end to the next. (Its test for balanced quotes counts the quote in the
    # sentence being built, which is still empty then: the count is 0, so a quote always stops the run.)
    sentences: list[list[str]] = [[]]
    n = len(tokens)
    i = j = 0
    for mark in [k for k, t in enumerate(tokens) if t in _SENTENCE_ENDS]:
        if mark < j:
            continue
        j = mark
        while j < n and tokens[j] in _CLOSING:
            if tokens[j] in ("'", '"'):
                break
            j += 1
        sentences[-1].extend(t for t in tokens[i:j] if t != _EOS)
        sentences.append([])
        i = j
        j += 1
    sentences[-1].extend(tokens[i:])
    joined = (_text.RE_SARCASM.sub("(!)", " ".join(s)) for s in sentences if len(s) > 0)
    return [_text.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in joined]


def pattern_scores(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text``, as ``textblob.en.sentiments.PatternAnalyzer().analyze(text)``."""
    _text = _textblob_text()
    lexicon, labeler, negations, emoticons = _pattern()
    modifiers, modifier = lexicon.modifiers, lexicon.modifier
    lookup = dict.get
    a: list = []
    m = None  # preceding modifier
    n = None  # preceding negation
    pos = None  # a string is assessed without part-of-speech tags
    for w in " ".join(_find_tokens(text)).split():
        w = w.lower()
        entry = lookup(lexicon, w)
        if entry is not None and pos in entry:
            p, s, i = entry[pos]
            if m is None:
                a.append({"w": [w], "p": p, "s": s, "i": i, "n": 1, "x": labeler.get(w)})
            if m is not None:
                a[-1]["w"].append(w)
                a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                a[-1]["s"] = max(-1.0, min(s * a[-1]["i"], +1.0))
                a[-1]["i"] = i
                a[-1]["x"] = labeler.get(w)
            if n is not None:
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = None
            n = None
            if pos and pos in modifiers or any(map(entry.__contains__, modifiers)):
                m = (w, pos)
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and (pos in modifiers or modifier(m[0])):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append("!")
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append({"w": [w], "p": 0.0, "s": 1.0, "i": 1.0, "n": 1, "x": _text.IRONY})
            if w.isalpha() is False and len(w) <= 5 and w not in _text.PUNCTUATION:
                for p, forms in emoticons:
                    if w in forms:
                        a.append({"w": [w], "p": p, "s": 1.0, "i": 1.0, "n": 1, "x": _text.MOOD})
                        break
    # Sentiment.__call__: the mean of the assessments' scores, "not good" counting as slightly bad
    polarity = subjectivity = 0
    for item in a:
        polarity += item["p"] * -0.5 if item["n"] < 0 else item["p"]
        subjectivity += item["s"]
    count = float(len(a) or 1)
    return polarity / count, subjectivity / count


@lru_cache(maxsize=1)
def _vader() -> tuple[Any, frozenset[str], frozenset[str]]:
    """VADER's analyser, the single characters its emoji lexicon replaces, and its negation words."""
    analyser = v.SentimentIntensityAnalyzer()
    return analyser, frozenset(e for e in analyser.emojis if len(e) == 1), frozenset(v.NEGATE)


def vader_lexicon() -> dict[str, float]:
    """VADER's word → valence lexicon."""
    return _vader()[0].lexicon


def _negated(word: str, negate: frozenset[str]) -> bool:
    """``vaderSentiment.negated([word])``."""
    word = word.lower()
    return word in negate or "n't" in word


def vader_compound(text: str) -> float:
    """VADER's compound score of ``text``, as ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``."""
    analyser, emoji_chars, negate = _vader()
    if not emoji_chars.isdisjoint(text):
        text_no_emoji = ""
        prev_space = True
        for character in text:
            if character in analyser.emojis:
                if not prev_space:
                    text_no_emoji += " "
                text_no_emoji += analyser.emojis[character]
                prev_space = False
            else:
                text_no_emoji += character
                prev_space = character == " "
        text = text_no_emoji
    text = text.strip()
    # SentiText._words_and_emoticons: leading and trailing punctuation stripped unless that leaves 2 characters or less
    words = [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in text.split()]
    lower = [w.lower() for w in words]
    is_cap_diff = v.allcap_differential(words)
    lexicon = analyser.lexicon
    boosters = BOOSTER_DICT
    last = len(words) - 1
    # a word outside the lexicon (or a booster, or "kind" before "of") has valence 0: only lexicon words are scored
    sentiments: list = [0] * len(words)
    for i in [k for k, word in enumerate(lower) if word in lexicon]:
        item = words[i]
        item_lowercase = lower[i]
        if item_lowercase in boosters:
            continue
        if i < last and item_lowercase == "kind" and lower[i + 1] == "of":
            continue
        # SentimentIntensityAnalyzer.sentiment_valence
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != last and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += v.C_INCR
            else:
                valence -= v.C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = v.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i, negate)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        # _least_check
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        sentiments[i] = valence
    if "but" in lower:  # _but_check looks for "but" in the lower-cased words, and changes nothing without one
        sentiments = analyser._but_check(words, sentiments)
    # score_valence, the compound score only (the pos, neg and neu proportions do not enter it)
    if not sentiments:
        return round(0.0, 4)
    sum_s = float(sum(sentiments))
    punct_emph_amplifier = analyser._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    return round(v.normalize(sum_s), 4)


_PUNCTUATION = string.punctuation


def _negation_check(valence: float, lower: list[str], start_i: int, i: int, negate: frozenset[str]) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` on the already lower-cased words."""
    if start_i == 0 and _negated(lower[i - (start_i + 1)], negate):
        valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - (start_i + 1)], negate):
            valence = valence * N_SCALAR
    if start_i == 2:
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif _negated(lower[i - (start_i + 1)], negate):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` on the already lower-cased words."""
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
