"""Generate a WordPress export (WXR 1.2) of a made-up Indonesian regional news portal.

The file is what WordPress's Tools › Export writes for a portal of the Muria region:
authors, a hierarchy of about forty categories (Daerah › Pati, …), about 2,000 tags, a few
pages and menu items, then the posts in ID order. Posts mix the classic editor (wpautop
text, `[caption]` shortcodes, "Baca juga" links, a dateline "PATI –" and closing initials
"(Ag)" or "(Ag/Ed)") and Gutenberg (block comments, headings, lists, now and then a table
or a YouTube embed). Some have excerpts, view counts from two plugins (`views` and
`post_views_count`, some both), a featured image (`_thumbnail_id`), an old slug or SEO
meta; some are drafts, pending, scheduled, private or in the trash; a dozen are sticky;
a quarter have comments. About one attachment per 25 posts: a tenth are illustrations
uploaded early and reused as featured images, the rest follow the post they were
uploaded to, as their IDs do. With `--media-dir`, each attachment is also written as a
small real JPEG under DIR/wp-content/uploads/yyyy/mm/.

All text is made up here; the same seed gives the same file. The export is written to
disk as it is generated, so memory stays bounded whatever `--posts` and `--body-bytes`.

    .venv/bin/python bench/wordpress_export.py --posts 50000 --out export.xml
        [--media-dir DIR] [--seed 1] [--body-bytes 3000] [--attachments N] [--tags 2000]

`--body-bytes` is the mean size of a post's content (each post from half to one and a
half times it): 20000 with 50,000 posts makes an export of about 1 GB.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import IO

SITE = "https://suaramuria.example"
UPLOADS = f"{SITE}/wp-content/uploads"
WIB = timezone(timedelta(hours=7))
EXPORTED = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
FIRST_POST = datetime(2017, 1, 2, 1, 0, tzinfo=UTC)
NO_DATE = "0000-00-00 00:00:00"
NO_PUB_DATE = "Mon, 30 Nov -0001 00:00:00 +0000"  # what WordPress writes for a draft

# --- Vocabulary (made up for this benchmark) -------------------------------------------

PLACES = {
    "Pati": ["Juwana", "Tayu", "Margorejo", "Gabus", "Kayen", "Sukolilo", "Trangkil",
             "Wedarijaksa", "Batangan", "Dukuhseti", "Tlogowungu", "Winong"],
    "Kudus": ["Jekulo", "Dawe", "Gebog", "Mejobo", "Undaan", "Kaliwungu", "Jati", "Bae"],
    "Rembang": ["Lasem", "Sluke", "Kragan", "Sarang", "Pamotan", "Sulang", "Sedan", "Kaliori"],
    "Blora": ["Cepu", "Randublatung", "Ngawen", "Jepon", "Kunduran", "Todanan", "Jiken"],
    "Jepara": ["Mayong", "Welahan", "Tahunan", "Bangsri", "Keling", "Karimunjawa", "Kedung"],
    "Grobogan": ["Purwodadi", "Godong", "Gubug", "Wirosari", "Kradenan", "Toroh", "Geyer"],
    "Demak": ["Wedung", "Mranggen", "Sayung", "Karanganyar", "Bonang", "Mijen", "Dempet"],
}  # fmt: skip
VILLAGES = [
    "Kedungwangi", "Sidomulyo", "Tlogosari", "Sumberejo", "Karangrejo", "Ngemplak", "Bakaran",
    "Growong", "Banyuurip", "Tanjungrejo", "Sukoharjo", "Margomulyo", "Jatisari", "Wonosari",
    "Gunungsari", "Bumirejo", "Sambirejo", "Tambahsari", "Kedungsari", "Ngarengan",
]  # fmt: skip
FIRST_NAMES = [
    "Agus", "Sri", "Budi", "Eko", "Ratna", "Slamet", "Dwi", "Siti", "Bambang", "Wahyu", "Nur",
    "Endang", "Joko", "Rina", "Heru", "Tri", "Dewi", "Yusuf", "Anik", "Hendra", "Ahmad",
    "Lestari", "Puji", "Rudi", "Mulyono", "Fitri", "Arif", "Yuli", "Teguh", "Rahmat", "Indah",
    "Suparman", "Sutrisno", "Bayu", "Nanang", "Wulan",
]  # fmt: skip
LAST_NAMES = [
    "Santoso", "Wahyuni", "Prasetyo", "Hidayat", "Susanto", "Rahayu", "Setiawan", "Kurniawan",
    "Purnomo", "Nugroho", "Saputra", "Handayani", "Wibowo", "Suryani", "Hartono", "Utomo",
    "Maulana", "Safitri", "Hakim", "Permana",
]  # fmt: skip
OFFICES = [
    "Bupati {kab}", "Wakil Bupati {kab}", "Sekretaris Daerah {kab}", "Kepala Dinas Pertanian {kab}",
    "Kepala Dinas Pendidikan {kab}", "Kepala Dinas Kesehatan {kab}", "Kepala BPBD {kab}",
    "Kapolres {kab}", "Kasatreskrim Polres {kab}", "Kepala Desa {desa}", "Camat {kec}",
    "Ketua DPRD {kab}", "Kepala Dinas Perdagangan {kab}", "Ketua KPU {kab}",
]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
COMMODITIES = ["cabai rawit", "bawang merah", "beras medium", "minyak goreng", "telur ayam",
               "gula pasir", "daging sapi", "kedelai"]  # fmt: skip
MARKETS = ["Puri", "Kliwon", "Kota Rembang", "Sido Makmur", "Jepon", "Bintoro", "Ngabul"]
CROPS = ["padi", "jagung", "tebu", "kacang hijau", "singkong", "bawang merah"]
CLUBS = ["Persipa Pati", "Persiku Kudus", "PSIR Rembang", "Persikaba Blora", "Persijap Jepara",
         "Persipur Purwodadi", "PSD Demak"]  # fmt: skip
FOODS = ["nasi gandul", "soto kerbau", "lontong tuyuhan", "garang asem", "sate kerbau",
         "mangut kepala manyung", "sayur becek", "jenang kudus"]  # fmt: skip
SIGHTS = ["Waduk Gunungrowo", "Pantai Karang Jahe", "Gua Pancur", "Air Terjun Montel",
          "Pantai Kartini", "Bledug Kuwu", "Hutan Wisata Kedung Pane"]  # fmt: skip
TRADITIONS = ["sedekah bumi", "meron", "dandangan", "syawalan", "lomban", "kirab pusaka"]
HEADINGS = ["Dampak bagi warga", "Langkah pemerintah daerah", "Tanggapan DPRD",
            "Harapan warga", "Data sementara", "Kronologi kejadian", "Rencana ke depan",
            "Pengawasan di lapangan", "Anggaran yang disiapkan"]  # fmt: skip
LIST_ITEMS = [
    "{n} rumah warga terdampak", "jalan desa rusak sepanjang {n} meter",
    "bantuan disalurkan lewat balai desa {desa}", "posko kesehatan dibuka 24 jam",
    "pendataan ulang dilakukan setiap pekan", "warga diminta melapor ke RT setempat",
    "anggaran Rp{rp} dari APBD {year}", "petugas gabungan dikerahkan ke {kec}",
    "sosialisasi digelar di {n} desa", "layanan aduan lewat nomor darurat 112",
]  # fmt: skip

# Each topic: title templates, lead sentences (after the dateline), sentences of its own.
TOPICS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "bencana": (
        ["Banjir Rendam {n} Desa di {kec}, Warga Mengungsi",
         "Tanah Longsor Tutup Jalan Penghubung {kec}–{kec2}",
         "Angin Kencang Robohkan {n} Rumah di {kec}",
         "Kekeringan, Warga {desa} Antre Air Bersih",
         "BPBD {kab} Siagakan Perahu Karet di {kec}"],
        ["Hujan deras sejak {hari} malam membuat sungai di {kec} meluap dan merendam rumah warga.",
         "Sedikitnya {n} keluarga di Desa {desa}, Kecamatan {kec}, terdampak bencana pekan ini.",
         "Badan Penanggulangan Bencana Daerah (BPBD) {kab} mencatat {n} titik rawan di {kec}."],
        ["Ketinggian air di permukiman mencapai {cm} sentimeter.",
         "Warga memindahkan barang berharga ke tempat yang lebih tinggi.",
         "Dapur umum didirikan di halaman balai desa {desa}."],
    ),
    "ekonomi": (
        ["Harga {komoditas} di Pasar {pasar} Naik {pct} Persen",
         "UMKM {kab} Didorong Tembus Pasar Ekspor",
         "Pemkab {kab} Salurkan Bantuan Modal untuk {n} Pelaku Usaha",
         "Pedagang Pasar {pasar} Keluhkan Sepinya Pembeli"],
        ["Harga {komoditas} di Pasar {pasar} mencapai Rp{rp} per kilogram.",
         "Pemerintah Kabupaten {kab} menyiapkan program pendampingan bagi {n} pelaku usaha kecil.",
         "Pedagang di Pasar {pasar} mengeluhkan turunnya jumlah pembeli dalam sepekan terakhir."],
        ["Kenaikan harga dipicu berkurangnya pasokan dari daerah penghasil.",
         "Dinas Perdagangan memantau harga bahan pokok setiap pagi.",
         "Pelaku usaha berharap ada pelatihan pemasaran daring."],
    ),
    "pertanian": (
        ["Petani {kec} Panen Raya {tanaman}",
         "Pupuk Bersubsidi Langka, Petani {desa} Mengeluh",
         "Hama Tikus Serang {n} Hektare Sawah di {kec}"],
        ["Petani di Desa {desa}, Kecamatan {kec}, mulai memanen {tanaman} pekan ini.",
         "Kelompok tani di {kec} kesulitan mendapatkan pupuk bersubsidi menjelang musim tanam.",
         "Serangan hama merusak sekitar {n} hektare tanaman {tanaman} di {kec}."],
        ["Hasil panen tahun ini disebut lebih baik dari tahun lalu.",
         "Penyuluh pertanian turun langsung ke sawah untuk mendampingi petani.",
         "Harga gabah kering panen di tingkat petani berkisar Rp{rp} per kilogram."],
    ),
    "politik": (
        ["DPRD {kab} Setujui APBD Perubahan {year}",
         "KPU {kab} Tetapkan Jadwal Kampanye",
         "{n} Calon Kades di {kec} Ikuti Tes Tertulis",
         "Bawaslu {kab} Temukan {n} Pelanggaran Alat Peraga"],
        ["Dewan Perwakilan Rakyat Daerah (DPRD) {kab} menggelar rapat paripurna di gedung dewan.",
         "Komisi Pemilihan Umum (KPU) {kab} menetapkan tahapan pemilihan dalam rapat pleno.",
         "Sebanyak {n} calon kepala desa di {kec} mengikuti tahapan seleksi."],
        ["Rapat dihadiri {n} anggota dewan dari semua fraksi.",
         "Penetapan dilakukan setelah melalui pembahasan yang cukup panjang.",
         "Masyarakat diminta ikut mengawasi jalannya tahapan."],
    ),
    "hukum": (
        ["Polres {kab} Ungkap Kasus Pencurian Sepeda Motor di {kec}",
         "Kejari {kab} Tahan Tersangka Korupsi Dana Desa",
         "Kecelakaan di Jalur Pantura {kec}, {n} Orang Luka",
         "Pengedar Pil Koplo Diringkus di {kec}"],
        ["Satuan Reserse Kriminal Polres {kab} menangkap {n} tersangka di wilayah {kec}.",
         "Kejaksaan Negeri {kab} menahan seorang kepala desa dalam kasus dana desa.",
         "Kecelakaan lalu lintas terjadi di jalur pantura wilayah {kec} pada {hari} pagi."],
        ["Tersangka dijerat pasal berlapis dengan ancaman hukuman lima tahun penjara.",
         "Barang bukti diamankan di markas kepolisian.",
         "Petugas masih meminta keterangan sejumlah saksi."],
    ),
    "olahraga": (
        ["{klub} Tundukkan {klub2} {s1}-{s2} di Kandang",
         "Atlet Bulu Tangkis {kab} Raih Emas Porprov",
         "Turnamen Voli Antardesa di {kec} Diikuti {n} Tim"],
        ["{klub} memetik kemenangan {s1}-{s2} atas {klub2} dalam laga lanjutan liga.",
         "Atlet asal {kec} menyumbang medali emas bagi kontingen {kab}.",
         "Sebanyak {n} tim dari berbagai desa ambil bagian dalam turnamen di {kec}."],
        ["Penonton memadati tribun sejak sore.",
         "Pelatih mengaku puas dengan penampilan anak asuhnya.",
         "Laga berikutnya akan digelar pekan depan."],
    ),
    "pendidikan": (
        ["{n} Sekolah di {kab} Mulai Pembelajaran Tatap Muka",
         "Siswa SMA Negeri {n2} {kab} Juara Lomba Robotik",
         "Gedung SD di {desa} Rusak, Siswa Belajar di Teras"],
        ["Sebanyak {n} sekolah di {kab} kembali menggelar pembelajaran di kelas.",
         "Siswa SMA Negeri {n2} {kab} menjuarai lomba tingkat provinsi.",
         "Atap ruang kelas sebuah sekolah dasar di Desa {desa} ambrol."],
        ["Protokol kesehatan tetap diterapkan di lingkungan sekolah.",
         "Kepala sekolah berharap ada perbaikan sebelum tahun ajaran baru.",
         "Orang tua siswa menyambut baik kebijakan tersebut."],
    ),
    "kesehatan": (
        ["Dinkes {kab} Gelar Vaksinasi di {n} Puskesmas",
         "Kasus Demam Berdarah di {kec} Meningkat",
         "RSUD {kab} Tambah Ruang Rawat Inap"],
        ["Dinas Kesehatan {kab} membuka layanan di {n} puskesmas.",
         "Kasus demam berdarah dengue di {kec} naik dibanding bulan lalu.",
         "Rumah Sakit Umum Daerah {kab} menambah {n} tempat tidur."],
        ["Warga diminta menguras tempat penampungan air seminggu sekali.",
         "Pengasapan dilakukan di lingkungan yang ditemukan kasus.",
         "Layanan ini gratis bagi pemegang kartu jaminan kesehatan."],
    ),
    "wisata": (
        ["{wisata} Ramai Dikunjungi saat Libur Panjang",
         "Menikmati {kuliner} Khas {kab} di {kec}",
         "Pemkab {kab} Benahi Akses Menuju {wisata}"],
        ["Ribuan wisatawan memadati {wisata} selama libur panjang.",
         "Warung {kuliner} di {kec} tidak pernah sepi pembeli.",
         "Pemerintah daerah memperbaiki jalan menuju {wisata} sepanjang {n} meter."],
        ["Pengelola menambah petugas parkir dan keamanan.",
         "Harga seporsi masih terjangkau, sekitar Rp{rp}.",
         "Pengunjung datang dari berbagai kota di Jawa Tengah."],
    ),
    "budaya": (
        ["Tradisi {tradisi} di {kec} Kembali Digelar",
         "Ribuan Warga Ikuti Kirab Budaya {kab}",
         "Sanggar Seni {desa} Lestarikan Ketoprak"],
        ["Warga Desa {desa} kembali menggelar tradisi {tradisi} tahun ini.",
         "Kirab budaya memperingati hari jadi {kab} diikuti {n} peserta.",
         "Sanggar seni di {desa} rutin berlatih setiap malam Minggu."],
        ["Tradisi ini sudah berlangsung turun-temurun.",
         "Gunungan hasil bumi diarak keliling desa.",
         "Generasi muda dilibatkan agar tradisi tidak punah."],
    ),
    "opini": (
        ["Menakar Arah Pembangunan Desa di {kab}",
         "Catatan untuk Pengelolaan Sampah {kab}",
         "Saatnya {kab} Serius Menata Pantura"],
        ["Pembangunan desa di {kab} dalam lima tahun terakhir patut dicermati.",
         "Persoalan sampah di {kab} tidak bisa lagi diselesaikan dengan cara lama.",
         "Jalur pantura adalah urat nadi ekonomi {kab}."],
        ["Penulis adalah pemerhati kebijakan publik.",
         "Tanpa perencanaan yang matang, anggaran besar tidak akan berarti.",
         "Partisipasi warga menjadi kunci keberhasilan."],
    ),
    "umum": (
        ["Desa {desa} Luncurkan Layanan Administrasi Daring",
         "Pemkab {kab} Perbaiki {n} Ruas Jalan Rusak",
         "Warga {kec} Gotong Royong Bersihkan Saluran Air"],
        ["Pemerintah Desa {desa} meluncurkan layanan surat-menyurat secara daring.",
         "Pemerintah Kabupaten {kab} memperbaiki {n} ruas jalan tahun ini.",
         "Ratusan warga {kec} bergotong royong membersihkan saluran air."],
        ["Program ini ditargetkan rampung akhir tahun.",
         "Warga menyambut baik langkah tersebut.",
         "Anggaran berasal dari dana desa tahun {year}."],
    ),
}  # fmt: skip
GENERAL = [
    "Hal itu disampaikan {jabatan}, {person}, saat ditemui di kantornya, {hari} ({tgl}).",
    "Menurut dia, pihaknya sudah berkoordinasi dengan pemerintah desa dan kecamatan.",
    "Warga berharap pemerintah segera turun tangan agar persoalan serupa tidak terulang.",
    "Sebanyak {warga} warga ikut hadir dalam kegiatan tersebut.",
    "“Kami minta masyarakat tetap tenang dan mengikuti arahan petugas,” ujar {person}.",
    "“Ini menjadi perhatian kami bersama,” kata {jabatan} itu.",
    "Ia menambahkan, evaluasi akan dilakukan setiap bulan.",
    "Data sementara mencatat {n} kasus serupa sepanjang tahun {year}.",
    "Anggaran yang disiapkan mencapai Rp{rp} dari APBD {kab}.",
    "Salah seorang warga {desa}, {person2}, mengaku sudah lama menunggu perhatian pemerintah.",
    "“Dulu pernah dijanjikan, tapi sampai sekarang belum ada kabar,” katanya.",
    "Kegiatan berlangsung hingga sore hari dan berjalan lancar.",
    "Pemerintah kecamatan {kec} akan menindaklanjuti laporan warga.",
    "Pihaknya juga meminta dukungan dari pemerintah provinsi.",
    "Sejumlah warga memanfaatkan kesempatan itu untuk menyampaikan keluhan.",
    "Persoalan tersebut sebenarnya sudah muncul sejak {n2} tahun lalu.",
    "Hingga berita ini ditulis, petugas masih berada di lokasi.",
    "Ke depan, kegiatan serupa akan digelar di kecamatan lain di {kab}.",
    "Ia memastikan seluruh proses dilakukan secara terbuka.",
    "Kepala desa setempat membenarkan kejadian itu.",
    "Rapat koordinasi digelar di pendapa kabupaten pada {hari} ({tgl}).",
    "Masyarakat dapat menyampaikan aduan melalui layanan pesan singkat.",
    "Menurut catatan redaksi, kejadian serupa pernah terjadi pada {year}.",
    "Sementara itu, {jabatan2}, {person2}, menyebut pihaknya siap membantu.",
]  # fmt: skip

# Categories: slug, name (as WordPress stores it, "&" escaped), parent slug, topic.
CATEGORIES = [
    ("uncategorized", "Tak Berkategori", "", "umum"),
    ("daerah", "Daerah", "", "umum"),
    *((kab.lower(), kab, "daerah", "umum") for kab in PLACES),
    ("jawa-tengah", "Jawa Tengah", "daerah", "umum"),
    ("politik", "Politik", "", "politik"),
    ("pilkada", "Pilkada", "politik", "politik"),
    ("pemilu", "Pemilu", "politik", "politik"),
    ("pilkades", "Pilkades", "politik", "politik"),
    ("hukum-kriminal", "Hukum &amp; Kriminal", "", "hukum"),
    ("kriminal", "Kriminal", "hukum-kriminal", "hukum"),
    ("korupsi", "Korupsi", "hukum-kriminal", "hukum"),
    ("lalu-lintas", "Lalu Lintas", "hukum-kriminal", "hukum"),
    ("ekonomi", "Ekonomi", "", "ekonomi"),
    ("bisnis", "Bisnis", "ekonomi", "ekonomi"),
    ("pertanian", "Pertanian", "ekonomi", "pertanian"),
    ("umkm", "UMKM", "ekonomi", "ekonomi"),
    ("perikanan", "Perikanan", "ekonomi", "pertanian"),
    ("olahraga", "Olahraga", "", "olahraga"),
    ("sepak-bola", "Sepak Bola", "olahraga", "olahraga"),
    ("bulu-tangkis", "Bulu Tangkis", "olahraga", "olahraga"),
    ("voli", "Voli", "olahraga", "olahraga"),
    ("pendidikan", "Pendidikan", "", "pendidikan"),
    ("kesehatan", "Kesehatan", "", "kesehatan"),
    ("gaya-hidup", "Gaya Hidup", "", "wisata"),
    ("kuliner", "Kuliner", "gaya-hidup", "wisata"),
    ("wisata", "Wisata", "gaya-hidup", "wisata"),
    ("budaya", "Budaya", "", "budaya"),
    ("religi", "Religi", "budaya", "budaya"),
    ("peristiwa", "Peristiwa", "", "bencana"),
    ("bencana", "Bencana", "peristiwa", "bencana"),
    ("opini", "Opini", "", "opini"),
    ("nasional", "Nasional", "", "umum"),
    ("teknologi", "Teknologi", "", "umum"),
    ("infografis", "Infografis", "", "umum"),
    ("video", "Video", "", "umum"),
]
# Where a new story goes: the regencies get most of them.
CATEGORY_WEIGHTS = {
    "uncategorized": 1, "daerah": 6, "pati": 14, "kudus": 10, "rembang": 7, "blora": 6,
    "jepara": 6, "grobogan": 5, "demak": 5, "jawa-tengah": 3, "politik": 3, "pilkada": 2,
    "pemilu": 1, "pilkades": 2, "hukum-kriminal": 2, "kriminal": 4, "korupsi": 2,
    "lalu-lintas": 3, "ekonomi": 3, "bisnis": 2, "pertanian": 3, "umkm": 2, "perikanan": 1,
    "olahraga": 2, "sepak-bola": 3, "bulu-tangkis": 1, "voli": 1, "pendidikan": 3,
    "kesehatan": 3, "gaya-hidup": 1, "kuliner": 2, "wisata": 2, "budaya": 2, "religi": 1,
    "peristiwa": 2, "bencana": 3, "opini": 1, "nasional": 1, "teknologi": 1,
    "infografis": 1, "video": 1,
}  # fmt: skip
TAG_WORDS = [
    "banjir", "longsor", "kekeringan", "harga cabai", "harga beras", "pasar tradisional",
    "pilkades", "pilkada", "dana desa", "korupsi", "pencurian", "narkoba", "kecelakaan",
    "pantura", "jalan rusak", "petani", "pupuk bersubsidi", "panen raya", "umkm", "batik",
    "ketoprak", "sedekah bumi", "sekolah", "ppdb", "beasiswa", "demam berdarah", "vaksinasi",
    "puskesmas", "rsud", "sepak bola", "porprov", "wisata", "kuliner", "lebaran", "mudik",
    "ramadan", "bansos", "pln", "air bersih", "sampah", "tambak", "nelayan", "garam",
    "tembakau", "kretek", "apbd", "dprd", "bupati", "polres", "kejari",
]  # fmt: skip
PAGES = [
    ("Redaksi", "redaksi"),
    ("Pedoman Media Siber", "pedoman-media-siber"),
    ("Tentang Kami", "tentang-kami"),
    ("Kontak", "kontak"),
    ("Kebijakan Privasi", "kebijakan-privasi"),
    ("Disclaimer", "disclaimer"),
]
COMMENTS = [
    "Semoga cepat ditangani.",
    "Mantap, lanjutkan!",
    "Di desa kami juga sama, Mas.",
    "Tolong diperhatikan jalan yang ke arah {kec} juga.",
    "Terima kasih infonya.",
    "Kapan bantuannya sampai?",
    "Beritanya kurang lengkap, sumbernya siapa?",
    "Setuju, harus diusut tuntas.",
]

# --- Helpers ---------------------------------------------------------------------------


# Statuses other than "publish", by the share of posts below each bound of a random roll.
STATUS_BOUNDS = [("draft", 0.02), ("pending", 0.03), ("private", 0.035), ("trash", 0.05)]


def post_status(roll: float, late: bool) -> str:
    """A post's status; only the newest posts (`late`) can be scheduled."""
    if late and roll < 0.2:
        return "future"
    return next((status for status, bound in STATUS_BOUNDS if roll < bound), "publish")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&amp;", "")).strip("-")


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wp(name: str, inner) -> str:
    """A `wp:` element around `inner` (already escaped or wrapped in CDATA)."""
    return f"<wp:{name}>{inner}</wp:{name}>"


def wps(fields: list[tuple[str, object]]) -> str:
    return "".join(wp(name, inner) for name, inner in fields)


def mysql(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def rupiah(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def php_serialize(value) -> str:
    """PHP's serialize() for the few shapes attachment metadata has."""
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, str):
        return f's:{len(value.encode())}:"{value}";'
    items = "".join(php_serialize(k) + php_serialize(v) for k, v in value.items())
    return f"a:{len(value)}:{{{items}}}"


def write_jpeg(path: Path, seed: str, size: tuple[int, int]) -> None:
    """A small real photograph-sized JPEG: a gradient with a few shapes, from `seed`."""
    from PIL import Image, ImageDraw, ImageOps

    rng = random.Random(seed)
    width, height = size
    top = tuple(rng.randrange(40, 220) for _ in range(3))
    bottom = tuple(rng.randrange(20, 200) for _ in range(3))
    image = ImageOps.colorize(Image.linear_gradient("L").resize(size), top, bottom)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randrange(3, 8)):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(10, width // 2), rng.randrange(10, height // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x, y, x + w, y + h], fill=colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=75)


YOUTUBE_ID = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"


def classic_block(kind: str, value) -> str:
    """A part of a classic-editor post: text that WordPress's wpautop makes paragraphs."""
    if kind == "p":
        return value
    if kind == "h2":
        return f"<h2>{value}</h2>"
    if kind == "image":
        ident, caption, (width, height) = value["id"], value["caption"], value["size"]
        return (
            f'[caption id="attachment_{ident}" align="aligncenter" width="{width}"]'
            f'<img class="size-full wp-image-{ident}" src="{value["url"]}" alt="{caption}" '
            f'width="{width}" height="{height}" /> {caption}.[/caption]'
        )
    if kind == "ul":
        return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in value) + "\n</ul>"
    if kind in ("table", "youtube"):
        return value  # WordPress embeds an address that stands alone on its line
    return f"<blockquote>{value}</blockquote>"


def gutenberg_block(kind: str, value) -> str:
    """A part of a block-editor post, with its block comments."""
    if kind == "p":
        return f"<!-- wp:paragraph -->\n<p>{value}</p>\n<!-- /wp:paragraph -->"
    if kind == "h2":
        return (
            f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{value}</h2>\n<!-- /wp:heading -->'
        )
    if kind == "image":
        ident, caption = value["id"], value["caption"]
        return (
            f'<!-- wp:image {{"id":{ident},"sizeSlug":"large","linkDestination":"none"}} -->\n'
            f'<figure class="wp-block-image size-large"><img src="{value["url"]}" alt="" '
            f'class="wp-image-{ident}"/><figcaption class="wp-element-caption">{caption}'
            "</figcaption></figure>\n<!-- /wp:image -->"
        )
    if kind == "ul":
        items = "".join(
            f"<!-- wp:list-item -->\n<li>{item}</li>\n<!-- /wp:list-item -->\n\n" for item in value
        )
        return f'<!-- wp:list -->\n<ul class="wp-block-list">{items}</ul>\n<!-- /wp:list -->'
    if kind == "table":
        figure = f'<figure class="wp-block-table">{value}</figure>'
        return f"<!-- wp:table -->\n{figure}\n<!-- /wp:table -->"
    if kind == "youtube":
        return (
            f'<!-- wp:embed {{"url":"{value}","type":"video","providerNameSlug":"youtube",'
            '"responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n'
            '<figure class="wp-block-embed is-type-video is-provider-youtube '
            'wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio">'
            f'<div class="wp-block-embed__wrapper">\n{value}\n</div></figure>\n'
            "<!-- /wp:embed -->"
        )
    return (
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n'
        f"<p>{value}</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->"
    )


# --- The site's people and terms ---------------------------------------------------------


class Portal:
    """The made-up portal: authors, categories and tags drawn once from the seed."""

    def __init__(self, rng: random.Random, tags: int):
        names: list[tuple[str, str]] = []
        while len(names) < 30:
            name = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
            if name[0] not in {first for first, _last in names}:
                names.append(name)
        # (login, display name, first, last, initials); the last five are editors.
        self.authors = []
        for first, last in names:
            login = f"{first}.{last}".lower() if rng.random() < 0.7 else first.lower()
            display = f"{first} {last}" if rng.random() < 0.85 else first
            self.authors.append((login, display, first, last, first[:2]))
        self.reporters = self.authors[:25]
        self.editors = self.authors[25:]
        self.author_weights = [rng.uniform(0.2, 3) for _ in self.reporters]
        self.categories = CATEGORIES
        self.category_slugs = [slug for slug, *_rest in CATEGORIES]
        self.category_weights = [CATEGORY_WEIGHTS[slug] for slug in self.category_slugs]
        self.category = {slug: (name, parent, topic) for slug, name, parent, topic in CATEGORIES}
        places = [*PLACES, *(kec for kecs in PLACES.values() for kec in kecs), *VILLAGES]
        combos = [f"{word} {place.lower()}" for word in TAG_WORDS for place in places]
        rng.shuffle(combos)
        self.tags = [*TAG_WORDS, *combos][:tags]  # the plain words first: the popular ones


# --- Items -------------------------------------------------------------------------------


class Export:
    """Writes the export, item by item, and counts what it wrote."""

    def __init__(self, out: IO[str], options: argparse.Namespace):
        self.out = out
        self.options = options
        self.rng = random.Random(options.seed)
        self.portal = Portal(self.rng, options.tags)
        self.media_dir: Path | None = options.media_dir
        self.next_id = 2
        self.next_comment_id = 1
        self.counts: Counter[str] = Counter()
        self.slugs: set[str] = set()
        self.file_names: set[str] = set()
        self.recent: deque[tuple[str, str]] = deque(maxlen=60)  # for "Baca juga" links
        self.stock: list[dict] = []  # illustrations reused as featured images

    def new_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value

    def write(self) -> None:
        options, rng = self.options, self.rng
        self.header()
        for title, slug in PAGES:
            self.page(title, slug)
        for slug, name, parent, _topic in CATEGORIES:
            if not parent and slug != "uncategorized":
                self.menu_item(slug, name)
        stock_count = max(1, options.attachments // 10)
        own_count = options.attachments - stock_count
        step = (EXPORTED - FIRST_POST) / max(1, options.posts)
        for index in range(stock_count):
            plan = self.plan_attachment(
                FIRST_POST + timedelta(hours=index * 3), rng.choice(list(TOPICS))
            )
            self.attachment(plan, 0, index)
            self.stock.append(plan)
        # A dozen sticky posts among the newest.
        newest = range(max(0, options.posts - max(12, options.posts // 50)), options.posts)
        sticky = set(rng.sample(newest, min(12, len(newest))))
        own_every = options.posts / own_count if own_count else 0
        next_own = own_every / 2
        for index in range(options.posts):
            moment = FIRST_POST + step * index + timedelta(minutes=rng.randrange(0, 50))
            with_image = own_count and index >= next_own
            if with_image:
                next_own += own_every
            self.post(index, moment, with_image, index in sticky)
        self.out.write("</channel>\n</rss>\n")

    def header(self) -> None:
        portal = self.portal
        w = self.out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n'
          "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of"
          " your site. -->\n"
          "<!-- generator=\"WordPress/6.4.3\" created=\"2026-12-01 10:00\" -->\n"
          '<rss version="2.0"\n'
          '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n\n<channel>\n'
          "\t<title>Suara Muria</title>\n"
          f"\t<link>{SITE}</link>\n"
          "\t<description>Kabar Pati, Kudus, Rembang, Blora dan sekitarnya</description>\n"
          f"\t<pubDate>{format_datetime(EXPORTED)}</pubDate>\n"
          "\t<language>id-ID</language>\n"
          "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
          f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n"
          f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n\n")  # fmt: skip
        for number, (login, display, first, last, _initials) in enumerate(portal.authors, 2):
            fields = [
                ("author_id", number),
                ("author_login", cdata(login)),
                ("author_email", cdata(f"{login}@suaramuria.example")),
                ("author_display_name", cdata(display)),
                ("author_first_name", cdata(first)),
                ("author_last_name", cdata(last)),
            ]
            w(f"\t{wp('author', wps(fields))}\n")
            self.counts["authors"] += 1
        term_id = 1
        for slug, name, parent, _topic in portal.categories:
            description = f"Berita {name} terkini" if self.rng.random() < 0.5 else ""
            fields = [
                ("term_id", term_id),
                ("category_nicename", cdata(slug)),
                ("category_parent", cdata(parent)),
                ("cat_name", cdata(name)),
                ("category_description", cdata(description)),
            ]
            w(f"\t{wp('category', wps(fields))}\n")
            term_id += 1
            self.counts["categories"] += 1
        for name in portal.tags:
            fields = [
                ("term_id", term_id),
                ("tag_slug", cdata(slugify(name))),
                ("tag_name", cdata(name)),
            ]
            w(f"\t{wp('tag', wps(fields))}\n")
            term_id += 1
            self.counts["tags"] += 1
        fields = [
            ("term_id", term_id),
            ("term_taxonomy", cdata("nav_menu")),
            ("term_slug", cdata("menu-utama")),
            ("term_name", cdata("Menu Utama")),
        ]
        w(f"\t{wp('term', wps(fields))}\n\n")
        w("\t<generator>https://wordpress.org/?v=6.4.3</generator>\n\n")
        self.counts["terms"] += 1

    def item(
        self,
        *,
        ident: int,
        title: str,
        link: str,
        guid: str,
        creator: str,
        content: str,
        excerpt: str,
        local: datetime | None,
        gmt: datetime | None,
        modified: datetime,
        slug: str,
        status: str,
        post_type: str,
        parent: int = 0,
        menu_order: int = 0,
        sticky: bool = False,
        comment_status: str = "open",
        terms: list[tuple[str, str, str]] = (),
        meta: list[tuple[str, str]] = (),
        comments: str = "",
        attachment_url: str = "",
    ) -> None:
        pub_date = format_datetime(gmt) if gmt else NO_PUB_DATE
        parts = [
            "\t<item>\n"
            f"\t\t<title>{cdata(title)}</title>\n"
            f"\t\t<link>{link}</link>\n"
            f"\t\t<pubDate>{pub_date}</pubDate>\n"
            f"\t\t<dc:creator>{cdata(creator)}</dc:creator>\n"
            f'\t\t<guid isPermaLink="false">{guid}</guid>\n'
            "\t\t<description></description>\n"
            f"\t\t<content:encoded>{cdata(content)}</content:encoded>\n"
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n"
            f"\t\t<wp:post_id>{ident}</wp:post_id>\n"
            f"\t\t<wp:post_date>{cdata(mysql(local) if local else NO_DATE)}</wp:post_date>\n"
            f"\t\t<wp:post_date_gmt>{cdata(mysql(gmt) if gmt else NO_DATE)}</wp:post_date_gmt>\n"
            f"\t\t<wp:post_modified>{cdata(mysql(modified.astimezone(WIB)))}</wp:post_modified>\n"
            f"\t\t<wp:post_modified_gmt>{cdata(mysql(modified))}</wp:post_modified_gmt>\n"
            f"\t\t<wp:comment_status>{cdata(comment_status)}</wp:comment_status>\n"
            f"\t\t<wp:ping_status>{cdata(comment_status)}</wp:ping_status>\n"
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>\n"
            f"\t\t<wp:status>{cdata(status)}</wp:status>\n"
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>\n"
            f"\t\t<wp:menu_order>{menu_order}</wp:menu_order>\n"
            f"\t\t<wp:post_type>{cdata(post_type)}</wp:post_type>\n"
            f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
            f"\t\t<wp:is_sticky>{int(sticky)}</wp:is_sticky>\n"
        ]
        if attachment_url:
            parts.append(f"\t\t<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>\n")
        for domain, nicename, name in terms:
            parts.append(
                f'\t\t<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>\n'
            )
        for key, value in meta:
            parts.append(
                f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
                f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>\n"
            )
        parts.append(comments)
        parts.append("\t</item>\n")
        self.out.write("".join(parts))
        self.counts[f"{post_type} {status}"] += 1

    def page(self, title: str, slug: str) -> None:
        ident = self.new_id()
        moment = FIRST_POST - timedelta(days=30 - ident)
        content = (
            f"<!-- wp:paragraph -->\n<p>{title} Suara Muria.</p>\n<!-- /wp:paragraph -->\n\n"
            "<!-- wp:paragraph -->\n<p>Suara Muria adalah media daring yang terbit di Pati "
            "sejak 2016.</p>\n<!-- /wp:paragraph -->"
        )
        self.item(
            ident=ident,
            title=title,
            link=f"{SITE}/{slug}/",
            guid=f"{SITE}/?page_id={ident}",
            creator=self.portal.editors[0][0],
            content=content,
            excerpt="",
            local=moment.astimezone(WIB),
            gmt=moment,
            modified=moment,
            slug=slug,
            status="publish",
            post_type="page",
            menu_order=ident,
            comment_status="closed",
            meta=[("_wp_page_template", "default")],
        )

    def menu_item(self, slug: str, name: str) -> None:
        ident = self.new_id()
        moment = FIRST_POST - timedelta(days=10)
        term_id = self.portal.category_slugs.index(slug) + 1
        self.item(
            ident=ident,
            title="",
            link=f"{SITE}/?p={ident}",
            guid=f"{SITE}/?p={ident}",
            creator=self.portal.editors[0][0],
            content="",
            excerpt="",
            local=moment.astimezone(WIB),
            gmt=moment,
            modified=moment,
            slug=str(ident),
            status="publish",
            post_type="nav_menu_item",
            menu_order=ident,
            comment_status="closed",
            terms=[("nav_menu", "menu-utama", "Menu Utama")],
            meta=[
                ("_menu_item_type", "taxonomy"),
                ("_menu_item_menu_item_parent", "0"),
                ("_menu_item_object_id", str(term_id)),
                ("_menu_item_object", "category"),
                ("_menu_item_target", ""),
                ("_menu_item_classes", 'a:1:{i:0;s:0:"";}'),
                ("_menu_item_xfn", ""),
                ("_menu_item_url", ""),
            ],
        )

    def plan_attachment(self, uploaded: datetime, topic: str, values: dict | None = None) -> dict:
        """Choose an upload's ID, file name and caption; written later by `attachment`."""
        rng = self.rng
        ident = self.new_id()
        values = values or self.values()
        caption = rng.choice(TOPICS[topic][1]).format(**values).rstrip(".")
        title = slugify(caption)[:48].rpartition("-")[0] or f"foto-{ident}"
        month = uploaded.astimezone(WIB).strftime("%Y/%m")
        name, suffix = title, 1
        while f"{month}/{name}" in self.file_names:  # WordPress's "-1", "-2" for a taken name
            name = f"{title}-{suffix}"
            suffix += 1
        self.file_names.add(f"{month}/{name}")
        relative = f"{month}/{name}.jpg"
        return {
            "id": ident,
            "uploaded": uploaded,
            "caption": caption,
            "title": title,
            "name": name,
            "relative": relative,
            "url": f"{UPLOADS}/{relative}",
            "size": rng.choice([(320, 213), (400, 267), (480, 320)]),
        }

    def attachment(self, plan: dict, parent: int, number: int) -> None:
        """Write an attachment item, and its JPEG under the media directory if there is one."""
        rng = self.rng
        relative, url, caption, (width, height) = (
            plan["relative"],
            plan["url"],
            plan["caption"],
            plan["size"],
        )
        if self.media_dir is not None:
            write_jpeg(
                self.media_dir / "wp-content" / "uploads" / relative,
                f"{self.options.seed}:{plan['id']}",
                plan["size"],
            )
        metadata = php_serialize(
            {
                "width": width,
                "height": height,
                "file": relative,
                "sizes": {},
                "image_meta": {"credit": "Suara Muria", "caption": "", "title": ""},
            }
        )
        author = rng.choices(self.portal.reporters, self.portal.author_weights)[0]
        uploaded = plan["uploaded"]
        self.item(
            ident=plan["id"],
            title=plan["title"],
            link=f"{SITE}/{plan['name']}/",
            guid=url,
            creator=author[0],
            content="",
            excerpt=caption if number % 3 else "",
            local=uploaded.astimezone(WIB),
            gmt=uploaded,
            modified=uploaded,
            slug=plan["name"],
            status="inherit",
            post_type="attachment",
            parent=parent,
            comment_status="closed",
            attachment_url=url,
            meta=[
                ("_wp_attached_file", relative),
                ("_wp_attachment_metadata", metadata),
                ("_wp_attachment_image_alt", caption if number % 2 else ""),
            ],
        )

    def values(self, kab: str | None = None) -> dict:
        """What a story's sentences name: places, people, numbers, dates."""
        rng = self.rng
        kab = kab or rng.choice(list(PLACES))
        kec, kec2 = rng.sample(PLACES[kab], 2)
        clubs = rng.sample(CLUBS, 2)
        first, second = (rng.choice(FIRST_NAMES), rng.choice(FIRST_NAMES))
        values = {
            "kab": kab,
            "kec": kec,
            "kec2": kec2,
            "desa": rng.choice(VILLAGES),
            "n": rng.choice([2, 3, 4, 5, 7, 12, 15, 20, 35, 48, 60, 120, 250]),
            "warga": rng.choice([35, 48, 60, 120, 250, 400, 1200]),
            "n2": rng.randrange(1, 6),
            "pct": rng.choice([10, 15, 20, 25, 30, 50]),
            "cm": rng.choice([30, 50, 70, 100]),
            "rp": rupiah(rng.randrange(5, 900) * 1000),
            "komoditas": rng.choice(COMMODITIES),
            "pasar": rng.choice(MARKETS),
            "tanaman": rng.choice(CROPS),
            "year": rng.randrange(2017, 2027),
            "klub": clubs[0],
            "klub2": clubs[1],
            "s1": rng.randrange(1, 4),
            "s2": rng.randrange(0, 2),
            "kuliner": rng.choice(FOODS),
            "wisata": rng.choice(SIGHTS),
            "tradisi": rng.choice(TRADITIONS),
            "person": f"{first} {rng.choice(LAST_NAMES)}",
            "person2": f"{second} ({rng.randrange(24, 70)})",
            "hari": rng.choice(DAYS),
            "tgl": f"{rng.randrange(1, 29)}/{rng.randrange(1, 13)}",
        }
        values["jabatan"] = rng.choice(OFFICES).format(**values)
        values["jabatan2"] = rng.choice(OFFICES).format(**values)
        return values

    def post(self, index: int, moment: datetime, with_image: bool, sticky: bool) -> None:
        rng, portal, options = self.rng, self.portal, self.options
        ident = self.new_id()
        slug_category = rng.choices(portal.category_slugs, portal.category_weights)[0]
        name, parent_slug, topic = portal.category[slug_category]
        if parent_slug == "daerah" and slug_category != "jawa-tengah":
            topic = rng.choice(list(TOPICS))
        values = self.values(name if name in PLACES else None)
        titles, leads, own = TOPICS[topic]
        title = rng.choice(titles).format(**values)
        author = rng.choices(portal.reporters, portal.author_weights)[0]
        editor = rng.choice(portal.editors)

        roll = rng.random()
        late = index >= options.posts - max(1, options.posts // 50)
        status = post_status(roll, late)
        if sticky:
            status = "publish"
        if status == "future":
            moment = EXPORTED + timedelta(hours=rng.randrange(2, 24 * 20))
        dated = status not in ("draft", "pending")
        slug = slugify(title)
        base, number = slug, 2
        while slug in self.slugs:
            slug = f"{base}-{number}"
            number += 1
        self.slugs.add(slug)
        local = moment.astimezone(WIB)
        published = status == "publish"
        link = f"{SITE}/{local:%Y/%m/%d}/{slug}/" if published else f"{SITE}/?p={ident}"

        # The post's own upload: its ID comes after the post's (the draft was saved first),
        # and its item follows the post's.
        own_image = None
        if with_image:
            uploaded = moment - timedelta(minutes=rng.randrange(1, 20))
            own_image = self.plan_attachment(uploaded, topic, values)
        image = own_image or (rng.choice(self.stock) if self.stock and rng.random() < 0.2 else None)

        content = self.body(values, leads, own, author, editor, own_image)
        terms = [("category", slug_category, name)]
        if parent_slug and rng.random() < 0.25:
            terms.append(("category", parent_slug, portal.category[parent_slug][0]))
        for tag_index in sorted(
            {int(len(portal.tags) * rng.random() ** 2.5) for _ in range(rng.randrange(0, 6))}
        ):
            tag = portal.tags[tag_index]
            terms.append(("post_tag", slugify(tag), tag))

        meta = [("_edit_last", str(rng.randrange(2, 32)))]
        if image:
            meta.append(("_thumbnail_id", str(image["id"])))
        views = int(rng.lognormvariate(6, 1.4))
        plugin = rng.random()
        if status == "publish" and plugin < 0.7:
            meta.append(("views", str(views)))
        if status == "publish" and plugin > 0.55:
            # The newer plugin counted only since it was installed.
            meta.append(("post_views_count", str(views // 3 if plugin < 0.7 else views)))
        if rng.random() < 0.3:
            meta.append(("_yoast_wpseo_metadesc", rng.choice(leads).format(**values)))
        if status == "publish" and rng.random() < 0.02:
            meta.append(("_wp_old_slug", slugify(rng.choice(titles).format(**values))))
        if status == "trash":
            meta += [
                ("_wp_trash_meta_status", "publish"),
                ("_wp_trash_meta_time", str(int(moment.timestamp()) + 86400)),
            ]
            slug = f"{slug}__trashed"
        excerpt = rng.choice(leads).format(**values) if rng.random() < 0.5 else ""
        comments = self.comments(moment, values) if status == "publish" else ""
        modified = moment + timedelta(minutes=rng.choice([0, 0, 5, 30, 240, 1440]))
        self.item(
            ident=ident,
            title=title,
            link=link,
            guid=f"{SITE}/?p={ident}",
            creator=author[0],
            content=content,
            excerpt=excerpt,
            local=local,
            gmt=moment if dated else None,
            modified=modified,
            slug=slug if dated else "",
            status=status,
            post_type="post",
            sticky=sticky,
            terms=terms,
            meta=meta,
            comments=comments,
        )
        if status == "publish":
            self.recent.append((title, link))
        if own_image:
            self.attachment(own_image, ident, index)

    def body(self, values, leads, own, author, editor, image: dict | None) -> str:
        """The post's content, classic or Gutenberg, about `body_bytes` long."""
        rng = self.rng
        target = int(self.options.body_bytes * rng.uniform(0.5, 1.5))
        dateline = values["kab"].upper() if rng.random() < 0.9 else "SEMARANG"
        gutenberg = rng.random() < 0.4
        initials = author[4] if rng.random() < 0.6 else f"{author[4]}/{editor[4]}"
        sentences = [*own, *GENERAL]

        def paragraph(count: int) -> str:
            return " ".join(s.format(**values) for s in rng.sample(sentences, count))

        lead = f"{dateline} – {rng.choice(leads).format(**values)} {paragraph(1)}"
        blocks: list[tuple[str, object]] = [("p", lead)]
        if image and rng.random() < 0.8:
            blocks.append(("image", image))
        size = len(lead)
        while size < target:
            roll = rng.random()
            if roll < 0.04 and self.recent and len(blocks) > 1:
                link_title, link = rng.choice(self.recent)
                block = ("p", f'<strong>Baca juga: <a href="{link}">{link_title}</a></strong>')
            elif roll < 0.08 and gutenberg:
                block = ("h2", rng.choice(HEADINGS))
            elif roll < 0.10:
                count = rng.randrange(3, 6)
                block = ("ul", [rng.choice(LIST_ITEMS).format(**values) for _ in range(count)])
            elif roll < 0.11:
                block = ("table", self.table(values))
            elif roll < 0.12:
                video = "".join(rng.choice(YOUTUBE_ID) for _ in range(11))
                block = ("youtube", f"https://www.youtube.com/watch?v={video}")
            elif roll < 0.13:
                block = ("quote", rng.choice(GENERAL).format(**values))
            else:
                text = paragraph(rng.randrange(2, 4))
                if rng.random() < 0.05:
                    text = text.replace(values["kec"], f"<strong>{values['kec']}</strong>", 1)
                block = ("p", text)
            blocks.append(block)
            size += len(str(block[1])) + 40
        blocks.append(("p", f"{paragraph(rng.randrange(1, 3))} ({initials})"))
        render = gutenberg_block if gutenberg else classic_block
        return "\n\n".join(render(kind, value) for kind, value in blocks)

    def table(self, values: dict) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            head = "<tr><th>Komoditas</th><th>Pekan lalu</th><th>Sekarang</th></tr>"
            rows = []
            for item in rng.sample(COMMODITIES, 4):
                price = rng.randrange(10, 120) * 1000
                later = price + rng.randrange(-3, 8) * 500
                rows.append(
                    f"<tr><td>{item}</td><td>Rp{rupiah(price)}</td><td>Rp{rupiah(later)}</td></tr>"
                )
        else:
            head = "<tr><th>Kecamatan</th><th>Desa terdampak</th><th>Warga mengungsi</th></tr>"
            rows = [
                f"<tr><td>{kec}</td><td>{rng.randrange(1, 9)}</td>"
                f"<td>{rng.randrange(0, 400)}</td></tr>"
                for kec in PLACES[values["kab"]][:4]
            ]
        return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"

    def comments(self, moment: datetime, values: dict) -> str:
        rng = self.rng
        if rng.random() >= 0.25:
            return ""
        parts, ids = [], []
        for _ in range(rng.randrange(1, 7)):
            ident = self.next_comment_id
            self.next_comment_id += 1
            at = moment + timedelta(minutes=rng.randrange(5, 3000))
            parent = rng.choice(ids) if ids and rng.random() < 0.3 else 0
            approved = rng.choices(["1", "0", "spam"], [90, 7, 3])[0]
            who = rng.choice(FIRST_NAMES)
            fields = [
                ("comment_id", ident),
                ("comment_author", cdata(who)),
                ("comment_author_email", cdata(f"{who.lower()}@contoh.example")),
                ("comment_author_url", ""),
                ("comment_author_IP", cdata(f"192.0.2.{rng.randrange(1, 255)}")),
                ("comment_date", cdata(mysql(at.astimezone(WIB)))),
                ("comment_date_gmt", cdata(mysql(at))),
                ("comment_content", cdata(rng.choice(COMMENTS).format(**values))),
                ("comment_approved", cdata(approved)),
                ("comment_type", cdata("comment")),
                ("comment_parent", parent),
                ("comment_user_id", 0),
            ]
            parts.append(f"\t\t{wp('comment', wps(fields))}\n")
            ids.append(ident)
            self.counts["comments"] += 1
        return "".join(parts)


def describe(counts: Counter[str]) -> Iterator[str]:
    yield (
        f"{counts['authors']} authors, {counts['categories']} categories, {counts['tags']} tags, "
        f"{counts['terms']} other term, {counts['comments']:,} comments"
    )
    for key in sorted(k for k in counts if " " in k):
        yield f"  {key}: {counts[key]:,}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--out", type=Path, required=True, help="the WXR file to write")
    parser.add_argument("--media-dir", type=Path, help="write the uploads' JPEGs under DIR")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--body-bytes", type=int, default=3000, help="mean size of a post body")
    parser.add_argument("--attachments", type=int, help="uploads (default: one per 25 posts)")
    parser.add_argument("--tags", type=int, default=2000)
    options = parser.parse_args()
    if options.attachments is None:
        options.attachments = max(1, options.posts // 25)
    started = time.monotonic()
    with open(options.out, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        export = Export(out, options)
        export.write()
    seconds = time.monotonic() - started
    size = options.out.stat().st_size
    print(f"{options.out}: {size / 1e6:,.1f} MB in {seconds:.1f} s")
    for line in describe(export.counts):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
