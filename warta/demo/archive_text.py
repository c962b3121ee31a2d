"""Made-up but plausible Indonesian regional news, composed from templates for `generate_archive`.

Every story is a function of a seeded random generator, so the same seed gives the
same archive. Places are the demo's kabupaten and their kecamatan; villages, people,
clubs and figures are invented.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

# Where each section's stories happen: the kecamatan of the demo's kabupaten.
PLACES = {
    "Pati": ["Juwana", "Tayu", "Margorejo", "Tlogowungu", "Gabus", "Trangkil", "Sukolilo"],
    "Kudus": ["Dawe", "Jekulo", "Mejobo", "Gebog", "Undaan", "Bae", "Kaliwungu"],
    "Rembang": ["Lasem", "Sluke", "Kragan", "Sarang", "Sulang", "Pamotan", "Sedan"],
    "Blora": ["Cepu", "Randublatung", "Ngawen", "Kunduran", "Jepon", "Todanan", "Jiken"],
}
SECTION_PLACES = {
    "daerah/pati": ["Pati"],
    "daerah/kudus": ["Kudus"],
    "daerah/rembang": ["Rembang"],
    "daerah/blora": ["Blora"],
}
VILLAGE_HEADS = ["Sumber", "Tlogo", "Karang", "Wono", "Sido", "Puri", "Banyu", "Tanjung", "Kedung"]
VILLAGE_TAILS = ["rejo", "mulyo", "sari", "harjo", "agung", "urip", "wangi", "makmur", "kerto"]
FIRST_NAMES = [
    "Agus", "Budi", "Slamet", "Sri", "Siti", "Wahyu", "Dwi", "Eko", "Tri", "Joko", "Nur",
    "Ahmad", "Muhammad", "Rina", "Dewi", "Yuli", "Heru", "Bambang", "Suparno", "Sutrisno",
    "Endang", "Lestari", "Rudi", "Hadi", "Wulan", "Fitri", "Arif", "Yusuf", "Imam", "Teguh",
]  # fmt: skip
LAST_NAMES = [
    "Santoso", "Wibowo", "Prasetyo", "Rahayu", "Hidayat", "Setiawan", "Purnomo", "Susanto",
    "Nugroho", "Wahyuni", "Kurniawan", "Saputra", "Handayani", "Maulana", "Ariyanto",
    "Sulistyo", "Hartono", "Pratiwi", "Mulyadi", "Haryanto", "Rahmawati", "Syaifudin",
]  # fmt: skip
CLUBS = [
    "Persipa Pati", "Persiku Kudus", "PSIR Rembang", "Persikaba Blora", "Persijap Jepara",
    "PSIS Semarang", "Persiharjo", "Putra Muria", "Laskar Samin", "Mina Tani FC",
]  # fmt: skip
COMMODITIES = [
    "cabai rawit", "bawang merah", "beras medium", "minyak goreng", "gula pasir", "telur ayam",
    "daging ayam", "jagung pipil", "kedelai", "garam krosok", "ikan bandeng", "singkong",
]  # fmt: skip
PRODUCTS = ["batik tulis", "kerajinan kuningan", "bordir", "jenang", "kopi Muria", "tahu"]


@dataclass
class Topic:
    titles: list[str]
    leads: list[str]
    sentences: list[str]
    quotes: list[str]
    officials: list[str]
    tags: list[str]
    extra: dict[str, list[str]] = field(default_factory=dict)


COMMON_SENTENCES = [
    "Kegiatan tersebut dihadiri perwakilan organisasi perangkat daerah, camat, dan kepala desa.",
    "Warga berharap langkah itu tidak berhenti pada seremoni, tetapi terasa dalam kehidupan "
    "sehari-hari.",
    "Menurut data yang dihimpun, jumlah warga yang terdampak mencapai {n} kepala keluarga.",
    "Pemerintah desa akan mengevaluasi hasilnya dalam musyawarah desa bulan depan.",
    "Anggaran kegiatan itu bersumber dari APBD {kab} tahun ini sebesar Rp{rp} juta.",
    "Pantauan di lokasi, aktivitas warga di {kec} berangsur normal menjelang sore.",
    "Camat {kec}, {person2}, menyebut pihaknya telah berkoordinasi dengan dinas terkait.",
    "Hingga berita ini diturunkan, pihak terkait masih melakukan pendataan di lapangan.",
    "Sejumlah tokoh masyarakat Desa {desa} ikut mengawal proses tersebut sejak awal.",
    "Ia meminta warga aktif melapor melalui layanan pengaduan yang disediakan pemerintah "
    "kabupaten.",
]

TOPICS = {
    "daerah": Topic(
        titles=[
            "Pemkab {kab} Perbaiki {n} Ruas Jalan Rusak di {kec}",
            "Warga Desa {desa} Keluhkan Air Bersih Tersendat Sepekan",
            "Banjir Rendam {n} Rumah di Desa {desa}, {kec}",
            "Jembatan Penghubung Desa {desa} Akhirnya Dibangun",
            "Bupati {kab} Resmikan Pasar Desa {desa}",
            "BPBD {kab} Siagakan Relawan Hadapi Musim Hujan",
            "Posyandu Desa {desa} Jadi Percontohan Penanganan Stunting",
            "Sampah Menumpuk di Sungai {kec}, Warga Gelar Kerja Bakti",
            "Ratusan Warga {kec} Ikuti Layanan KTP Elektronik Keliling",
            "Lampu Penerangan Jalan di {kec} Mati, Pengendara Was-was",
        ],
        leads=[
            "Pemerintah Kabupaten {kab} menyiapkan langkah penanganan di {kec} setelah keluhan "
            "warga Desa {desa} terus berdatangan.",
            "Warga Desa {desa}, Kecamatan {kec}, {kab}, meminta pemerintah daerah segera turun "
            "tangan mengatasi persoalan yang berlarut-larut.",
        ],
        sentences=[
            "Perbaikan jalan sepanjang {n} kilometer itu ditargetkan rampung sebelum musim hujan.",
            "Air sungai meluap setelah hujan deras mengguyur wilayah {kec} sejak sore.",
            "Petugas BPBD bersama relawan mengevakuasi warga lanjut usia ke balai desa.",
            "Saluran irigasi yang tersumbat sedimen membuat air menggenangi permukiman.",
            "Pembangunan jembatan menelan anggaran Rp{rp} juta dari dana desa dan bantuan "
            "provinsi.",
            "Pedagang pasar menyambut baik bangunan baru yang lebih bersih dan tertata.",
            "Kader posyandu rutin menimbang balita dan membagikan makanan tambahan bergizi.",
            "Tumpukan sampah plastik menyumbat aliran sungai di dekat permukiman.",
        ],
        quotes=[
            "Kami sudah mengusulkan perbaikan ini sejak tiga tahun lalu, syukurlah sekarang "
            "mulai dikerjakan",
            "Kalau hujan turun semalaman, air pasti masuk ke rumah warga",
            "Kami minta warga tetap waspada dan tidak membuang sampah ke sungai",
        ],
        officials=["Kepala Desa {desa}", "Kepala Pelaksana BPBD {kab}", "Bupati {kab}"],
        tags=["Pemkab {kab}", "Infrastruktur", "Banjir", "Pelayanan Publik", "Dana Desa"],
    ),
    "politik": Topic(
        titles=[
            "DPRD {kab} Sahkan APBD Perubahan Rp{rp} Miliar",
            "Pilkades Serentak di {n} Desa {kab} Berjalan Kondusif",
            "Fraksi di DPRD {kab} Soroti Serapan Anggaran yang Rendah",
            "KPU {kab} Mulai Tahapan Pemutakhiran Data Pemilih",
            "Rapat Paripurna DPRD {kab} Bahas Raperda Pajak Daerah",
            "Bawaslu {kab} Temukan Alat Peraga Kampanye Melanggar Aturan",
        ],
        leads=[
            "Dewan Perwakilan Rakyat Daerah (DPRD) {kab} menggelar rapat paripurna yang "
            "membahas arah kebijakan anggaran daerah.",
            "Tahapan pemilihan di {kab} terus berjalan dengan pengawasan ketat dari penyelenggara.",
        ],
        sentences=[
            "Sebanyak {n} anggota dewan hadir dalam rapat paripurna tersebut.",
            "Pemungutan suara dimulai pukul 07.00 dan berakhir pukul 13.00 WIB.",
            "Fraksi-fraksi meminta pemerintah daerah memprioritaskan belanja pelayanan dasar.",
            "Panitia pemilihan mencatat tingkat partisipasi pemilih mencapai {pct} persen.",
            "Rancangan peraturan daerah itu akan dibahas panitia khusus selama dua pekan.",
            "Bawaslu menertibkan {n} alat peraga yang dipasang di pohon dan tiang listrik.",
        ],
        quotes=[
            "Anggaran harus kembali ke rakyat dalam bentuk pelayanan yang nyata",
            "Kami mengajak seluruh calon menjaga suasana tetap sejuk",
            "Setiap pelanggaran akan kami tindak sesuai ketentuan",
        ],
        officials=["Ketua DPRD {kab}", "Ketua KPU {kab}", "Ketua Bawaslu {kab}"],
        tags=["DPRD {kab}", "APBD", "Pilkades", "Pemilu", "Kebijakan Publik"],
    ),
    "hukum": Topic(
        titles=[
            "Polres {kab} Tangkap Pengedar Sabu di {kec}",
            "Kejari {kab} Tetapkan Tersangka Korupsi Dana Desa {desa}",
            "Pencuri Sepeda Motor Lintas Kabupaten Dibekuk di {kec}",
            "Sidang Perkara Penipuan Arisan Online Digelar di PN {kab}",
            "Polisi Ungkap Penimbunan {commodity} di Gudang {kec}",
            "Satlantas {kab} Gelar Razia Kendaraan Tanpa Pelat",
        ],
        leads=[
            "Aparat penegak hukum di {kab} mengungkap perkara yang meresahkan warga {kec}.",
            "Penyidik menetapkan tersangka setelah mengumpulkan cukup alat bukti.",
        ],
        sentences=[
            "Dari tangan tersangka, petugas menyita barang bukti senilai Rp{rp} juta.",
            "Tersangka dijerat pasal berlapis dengan ancaman hukuman hingga {n} tahun penjara.",
            "Penyidik telah memeriksa {n} saksi, termasuk perangkat desa dan bendahara.",
            "Majelis hakim menunda sidang hingga pekan depan untuk mendengarkan saksi.",
            "Kerugian negara dalam perkara itu ditaksir mencapai Rp{rp} juta.",
            "Polisi mengimbau warga segera melapor jika menemukan aktivitas mencurigakan.",
        ],
        quotes=[
            "Kami berkomitmen memberantas peredaran narkoba sampai ke desa-desa",
            "Penyidikan masih terus dikembangkan, tidak menutup kemungkinan ada tersangka lain",
            "Kami menghormati proses hukum yang sedang berjalan",
        ],
        officials=["Kapolres {kab}", "Kepala Kejaksaan Negeri {kab}", "Kasat Reskrim {kab}"],
        tags=["Polres {kab}", "Narkoba", "Korupsi", "Kriminal", "Pengadilan"],
    ),
    "ekonomi": Topic(
        titles=[
            "Harga {commodity} di Pasar {kab} Naik Jelang Hari Raya",
            "UMKM {product} {kab} Tembus Pasar Ekspor",
            "Petani {kec} Panen Raya, Harga Gabah Turun",
            "Nelayan {kab} Keluhkan Solar Langka di SPBN",
            "Pemkab {kab} Gelar Operasi Pasar {commodity}",
            "Perajin {product} {kec} Kebanjiran Pesanan",
        ],
        leads=[
            "Pergerakan harga kebutuhan pokok di {kab} menjadi perhatian pedagang dan pembeli.",
            "Pelaku usaha kecil di {kec} merasakan dampak langsung dari kebijakan terbaru.",
        ],
        sentences=[
            "Harga {commodity} kini berada di kisaran Rp{price} ribu per kilogram.",
            "Pedagang menyebut pasokan dari daerah sentra produksi berkurang sejak pekan lalu.",
            "Omzet perajin naik hingga {pct} persen dibandingkan tahun sebelumnya.",
            "Petani berharap pemerintah membeli gabah sesuai harga pembelian pemerintah.",
            "Operasi pasar menyediakan {n} ton bahan pokok dengan harga di bawah pasar.",
            "Nelayan terpaksa tidak melaut karena biaya operasional tidak tertutup hasil "
            "tangkapan.",
        ],
        quotes=[
            "Pembeli sekarang mengurangi jumlah belanjaan karena harganya naik terus",
            "Kami butuh pendampingan pemasaran, bukan hanya bantuan modal",
            "Operasi pasar akan kami lakukan sampai harga kembali stabil",
        ],
        officials=["Kepala Dinas Perdagangan {kab}", "Ketua Paguyuban Pedagang {kab}"],
        tags=["Harga Pangan", "UMKM", "Pertanian", "Perikanan", "Inflasi"],
        extra={"product": PRODUCTS},
    ),
    "olahraga": Topic(
        titles=[
            "{club} Tekuk {club2} {n}-{n2} di Laga Kandang",
            "Atlet Pencak Silat {kab} Raih Emas di Kejurprov",
            "Turnamen Bola Voli Antardesa {kec} Diikuti {n} Tim",
            "{club} Rekrut Pemain Muda Jelang Musim Baru",
            "Stadion di {kab} Direnovasi, Laga Kandang Dipindah",
            "Pelajar {kab} Juara Lomba Lari Tingkat Jawa Tengah",
        ],
        leads=[
            "Prestasi olahraga {kab} kembali jadi perbincangan setelah hasil akhir pekan ini.",
            "Pertandingan berlangsung ketat sejak menit awal dan disaksikan ribuan penonton.",
        ],
        sentences=[
            "Gol kemenangan dicetak pada menit ke-{minute} lewat sundulan kepala.",
            "Pelatih menurunkan komposisi terbaik sejak babak pertama.",
            "Suporter memadati tribun sejak dua jam sebelum sepak mula.",
            "Atlet muda itu sudah berlatih rutin sejak duduk di bangku sekolah dasar.",
            "Panitia menyiapkan hadiah pembinaan total Rp{rp} juta bagi para juara.",
            "KONI {kab} berjanji menambah anggaran pembinaan cabang olahraga berprestasi.",
        ],
        quotes=[
            "Anak-anak bermain disiplin dan mengikuti instruksi sampai akhir",
            "Kemenangan ini kami persembahkan untuk seluruh warga dan suporter",
            "Target kami lolos ke babak berikutnya tanpa kekalahan",
        ],
        officials=["Pelatih {club}", "Ketua KONI {kab}", "Manajer {club}"],
        tags=["Sepak Bola", "Pencak Silat", "Bola Voli", "KONI {kab}", "Atletik"],
    ),
    "pendidikan": Topic(
        titles=[
            "{n} Sekolah Dasar di {kab} Kekurangan Guru",
            "Siswa SMP {kec} Juara Olimpiade Sains Kabupaten",
            "PPDB Zonasi di {kab} Dibuka, Orang Tua Antre Sejak Pagi",
            "Gedung SD Negeri {desa} Rusak, Siswa Belajar di Teras",
            "Guru Honorer {kab} Ikuti Seleksi PPPK",
            "Perpustakaan Desa {desa} Hidupkan Gerakan Literasi",
        ],
        leads=[
            "Persoalan pendidikan di {kab} kembali mengemuka di awal tahun ajaran.",
            "Sekolah dan orang tua di {kec} berupaya menjaga semangat belajar anak-anak.",
        ],
        sentences=[
            "Sebanyak {n} guru honorer mengikuti seleksi di gedung dinas pendidikan.",
            "Atap ruang kelas ambrol sehingga siswa dipindahkan ke ruang perpustakaan.",
            "Sekolah menerapkan jam literasi lima belas menit sebelum pelajaran dimulai.",
            "Pendaftaran peserta didik baru dilakukan secara daring dan luring.",
            "Dinas pendidikan menjanjikan rehabilitasi gedung dengan anggaran Rp{rp} juta.",
            "Para murid membaca buku cerita rakyat dan menuliskan ulang dengan bahasa sendiri.",
        ],
        quotes=[
            "Kami kekurangan guru kelas, satu guru terpaksa mengajar dua rombongan belajar",
            "Anak-anak tetap semangat meski fasilitasnya terbatas",
            "Literasi harus dimulai dari rumah dan lingkungan desa",
        ],
        officials=["Kepala Dinas Pendidikan {kab}", "Kepala SD Negeri {desa}"],
        tags=["Pendidikan", "Guru", "Literasi", "PPDB", "Sekolah"],
    ),
}
SECTION_TOPICS = {
    "daerah/pati": "daerah",
    "daerah/kudus": "daerah",
    "daerah/rembang": "daerah",
    "daerah/blora": "daerah",
    "politik": "politik",
    "hukum": "hukum",
    "ekonomi": "ekonomi",
    "olahraga": "olahraga",
    "pendidikan": "pendidikan",
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Story:
    title: str
    dateline: str
    summary: str
    paragraphs: list[str]
    quote: tuple[str, str]
    tags: list[str]


def compose(rng: random.Random, section: str) -> Story:
    """One story for `section` (a key of SECTION_TOPICS), drawn from `rng`."""
    topic = TOPICS[SECTION_TOPICS[section]]
    kab = rng.choice(SECTION_PLACES.get(section) or list(PLACES))
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(2)]
    fixed = {
        "kab": kab,
        "kec": rng.choice(PLACES[kab]),
        "desa": rng.choice(VILLAGE_HEADS) + rng.choice(VILLAGE_TAILS),
        "person": people[0],
        "person2": people[1],
        "commodity": rng.choice(COMMODITIES),
        "club": rng.choice(CLUBS),
        "club2": rng.choice(CLUBS),
        **{name: rng.choice(values) for name, values in topic.extra.items()},
    }

    def fill(template: str) -> str:
        def value(match: re.Match) -> str:
            name = match.group(1)
            if name in fixed:
                return fixed[name]
            if name == "rp":
                return str(rng.randrange(15, 950))
            if name == "price":
                return str(rng.randrange(8, 120))
            if name == "minute":
                return str(rng.randrange(3, 90))
            if name == "pct":
                return str(rng.randrange(12, 96))
            return str(rng.randrange(2, 9) if name == "n2" else rng.randrange(2, 60))

        return PLACEHOLDER.sub(value, template)

    official = fill(rng.choice(topic.officials))
    # Each sentence at most once per story, the topic's own first.
    sentences = rng.sample(topic.sentences, len(topic.sentences))
    sentences += rng.sample(COMMON_SENTENCES, len(COMMON_SENTENCES))
    paragraphs = [fill(rng.choice(topic.leads))]
    for _ in range(rng.randrange(3, 6)):
        count = rng.randrange(2, 4)
        paragraphs.append(" ".join(fill(sentence) for sentence in sentences[:count]))
        del sentences[:count]
    quote = fill(rng.choice(topic.quotes))
    paragraphs.insert(2, f"“{quote},” kata {official}, {fixed['person']}.")
    tags = list(dict.fromkeys(fill(tag) for tag in rng.sample(topic.tags, rng.randrange(1, 4))))
    return Story(
        title=fill(rng.choice(topic.titles)),
        dateline=fixed["kec"] if rng.random() < 0.3 else kab,
        summary=fill(rng.choice(topic.leads)),
        paragraphs=paragraphs,
        quote=(quote, f"{fixed['person']}, {official}"),
        tags=tags,
    )
