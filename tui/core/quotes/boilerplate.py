"""Page boilerplate inside article text (kickers, photo credits, sign-up prompts, social embeds), blanked out
so that no rule ever takes it for an actor, a cue or a quote."""

from __future__ import annotations

import re

# Whole lines that are page furniture, not the article's prose.
# Lines that are page furniture, not the article's prose: what such a line holds anywhere ...
_LINE_HOLDS = re.compile(
    # photo credits and captions
    r"\b(?:Getty\s+Images|AP\s+Photo|AFP(?:/|\s+via|\s+Photo)|Reuters/|EPA(?:-EFE)?/|Shutterstock|Barcroft|"
    r"Hide\s+[Cc]aption|[Tt]oggle\s+caption|Enlarge\s+(?:[Ii]mage|[Pp]hoto|this)|Image\s+(?:copyright|caption)|"
    r"Photo\s+credit|Picture\s+credit)\b"
    # social embeds: "A post shared by X (@x) on Oct 10, 2017", "X on Instagram", tweet sign-offs
    r"|\b(?:A\s+post\s+shared\s+by|on\s+Instagram|pic\.twitter\.com|on\s+Twitter:|instagram\.com|twitter\.com)\b"
    r"|\(@\w+\)\s+(?:\w+\s+\d{1,2},\s+\d{4}|on\s+\w+\s+\d)|—\s*[^—\n]{1,80}\(@\w+\)")
# ... what a short line holds (prose may say "subscribe" or "cookies")
_SHORT_LINE_HOLDS = re.compile(
    r"\b(?:[Ss]ign\s+up|[Ss]ubscribe|[Nn]ewsletter|[Ff]ollow\s+(?:us|him|her)\b|"
    r"[Ff]ollow\b.{0,60}\bon\s+(?:Twitter|Facebook|Instagram)|[Ss]hare\s+(?:this|on|via)|"
    r"[Cc]lick\s+here|[Cc]ookies?\b|[Pp]rivacy\s+[Pp]olicy|[Tt]erms\s+of\s+(?:[Uu]se|[Ss]ervice)|"
    r"[Aa]ll\s+rights\s+reserved|[Cc]opyright\s+©|©|[Ee]mail\s+this|[Pp]rint\s+this|"
    r"[Rr]ead\s+(?:more|next)|[Ww]atch\s+(?:more|next|the\s+video)|[Cc]ontinue\s+reading|[Aa]dvertisement)\b")
# ... and how it opens: caption and link labels ("Photo: …", "More: …", "Media caption …", "JUST WATCHED …")
_LINE_OPENS = re.compile(
    r"\s*(?:(?:Photograph|Photo|Photos|Picture|Image|Images|Credit|Caption|Video|Graphic|Illustration|Source|"
    r"Pictured|More|Related|See\s+also|Also\s+read|Read\s+also|READ\s+MORE)\s*[:|]"
    r"|\(?(?:Photo|Image|Picture|Credit)s?\s+by\b"
    r"|(?:Media\s+caption|Media\s+playback|JUST\s+WATCHED|MUST\s+WATCH|Image\s+copyright|Image\s+caption|"
    r"Skip\s+in\s+Skip)\b)")


def _furniture_line(body: str) -> bool:
    return bool(_LINE_HOLDS.search(body) or _LINE_OPENS.match(body)
                or (len(body) <= 200 and _SHORT_LINE_HOLDS.search(body)))
# Furniture whatever the line's length: video carousels and photo galleries flattened into one line,
# and lines opening with a caption label.
_ANY_LINE = re.compile(
    r"Skip\s+in\s+Skip\s+x\s+Embed\s+x\s+Share|Buy\s+Photo|Wait\s+1\s+second\s+to\s+continue")
_GALLERY = re.compile(r"\b\d{1,2}/\d{1,2}\s")
# "4/34 27 November 2017 David Jones and …": one photo of a gallery, its counter opening the caption.
_GALLERY_CAPTION = re.compile(r"\s*\d{1,3}/\d{1,3}\s")
_CAPTION_LABEL = re.compile(
    r"\s*(?:Photograph|Photo|Photos|Picture|Pictures|Image|Images|Caption|Video|Watch|Gallery)\s*:")
# Credits and labels inside a line of prose: "(AP Photo/Evan Vucci)", "Getty Images", "READ MORE:".
_INLINE = re.compile(
    r"\((?:[^()\n]{0,60}(?:Photo|Getty|AP|AFP|Reuters|EPA|Image|Credit|Shutterstock|File/|Associated\s+Press)"
    r"[^()\n]{0,60})\)"
    r"|\b(?:Getty\s+Images|AP\s+Photo(?:/[\w .'-]+)?|AFP/Getty|Reuters/[\w .'-]+|EPA/[\w .'-]+|Splash\s+News|"
    r"Rex\s+Features|PA\s+Images|PA\s+Wire)"
    # "(Rick Loomis / Los Angeles Times)", "Kim Kyung Hoon / Reuters": a photographer and an agency
    r"|\([A-Z][\w.’' -]{2,40}\s?/\s?[A-Z][\w.’' -]{2,40}\)"
    r"|\b[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){1,3}\s?/\s?(?:Reuters|AP|AFP|Getty\s+Images|EPA|Bloomberg|Getty)\b"
    # sign-up boxes and video players flattened into the prose
    r"|Newsletter\s+Sign\s+Up|Continue\s+reading\s+the\s+main\s+story|Please\s+verify\s+you[’']re\s+not\s+a\s+robot"
    r"(?:\s+by\s+clicking\s+the\s+box)?\.?|Invalid\s+email\s+address\.?(?:\s+Please\s+re-enter\.)?"
    r"|You\s+must\s+select\s+a\s+newsletter\s+to\s+subscribe\s+to\.?|Thank\s+you\s+for\s+subscribing\.?"
    r"|An\s+error\s+has\s+occurred\.?(?:\s+Please\s+try\s+again\s+later\.)?|View\s+all\s+[\w ]{0,30}newsletters\.?"
    r"|(?:Replay\s+)?More\s+Videos(?:\s*\.{3})?|Must\s+Watch|Enlarge\s+this\s+image|[Tt]oggle\s+caption|[Hh]ide\s+caption"
    r"|Image\s+\d+\s+of\s+\d+|Sign\s+[Uu]p(?=\s)|You\s+agree\s+to\s+receive\s+[^.]{0,160}\."
    r"|(?:Image\s+copyright|Image\s+caption|Media\s+caption|Media\s+playback\s+is\s+unsupported\s+on\s+your\s+device)"
    r"|\d+\s+of\s+\d+\s+Skip\s+in\s+Skip\s+x\s+Embed\s+x\s+Share|CLOSE\s+[A-Z ]{3,60}(?=\s[A-Z][a-z])"
)
# A shouted label before a colon ("READ MORE: …"); searched only in lines that have a colon.
_CAPS_LABEL = re.compile(r"\b[A-Z][A-Z’' ]{2,40}[A-Z]:(?=\s)")
# Words one of which every inline pattern holds: lines without any skip the slow search.
_INLINE_TRIGGERS = ("Photo", "Getty", "File/", "Associated", "/", "Splash", "Rex", "PA ", "AP", "AFP", "Reuters",
                    "EPA", "Image", "Credit",
                    "Shutterstock", "Newsletter",
                    "Continue", "verify", "Invalid", "newsletter", "subscrib", "error", "Videos", "Watch", "Enlarge",
                    "caption", "Sign", "agree", "Media", "Skip", "CLOSE")
_MAX_LABEL_LINE = 90
# Furniture lines are short: longer lines are prose and get only the inline patterns.
_MAX_FURNITURE_LINE = 300
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _is_caps_line(line: str) -> bool:
    """An upper-case line (a kicker or section label: READ MORE, MOVE OF THE RACE, PHOTO, WATCH)."""
    if len(line) > _MAX_LABEL_LINE + 20 or len(line.strip()) > _MAX_LABEL_LINE:
        return False
    letters = len(_LETTER.findall(line))
    upper = len(_UPPER.findall(line))
    return letters > 0 and upper >= 0.8 * letters and (letters >= 4 or line.strip().isupper())


def _is_label_line(line: str) -> bool:
    """A very short line with no sentence in it ("Photo", "Advertisement", "Image 1 of 12")."""
    stripped = line.strip()
    if stripped.startswith("By "):
        return False                 # a byline names the author
    if _SAID_COLON.search(stripped):
        return False                 # "Abe also said:": the attribution of the quote in the next paragraph
    return len(stripped.split()) <= 3 and not re.search(r"[.!?”\"]$", stripped) and len(stripped) < 30


_SAID_COLON = re.compile(r"\b(?:said|says|added|adds|wrote|writes|told|tweeted|stated|declared|explained)"
                         r"(?:\s+\w+){0,2}:$")


def _caps_prefix(line: str) -> int:
    """Length of an upper-case kicker glued to the front of a line ("CLOSE WHAT YOU NEED TO KNOW Musk …")."""
    match = re.match(r"\s*(?:[A-Z][A-Z’'&-]+\s+){2,}(?=[A-Z][a-z])", line)
    return match.end() if match else 0


# One photo of a gallery flattened into a line: "Photos: Shocking celebrity splits Actress Jennifer Hudson and …
# have broken up, according to a statement from her rep. Hide Caption 2 of 59". The caption is prose a reader
# wants; the label, the gallery's title (the words every such line opens with) and the counter are not.
_GALLERY_LINE = re.compile(r"(?P<label>\s*(?:Photos?|Pictures|Images|Gallery)\s*:\s*)(?P<body>.+?)"
                           r"(?P<counter>\s*Hide\s+Caption\s+\d+\s+of\s+\d+\s*)(?=$|(?:Photos?|Pictures|Images|Gallery)\s*:)")
_MIN_CAPTION_WORDS = 12


def _gallery_title(bodies: list[str]) -> int:
    """How many words every gallery caption opens with (the gallery's title), when there are several."""
    if len(bodies) < 2:
        return 0
    split = [body.split() for body in bodies]
    count = 0
    while all(len(words) > count and words[count] == split[0][count] for words in split):
        count += 1
    return count                           # (a caption that is only the title is blanked whole)


_PLAIN_SPACES = {ord(c): " " for c in "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                 "\u2009\u200a\u202f\u205f\u3000"}


def mask(text: str) -> str:
    """The text with boilerplate replaced by spaces: same length, same line breaks, same offsets. Unicode
    spaces become plain ones: the rules' patterns read `”\xa0added Gowdy` as `” added Gowdy`."""
    text = text.translate(_PLAIN_SPACES)
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "

    # A line holds one gallery caption or several in a row ("… Hide Caption 8 of 25 Photos: … Hide Caption 9 of 25").
    galleries: dict[int, list[re.Match[str]]] = {}
    for line in re.finditer(r"[^\n]+", text):
        if "Hide Caption" in line.group() and _GALLERY_LINE.match(line.group()):
            captions = list(_GALLERY_LINE.finditer(line.group()))
            if sum(c.end() - c.start() for c in captions) == len(line.group()) \
                    and 2 * sum(len(c.group("body").split()) >= _MIN_CAPTION_WORDS for c in captions) >= len(captions):
                galleries[line.start()] = captions
    title = _gallery_title([c.group("body") for captions in galleries.values() for c in captions])
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if line.start() in galleries:
            for gallery in galleries[line.start()]:
                words = re.match(r"(?:\S+\s+){%d}" % title, gallery.group("body"))
                head_end = gallery.end("label") + (words.end() if words else 0)
                blank(line.start() + gallery.start(), line.start() + head_end)
                blank(line.start() + gallery.start("counter"), line.start() + gallery.end())
                # each caption ends where its counter stood: a line break, so no name or clause runs on
                chars[line.start() + gallery.end("body")] = "\n"
            continue
        short = len(body) <= _MAX_FURNITURE_LINE
        if short and (_is_caps_line(body) or _is_label_line(body) or _furniture_line(body)) \
                or _ANY_LINE.search(body) or _CAPTION_LABEL.match(body) or len(_GALLERY.findall(body)) >= 3 \
                or _GALLERY_CAPTION.match(body):
            blank(line.start(), line.end())
            continue
        prefix = _caps_prefix(body)
        if prefix:
            blank(line.start(), line.start() + prefix)
        if any(trigger in body for trigger in _INLINE_TRIGGERS):
            for inline in _INLINE.finditer(body):
                blank(line.start() + inline.start(), line.start() + inline.end())
        if ":" in body:
            for label in _CAPS_LABEL.finditer(body):
                blank(line.start() + label.start(), line.start() + label.end())
    return "".join(chars)
