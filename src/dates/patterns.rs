//! The date grammar as text: the words it knows and its rules, one regex
//! pattern each. Self-contained (std only): `build.rs` includes this file to
//! compile the rules into the automaton the library embeds, and
//! [`super::grammar`] compiles each rule again with its groups.

/// Month regex alternatives (capitalised or all capitals; never lower case,
/// since "may" and "march" are common words).
pub const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

/// The months' full names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays' full names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Weekday regex alternatives.
pub const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thurs?\.|Fri\.|Sat\.|Sun\.)";

/// Season words.
pub const SEASON: &str =
    r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|SPRING|SUMMER|AUTUMN|FALL|WINTER)";

/// Ordinal words for centuries.
pub const ORDINAL: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth|Twenty[- ][Ff]irst)";

/// Decade words.
pub const DECADE_WORD: &str = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|Twenties|Thirties|Forties|Fifties|Sixties|Seventies|Eighties|Nineties)";

/// Cardinal number words for relative expressions.
pub const NUMBER_WORD: &str = r"(?:[Aa]|[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety|[Aa][ \t]+few|[Aa][ \t]+couple[ \t]+of|[Ss]everal|[Ss]ome|[Mm]any)";

/// The ordinal words of the days of a month, "first" to "thirty-first".
pub const DAY_ORDINALS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

/// A regex alternation of [`DAY_ORDINALS`], lower case or capitalised, with
/// a hyphen or a space in the compounds ("twenty-ninth", "Twenty ninth").
/// (No word begins another, so their order does not matter.)
pub fn day_ordinal_regex() -> String {
    let alts: Vec<String> = DAY_ORDINALS
        .iter()
        .map(|w| {
            format!(
                "[{}{}]{}",
                &w[..1].to_ascii_uppercase(),
                &w[..1],
                &w[1..].replace('-', "[- ]")
            )
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// Days known by name (a regex alternation). Fixed dates only: movable feasts
/// (Easter) would need a calendar computation the grammar does not do.
pub const NAMED_DAY: &str = r"Christmas(?:[ \t]+(?:Day|Eve))?|New[ \t]+Year['’]s[ \t]+(?:Day|Eve)|Independence[ \t]+Day|Bastille[ \t]+Day|Armistice[ \t]+Day|Veterans[ \t]+Day|V-?E[ \t]+Day|V-?J[ \t]+Day|D-Day|Pearl[ \t]+Harbor[ \t]+Day|Easter(?:[ \t]+(?:Sunday|Monday|Day))?|Good[ \t]+Friday|Holy[ \t]+Saturday|Maundy[ \t]+Thursday|Palm[ \t]+Sunday|Ash[ \t]+Wednesday|Ascension[ \t]+Day|Whit(?:sun(?:day)?|[ \t]+(?:Sunday|Monday))|Pentecost|Ides[ \t]+of[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)";

/// A year in words, 1700–1999 ("one thousand nine hundred and seventeen",
/// "nineteen hundred and forty", "Eighteen hundred sixty-one").
pub const YEAR_WORDS: &str = r"(?:(?:[Oo]ne[ \t]+thousand[ \t]+(?:seven|eight|nine)|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)[ \t]+hundred(?:(?:[ \t]+and)?[ \t]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine))?)";

/// White space inside a date: blanks, or one line break.
pub const SP: &str = r"(?:[ \t\u{a0}]+|[ \t]*\r?\n[ \t]*)";
/// A dash between the two ends of a range.
pub const DASH: &str = r"[ \t]*[-–—‐][ \t]*";
/// An ordinal suffix ("1st", "2d").
pub const ORD_SUFFIX: &str = r"(?:st|nd|rd|th|d)?";
/// An ASCII word boundary (the automaton needs no Unicode tables).
pub const B: &str = r"(?-u:\b)";
/// A day of a month as a number, 1 to 31, where a month's name may be
/// followed by another number ("January 49 BC", "January 45 soldiers").
pub const DAY: &str = r"(?:0?[1-9]|[12][0-9]|3[01])";
/// An era after a year: a word of its own ("12 CEOs" is no era) or dotted.
pub const ERA: &str = r"(?:(?:BCE|BC|AD|CE)(?-u:\b)|B\.C\.E\.|B\.C\.|A\.D\.|C\.E\.)";

/// The rules, in order of preference (the first that matches at a position
/// wins); [`super::grammar`] reads a match by the rule's group names.
pub fn rules() -> Vec<String> {
    let year = r"[12][0-9]{3}";
    let (months, weekdays) = (MONTH_NAMES.join("|"), WEEKDAY_NAMES.join("|"));
    let day_ordinal = day_ordinal_regex();
    let alts = [
        // Weekday? Month Day(–Day)?, Year ("the night of November 9/10, 1938";
        // "January 13,1835" in old newspapers)
        format!(
            r"(?:(?P<wd1>{WEEKDAY}),?{SP})?(?P<m1>{MONTH}){SP}(?P<d1>[0-9]{{1,2}}){ORD_SUFFIX}(?:(?:{DASH}|/)(?P<d1b>[0-9]{{1,2}}){ORD_SUFFIX})?(?:,?{SP}|,)(?:(?:A\.[ ]?D\.|AD){SP})?(?P<y1>{year}){B}"
        ),
        // Weekday? (the)? Day(–Day)? (of)? Month,? Year
        format!(
            r"(?:(?P<wd2>{WEEKDAY}),?{SP})?(?:the{SP})?(?:(?P<d2>[0-9]{{1,2}}){ORD_SUFFIX}(?:(?:{DASH}|/)(?P<d2b>[0-9]{{1,2}}){ORD_SUFFIX})?{SP}(?:(?:day{SP})?of{SP})?|(?P<d2w>{day_ordinal}){SP}(?:day{SP})?of{SP})(?P<m2>{MONTH}),?{SP}(?:(?:A\.[ ]?D\.|AD){SP})?(?P<y2>{year}){B}"
        ),
        format!(r"{B}(?P<iso>{year}-[01][0-9]-[0-3][0-9]){B}"),
        format!(r"{B}(?P<n1>[0-9]{{1,2}})/(?P<n2>[0-9]{{1,2}})/(?P<n3>{year}|[0-9]{{2}}){B}"),
        format!(
            r"{B}(?P<rd>[0-9]{{1,2}})\.(?P<rm>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?P<ry>{year}){B}"
        ),
        // Month–Month Year
        format!(r"(?P<m6a>{MONTH}){DASH}(?P<m6b>{MONTH}),?{SP}(?P<y6>{year}){B}"),
        // Month (blank)? Year / Month ’51
        format!(
            r"(?P<m7>{MONTH}),?{SP}(?:\(blank\),?{SP}|of{SP})?(?:(?P<y7>{year}){B}|['’](?P<y7s>[0-9]{{2}}){B})"
        ),
        // Weekday? Month Day
        format!(r"(?:(?P<wd8>{WEEKDAY}),?{SP})?(?P<m8>{MONTH}){SP}(?P<d8>{DAY}){ORD_SUFFIX}{B}"),
        // (the)? Day (of)? Month
        format!(
            r"{B}(?:the{SP})?(?:(?P<d9>[0-9]{{1,2}}){ORD_SUFFIX}{SP}(?:(?:day{SP})?of{SP})?|(?P<d9w>{day_ordinal}){SP}(?:day{SP})?of{SP})(?P<m9>{MONTH})"
        ),
        // Season (of)? Year(–Year)? / Season (of)? ’44
        format!(
            r"{B}(?:[Tt]he{SP})?(?P<s10>{SEASON}){SP}(?:of{SP})?(?:(?P<y10>{year})(?:(?:{DASH}|/)(?P<y10b>[0-9]{{2}}|{year}))?|['’](?P<y10s>[0-9]{{2}})){B}"
        ),
        // Decades
        format!(
            r"{B}(?:[Tt]he{SP}(?:(?P<dmod>early|mid|late|middle)[- ]?)?)?(?P<dec>[12][0-9]{{2}}0)['’]?s{B}"
        ),
        format!(
            r"(?:[Tt]he{SP}(?:(?P<dmod2>early|mid|late|middle)[- ]?)?)?(?P<dec2q>['’])?(?P<dec2>[0-9]0)s{B}"
        ),
        format!(
            r"{B}[Tt]he{SP}(?:(?P<dmod3>early|mid|late|middle)[- ]?)?(?P<decw>{DECADE_WORD}){B}"
        ),
        // Centuries ("the 19th century", "the seventeenth and eighteenth
        // centuries")
        format!(
            r"{B}(?:[Tt]he{SP})?(?:(?P<cmod>early|mid|late|middle)[- ]?)?(?:(?P<cn>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw>{ORDINAL}))(?:(?:{SP}(?:and|to)|{DASH}){SP}?(?:the{SP})?(?:(?:early|mid|late|middle)[- ]?)?(?:(?P<cn2>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw2>{ORDINAL})){SP}[Cc]entur(?:y|ies)|{SP}[Cc]entury)(?:{SP}(?P<cera>{ERA}))?"
        ),
        // Years with an era
        format!(
            r"{B}(?:(?P<em>{MONTH}),?{SP}|(?:[Tt]he{SP})?(?P<es>{SEASON}){SP}(?:of{SP})?)?(?:(?P<ey0>[0-9]{{1,4}})(?:{DASH}|{SP}to{SP}))?(?P<ey>[0-9]{{1,4}}){SP}?(?P<era>{ERA})"
        ),
        format!(r"{B}(?P<era2>AD|A\.D\.){SP}?(?P<ey2>[0-9]{{1,4}}){B}"),
        // Year–Year, Year–YY, Year/YY
        format!(r"{B}(?P<yr1>{year})(?:{DASH}|/)(?P<yr2>{year}|[0-9]{{2}}){B}"),
        // Year alone (guards apply)
        format!(r"{B}(?P<y>{year}){B}"),
        // Season alone (needs the narrative)
        format!(
            r"{B}(?P<rseason>(?:[Tt]he|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext){SP}(?:(?P<rsdir>following|next|previous|preceding|same){SP})?(?:(?P<rsmod>early|late|mid)(?:-|{SP}))?(?P<s11>{SEASON})){B}"
        ),
        // Relative expressions
        format!(
            r"{B}(?P<rel>(?:(?:[Tt]he|[Tt]hat){SP})?(?P<rdir>following|next|previous|preceding|same|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext){SP}(?:(?:fiscal|financial|calendar){SP})?(?P<runit>day|week|month|year|decade|century)){B}"
        ),
        // "the end of the year", "late in the year": the narrative's year
        // (month, week, decade, century)
        format!(
            r"{B}(?P<rpart>(?:[Tt]he{SP}(?:beginning|start|middle|end|close){SP}of{SP}(?:the{SP})?|(?:[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier){SP}in{SP}the{SP}|[Mm]id-)(?P<rpunit>year|month|week|decade|century)){B}"
        ),
        // "the turn of the century" (the start of the century that begins
        // nearest the narrative's year)
        format!(r"{B}(?P<turn>[Tt]he{SP}turn{SP}of{SP}the{SP}century){B}"),
        format!(
            r"{B}(?P<ago>(?:(?P<anum>{NUMBER_WORD}|[0-9]{{1,3}}){SP}|(?P<athe>[Tt]he){SP})?(?P<aunit>[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|[Dd]ecades?){SP}(?P<adir>later|earlier|ago|afterwards?|after|before)){B}"
        ),
        format!(r"{B}(?P<now>[Tt]oday|[Nn]ow|[Yy]esterday|[Tt]omorrow|[Cc]urrently){B}"),
        // "to the present day", "until the present day"
        format!(r"{B}(?P<presday>the{SP}present{SP}day){B}"),
        // A weekday alone ("on Friday", "last Tuesday")
        format!(r"{B}(?P<wdx>(?:(?P<wdir>[Ll]ast|[Nn]ext|[Tt]his){SP})?(?P<wday>{weekdays})){B}"),
        // A weekend ("over the week-end", "last weekend")
        format!(
            r"{B}(?P<wkend>(?P<wedir>[Tt]he|[Tt]his|[Ll]ast|[Nn]ext){SP}week(?:-|{SP})?end){B}"
        ),
        // Named days: with a year, or resolved like "June 25"
        format!(
            r"{B}(?P<named>{NAMED_DAY}){B}(?:,?{SP}(?:of{SP})?(?:(?P<ny>{year}){B}|(?P<nye>[0-9]{{1,4}}){SP}?(?P<nyera>{ERA})))?"
        ),
        // Month alone
        // (abbreviated: "in Nov", "by Dec."; "Jan", "Mar", "Jun", "Jul" only with a period)
        format!(
            r"(?-u:\b)(?:(?:(?P<mdir>[Ll]ast|[Nn]ext|[Tt]his)|[Tt]he{SP}(?P<mrel>previous|preceding|following|next)){SP})?(?P<mo>(?:{months})(?-u:\b)|(?:Feb|Apr|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?-u:\b))|(?:Jan|Mar|Jun|Jul)\.)"
        ),
        // A season alone, without "the" ("in winter", "summer and autumn
        // 1918"; guards apply)
        format!(r"{B}(?P<bseason>{SEASON}){B}"),
        // A year in words ("in the year of our Lord one thousand eight
        // hundred and sixty-three"; guards apply)
        format!(
            r"{B}(?P<ywords>(?:[Tt]he{SP}year{SP}(?:of{SP}our{SP}Lord{SP})?)?(?P<yw>{YEAR_WORDS})){B}"
        ),
        // A day of the month of writing, the last or the next, in letters
        // ("your despatch of the 4th instant", "the 28th ultimo", "the 3d
        // prox.")
        format!(
            r"{B}[Tt]he{SP}(?P<wmd>[0-9]{{1,2}})(?:st|nd|rd|th|d)\.?{SP}(?P<wmrel>(?:instant|ultimo|proximo){B}|(?:inst|ult|prox)\.)"
        ),
        // A day of the narrative's month ("On the 5th, the Soviets", "on the
        // 28th of that month"; guards apply)
        format!(
            r"{B}(?P<dom>[Tt]he{SP}(?P<domd>[0-9]{{1,2}})(?:st|nd|rd|th|d)(?P<domof>{SP}of{SP}(?:that|the{SP}same|this){SP}month)?){B}"
        ),
    ];
    alts.into()
}

/// The words every phrase of [`prefix`] ends in (but for a hyphen: "mid-"),
/// case aside and without a period ("c."): the grammar runs the prefix regex
/// only after one of them. A new phrase's last word belongs here.
pub const PREFIX_LAST_WORDS: [&str; 16] = [
    "of",
    "in",
    "to",
    "early",
    "late",
    "mid",
    "middle",
    "circa",
    "c",
    "ca",
    "about",
    "around",
    "approximately",
    "before",
    "after",
    "since",
];

/// The modifier phrases a date may follow ("the end of", "early", "about"),
/// anchored at the end of the text before the date.
pub fn prefix() -> String {
    format!(
        r"\b(?:(?P<the>[Tt]he{SP})?(?P<phrase>very{SP}beginning|beginning|turn|start|middle|end|close|first{SP}half|second{SP}half|latter{SP}half|latter{SP}part|early{SP}part|first{SP}part|(?:first|last|final|closing|opening|early|later)(?:{SP}(?:few|two|three))?{SP}(?:days|weeks?|fortnight|months)){SP}of{SP}|(?P<eml>[Ee]arly|[Ll]ate|[Mm]id|[Mm]iddle)(?:-|{SP}(?:in{SP})?)|(?P<later>[Ll]ater|[Ee]arlier){SP}in{SP}|(?P<approx>[Cc]irca|[Cc]\.|[Cc]a\.|[Aa]bout|[Aa]round|[Aa]pproximately|[Ss]ometime{SP}in)[ \t]*|(?P<before>[Bb]efore|[Pp]rior{SP}to){SP}|(?P<after>[Aa]fter|[Ss]ince)[ \t]+)$"
    )
}
