"""The outlet's standing pages: Tentang Kami, Redaksi, Pedoman Media Siber, Hak Jawab,
Kontak, Kebijakan Privasi.

Pages that stand beside the news rather than in it: they are children of the home page,
linked from every page's footer, and never listed as stories (no story list, feed, Google
News sitemap, search result, reaction or view count). The Redaksi page builds the editorial
board from the people and their roles and prints the company's data that UU Pers article 12
asks every outlet to publish (`PressSettings`).
"""
