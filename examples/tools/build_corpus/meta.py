import html as H

def E(id_, name, type_, aliases=(), note=None):
    d = {"id": id_, "name": name, "type": type_, "aliases": list(aliases)}
    if note:
        d["note"] = note
    return d

ENTITIES = [
 # countries and provinces (GPE)
 E("gpe:indonesia", "Indonesia", "GPE", ["RI", "Republik Indonesia", "Jakarta (as government)"]),
 E("gpe:malaysia", "Malaysia", "GPE", ["Negeri Jiran"]),
 E("gpe:vietnam", "Vietnam", "GPE", ["Viet Nam", "Hanoi (as government)"]),
 E("gpe:korea-selatan", "Korea Selatan", "GPE", ["Korsel", "South Korea", "Republic of Korea", "Seoul (as government)"]),
 E("gpe:tiongkok", "Tiongkok", "GPE", ["China", "Cina", "Republik Rakyat Tiongkok"]),
 E("gpe:amerika-serikat", "Amerika Serikat", "GPE", ["AS", "US", "United States", "Washington (as government)"]),
 E("gpe:jepang", "Jepang", "GPE", ["Japan"]),
 E("gpe:jawa-barat", "Jawa Barat", "GPE", ["Jabar", "West Java", "Pemprov Jabar (as government)"]),
 E("gpe:kabupaten-bandung", "Kabupaten Bandung", "GPE", ["Bandung regency"]),
 # places (LOC)
 E("loc:laut-sulawesi", "Laut Sulawesi", "LOC", ["Sulawesi Sea"]),
 E("loc:laut-natuna-utara", "Laut Natuna Utara", "LOC", ["North Natuna Sea", "Natuna Sea"]),
 E("loc:laut-china-selatan", "Laut China Selatan", "LOC", ["Laut Cina Selatan", "South China Sea"]),
 E("loc:pulau-sebatik", "Pulau Sebatik", "LOC", ["Sebatik", "Sebatik Island"]),
 E("loc:sungai-citarum", "Sungai Citarum", "LOC", ["Citarum"]),
 E("loc:kawasan-bandung-utara", "Kawasan Bandung Utara", "LOC", ["KBU"]),
 # organisations
 E("org:kementerian-luar-negeri", "Kementerian Luar Negeri", "ORG", ["Kemlu", "Kemenlu", "Kementerian Luar Negeri RI", "Indonesian Foreign Ministry", "Foreign Ministry (Indonesia)"]),
 E("org:kementerian-luar-negeri-malaysia", "Kementerian Luar Negeri Malaysia", "ORG", ["Wisma Putra", "Malaysia's foreign ministry"]),
 E("org:kementerian-luar-negeri-vietnam", "Kementerian Luar Negeri Vietnam", "ORG", ["Vietnamese Foreign Ministry", "Vietnam's foreign ministry"]),
 E("org:dpr", "Dewan Perwakilan Rakyat", "ORG", ["DPR", "DPR RI", "House of Representatives", "parlemen"]),
 E("org:komisi-i-dpr", "Komisi I DPR", "ORG", []),
 E("org:baleg-dpr", "Badan Legislasi DPR", "ORG", ["Baleg", "Baleg DPR", "Legislation Body"]),
 E("org:mahkamah-konstitusi", "Mahkamah Konstitusi", "ORG", ["MK", "Constitutional Court", "Mahkamah"]),
 E("org:kkp", "Kementerian Kelautan dan Perikanan", "ORG", ["KKP", "Fisheries Ministry"]),
 E("org:bakamla", "Badan Keamanan Laut", "ORG", ["Bakamla", "Indonesian Maritime Security Agency", "Maritime Security Agency"]),
 E("org:penjaga-pantai-vietnam", "Penjaga Pantai Vietnam", "ORG", ["Vietnam Coast Guard", "Vietnamese coast guard", "kapal penjaga pantai Vietnam"]),
 E("org:bnpb", "Badan Nasional Penanggulangan Bencana", "ORG", ["BNPB", "National Disaster Management Agency"]),
 E("org:bpbd-jawa-barat", "BPBD Jawa Barat", "ORG", ["BPBD Jabar", "Badan Penanggulangan Bencana Daerah Jawa Barat", "West Java disaster agency"]),
 E("org:kemensos", "Kementerian Sosial", "ORG", ["Kemensos"]),
 E("org:kementerian-pekerjaan-umum", "Kementerian Pekerjaan Umum", "ORG", ["Kementerian PU", "Public Works Ministry"]),
 E("org:kementerian-perdagangan", "Kementerian Perdagangan", "ORG", ["Kemendag", "Indonesian Trade Ministry", "Trade Ministry (Indonesia)"]),
 E("org:kementerian-ketenagakerjaan", "Kementerian Ketenagakerjaan", "ORG", ["Kemnaker", "Manpower Ministry"]),
 E("org:hnpn", "Himpunan Nelayan Perbatasan Nunukan", "ORG", ["HNPN"]),
 E("org:apdi", "Asosiasi Pengemudi Daring Indonesia", "ORG", ["APDI", "Indonesian Online Drivers Association"]),
 E("org:aspedi", "Asosiasi Platform Digital Indonesia", "ORG", ["Aspedi", "Indonesian Digital Platform Association"]),
 E("org:rei-jawa-barat", "REI Jawa Barat", "ORG", ["REI Jabar", "DPD Real Estat Indonesia Jawa Barat"]),
 E("org:hanbit-energy-solutions", "Hanbit Energy Solutions", "ORG", ["Hanbit"]),
 E("org:pt-baterai-nusantara-raya", "PT Baterai Nusantara Raya", "ORG", ["BNR", "Baterai Nusantara Raya"]),
 E("org:kspn", "Konfederasi Serikat Pekerja Nusantara", "ORG", ["KSPN"]),
 E("org:kantor-berita-garuda", "Kantor Berita Garuda", "ORG", ["KBG"], "an outlet; named in datelines and signatures"),
]

MUST_NOT_MERGE = []
ROLES = []

def nomerge(a, b, why):
    MUST_NOT_MERGE.append({"a": a, "b": b, "why": why})

def role(entity, title, of, from_, to, evidence, note=None):
    d = {"entity": entity, "title": title, "of": of, "from": from_, "to": to, "evidence": evidence}
    if note:
        d["note"] = note
    ROLES.append(d)

# ---- people (added per story) ----
def P(id_, name, aliases=(), note=None):
    ENTITIES.append(E(id_, name, "PER", aliases, note))

EVENTS = {}   # id -> dict(date, title, story, summary)
STORIES = {}  # id -> dict(title, summary)

def story(id_, title, summary):
    STORIES[id_] = {"title": title, "summary": summary}

def event(id_, date, title, summary):
    EVENTS[id_] = {"date": date, "title": title, "summary": summary}

def stories(articles):
    out = []
    for sid, s in STORIES.items():
        evs = []
        for eid, e in sorted(EVENTS.items(), key=lambda kv: (kv[1]["date"], kv[0])):
            if not eid.startswith(sid + "."):
                continue
            arts = [a["id"] for a in articles if a["event"] == eid]
            assert arts, eid
            evs.append({"id": eid, "date": e["date"], "title": e["title"], "summary": e["summary"], "articles": arts})
        out.append({"id": sid, "title": s["title"], "summary": s["summary"],
                    "first": evs[0]["date"], "last": evs[-1]["date"], "events": evs,
                    "articles": [x for ev in evs for x in ev["articles"]]})
    oneoffs = [a["id"] for a in articles if a["story"] is None]
    out.append({"id": None, "title": "(one-off articles, in no story)", "articles": oneoffs})
    return out

import meta_people  # noqa: E402,F401  (fills people, roles, stories, events)

def render_html(a):
    import html_pages
    return html_pages.render(a)
