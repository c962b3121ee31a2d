"""Demo content: made-up regional news written for Warta's demo site."""

# Top-level sections: (title, slug, introduction, [(subsection title, slug, introduction)]).
SECTIONS = [
    (
        "Daerah",
        "daerah",
        (
            "Kabar dari kabupaten dan kota di pesisir utara dan pedalaman Jawa Tengah "
            "serta sekitarnya: pemerintahan daerah, layanan publik, dan kehidupan warga."
        ),
        [
            (
                "Pati",
                "pati",
                (
                    "Berita seputar Kabupaten Pati, Bumi Mina Tani: pemerintah kabupaten, desa, "
                    "pertanian, dan denyut kehidupan warganya."
                ),
            ),
            (
                "Kudus",
                "kudus",
                (
                    "Kabar dari Kota Kretek: pemerintahan, wisata lereng Muria, layanan "
                    "kesehatan, dan kehidupan warga Kudus."
                ),
            ),
            (
                "Rembang",
                "rembang",
                (
                    "Berita dari pesisir Rembang: nelayan, petambak garam, batik Lasem, dan "
                    "kebijakan pemerintah daerah."
                ),
            ),
            (
                "Blora",
                "blora",
                (
                    "Kabar dari Blora: desa-desa di tengah hutan jati, pembangunan "
                    "infrastruktur, dan layanan publik."
                ),
            ),
        ],
    ),
    (
        "Politik",
        "politik",
        (
            "DPRD, pemilihan kepala desa, anggaran daerah, dan kebijakan publik di "
            "tingkat kabupaten dan kota."
        ),
        [],
    ),
    (
        "Hukum",
        "hukum",
        (
            "Kabar kepolisian, kejaksaan, dan pengadilan: perkara yang menyangkut "
            "keselamatan warga dan keuangan daerah."
        ),
        [],
    ),
    (
        "Ekonomi",
        "ekonomi",
        ("Harga kebutuhan pokok, UMKM, pertanian, perikanan, dan geliat usaha warga di daerah."),
        [],
    ),
    (
        "Olahraga",
        "olahraga",
        (
            "Sepak bola, bola voli, pencak silat, dan olahraga masyarakat, dari lapangan "
            "kampung hingga tingkat provinsi."
        ),
        [],
    ),
    (
        "Pendidikan",
        "pendidikan",
        "Sekolah, guru, murid, literasi, dan kebijakan pendidikan di daerah.",
        [],
    ),
]

# Newsroom staff credited on the stories; initials are printed after each story.
PEOPLE = [
    {
        "name": "Agus Gunawan",
        "slug": "agus-gunawan",
        "initials": "Ag",
        "role": "reporter",
        "bio": (
            "Meliput Kabupaten Pati selama lebih dari sepuluh tahun, terutama "
            "pemerintahan desa, pertanian, dan pelayanan publik."
        ),
    },
    {
        "name": "Rizal Fahmi",
        "slug": "rizal-fahmi",
        "initials": "Rz",
        "role": "reporter",
        "bio": (
            "Reporter di Kudus yang menaruh perhatian pada kebencanaan, pariwisata "
            "lereng Muria, dan pendidikan."
        ),
    },
    {
        "name": "Novita Sari",
        "slug": "novita-sari",
        "initials": "Nov",
        "role": "reporter",
        "bio": (
            "Meliput pesisir Rembang, dari kehidupan nelayan dan petambak garam hingga "
            "perajin batik Lasem."
        ),
    },
    {
        "name": "Siti Fatimah",
        "slug": "siti-fatimah",
        "initials": "Sf",
        "role": "reporter",
        "bio": (
            "Reporter di Blora yang banyak menulis tentang desa hutan, infrastruktur, "
            "dan dunia sekolah."
        ),
    },
    {
        "name": "Dimas Prasetyo",
        "slug": "dimas-prasetyo",
        "initials": "Dp",
        "role": "reporter",
        "bio": (
            "Menulis olahraga, terutama sepak bola amatir dan kompetisi antarkampung di "
            "wilayah Muria Raya."
        ),
    },
    {
        "name": "Hendra Wijaya",
        "slug": "hendra-wijaya",
        "initials": "Hw",
        "role": "reporter",
        "bio": (
            "Meliput politik dan hukum: rapat paripurna DPRD, ruang sidang pengadilan, "
            "hingga perkara korupsi dana desa."
        ),
    },
    {
        "name": "Lukman Hidayat",
        "slug": "lukman-hidayat",
        "initials": "Lh",
        "role": "reporter",
        "bio": (
            "Reporter ekonomi yang mengikuti harga kebutuhan pokok, UMKM, dan usaha "
            "kerajinan di pantura Jawa Tengah."
        ),
    },
    {
        "name": "Eko Darmawan",
        "slug": "eko-darmawan",
        "initials": "Ed",
        "role": "editor",
        "bio": (
            "Redaktur pelaksana. Sebelumnya belasan tahun menjadi reporter daerah di "
            "Pati dan Kudus."
        ),
    },
    {
        "name": "Ratna Kusumawati",
        "slug": "ratna-kusumawati",
        "initials": "Rk",
        "role": "editor",
        "bio": (
            "Redaktur yang menangani rubrik hukum, ekonomi, dan olahraga, serta "
            "menyunting liputan dari Rembang dan Blora."
        ),
    },
    {
        "name": "Budi Santoso",
        "slug": "budi-santoso",
        "initials": "Bs",
        "role": "photographer",
        "bio": (
            "Pewarta foto yang mengabadikan peristiwa di Kudus, Jepara, dan sekitarnya, "
            "dari lapangan sepak bola hingga sentra kerajinan."
        ),
    },
    {
        "name": "Yoga Pratama",
        "slug": "yoga-pratama",
        "initials": "Yp",
        "role": "photographer",
        "bio": (
            "Pewarta foto yang banyak meliput peristiwa kepolisian, olahraga, dan budaya "
            "di wilayah pantura timur Jawa Tengah."
        ),
    },
]

# Stories, newest first except the lead Pati story; times are hours before the demo loads.
ARTICLES = [
    {
        "slug": "pemkab-pati-dorong-bumdes-garap-potensi-lokal-lewat-bimtek",
        "title": "Pemkab Pati Dorong BUMDes Garap Potensi Lokal Lewat Bimbingan Teknis",
        "section": "daerah/pati",
        "dateline": "Pati",
        "summary": (
            "Pemerintah Kabupaten Pati menggelar bimbingan teknis penguatan badan usaha "
            "milik desa (BUMDes) agar desa mampu mengolah potensi lokal menjadi sumber "
            "pendapatan asli desa."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Pemerintah Kabupaten (Pemkab) Pati melalui Dinas Pemberdayaan Masyarakat "
                    "dan Desa (Dispermades) menggelar bimbingan teknis (bimtek) penguatan "
                    "kelembagaan badan usaha milik desa (BUMDes) di Pendopo Kabupaten Pati, hari "
                    "ini. Kegiatan tersebut digelar untuk mendorong desa-desa di Bumi Mina Tani "
                    "mengoptimalkan potensi lokal sebagai sumber pendapatan asli desa."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dispermades Pati, Sugeng Riyadi, mengatakan masih banyak BUMDes yang "
                    "belum berjalan optimal meski telah berdiri bertahun-tahun. Menurutnya, "
                    "sebagian besar persoalan bukan terletak pada modal, melainkan pada "
                    "perencanaan usaha dan tata kelola."
                ),
            ),
            (
                "paragraph",
                (
                    "“Modal dari dana desa sebenarnya sudah ada. Yang sering menjadi kendala "
                    "adalah pemilihan jenis usaha yang tidak sesuai dengan kebutuhan warga dan "
                    "potensi desanya sendiri,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Ia mencontohkan desa-desa di wilayah selatan Pati yang memiliki potensi "
                    "pertanian dan peternakan, sementara desa di pesisir utara dapat "
                    "mengembangkan usaha pengolahan hasil perikanan dan garam. Potensi itu, kata "
                    "Sugeng, akan lebih bernilai jika dikelola bersama melalui BUMDes bersama "
                    "antardesa."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami tidak ingin BUMDes hanya menjadi papan nama. Setiap unit usaha harus "
                    "punya rencana bisnis yang jelas, laporan keuangan yang tertib, dan bisa "
                    "dipertanggungjawabkan kepada warga melalui musyawarah desa,” tegasnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Selain soal tata kelola, Pemkab Pati juga mendorong BUMDes menjalin kerja "
                    "sama dengan pihak ketiga, mulai dari perbankan, perguruan tinggi, hingga "
                    "pelaku usaha swasta. Kerja sama tersebut diharapkan membuka akses pasar "
                    "sekaligus memberikan pendampingan manajemen."
                ),
            ),
            (
                "paragraph",
                (
                    "“Desa tidak bisa berjalan sendiri. Dengan kemitraan, produk desa bisa masuk "
                    "ke pasar yang lebih luas, termasuk pasar daring,” imbuhnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Bimtek tersebut diikuti direktur BUMDes, kepala desa, serta pendamping desa "
                    "dari 21 kecamatan di Kabupaten Pati dengan total 90 peserta. Para peserta "
                    "mendapatkan materi mengenai penyusunan rencana usaha, pencatatan keuangan "
                    "sederhana, hingga strategi pemasaran digital."
                ),
            ),
            (
                "paragraph",
                (
                    "Sugeng berharap hasil bimtek tidak berhenti di ruang pertemuan. Pihaknya "
                    "akan melakukan pendampingan lanjutan dan evaluasi terhadap BUMDes peserta "
                    "dalam enam bulan ke depan. “Nanti kami lihat perkembangannya. BUMDes yang "
                    "menunjukkan kemajuan akan kami usulkan mendapat pendampingan khusus,” "
                    "lanjut Sugeng."
                ),
            ),
            (
                "paragraph",
                (
                    "Adapun narasumber dalam kegiatan tersebut yakni Kepala Dispermades Pati "
                    "Sugeng Riyadi, akademisi bidang ekonomi perdesaan Dr. Laila Khoirunnisa, "
                    "praktisi perbankan Andri Setiabudi, serta Ketua Forum BUMDes Kabupaten "
                    "Pati, Mulyono."
                ),
            ),
        ],
        "tags": ["Pemkab Pati", "BUMDes", "Pemberdayaan Desa", "Dana Desa"],
        "reporters": ["agus-gunawan"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 3,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 805,
        "image_motif": "meeting hall",
    },
    {
        "slug": "bpbd-kudus-tetapkan-siaga-banjir-sungai-wulan",
        "title": ("BPBD Kudus Tetapkan Siaga Banjir, Warga Bantaran Sungai Wulan Diminta Waspada"),
        "section": "daerah/kudus",
        "dateline": "Kudus",
        "summary": (
            "Hujan deras sejak dini hari membuat muka air Sungai Wulan terus naik. BPBD "
            "Kudus menetapkan status siaga dan meminta warga di bantaran sungai bersiap "
            "mengungsi."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Kudus menetapkan "
                    "status siaga banjir setelah tinggi muka air Sungai Wulan terus naik akibat "
                    "hujan deras yang mengguyur kawasan Pegunungan Muria dan sekitarnya sejak "
                    "dini hari. Warga yang tinggal di bantaran sungai, terutama di wilayah "
                    "Kecamatan Undaan, diminta meningkatkan kewaspadaan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Pelaksana BPBD Kudus, Hariyanto Wibisono, mengatakan hasil "
                    "pemantauan di pos pengamatan menunjukkan kenaikan muka air yang cukup cepat "
                    "dalam tiga jam terakhir. Petugas kini disiagakan di sejumlah titik tanggul "
                    "yang dinilai rawan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Statusnya kami naikkan menjadi siaga. Kami minta warga tidak panik, tetapi "
                    "menyiapkan dokumen penting dan barang berharga, serta mengikuti arahan "
                    "petugas jika sewaktu-waktu harus mengungsi,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Hariyanto, BPBD telah berkoordinasi dengan pengelola sungai untuk "
                    "memantau kondisi tanggul dan pintu air. Ribuan karung pasir juga telah "
                    "disiapkan untuk mengantisipasi rembesan maupun limpasan di tanggul yang "
                    "kritis."
                ),
            ),
            (
                "quote",
                (
                    "Kami minta warga tidak menunggu air masuk rumah. Begitu ada imbauan dari "
                    "perangkat desa, segera menuju titik pengungsian yang sudah ditentukan."
                ),
                "Hariyanto Wibisono, Kepala Pelaksana BPBD Kudus",
            ),
            (
                "paragraph",
                (
                    "Hingga siang ini, genangan setinggi 20 hingga 40 sentimeter dilaporkan "
                    "mulai merendam jalan desa dan area persawahan di beberapa desa. Belum ada "
                    "laporan korban jiwa maupun warga yang mengungsi."
                ),
            ),
            (
                "paragraph",
                (
                    "Pemkab Kudus menyiapkan balai desa dan gedung sekolah sebagai lokasi "
                    "pengungsian sementara. Dapur umum juga disiapkan Dinas Sosial bersama "
                    "relawan dan Taruna Siaga Bencana (Tagana)."
                ),
            ),
            (
                "paragraph",
                (
                    "Warga yang membutuhkan bantuan darurat dapat menghubungi pusat pengendalian "
                    "operasi (pusdalops) BPBD Kudus yang bersiaga selama 24 jam. Berita ini akan "
                    "terus diperbarui sesuai perkembangan di lapangan."
                ),
            ),
        ],
        "tags": ["Banjir", "BPBD", "Cuaca Ekstrem", "Pemkab Kudus"],
        "reporters": ["rizal-fahmi"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 2,
        "updated_hours_ago": 1,
        "breaking_hours": 6,
        "views": 4210,
        "image_motif": "flooded river",
    },
    {
        "slug": "pilkades-serentak-blora-digelar-di-38-desa",
        "title": "Pilkades Serentak Blora Digelar di 38 Desa, Calon Diminta Jaga Kondusivitas",
        "section": "politik",
        "dateline": "Blora",
        "summary": (
            "Pemkab Blora memastikan tahapan pemilihan kepala desa serentak di 38 desa "
            "berjalan sesuai jadwal. Para calon dan tim pendukung diminta menjauhi "
            "politik uang."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Pemerintah Kabupaten Blora memastikan tahapan pemilihan kepala desa "
                    "(pilkades) serentak di 38 desa berjalan sesuai jadwal. Hingga hari ini, "
                    "panitia di tingkat desa telah menetapkan 97 calon kepala desa yang akan "
                    "berkontestasi pada hari pemungutan suara bulan depan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Pemberdayaan Masyarakat dan Desa (Dinpermades) Blora, Wahyu "
                    "Hidayanto, mengatakan seluruh desa peserta telah menerima bantuan biaya "
                    "penyelenggaraan dari APBD. Logistik seperti kotak dan bilik suara juga "
                    "mulai didistribusikan secara bertahap."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami minta seluruh calon beserta tim pendukungnya menjaga suasana tetap "
                    "kondusif. Perbedaan pilihan itu wajar, tetapi jangan sampai merusak "
                    "kerukunan warga yang sudah terjalin lama,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Wahyu juga mengingatkan larangan politik uang. Menurutnya, praktik "
                    "bagi-bagi uang atau barang untuk memengaruhi pilihan warga dapat berujung "
                    "pada sanksi pidana maupun pembatalan calon sesuai peraturan yang berlaku."
                ),
            ),
            (
                "paragraph",
                (
                    "Di sisi lain, Polres Blora menyatakan siap mengamankan seluruh tahapan. "
                    "Kepala Bagian Operasi Polres Blora, Kompol Sunarto, menyebutkan pemetaan "
                    "kerawanan telah dilakukan di setiap desa. “Ada beberapa desa yang kami beri "
                    "perhatian khusus karena calonnya hanya dua dan persaingannya ketat. "
                    "Personel akan kami tambah di sana,” tegasnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Panitia pilkades juga membuka ruang pengaduan bagi warga yang menemukan "
                    "dugaan pelanggaran. Laporan dapat disampaikan melalui panitia desa, kantor "
                    "kecamatan, maupun posko pengaduan di kantor Dinpermades Blora."
                ),
            ),
        ],
        "tags": ["Pilkades", "Pemkab Blora", "Polres Blora"],
        "reporters": ["siti-fatimah"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 5,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 960,
        "image_motif": "voting booth",
    },
    {
        "slug": "dprd-pati-setujui-apbd-perubahan-perbaikan-jalan-prioritas",
        "title": "DPRD Pati Setujui APBD Perubahan, Perbaikan Jalan Jadi Prioritas",
        "section": "politik",
        "dateline": "Pati",
        "summary": (
            "Seluruh fraksi DPRD Pati menyetujui rancangan peraturan daerah tentang "
            "perubahan APBD dalam rapat paripurna. Tambahan anggaran diarahkan untuk "
            "memperbaiki jalan kabupaten yang rusak."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Pati menyetujui Rancangan "
                    "Peraturan Daerah (Raperda) tentang Perubahan Anggaran Pendapatan dan "
                    "Belanja Daerah (APBD) tahun anggaran berjalan dalam rapat paripurna di "
                    "gedung DPRD Pati, hari ini. Persetujuan diambil setelah seluruh fraksi "
                    "menyampaikan pendapat akhir."
                ),
            ),
            (
                "paragraph",
                (
                    "Rapat paripurna dipimpin Ketua DPRD Pati, Bambang Sutrisno, dan dihadiri "
                    "Sekretaris Daerah (Sekda) Pati, Bagus Hermawan, yang mewakili bupati, serta "
                    "jajaran kepala organisasi perangkat daerah (OPD)."
                ),
            ),
            (
                "paragraph",
                (
                    "Dalam APBD Perubahan tersebut, pendapatan daerah naik sekitar Rp48 miliar "
                    "dibandingkan APBD murni, terutama dari pajak daerah dan dana transfer. "
                    "Sebagian besar tambahan belanja dialokasikan untuk pemeliharaan dan "
                    "peningkatan ruas jalan kabupaten."
                ),
            ),
            (
                "paragraph",
                (
                    "“Keluhan warga soal jalan rusak hampir selalu muncul di setiap reses. "
                    "Karena itu, kami minta tambahan anggaran ini benar-benar diprioritaskan "
                    "untuk ruas-ruas yang kerusakannya paling parah,” ujar Bambang seusai rapat."
                ),
            ),
            (
                "quote",
                (
                    "Kami akan mengawal pelaksanaannya. Jangan sampai anggaran sudah disetujui, "
                    "tetapi pekerjaan baru dimulai menjelang akhir tahun sehingga hasilnya "
                    "asal-asalan."
                ),
                "Bambang Sutrisno, Ketua DPRD Pati",
            ),
            (
                "paragraph",
                (
                    "Sejumlah fraksi dalam pendapat akhirnya juga memberikan catatan. Mereka "
                    "meminta pemkab mempercepat proses lelang agar pekerjaan fisik tidak "
                    "menumpuk pada akhir tahun, serta memperhatikan layanan kesehatan dan "
                    "pendidikan di wilayah pinggiran."
                ),
            ),
            (
                "paragraph",
                (
                    "Sementara itu, Bagus Hermawan menyampaikan terima kasih atas persetujuan "
                    "dewan. Ia memastikan catatan fraksi akan menjadi perhatian dalam "
                    "pelaksanaan anggaran. “Setelah dievaluasi gubernur, kami segera "
                    "menindaklanjuti. OPD sudah kami minta menyiapkan dokumen pengadaan sejak "
                    "sekarang,” katanya."
                ),
            ),
        ],
        "tags": ["DPRD", "DPRD Pati", "APBD", "Pemkab Pati"],
        "reporters": ["hendra-wijaya"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 6,
        "updated_hours_ago": 3,
        "breaking_hours": None,
        "views": 1320,
        "image_motif": "parliament session",
    },
    {
        "slug": "polres-rembang-bekuk-dua-pengedar-sabu-bungkus-kopi",
        "title": (
            "Polres Rembang Bekuk Dua Pengedar Sabu, Barang Bukti Disamarkan dalam Bungkus Kopi"
        ),
        "section": "hukum",
        "dateline": "Rembang",
        "summary": (
            "Satresnarkoba Polres Rembang menangkap dua pria yang diduga mengedarkan "
            "sabu di wilayah pesisir. Polisi menyita puluhan paket kecil yang disamarkan "
            "dalam bungkus kopi saset."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Satuan Reserse Narkoba (Satresnarkoba) Polres Rembang menangkap dua pria "
                    "yang diduga menjadi pengedar sabu di wilayah pesisir Rembang. Keduanya "
                    "diamankan di dua lokasi berbeda dalam operasi yang berlangsung hingga dini "
                    "hari tadi."
                ),
            ),
            (
                "paragraph",
                (
                    "Kedua tersangka masing-masing berinisial RS (34), warga Kecamatan Sarang, "
                    "dan AM (29), warga Kecamatan Kragan. Dari tangan mereka, polisi menyita 42 "
                    "paket sabu siap edar dengan berat total sekitar 31 gram, sebuah timbangan "
                    "digital, serta dua unit telepon genggam."
                ),
            ),
            (
                "image",
                (
                    "Kasat Resnarkoba Polres Rembang menunjukkan barang bukti sabu yang "
                    "disamarkan dalam bungkus kopi saset saat konferensi pers di Mapolres "
                    "Rembang."
                ),
                "Warta/Yoga P.",
            ),
            (
                "paragraph",
                (
                    "Kasat Resnarkoba Polres Rembang, AKP Dwi Haryanto, mengatakan pengungkapan "
                    "berawal dari laporan warga yang resah dengan aktivitas mencurigakan di "
                    "sebuah rumah kontrakan. Petugas kemudian melakukan penyelidikan selama "
                    "sekitar dua pekan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Modusnya cukup rapi. Paket-paket sabu dimasukkan ke dalam bungkus kopi "
                    "saset yang sudah dibuka lalu direkatkan kembali, sehingga sekilas tampak "
                    "seperti barang dagangan biasa,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Dwi, kedua tersangka mengaku memperoleh barang dari seseorang yang "
                    "kini masih dalam pengejaran. Sabu itu rencananya diedarkan kepada pembeli "
                    "di sejumlah kecamatan di jalur pantura."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami masih mengembangkan kasus ini untuk mengungkap jaringan di atasnya. "
                    "Kami juga berterima kasih kepada warga yang berani melapor,” imbuhnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Atas perbuatannya, kedua tersangka dijerat Pasal 114 ayat (1) subsider "
                    "Pasal 112 ayat (1) Undang-Undang tentang Narkotika dengan ancaman hukuman "
                    "maksimal 20 tahun penjara."
                ),
            ),
        ],
        "tags": ["Polres Rembang", "Narkoba", "Kriminal"],
        "reporters": ["novita-sari"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 7,
        "updated_hours_ago": 4,
        "breaking_hours": None,
        "views": 2140,
        "image_motif": "police press conference",
    },
    {
        "slug": "muria-raya-fc-tundukkan-sinar-lasem-2-1",
        "title": "Muria Raya FC Tundukkan Sinar Lasem 2-1, Jaga Peluang Lolos Fase Grup",
        "section": "olahraga",
        "dateline": "Kudus",
        "summary": (
            "Gol di menit-menit akhir membawa Muria Raya FC menang 2-1 atas Sinar Lasem "
            "FC. Kemenangan ini menjaga asa tim asal Kudus itu untuk lolos dari fase "
            "grup."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Muria Raya FC meraih kemenangan penting saat menjamu Sinar Lasem FC dalam "
                    "lanjutan kompetisi Liga Amatir Jawa Tengah di Stadion Wergu Wetan, Kudus, "
                    "tadi malam. Tuan rumah menang tipis 2-1 lewat gol yang tercipta menjelang "
                    "laga berakhir."
                ),
            ),
            (
                "paragraph",
                (
                    "Muria Raya FC sebenarnya unggul lebih dulu pada menit ke-23 melalui "
                    "sundulan bek tengah Fajar Nugroho yang memanfaatkan sepak pojok. Namun, "
                    "Sinar Lasem mampu menyamakan kedudukan pada awal babak kedua lewat "
                    "tendangan jarak jauh gelandang Rio Saputra."
                ),
            ),
            (
                "paragraph",
                (
                    "Laga sempat berjalan keras setelah gol penyeimbang. Wasit mengeluarkan lima "
                    "kartu kuning, tiga di antaranya untuk pemain tamu. Gol kemenangan tuan "
                    "rumah akhirnya lahir pada menit ke-88 melalui penyerang muda Ilham Maulana "
                    "yang lolos dari kawalan dua bek lawan."
                ),
            ),
            (
                "image",
                (
                    "Penyerang Muria Raya FC, Ilham Maulana (kanan), merayakan gol kemenangan ke "
                    "gawang Sinar Lasem FC di Stadion Wergu Wetan, Kudus."
                ),
                "Warta/Budi S.",
            ),
            (
                "paragraph",
                (
                    "“Anak-anak bermain dengan hati. Kami sempat kehilangan fokus setelah "
                    "kebobolan, tetapi di babak kedua mereka mau bekerja keras sampai peluit "
                    "akhir,” ujar pelatih Muria Raya FC, Slamet Widodo, seusai pertandingan."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelatih Sinar Lasem FC, Anwar Hidayat, mengakui timnya kehilangan "
                    "konsentrasi di menit-menit akhir. “Kami kecewa karena sebenarnya sudah bisa "
                    "mencuri poin. Ini jadi pelajaran, karena di level ini satu kesalahan kecil "
                    "langsung dihukum,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Dengan hasil ini, Muria Raya FC mengoleksi tujuh poin dari empat laga dan "
                    "naik ke posisi kedua klasemen sementara grup. Pada laga berikutnya, mereka "
                    "akan bertandang ke markas Samin Putra FC di Blora."
                ),
            ),
        ],
        "tags": ["Sepak Bola", "Liga Amatir Jateng", "Muria Raya FC"],
        "reporters": ["dimas-prasetyo"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 9,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1780,
        "image_motif": "football stadium",
    },
    {
        "slug": "harga-cabai-rawit-pasar-puri-pati-tembus-rp70-ribu",
        "title": "Harga Cabai Rawit di Pasar Puri Pati Tembus Rp70 Ribu per Kilogram",
        "section": "ekonomi",
        "dateline": "Pati",
        "summary": (
            "Harga cabai rawit merah di Pasar Puri Pati naik hampir dua kali lipat dalam "
            "sepekan terakhir. Pedagang menyebut pasokan dari sentra produksi berkurang "
            "akibat cuaca."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Harga cabai rawit merah di Pasar Puri Pati terus merangkak naik dalam "
                    "sepekan terakhir. Pantauan di pasar tersebut pagi tadi, cabai rawit dijual "
                    "Rp70.000 per kilogram, padahal pekan lalu masih di kisaran Rp38.000 per "
                    "kilogram."
                ),
            ),
            (
                "paragraph",
                (
                    "Siti Aminah (47), pedagang sayur di Pasar Puri, mengatakan kenaikan harga "
                    "terjadi hampir setiap hari. Ia kini hanya berani menyetok cabai dalam "
                    "jumlah sedikit karena khawatir tidak laku."
                ),
            ),
            (
                "paragraph",
                (
                    "“Dari pengepul sudah mahal, jadi kami juga terpaksa menaikkan harga. "
                    "Pembeli banyak yang mengurangi belanjanya. Biasanya beli sekilo, sekarang "
                    "cuma seperempat,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Selain cabai rawit, harga cabai merah keriting juga naik dari Rp32.000 "
                    "menjadi Rp45.000 per kilogram. Sementara itu, harga bawang merah dan bawang "
                    "putih relatif stabil di kisaran Rp30.000 hingga Rp36.000 per kilogram."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Perdagangan dan Perindustrian (Disdagperin) Pati, Yuli Astuti, "
                    "menyebutkan kenaikan harga dipicu berkurangnya pasokan dari sentra produksi "
                    "akibat curah hujan tinggi yang membuat banyak tanaman cabai rusak."
                ),
            ),
            (
                "quote",
                (
                    "Kenaikan ini lebih karena faktor cuaca dan sifatnya musiman. Kami terus "
                    "memantau harga setiap hari dan berkoordinasi dengan daerah penghasil agar "
                    "pasokan tetap terjaga."
                ),
                "Yuli Astuti, Kepala Disdagperin Pati",
            ),
            (
                "paragraph",
                (
                    "Yuli menambahkan, pemkab bersama tim pengendalian inflasi daerah (TPID) "
                    "berencana menggelar gerakan pangan murah di sejumlah kecamatan apabila "
                    "harga terus naik. “Kami juga mengajak warga memanfaatkan pekarangan untuk "
                    "menanam cabai sendiri. Cara sederhana ini cukup membantu menekan "
                    "pengeluaran rumah tangga,” imbuhnya."
                ),
            ),
        ],
        "tags": ["Harga Pangan", "Pasar Tradisional", "Cuaca Ekstrem", "Pemkab Pati"],
        "reporters": ["agus-gunawan", "lukman-hidayat"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 12,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1450,
        "image_motif": "traditional market",
    },
    {
        "slug": "kejari-kudus-tahan-mantan-kades-tersangka-korupsi-dana-desa",
        "title": "Kejari Kudus Tahan Mantan Kepala Desa Tersangka Korupsi Dana Desa",
        "section": "hukum",
        "dateline": "Kudus",
        "summary": (
            "Seorang mantan kepala desa di Kecamatan Jekulo ditahan Kejari Kudus terkait "
            "dugaan penyimpangan dana desa. Kerugian negara ditaksir mencapai Rp612 "
            "juta."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Kejaksaan Negeri (Kejari) Kudus menahan seorang mantan kepala desa di "
                    "Kecamatan Jekulo berinisial SH (52) yang telah ditetapkan sebagai tersangka "
                    "dugaan korupsi dana desa. Tersangka ditahan seusai menjalani pemeriksaan "
                    "selama sekitar enam jam di kantor Kejari Kudus, hari ini."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Seksi Pidana Khusus (Kasi Pidsus) Kejari Kudus, Arif Rahman Hakim, "
                    "mengatakan penahanan dilakukan setelah penyidik mengantongi alat bukti yang "
                    "cukup. Tersangka ditahan selama 20 hari pertama di rumah tahanan negara "
                    "setempat."
                ),
            ),
            (
                "paragraph",
                (
                    "“Berdasarkan hasil perhitungan auditor, kerugian keuangan negara dalam "
                    "perkara ini mencapai sekitar Rp612 juta. Penahanan kami lakukan untuk "
                    "mempercepat proses penyidikan,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Arif, dugaan penyimpangan terjadi dalam pengelolaan dana desa "
                    "selama dua tahun anggaran. Sejumlah kegiatan pembangunan fisik, seperti "
                    "talut dan jalan lingkungan, diduga dilaporkan selesai padahal volume "
                    "pekerjaannya tidak sesuai. Ada pula kegiatan yang diduga fiktif."
                ),
            ),
            (
                "paragraph",
                (
                    "Penyidik telah memeriksa sedikitnya 24 saksi, mulai dari perangkat desa, "
                    "anggota badan permusyawaratan desa (BPD), hingga penyedia material "
                    "bangunan. Tidak menutup kemungkinan jumlah tersangka bertambah seiring "
                    "pengembangan penyidikan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami tidak berhenti pada satu orang. Siapa pun yang terbukti ikut "
                    "menikmati aliran dana akan kami mintai pertanggungjawaban,” tegas Arif."
                ),
            ),
            (
                "paragraph",
                (
                    "Tersangka dijerat Pasal 2 ayat (1) dan Pasal 3 Undang-Undang Pemberantasan "
                    "Tindak Pidana Korupsi. Kuasa hukum tersangka, Danang Prasetya, menyatakan "
                    "akan mendampingi kliennya selama proses hukum dan menghormati langkah "
                    "kejaksaan."
                ),
            ),
        ],
        "tags": ["Kejaksaan", "Korupsi", "Dana Desa"],
        "reporters": ["hendra-wijaya"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 14,
        "updated_hours_ago": 10,
        "breaking_hours": None,
        "views": 2380,
        "image_motif": "prosecutor office",
    },
    {
        "slug": "siswa-smk-blora-rancang-pengering-gabah-tenaga-surya",
        "title": "Siswa SMK di Blora Rancang Pengering Gabah Tenaga Surya untuk Petani",
        "section": "pendidikan",
        "dateline": "Blora",
        "summary": (
            "Lima siswa jurusan teknik ketenagalistrikan di Blora membuat alat pengering "
            "gabah bertenaga surya. Alat itu kini diuji coba kelompok tani di Kecamatan "
            "Jepon."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Lima siswa SMK Tunas Karya Blora merancang alat pengering gabah bertenaga "
                    "surya yang kini diuji coba Kelompok Tani Sri Rejeki di Kecamatan Jepon. "
                    "Alat tersebut dibuat untuk membantu petani mengeringkan gabah saat musim "
                    "hujan, ketika penjemuran di bawah terik matahari sulit dilakukan."
                ),
            ),
            (
                "paragraph",
                (
                    "Alat berbentuk rumah kaca mini berukuran 3 x 4 meter itu dilengkapi panel "
                    "surya, kipas penyedot udara lembap, serta sensor suhu. Dalam sekali proses, "
                    "alat dapat mengeringkan sekitar 300 kilogram gabah dalam waktu dua hari."
                ),
            ),
            (
                "image",
                (
                    "Siswa SMK Tunas Karya Blora memeriksa panel surya pada alat pengering gabah "
                    "buatan mereka di lahan kelompok tani di Kecamatan Jepon."
                ),
                "Warta/Siti F.",
            ),
            (
                "paragraph",
                (
                    "Ketua tim, Rizky Aditya (17), mengatakan ide pembuatan alat muncul saat ia "
                    "melihat orang tuanya kesulitan menjemur gabah ketika hujan turun hampir "
                    "setiap hari. Banyak gabah petani yang akhirnya berjamur dan terpaksa dijual "
                    "murah."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami ingin membuat sesuatu yang benar-benar dipakai warga, bukan hanya "
                    "untuk lomba. Bahannya kami pilih yang mudah didapat supaya petani bisa "
                    "memperbaiki sendiri kalau rusak,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Guru pembimbing, Nur Hidayati, menyebutkan pembuatan alat memakan waktu "
                    "sekitar empat bulan dengan biaya kurang dari Rp9 juta. Sebagian dana "
                    "berasal dari anggaran praktik sekolah, sisanya sumbangan alumni."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua Kelompok Tani Sri Rejeki, Paijan (58), mengaku terbantu dengan adanya "
                    "alat tersebut. “Kalau dijemur biasa dan hujan terus, gabah bisa seminggu "
                    "belum kering. Dengan alat ini, dua hari sudah bisa digiling,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Pihak sekolah berencana mendaftarkan karya tersebut untuk memperoleh "
                    "perlindungan hak kekayaan intelektual. Sekolah juga membuka kerja sama "
                    "pembuatan alat serupa bagi kelompok tani lain yang berminat."
                ),
            ),
        ],
        "tags": ["SMK", "Pelajar", "Pemkab Blora"],
        "reporters": ["siti-fatimah"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 15,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 890,
        "image_motif": "students workshop",
    },
    {
        "slug": "gelombang-tinggi-ratusan-nelayan-rembang-tidak-melaut",
        "title": "Gelombang Tinggi, Ratusan Nelayan di Rembang Pilih Tidak Melaut",
        "section": "daerah/rembang",
        "dateline": "Rembang",
        "summary": (
            "Gelombang tinggi di perairan utara Jawa membuat ratusan nelayan kecil di "
            "Rembang menambatkan perahu. Pemkab mendata keluarga nelayan terdampak untuk "
            "disalurkan bantuan beras."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Ratusan nelayan kecil di Kabupaten Rembang memilih tidak melaut dalam "
                    "beberapa hari terakhir akibat gelombang tinggi di perairan utara Jawa. "
                    "Perahu-perahu tampak ditambatkan berjajar di sepanjang pelabuhan pendaratan "
                    "ikan, sementara sebagian nelayan memanfaatkan waktu untuk memperbaiki "
                    "jaring."
                ),
            ),
            (
                "paragraph",
                (
                    "Kasmuri (51), nelayan asal Desa Tasikagung, Kecamatan Rembang, mengatakan "
                    "sudah lima hari tidak berangkat melaut. Menurutnya, tinggi gelombang yang "
                    "mencapai dua meter terlalu berbahaya bagi perahu berukuran kecil."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kalau dipaksakan, risikonya besar. Perahu kami kecil, mesinnya juga tidak "
                    "kuat melawan ombak. Lebih baik menunggu cuaca tenang meskipun tidak ada "
                    "pemasukan,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Kondisi tersebut membuat pasokan ikan di tempat pelelangan ikan (TPI) "
                    "menurun. Harga ikan segar seperti tongkol dan kembung di pasaran pun naik "
                    "sekitar Rp5.000 hingga Rp8.000 per kilogram."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Kelautan dan Perikanan (Dinlutkan) Rembang, Teguh Santoso, "
                    "mengimbau nelayan selalu memperhatikan peringatan dini cuaca dari BMKG "
                    "sebelum berangkat. Ia juga meminta nelayan melengkapi perahu dengan jaket "
                    "pelampung."
                ),
            ),
            (
                "paragraph",
                (
                    "“Keselamatan nomor satu. Kami sudah menyampaikan informasi prakiraan "
                    "gelombang melalui kelompok nelayan setiap hari,” katanya. Teguh "
                    "menambahkan, pemkab tengah mendata keluarga nelayan terdampak untuk "
                    "disalurkan bantuan beras dari cadangan pangan pemerintah daerah."
                ),
            ),
        ],
        "tags": ["Nelayan", "Cuaca Ekstrem", "Pemkab Rembang"],
        "reporters": ["novita-sari"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 18,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1010,
        "image_motif": "fishing boats",
    },
    {
        "slug": "jembatan-randublatung-kradenan-mulai-dibangun-ulang",
        "title": "Jembatan Penghubung Randublatung–Kradenan Mulai Dibangun Ulang",
        "section": "daerah/blora",
        "dateline": "Blora",
        "summary": (
            "Jembatan penghubung dua kecamatan di Blora yang rusak tergerus arus sungai "
            "mulai dibangun ulang. Pekerjaan ditargetkan rampung dalam 150 hari "
            "kalender."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Pemerintah Kabupaten Blora mulai membangun ulang jembatan penghubung "
                    "Kecamatan Randublatung dan Kecamatan Kradenan yang rusak akibat tergerus "
                    "arus sungai. Selama ini, warga terpaksa memutar sejauh belasan kilometer "
                    "untuk menuju pusat kecamatan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR) Blora, Agung "
                    "Wicaksono, mengatakan jembatan baru dibangun dengan konstruksi beton "
                    "bertulang sepanjang 30 meter dan lebar 6 meter. Anggaran yang disiapkan "
                    "sekitar Rp4,2 miliar dari APBD."
                ),
            ),
            (
                "paragraph",
                (
                    "“Jembatan lama memang sudah tidak layak. Fondasinya tergerus dan beberapa "
                    "kali harus ditutup saat banjir. Jembatan baru kami rancang lebih tinggi "
                    "agar aman dari luapan sungai,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Selama pembangunan, kendaraan roda dua dapat melintasi jembatan darurat "
                    "yang dibangun di sisi timur. Adapun kendaraan roda empat dialihkan melalui "
                    "jalur alternatif."
                ),
            ),
            (
                "quote",
                (
                    "Dulu anak-anak berangkat sekolah harus memutar lewat jalan hutan. Kalau "
                    "jembatan ini jadi, waktu tempuhnya bisa dipangkas separuh."
                ),
                "Suparman, warga Kecamatan Randublatung",
            ),
            (
                "paragraph",
                (
                    "Warga menyambut baik dimulainya pembangunan. Suparman (45), warga setempat, "
                    "berharap pekerjaan selesai tepat waktu. “Jembatan ini urat nadi ekonomi "
                    "warga. Hasil panen jagung dan kayu dari desa kami lewat sini semua,” "
                    "katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Agung menargetkan pekerjaan rampung dalam 150 hari kalender. Ia meminta "
                    "kontraktor pelaksana menjaga mutu pekerjaan dan memasang rambu keselamatan "
                    "di sekitar lokasi proyek."
                ),
            ),
        ],
        "tags": ["Pemkab Blora", "Infrastruktur", "Banjir"],
        "reporters": ["siti-fatimah"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 20,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 740,
        "image_motif": "river bridge",
    },
    {
        "slug": "pameran-ukir-jepara-perajin-muda-unjuk-kebolehan",
        "title": "Pameran Ukir Jepara Digelar Sepekan, Perajin Muda Unjuk Kebolehan",
        "section": "daerah",
        "dateline": "Jepara",
        "summary": (
            "Puluhan perajin ukir dari berbagai desa di Jepara memamerkan karya dalam "
            "pameran yang digelar selama sepekan. Perajin muda mendapat ruang khusus "
            "untuk memperkenalkan desain baru."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Sebanyak 64 perajin ukir dari berbagai desa di Kabupaten Jepara memamerkan "
                    "karya mereka dalam pameran kerajinan ukir yang dibuka di kawasan alun-alun "
                    "Jepara, hari ini. Pameran berlangsung selama sepekan dan terbuka untuk umum "
                    "tanpa dipungut biaya."
                ),
            ),
            (
                "paragraph",
                (
                    "Beragam produk dipamerkan, mulai dari relief, patung, kursi dan meja "
                    "berukir, hingga aksesori rumah berukuran kecil yang menyasar pembeli muda. "
                    "Sejumlah stan juga menampilkan demonstrasi mengukir secara langsung."
                ),
            ),
            (
                "image",
                (
                    "Seorang perajin muda menyelesaikan ukiran relief di salah satu stan pameran "
                    "ukir di alun-alun Jepara."
                ),
                "Warta/Budi S.",
            ),
            (
                "paragraph",
                (
                    "Ketua panitia pameran, Hery Wibowo, mengatakan tahun ini panitia "
                    "menyediakan ruang khusus bagi perajin berusia di bawah 30 tahun. Langkah "
                    "itu diambil karena regenerasi perajin ukir dinilai semakin mendesak."
                ),
            ),
            (
                "paragraph",
                (
                    "“Banyak anak muda yang sebenarnya punya keterampilan, tetapi belum punya "
                    "tempat untuk menunjukkan karyanya. Di sini mereka bisa bertemu langsung "
                    "dengan pembeli dan pengusaha mebel,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satu perajin muda, Dewi Anggraini (24), memamerkan hiasan dinding "
                    "bermotif flora bergaya sederhana. Ia mengaku sudah menerima beberapa "
                    "pesanan dari pengunjung sejak hari pertama. “Orang sekarang suka ukiran "
                    "yang tidak terlalu ramai. Jadi saya padukan motif khas Jepara dengan desain "
                    "yang lebih bersih,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Panitia menargetkan nilai transaksi selama pameran mencapai Rp1,5 miliar, "
                    "termasuk kontrak pemesanan dari pembeli luar daerah."
                ),
            ),
        ],
        "tags": ["UMKM", "Pariwisata", "Kerajinan"],
        "reporters": ["lukman-hidayat"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 22,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 680,
        "image_motif": "wood carving",
    },
    {
        "slug": "pesanan-batik-lasem-meningkat-perajin-kekurangan-pembatik",
        "title": "Pesanan Batik Lasem Meningkat, Perajin Kewalahan Cari Tenaga Pembatik",
        "section": "ekonomi",
        "dateline": "Rembang",
        "summary": (
            "Perajin batik tulis Lasem menerima lonjakan pesanan dari luar daerah. "
            "Namun, keterbatasan tenaga pembatik membuat sebagian pesanan terpaksa "
            "ditolak."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Perajin batik tulis di Kecamatan Lasem, Kabupaten Rembang, tengah "
                    "kebanjiran pesanan dalam dua bulan terakhir. Permintaan datang dari "
                    "berbagai kota, mulai dari Semarang, Surabaya, hingga Jakarta, sebagian "
                    "besar untuk seragam kantor dan kebutuhan hajatan."
                ),
            ),
            (
                "paragraph",
                (
                    "Pemilik rumah batik Sekar Lasem, Melani Tanuwijaya (56), mengatakan jumlah "
                    "pesanan yang ia terima naik hampir dua kali lipat dibandingkan periode yang "
                    "sama tahun lalu. Namun, ia tidak bisa menerima semua pesanan karena "
                    "keterbatasan tenaga pembatik."
                ),
            ),
            (
                "image",
                (
                    "Pembatik menorehkan malam pada kain di sebuah rumah batik di Kecamatan "
                    "Lasem, Rembang."
                ),
                "Warta/Novita S.",
            ),
            (
                "paragraph",
                (
                    "“Membatik tulis itu butuh keterampilan dan kesabaran. Anak-anak muda "
                    "sekarang lebih memilih bekerja di pabrik karena gajinya pasti. Pembatik "
                    "saya kebanyakan sudah berusia di atas 50 tahun,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Satu lembar kain batik tulis Lasem dengan motif rumit membutuhkan waktu "
                    "pengerjaan dua hingga tiga bulan. Harga jualnya berkisar Rp500.000 hingga "
                    "jutaan rupiah per lembar, tergantung tingkat kerumitan dan jenis pewarnaan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Perindustrian dan Perdagangan (Dinperindag) Rembang, Sri "
                    "Wahyuningsih, mengatakan pemkab telah menyiapkan pelatihan membatik bagi "
                    "generasi muda, terutama lulusan SMA dan SMK yang belum bekerja. Pelatihan "
                    "akan digelar bersama paguyuban perajin batik."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami ingin batik Lasem tidak hanya dikenal, tetapi juga punya penerus. "
                    "Peserta pelatihan nantinya bisa langsung disalurkan ke rumah-rumah batik "
                    "yang membutuhkan tenaga,” imbuhnya."
                ),
            ),
        ],
        "tags": ["UMKM", "Batik Lasem", "Pemkab Rembang"],
        "reporters": ["novita-sari"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 26,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1120,
        "image_motif": "batik workshop",
    },
    {
        "slug": "dprd-kudus-bahas-raperda-cadangan-pangan",
        "title": "DPRD Kudus Bahas Raperda Cadangan Pangan, Petani Minta Dilibatkan",
        "section": "politik",
        "dateline": "Kudus",
        "summary": (
            "Panitia khusus DPRD Kudus mulai membahas rancangan peraturan daerah tentang "
            "cadangan pangan. Kelompok tani meminta gabah mereka diserap untuk mengisi "
            "cadangan pangan daerah."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Panitia Khusus (Pansus) DPRD Kabupaten Kudus mulai membahas Rancangan "
                    "Peraturan Daerah (Raperda) tentang Penyelenggaraan Cadangan Pangan "
                    "Pemerintah Daerah. Dalam rapat dengar pendapat yang digelar kemarin, pansus "
                    "mengundang perwakilan kelompok tani, pedagang beras, dan organisasi "
                    "perangkat daerah terkait."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua Pansus, Nur Cholis, mengatakan raperda tersebut diperlukan sebagai "
                    "payung hukum bagi pemkab dalam menyediakan cadangan pangan untuk menghadapi "
                    "bencana, gejolak harga, maupun kondisi darurat lainnya."
                ),
            ),
            (
                "paragraph",
                (
                    "“Selama ini cadangan pangan kita masih terbatas dan pengaturannya belum "
                    "rinci. Dengan perda, jumlah minimal cadangan, mekanisme pengadaan, hingga "
                    "penyalurannya menjadi jelas,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Perwakilan Kelompok Tani Ngudi Makmur, Sutikno, meminta pemkab mengutamakan "
                    "pembelian gabah dan beras dari petani lokal untuk mengisi cadangan pangan. "
                    "Menurutnya, langkah itu sekaligus dapat menjaga harga gabah saat panen "
                    "raya."
                ),
            ),
            (
                "paragraph",
                (
                    "“Jangan sampai cadangan pangan daerah diisi dari luar, sementara gabah "
                    "petani Kudus dibeli murah oleh tengkulak ketika panen,” tegasnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Pansus menargetkan pembahasan raperda rampung dalam dua bulan. Nur Cholis "
                    "menyebutkan pansus juga akan menampung masukan tertulis dari masyarakat "
                    "sebelum draf akhir dibawa ke rapat paripurna."
                ),
            ),
        ],
        "tags": ["DPRD", "DPRD Kudus", "Ketahanan Pangan", "Pertanian"],
        "reporters": ["hendra-wijaya", "rizal-fahmi"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 28,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 540,
        "image_motif": "meeting room",
    },
    {
        "slug": "disdukcapil-pati-jemput-bola-rekam-ktp-el-lansia-difabel",
        "title": "Disdukcapil Pati Jemput Bola Rekam KTP-el bagi Warga Lansia dan Difabel",
        "section": "daerah/pati",
        "dateline": "Pati",
        "summary": (
            "Petugas Disdukcapil Pati mendatangi rumah warga lanjut usia dan penyandang "
            "disabilitas untuk perekaman KTP elektronik. Layanan ini menyasar warga yang "
            "kesulitan datang ke kantor."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kabupaten Pati "
                    "menggencarkan layanan jemput bola perekaman kartu tanda penduduk elektronik "
                    "(KTP-el) bagi warga lanjut usia dan penyandang disabilitas. Petugas "
                    "mendatangi langsung rumah warga yang tidak bisa datang ke kantor dinas "
                    "maupun kecamatan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Disdukcapil Pati, Endang Suryani, mengatakan layanan tersebut "
                    "menyasar sekitar 1.200 warga yang hingga kini belum melakukan perekaman. "
                    "Sebagian besar merupakan warga lansia yang sakit menahun dan penyandang "
                    "disabilitas."
                ),
            ),
            (
                "paragraph",
                (
                    "“Mereka juga berhak atas dokumen kependudukan. Tanpa KTP-el, warga bisa "
                    "kesulitan mengakses layanan kesehatan, bantuan sosial, hingga urusan "
                    "perbankan,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Dalam sehari, tim jemput bola dapat melayani 15 hingga 20 warga, tergantung "
                    "jarak antarrumah. Data warga sasaran diperoleh dari laporan pemerintah desa "
                    "dan kader posyandu lansia."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satu warga yang mendapat layanan, Sumirah (81), warga Kecamatan "
                    "Tlogowungu, tampak semringah saat petugas merekam sidik jari dan memotret "
                    "wajahnya di ruang tamu rumahnya. Anaknya, Suwarno (54), mengaku sudah lama "
                    "ingin mengurus KTP-el ibunya, tetapi terkendala kondisi fisik. “Ibu sudah "
                    "tidak kuat duduk lama, apalagi antre. Alhamdulillah sekarang petugas datang "
                    "ke rumah,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Endang meminta pemerintah desa aktif melaporkan warga yang membutuhkan "
                    "layanan serupa. Ia menegaskan layanan jemput bola tidak dipungut biaya apa "
                    "pun. “Kalau ada yang meminta uang dengan alasan apa pun, segera laporkan "
                    "kepada kami,” tegasnya."
                ),
            ),
        ],
        "tags": ["Pemkab Pati", "Pelayanan Publik"],
        "reporters": ["agus-gunawan"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 30,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 620,
        "image_motif": "public service office",
    },
    {
        "slug": "disdikpora-kudus-sosialisasikan-penerimaan-murid-baru",
        "title": "Disdikpora Kudus Sosialisasikan Penerimaan Murid Baru kepada Orang Tua",
        "section": "pendidikan",
        "dateline": "Kudus",
        "summary": (
            "Orang tua calon murid SD dan SMP di Kudus diminta memahami jalur dan jadwal "
            "penerimaan murid baru. Disdikpora membuka posko pengaduan di setiap "
            "kecamatan."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dinas Pendidikan, Kepemudaan, dan Olahraga (Disdikpora) Kabupaten Kudus "
                    "menggelar sosialisasi sistem penerimaan murid baru jenjang SD dan SMP "
                    "kepada orang tua calon murid. Sosialisasi digelar bergiliran di sembilan "
                    "kecamatan agar informasi sampai secara merata."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Disdikpora Kudus, Siti Khotimah, mengatakan penerimaan murid baru "
                    "tahun ini dibuka melalui empat jalur, yakni domisili, afirmasi, mutasi, dan "
                    "prestasi. Orang tua diminta memahami persyaratan setiap jalur sejak jauh "
                    "hari."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami tidak ingin ada orang tua yang baru panik saat pendaftaran dibuka. "
                    "Dokumen seperti kartu keluarga, akta kelahiran, dan bukti prestasi "
                    "sebaiknya disiapkan dari sekarang,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Siti menegaskan seluruh proses penerimaan murid baru di sekolah negeri "
                    "tidak dipungut biaya. Ia meminta orang tua tidak mudah percaya kepada pihak "
                    "yang menjanjikan kursi di sekolah tertentu dengan imbalan uang."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kalau ada yang menawarkan jalan belakang, itu pasti tidak benar. Silakan "
                    "laporkan ke posko pengaduan kami,” tegasnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Disdikpora Kudus membuka posko pengaduan di kantor dinas dan di setiap "
                    "koordinator wilayah pendidikan kecamatan. Orang tua juga dapat mengakses "
                    "informasi melalui laman resmi penerimaan murid baru serta layanan "
                    "percakapan daring yang disediakan dinas."
                ),
            ),
        ],
        "tags": ["Penerimaan Murid Baru", "Sekolah", "Pemkab Kudus"],
        "reporters": ["rizal-fahmi"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 32,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1340,
        "image_motif": "school classroom",
    },
    {
        "slug": "pemkab-kudus-benahi-jalur-menuju-kawasan-wisata-colo",
        "title": "Pemkab Kudus Benahi Jalur Menuju Kawasan Wisata Colo",
        "section": "daerah/kudus",
        "dateline": "Kudus",
        "summary": (
            "Perbaikan jalan dan penataan kantong parkir di jalur menuju kawasan wisata "
            "Colo mulai dikerjakan. Pemkab ingin lonjakan wisatawan pada akhir pekan "
            "tertangani tanpa kemacetan."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Pemerintah Kabupaten Kudus mulai membenahi jalur menuju kawasan wisata Colo "
                    "di lereng Gunung Muria, Kecamatan Dawe. Pekerjaan meliputi pelebaran di "
                    "sejumlah tikungan tajam, perbaikan drainase, serta penataan kantong parkir "
                    "bagi kendaraan wisatawan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Kebudayaan dan Pariwisata (Disbudpar) Kudus, Ahmad Fauzan, "
                    "mengatakan kawasan Colo menjadi salah satu tujuan utama wisatawan dan "
                    "peziarah. Pada akhir pekan dan musim liburan, jumlah kunjungan bisa "
                    "mencapai belasan ribu orang per hari."
                ),
            ),
            (
                "paragraph",
                (
                    "“Selama ini keluhan yang paling sering kami terima soal kemacetan dan "
                    "parkir. Bus besar kesulitan naik, sementara parkir liar memakan badan "
                    "jalan. Itu yang ingin kami urai,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Fauzan, kantong parkir baru akan dibangun di bagian bawah kawasan. "
                    "Dari titik tersebut, wisatawan dapat melanjutkan perjalanan menggunakan "
                    "angkutan wisata maupun ojek yang dikelola warga setempat."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelaku usaha di kawasan Colo berharap pembenahan tidak mematikan usaha "
                    "kecil di sepanjang jalur. Ketua paguyuban pedagang setempat, Muhammad "
                    "Sholeh, meminta pedagang dilibatkan dalam penataan. “Kami mendukung, "
                    "asalkan pedagang kecil tetap diberi tempat. Jangan sampai wisatawan "
                    "langsung diangkut ke atas dan warung-warung di bawah jadi sepi,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Pemkab Kudus menargetkan pekerjaan tahap pertama rampung sebelum musim "
                    "liburan akhir tahun. Selama pengerjaan, pengguna jalan diimbau berhati-hati "
                    "karena ada penyempitan lajur di beberapa titik."
                ),
            ),
        ],
        "tags": ["Pemkab Kudus", "Pariwisata", "Infrastruktur"],
        "reporters": ["rizal-fahmi"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 33,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 910,
        "image_motif": "mountain road",
    },
    {
        "slug": "warga-pesisir-rembang-tanam-10000-bibit-mangrove",
        "title": "Warga Pesisir Rembang Tanam 10.000 Bibit Mangrove untuk Tahan Abrasi",
        "section": "daerah/rembang",
        "dateline": "Rembang",
        "summary": (
            "Warga, pelajar, dan relawan menanam 10.000 bibit mangrove di pesisir "
            "Kaliori, Rembang. Abrasi telah menggerus lahan tambak warga dalam beberapa "
            "tahun terakhir."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Ratusan warga, pelajar, dan relawan lingkungan menanam 10.000 bibit "
                    "mangrove di kawasan pesisir Kecamatan Kaliori, Kabupaten Rembang. Penanaman "
                    "dilakukan untuk menahan laju abrasi yang dalam beberapa tahun terakhir "
                    "menggerus lahan tambak milik warga."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua Kelompok Masyarakat Pengawas (Pokmaswas) setempat, Rohmadi (48), "
                    "mengatakan garis pantai di wilayahnya mundur cukup jauh. Sejumlah petak "
                    "tambak bahkan kini sudah berubah menjadi laut."
                ),
            ),
            (
                "image",
                ("Warga dan pelajar menanam bibit mangrove di pesisir Kecamatan Kaliori, Rembang."),
                "Warta/Novita S.",
            ),
            (
                "paragraph",
                (
                    "“Dulu dari tambak ke bibir pantai masih ada jarak puluhan meter. Sekarang "
                    "ombak sudah langsung menghantam pematang. Kalau dibiarkan, tambak-tambak "
                    "lain akan menyusul hilang,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Bibit bakau ditanam di sepanjang sekitar satu kilometer garis pantai. Untuk "
                    "melindungi bibit dari hantaman ombak, warga memasang pemecah gelombang "
                    "sederhana dari bambu di bagian depan area penanaman."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Lingkungan Hidup Rembang, Hartono, mengatakan penanaman "
                    "mangrove merupakan cara alami dan murah untuk melindungi pesisir. Namun, "
                    "keberhasilannya sangat bergantung pada perawatan setelah penanaman."
                ),
            ),
            (
                "paragraph",
                (
                    "“Menanam itu mudah, yang sulit merawat. Kami minta kelompok warga memantau "
                    "bibit secara rutin dan menyulam yang mati. Kami akan membantu penyediaan "
                    "bibit pengganti,” imbuhnya."
                ),
            ),
        ],
        "tags": ["Lingkungan", "Nelayan", "Pemkab Rembang"],
        "reporters": ["novita-sari"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 35,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 580,
        "image_motif": "mangrove coast",
    },
    {
        "slug": "terdakwa-penipuan-arisan-daring-pati-divonis-tiga-tahun",
        "title": "Terdakwa Penipuan Arisan Daring di Pati Divonis Tiga Tahun Penjara",
        "section": "hukum",
        "dateline": "Pati",
        "summary": (
            "Majelis hakim Pengadilan Negeri Pati menjatuhkan vonis tiga tahun penjara "
            "kepada terdakwa penipuan berkedok arisan daring. Puluhan korban merugi "
            "hingga Rp1,3 miliar."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Majelis hakim Pengadilan Negeri (PN) Pati menjatuhkan vonis tiga tahun "
                    "penjara kepada NR (31), terdakwa kasus penipuan berkedok arisan dan "
                    "investasi daring. Putusan dibacakan dalam sidang terbuka untuk umum di "
                    "ruang sidang utama PN Pati, kemarin."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua majelis hakim, Yohanes Setiadi, menyatakan terdakwa terbukti secara "
                    "sah dan meyakinkan bersalah melakukan tindak pidana penipuan secara "
                    "berlanjut sebagaimana dakwaan alternatif pertama jaksa penuntut umum."
                ),
            ),
            (
                "paragraph",
                (
                    "Vonis tersebut lebih ringan dari tuntutan jaksa yang sebelumnya meminta "
                    "majelis hakim menghukum terdakwa tiga tahun enam bulan penjara. Hal yang "
                    "meringankan, terdakwa dinilai bersikap sopan selama persidangan dan telah "
                    "mengembalikan sebagian uang korban."
                ),
            ),
            (
                "paragraph",
                (
                    "Dalam perkara ini, terdakwa menawarkan arisan dengan keuntungan hingga 30 "
                    "persen dalam waktu satu bulan melalui grup aplikasi percakapan. Pada "
                    "awalnya, keuntungan dibayarkan lancar sehingga semakin banyak peserta yang "
                    "bergabung. Namun, sejak beberapa bulan lalu pembayaran macet dan terdakwa "
                    "sulit dihubungi."
                ),
            ),
            (
                "quote",
                (
                    "Awalnya saya hanya ikut satu nomor. Karena lancar, saya ajak saudara dan "
                    "teman-teman. Sekarang saya yang ikut menanggung malu."
                ),
                "Rina, salah seorang korban",
            ),
            (
                "paragraph",
                (
                    "Berdasarkan fakta persidangan, tercatat 57 orang menjadi korban dengan "
                    "total kerugian sekitar Rp1,3 miliar. Sebagian besar korban merupakan ibu "
                    "rumah tangga dan pedagang kecil di wilayah Pati dan sekitarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Jaksa penuntut umum dari Kejari Pati, Galih Pramudya, menyatakan masih "
                    "pikir-pikir atas putusan tersebut. Sikap serupa disampaikan penasihat hukum "
                    "terdakwa. “Kami punya waktu tujuh hari untuk menentukan sikap, apakah "
                    "menerima atau mengajukan banding,” ujar Galih."
                ),
            ),
            (
                "paragraph",
                (
                    "Sejumlah korban yang mengikuti jalannya sidang mengaku kecewa dengan vonis "
                    "tersebut. Mereka berharap sisa uang yang belum dikembalikan dapat "
                    "dipulihkan melalui gugatan perdata."
                ),
            ),
        ],
        "tags": ["Pengadilan", "Penipuan", "Kriminal"],
        "reporters": ["agus-gunawan", "hendra-wijaya"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 38,
        "updated_hours_ago": 30,
        "breaking_hours": None,
        "views": 1890,
        "image_motif": "court building",
    },
    {
        "slug": "turnamen-voli-antardesa-pati-diikuti-48-tim",
        "title": "Turnamen Voli Antardesa di Pati Diikuti 48 Tim, Pencari Bakat Ikut Memantau",
        "section": "olahraga",
        "dateline": "Pati",
        "summary": (
            "Turnamen bola voli antardesa di Kecamatan Juwana diikuti 48 tim putra dan "
            "putri. Pengurus cabang olahraga memanfaatkan ajang ini untuk menjaring "
            "atlet muda."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Turnamen bola voli antardesa se-Kabupaten Pati resmi bergulir di lapangan "
                    "voli Desa Bumirejo, Kecamatan Juwana. Sebanyak 48 tim, terdiri atas 32 tim "
                    "putra dan 16 tim putri, ambil bagian dalam turnamen yang berlangsung selama "
                    "dua pekan tersebut."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua panitia, Joko Susilo, mengatakan antusiasme warga sangat tinggi. "
                    "Setiap malam, ratusan penonton memadati pinggir lapangan untuk menyaksikan "
                    "tim desa mereka bertanding."
                ),
            ),
            (
                "image",
                (
                    "Pemain tim putri Desa Bumirejo melepaskan smes dalam laga pembuka turnamen "
                    "bola voli antardesa di Kecamatan Juwana, Pati."
                ),
                "Warta/Yoga P.",
            ),
            (
                "paragraph",
                (
                    "“Voli ini olahraga rakyat di Pati. Hampir setiap desa punya lapangan dan "
                    "tim sendiri. Turnamen seperti ini sekaligus menjadi hiburan murah bagi "
                    "warga,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Turnamen tersebut juga dipantau pengurus cabang olahraga bola voli "
                    "Kabupaten Pati. Mereka mencari bibit atlet muda yang akan dibina sebagai "
                    "persiapan menghadapi kejuaraan tingkat provinsi."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami menemukan beberapa pemain berusia 15 sampai 17 tahun yang postur dan "
                    "teknik dasarnya bagus. Mereka akan kami undang untuk mengikuti seleksi "
                    "pemusatan latihan,” kata pengurus cabang olahraga bola voli Pati, Heru "
                    "Santosa."
                ),
            ),
            (
                "paragraph",
                (
                    "Panitia menyediakan total hadiah Rp25 juta bagi para juara, termasuk "
                    "penghargaan bagi pemain terbaik putra dan putri. Laga final dijadwalkan "
                    "digelar pada akhir pekan depan."
                ),
            ),
        ],
        "tags": ["Bola Voli", "Pemkab Pati"],
        "reporters": ["agus-gunawan"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 40,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 530,
        "image_motif": "volleyball court",
    },
    {
        "slug": "komisi-c-dprd-rembang-sidak-proyek-pasar-pekerjaan-molor",
        "title": "Komisi C DPRD Rembang Sidak Proyek Pasar, Temukan Pekerjaan Molor",
        "section": "politik",
        "dateline": "Rembang",
        "summary": (
            "Komisi C DPRD Rembang menemukan progres pembangunan pasar tradisional di "
            "Kecamatan Sulang tertinggal dari jadwal. Dewan meminta kontraktor menambah "
            "tenaga kerja."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Komisi C DPRD Kabupaten Rembang menggelar inspeksi mendadak (sidak) ke "
                    "proyek pembangunan pasar tradisional di Kecamatan Sulang. Dalam sidak "
                    "tersebut, dewan menemukan progres pekerjaan tertinggal dari jadwal yang "
                    "telah ditetapkan dalam kontrak."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua Komisi C DPRD Rembang, Muhammad Arifin, mengatakan berdasarkan "
                    "laporan pengawas, progres pekerjaan baru mencapai sekitar 41 persen. "
                    "Padahal, sesuai jadwal, pekerjaan semestinya sudah melampaui 55 persen."
                ),
            ),
            (
                "paragraph",
                (
                    "“Ada keterlambatan sekitar 14 persen. Ini harus segera dikejar. Kami minta "
                    "kontraktor menambah tenaga kerja dan jam kerja, jangan sampai pedagang "
                    "terlalu lama berjualan di tempat penampungan sementara,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Selain keterlambatan, komisi juga menyoroti kualitas beberapa bagian "
                    "bangunan. Anggota Komisi C, Nurul Hidayah, meminta konsultan pengawas lebih "
                    "ketat memeriksa material yang digunakan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami melihat ada beberapa bagian plesteran yang sudah retak padahal baru "
                    "dikerjakan. Ini perlu diperiksa agar tidak menjadi masalah di kemudian "
                    "hari,” tegasnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelaksana lapangan dari pihak kontraktor, Yusuf, mengakui adanya "
                    "keterlambatan akibat cuaca dan pasokan material yang sempat tersendat. Ia "
                    "berjanji menambah pekerja dan memberlakukan sistem kerja bergilir hingga "
                    "malam hari agar pekerjaan selesai tepat waktu."
                ),
            ),
            (
                "paragraph",
                (
                    "Sementara itu, pedagang yang menempati pasar sementara berharap bangunan "
                    "baru segera dapat ditempati. Mereka mengeluhkan turunnya jumlah pembeli "
                    "sejak berjualan di lokasi penampungan yang aksesnya kurang strategis."
                ),
            ),
        ],
        "tags": ["DPRD", "DPRD Rembang", "Pasar Tradisional", "Infrastruktur"],
        "reporters": ["novita-sari"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 42,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 610,
        "image_motif": "market construction",
    },
    {
        "slug": "pesilat-blora-jalani-pemusatan-latihan-jelang-porprov",
        "title": "Pesilat Blora Jalani Pemusatan Latihan Jelang Porprov Jateng",
        "section": "olahraga",
        "dateline": "Blora",
        "summary": (
            "Sebanyak 14 pesilat Blora menjalani pemusatan latihan untuk persiapan Pekan "
            "Olahraga Provinsi Jawa Tengah. Pelatih menargetkan minimal tiga medali "
            "emas."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Sebanyak 14 pesilat asal Kabupaten Blora menjalani pemusatan latihan daerah "
                    "(pelatda) sebagai persiapan menghadapi Pekan Olahraga Provinsi (Porprov) "
                    "Jawa Tengah. Latihan dipusatkan di gedung olahraga setempat dengan jadwal "
                    "enam hari dalam sepekan."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelatih kepala tim pencak silat Blora, Purwaningsih, mengatakan para atlet "
                    "menjalani latihan fisik pada pagi hari serta latihan teknik dan tanding "
                    "pada sore hari. Program latihan disusun bertahap hingga mendekati hari "
                    "pertandingan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Target kami minimal tiga medali emas. Anak-anak sudah menunjukkan "
                    "perkembangan yang bagus, terutama di kelas tanding putri,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Purwaningsih, tim pencak silat Blora juga menjalani uji tanding "
                    "dengan tim dari daerah tetangga untuk mengasah mental bertanding. Hasil uji "
                    "tanding akan menjadi bahan evaluasi sebelum penentuan komposisi akhir "
                    "atlet."
                ),
            ),
            (
                "paragraph",
                (
                    "Komite Olahraga Nasional Indonesia (KONI) Blora menyatakan telah "
                    "mengalokasikan anggaran untuk kebutuhan pelatda, termasuk uang saku, asupan "
                    "gizi, dan perlengkapan atlet. Pengurus berharap pencak silat kembali "
                    "menjadi lumbung medali bagi kontingen Blora."
                ),
            ),
        ],
        "tags": ["Pencak Silat", "Porprov", "Pemkab Blora"],
        "reporters": ["siti-fatimah"],
        "editor": "ratna-kusumawati",
        "credit_line": "Kantor Berita Lintas Muria",
        "hours_ago": 44,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 470,
        "image_motif": "martial arts",
    },
    {
        "slug": "harga-kopi-muria-naik-petani-tambah-lahan-tanam",
        "title": "Harga Kopi Muria Naik, Petani di Lereng Gunung Muria Tambah Tanaman",
        "section": "ekonomi",
        "dateline": "Kudus",
        "summary": (
            "Kenaikan harga biji kopi membuat petani di lereng Gunung Muria bergairah. "
            "Sebagian mulai menambah populasi tanaman dan mengolah kopi sendiri agar "
            "nilai jualnya lebih tinggi."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Petani kopi di lereng Gunung Muria, Kecamatan Dawe, Kabupaten Kudus, tengah "
                    "menikmati kenaikan harga biji kopi. Harga kopi robusta petik merah dalam "
                    "bentuk biji kering kini mencapai Rp60.000 per kilogram, naik dibandingkan "
                    "musim panen sebelumnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketua Kelompok Tani Kopi Sumber Rejeki, Ngatmin (55), mengatakan kenaikan "
                    "harga membuat petani semakin bersemangat merawat kebun. Sebagian anggota "
                    "kelompok bahkan mulai menambah bibit di lahan yang sebelumnya ditanami "
                    "tanaman semusim."
                ),
            ),
            (
                "paragraph",
                (
                    "“Dulu banyak yang membiarkan kebun kopi tidak terurus karena harganya "
                    "jatuh. Sekarang mereka mulai memangkas, memupuk, dan hanya memetik buah "
                    "yang merah,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Selain menjual biji mentah, sejumlah petani muda juga mengolah kopi menjadi "
                    "bubuk dan biji sangrai dengan kemasan sendiri. Produk tersebut dipasarkan "
                    "melalui media sosial dan kedai-kedai kopi di Kudus dan sekitarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satunya, Fikri Ramadhan (28), yang mengelola usaha sangrai kopi "
                    "bersama lima rekannya. Menurut dia, nilai jual kopi sangrai bisa dua hingga "
                    "tiga kali lipat dibandingkan biji mentah. “Kuncinya di kualitas petik dan "
                    "proses pascapanen. Kopi Muria punya karakter rasa yang khas, tinggal "
                    "bagaimana kita menjaganya,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Dinas Pertanian dan Pangan Kudus menyatakan akan memperluas pendampingan "
                    "budi daya dan pascapanen bagi kelompok tani kopi. Pendampingan itu "
                    "diharapkan mampu meningkatkan produktivitas sekaligus kualitas kopi Muria."
                ),
            ),
        ],
        "tags": ["Kopi Muria", "UMKM", "Pertanian"],
        "reporters": ["lukman-hidayat"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 45,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 760,
        "image_motif": "coffee plantation",
    },
    {
        "slug": "ratusan-guru-pppk-pati-terima-sk",
        "title": (
            "Ratusan Guru PPPK di Pati Terima SK, Diminta Siap Bertugas di Sekolah Pinggiran"
        ),
        "section": "pendidikan",
        "dateline": "Pati",
        "summary": (
            "Sebanyak 412 guru yang lolos seleksi PPPK di Kabupaten Pati menerima surat "
            "keputusan pengangkatan. Pemkab meminta mereka siap bertugas di sekolah yang "
            "kekurangan guru."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Sebanyak 412 guru yang lolos seleksi pegawai pemerintah dengan perjanjian "
                    "kerja (PPPK) di Kabupaten Pati menerima surat keputusan (SK) pengangkatan "
                    "dalam acara yang digelar di Pendopo Kabupaten Pati, kemarin. Sebagian besar "
                    "dari mereka sebelumnya telah mengabdi bertahun-tahun sebagai guru honorer."
                ),
            ),
            (
                "paragraph",
                (
                    "Sekda Pati, Bagus Hermawan, meminta para guru yang baru diangkat menjaga "
                    "komitmen dan integritas. Ia juga mengingatkan bahwa penempatan guru "
                    "disesuaikan dengan kebutuhan sekolah, termasuk di wilayah pinggiran yang "
                    "selama ini kekurangan tenaga pengajar."
                ),
            ),
            (
                "paragraph",
                (
                    "“Status boleh berubah, tetapi semangat mengabdi jangan sampai luntur. "
                    "Justru sekarang tanggung jawabnya lebih besar karena bapak dan ibu digaji "
                    "oleh negara,” ujarnya."
                ),
            ),
            (
                "quote",
                (
                    "Saya mengajar sebagai honorer selama 14 tahun. Hari ini rasanya seperti "
                    "mimpi, semua kesabaran itu terbayar."
                ),
                "Murtini, guru SD di Kecamatan Sukolilo",
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Pendidikan dan Kebudayaan (Disdikbud) Pati, Mashuri, "
                    "mengatakan pengangkatan ratusan guru PPPK tersebut belum sepenuhnya menutup "
                    "kekurangan guru di Pati. Berdasarkan data dinas, kebutuhan guru SD dan SMP "
                    "negeri masih kurang sekitar 900 orang akibat banyaknya guru yang memasuki "
                    "masa pensiun."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami akan terus mengusulkan formasi kepada pemerintah pusat. Sambil "
                    "menunggu, pemerataan guru antarsekolah kami lakukan agar tidak ada sekolah "
                    "yang kekurangan terlalu parah,” imbuhnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Suasana haru mewarnai penyerahan SK. Sejumlah guru tampak meneteskan air "
                    "mata saat menerima map berisi surat keputusan. Murtini (46), guru SD di "
                    "Kecamatan Sukolilo, mengaku telah menanti momen tersebut selama "
                    "bertahun-tahun. “Terima kasih kepada keluarga yang selalu mendukung. Saya "
                    "akan terus mengajar sebaik-baiknya,” katanya."
                ),
            ),
        ],
        "tags": ["Guru", "PPPK", "Sekolah", "Pemkab Pati"],
        "reporters": ["agus-gunawan"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 47,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 1560,
        "image_motif": "teachers ceremony",
    },
    {
        "slug": "warga-desa-hutan-blora-dilatih-budi-daya-lebah-madu",
        "title": "Warga Desa Hutan di Blora Dilatih Budi Daya Lebah Madu",
        "section": "daerah/blora",
        "dateline": "Blora",
        "summary": (
            "Warga desa di sekitar kawasan hutan jati Blora mengikuti pelatihan budi "
            "daya lebah madu. Usaha ini diharapkan menjadi sumber penghasilan tambahan "
            "tanpa merusak hutan."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Puluhan warga desa di sekitar kawasan hutan jati Kecamatan Jiken, Kabupaten "
                    "Blora, mengikuti pelatihan budi daya lebah madu. Pelatihan diselenggarakan "
                    "pemerintah kecamatan bersama lembaga masyarakat desa hutan (LMDH) setempat."
                ),
            ),
            (
                "paragraph",
                (
                    "Camat Jiken, Sukardi, mengatakan kawasan hutan jati yang dikelilingi bunga "
                    "liar dan lahan pertanian sangat cocok untuk budi daya lebah. Selain itu, "
                    "usaha tersebut tidak membutuhkan lahan luas dan modal besar."
                ),
            ),
            (
                "paragraph",
                (
                    "“Warga desa hutan selama ini banyak bergantung pada pekerjaan musiman. "
                    "Dengan beternak lebah, mereka bisa punya penghasilan tambahan sambil tetap "
                    "menjaga hutan,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Dalam pelatihan, peserta diajari cara membuat kotak sarang, memindahkan "
                    "koloni, merawat lebah, hingga memanen madu secara higienis. Setiap kelompok "
                    "peserta juga mendapat bantuan sepuluh kotak sarang beserta koloni lebah."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelatih budi daya lebah, Wagiman (52), yang sudah belasan tahun menekuni "
                    "usaha tersebut, menyebutkan satu kotak sarang bisa menghasilkan satu hingga "
                    "dua kilogram madu setiap kali panen. Harga madu murni di pasaran mencapai "
                    "Rp150.000 per kilogram."
                ),
            ),
            (
                "paragraph",
                (
                    "“Yang penting sabar dan telaten. Lebah itu tidak boleh sering diganggu. "
                    "Kalau dirawat dengan benar, hasilnya bisa diandalkan,” katanya."
                ),
            ),
        ],
        "tags": ["Pemkab Blora", "UMKM", "Pemberdayaan Desa", "Hutan Jati"],
        "reporters": ["siti-fatimah"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 75,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 450,
        "image_motif": "teak forest",
    },
    {
        "slug": "harga-garam-rakyat-anjlok-petambak-rembang-timbun-panen",
        "title": "Harga Garam Rakyat Anjlok, Petambak di Rembang Pilih Timbun Hasil Panen",
        "section": "ekonomi",
        "dateline": "Rembang",
        "summary": (
            "Harga garam di tingkat petambak Rembang turun ke kisaran Rp600 per "
            "kilogram. Petambak memilih menyimpan garam di gudang sambil menunggu harga "
            "membaik."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Petambak garam di Kabupaten Rembang mengeluhkan anjloknya harga garam "
                    "rakyat. Saat ini garam krosok di tingkat petambak hanya dihargai sekitar "
                    "Rp600 per kilogram, turun dari Rp1.000 per kilogram pada awal musim "
                    "produksi."
                ),
            ),
            (
                "paragraph",
                (
                    "Suwarto (50), petambak garam di Kecamatan Kaliori, mengatakan harga "
                    "tersebut tidak sebanding dengan biaya produksi, mulai dari sewa lahan, upah "
                    "pekerja, hingga ongkos angkut. Ia memilih menyimpan hasil panen di gudang "
                    "sambil menunggu harga naik."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kalau dijual sekarang, kami rugi. Untuk menutup ongkos produksi saja, "
                    "harganya minimal harus Rp800 per kilogram. Jadi lebih baik ditimbun dulu,” "
                    "ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Suwarto, harga jatuh karena stok garam dari musim sebelumnya masih "
                    "menumpuk di gudang-gudang pengepul. Di sisi lain, penyerapan garam rakyat "
                    "oleh industri masih terbatas."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinlutkan Rembang, Teguh Santoso, mengatakan pemkab tengah berupaya "
                    "mempertemukan kelompok petambak dengan industri pengolahan garam. Petambak "
                    "juga didorong meningkatkan kualitas garam agar memenuhi standar kebutuhan "
                    "industri."
                ),
            ),
            (
                "paragraph",
                (
                    "“Garam yang bersih dengan kadar natrium klorida tinggi harganya jauh lebih "
                    "baik. Kami sudah memperkenalkan penggunaan geomembran dan rumah prisma "
                    "kepada kelompok petambak untuk meningkatkan kualitas,” katanya."
                ),
            ),
        ],
        "tags": ["Petambak Garam", "Harga Pangan", "Pemkab Rembang"],
        "reporters": ["novita-sari", "lukman-hidayat"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 80,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 540,
        "image_motif": "salt ponds",
    },
    {
        "slug": "serapan-anggaran-rendah-dprd-jepara-minta-opd-tak-tunda-lelang",
        "title": "Serapan Anggaran Rendah, DPRD Jepara Minta OPD Tak Tunda Lelang",
        "section": "politik",
        "dateline": "Jepara",
        "summary": (
            "DPRD Jepara menyoroti rendahnya serapan belanja daerah hingga pertengahan "
            "tahun. Dewan khawatir pekerjaan fisik menumpuk di akhir tahun anggaran."
        ),
        "body": [
            (
                "paragraph",
                (
                    "DPRD Kabupaten Jepara menyoroti rendahnya serapan anggaran belanja daerah "
                    "hingga pertengahan tahun. Berdasarkan laporan yang diterima dewan, "
                    "realisasi belanja baru mencapai sekitar 38 persen dari total anggaran."
                ),
            ),
            (
                "paragraph",
                (
                    "Wakil Ketua DPRD Jepara, Sudarsono, mengatakan rendahnya serapan terutama "
                    "terjadi pada belanja modal, seperti pembangunan jalan, gedung, dan "
                    "fasilitas umum. Banyak paket pekerjaan yang proses lelangnya belum dimulai."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kalau lelang baru dimulai di semester kedua, pekerjaan akan menumpuk di "
                    "akhir tahun. Biasanya hasilnya tidak maksimal karena dikerjakan "
                    "terburu-buru,” ujarnya seusai rapat kerja dengan tim anggaran pemerintah "
                    "daerah."
                ),
            ),
            (
                "paragraph",
                (
                    "Dewan meminta setiap organisasi perangkat daerah (OPD) menyusun jadwal "
                    "pelaksanaan kegiatan yang realistis dan melaporkan perkembangannya secara "
                    "berkala. OPD dengan serapan terendah akan dipanggil dalam rapat kerja "
                    "berikutnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menanggapi hal itu, Kepala Badan Keuangan dan Aset Daerah Jepara, Puji "
                    "Rahayu, menyebutkan sebagian keterlambatan disebabkan penyesuaian dokumen "
                    "perencanaan. Ia memastikan percepatan lelang dilakukan dalam beberapa pekan "
                    "ke depan. “Kami sudah menginstruksikan OPD segera mengunggah paket "
                    "pekerjaan. Target kami, serapan di akhir tahun di atas 90 persen,” katanya."
                ),
            ),
        ],
        "tags": ["DPRD", "DPRD Jepara", "APBD"],
        "reporters": ["hendra-wijaya"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 90,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 420,
        "image_motif": "government building",
    },
    {
        "slug": "saluran-irigasi-dinormalisasi-petani-pati-selatan-percepat-tanam",
        "title": ("Saluran Irigasi Dinormalisasi, Petani di Pati Selatan Siap Percepat Masa Tanam"),
        "section": "daerah/pati",
        "dateline": "Pati",
        "summary": (
            "Normalisasi saluran irigasi sepanjang sekitar enam kilometer di wilayah "
            "selatan Pati rampung dikerjakan. Petani berharap pasokan air ke sawah lebih "
            "lancar pada musim tanam mendatang."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Normalisasi saluran irigasi sepanjang sekitar enam kilometer di wilayah "
                    "Kecamatan Kayen dan Sukolilo, Kabupaten Pati, rampung dikerjakan. Petani di "
                    "kawasan tersebut kini bersiap mempercepat masa tanam karena aliran air ke "
                    "sawah diperkirakan lebih lancar."
                ),
            ),
            (
                "paragraph",
                (
                    "Selama bertahun-tahun, saluran tersebut mengalami pendangkalan akibat "
                    "sedimentasi dan tumpukan sampah. Saat musim tanam, air kerap tidak sampai "
                    "ke petak sawah di bagian hilir sehingga petani harus menyedot air "
                    "menggunakan pompa."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR) Pati, Wiwik "
                    "Handayani, mengatakan normalisasi dilakukan dengan mengeruk sedimen, "
                    "memperbaiki tanggul saluran yang jebol, serta mengganti pintu air yang "
                    "rusak."
                ),
            ),
            (
                "paragraph",
                (
                    "“Dengan normalisasi ini, kami perkirakan sekitar 1.100 hektare sawah bisa "
                    "terairi lebih baik. Petani bisa menghemat biaya pompa yang selama ini cukup "
                    "besar,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Sarmin (60), petani asal Kecamatan Kayen, menyambut baik perbaikan "
                    "tersebut. Menurutnya, biaya bahan bakar pompa bisa menghabiskan ratusan "
                    "ribu rupiah setiap musim. “Kalau air lancar, kami bisa tanam serempak. Hama "
                    "juga lebih mudah dikendalikan kalau tanamnya bareng,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Wiwik berharap petani dan pemerintah desa ikut menjaga saluran agar tidak "
                    "kembali dangkal. Ia meminta warga tidak membuang sampah ke saluran irigasi "
                    "dan rutin bergotong royong membersihkan saluran tersier."
                ),
            ),
        ],
        "tags": ["Pemkab Pati", "Pertanian", "Irigasi"],
        "reporters": ["agus-gunawan"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 100,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 430,
        "image_motif": "rice field",
    },
    {
        "slug": "angkut-kayu-jati-curian-tiga-pria-diringkus-di-blora",
        "title": "Angkut Kayu Jati Curian pada Malam Hari, Tiga Pria Diringkus Polisi di Blora",
        "section": "hukum",
        "dateline": "Blora",
        "summary": (
            "Polisi bersama petugas polisi hutan menghentikan sebuah truk bermuatan kayu "
            "jati tanpa dokumen di Blora. Tiga pria diamankan berikut 27 batang kayu."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Jajaran Satreskrim Polres Blora bersama petugas polisi hutan meringkus tiga "
                    "pria yang diduga mengangkut kayu jati hasil curian. Ketiganya ditangkap "
                    "saat melintas dengan truk bermuatan kayu di jalan desa wilayah Kecamatan "
                    "Todanan pada malam hari."
                ),
            ),
            (
                "paragraph",
                (
                    "Ketiga tersangka masing-masing berinisial KS (41), BD (37), dan SW (29), "
                    "semuanya warga Blora. Dari truk yang mereka kendarai, petugas menemukan 27 "
                    "batang kayu jati berbagai ukuran yang tidak dilengkapi dokumen sah."
                ),
            ),
            (
                "paragraph",
                (
                    "Kasat Reskrim Polres Blora, AKP Bayu Kurniawan, mengatakan penangkapan "
                    "bermula dari informasi petugas patroli hutan yang menemukan bekas tebangan "
                    "baru di petak hutan setempat. Petugas kemudian melakukan pengintaian di "
                    "jalur yang diduga digunakan untuk mengangkut kayu."
                ),
            ),
            (
                "paragraph",
                (
                    "“Saat dihentikan, sopir tidak bisa menunjukkan dokumen asal-usul kayu. Dari "
                    "hasil pemeriksaan, kayu itu diduga kuat berasal dari penebangan liar di "
                    "kawasan hutan,” ujarnya."
                ),
            ),
            (
                "quote",
                (
                    "Kami tidak akan memberi ruang bagi pencurian kayu. Hutan jati ini milik "
                    "bersama dan menjadi penyangga kehidupan warga Blora."
                ),
                "AKP Bayu Kurniawan, Kasat Reskrim Polres Blora",
            ),
            (
                "paragraph",
                (
                    "Bayu menambahkan, para tersangka diduga sudah beberapa kali melakukan aksi "
                    "serupa. Kayu hasil curian rencananya dijual kepada penadah di luar daerah. "
                    "Polisi masih memburu pemodal dan penadah yang diduga terlibat."
                ),
            ),
            (
                "paragraph",
                (
                    "Para tersangka dijerat Undang-Undang tentang Pencegahan dan Pemberantasan "
                    "Perusakan Hutan dengan ancaman hukuman maksimal lima tahun penjara."
                ),
            ),
        ],
        "tags": ["Polres Blora", "Hutan Jati", "Kriminal"],
        "reporters": ["siti-fatimah"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 110,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 980,
        "image_motif": "teak logs",
    },
    {
        "slug": "seribu-pelari-ramaikan-lomba-lari-jelajah-kota-pusaka-lasem",
        "title": "Seribu Pelari Ramaikan Lomba Lari Jelajah Kota Pusaka Lasem",
        "section": "olahraga",
        "dateline": "Rembang",
        "summary": (
            "Sekitar seribu pelari dari berbagai daerah mengikuti lomba lari yang "
            "melintasi kawasan bangunan bersejarah di Lasem. Panitia menyebut ajang ini "
            "sebagai cara memperkenalkan wisata sejarah."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Sekitar seribu pelari dari berbagai daerah ambil bagian dalam Lomba Lari "
                    "Jelajah Kota Pusaka Lasem di Kabupaten Rembang. Peserta menempuh rute "
                    "sejauh 5 kilometer dan 10 kilometer yang melintasi kawasan permukiman lama, "
                    "kelenteng, pondok pesantren, dan rumah-rumah batik."
                ),
            ),
            (
                "paragraph",
                (
                    "Lomba dimulai pukul 05.30 WIB dari alun-alun Lasem. Sepanjang rute, warga "
                    "berdiri di depan rumah untuk menyemangati peserta, sementara kelompok "
                    "kesenian setempat menampilkan barongsai dan rebana di sejumlah titik."
                ),
            ),
            (
                "image",
                (
                    "Peserta lomba lari melintasi kawasan permukiman lama bercorak Tionghoa di "
                    "Lasem, Rembang."
                ),
                "Warta/Yoga P.",
            ),
            (
                "paragraph",
                (
                    "Ketua panitia, Andreas Setiawan, mengatakan lomba lari tersebut tidak "
                    "dirancang semata-mata sebagai ajang olahraga. Menurutnya, rute sengaja "
                    "dipilih agar peserta mengenal kekayaan sejarah dan keberagaman budaya "
                    "Lasem."
                ),
            ),
            (
                "paragraph",
                (
                    "“Banyak peserta yang baru pertama kali ke Lasem. Harapan kami, mereka "
                    "kembali lagi bersama keluarga untuk berwisata, berbelanja batik, dan "
                    "mencicipi kuliner khas di sini,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Juara kategori 10 kilometer putra diraih Dani Nugraha asal Semarang dengan "
                    "catatan waktu 33 menit 48 detik, sedangkan kategori putri dimenangi Lestari "
                    "Ningsih asal Pati dengan waktu 39 menit 12 detik."
                ),
            ),
            (
                "paragraph",
                (
                    "Pelaku usaha di sekitar rute ikut merasakan dampaknya. Sejumlah warung "
                    "makan dan toko batik dipadati pengunjung seusai lomba."
                ),
            ),
        ],
        "tags": ["Lari", "Pariwisata", "Pemkab Rembang"],
        "reporters": ["dimas-prasetyo"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 120,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 510,
        "image_motif": "running race",
    },
    {
        "slug": "kader-posyandu-kudus-dilatih-deteksi-dini-stunting",
        "title": "Kader Posyandu di Kudus Dilatih Deteksi Dini Stunting",
        "section": "daerah/kudus",
        "dateline": "Kudus",
        "summary": (
            "Ratusan kader posyandu di Kudus mengikuti pelatihan pengukuran tinggi dan "
            "berat badan balita. Pelatihan ini bertujuan agar kasus stunting terdeteksi "
            "sejak dini."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dinas Kesehatan Kabupaten Kudus melatih 270 kader posyandu dari sembilan "
                    "kecamatan untuk meningkatkan kemampuan deteksi dini stunting pada balita. "
                    "Pelatihan digelar bertahap selama tiga hari di aula dinas kesehatan."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Kesehatan Kudus, dr. Retno Wulandari, mengatakan pengukuran "
                    "yang tepat menjadi kunci penanganan stunting. Kesalahan kecil dalam "
                    "mengukur tinggi badan bisa membuat anak yang berisiko luput dari "
                    "penanganan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kader adalah ujung tombak. Kalau cara mengukurnya benar dan pencatatannya "
                    "rapi, kami bisa segera memberikan intervensi kepada anak yang "
                    "pertumbuhannya mulai melambat,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Dalam pelatihan, para kader mempraktikkan cara menggunakan alat ukur "
                    "panjang badan untuk bayi dan alat ukur tinggi badan untuk balita. Mereka "
                    "juga dilatih membaca grafik pertumbuhan dan memberikan penyuluhan gizi "
                    "kepada orang tua."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satu peserta, Musyarofah (39), kader posyandu dari Kecamatan Gebog, "
                    "mengaku mendapat banyak ilmu baru. “Ternyata posisi anak saat diukur sangat "
                    "berpengaruh. Selama ini kami belum terlalu memperhatikan itu,” katanya."
                ),
            ),
            (
                "paragraph",
                (
                    "Retno menambahkan, dinas kesehatan juga menyalurkan alat ukur antropometri "
                    "baru ke seluruh posyandu. Ia berharap angka stunting di Kudus dapat terus "
                    "ditekan melalui kerja sama antara tenaga kesehatan, kader, dan pemerintah "
                    "desa."
                ),
            ),
        ],
        "tags": ["Pemkab Kudus", "Kesehatan", "Stunting"],
        "reporters": ["rizal-fahmi"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 130,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 390,
        "image_motif": "health clinic",
    },
    {
        "slug": "warga-bantaran-bengawan-solo-bojonegoro-usulkan-jembatan",
        "title": "Warga Bantaran Bengawan Solo Usulkan Jembatan Pengganti Perahu Penyeberangan",
        "section": "daerah",
        "dateline": "Bojonegoro",
        "summary": (
            "Warga dua desa di tepi Bengawan Solo mengusulkan pembangunan jembatan. "
            "Selama ini mereka mengandalkan perahu penyeberangan untuk bekerja dan "
            "bersekolah."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Warga dua desa di tepi Sungai Bengawan Solo, Kabupaten Bojonegoro, Jawa "
                    "Timur, mengusulkan pembangunan jembatan penghubung untuk menggantikan "
                    "perahu penyeberangan yang selama ini menjadi akses tercepat ke seberang "
                    "sungai. Usulan itu disampaikan dalam musyawarah perencanaan pembangunan "
                    "(musrenbang) tingkat kecamatan."
                ),
            ),
            (
                "paragraph",
                (
                    "Setiap hari, ratusan warga, termasuk pelajar dan pedagang, menyeberang "
                    "dengan perahu kayu bermesin untuk bekerja, bersekolah, maupun berbelanja ke "
                    "pasar. Tarif sekali menyeberang Rp3.000 untuk pejalan kaki dan Rp5.000 "
                    "untuk pengendara sepeda motor."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala desa setempat, Suyanto, mengatakan penyeberangan dengan perahu "
                    "menjadi berisiko ketika debit sungai naik pada musim hujan. Operasional "
                    "perahu kerap dihentikan sementara sehingga warga harus memutar lebih dari "
                    "20 kilometer."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami sudah beberapa kali mengusulkan, mudah-mudahan tahun ini mendapat "
                    "perhatian. Jembatan ini bukan hanya untuk desa kami, tetapi juga "
                    "memperlancar ekonomi warga di kedua sisi sungai,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Pemerintah kecamatan menyatakan akan meneruskan usulan tersebut ke tingkat "
                    "kabupaten. Namun, pembangunan jembatan di atas Bengawan Solo membutuhkan "
                    "kajian teknis dan anggaran yang tidak sedikit sehingga kemungkinan harus "
                    "melibatkan pemerintah provinsi maupun pusat."
                ),
            ),
        ],
        "tags": ["Infrastruktur", "Bengawan Solo"],
        "reporters": ["siti-fatimah"],
        "editor": "eko-darmawan",
        "credit_line": "Kantor Berita Lintas Muria",
        "hours_ago": 150,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 620,
        "image_motif": "river ferry",
    },
    {
        "slug": "umkm-kuliner-semarang-didorong-urus-sertifikat-halal-gratis",
        "title": "Pelaku UMKM Kuliner di Semarang Didorong Urus Sertifikat Halal Gratis",
        "section": "ekonomi",
        "dateline": "Semarang",
        "summary": (
            "Masih banyak pelaku usaha mikro kuliner di Semarang yang belum memiliki "
            "sertifikat halal. Pemerintah kota membuka pendampingan gratis bagi usaha "
            "mikro yang memenuhi syarat."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Pelaku usaha mikro dan kecil di bidang kuliner di Kota Semarang didorong "
                    "segera mengurus sertifikat halal melalui program sertifikasi halal gratis "
                    "bagi usaha mikro. Pendampingan dibuka di sejumlah kelurahan dengan "
                    "melibatkan pendamping proses produk halal."
                ),
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Koperasi dan Usaha Mikro Kota Semarang, Anita Puspitasari, "
                    "mengatakan masih banyak pelaku usaha kuliner yang belum memiliki sertifikat "
                    "halal. Padahal, sertifikat itu menjadi syarat penting agar produk dapat "
                    "masuk ke toko modern dan pasar yang lebih luas."
                ),
            ),
            (
                "paragraph",
                (
                    "“Banyak pelaku usaha yang mengira mengurus sertifikat halal itu rumit dan "
                    "mahal. Untuk usaha mikro yang memenuhi syarat, prosesnya bisa melalui "
                    "pernyataan pelaku usaha dengan pendampingan, tanpa biaya,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Ia menjelaskan, pelaku usaha cukup menyiapkan nomor induk berusaha (NIB), "
                    "daftar bahan baku, serta alur proses produksi. Pendamping akan membantu "
                    "memverifikasi bahan dan proses produksi sebelum pengajuan diteruskan."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satu pelaku usaha, Ernawati (43), penjual lumpia rumahan di Kecamatan "
                    "Semarang Tengah, mengaku baru mengetahui adanya program tersebut dari "
                    "petugas kelurahan. “Saya ingin produk saya bisa dititipkan di pusat "
                    "oleh-oleh. Katanya harus ada sertifikat halal, jadi sekarang saya urus,” "
                    "katanya."
                ),
            ),
        ],
        "tags": ["UMKM", "Sertifikasi Halal"],
        "reporters": ["lukman-hidayat"],
        "editor": "ratna-kusumawati",
        "credit_line": "Kantor Berita Lintas Muria",
        "hours_ago": 170,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 690,
        "image_motif": "food stall",
    },
    {
        "slug": "perpustakaan-keliling-sambangi-sekolah-pelosok-rembang",
        "title": (
            "Perpustakaan Keliling Sambangi Sekolah Pelosok Rembang, Siswa Antusias Pinjam Buku"
        ),
        "section": "pendidikan",
        "dateline": "Rembang",
        "summary": (
            "Mobil perpustakaan keliling menyambangi sekolah dasar di wilayah pelosok "
            "Rembang secara bergiliran. Program ini diharapkan menumbuhkan minat baca "
            "anak di daerah yang jauh dari perpustakaan."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dinas Arsip dan Perpustakaan Kabupaten Rembang mengoperasikan mobil "
                    "perpustakaan keliling yang menyambangi sekolah dasar di wilayah pelosok "
                    "secara bergiliran. Setiap pekan, mobil tersebut mendatangi empat hingga "
                    "lima sekolah di kecamatan yang jauh dari pusat kota."
                ),
            ),
            (
                "paragraph",
                (
                    "Saat mobil perpustakaan tiba di halaman sebuah SD di Kecamatan Bulu, "
                    "puluhan siswa langsung berhamburan keluar kelas. Mereka antre memilih buku "
                    "cerita, komik pendidikan, hingga buku pengetahuan tentang hewan dan "
                    "tumbuhan."
                ),
            ),
            (
                "image",
                (
                    "Siswa sekolah dasar memilih buku di mobil perpustakaan keliling yang "
                    "singgah di Kecamatan Bulu, Rembang."
                ),
                "Warta/Novita S.",
            ),
            (
                "paragraph",
                (
                    "Kepala Dinas Arsip dan Perpustakaan Rembang, Sulistyowati, mengatakan "
                    "program tersebut menyasar sekolah yang belum memiliki perpustakaan memadai. "
                    "Koleksi buku di mobil keliling diganti secara berkala agar siswa tidak "
                    "bosan."
                ),
            ),
            (
                "paragraph",
                (
                    "“Minat baca anak sebenarnya tinggi, yang kurang itu akses terhadap buku "
                    "yang menarik. Kalau bukunya didekatkan, anak-anak akan membaca dengan "
                    "sendirinya,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Siswa boleh meminjam buku dan mengembalikannya saat mobil perpustakaan "
                    "datang kembali dua pekan kemudian. Guru kelas ikut membantu mencatat "
                    "peminjaman dan mengingatkan siswa untuk menjaga buku."
                ),
            ),
            (
                "paragraph",
                (
                    "Salah satu guru, Endah Kurniasih, menyebutkan kehadiran perpustakaan "
                    "keliling membawa suasana baru di sekolahnya. “Anak-anak jadi "
                    "menunggu-nunggu hari kedatangan mobil perpustakaan. Ada yang sampai minta "
                    "dibacakan cerita di kelas,” katanya."
                ),
            ),
        ],
        "tags": ["Literasi", "Sekolah", "Pelajar", "Pemkab Rembang"],
        "reporters": ["novita-sari"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 180,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 350,
        "image_motif": "mobile library",
    },
    {
        "slug": "operasi-keselamatan-lalu-lintas-pati-pelanggar-didominasi-pelajar",
        "title": "Operasi Keselamatan Lalu Lintas di Pati, Pelanggar Didominasi Pelajar",
        "section": "hukum",
        "dateline": "Pati",
        "summary": (
            "Satlantas Polres Pati mencatat ratusan pelanggaran selama sepekan operasi "
            "keselamatan. Pengendara di bawah umur dan tanpa helm menjadi temuan "
            "terbanyak."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Satuan Lalu Lintas (Satlantas) Polres Pati mencatat 684 pelanggaran lalu "
                    "lintas selama sepekan pelaksanaan operasi keselamatan. Dari jumlah "
                    "tersebut, sebagian besar pelanggar merupakan pelajar yang belum memiliki "
                    "surat izin mengemudi (SIM)."
                ),
            ),
            (
                "paragraph",
                (
                    "Kasat Lantas Polres Pati, AKP Dian Safitri, mengatakan pelanggaran "
                    "terbanyak adalah pengendara sepeda motor tidak memakai helm, berboncengan "
                    "lebih dari satu orang, dan pengendara di bawah umur."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami prihatin karena banyak pelajar SMP yang sudah dibiarkan membawa "
                    "sepeda motor ke sekolah. Padahal secara usia mereka belum boleh mengemudi "
                    "dan belum matang secara emosi,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Menurut Dian, operasi kali ini lebih mengedepankan edukasi. Pelanggar dari "
                    "kalangan pelajar diberi teguran dan pembinaan, sementara orang tua mereka "
                    "dipanggil untuk menandatangani surat pernyataan."
                ),
            ),
            (
                "paragraph",
                (
                    "Selain razia di jalan, petugas juga mendatangi sekolah-sekolah untuk "
                    "memberikan penyuluhan keselamatan berlalu lintas. Polres Pati meminta pihak "
                    "sekolah tidak menyediakan tempat parkir bagi siswa yang belum cukup umur."
                ),
            ),
            (
                "paragraph",
                (
                    "“Keselamatan anak-anak adalah tanggung jawab bersama. Orang tua jangan "
                    "bangga anaknya sudah bisa naik motor, karena taruhannya nyawa,” tegasnya."
                ),
            ),
        ],
        "tags": ["Polres Pati", "Lalu Lintas", "Pelajar"],
        "reporters": ["agus-gunawan"],
        "editor": "eko-darmawan",
        "credit_line": "",
        "hours_ago": 200,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 870,
        "image_motif": "traffic police",
    },
    {
        "slug": "bumi-mina-tani-fc-tunjuk-pelatih-baru",
        "title": "Bumi Mina Tani FC Tunjuk Pelatih Baru, Targetkan Lolos ke Putaran Kedua",
        "section": "olahraga",
        "dateline": "Pati",
        "summary": (
            "Klub asal Pati, Bumi Mina Tani FC, resmi menunjuk pelatih baru menjelang "
            "kompetisi. Manajemen mematok target lolos ke putaran kedua Liga Amatir Jawa "
            "Tengah."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Manajemen Bumi Mina Tani FC resmi menunjuk Rudy Hartanto sebagai pelatih "
                    "kepala untuk mengarungi kompetisi Liga Amatir Jawa Tengah musim ini. "
                    "Penunjukan diumumkan dalam acara perkenalan tim di Pati."
                ),
            ),
            (
                "paragraph",
                (
                    "Rudy bukan sosok asing di sepak bola Pati. Mantan gelandang yang pernah "
                    "memperkuat sejumlah klub di Jawa Tengah itu sebelumnya melatih tim usia "
                    "muda dan membawa tim pelajar Pati menjuarai turnamen tingkat provinsi."
                ),
            ),
            (
                "paragraph",
                (
                    "Manajer Bumi Mina Tani FC, Fauzi Rahman, mengatakan penunjukan Rudy "
                    "didasarkan pada pemahamannya terhadap karakter pemain lokal. Sebagian besar "
                    "skuad musim ini memang diisi pemain asli Pati."
                ),
            ),
            (
                "paragraph",
                (
                    "“Kami ingin membangun tim dengan tulang punggung putra daerah. Rudy paham "
                    "betul potensi pemain-pemain muda Pati,” ujarnya."
                ),
            ),
            (
                "paragraph",
                (
                    "Rudy menyatakan siap menerima target lolos ke putaran kedua yang dipatok "
                    "manajemen. Ia akan memaksimalkan waktu persiapan yang tersisa sekitar enam "
                    "pekan untuk membenahi fisik dan pola permainan tim."
                ),
            ),
            (
                "paragraph",
                (
                    "“Waktunya memang tidak panjang, tetapi materi pemain cukup bagus. Yang "
                    "terpenting sekarang membangun kekompakan dan mental bertanding,” katanya."
                ),
            ),
        ],
        "tags": ["Sepak Bola", "Liga Amatir Jateng", "Bumi Mina Tani FC"],
        "reporters": ["dimas-prasetyo"],
        "editor": "ratna-kusumawati",
        "credit_line": "",
        "hours_ago": 230,
        "updated_hours_ago": None,
        "breaking_hours": None,
        "views": 640,
        "image_motif": "football training",
    },
]
