"""The default lists the integrity guard starts from: gambling-spam terms, the words that mark
a gambling site's address, and the markup that hides text from readers.

Plain data. The editor-in-chief adds and allows terms and domains per site
(`IntegritySettings`); `scanner.Rules` joins these lists with those.

Two kinds of term. *Promotional* terms are what spam says and news does not ("slot gacor",
"maxwin", "link alternatif"); *descriptive* ones name gambling in a news sentence too
("judi online", "togel", "bandar"). A descriptive term never refuses a text on its own:
only as the text of a link or in a gambling site's address.
"""

PROMOTIONAL_TERMS = (
    "slot gacor",
    "gacor hari ini",
    "situs gacor",
    "link gacor",
    "pola gacor",
    "jam gacor",
    "slot online",
    "situs slot",
    "agen slot",
    "daftar slot",
    "bandar slot",
    "judi slot",
    "slot resmi",
    "slot thailand",
    "slot demo",
    "slot88",
    "slot777",
    "slot303",
    "maxwin",
    "scatter hitam",
    "rtp live",
    "rtp slot",
    "bocoran rtp",
    "bocoran slot",
    "link alternatif",
    "deposit pulsa",
    "depo pulsa",
    "togel online",
    "bandar togel",
    "situs togel",
    "agen togel",
    "prediksi togel",
    "situs toto",
    "toto macau",
    "toto 4d",
    "togel 4d",
    "sbobet",
    "mahjong ways",
    "gates of olympus",
    "starlight princess",
    "sweet bonanza",
    "pragmatic play",
    "pg soft",
    "kakek zeus",
    "zeus slot",
    "anti rungkad",
    "bonus new member",
    "free spin",
    "freebet",
)

DESCRIPTIVE_TERMS = (
    "judi online",
    "judol",
    "judi",
    "togel",
    "toto",
    "bandar",
    "slot",
    "gacor",
    "kasino",
    "casino",
    "poker",
    "zeus",
    "jackpot",
    "taruhan",
    "betting",
)

# Characters spam writes in place of letters ("s1ot g4cor"), letter by letter.
LOOKALIKES = {
    "a": "a4@",
    "e": "e3",
    "g": "g9",
    "i": "i1!l|",
    "l": "l1i|",
    "o": "o0",
    "s": "s5$",
    "t": "t7",
}

# Fragments of a host name that mark a gambling site: "slotgacor88.xyz", "togel4d.id".
HOST_FRAGMENTS = (
    "slot",
    "gacor",
    "togel",
    "judol",
    "judibola",
    "judionline",
    "casino",
    "kasino",
    "poker",
    "sbobet",
    "maxwin",
    "scatter",
    "mahjong",
    "pragmatic",
    "zeus",
    "jackpot",
)
# Names with a number: "toto4d", "hoki88", "cuan777", "bet365".
HOST_PATTERNS = (r"toto\d", r"\dtoto", r"(?:bet|hoki|cuan|wd|jp)\d{2,}", r"\d{2,}bet")

# Hosts of public bodies and schools whose hijacked pages carry gambling spam: a link to
# one whose address holds a promotional term is a link into a defaced site.
HIJACKED_HOST_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".desa.id", ".or.id", ".mil.id")

# Class names that hide an element in every common style sheet.
HIDING_CLASSES = ("hidden", "hide", "d-none", "invisible", "visually-hidden", "sr-only")

# Elements that have no place in a story's text: they restyle or script the page.
FOREIGN_ELEMENTS = ("script", "style", "noscript", "meta", "link", "base", "object", "applet")
