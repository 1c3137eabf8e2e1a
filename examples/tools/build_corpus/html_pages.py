import html as H

def esc(s):
    return H.escape(s, quote=True)

SITES = {
 "Warta Priangan": dict(lang="id", home="https://wartapriangan.example/", nav=["Beranda", "Bandung Raya", "Jabar", "Olahraga", "Ekonomi", "Indeks"],
     aside_title="Berita Terkait", aside=["Persib Tatap Laga Tandang di Samarinda", "Harga Cabai Rawit di Pasar Kosambi Tembus Rp 90.000", "Jadwal Pemadaman Listrik di Bandung Raya Pekan Ini"],
     footer="© 2025 Warta Priangan. Hak cipta dilindungi undang-undang. Redaksi | Pedoman Media Siber | Kontak", byline="Yogi Permana", section="Bandung Raya",
     pub_label="Diterbitkan", share="Bagikan:"),
 "Jakarta Ledger": dict(lang="en", home="https://jakartaledger.example/", nav=["Home", "News", "Business", "Opinion", "Sports", "Newsletters"],
     aside_title="Most read", aside=["Rupiah steadies as central bank holds rates", "Five new cafés worth the Jakarta traffic", "Letters: The city needs more shade trees"],
     footer="© 2025 Jakarta Ledger. All rights reserved. About us | Privacy | Terms | Advertise with us", byline="Maria Tan", section="News",
     pub_label="Published", share="Share this article:"),
}

def render(a):
    s = SITES[a["outlet"]]
    pub = a["published"]
    paras = a["paras"]
    body = []
    for i, p in enumerate(paras):
        body.append(f"      <p>{esc(p)}</p>")
        if i == 0 and a.get("html_caption"):
            body.append(f"      <figure>\n        <img src=\"/img/{a['id'].rsplit('.',1)[0]}.jpg\" alt=\"\">\n        <figcaption>{esc(a['html_caption'])}</figcaption>\n      </figure>")
    nav = "\n".join(f"        <li><a href=\"{s['home']}{x.lower().replace(' ', '-')}\">{esc(x)}</a></li>" for x in s["nav"])
    aside = "\n".join(f"        <li><a href=\"{s['home']}berita/{i}\">{esc(x)}</a></li>" for i, x in enumerate(s["aside"], 1))
    desc = paras[0][:160]
    return f"""<!DOCTYPE html>
<html lang="{s['lang']}">
<head>
  <meta charset="utf-8">
  <title>{esc(a['title'])} | {esc(a['outlet'])}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{esc(desc)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(a['title'])}">
  <meta property="og:site_name" content="{esc(a['outlet'])}">
  <meta property="og:url" content="{esc(a['url'])}">
  <meta property="og:description" content="{esc(desc)}">
  <meta property="article:published_time" content="{esc(pub)}">
  <meta property="article:section" content="{esc(s['section'])}">
  <link rel="canonical" href="{esc(a['url'])}">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="{s['home']}">{esc(a['outlet'])}</a>
    <nav>
      <ul>
{nav}
      </ul>
    </nav>
  </header>
  <main>
    <article>
      <h1>{esc(a['title'])}</h1>
      <div class="meta"><span class="author">{esc(s['byline'])}</span> · <time datetime="{esc(pub)}">{esc(s['pub_label'])} {esc(pub)}</time></div>
{chr(10).join(body)}
      <div class="share">{esc(s['share'])} <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
    </article>
    <aside class="related">
      <h2>{esc(s['aside_title'])}</h2>
      <ul>
{aside}
      </ul>
    </aside>
  </main>
  <footer>
    <p>{esc(s['footer'])}</p>
  </footer>
</body>
</html>
"""
