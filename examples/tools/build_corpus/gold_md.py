import json, sys
g = json.load(open(sys.argv[1]))
A = {a["id"]: a for a in g["articles"]}
E = {e["id"]: e for e in g["entities"]}
out = []
w = out.append

w(open(__import__("os").path.join(__import__("os").path.dirname(__file__), "gold_head.md")).read().rstrip() + "\n")

w("\n## Articles\n")
w("| id | file#row | outlet | lang | published as given | date | story / event | copy of |")
w("|---|---|---|---|---|---|---|---|")
for a in sorted(g["articles"], key=lambda a: (a["date"], a["id"])):
    fr = a["file"] + (f"#{a['row']}" if a["row"] else "")
    pub = f"`{a['published_input']}`" if a["published_input"] else "*(none)*"
    se = f"{a['story']} / {a['event']}" if a["story"] else "one-off"
    w(f"| `{a['id']}` | {fr} | {a['outlet'] or '*(unknown)*'} | {a['lang']} | {pub} | {a['date']} | {se} | {a['duplicate_of'] or ''} |")

w("\n## Stories and their events (date order)\n")
for s in g["stories"]:
    if s["id"] is None:
        w(f"### One-offs (no story)\n\n{', '.join('`'+x+'`' for x in s['articles'])}\n")
        continue
    w(f"### {s['id']} — {s['title']} ({s['first']} → {s['last']})\n\n{s['summary']}\n")
    w("| event | date | what happened | articles |")
    w("|---|---|---|---|")
    for e in s["events"]:
        w(f"| {e['id']} | {e['date']} | {e['title']}. {e['summary']} | {', '.join('`'+x+'`' for x in e['articles'])} |")
    w("")

w("\n## Syndicated near-copies\n")
w("Each copy must land in the duplicate group of its original (`duplicate_of`), and so in its event and story.\n")
for d in g["duplicates"]:
    w(f"- `{d['copy']}` ({A[d['copy']]['outlet']}) copies `{d['original']}` ({A[d['original']]['outlet']}): " + "; ".join(d["edits"]) + ".")

w("\n## Entities that must merge (variants → one canonical)\n")
w("Only entities with variants are listed here; gold.json has all of them. Aliases are the forms that occur in the texts (plus a few obvious ones). Matching should be by alias set, not by the exact `id` string.\n")
w("| canonical id | name | type | variants |")
w("|---|---|---|---|")
for e in g["entities"]:
    if e["aliases"]:
        w(f"| `{e['id']}` | {e['name']} | {e['type']} | {', '.join(e['aliases'])} |")

w("\n## Entities that must NOT merge\n")
for m in g["must_not_merge"]:
    w(f"- `{m['a']}` ≠ `{m['b']}` — {m['why']}")

w("\n## Roles over time\n")
w("`from`/`to` are the first/last dates the role is attested in the corpus (not the real term); `to: null` = still held at the last mention.\n")
w("| person | title | of | from | to | evidence |")
w("|---|---|---|---|---|---|")
for r in sorted(g["roles"], key=lambda r: (r["entity"], r["from"])):
    w(f"| {E[r['entity']]['name']} | {r['title']} | `{r['of']}` | {r['from']} | {r['to'] or '—'} | {', '.join('`'+x+'`' for x in r['evidence'])} |" + (f" |" if False else ""))
w("\nNotes: " + " ".join(f"*{E[r['entity']]['name']}*: {r['note']}" for r in g["roles"] if r.get("note")))

w("\n## Key actions per article\n")
w("`source → target`, PLOVER type / Kabar kind, date of the act (null when the text gives none). The `trigger` is a word or phrase of the text that expresses it.\n")
for a in sorted(g["articles"], key=lambda a: (a["date"], a["id"])):
    if not a["actions"]:
        continue
    w(f"- `{a['id']}`:")
    for x in a["actions"]:
        src = ", ".join(x["source"]) or "—"
        tgt = ", ".join(x["target"]) or "—"
        w(f"  - {src} → {tgt}: **{x['type']}** / {x['kind']}, {x['date']} (“{x['trigger']}”)")

w("\n## Dates to infer and warnings\n")
for a in sorted(g["articles"], key=lambda a: (a["date"], a["id"])):
    if not a["date_in_input"]:
        w(f"- `{a['id']}`: no published date in the input; expected `published` = {{\"value\": \"{a['date']}\", \"inferred\": true, \"from\": \"text\"}}. {a['notes'] or ''}")
for a in g["articles"]:
    for x in a["warnings"]:
        w(f"- `{a['id']}`: expected warning `{x['kind']}` on “{x['text']}” — {x['message']}.")

print("\n".join(out))
