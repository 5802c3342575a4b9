"""Country names, short names and demonyms to ISO 3166-1 alpha-2 codes."""

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

import pycountry

# Names the texts use that pycountry's official names do not cover, including states that
# no longer exist (their ISO 3166-1 codes were withdrawn but identify them unambiguously). A
# state that only changed its name takes today's code (Zaire, Burma, Rhodesia, Dahomey).
EXTRA_NAMES = {
    "Russia": "RU", "Iran": "IR", "Syria": "SY", "Bolivia": "BO", "Venezuela": "VE",
    "Tanzania": "TZ", "Vietnam": "VN", "Laos": "LA", "North Korea": "KP", "South Korea": "KR",
    "Korea": "KR", "Moldova": "MD", "Burma": "MM", "Ivory Coast": "CI", "Côte d'Ivoire": "CI",
    "East Timor": "TL", "Timor-Leste": "TL", "Macedonia": "MK", "Czech Republic": "CZ",
    "Democratic Republic of the Congo": "CD", "Democratic Republic of Congo": "CD",
    "DR Congo": "CD", "DRC": "CD", "Congo-Kinshasa": "CD", "Zaire": "CD", "Zaïre": "CD",
    "Republic of the Congo": "CG", "Congo-Brazzaville": "CG", "Congo": "CG",
    "Palestine": "PS", "Gaza": "PS", "West Bank": "PS", "Gaza Strip": "PS",
    "Palestinian Territories": "PS", "Occupied Palestinian Territories": "PS",
    "Palestinian Territory": "PS", "Kosovo": "XK", "Taiwan": "TW",
    "Swaziland": "SZ", "Cape Verde": "CV", "Brunei": "BN", "Micronesia": "FM",
    "United States": "US", "United States of America": "US", "USA": "US", "America": "US",
    "US": "US", "U.S.": "US", "U.S": "US",
    "United Kingdom": "GB", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
    "Northern Ireland": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "Turkey": "TR", "Türkiye": "TR", "Vatican": "VA", "Yugoslavia": "YU",
    "Soviet Union": "SU", "USSR": "SU", "Czechoslovakia": "CS", "Rhodesia": "ZW",
    "Ceylon": "LK", "Dahomey": "BJ", "Upper Volta": "BF", "Kampuchea": "KH",
    "South Sudan": "SS", "Sudan": "SD", "Chechnya": "RU", "Kashmir": "IN", "Kurdistan": "IQ",
    # The Militias Guidebook's own spellings, and names of states since joined or renamed.
    "Congo Kinshasa": "CD", "Congo Brazzaville": "CG", "Bosnia-Herzegovina": "BA",
    "Bosnia": "BA", "Kyrgyz Republic": "KG", "North Yemen": "YE", "South Yemen": "YE",
    "Yemen Arab Republic": "YE", "South Vietnam": "VN", "North Vietnam": "VN",
    "Republic of Vietnam": "VN", "West Germany": "DE", "East Germany": "DE",
    "Serbia and Montenegro": "RS", "Federal Republic of Yugoslavia": "RS",
    "Siam": "TH", "Persia": "IR", "Abyssinia": "ET", "Bechuanaland": "BW",
    "Basutoland": "LS", "Nyasaland": "MW", "Northern Rhodesia": "ZM", "Southern Rhodesia": "ZW",
    "Gold Coast": "GH", "Tanganyika": "TZ", "Dutch East Indies": "ID", "Portuguese Timor": "TL",
    "Spanish Sahara": "EH", "Western Sahara": "EH", "Ottoman Empire": "TR",
    # The Mandate's successor state, as researchers code its armed groups (the Haganah, the
    # Irgun, the Arab Liberation Army of 1948); "Palestine" alone stays PS.
    "Mandatory Palestine": "IL", "Mandate Palestine": "IL", "British Mandate of Palestine": "IL",
    "British Mandate for Palestine": "IL", "Palestine Mandate": "IL",
    "Khmer Republic": "KH", "Democratic Kampuchea": "KH", "Congo Free State": "CD",
    "East Pakistan": "BD", "East Bengal": "BD", "West Pakistan": "PK", "Formosa": "TW",
    "Bessarabia": "MD", "Rhodesia and Nyasaland": "ZW", "French Indochina": "VN",
    "Slovak Republic": "SK", "Republic of Macedonia": "MK", "North Macedonia": "MK",
    "UAE": "AE", "PRC": "CN", "DPRK": "KP", "ROK": "KR",
    "Malaya": "MY", "British Malaya": "MY", "Federation of Malaya": "MY", "British India": "IN",
    "Niger Delta": "NG",
}  # fmt: skip

# Demonyms and adjectives: "the Guatemalan state", "Pakistani Rangers".
DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AO": "Angolan", "AR": "Argentine|Argentinian",
    "AM": "Armenian", "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani|Azeri",
    "BH": "Bahraini", "BD": "Bangladeshi", "BY": "Belarusian", "BE": "Belgian", "BJ": "Beninese",
    "BT": "Bhutanese", "BO": "Bolivian", "BA": "Bosnian", "BW": "Botswanan", "BR": "Brazilian",
    "BG": "Bulgarian", "BF": "Burkinabe|Burkinabé", "BI": "Burundian", "KH": "Cambodian",
    "CM": "Cameroonian", "CA": "Canadian", "CF": "Central African", "TD": "Chadian",
    "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CG": "Congolese", "HR": "Croatian",
    "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "DJ": "Djiboutian",
    "DO": "Dominican", "EC": "Ecuadorian", "EG": "Egyptian", "SV": "Salvadoran|Salvadorean",
    "GQ": "Equatoguinean", "ER": "Eritrean", "EE": "Estonian", "ET": "Ethiopian", "FJ": "Fijian",
    "FI": "Finnish", "FR": "French", "GA": "Gabonese", "GM": "Gambian", "GE": "Georgian",
    "DE": "German", "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan", "GN": "Guinean",
    "GW": "Bissau-Guinean", "GY": "Guyanese", "HT": "Haitian", "HN": "Honduran", "HU": "Hungarian",
    "IN": "Indian", "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi", "IE": "Irish",
    "IL": "Israeli", "IT": "Italian", "CI": "Ivorian", "JM": "Jamaican", "JP": "Japanese",
    "JO": "Jordanian", "KZ": "Kazakh|Kazakhstani", "KE": "Kenyan", "KW": "Kuwaiti", "KG": "Kyrgyz|Kyrgyzstani",
    "LA": "Laotian|Lao", "LV": "Latvian", "LB": "Lebanese", "LS": "Basotho", "LR": "Liberian",
    "LY": "Libyan", "LT": "Lithuanian", "MK": "Macedonian", "MG": "Malagasy", "MW": "Malawian",
    "MY": "Malaysian", "ML": "Malian", "MR": "Mauritanian", "MX": "Mexican", "MD": "Moldovan",
    "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican",
    "MM": "Burmese|Myanmar", "NA": "Namibian", "NP": "Nepalese|Nepali", "NL": "Dutch",
    "NZ": "New Zealand", "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian",
    "KP": "North Korean", "NO": "Norwegian", "OM": "Omani", "PK": "Pakistani",
    "PS": "Palestinian", "PA": "Panamanian", "PG": "Papua New Guinean", "PY": "Paraguayan",
    "PE": "Peruvian", "PH": "Filipino|Philippine", "PL": "Polish", "PT": "Portuguese",
    "QA": "Qatari", "RO": "Romanian", "RU": "Russian", "RW": "Rwandan", "SA": "Saudi",
    "SN": "Senegalese", "RS": "Serbian|Serb", "SL": "Sierra Leonean", "SO": "Somali|Somalian",
    "ZA": "South African", "KR": "South Korean", "SS": "South Sudanese", "ES": "Spanish",
    "LK": "Sri Lankan", "SD": "Sudanese", "SR": "Surinamese", "SE": "Swedish", "CH": "Swiss",
    "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik|Tajikistani", "TZ": "Tanzanian", "TH": "Thai",
    "TL": "Timorese", "TG": "Togolese", "TN": "Tunisian", "TR": "Turkish", "TM": "Turkmen",
    "UG": "Ugandan", "UA": "Ukrainian", "AE": "Emirati", "GB": "British", "US": "American",
    "UY": "Uruguayan", "UZ": "Uzbek|Uzbekistani", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni",
    "ZM": "Zambian", "ZW": "Zimbabwean", "SU": "Soviet", "YU": "Yugoslav",
    "SI": "Slovenian|Slovene", "SK": "Slovak|Slovakian", "XK": "Kosovar|Kosovan",
    "CS": "Czechoslovak", "CR": "Costa Rican", "PR": "Puerto Rican", "BZ": "Belizean",
    "BS": "Bahamian", "BB": "Barbadian", "TT": "Trinidadian", "GD": "Grenadian",
    "IS": "Icelandic", "MT": "Maltese", "MU": "Mauritian", "SC": "Seychellois",
    "SG": "Singaporean", "SZ": "Swazi|Eswatini", "KM": "Comorian", "CV": "Cape Verdean",
    "BN": "Bruneian", "MV": "Maldivian", "WS": "Samoan", "TO": "Tongan", "SB": "Solomon Islander",
    "EH": "Sahrawi", "ST": "Santomean", "LU": "Luxembourgish",
}  # fmt: skip
# Words that are names of languages or peoples more than of states: weak evidence.
WEAK_DEMONYMS = {"Spanish", "French", "Portuguese", "Arabic", "English", "German", "Chinese"}
GROUP_NOUN_AFTER_RE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}(?:group|organi[sz]ation|militia|movement|guerrillas?|"
    r"paramilitary|network|cell|underground)s?\b"
)
ARTICLE_BEFORE_RE = re.compile(r"\b(?:an?|the)\s+$")
# Codes given to states that no longer exist (withdrawn from ISO 3166-1) and to Kosovo
# (user-assigned XK), which pycountry's list of current countries lacks.
HISTORIC_NAMES = {
    "YU": "Yugoslavia", "SU": "Soviet Union", "CS": "Czechoslovakia", "ZR": "Zaire", "XK": "Kosovo",
}  # fmt: skip


@cache
def name_table() -> dict[str, str]:
    """Every name (and short form) of a country, to its code."""
    table = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                table[value] = country.alpha_2
        # "Bolivia, Plurinational State of" -> "Bolivia"
        if "," in country.name:
            table[country.name.split(",")[0]] = country.alpha_2
    table.update(EXTRA_NAMES)
    return table


@cache
def demonym_table() -> dict[str, str]:
    table = {}
    for code, words in DEMONYMS.items():
        for word in words.split("|"):
            table[word] = code
    return table


CAPITALISED_RUN_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'\u2019.-]*|d'|of|the|and|del|de)(?:[ -](?:[A-Z][\w'\u2019.-]*|d'|of|the|and|del|de))*"
)


@cache
def _longest_name():
    return max(len(name.split()) for name in list(name_table()) + list(demonym_table()))


@cache
def subdivision_table() -> dict[str, str]:
    """Provinces and states with a name unique to one country ("Sindh", "Borno")."""
    seen: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.split(" (")[0].split("[")[0].strip()
        if len(name) < 4 or not name[0].isupper():
            continue
        seen.setdefault(name, set()).add(subdivision.country_code)
    countries = name_table()
    return {
        name: codes.pop()
        for name, codes in seen.items()
        if len(codes) == 1 and name not in countries and name not in COMMON_WORDS
    }


# Subdivision names that are also ordinary English words in these texts.
COMMON_WORDS = {
    "Central", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "Centre", "Capital", "Coast", "Lakes", "Islands", "Plateau", "Delta", "Mountain", "Lake",
    "Upper", "Lower", "Federal", "Union", "Orient", "Middle", "Interior", "Border", "Rift",
    "Valley", "Highlands", "Sud", "Nord", "Est", "Ouest", "Littoral", "Sahel", "Savanes",
    "Maritime", "Kara", "Plateaux", "Mayo", "Boucle", "Haut", "Bas", "Grand", "Grande",
    "Amazonas", "Oriental", "Occidental", "Atlantique", "Mono", "Zou", "Alibori",
    "Georgia", "Jordan", "Victoria", "Queensland", "Washington", "Lincoln", "Paris", "Mexico",
    "Madrid", "London", "Bali", "Aden", "Sana", "Jerusalem", "Bay", "Gulf", "Red Sea",
}  # fmt: skip


def _folded(name):
    """ "Côte-d'Ivoire" and "cote d ivoire" compare equal."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


@cache
def _folded_name_table():
    return {_folded(key): value for key, value in name_table().items()}


@lru_cache(maxsize=8192)  # bounded: memory must not grow with the corpus
def code_for(name: str) -> str | None:
    name = " ".join(name.replace("\u2019", "'").split()).strip(" .")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    table = name_table()
    if name in table:
        return table[name]
    return _folded_name_table().get(_folded(name)) or demonym_table().get(name)


def codes_in_list(value: str) -> list[str]:
    """Codes of a "Country:" field or a title's parenthesis: "Sudan, Chad", "Iraq and Syria",
    "Myanmar (Burma)", "Yemen (North Yemen)", "Zaire (now: DR Congo)"."""
    if "(" in value:
        # "Congo (Kinshasa)" is the Guidebook's "Congo Kinshasa", not the Congo of "Congo".
        joined = code_for(re.sub(r"\s*\(([^()]*)\)", r" \1", value))
        if joined:
            return [joined]
        outside = " ".join(re.sub(r"\([^()]*\)", " ", value).split())
        return codes_in_list(outside) if outside else []
    codes = []
    whole = code_for(value)
    parts = [value] if whole else re.split(r"\s*(?:,|;|/|\band\b|&)\s*", value)
    for part in parts:
        code = code_for(part)
        if code and code not in codes:
            codes.append(code)
    return codes


NON_SPACE_RUN_RE = re.compile(r"\S+")
IN_BEFORE_RE = re.compile(r"\b(?:in|across|throughout)\s+$")
# "New South Wales", "New Mexico", "Lake Chad": another place that a country's name is part of.
NEW_PLACE_RE = re.compile(r"(?<![\w-])(?:New\s+(?:South\s+)?|Lake\s+)$")


def mentions(text: str) -> list[tuple[str, int, int, bool]]:
    """(code, start, end, is_demonym) of each country named in the text."""
    found = []
    names, demonyms = name_table(), demonym_table()
    longest = _longest_name()
    for run in CAPITALISED_RUN_RE.finditer(text):
        run_text, run_start = run.group(), run.start()
        words = [(word.start(), word.end()) for word in NON_SPACE_RUN_RE.finditer(run_text)]
        index = 0
        while index < len(words):
            for size in range(min(longest, len(words) - index), 0, -1):
                first_start, last_end = words[index][0], words[index + size - 1][1]
                candidate = run_text[first_start:last_end].rstrip(".,")
                # "a Mali-based militia", "in Pakistan's Balochistan province" (a place; but
                # "modelled on China's People's Liberation Army": an owner).
                if candidate.endswith("-based"):
                    candidate = candidate[: -len("-based")]
                elif candidate.endswith(("'s", "\u2019s")) and IN_BEFORE_RE.search(
                    text, max(0, run_start + first_start - 12), run_start + first_start
                ):
                    candidate = candidate[:-2]
                if candidate not in names and candidate not in demonyms:
                    continue  # most candidates: no country at all
                start = run_start + first_start
                if candidate in names and NEW_PLACE_RE.search(text, 0, start):
                    pass  # "New South Wales", "Lake Chad": another place
                elif candidate in names:
                    found.append((names[candidate], start, start + len(candidate), False))
                elif candidate in demonyms and (
                    candidate not in WEAK_DEMONYMS
                    # "was a German neo-Nazi terrorist group": the group's own, not a language
                    or GROUP_NOUN_AFTER_RE.match(text, start + len(candidate))
                    and ARTICLE_BEFORE_RE.search(text, max(0, start - 12), start)
                ):
                    found.append((demonyms[candidate], start, start + len(candidate), True))
                else:
                    continue
                index += size
                break
            else:
                index += 1
    return found


def is_subdivision(name: str) -> bool:
    """Whether `name` is a province or region the data knows ("Oromia", "Punjab")."""
    return name in subdivision_table()


def subdivision_mentions(text: str) -> list[str]:
    table = subdivision_table()
    codes = []
    for match in re.finditer(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?", text):
        for candidate in (match.group(), match.group().split()[0]):
            if candidate in table:
                codes.append(table[candidate])
                break
    return codes


# "Italian fascism", "the Soviet model": a demonym that names an idea or a pattern.
NOT_PLACE_AFTER_DEMONYM_RE = re.compile(
    r"\s+(?:fascis[mt]s?|nazis[mt]|communis[mt]s?|socialis[mt]s?|nationalis[mt]s?|model|"
    r"example|style|pattern|methods|advisers|advisors|instructors|volunteers|mercenaries|"
    r"weapons|arms|backing|support|help|aid|language|name|word|origin|flag|colou?rs)\b",
    re.I,
)
OCCUPIER_AFTER_DEMONYM_RE = re.compile(
    r"\s+(?:occupation|occupiers?|invasion|invaders?|colonial|colonists|rule|conquest|"
    r"annexation)\b",
    re.I,
)
OFFICIAL_AFTER_DEMONYM_RE = re.compile(
    r"\s+(?:(?:deputy|district|colonial|chief|senior|local)\s+)?(?:commissioners?|governors?|"
    r"administrators?|agents?|diplomats?|ambassadors?|consuls?|envoys?|residents?|advisers?|"
    r"advisors?)\b",
    re.I,
)
SYMBOL_AFTER_DEMONYM_RE = re.compile(r"\s+(?:flag|colou?rs|language|word)\b", re.I)
# A country named right after one of these is a sponsor, an enemy or an origin, not the
# place the group is in ("backed by Iran", "refugees from Afghanistan").
NOT_LOCATION_BEFORE_RE = re.compile(
    r"\b(?:by|from|against|with|backed|supported|funded|armed|trained|to|into|fled|exile|versus)\s+(?:the\s+)?(?:\w+\s+)?$|"
    # "Its cadres were trained in camps in Lesotho": training abroad is no place of activity.
    r"\b(?:trained|training)\s+(?:\w+\s+){0,3}?in\s+$",
    re.I,
)


def _demonym_follows(text, end):
    following = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 30])
    return bool(following) and following.group(1) in demonym_table()


def _located(text):
    """The country mentions of `text` that may say where a group is: not one it was backed
    by, fled to or trained in, nor the rest of such a list ("trained in camps in Lesotho,
    Tanzania and ...")."""
    excluded_end = None
    for code, start, end, demonym in mentions(text):
        listed_on = excluded_end is not None and re.fullmatch(
            r"\s*(?:,|and|or|,\s*and)\s*", text[excluded_end:start]
        )
        if listed_on or NOT_LOCATION_BEFORE_RE.search(text[max(0, start - 40) : start]):
            excluded_end = end
            continue
        # "a pro-Indonesian militia", "(Indonesian for 'red and white iron')": a side taken,
        # a language; not a place. "a Greek Cypriot organisation": Cypriots of Greek descent.
        if (
            demonym
            and (
                _demonym_follows(text, end)
                # "the Japanese occupation of the Philippines": the occupier, not the place.
                or OCCUPIER_AFTER_DEMONYM_RE.match(text, end)
                # "the district's British deputy commissioner": an official's nationality.
                or OFFICIAL_AFTER_DEMONYM_RE.match(text, end)
                or text[max(0, start - 5) : start].lower().endswith("pro-")
                or text[max(0, start - 5) : start].lower() == "anti-"
                or re.match(r"\s+for\s+[\"'\u2018\u201c]", text[end : end + 8])
            )
        ):
            continue
        yield code, start, end, demonym


def place_of(text: str, first_paragraph: str) -> list[str]:
    """The country (or countries) an encyclopedia text places its group in.

    The opening paragraph usually says where the group is ("a militia in north-eastern
    Nigeria", "the Guatemalan state raised"); otherwise the country the text names most,
    counting names, demonyms and provinces.
    """
    opening = []
    last_end = None
    for code, start, end, demonym in _located(first_paragraph):
        if demonym and SYMBOL_AFTER_DEMONYM_RE.match(first_paragraph, end):
            continue  # "the colours of the Indonesian flag": a symbol, not a place
        # A second country counts only when listed with the first ("in Iraq and Syria").
        joined = last_end is not None and re.fullmatch(
            r"\s*(?:,|and|&|,\s*and)\s*", first_paragraph[last_end:start]
        )
        if not opening or joined:
            if code not in opening:
                opening.append(code)
            last_end = end
    if opening:
        return sorted(opening)
    # "Influenced by Italian fascism", "backed by Iran": a model or a sponsor, no place.
    placed = [
        code
        for code, _start, end, demonym in _located(text)
        if not (demonym and NOT_PLACE_AFTER_DEMONYM_RE.match(text, end))
    ]
    counts = Counter(placed)
    counts.update(subdivision_mentions(text))
    if not counts:
        return []
    best = max(counts.values())
    order = placed + subdivision_mentions(text)
    return [min((c for c, n in counts.items() if n == best), key=order.index)]


# "Congo" and "Congolese" name either state, and the name tables read them as the Republic
# of the Congo's; a text set in the Kivus, Ituri, Katanga or Kinshasa means the Democratic
# Republic ("the Integrity of Congo", "the Congolese army").
DR_CONGO_PLACES_RE = re.compile(
    r"\b(?:Kinshasa|Zaire|Kivus?|Ituri|Katanga|Katangese|Kasai|Goma|Bunia|Kisangani|"
    r"Lubumbashi|Bukavu|Uvira|L[ée]opoldville|Stanleyville|[ÉE]lisabethville|Mobutu|Kabila|"
    r"Lumumba|Tshombe|FARDC|Belgian Congo|Congo Free State|"
    # The Republic of the Congo has no east of that name; the Democratic Republic's is
    # where most of its armed groups are.
    r"[Ee]astern Congo|[Ee]ast of the Congo)\b"
)
CONGO_BRAZZAVILLE_PLACES_RE = re.compile(
    r"\b(?:Brazzaville|Pointe-Noire|Sassou|Lissouba|Kol[ée]las|Niari|Bouenza|French Congo|"
    r"Middle Congo)\b"
)


def means_dr_congo(text):
    """Whether the Congo a text names is the Democratic Republic: it is set there and
    nowhere says Brazzaville."""
    return bool(DR_CONGO_PLACES_RE.search(text)) and not CONGO_BRAZZAVILLE_PLACES_RE.search(text)


def which_congo(codes, text):
    """`codes` with the Republic of the Congo read as the Democratic Republic where the
    text means it."""
    if "CG" not in codes or not means_dr_congo(text):
        return codes
    resolved = []
    for code in codes:
        code = "CD" if code == "CG" else code
        if code not in resolved:
            resolved.append(code)
    return resolved
