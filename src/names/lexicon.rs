//! The closed word lists of the name rules, and the two open lists built from
//! data: given names (from the Office of the Historian persons) and ordinary
//! English words (words the public-domain corpus writes in lower case).

use std::hash::Hasher;
use std::sync::OnceLock;

use super::short_words::ShortWords;
use crate::dates::lexicon::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::text::GIVEN_NAME_ABBREVIATIONS;

/// First names of the Office of the Historian persons (`scripts/build_gazetteers.py`).
static GIVEN_NAMES: &str = include_str!("../../gazetteers/given-names.txt");
/// Words written in lower case at least five times in the corpus.
static ORDINARY_WORDS: &str = include_str!("../../gazetteers/ordinary-words.txt");

/// FNV-1a, for short keys (the standard hasher is DoS-resistant and slow).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A fast set of short byte strings.
pub(crate) type WordSet = ShortWords<()>;

/// The words of a list, one to a line (`#` opens a comment line). Built at
/// its full size at once, by bytes: the ordinary words' set, grown by
/// doubling from lines split by characters, was half of a one-sentence run.
fn word_set(list: &'static str) -> WordSet {
    let lines = memchr::memchr_iter(b'\n', list.as_bytes()).count() + 1;
    let mut set = WordSet::with_capacity(lines);
    set.extend(list_words(list));
    set
}

/// The words of a list, one to a line (`#` opens a comment line).
fn list_words(list: &'static str) -> impl Iterator<Item = &'static [u8]> {
    list.as_bytes()
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .filter(|l| !l.is_empty() && l[0] != b'#')
}

/// Given names, as written ("Arthur").
pub(crate) fn given_names() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = word_set(GIVEN_NAMES);
        set.extend(GIVEN_NAME_ABBREVIATIONS.iter().map(|a| a.as_bytes()));
        set
    })
}

/// Ordinary English words, in lower case ("government", "river"), with the
/// words for peoples and nations ("european", "soviet"), which are written
/// with a capital but are never a person's name.
pub(crate) fn ordinary_words() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = word_set(ORDINARY_WORDS);
        set.extend(DEMONYMS.iter().map(|d| d.as_bytes()));
        // Month and weekday names, in lower case: never part of a person's
        // name. Built once from the date grammar's lists; the set holds
        // borrowed words, so this one small string lives for the program.
        let calendar: &'static str = Box::leak(
            calendar_names()
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
                .join("\n")
                .into_boxed_str(),
        );
        set.extend(list_words(calendar));
        set
    })
}

/// Words for peoples, nations, faiths and parties (lower case).
const DEMONYMS: &[&str] = &[
    "afghan",
    "african",
    "albanian",
    "algerian",
    "allied",
    "american",
    "anglo",
    "arab",
    "arabian",
    "argentine",
    "argentinian",
    "armenian",
    "asian",
    "asiatic",
    "atlantic",
    "australian",
    "austrian",
    "balkan",
    "baltic",
    "belgian",
    "bolivian",
    "bolshevik",
    "brazilian",
    "british",
    "bulgarian",
    "burmese",
    "byzantine",
    "cambodian",
    "canadian",
    "catholic",
    "chilean",
    "chinese",
    "christian",
    "colombian",
    "communist",
    "confederate",
    "cuban",
    "czech",
    "czechoslovak",
    "danish",
    "democrat",
    "democratic",
    "dutch",
    "egyptian",
    "english",
    "estonian",
    "ethiopian",
    "eurasian",
    "european",
    "fascist",
    "filipino",
    "finnish",
    "franco",
    "french",
    "gaelic",
    "georgian",
    "german",
    "greek",
    "hellenic",
    "hindu",
    "hungarian",
    "iberian",
    "indian",
    "indochinese",
    "indonesian",
    "iranian",
    "iraqi",
    "irish",
    "islamic",
    "israeli",
    "italian",
    "japanese",
    "jewish",
    "jordanian",
    "korean",
    "kurdish",
    "lao",
    "laotian",
    "latin",
    "latvian",
    "lebanese",
    "libyan",
    "lithuanian",
    "malay",
    "malayan",
    "malaysian",
    "manchu",
    "marxist",
    "mexican",
    "mongol",
    "mongolian",
    "moroccan",
    "moslem",
    "muslim",
    "nationalist",
    "nazi",
    "nordic",
    "norwegian",
    "oriental",
    "ottoman",
    "pacific",
    "pakistani",
    "palestinian",
    "persian",
    "peruvian",
    "polish",
    "portuguese",
    "protestant",
    "prussian",
    "republican",
    "roman",
    "romanian",
    "rumanian",
    "russian",
    "saudi",
    "scandinavian",
    "scottish",
    "serb",
    "serbian",
    "siamese",
    "sino",
    "slav",
    "slavic",
    "slovak",
    "socialist",
    "soviet",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "thai",
    "tibetan",
    "turkish",
    "ukrainian",
    "venezuelan",
    "vietnamese",
    "welsh",
    "western",
    "eastern",
    "northern",
    "southern",
    "yugoslav",
    "yugoslavian",
    "zionist",
    "tsarist",
    "imperial",
    "royal",
    "red",
];

/// Titles, ranks and honorifics that stand before a person's name (outside its span).
pub(crate) const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Premier",
    "Chairman",
    "Marshal",
    "General",
    "Gen",
    "Generalissimo",
    "Admiral",
    "Adm",
    "Ambassador",
    "Amb",
    "Secretary",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "King",
    "Queen",
    "Emperor",
    "Empress",
    "Prince",
    "Princess",
    "Senator",
    "Sen",
    "Representative",
    "Rep",
    "Congressman",
    "Governor",
    "Gov",
    "Colonel",
    "Col",
    "Captain",
    "Capt",
    "Lieutenant",
    "Lt",
    "Major",
    "Maj",
    "Sergeant",
    "Sgt",
    "Commander",
    "Brigadier",
    "Judge",
    "Justice",
    "Professor",
    "Prof",
    "Father",
    "Bishop",
    "Archbishop",
    "Cardinal",
    "Pope",
    "Rev",
    "Reverend",
    "Madame",
    "Mme",
    "Mlle",
    "Monsieur",
    "Herr",
    "Frau",
    "Señor",
    "Chancellor",
    "Consul",
    "Chargé",
    "Counselor",
    "Counsellor",
    "Attaché",
    "Envoy",
    "Commissioner",
    "Mayor",
    "Sheikh",
    "Shah",
    "Sultan",
    "Emir",
    "Tsar",
    "Czar",
    "Kaiser",
    "Duke",
    "Duchess",
    "Count",
    "Countess",
    "Baron",
    "Marquis",
    "Earl",
    "Messrs",
    "Comrade",
    "Dictator",
    "Leader",
    "Chief",
    "Director",
    "Undersecretary",
    "Under",
];

/// Titles that still mark a name when written in lower case ("king Ferdinand",
/// "general MacArthur"); "president" and "secretary" are too often followed by
/// other capitalised words to be here.
pub(crate) const LOWER_TITLES: &[&str] = &[
    "king",
    "queen",
    "emperor",
    "empress",
    "prince",
    "princess",
    "general",
    "admiral",
    "marshal",
    "colonel",
    "captain",
    "governor",
    "senator",
    "premier",
    "generalissimo",
    "ambassador",
    "chancellor",
    "consul",
    "bishop",
    "cardinal",
    "pope",
    "sultan",
    "shah",
    "czar",
    "tsar",
];

/// Words after "Secretary of", "Minister of" … that belong to the title.
pub(crate) const TITLE_OBJECTS: &[&str] = &[
    "State",
    "Defense",
    "Defence",
    "War",
    "the",
    "Navy",
    "Army",
    "Air",
    "Force",
    "Foreign",
    "Affairs",
    "Treasury",
    "Commerce",
    "Interior",
    "Agriculture",
    "Labor",
    "Justice",
    "Finance",
    "Staff",
    "Information",
];

/// Words that join the parts of a name in lower case ("de Gaulle", "von Ribbentrop").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "von", "van", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "del",
    "dos", "das", "ter", "zu", "y",
];

/// Verbs that make the capitalised word before them a speaker ("Groot describes").
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "told",
    "tells",
    "asked",
    "asks",
    "replied",
    "declared",
    "describes",
    "described",
    "argued",
    "argues",
    "wrote",
    "writes",
    "noted",
    "notes",
    "explained",
    "added",
    "remarked",
    "observed",
    "emphasized",
    "emphasised",
    "insisted",
    "urged",
    "recalled",
    "suggested",
    "concluded",
    "commented",
    "agreed",
    "announced",
    "claimed",
    "believed",
];

/// Family names written first (so a lone first word of the full name is the
/// surname: "Kim" of "Kim Il-sung", "Mao" of "Mao Zedong").
pub(crate) const FAMILY_FIRST: &[&str] = &[
    "Kim", "Park", "Pak", "Lee", "Yi", "Choi", "Mao", "Chou", "Zhou", "Chiang", "Jiang", "Liu",
    "Lin", "Chen", "Ch'en", "Chu", "Zhu", "Deng", "Teng", "Hu", "Ho", "Ngo", "Pham", "Nguyen",
    "Tran", "Le", "Sun", "Wang", "Li", "Soong", "Kung", "Yuan", "Peng", "Chang", "Zhang", "Tojo",
    "Yoshida", "Hirohito", "Kishi", "Sato", "Tanaka", "Wu", "Huang", "Kang", "Yang", "Zhao",
    "Chao",
];

/// Heads after a name that make it a place ("Yalu River", "Fujian Province").
pub(crate) const PLACE_HEADS: &[&str] = &[
    "River",
    "Sea",
    "Gulf",
    "Strait",
    "Straits",
    "Peninsula",
    "Province",
    "Mountains",
    "Mountain",
    "Island",
    "Islands",
    "Bay",
    "Lake",
    "Ocean",
    "Valley",
    "Desert",
    "Plateau",
    "Canal",
    "Channel",
    "Range",
    "Basin",
    "Coast",
    "Delta",
    "Archipelago",
    "Isthmus",
    "Hills",
    "Highlands",
    "Plain",
    "Plains",
    "Heights",
    "Pass",
    "Harbor",
    "Harbour",
    "Sound",
    "Prefecture",
    "County",
    "District",
    "Territory",
    "Oblast",
    "Reservoir",
    "Falls",
    "Glacier",
    "Atoll",
    "Reef",
    "Street",
    "Avenue",
    "Road",
    "Square",
];

/// Lower-case heads after a capitalised name that make it a place, as older
/// newspapers write them ("Putnam county", "the James river").
pub(crate) const LOWER_PLACE_HEADS: &[&str] = &[
    "county", "river", "township", "parish", "creek", "street", "avenue",
];

/// Heads before "of" that make an organisation of a place's name ("University
/// of Idaho", "Bank of England"): the place inside is not a place mention.
pub(crate) const ORG_HEADS_OF: &[&str] = &[
    "Government",
    "Govt",
    "University",
    "College",
    "Bank",
    "Church",
    "Museum",
    "Institute",
    "Academy",
    "Society",
    "Senate",
    "Parliament",
    "Department",
    "Ministry",
];

/// Lower-case heads after a capitalised name that make it an organisation
/// ("Whitman college", "the Jackson corporation").
pub(crate) const LOWER_ORG_HEADS: &[&str] = &[
    "college",
    "university",
    "school",
    "seminary",
    "academy",
    "corporation",
    "company",
    "railroad",
    "railway",
    "club",
    "society",
    "legion",
    "team",
];

/// Words for vessels before a ship's name ("the battleship Missouri", "USS
/// Maine", "the brig Smilax"): a ship named after a place is not a place.
pub(crate) const VESSELS: &[&str] = &[
    "ship",
    "steamer",
    "steamship",
    "brig",
    "schooner",
    "sloop",
    "frigate",
    "barque",
    "bark",
    "cruiser",
    "battleship",
    "destroyer",
    "carrier",
    "submarine",
    "yacht",
    "liner",
    "gunboat",
    "corvette",
    "ironclad",
    "tug",
    "vessel",
    "USS",
    "HMS",
    "SS",
    "RMS",
    "HMAS",
    "HMCS",
    "USNS",
    "SMS",
    "USCGC",
];

/// Heads before "of" that make a place ("Gulf of Tonkin", "Sea of Japan").
pub(crate) const PLACE_HEADS_OF: &[&str] = &[
    "Gulf", "Sea", "Bay", "Strait", "Straits", "Isle", "Isthmus", "Cape", "Province", "Port",
];

/// Words before a name that make it a place ("Mount Everest", "Lake Baikal").
pub(crate) const PLACE_PREFIXES: &[&str] = &["Mount", "Mt", "Lake", "Cape", "Fort", "Port", "Isle"];

/// Compass and position words that qualify a place ("Northeast China").
pub(crate) const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Inner",
    "Outer",
    "North-East",
    "North-West",
    "South-East",
    "South-West",
];

/// Heads that make the name before them an organisation ("Truman Administration").
pub(crate) const ORG_HEADS: &[&str] = &[
    "Government",
    "Govt",
    "Administration",
    "Radio",
    "Party",
    "Army",
    "Navy",
    "Embassy",
    "Legation",
    "Consulate",
    "Ministry",
    "Department",
    "Congress",
    "Parliament",
    "Senate",
    "Council",
    "Commission",
    "Committee",
    "Organization",
    "Organisation",
    "Assembly",
    "Command",
    "Office",
    "Bank",
    "University",
    "Company",
    "Corporation",
    "Agency",
    "Mission",
    "Delegation",
    "Cabinet",
    "Diet",
    "Court",
    "Constitution",
    "League",
    "Front",
    "Movement",
    "Forces",
    "Corps",
    "Fleet",
    "Association",
    "Institute",
    "Society",
    "Bureau",
    "Secretariat",
    "Politburo",
    "Kuomintang",
    "Guard",
    "Regime",
];

/// Heads that make the name before them an event ("Korean War", "Yalta Conference").
pub(crate) const EVENT_HEADS: &[&str] = &[
    "War",
    "Wars",
    "Revolution",
    "Conference",
    "Crisis",
    "Expedition",
    "Uprising",
    "Rebellion",
    "Offensive",
    "Campaign",
    "Airlift",
    "Blockade",
    "Incident",
    "Massacre",
    "Occupation",
    "Summit",
    "Invasion",
    "Landing",
    "Landings",
    "Siege",
    "Battle",
    "Purge",
    "Terror",
    "Reformation",
    "Renaissance",
    "Depression",
    "Famine",
    "Olympics",
    "Games",
    // Policies and documents (not events, but never people or places either).
    "Plan",
    "Doctrine",
    "Resolution",
    "Paper",
    "Act",
    "Amendment",
    "Program",
    "Programme",
];

/// Words that name a treaty when a name stands before them or a tail after them.
pub(crate) const TREATY_HEADS: &[&str] = &[
    "Treaty",
    "Treaties",
    "Pact",
    "Agreement",
    "Agreements",
    "Accord",
    "Accords",
    "Convention",
    "Protocol",
    "Charter",
    "Armistice",
    "Declaration",
    "Covenant",
    "Concordat",
    "Entente",
];

/// Month abbreviations: with the month and weekday names
/// ([`calendar_names`]), a date, never part of a name's tail.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The months' and weekdays' full names (from the date grammar's lexicon).
fn calendar_names() -> impl Iterator<Item = &'static str> {
    MONTH_NAMES.iter().chain(&WEEKDAY_NAMES).copied()
}

/// Words that may sit inside the tail of a treaty name ("of the", "and").
pub(crate) const TREATY_TAIL_JOINERS: &[&str] =
    &["of", "the", "and", "for", "on", "between", "to", "in"];

/// Words that never begin a name though written with a capital.
pub(crate) const DETERMINERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "Such", "Each", "Every", "Any", "Some",
    "Our", "Their", "His", "Her", "Its", "My", "Your", "No", "Both", "All", "Other", "Another",
];

/// Numerals after "World War".
pub(crate) const WAR_NUMBERS: &[&str] = &["I", "II", "III", "One", "Two", "Three"];

/// Lower-case heads that a hyphenated name may take ("Sino-Tibetan agreement").
pub(crate) const LOWER_TREATY_HEADS: &[&str] = &[
    "treaty",
    "treaties",
    "agreement",
    "agreements",
    "pact",
    "accord",
    "accords",
];

/// Words that open a tail after a treaty head.
pub(crate) const TAIL_STARTS: &[&str] = &["of", "on", "for", "between", "concerning"];

/// The word lists, as bits of a word's roles (a word may be in several).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum List {
    Titles,
    LowerTitles,
    TitleObjects,
    Particles,
    ReportingVerbs,
    PlaceHeads,
    PlaceHeadsOf,
    PlacePrefixes,
    Compass,
    OrgHeads,
    EventHeads,
    TreatyHeads,
    LowerTreatyHeads,
    TreatyTailJoiners,
    TailStarts,
    Determiners,
    CalendarWords,
    WarNumbers,
    LowerPlaceHeads,
    OrgHeadsOf,
    LowerOrgHeads,
    Vessels,
}

impl List {
    const ALL: [List; 22] = [
        List::Titles,
        List::LowerTitles,
        List::TitleObjects,
        List::Particles,
        List::ReportingVerbs,
        List::PlaceHeads,
        List::PlaceHeadsOf,
        List::PlacePrefixes,
        List::Compass,
        List::OrgHeads,
        List::EventHeads,
        List::TreatyHeads,
        List::LowerTreatyHeads,
        List::TreatyTailJoiners,
        List::TailStarts,
        List::Determiners,
        List::CalendarWords,
        List::WarNumbers,
        List::LowerPlaceHeads,
        List::OrgHeadsOf,
        List::LowerOrgHeads,
        List::Vessels,
    ];

    /// The list's words, in one or more parts.
    fn words(self) -> &'static [&'static [&'static str]] {
        match self {
            List::Titles => &[TITLES],
            List::LowerTitles => &[LOWER_TITLES],
            List::TitleObjects => &[TITLE_OBJECTS],
            List::Particles => &[PARTICLES],
            List::ReportingVerbs => &[REPORTING_VERBS],
            List::PlaceHeads => &[PLACE_HEADS],
            List::PlaceHeadsOf => &[PLACE_HEADS_OF],
            List::PlacePrefixes => &[PLACE_PREFIXES],
            List::Compass => &[COMPASS],
            List::OrgHeads => &[ORG_HEADS],
            List::EventHeads => &[EVENT_HEADS],
            List::TreatyHeads => &[TREATY_HEADS],
            List::LowerTreatyHeads => &[LOWER_TREATY_HEADS],
            List::TreatyTailJoiners => &[TREATY_TAIL_JOINERS],
            List::TailStarts => &[TAIL_STARTS],
            List::Determiners => &[DETERMINERS],
            List::CalendarWords => &[&MONTH_NAMES, &WEEKDAY_NAMES, MONTH_ABBREVIATIONS],
            List::WarNumbers => &[WAR_NUMBERS],
            List::LowerPlaceHeads => &[LOWER_PLACE_HEADS],
            List::OrgHeadsOf => &[ORG_HEADS_OF],
            List::LowerOrgHeads => &[LOWER_ORG_HEADS],
            List::Vessels => &[VESSELS],
        }
    }

    /// The list's bit in a word's roles.
    #[inline]
    pub(crate) fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Every listed word with the bits of the lists it is in.
fn role_map() -> &'static ShortWords<u32> {
    static MAP: OnceLock<ShortWords<u32>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = ShortWords::with_capacity(1024);
        for list in List::ALL {
            for w in list.words().iter().copied().flatten() {
                map.update(w.as_bytes(), |bits| *bits |= list.bit());
            }
        }
        map
    })
}

/// The longest listed word, in bytes.
const LONGEST: usize = 16;

/// The lists that `text[start..end]` (as written) is in, as bits.
#[inline]
pub(crate) fn roles_in(text: &[u8], start: usize, end: usize) -> u32 {
    if end - start > LONGEST {
        return 0;
    }
    role_map().get_in(text, start, end).unwrap_or(0)
}

/// The lists that `word` (as written) is in, as bits.
#[inline]
pub(crate) fn roles(word: &[u8]) -> u32 {
    roles_in(word, 0, word.len())
}
