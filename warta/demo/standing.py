"""The demo outlet's standing pages and press company: made-up, in Indonesian of our own.

Six pages under the home page, each linked from the footer: Tentang Kami, Redaksi,
Pedoman Pemberitaan Media Siber (the guideline's points summed up in our words, with the
place where an outlet pastes the official text), Hak Jawab dan Koreksi, Kontak and
Kebijakan Privasi. The publisher settings' policy links point at them (discovery.py).
"""

from wagtail.models import Site

from warta.news.models import HomePage
from warta.standing.models import PressSettings, RedaksiPage, StandingPage

DEWAN_PERS = "https://dewanpers.or.id/"

PRESS_COMPANY = {
    "legal_name": "PT Warta Media Pantura",
    "address": "Jl. Kolonel Sunandar No. 17\nPati, Jawa Tengah 59112",
    "responsible_name": "Ratna Kusumawati",
    "responsible_role": "Pemimpin Redaksi",
    "legal_entity_number": "SK Kemenkumham AHU-0000000.AH.01.01.Tahun 2024 (contoh)",
    "email": "redaksi@warta.example",
    "phone": "(0295) 000-0000",
}


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


def heading(text: str) -> tuple[str, str]:
    return ("heading", text)


# (model, slug, title, intro, body); the order is the footer's.
PAGES = [
    (
        StandingPage,
        "tentang-kami",
        "Tentang Kami",
        "Warta adalah media siber berita daerah untuk wilayah pantura timur Jawa Tengah.",
        [
            paragraph(
                "<p>Kami meliput Pati, Kudus, Rembang, Jepara, Blora, dan Grobogan: "
                "pemerintahan desa dan kabupaten, pertanian dan perikanan, pendidikan, "
                "kesehatan, ekonomi rakyat, olahraga, serta budaya. Wartawan kami tinggal di "
                "daerah yang mereka liput.</p>"
            ),
            heading("Prinsip kerja"),
            paragraph(
                "<p>Kami bekerja menurut Undang-Undang Nomor 40 Tahun 1999 tentang Pers, "
                "Kode Etik Jurnalistik, dan "
                '<a href="/pedoman-media-siber/">Pedoman Pemberitaan Media Siber</a>. '
                "Kesalahan kami ralat secara terbuka; pembaca dapat mengajukan "
                '<a href="/hak-jawab-dan-koreksi/">hak jawab dan koreksi</a>.</p>'
            ),
            heading("Kepemilikan dan pendanaan"),
            paragraph(
                "<p>Warta diterbitkan oleh PT Warta Media Pantura, perusahaan pers berbadan "
                "hukum Indonesia. Pendapatan kami berasal dari iklan dan konten bersponsor "
                "yang selalu diberi label, serta kerja sama pelatihan jurnalistik. Pemasang "
                "iklan tidak ikut menentukan isi berita. Susunan pengurus dan penanggung "
                'jawab ada di halaman <a href="/redaksi/">Redaksi</a>.</p>'
            ),
        ],
    ),
    (
        RedaksiPage,
        "redaksi",
        "Redaksi",
        "Susunan redaksi dan perusahaan penerbit Warta.",
        [
            paragraph(
                "<p>Susunan di atas disusun dari data wartawan dan editor kami. Untuk "
                'menghubungi redaksi, lihat halaman <a href="/kontak/">Kontak</a>.</p>'
            ),
        ],
    ),
    (
        StandingPage,
        "pedoman-media-siber",
        "Pedoman Pemberitaan Media Siber",
        "Ringkasan pedoman Dewan Pers yang kami ikuti, dengan kata-kata kami sendiri.",
        [
            paragraph(
                "<p>Dewan Pers menetapkan Pedoman Pemberitaan Media Siber (Peraturan Dewan "
                "Pers Nomor 1/Peraturan-DP/III/2012) bagi setiap media siber. Teks resmi "
                f'pedoman dapat dibaca di <a href="{DEWAN_PERS}">situs Dewan Pers</a>. '
                "<em>Di halaman inilah sebuah redaksi menempelkan teks resmi pedoman "
                "tersebut; yang berikut hanya ringkasan untuk pembaca.</em></p>"
            ),
            heading("Kode Etik Jurnalistik"),
            paragraph(
                "<p>Wartawan kami bekerja menurut Kode Etik Jurnalistik: independen, akurat, "
                "berimbang, tidak beriktikad buruk, menghormati privasi, dan tidak menyebut "
                "identitas korban kejahatan susila maupun anak pelaku kejahatan.</p>"
            ),
            heading("Verifikasi dan keberimbangan berita"),
            paragraph(
                "<ul><li>Setiap berita kami uji kebenarannya dan memberi ruang kepada pihak "
                "yang diberitakan.</li><li>Berita yang belum lengkap verifikasinya hanya "
                "dimuat bila menyangkut kepentingan publik yang mendesak, sumbernya jelas dan "
                "kredibel, dan pihak yang diberitakan belum dapat dihubungi.</li><li>Berita "
                "seperti itu diberi catatan di akhirnya, dalam kurung dan bercetak miring, "
                "bahwa berita masih memerlukan verifikasi.</li><li>Setelah verifikasi "
                "didapat, hasilnya kami muat sebagai pemutakhiran yang ditautkan dari "
                "berita semula.</li></ul>"
            ),
            heading("Isi buatan pengguna"),
            paragraph(
                "<p>Komentar dan kiriman pembaca tidak boleh memuat kebohongan, fitnah, "
                "pornografi, kebencian atas dasar suku, agama, ras, dan antargolongan, atau "
                "ajakan kekerasan. Isi yang melanggar kami sunting atau hapus.</p>"
            ),
            heading("Ralat, koreksi, dan hak jawab"),
            paragraph(
                "<p>Ralat, koreksi, dan hak jawab kami muat menurut Undang-Undang Pers, Kode "
                "Etik Jurnalistik, dan Pedoman Hak Jawab; masing-masing ditautkan dengan "
                "berita yang diralat dan mencantumkan waktu pemuatannya. Caranya ada di "
                'halaman <a href="/hak-jawab-dan-koreksi/">Hak Jawab dan Koreksi</a>.</p>'
            ),
            heading("Pencabutan berita"),
            paragraph(
                "<p>Berita yang sudah terbit tidak kami cabut karena tekanan pihak luar. "
                "Pencabutan hanya dilakukan karena alasan yang terkait masalah SARA, "
                "kesusilaan, masa depan anak, pengalaman traumatik korban, atau pertimbangan "
                "khusus lain dari Dewan Pers, dan selalu disertai alasan yang diumumkan.</p>"
            ),
            heading("Iklan"),
            paragraph(
                "<p>Iklan dan berita dipisahkan dengan jelas. Konten bersponsor dan "
                "advertorial diberi label di mana pun ia tampil.</p>"
            ),
            heading("Hak cipta"),
            paragraph(
                "<p>Kami menghormati hak cipta dan menyebut sumber setiap kutipan, foto, "
                "dan karya pihak lain yang kami muat.</p>"
            ),
            heading("Pencantuman pedoman dan sengketa"),
            paragraph(
                "<p>Pedoman ini kami cantumkan di tempat yang terlihat di setiap halaman. "
                "Sengketa pemberitaan diselesaikan oleh Dewan Pers.</p>"
            ),
        ],
    ),
    (
        StandingPage,
        "hak-jawab-dan-koreksi",
        "Hak Jawab dan Koreksi",
        "Cara menanggapi berita kami: hak jawab, hak koreksi, dan ralat.",
        [
            heading("Hak jawab"),
            paragraph(
                "<p>Setiap orang atau lembaga yang merasa dirugikan oleh berita kami berhak "
                "menyampaikan tanggapan atau sanggahan. Kirimkan melalui "
                '<a href="/hak-jawab/">formulir hak jawab</a>, atau dari tautan '
                "&quot;Ajukan hak jawab&quot; di bawah setiap berita. Akun tidak diperlukan; "
                "Anda akan menerima nomor rujukan.</p>"
            ),
            paragraph(
                "<ol><li>Tuliskan nama dan kontak yang dapat kami hubungi.</li><li>Sebutkan "
                "berita yang Anda tanggapi dan bagian yang menurut Anda keliru.</li><li>"
                "Lampirkan bukti bila ada (PDF atau gambar).</li><li>Redaksi memeriksa "
                "kiriman Anda, lalu memuat hak jawab sebagai berita tersendiri yang "
                "ditautkan dengan berita semula, atau menjelaskan alasan penolakannya."
                "</li></ol>"
            ),
            heading("Ralat dan koreksi"),
            paragraph(
                "<p>Kesalahan fakta yang kami temukan sendiri atau yang dilaporkan pembaca "
                "kami ralat di akhir berita yang bersangkutan, lengkap dengan waktunya. "
                'Semua ralat tercantum di <a href="/ralat/">daftar ralat</a>.</p>'
            ),
        ],
    ),
    (
        StandingPage,
        "kontak",
        "Kontak",
        "Cara menghubungi redaksi dan bagian iklan Warta.",
        [
            paragraph(
                "<ul><li>Redaksi: redaksi@warta.example, telepon (0295) 000-0000</li>"
                "<li>Iklan dan kerja sama: iklan@warta.example</li><li>Alamat: "
                "Jl. Kolonel Sunandar No. 17, Pati, Jawa Tengah 59112</li></ul>"
            ),
            paragraph(
                '<p>Tanggapan atas berita kami ajukan melalui <a href="/hak-jawab/">'
                "formulir hak jawab</a>.</p>"
            ),
        ],
    ),
    (
        StandingPage,
        "kebijakan-privasi",
        "Kebijakan Privasi",
        "Data apa yang kami simpan tentang pembaca, dan untuk apa.",
        [
            heading("Membaca berita"),
            paragraph(
                "<p>Kami menghitung berapa kali setiap berita dibaca tanpa menyimpan alamat "
                "IP Anda: untuk mencegah hitungan ganda kami hanya menyimpan sidik acak yang "
                "berganti setiap hari. Situs ini tidak memuat skrip, iklan, atau pelacak dari "
                "pihak lain.</p>"
            ),
            heading("Kiriman pembaca"),
            paragraph(
                "<p>Nama, kontak, dan lampiran yang Anda kirim lewat formulir hak jawab "
                "hanya dipakai untuk menangani kiriman itu dan dibaca oleh redaksi.</p>"
            ),
            heading("Pertanyaan"),
            paragraph(
                '<p>Pertanyaan tentang data Anda dapat dikirim melalui halaman <a href="'
                '/kontak/">Kontak</a>.</p>'
            ),
        ],
    ),
]


def load_standing_pages(home: HomePage) -> list[StandingPage]:
    """Create or refresh the six pages under `home`, and the press company's data."""
    pages = []
    for order, (model, slug, title, intro, body) in enumerate(PAGES, start=1):
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, title=title)
            page.intro, page.body = intro, body
            home.add_child(instance=page)
        page.title, page.intro, page.body = title, intro, body
        page.show_in_footer, page.footer_order = True, order * 10
        page.save_revision().publish()
        pages.append(page)
    PressSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults=PRESS_COMPANY
    )
    return pages
