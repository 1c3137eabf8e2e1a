from meta import P, role, nomerge, story, event

# ---------------- S1 ----------------
story("S1", "Perjanjian batas laut teritorial Indonesia-Malaysia di Laut Sulawesi",
      "Talks close in Kuala Lumpur (Jan 2025), treaty signed in Jakarta on 6 March 2025, border fishermen object, DPR ratifies it on 15 July 2025, fishermen challenge the ratification law at the Constitutional Court (Oct 2025).")
event("S1.E1", "2025-01-16", "Final negotiation round in Kuala Lumpur agrees the treaty text",
      "Indonesian and Malaysian delegations (led by Bonifasius Tamba and Zulkifli Harun) agree the text after talks begun in 1995.")
event("S1.E2", "2025-03-06", "Treaty signed in Jakarta",
      "Foreign ministers Haryo Wicaksono (Indonesia) and Hafiz Rahmat Osman (Malaysia) sign at Gedung Pancasila.")
event("S1.E3", "2025-03-07", "Nunukan fishermen voice concern",
      "HNPN (La Ode Sabaruddin) asks to see the boundary map and to be consulted.")
event("S1.E4", "2025-07-15", "DPR ratifies the treaty",
      "DPR plenary passes the ratification law; Malaysia had ratified in May 2025.")
event("S1.E5", "2025-10-21", "Fishermen file a judicial review at the MK",
      "HNPN, through lawyer Yosef Manurung, asks the Constitutional Court to review Law 9/2025.")

P("per:haryo-wicaksono", "Haryo Wicaksono", ["Haryo", "Wicaksono", "Menlu Haryo"])
P("per:ratna-kusumawardani", "Ratna Kusumawardani", ["Ratna", "Kusumawardani", "Menlu Ratna", "Dubes Ratna"])
P("per:hafiz-rahmat-osman", "Hafiz Rahmat Osman", ["Datuk Seri Hafiz Rahmat Osman", "Hafiz"])
P("per:bonifasius-tamba", "Bonifasius Tamba", ["Bonifasius", "Tamba"])
P("per:zulkifli-harun", "Zulkifli Harun", ["Datuk Zulkifli Harun"])
P("per:dwi-anggraeni-lubis", "Dwi Anggraeni Lubis", ["Dwi"])
P("per:ahmad-rifai", "Ahmad Rifai", ["Ahmad"])
P("per:la-ode-sabaruddin", "La Ode Sabaruddin", ["La Ode"])
P("per:darwis", "Darwis", [])
P("per:yosef-manurung", "Yosef Manurung", ["Yosef"])

role("per:haryo-wicaksono", "Menteri Luar Negeri", "gpe:indonesia", "2025-03-06", "2025-08-18",
     ["kbg-002", "kn-001", "hc-001", "jl-002", "dpr-sahkan-perjanjian-batas-laut.txt"],
     "Replaced by Ratna Kusumawardani on 18 Aug 2025 (kbg-003); then Utusan Khusus Presiden.")
role("per:ratna-kusumawardani", "Duta Besar RI untuk Malaysia", "gpe:indonesia", "2025-01-16", "2025-08-18",
     ["kbg-001", "jl-001", "kbg-002", "jl-002"])
role("per:hafiz-rahmat-osman", "Menteri Luar Negeri", "gpe:malaysia", "2025-03-06", None, ["kbg-002", "kn-001", "hc-001", "jl-002"])
role("per:bonifasius-tamba", "Direktur Jenderal Hukum dan Perjanjian Internasional", "org:kementerian-luar-negeri", "2025-01-16", None, ["kbg-001", "jl-001"])
role("per:zulkifli-harun", "Ketua Setiausaha", "org:kementerian-luar-negeri-malaysia", "2025-01-16", None, ["kbg-001"])
role("per:dwi-anggraeni-lubis", "Ketua Komisi I", "org:dpr", "2025-03-06", "2025-07-15", ["hc-001", "dpr-sahkan-perjanjian-batas-laut.txt"])
role("per:la-ode-sabaruddin", "Ketua", "org:hnpn", "2025-03-07", "2025-10-21", ["wpb-001", "dpr-sahkan-perjanjian-batas-laut.txt", "wpb-002"])
role("per:yosef-manurung", "Kuasa hukum", "org:hnpn", "2025-10-21", None, ["wpb-002"])

nomerge("org:kementerian-luar-negeri", "org:kementerian-luar-negeri-malaysia", "Kemlu (Indonesia) vs Wisma Putra (Malaysia): both 'Kementerian Luar Negeri'")
nomerge("loc:laut-china-selatan", "gpe:tiongkok", "'Laut China Selatan' contains 'China' but is a sea (LOC)")

# ---------------- S2 ----------------
story("S2", "Insiden Laut Natuna Utara dan ketegangan diplomatik Indonesia-Vietnam",
      "A Vietnamese coast guard ship obstructs an Indonesian fisheries patrol (8 Oct 2025); Kemlu summons Vietnam's ambassador (9 Oct); Vietnam denies (10 Oct); the foreign ministers agree by phone to de-escalate (14 Oct); Bakamla and the Vietnam Coast Guard sign a hotline deal and the escaped crew is handed over (6 Nov).")
event("S2.E1", "2025-10-08", "Vietnamese coast guard ship obstructs KP Todak 11", "A detained Vietnamese fishing boat escapes during the confrontation.")
event("S2.E2", "2025-10-09", "Kemlu summons Vietnam's ambassador Tran Quoc Vinh", "Protest note; demand that the boat and crew be returned.")
event("S2.E3", "2025-10-10", "Vietnam denies a dangerous manoeuvre", "Spokesperson Pham Thanh Lan in Hanoi; Kemlu rebuts.")
event("S2.E4", "2025-10-14", "Phone call between foreign ministers Ratna Kusumawardani and Do Minh Khoa", "They agree to de-escalate and to have maritime agencies meet.")
event("S2.E5", "2025-11-06", "Bakamla and the Vietnam Coast Guard sign a hotline agreement in Batam", "Vietnam hands over nine crew members.")

P("per:presiden-ri", "Presiden", ["Presiden RI"], "unnamed; kept so the appointment has a source")
P("per:agung-setiabudi", "Agung Setiabudi", ["Agung"])
P("per:tran-quoc-vinh", "Tran Quoc Vinh", ["Dubes Vietnam", "Ambassador Tran Quoc Vinh"])
P("per:yohanes-sitepu", "Yohanes Sitepu", ["Yohanes", "Jubir Kemlu"])
P("per:pham-thanh-lan", "Pham Thanh Lan", ["Pham"])
P("per:do-minh-khoa", "Do Minh Khoa", ["Do", "Pak Do"])
P("per:laila-fitriani", "Laila Fitriani", ["Laila"])
P("per:harun-prasetya", "Harun Prasetya", ["Harun", "Prasetya", "Laksamana Madya Harun Prasetya", "Vice Admiral Harun Prasetya"])
P("per:nguyen-van-duc", "Nguyen Van Duc", ["Nguyen", "Mayjen Nguyen Van Duc", "Major General Nguyen Van Duc"])
P("per:rustam", "Rustam", [])

role("per:ratna-kusumawardani", "Menteri Luar Negeri", "gpe:indonesia", "2025-08-18", None,
     ["kbg-003", "kbg-004", "jl-003", "hc-003", "kbg-005", "jl-004", "wpb-003", "wpb-002"])
role("per:haryo-wicaksono", "Utusan Khusus Presiden untuk Kerja Sama Multilateral", "gpe:indonesia", "2025-08-18", None, ["kbg-003"])
role("per:tran-quoc-vinh", "Duta Besar Vietnam untuk Indonesia", "gpe:vietnam", "2025-10-09", None, ["kbg-004", "hc-002", "jl-003", "kn-004", "kbg-005"])
role("per:yohanes-sitepu", "Juru Bicara", "org:kementerian-luar-negeri", "2025-10-09", None, ["kbg-004", "hc-002", "jl-003", "kn-004"])
role("per:pham-thanh-lan", "Juru Bicara", "org:kementerian-luar-negeri-vietnam", "2025-10-10", None, ["kn-004"])
role("per:do-minh-khoa", "Menteri Luar Negeri", "gpe:vietnam", "2025-10-14", None, ["hc-003", "kbg-005", "jl-004"])
role("per:agung-setiabudi", "Direktur Jenderal Pengawasan Sumber Daya Kelautan dan Perikanan", "org:kkp", "2025-10-09", None, ["kn-003"])
role("per:harun-prasetya", "Kepala", "org:bakamla", "2025-11-06", None, ["jl-004", "wpb-003"])
role("per:nguyen-van-duc", "Wakil Komandan", "org:penjaga-pantai-vietnam", "2025-11-06", None, ["jl-004", "wpb-003"])

nomerge("per:harun-prasetya", "per:zulkifli-harun", "'Harun' is the first name of one and the family name of the other")
nomerge("org:kementerian-luar-negeri", "org:kementerian-luar-negeri-vietnam", "Kemlu vs Vietnam's foreign ministry")
nomerge("per:tran-quoc-vinh", "per:do-minh-khoa", "the ambassador vs the foreign minister of Vietnam")
nomerge("per:nguyen-van-duc", "gpe:vietnam", "a person, not the country")

# ---------------- S3 ----------------
story("S3", "Banjir Jawa Barat dan evaluasi tata ruang oleh Gubernur Hadiprawira",
      "A deputy minister inspects Citarum levees (Dec 2024) and becomes governor of Jawa Barat (20 Feb 2025); floods hit three regencies (24 Mar 2025); an emergency is declared and aid arrives (27 Mar); the governor orders a permit review and a moratorium in Kawasan Bandung Utara (15 Apr); 11 permits are revoked and developers object (22 May).")
event("S3.E1", "2024-12-12", "Deputy public works minister Ridwan Hadiprawira inspects Citarum levees", "He warns of the rainy-season peak; he is governor-elect.")
event("S3.E2", "2025-03-24", "Floods in Kabupaten Bandung, Bekasi and Karawang", "About 12,000 displaced; Governor Hadiprawira visits Dayeuhkolot.")
event("S3.E3", "2025-03-27", "14-day emergency declared; BNPB and Kemensos aid arrives", "Pemprov Jabar allocates Rp 25 miliar.")
event("S3.E4", "2025-04-15", "Governor orders a review of permits and halts new permits in Kawasan Bandung Utara", "REI Jabar asks for transparency.")
event("S3.E5", "2025-05-22", "Review ends: 11 permits revoked, moratorium extended by pergub", "REI Jabar threatens legal action.")

P("per:ridwan-hadiprawira", "Ridwan Hadiprawira", ["Hadiprawira", "Gubernur Jabar", "Wamen PU", "Governor Ridwan Hadiprawira"])
P("per:euis-rohaeti", "Euis Rohaeti", ["Euis"])
P("per:hotman-siregar", "Hotman Siregar", ["Hotman"])
P("per:rina-siregar", "Rina Siregar", ["Rina"])
P("per:asep-saepudin", "Asep Saepudin", [])
P("per:lukas-tanuwijaya", "Lukas Tanuwijaya", ["Lukas"])
P("per:teddy-kusnadi", "Teddy Kusnadi", ["Teddy"])
from meta import ENTITIES, E
ENTITIES.append(E("gpe:kabupaten-bandung-barat", "Kabupaten Bandung Barat", "GPE", ["Bandung Barat"]))
ENTITIES.append(E("org:forum-hijau-priangan", "Forum Hijau Priangan", "ORG", []))
ENTITIES.append(E("org:bmkg", "Badan Meteorologi, Klimatologi, dan Geofisika", "ORG", ["BMKG"]))

role("per:ridwan-hadiprawira", "Wakil Menteri Pekerjaan Umum", "gpe:indonesia", "2024-12-12", "2025-02-20", ["wp-001", "jl-005"],
     "Governor-elect of Jawa Barat while still deputy minister (wp-001); jl-005 calls him 'a former deputy public works minister'.")
role("per:ridwan-hadiprawira", "Gubernur Jawa Barat", "gpe:jawa-barat", "2025-02-20", None,
     ["warta-priangan-banjir-dayeuhkolot.html", "jl-005", "wp-002", "hc-004", "kn-005", "moratorium-izin-bandung-utara.txt", "wp-003"],
     "Inaugurated 'baru sebulan' before 24 Mar 2025 (html) / 'last month' (jl-005); the exact day (20 Feb 2025) is not in the texts.")
role("per:hotman-siregar", "Kepala Pelaksana", "org:bpbd-jawa-barat", "2025-03-24", "2025-05-22", ["kbg-006", "wp-002", "hc-004", "wp-003"])
role("per:rina-siregar", "Koordinator relawan Tagana Kabupaten Bandung", "gpe:kabupaten-bandung", "2025-03-27", None, ["wp-002", "hc-004"])
role("per:lukas-tanuwijaya", "Ketua", "org:rei-jawa-barat", "2025-04-15", "2025-05-22", ["kn-005", "wp-003"])

nomerge("per:hotman-siregar", "per:rina-siregar", "two people with the family name Siregar in one article (wp-002, hc-004)")
nomerge("gpe:kabupaten-bandung", "gpe:kabupaten-bandung-barat", "different regencies")
nomerge("org:bpbd-jawa-barat", "org:bnpb", "provincial vs national disaster agency")

# ---------------- S4 ----------------
story("S4", "RUU/UU Pelindungan Pekerja Platform Digital",
      "The DPR adopts the gig-worker bill as its own initiative (25 Feb 2025), hears platforms and drivers while drivers rally (21 May), passes it (23 Sep), platforms (Aspedi) challenge it at the Constitutional Court (25 Nov), first MK hearing (20 Jan 2026).")
event("S4.E1", "2025-02-25", "DPR plenary adopts the bill as a DPR initiative", "Drafted by Baleg; Panja chair Teuku Rizal Mahendra.")
event("S4.E2", "2025-05-21", "Public hearing at the DPR; drivers rally outside", "Aspedi (Hendrawan Lukito) vs APDI (Joko Pramono).")
event("S4.E3", "2025-09-23", "DPR passes the law", "Commission cap 10%, social security, government-set minimum fares; Aspedi considers a lawsuit.")
event("S4.E4", "2025-11-25", "Aspedi files a judicial review at the MK", "Against Articles 18 and 22 of Law 14/2025; lawyer Maria Gultom.")
event("S4.E5", "2026-01-20", "First MK hearing; the panel asks Aspedi to revise its petition", "Panel led by Justice Arsyad Pohan.")

P("per:teuku-rizal-mahendra", "Teuku Rizal Mahendra", ["Rizal", "Mahendra"])
P("per:joko-pramono", "Joko Pramono", ["Joko"])
P("per:hendrawan-lukito", "Hendrawan Lukito", ["Hendrawan", "Lukito"])
P("per:wulan-prasetyani", "Wulan Prasetyani", ["Wulan", "Menaker Wulan Prasetyani"])
P("per:maria-gultom", "Maria Gultom", ["Maria"])
P("per:arsyad-pohan", "Arsyad Pohan", ["Arsyad"])

role("per:teuku-rizal-mahendra", "Ketua Panja RUU Pelindungan Pekerja Platform Digital", "org:baleg-dpr", "2025-02-25", "2025-05-21", ["kn-006", "hc-005", "jakarta-ledger-gig-workers.html"])
role("per:joko-pramono", "Ketua Umum", "org:apdi", "2025-02-25", "2026-01-20", ["kn-006", "hc-005", "jakarta-ledger-gig-workers.html", "kn-007", "kbg-008", "st-003", "hc-006"])
role("per:hendrawan-lukito", "Ketua Umum", "org:aspedi", "2025-05-21", "2025-09-23", ["hc-005", "jakarta-ledger-gig-workers.html", "kn-007"])
role("per:wulan-prasetyani", "Menteri Ketenagakerjaan", "gpe:indonesia", "2025-09-23", None, ["kbg-007", "kn-007"])
role("per:maria-gultom", "Kuasa hukum", "org:aspedi", "2025-11-25", "2026-01-20", ["kbg-008", "st-003", "hc-006"])
role("per:arsyad-pohan", "Hakim Konstitusi", "org:mahkamah-konstitusi", "2026-01-20", None, ["hc-006"])

nomerge("org:apdi", "org:aspedi", "drivers' association vs platforms' association (similar acronyms)")
nomerge("per:maria-gultom", "per:maria-tan", "two different Marias (a lawyer; a Jakarta Ledger photographer named only in a caption)")
nomerge("org:baleg-dpr", "org:dpr", "a body of the DPR, not the DPR itself (part-of, not same)")
P("per:maria-tan", "Maria Tan", [], "photographer, appears only in captions/credits (removed boilerplate)")

# ---------------- S5 ----------------
story("S5", "Kunjungan Menteri Perdagangan Korea Selatan Park Ji-hoon dan kerja sama rantai pasok baterai",
      "The visit is announced (17 Nov 2025); Park Ji-hoon meets Yudhistira Ramlan in Jakarta and presses for faster permits (2 Dec); the supply chain arrangement and a cathode-plant MoU are signed (3 Dec); Gresik unions and DPR Komisi VI ask for local jobs and the text (21 Jan 2026).")
event("S5.E1", "2025-11-17", "Kemendag announces Park Ji-hoon's visit", "Visit set for 2-3 Dec 2025.")
event("S5.E2", "2025-12-02", "Park Ji-hoon meets Yudhistira Ramlan; business forum", "Park urges faster permits; US tariffs discussed.")
event("S5.E3", "2025-12-03", "Indonesia and South Korea sign the battery and critical minerals arrangement", "Plus a Hanbit-BNR MoU for a cathode plant in Gresik.")
event("S5.E4", "2026-01-21", "Gresik unions and DPR Komisi VI question the deal", "KSPN (Supardi Nugroho) asks for local-worker quotas; Komisi VI will summon Kemendag.")

P("per:park-ji-hoon", "Park Ji-hoon", ["Park Ji Hoon", "Park", "Park Ji-Hoon"])
P("per:park-min-jae", "Park Min-jae", ["Dubes Park Min-jae"])
P("per:yudhistira-ramlan", "Yudhistira Ramlan", ["Yudhistira", "Ramlan", "Mendag Yudhistira Ramlan"])
P("per:sulastri-wahyuningsih", "Sulastri Wahyuningsih", ["Sulastri"])
P("per:kim-seo-yeon", "Kim Seo-yeon", [])
P("per:supardi-nugroho", "Supardi Nugroho", ["Supardi"])
P("per:bambang-hermanto", "Bambang Hermanto", ["Bambang"])
from meta import ENTITIES, E
ENTITIES.append(E("org:komisi-vi-dpr", "Komisi VI DPR", "ORG", []))

role("per:park-ji-hoon", "Menteri Perdagangan", "gpe:korea-selatan", "2025-11-17", None,
     ["jl-006", "kn-008", "kbg-009", "jl-007", "hc-007", "kbg-010", "atw-001", "kn-009", "st-004"])
role("per:park-min-jae", "Duta Besar Korea Selatan untuk Indonesia", "gpe:korea-selatan", "2025-12-02", None, ["hc-007"])
role("per:yudhistira-ramlan", "Menteri Perdagangan", "gpe:indonesia", "2025-11-17", None,
     ["jl-006", "kn-008", "kbg-009", "jl-007", "hc-007", "kbg-010", "atw-001", "kn-009"])
role("per:sulastri-wahyuningsih", "Direktur Utama", "org:pt-baterai-nusantara-raya", "2025-12-03", None, ["kn-009"])
role("per:kim-seo-yeon", "Presiden Direktur", "org:hanbit-energy-solutions", "2025-12-03", None, ["kn-009"])
role("per:supardi-nugroho", "Ketua KSPN Jawa Timur", "org:kspn", "2026-01-21", None, ["st-004", "kbg-011"])
role("per:bambang-hermanto", "Anggota Komisi VI", "org:dpr", "2026-01-21", None, ["st-004", "kbg-011"])

nomerge("per:park-ji-hoon", "per:park-min-jae", "same family name, different people in one article (hc-007)")
nomerge("per:yudhistira-ramlan", "per:park-ji-hoon", "both titled Menteri Perdagangan / Trade Minister, of different countries")

# ---------------- one-offs ----------------
P("per:nanik-sulistyowati", "Nanik Sulistyowati", ["Nanik", "dr. Nanik Sulistyowati"])
P("per:dimas-aryo-prakoso", "Dimas Aryo Prakoso", ["Dimas"])
P("per:wahyu-prakoso", "Wahyu Prakoso", ["Wahyu"])
P("per:lim-wei-sheng", "Lim Wei Sheng", [])
P("per:seo-jun-ho", "Seo Jun-ho", [])
P("per:ratih-kumalasari", "Ratih Kumalasari", ["Kumalasari", "Dr. Ratih Kumalasari"])
P("per:agus-wijaya", "Agus Wijaya", [])
P("per:siti-marlina", "Siti Marlina", [])
P("per:kenji-morimoto", "Kenji Morimoto", ["Morimoto"])
P("per:cecep-mulyana", "Cecep Mulyana", ["Cecep"])
from meta import ENTITIES, E
ENTITIES.append(E("org:dinkes-kota-surabaya", "Dinas Kesehatan Kota Surabaya", "ORG", ["Dinkes Kota Surabaya", "Dinkes"]))
ENTITIES.append(E("gpe:dki-jakarta", "DKI Jakarta", "GPE", ["Jakarta administration", "Pemprov DKI"]))
ENTITIES.append(E("org:environmental-groups", "(environmental groups)", "ORG", [], "generic; not a named entity"))
ENTITIES.append(E("org:kbri-tokyo", "KBRI Tokyo", "ORG", ["Indonesian embassy in Tokyo", "Kedutaan Besar RI di Tokyo"]))

role("per:nanik-sulistyowati", "Kepala", "org:dinkes-kota-surabaya", "2025-02-10", None, ["st-001"])
role("per:ratih-kumalasari", "Kepala Dinas Lingkungan Hidup", "gpe:dki-jakarta", "2025-08-12", None, ["jl-008"])

nomerge("per:dimas-aryo-prakoso", "per:wahyu-prakoso", "two people named Prakoso in one article (st-002)")
nomerge("gpe:dki-jakarta", "gpe:indonesia", "'Jakarta' as the city administration vs 'Jakarta' as a metonym for the Indonesian government")
