"""Word lists for the rule-based quote and actor extractor: cues, titles, organisation words, places."""

from __future__ import annotations

from tui.core.quotes.forenames import FEMALE_FORENAMES, FORENAMES, MALE_FORENAMES  # noqa: F401


def _words(text: str) -> frozenset[str]:
    return frozenset(word for word in text.split() if word)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(line.strip() for line in text.split("|") if line.strip())


# Reporting verbs as base forms; inflections are generated below so the list stays readable.
_CUE_BASES = (
    "say tell add argue claim insist warn note explain declare announce acknowledge "
    "admit believe think hope expect suggest predict report write tweet confirm deny maintain "
    "accuse contend complain assert stress emphasize emphasise indicate reveal concede estimate agree "
    "conclude promise vow pledge reply respond recall continue ask joke quip observe remark "
    "comment reiterate urge charge counter caution allege testify boast concede disclose "
    "signal point_out predict worry fear acknowledge recount lament tout brag remember interject demand "
    "yell shout chant exclaim scream question muse mutter whisper snap retort plead proclaim assure "
    "read opine"
)
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "think": ("thinks", "thought", "thinking"),
    "write": ("writes", "wrote", "writing"),
    "testify": ("testifies", "testified", "testifying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "worry": ("worries", "worried", "worrying"),
    "point_out": ("points_out", "pointed_out", "pointing_out"),
}


def _inflect(base: str) -> tuple[str, ...]:
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    stem = base[:-1] if base.endswith("e") else base
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    past = base + "d" if base.endswith("e") else base + "ed"
    if base == "read":
        return ("read", "reads", "reading")
    if base in {"admit", "quip", "signal", "snap", "chant"} and base not in {"chant"}:
        past = base + base[-1] + "ed"
        return (base, third, past, base + base[-1] + "ing")
    return (base, third, past, stem + "ing")


CUE_WORDS: frozenset[str] = frozenset(
    form.replace("_", " ") for base in _CUE_BASES.split() for form in _inflect(base)
) | {"stated"}
# Verbs of thought, intention and evaluation: attributions without speech (PolNeAR counts them).
ATTITUDE_CUES: frozenset[str] = frozenset(
    form for base in (
        "believe think expect want hope fear worry know feel find suggest indicate estimate predict call "
        "describe criticize criticise praise blame doubt recognize recognise consider view regard "
        "understand plan promise vow pledge intend decide refuse agree threaten fault credit dismiss "
        "question welcome endorse oppose support reject condemn applaud slam blast attack mock insist "
        "announce show decline endorse propose defend urge name seek demand request back "
        "embrace push refer cite mention discuss thank prefer express"
    ).split() for form in _inflect(base)
) - {"finding", "feeling", "calling", "supporting", "attacking", "questioning", "viewing", "showing",
     "planning", "backing"} | {
    "found", "felt", "knew", "showed", "shows", "sought"}
# Base forms that are far more often nouns ("a note", "the report") or aspect verbs ("continues to").
_NOUN_LIKE = frozenset(
    "note notes name names back backs continue continues appear appears know support supports remarks comments "
    "reports charges".split()
)
CUE_WORDS = CUE_WORDS - _NOUN_LIKE
ATTITUDE_CUES = ATTITUDE_CUES - _NOUN_LIKE
# Verbs whose object is the listener, not the content: "told reporters that ...".
LISTENER_CUES: frozenset[str] = frozenset(_inflect("tell") + _inflect("ask") + _inflect("urge") + _inflect("warn"))
# Cues strong enough to introduce reported speech without "that".
SPEECH_CUES: frozenset[str] = frozenset(
    form for base in "say tell add claim insist warn note explain argue declare write tweet".split()
    for form in _inflect(base)
) | {"stated"}
MULTIWORD_CUES: tuple[str, ...] = (
    "according to", "expressed hope", "expressed concern", "pointed out", "shot back", "fired back", "went on",
    "put it", "puts it", "goes on", "wrote back", "chimed in",
    "call for", "calls for", "called for", "calling for", "push for", "pushed for", "pushing for",
    "argued for", "advocated for", "fought for", "fights for", "warned of", "warned against", "spoke of",
    "talked about", "complained about", "worried about", "boasted about", "bragged about",
    "referring to", "referred to", "talking about", "talk about", "talks about", "spoke about", "pointed to",
    "points to", "focused on", "voted for", "vote for", "votes for", "made clear", "makes clear",
)
ACCUSE_CUES: frozenset[str] = frozenset(_inflect("accuse"))

# Words between a subject and its cue that don't break the pattern ("has repeatedly said").
CUE_FILLERS: frozenset[str] = _words(
    "has have had also again repeatedly previously earlier later recently then never often would "
    "will could may might did does do not only just even already still publicly privately once "
    "has long first further reportedly flatly simply separately subsequently himself herself "
    "had been was were is are be"
)
# Time and setting phrases allowed right after a cue ("said on Monday that", "said in a statement").
AFTER_CUE_SKIP_RE = (
    r"(?:\s*,?\s*(?:(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:,\s+\d{4})?(?=[\s,])|on\s+\w+(?:,\s+\w+\s+\d{1,2})?|last\s+\w+|this\s+\w+|earlier|later|yesterday|today|"
    r"on\s+(?:the\s+)?[\w-]+(?:\s+of\s+[\w-]+(?:\s+[\w-]+){0,3})?|in\s+(?:a|an|his|her|their|the)\s+[\w-]+(?:\s+[\w-]+){0,3}?"
    r"(?=\s+that\b|,)|over\s+the\s+weekend|again|also|repeatedly|publicly|privately|recently|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b(?![’']s),?)*"
)

PRONOUNS_PERSON: frozenset[str] = _words("he she him her")
PRONOUNS_ORG: frozenset[str] = _words("it")
PRONOUNS_OTHER: frozenset[str] = _words("they we i you")

# Capitalised words that are not names when they open a sentence (or anywhere, for some).
STOP_CAPS: frozenset[str] = _words(
    "The A An And But Or Nor So Yet For If When While As At On In Of To From By With Without About "
    "After Before During Since Until Under Over Into Onto Upon Through Throughout Across Against Among "
    "This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us Me "
    "What Who Whom Whose Which Why How Where There Here Then Now Still Also Even Just Only Not No Yes "
    "Speaking Earlier Later Meanwhile However Moreover Furthermore Instead Indeed Perhaps Maybe "
    "Although Though Because Unless Whether Despite Asked Get Read Sign Subscribe Follow Click Watch "
    "See Photo Image Video Credit Editor Note Update Updated Related More Most Many Some Any All Each "
    "Every Both Either Neither One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last "
    "Next Old Other Another Such Like Unlike Let Do Does Did Is Are Was Were Be Been Has Have Had "
    "Will Would Could Should Can May Might Must Shall Mr Mrs Ms Dr Well Oh Ok OK Okay Yes Thanks "
    "Today Tonight Yesterday Tomorrow According Once Twice Amid Along Around Behind Below Beneath "
    "Beside Besides Between Beyond Near Per Toward Towards Via Within Including Following Given "
    "Having Being Saying Adding Noting Citing Calling Overall Finally Still Already Again Together "
    "Never Always Often Sometimes Usually Recently Currently Previously Initially Ultimately "
    "Nevertheless Nonetheless Otherwise Therefore Thus Hence Accordingly Similarly Likewise "
    "Abstract Full Text FULL TEXT ABSTRACT Advertisement Share Comments Comment Reporting Writing"
)
DATE_WORDS: frozenset[str] = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Christmas Easter Thanksgiving Ramadan AM PM GMT UTC EST EDT PST PDT CET"
)
HONORIFICS: frozenset[str] = _words("Mr. Mrs. Ms. Miss Dr. Mr Mrs Ms Dr Sir Dame Madam Mme. M.")
# Titles that precede a name ("Prime Minister Nikol Pashinyan"); split off into the role.
TITLE_WORDS: frozenset[str] = _words(
    "President Vice Prime Minister Secretary Senator Sen. Rep. Representative Congressman "
    "Congresswoman Gov. Governor Lt. Lieutenant Mayor Judge Justice Chancellor Chairman Chairwoman "
    "Chair Speaker Gen. General Col. Colonel Maj. Major Capt. Captain Sgt. Sergeant Adm. Admiral "
    "Cmdr. Commander Pope King Queen Prince Princess Emperor Sheikh Ambassador Director Deputy "
    "Foreign Defense Defence Interior Finance Justice Attorney Chief Commissioner Rev. Reverend "
    "Lord Lady Professor Prof. Archbishop Bishop Cardinal Former Ex Acting Assistant Associate "
    "Spokesman Spokeswoman Spokesperson Leader Majority Minority Whip Premier Chief Executive "
    "Economy Trade Health Education Labor Labour Energy Agriculture Transport Treasury State Home "
    "House Senate Supreme Federal Prosecutor Officer Inspector Detective Sheriff Councilman "
    "Councilwoman Councillor Alderman Assemblyman Assemblywoman Delegate Candidate Nominee "
    "Republican Democratic Democrat GOP Independent U.S. US Presidential MSP MP MEP MLA CEO COO CFO CTO"
)
# Lowercase role nouns that mark a preceding description as a role ("Kremlin spokesman").
ROLE_NOUNS: frozenset[str] = _words(
    "spokesman spokeswoman spokesperson minister secretary chairman chairwoman chair president "
    "leader chief director ambassador speaker head member official adviser advisor aide envoy "
    "governor mayor senator representative lawmaker general commander prosecutor judge "
    "correspondent reporter editor analyst expert professor economist researcher founder "
    "executive manager officer deputy candidate nominee strategist pollster consultant "
    "attorney lawyer counsel coordinator negotiator diplomat premier chancellor mp"
)
# Last words that make a capitalised name an organisation.
ORG_ENDINGS: frozenset[str] = _words(
    "Ministry Party Organization Organisation Union Committee Council Commission Agency Department "
    "Bureau Institute Institution University College School Association Assembly Parliament Congress "
    "Senate Court Bank Corporation Corp. Corp Inc. Inc Co. Ltd. Ltd LLC PLC Plc Company Group Foundation "
    "Fund Federation League Alliance Coalition Service Services Office Administration Board Authority "
    "Army Navy Force Forces Police Guard Times Post Journal News Network Center Centre Society Church "
    "Club Campaign Movement Front Caucus Weekly Daily Herald Tribune Gazette Magazine Review Press "
    "Spectator Guardian Telegraph Economist Radio Television TV Broadcasting Channel Media Airlines "
    "Air Airways Motors Systems Technologies Industries Holdings Partners Trust Cabinet Government "
    "Secretariat Directorate Tribunal Legislature Duma Knesset Bundestag Commons Lords Brigade "
    "Battalion Regiment Division Corps Command Project Program Programme Initiative Watch Council "
    "PAC Fund Conference Convention Forum Summit Reserve Exchange Treasury Institute Lab "
    "Laboratory Hospital Clinic Academy Museum Library Foundation Unit Squad Brotherhood Taliban "
    "Hezbollah Hamas Republicans Democrats Community Industry Report Journal Inquirer Observer "
    "Monitor Examiner Chronicle Courier Register Sentinel Star Sun Globe Mail Express Standard "
    "Insider Politico Breitbart Reuters Bloomberg Facebook Twitter Google Apple Microsoft Amazon Politics Poll "
    "Polling Research Strategies Consulting Analytics Pollster Chiefs Staff"
)
# First words of "X of Y" organisations ("Department of Justice", "Bank of England").
ORG_HEADS: frozenset[str] = _words(
    "Ministry Department Bank University Office Bureau Council Committee Court Organization "
    "Organisation Institute Board League Federation Union Church House Chamber Commission Agency "
    "Association College School Academy Museum Society Government Embassy Party Assembly Army Navy"
)
# Lowercase nouns after a capitalised name that make it an organisation ("Civil Contract party").
ORG_NOUNS_AFTER: frozenset[str] = _words(
    "party ministry agency news government campaign group company firm corporation committee "
    "movement bloc coalition alliance organization organisation union network newspaper daily "
    "outlet channel broadcaster board administration council commission institute foundation "
    "caucus militia faction"
)
# Lowercase institution nouns after a demonym ("the Armenian parliament").
INSTITUTION_NOUNS: frozenset[str] = _words(
    "parliament government army military navy embassy police legislature cabinet senate "
    "judiciary ministry"
)
# Portfolio words between a demonym and "ministry" ("the Armenian foreign ministry").
PORTFOLIO_WORDS: frozenset[str] = _words(
    "foreign defence defense interior finance economy economic justice health education trade energy "
    "agriculture emergencies emergency environment culture transport labour labor"
)
# Lowercase nouns that introduce an organisation's name ("the statistics office Geostat").
ORG_NOUNS_BEFORE: frozenset[str] = _words(
    "office agency company firm regulator watchdog lender bank group party ministry broadcaster "
    "newspaper insurer carrier operator airline exchange fund institute association union service "
    "startup outlet organisation organization network brokerage consultancy forwarder app railway"
)
# Common nouns that refer back to an organisation ("the ministry said").
ORG_BACKREF_NOUNS: frozenset[str] = _words(
    "ministry party agency organization organisation alliance committee council commission "
    "department bureau company union court bank campaign institute foundation association "
    "administration group board federation league coalition network military army airline"
)
METONYMS: dict[str, str] = {
    "Kremlin": "Kremlin",
    "White House": "White House",
    "Pentagon": "Pentagon",
    "Downing Street": "Downing Street",
    "Elysee": "Elysee",
    "Élysée": "Élysée",
    "Vatican": "Vatican",
    "Capitol Hill": "Capitol Hill",
    "Whitehall": "Whitehall",
    "Kremlin's": "Kremlin",
    "Foggy Bottom": "Foggy Bottom",
    "Quai d'Orsay": "Quai d'Orsay",
    "Zhongnanhai": "Zhongnanhai",
    "Blue House": "Blue House",
    "Wall Street": "Wall Street",
    "Silicon Valley": "Silicon Valley",
    "Congress": "Congress",
    "Senate": "Senate",
    "NATO": "NATO",
}
# Organisations a reader knows by one word (agencies, outlets, leagues, companies): no more evidence needed.
KNOWN_ORGANISATIONS: frozenset[str] = _words(
    "UN EU NATO WHO IMF GOP RNC DNC OPEC OECD WTO ASEAN FBI CIA NSA DHS DOJ EPA FDA FAA FCC SEC IRS NASA ESA "
    "NOAA CDC NIH "
    "NHS BBC CNN CNBC NPR PBS ABC NBC CBS MSNBC AP AFP Reuters Bloomberg Xinhua TASS Yonhap KCNA Kyodo NHK "
    "NFL NBA MLB NHL FIFA UEFA IOC Nasa Google Apple Microsoft Amazon Facebook Twitter Instagram YouTube "
    "Netflix Tesla SpaceX Uber Samsung Intel Qualcomm Broadcom Huawei Alibaba Toyota Boeing Airbus Walmart "
    "Equifax Experian TransUnion Gizmodo Politico Breitbart Axios Vox Newsweek Hamas Hezbollah Taliban "
    "Congress Senate Pentagon Kremlin Interpol Europol Greenpeace Oxfam UNICEF UNESCO"
) | frozenset({"Boko Haram", "Islamic State", "Al Qaeda", "al-Qaeda", "al-Shabab", "Amnesty International"})
# Capitalised acronyms that are places, not organisations.
PLACE_ACRONYMS: frozenset[str] = _words(
    "US USA UK UAE DRC PRC DC D.C. U.S. U.K. U.S.A. NYC LA N.H. N.Y. N.J. N.C. S.C. N.D. S.D. N.M. R.I. L.A."
)
NOT_ACRONYMS: frozenset[str] = _words(
    "I II III IV V VI VII VIII IX X XI XII AM PM OK TV ID CEO CFO COO CTO MP MPs VP PR AD BC CE "
    "BCE GMT UTC EST EDT PST PDT CET A AN THE AND OF IN ON TO BY FOR BUT OR IT HE SHE WE US NOT "
    "ABSTRACT FULL TEXT NEW "
    # weapons, teams and terms in capitals that name no one: "an ICBM", "SWAT teams"
    "ICBM ICBMs SLBM IRBM SWAT GDP CCTV DNA HIV AIDS LGBT LGBTQ IPO"
)
DEMONYM_SUFFIXES: tuple[str, ...] = ("ian", "ean", "ese", "ish", "ic", "an", "i", "ch", "ern", "ern-")
DEMONYMS: frozenset[str] = _words(
    "American Russian Armenian Ukrainian Chinese Japanese British English French German Italian "
    "Spanish Portuguese Dutch Swiss Swedish Norwegian Danish Finnish Polish Czech Greek Turkish "
    "Iranian Iraqi Israeli Palestinian Syrian Lebanese Egyptian Saudi Emirati Qatari Afghan "
    "Pakistani Indian Korean Vietnamese Thai Filipino Indonesian Australian Canadian Mexican "
    "Brazilian Argentine Argentinian Cuban Venezuelan Colombian African Nigerian Kenyan "
    "European Asian Arab Arabic Muslim Christian Jewish Catholic Protestant Western Eastern "
    "Northern Southern Soviet Azerbaijani Azeri Georgian Belarusian Kazakh Uzbek Irish Scottish "
    "Welsh Hungarian Romanian Bulgarian Serbian Croatian Bosnian Albanian Latin Hispanic Latino "
    "Latina Democratic Republican Conservative Liberal Libertarian Islamic Sunni Shiite Shia Kurdish "
    "Yemeni Libyan Tunisian Moroccan Algerian Somali Ethiopian Sudanese Jordanian Kuwaiti Bahraini "
    "Omani Taiwanese Tibetan Mongolian Nepalese Bangladeshi Sri Lankan Burmese Malaysian "
    "Singaporean Chilean Peruvian Bolivian Ecuadorian Haitian Jamaican Dominican Puerto Rican "
    "Texan Californian Floridian Midwestern Southern Northern Atlantic Pacific Baltic Nordic "
    "Caucasian Balkan Slavic Hebrew Persian Gulf Anglo Franco Sino Euro Evangelical Orthodox"
)
PLACES: frozenset[str] = _phrases(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|"
    "Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|"
    "Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|"
    "Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Ethiopia|Fiji|Finland|France|"
    "Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|"
    "Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|"
    "Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|Lithuania|Luxembourg|Madagascar|"
    "Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mexico|Moldova|Monaco|Mongolia|Montenegro|"
    "Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|"
    "Nigeria|North Korea|South Korea|Korea|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|"
    "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|"
    "Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Sudan|Spain|Sri Lanka|"
    "Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|"
    "Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|Britain|"
    "Great Britain|England|Scotland|Wales|Northern Ireland|United States|America|Uruguay|"
    "Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Gaza|West Bank|Crimea|Donbas|Chechnya|"
    "Nagorno-Karabakh|Karabakh|Kurdistan|Tibet|Xinjiang|Hong Kong|Macau|Puerto Rico|Greenland|"
    "Europe|Asia|Africa|Latin America|North America|South America|Middle East|Caucasus|"
    "South Caucasus|Balkans|Scandinavia|Siberia|Arctic|Antarctica|Baltics|Central Asia|"
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
    "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
    "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington|"
    "Wisconsin|Wyoming|Calif.|Fla.|Pa.|Va.|Mass.|Mich.|Ill.|Wis.|Minn.|Ariz.|Colo.|Conn.|Ga.|"
    "Yerevan|Moscow|Minsk|Kyiv|Kiev|Baku|Tbilisi|Astana|Tashkent|Beijing|Tokyo|Seoul|Pyongyang|"
    "Delhi|New Delhi|Mumbai|Islamabad|Kabul|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|"
    "Amman|Cairo|Riyadh|Doha|Dubai|Abu Dhabi|Ankara|Istanbul|Athens|Rome|Paris|London|Berlin|"
    "Madrid|Lisbon|Brussels|Amsterdam|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Belgrade|"
    "Zagreb|Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Geneva|Zurich|Munich|Frankfurt|Milan|"
    "Barcelona|Ottawa|Toronto|Montreal|Vancouver|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|"
    "Brasilia|Rio de Janeiro|Sao Paulo|Nairobi|Lagos|Johannesburg|Cape Town|Addis Ababa|Khartoum|"
    "Tripoli|Tunis|Algiers|Rabat|Sydney|Melbourne|Canberra|Wellington|Bangkok|Hanoi|Manila|"
    "Jakarta|Singapore|Kuala Lumpur|Taipei|Shanghai|Hong Kong|St. Petersburg|Sochi|Donetsk|"
    "Luhansk|Kharkiv|Odesa|Odessa|Mariupol|Aleppo|Mosul|Raqqa|Kandahar|Chicago|Los Angeles|"
    "San Francisco|Boston|Philadelphia|Atlanta|Miami|Houston|Dallas|Austin|Seattle|Denver|Phoenix|"
    "Las Vegas|Detroit|Cleveland|Baltimore|Pittsburgh|New Orleans|Orlando|Tampa|Charlotte|"
    "Nashville|Brooklyn|Manhattan|Queens|Bronx|Staten Island|Long Island|Des Moines|Manchester|"
    "Birmingham|Glasgow|Edinburgh|Belfast|Cardiff|Liverpool|Leeds|San Bernardino|Orlando|Ferguson|"
    "Milwaukee|Minneapolis|Sacramento|San Diego|San Antonio|Columbus|Cincinnati|Indianapolis|"
    "St. Louis|Kansas City|Omaha|Salt Lake City|Portland|Richmond|Raleigh|Charleston|Savannah|"
    "Honolulu|Anchorage|Albany|Hartford|Providence|Newark|Buffalo|Rochester|Syracuse|"
    "Washington D.C.|D.C.|Iowa City|Cedar Rapids|Concord|Manchester|Reno|Tucson|Albuquerque|Earth|Moon|Mars|"
    "Guam|Hokkaido|Okinawa|Sicily|Sardinia|Corsica|Bali|Tasmania"
)
# Places that can stand for a state that speaks ("North Korea said", "Moscow said"): not islands, planets.
STATE_PLACES: frozenset[str] = PLACES - _phrases("Earth|Moon|Mars|Guam|Hokkaido|Okinawa|Sicily|Sardinia|Corsica|"
                                                 "Bali|Tasmania|Siberia|Arctic|Antarctica|Balkans|Scandinavia")
COMPASS_WORDS: frozenset[str] = _words("North South East West Northern Southern Eastern Western Central Upper Lower")
# Prepositions after which an unknown single capitalised word is most likely a place.
PLACE_PREPOSITIONS: frozenset[str] = _words("in near across throughout outside inside via")
# Name suffixes kept as part of a person's name.
NAME_SUFFIXES: frozenset[str] = _words("Jr. Jr Sr. Sr II III IV")
# Connectors allowed inside a capitalised name ("Bank of America", "Ludwig van Beethoven").
NAME_CONNECTORS: frozenset[str] = _words("of for de da del della van von der den bin ibn al la le du dos das des y on")
# Common first names: a first name makes a person, and keeps "she" from resolving to a man.
FEMALE_NAMES: frozenset[str] = FEMALE_FORENAMES
MALE_NAMES: frozenset[str] = MALE_FORENAMES
FEMALE_ROLE_WORDS: frozenset[str] = _words(
    "spokeswoman chairwoman congresswoman businesswoman stateswoman councilwoman assemblywoman actress "
    "wife mother daughter sister grandmother widow queen princess duchess lady madam"
)
MALE_ROLE_WORDS: frozenset[str] = _words(
    "spokesman chairman congressman businessman statesman councilman assemblyman husband father son "
    "brother grandfather widower king prince duke sir lord"
)
# Nouns that can head an unnamed source ("a senior official", "people familiar with the matter",
# "analysts at the bank"): people and bodies that speak. Documents, places and events never do.
SOURCE_NOUNS: frozenset[str] = _words(
    "official spokesman spokeswoman spokesperson representative source people person analyst expert "
    "economist witness eyewitness resident police officer investigator prosecutor authority authorities "
    "administration government ministry department company firm group campaign agency aide adviser advisor "
    "diplomat lawmaker legislator senator congressman congresswoman leader minister president chief executive "
    "director chairman chairwoman chair manager employee worker staff staffer member critic supporter "
    "opponent observer researcher scientist voter fan user customer parent student teacher doctor physician "
    "nurse lawyer attorney judge court army military commander soldier general regulator insider friend "
    "relative neighbour neighbor survivor passenger victim organizer organiser player coach team club league "
    "union party democrat republican commentator pundit historian activist protester protestor campaigner "
    "network newspaper broadcaster media reporter correspondent editor journalist author writer star singer "
    "actor actress host rapper founder ceo owner boss operator bank lender investor trader strategist "
    "pollster consultant negotiator envoy ambassador mayor governor secretary deputy counsel colleague "
    "family mother father wife husband son daughter brother sister driver pilot crew officials "
    "partner head figure lawmaker member mp mps residents locals local citizen citizens clerk "
    "administrator agent agents guard guards firefighter firefighters paramedic medic rescuer "
    "board council committee commission ministry office bureau institute university school hospital "
    "airline carrier insurer retailer maker manufacturer developer provider operator producer studio "
    "label publisher service regulator watchdog prosecutors spokespeople delegation embassy "
    "consulate state department police force unit cabinet parliament congress senate house"
)
SOURCE_NOUNS = SOURCE_NOUNS | _words(
    "man woman men women goer moderator magnate socialist commissioner technologist defender ally some all "
    "most many both few others other several everyone everybody nobody someone somebody majority "
    "minority percent democrats republicans americans latinos liberals conservatives progressives "
    "evangelicals independents candidate nominee rival challenger incumbent front-runner frontrunner "
    "billionaire businessman businesswoman mogul donor backer surrogate attendant another one "
    "giant conglomerate automaker carmaker chipmaker "
    # sites and guides that argue or warn ("One popular air-travel site argues that", "Online guides … warn")
    "site website blog guide forum magazine outlet"
    # people named by what they do or back (issue 21: "Proponents of the bill say", "Other refugee advocates said")
    " associate advocate proponent partisan side narrator designer delegate participant attendee volunteer "
    "citizen individual respondent"
)
# Documents and polls: they carry attributions, but never speak (the quote keeps no speaker).
DOCUMENT_NOUNS: frozenset[str] = _words(
    "statement report result poll survey ad advertisement letter complaint study data figure record "
    "document filing memo analysis estimate release message email tweet post video book article editorial "
    "indictment lawsuit suit ruling order paper papers transcript projection forecast count tally "
    "research review audit investigation inquiry probe proposal plan bill law platform website site page "
    "account feed commercial spot exit"
)
