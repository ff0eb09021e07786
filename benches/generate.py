#!/usr/bin/env python3
"""Writes a realistic netreg registry of N networks to stdout, the same for
the same N and seed: names with diacritics, ~30 countries, partial dates,
observers, comments. About ten partners a network.

    python3 benches/generate.py 10000 > big.toml
"""

import random
import sys

CITIES = {
    "IT": ["Viareggio", "Catanzaro", "Reggio Emilia", "Forlì", "Cantù", "Napoli", "Torino", "Bologna", "Genova", "Pescara"],
    "PT": ["Óbidos", "Matosinhos", "Évora", "Guimarães", "Setúbal", "Portimão", "Braga", "Lisboa"],
    "ES": ["Enguera", "Cádiz", "Málaga", "A Coruña", "Logroño", "Córdoba", "Sabadell", "Gijón"],
    "HU": ["Hódmezővásárhely", "Győr", "Pécs", "Székesfehérvár", "Újbuda", "Debrecen"],
    "RO": ["Mizil", "Brașov", "Timișoara", "Iași", "Sighișoara", "Cluj-Napoca"],
    "FI": ["Jyväskylä", "Hämeenlinna", "Tampere", "Oulu", "Seinäjoki"],
    "GB": ["Barnsley", "Preston", "Belfast", "Glasgow", "Cardiff", "Westminster"],
    "FR": ["Limoges", "Saint-Étienne", "Besançon", "Nîmes", "Orléans", "Le Havre"],
    "DE": ["Regensburg", "Lübeck", "Göttingen", "Düsseldorf", "Fürth", "Nürnberg"],
    "PL": ["Gdańsk", "Łódź", "Poznań", "Kraków", "Białystok", "Wrocław"],
    "CZ": ["Brno", "Plzeň", "Ústí nad Labem", "České Budějovice", "Olomouc"],
    "SK": ["Košice", "Žilina", "Banská Bystrica", "Prešov"],
    "SI": ["Ljubljana", "Maribor", "Celje", "Koper"],
    "HR": ["Rijeka", "Split", "Zagreb", "Osijek", "Šibenik"],
    "GR": ["Piraeus", "Thessaloníki", "Pátra", "Ioánnina", "Kalamata"],
    "BG": ["Plovdiv", "Varna", "Burgas", "Gabrovo"],
    "LT": ["Klaipėda", "Šiauliai", "Kaunas", "Panevėžys"],
    "LV": ["Rīga", "Liepāja", "Jelgava", "Cēsis"],
    "EE": ["Tallinn", "Tartu", "Pärnu", "Viljandi"],
    "SE": ["Umeå", "Malmö", "Göteborg", "Västerås", "Örebro"],
    "DK": ["Aarhus", "Odense", "Aalborg", "Køge"],
    "NL": ["Utrecht", "Rotterdam", "Eindhoven", "Den Haag", "Leeuwarden"],
    "BE": ["Antwerpen", "Liège", "Gent", "Mons", "Namur"],
    "AT": ["Graz", "Linz", "Innsbruck", "Sankt Pölten"],
    "IE": ["Dublin", "Cork", "Galway", "Limerick"],
    "NO": ["Bergen", "Trondheim", "Tromsø", "Stavanger"],
    "TR": ["İstanbul", "İzmir", "Gaziantep", "Eskişehir"],
    "MT": ["Valletta", "Birgu", "Sliema"],
    "CY": ["Lefkosia", "Lemesos", "Larnaka"],
    "LU": ["Esch-sur-Alzette", "Differdange"],
}
COUNTRIES = sorted(CITIES)
PROGRAMMES = ["URBACT I", "URBACT II", "URBACT III", "URBACT IV", "Interreg Europe", "Interreg MED", "Interreg Baltic Sea"]
TYPES = ["Thematic Network", "Action Planning Network", "Transfer Network", "Innovation Transfer Network", "Working Group"]
THEMES = ["creative industries", "port cities", "circular economy", "urban mobility", "housing", "youth",
          "heritage", "food systems", "digital transition", "public procurement", "green spaces", "tourism"]
KINDS_OF_PARTNER = ["city", "agency", "university", "region", "district"]
WORDS = ["Creative", "Green", "Smart", "Port", "Heritage", "Urban", "Food", "Circular", "Young", "Active",
         "Resilient", "Open", "Healthy", "Blue", "Digital", "Living", "Shared", "Future"]
NOUNS = ["Clusters", "Cities", "Towns", "Markets", "Spaces", "Hubs", "Routes", "Commons", "Streets", "Labs"]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def date(rng, year):
    precision = rng.random()
    if precision < 0.15:
        return quote(str(year))
    month = rng.randint(1, 12)
    if precision < 0.4:
        return quote(f"{year}-{month:02d}")
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def network(rng, n):
    words = f"{rng.choice(WORDS)} {rng.choice(NOUNS)}"
    ident = f"{words.lower().replace(' ', '-')}-{n}"
    start = rng.randint(2002, 2024)
    out = []
    if rng.random() < 0.3:
        out.append(f"# {words}: figures checked against the programme's database, {start + 1}")
    out += [
        "[[networks]]",
        f"id = {quote(ident)}",
        f"name = {quote(words + ' ' + str(n))}",
        f"programme = {quote(rng.choice(PROGRAMMES))}",
        f"type = {quote(rng.choice(TYPES))}",
        f"themes = [{', '.join(quote(t) for t in rng.sample(THEMES, rng.randint(1, 3)))}]",
        f"url = {quote('https://example.org/networks/' + ident)}",
        f"summary = {quote('Cities working together on ' + rng.choice(THEMES) + ' and ' + rng.choice(THEMES) + '.')}",
        "",
    ]
    seen = set()
    for p in range(rng.randint(6, 14)):
        country = rng.choice(COUNTRIES)
        city = rng.choice(CITIES[country])
        if city in seen:
            city = f"{city} {p}"
        seen.add(city)
        out.append("[[networks.partners]]")
        out.append(f"name = {quote(city)}")
        if rng.random() < 0.97:
            out.append(f"country = {quote(country)}" + ("   # from the partner's page" if rng.random() < 0.05 else ""))
        role = "lead" if p == 0 else ("observer" if rng.random() < 0.05 else "partner")
        out.append(f"role = {quote(role)}")
        if rng.random() < 0.2:
            out.append(f"type = {quote(rng.choice(KINDS_OF_PARTNER))}")
        out.append("")
    end = start + rng.randint(1, 4)
    milestones = [(start, "Network launched", "launch")]
    for _ in range(rng.randint(0, 3)):
        milestones.append((rng.randint(start, end), f"Meeting in {rng.choice(CITIES[rng.choice(COUNTRIES)])}", "event"))
    if end <= 2025:
        milestones.append((end, "Network completed", "completion"))
    milestones.sort(key=lambda m: (m[0], m[2] == "completion"))
    for year, title, kind in milestones:
        when = date(rng, year) if kind != "completion" else quote(str(year))
        if kind == "launch":
            when = quote(str(year))
        out += ["[[networks.milestones]]", f"date = {when}", f"title = {quote(title)}", f"kind = {quote(kind)}", ""]
    return "\n".join(out)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2011
    rng = random.Random(seed)
    sys.stdout.write(f"# A generated netreg registry: {count} networks, seed {seed}.\nformat = 1\n\n")
    for n in range(count):
        sys.stdout.write(network(rng, n) + "\n")


if __name__ == "__main__":
    main()
