//! Word lists and templates for the synthetic news generator.
//!
//! Everything here is invented for the generator: people, outlets, agencies,
//! companies and all sentences are made up. Only the places are real (a
//! gazetteer-style list of world cities), because real place names are what a
//! news extractor has to cope with.
//!
//! Template slots are `{name}`; see `generator::Ctx::slot` for the list.

/// A given name and its spellings (transliteration variants first form = most common).
pub struct Given {
    pub forms: &'static [&'static str],
    pub female: bool,
}

const fn g(forms: &'static [&'static str], female: bool) -> Given {
    Given { forms, female }
}

pub static GIVEN: &[Given] = &[
    g(&["Sergei", "Sergey", "Serhiy"], false),
    g(&["Aleksandr", "Alexander", "Oleksandr"], false),
    g(&["Dmitri", "Dmitry", "Dmytro"], false),
    g(&["Yuri", "Yury", "Yuriy"], false),
    g(&["Andrei", "Andrey", "Andriy"], false),
    g(&["Nikolai", "Nikolay", "Mykola"], false),
    g(&["Alexei", "Alexey", "Oleksiy"], false),
    g(&["Yevgeny", "Evgeny", "Yevhen"], false),
    g(&["Mikhail", "Mykhailo"], false),
    g(&["Natalia", "Natalya", "Nataliya"], true),
    g(&["Tatiana", "Tatyana", "Tetiana"], true),
    g(&["Yulia", "Yuliya", "Julia"], true),
    g(&["Olena", "Elena", "Yelena"], true),
    g(&["Iryna", "Irina"], true),
    g(&["Mohammed", "Muhammad", "Mohamed"], false),
    g(&["Abdel", "Abdul"], false),
    g(&["Hussein", "Husayn"], false),
    g(&["Ahmed", "Ahmad"], false),
    g(&["Fatima", "Fatma"], true),
    g(&["Leila", "Layla"], true),
    g(&["Maria"], true),
    g(&["Daniel"], false),
    g(&["Laura"], true),
    g(&["Thomas"], false),
    g(&["Anna"], true),
    g(&["Peter"], false),
    g(&["Jonas"], false),
    g(&["Sofia"], true),
    g(&["Martin"], false),
    g(&["Claire"], true),
    g(&["Inês", "Ines"], true),
    g(&["Lucas"], false),
    g(&["Amara"], true),
    g(&["Kwame"], false),
    g(&["Priya"], true),
    g(&["Ravi"], false),
    g(&["Hana"], true),
    g(&["Kenji"], false),
    g(&["Lucía", "Lucia"], true),
    g(&["Mateo"], false),
    g(&["Ingrid"], true),
    g(&["Farah"], true),
    g(&["Omar"], false),
    g(&["Grace"], true),
    g(&["Samuel"], false),
    g(&["Nadia"], true),
    g(&["Paulo"], false),
    g(&["Chloé", "Chloe"], true),
    g(&["Henrik"], false),
    g(&["Aisha"], true),
    g(&["Tomáš", "Tomas"], false),
    g(&["Marta"], true),
    g(&["Jakub"], false),
    g(&["Zofia"], true),
    g(&["Emre"], false),
    g(&["Elif"], true),
    g(&["Tariq"], false),
    g(&["Yasmin", "Yasmine"], true),
    g(&["Carmen"], true),
    g(&["Diego"], false),
    g(&["Astrid"], true),
    g(&["Felix"], false),
    g(&["Noor", "Nour"], true),
    g(&["Bongani"], false),
    g(&["Adaeze"], true),
    g(&["Tunde"], false),
    g(&["Siddharth"], false),
    g(&["Mei"], true),
    g(&["Joaquín", "Joaquin"], false),
    g(&["Rosa"], true),
];

/// A surname and its spellings. `slavic` surnames take a feminine ending for women.
pub struct Surname {
    pub forms: &'static [&'static str],
    pub slavic: bool,
}

const fn s(forms: &'static [&'static str], slavic: bool) -> Surname {
    Surname { forms, slavic }
}

pub static SURNAMES: &[Surname] = &[
    s(&["Zaretsky", "Zaretskiy", "Zaretskyi"], true),
    s(&["Sokolovsky", "Sokolovskiy"], true),
    s(&["Volynsky", "Volynskiy"], true),
    s(&["Belinsky", "Belinskiy"], true),
    s(&["Chernyshev", "Chernyshov"], true),
    s(&["Lavrinenko"], false),
    s(&["Yermolenko", "Iermolenko"], false),
    s(&["Kuznetsov"], true),
    s(&["Tkachuk", "Tkatchuk"], false),
    s(&["Hrytsak", "Gritsak"], false),
    s(&["Morozov"], true),
    s(&["Pavlenko"], false),
    s(&["Al-Rashidi", "al-Rashidi", "Alrashidi"], false),
    s(&["Haddad"], false),
    s(&["El-Masri", "al-Masri"], false),
    s(&["Abboud", "Aboud"], false),
    s(&["Okonkwo"], false),
    s(&["Brennan"], false),
    s(&["Fischer"], false),
    s(&["Moreau"], false),
    s(&["Castellano"], false),
    s(&["Novák", "Novak"], false),
    s(&["Horváth", "Horvath"], false),
    s(&["Jansen"], false),
    s(&["Halvorsen"], false),
    s(&["Mendes"], false),
    s(&["Oyelaran"], false),
    s(&["Tanaka"], false),
    s(&["Nguyen"], false),
    s(&["Rossi"], false),
    s(&["Dubois"], false),
    s(&["Schulz"], false),
    s(&["Varga"], false),
    s(&["Petrescu"], false),
    s(&["Ionescu"], false),
    s(&["Kaya"], false),
    s(&["Demir"], false),
    s(&["Mensah"], false),
    s(&["Osei"], false),
    s(&["Banerjee"], false),
    s(&["Iyer"], false),
    s(&["Reyes"], false),
    s(&["Álvarez", "Alvarez"], false),
    s(&["Ferreira"], false),
    s(&["Nilsson"], false),
    s(&["Keller"], false),
    s(&["Walsh"], false),
    s(&["Whitfield"], false),
    s(&["Ashworth"], false),
    s(&["Quintero"], false),
    s(&["Mbeki-Tshabalala", "Tshabalala"], false),
    s(&["Adeyemi"], false),
    s(&["Kowalczyk"], false),
    s(&["Lindberg"], false),
    s(&["Santos"], false),
    s(&["Chaudhry", "Choudhury"], false),
    s(&["Wieczorek"], false),
    s(&["Dimitrov"], true),
    s(&["Popescu"], false),
    s(&["Van der Berg", "van der Berg"], false),
];

/// Invented surnames are built from these parts, so that a large corpus has
/// thousands of distinct people rather than a few dozen shared by every story.
pub static EN_HEAD: &[&str] = &[
    "Ash", "Black", "Brook", "Clay", "Dun", "Fair", "Green", "Hart", "Hol", "Kings", "Lang", "Mar", "Mill",
    "Nor", "Pen", "Red", "Rad", "Sher", "Stan", "Thorn", "War", "Wes", "Whit", "Win", "Hay", "Brad", "Craw",
    "Ather", "Bex", "Cal", "Elling", "Farn", "Glad", "Hux", "Lock", "Mort",
];
pub static EN_TAIL: &[&str] = &[
    "ford", "field", "ley", "ton", "wood", "more", "by", "well", "worth", "combe", "ridge", "stead", "wick",
    "brook", "dale", "hurst", "ham", "stone",
];
pub static SLAV_ROOT: &[&str] = &[
    "Zaret", "Sokolov", "Volyn", "Belin", "Kovar", "Lisit", "Moroz", "Dubrov", "Yaroslav", "Kalin", "Orlov",
    "Savin", "Tarnov", "Zhukov", "Levit", "Grabov", "Rudnit", "Polyan", "Cherniav", "Bogdan", "Krav",
    "Shevel", "Marchen", "Hrushev", "Bondar", "Lysen", "Melnych", "Kostin", "Vasyl", "Dorosh", "Fedor",
    "Hnat", "Ostap", "Prokop", "Semen", "Tyshk",
];
/// Slavic endings and their transliteration variants; `true` when the ending takes a feminine form.
pub static SLAV_END: &[(&[&str], bool)] = &[
    (&["sky", "skiy", "skyi"], true),
    (&["enko"], false),
    (&["chuk", "tchuk"], false),
    (&["ov", "off"], true),
    (&["in"], true),
    (&["iak", "yak"], false),
    (&["ich", "ych"], false),
];

/// A real place: name, spelling variant ("" if none), country, national adjective, uses the euro.
pub struct City {
    pub name: &'static str,
    pub alt: &'static str,
    pub country: &'static str,
    pub adj: &'static str,
    pub euro: bool,
}

const fn c(name: &'static str, alt: &'static str, country: &'static str, adj: &'static str, euro: bool) -> City {
    City { name, alt, country, adj, euro }
}

pub static CITIES: &[City] = &[
    c("Vienna", "", "Austria", "Austrian", true),
    c("Kyiv", "Kiev", "Ukraine", "Ukrainian", false),
    c("Odesa", "Odessa", "Ukraine", "Ukrainian", false),
    c("Kharkiv", "Kharkov", "Ukraine", "Ukrainian", false),
    c("Lviv", "Lvov", "Ukraine", "Ukrainian", false),
    c("Chisinau", "Chișinău", "Moldova", "Moldovan", false),
    c("Bucharest", "", "Romania", "Romanian", false),
    c("Budapest", "", "Hungary", "Hungarian", false),
    c("Warsaw", "", "Poland", "Polish", false),
    c("Kraków", "Krakow", "Poland", "Polish", false),
    c("Prague", "", "the Czech Republic", "Czech", false),
    c("Bratislava", "", "Slovakia", "Slovak", true),
    c("Berlin", "", "Germany", "German", true),
    c("Hamburg", "", "Germany", "German", true),
    c("Munich", "München", "Germany", "German", true),
    c("Paris", "", "France", "French", true),
    c("Lyon", "Lyons", "France", "French", true),
    c("Marseille", "Marseilles", "France", "French", true),
    c("Madrid", "", "Spain", "Spanish", true),
    c("Barcelona", "", "Spain", "Spanish", true),
    c("Seville", "Sevilla", "Spain", "Spanish", true),
    c("Lisbon", "", "Portugal", "Portuguese", true),
    c("Porto", "Oporto", "Portugal", "Portuguese", true),
    c("Rome", "", "Italy", "Italian", true),
    c("Milan", "", "Italy", "Italian", true),
    c("Naples", "", "Italy", "Italian", true),
    c("Athens", "", "Greece", "Greek", true),
    c("Thessaloniki", "Salonika", "Greece", "Greek", true),
    c("Istanbul", "", "Turkey", "Turkish", false),
    c("Ankara", "", "Turkey", "Turkish", false),
    c("Izmir", "", "Turkey", "Turkish", false),
    c("Sofia", "", "Bulgaria", "Bulgarian", false),
    c("Belgrade", "", "Serbia", "Serbian", false),
    c("Zagreb", "", "Croatia", "Croatian", true),
    c("Ljubljana", "", "Slovenia", "Slovenian", true),
    c("Sarajevo", "", "Bosnia and Herzegovina", "Bosnian", false),
    c("Tirana", "", "Albania", "Albanian", false),
    c("Brussels", "", "Belgium", "Belgian", true),
    c("Antwerp", "", "Belgium", "Belgian", true),
    c("Amsterdam", "", "the Netherlands", "Dutch", true),
    c("Rotterdam", "", "the Netherlands", "Dutch", true),
    c("Copenhagen", "", "Denmark", "Danish", false),
    c("Stockholm", "", "Sweden", "Swedish", false),
    c("Gothenburg", "Göteborg", "Sweden", "Swedish", false),
    c("Oslo", "", "Norway", "Norwegian", false),
    c("Bergen", "", "Norway", "Norwegian", false),
    c("Helsinki", "", "Finland", "Finnish", true),
    c("Tallinn", "", "Estonia", "Estonian", true),
    c("Riga", "", "Latvia", "Latvian", true),
    c("Vilnius", "", "Lithuania", "Lithuanian", true),
    c("Dublin", "", "Ireland", "Irish", true),
    c("London", "", "Britain", "British", false),
    c("Manchester", "", "Britain", "British", false),
    c("Glasgow", "", "Scotland", "Scottish", false),
    c("Reykjavik", "Reykjavík", "Iceland", "Icelandic", false),
    c("Geneva", "", "Switzerland", "Swiss", false),
    c("Zurich", "Zürich", "Switzerland", "Swiss", false),
    c("Tbilisi", "", "Georgia", "Georgian", false),
    c("Yerevan", "", "Armenia", "Armenian", false),
    c("Baku", "", "Azerbaijan", "Azerbaijani", false),
    c("Almaty", "Alma-Ata", "Kazakhstan", "Kazakh", false),
    c("Tashkent", "", "Uzbekistan", "Uzbek", false),
    c("Cairo", "", "Egypt", "Egyptian", false),
    c("Alexandria", "", "Egypt", "Egyptian", false),
    c("Tunis", "", "Tunisia", "Tunisian", false),
    c("Algiers", "", "Algeria", "Algerian", false),
    c("Casablanca", "", "Morocco", "Moroccan", false),
    c("Lagos", "", "Nigeria", "Nigerian", false),
    c("Abuja", "", "Nigeria", "Nigerian", false),
    c("Accra", "", "Ghana", "Ghanaian", false),
    c("Dakar", "", "Senegal", "Senegalese", false),
    c("Nairobi", "", "Kenya", "Kenyan", false),
    c("Mombasa", "", "Kenya", "Kenyan", false),
    c("Addis Ababa", "", "Ethiopia", "Ethiopian", false),
    c("Kampala", "", "Uganda", "Ugandan", false),
    c("Dar es Salaam", "", "Tanzania", "Tanzanian", false),
    c("Johannesburg", "", "South Africa", "South African", false),
    c("Cape Town", "", "South Africa", "South African", false),
    c("Durban", "", "South Africa", "South African", false),
    c("Amman", "", "Jordan", "Jordanian", false),
    c("Beirut", "", "Lebanon", "Lebanese", false),
    c("Baghdad", "", "Iraq", "Iraqi", false),
    c("Basra", "Basrah", "Iraq", "Iraqi", false),
    c("Riyadh", "", "Saudi Arabia", "Saudi", false),
    c("Doha", "", "Qatar", "Qatari", false),
    c("Dubai", "", "the United Arab Emirates", "Emirati", false),
    c("Muscat", "", "Oman", "Omani", false),
    c("Karachi", "", "Pakistan", "Pakistani", false),
    c("Lahore", "", "Pakistan", "Pakistani", false),
    c("Mumbai", "Bombay", "India", "Indian", false),
    c("New Delhi", "", "India", "Indian", false),
    c("Kolkata", "Calcutta", "India", "Indian", false),
    c("Chennai", "Madras", "India", "Indian", false),
    c("Bengaluru", "Bangalore", "India", "Indian", false),
    c("Dhaka", "Dacca", "Bangladesh", "Bangladeshi", false),
    c("Colombo", "", "Sri Lanka", "Sri Lankan", false),
    c("Kathmandu", "", "Nepal", "Nepali", false),
    c("Bangkok", "", "Thailand", "Thai", false),
    c("Hanoi", "", "Vietnam", "Vietnamese", false),
    c("Manila", "", "the Philippines", "Philippine", false),
    c("Jakarta", "", "Indonesia", "Indonesian", false),
    c("Kuala Lumpur", "", "Malaysia", "Malaysian", false),
    c("Seoul", "", "South Korea", "South Korean", false),
    c("Busan", "Pusan", "South Korea", "South Korean", false),
    c("Tokyo", "", "Japan", "Japanese", false),
    c("Osaka", "", "Japan", "Japanese", false),
    c("Taipei", "", "Taiwan", "Taiwanese", false),
    c("Sydney", "", "Australia", "Australian", false),
    c("Melbourne", "", "Australia", "Australian", false),
    c("Auckland", "", "New Zealand", "New Zealand", false),
    c("Toronto", "", "Canada", "Canadian", false),
    c("Montreal", "Montréal", "Canada", "Canadian", false),
    c("Vancouver", "", "Canada", "Canadian", false),
    c("Chicago", "", "the United States", "American", false),
    c("Houston", "", "the United States", "American", false),
    c("Denver", "", "the United States", "American", false),
    c("Mexico City", "", "Mexico", "Mexican", false),
    c("Guadalajara", "", "Mexico", "Mexican", false),
    c("Bogotá", "Bogota", "Colombia", "Colombian", false),
    c("Lima", "", "Peru", "Peruvian", false),
    c("Santiago", "", "Chile", "Chilean", false),
    c("Buenos Aires", "", "Argentina", "Argentine", false),
    c("São Paulo", "Sao Paulo", "Brazil", "Brazilian", false),
    c("Rio de Janeiro", "", "Brazil", "Brazilian", false),
    c("Quito", "", "Ecuador", "Ecuadorian", false),
    c("Montevideo", "", "Uruguay", "Uruguayan", false),
    c("La Paz", "", "Bolivia", "Bolivian", false),
];

/// Outlet names are built from these two lists ("The Granite Herald").
pub static OUTLET_A: &[&str] = &[
    "Granite", "Lantern", "Beacon", "Northgate", "Lakeshore", "Silverline", "Evening", "Morning", "Union",
    "Frontier", "Harbourside", "Tidewater", "Crossroads", "Highland", "Compass", "Keystone", "Bridgeport",
    "Westbrook", "Eastfield", "Pinecrest", "Stonebridge", "Clearwater", "Ironwood", "Redcliff", "Fairhaven",
    "Bayview", "Summit", "Kingsway", "Old Mill", "Citadel",
];

pub static OUTLET_B: &[&str] = &[
    "Herald", "Gazette", "Dispatch", "Courier", "Record", "Sentinel", "Observer", "Chronicle", "Times",
    "Journal", "Monitor", "Bulletin", "Post", "Tribune", "Review", "Examiner", "Standard", "Press",
];

/// Wire agencies: (full name, short tag used in datelines).
pub static AGENCIES: &[(&str, &str)] = &[
    ("Pressline News Agency", "Pressline"),
    ("Wirestream", "Wirestream"),
    ("Continental Press Service", "CPS"),
    ("Atlas News Agency", "Atlas"),
    ("Globe Wire", "Globe Wire"),
    ("Northern Press Agency", "NPA"),
];

pub static COMPANY_A: &[&str] = &[
    "Northline", "Valtra", "Kestrel", "Orbis", "Halden", "Brightwater", "Corvane", "Ardent", "Solvik",
    "Tessaro", "Meroni", "Falkner", "Greystone", "Lumenor", "Arkwright", "Pellar", "Vireo", "Quillon",
    "Tarrant", "Ostrava Works", "Bellmont", "Caspian", "Redwater", "Aldmore",
];

pub static COMPANY_B: &[&str] = &[
    "Logistics", "Energy", "Rail", "Holdings", "Group", "Steel", "Pharma", "Foods", "Telecom", "Airways",
    "Shipping", "Motors", "Bank", "Chemicals", "Mining", "Insurance",
];

pub static PARTIES: &[&str] = &[
    "Civic Renewal Party", "People's Alliance", "Green Future", "National Unity Movement",
    "Social Democratic Front", "Liberal Forum", "Farmers' Union Party", "New Republic", "Solidarity List",
    "Reform Coalition",
];

pub static SECTORS: &[&str] = &[
    "Transport", "Dockworkers'", "Teachers'", "Health Workers'", "Metalworkers'", "Rail Workers'",
    "Public Service", "Postal Workers'", "Airport Staff",
];

pub static WEEKDAYS: &[&str] = &["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
pub static MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];
/// AP-style month abbreviations used in datelines.
pub static MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

pub static NUM_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];

/// One kind of news event: its roles, headlines, leads, fact paragraphs and quotes.
///
/// Numbers: `{evac}` evacuated, `{inj}` injured, `{dead}` dead, `{cost}` money,
/// `{durA}`/`{durN}` duration in days ("three-day"/"three days"), `{hrsA}`/`{hrsN}`
/// hours, `{n1}` `{n2}` event-specific counts (see each event's comment), `{pct}`,
/// `{ndel}` a small count in words.
pub struct Event {
    pub name: &'static str,
    /// Role of person 0, 1, … ({spok} → spokesman/spokeswoman, {chair} → chairman/chairwoman).
    pub roles: &'static [&'static str],
    pub headlines: &'static [&'static str],
    pub leads: &'static [&'static str],
    pub body: &'static [&'static str],
    /// Quotable lines, each tagged with the role (index into `roles`) that says it.
    pub quotes: &'static [(usize, &'static str)],
    /// Range of `{n1}`, `{n2}` and whether `{cost}` is in billions.
    pub n1: (u64, u64),
    pub n2: (u64, u64),
    pub cost: (u64, u64),
    /// Range of `{pct}`, in tenths of a percent.
    pub pct: (u64, u64),
}

pub static EVENTS: &[Event] = &[
    // n1: points in the plan, n2: delegates
    Event {
        name: "summit",
        roles: &[
            "{adj} foreign minister",
            "{spok} for the {adj} foreign ministry",
            "the United Nations envoy for the region",
            "{country}'s deputy prime minister",
            "a senior adviser to the European Commission",
        ],
        headlines: &[
            "{city} summit ends with {cost} pledge and a list of promises",
            "Ministers close {durA} {city} talks with joint declaration",
            "{ndelC} countries back {cost} fund at {city} summit",
            "After {durN} of talks in {city}, a deal that satisfies few",
            "{city} summit: what was agreed, and what was not",
        ],
        leads: &[
            "Ministers from {ndel} countries closed a {durA} summit in {city} {when} with a pledge of {cost} for reconstruction, but several delegations warned that the money would arrive slowly.",
            "A {durA} meeting of ministers in {city} ended {when} with a joint declaration and a fund worth {cost}, officials said, after a final session that lasted about {hrsN}.",
            "Delegations from {ndel} countries agreed {when} to set up a {cost} fund, wrapping up {durN} of talks in the {adj} capital that were repeatedly delayed by disputes over procedure.",
            "The {city} summit closed {when} with a declaration that {p3} called \"a beginning, not an end\", and a fund of {cost} that critics said falls well short of what is needed.",
        ],
        body: &[
            "The final session, held at the {adj} foreign ministry, ran for close to {hrsN}. The vote on the joint declaration took place {when} afternoon and passed without objection, two officials who attended said.",
            "Talks were built around a {n1}-point plan drafted by the host government earlier this month. It covers temporary housing, repairs to water and power networks, and a shared early-warning system.",
            "Around {n2} delegates and observers attended the meeting, according to the organisers, more than twice as many as at the previous gathering in {city2} last year.",
            "The opening session, scheduled for 9:30 a.m. {swhen}, was delayed by two hours while delegations argued over the seating of observers.",
            "The declaration commits signatories to publish a progress report every three months. A follow-up meeting of technical experts is planned for next month in {city2}.",
            "Not every delegation left satisfied. One official, speaking on condition of anonymity because the talks were private, said the final text was \"vague where it matters most\".",
            "{p3}, {p3r}, said the fund would be managed by a small secretariat based in {city} and audited once a year.",
            "The {cost} figure includes contributions already announced before the summit, according to a breakdown circulated to delegates, which means the new money is smaller than the headline suggests.",
        ],
        quotes: &[
            (0, "We have made real progress today, but the people waiting for help do not measure progress in declarations."),
            (3, "This is a beginning, not an end. The hard part starts when the cameras leave {city}."),
            (0, "No country can do this on its own, and no problem of this size stops at a border."),
            (1, "We did not come to {city} for sympathy. We came for concrete commitments, and we got some of them."),
            (2, "The money is welcome, but it is not enough, and everyone in that room knows it."),
            (4, "Pledges are not the same as payments. We will publish every payment, every month."),
            (2, "I have been to many meetings like this one. This one was different because people actually listened."),
        ],
        n1: (6, 15),
        n2: (120, 600),
        cost: (150, 900),
        pct: (100, 400),
    },
    // n1: homes damaged, n2: square kilometres flooded
    Event {
        name: "flood",
        roles: &[
            "{spok} for the {adj} emergency services",
            "the mayor of {city}",
            "{adj} interior minister",
            "head of the regional civil protection agency",
            "a hydrologist at the {city} Institute of Water Research",
        ],
        headlines: &[
            "Floods force {evac} from their homes around {city}",
            "Rivers burst their banks near {city} after {durN} of rain",
            "{city} floods: thousands evacuated as water keeps rising",
            "Flood damage around {city} estimated at {cost}",
            "'The water came in minutes': residents count the cost of {city} floods",
        ],
        leads: &[
            "About {evac} people were evacuated from their homes around {city} {when} after {durN} of heavy rain pushed rivers over their banks, the emergency services said.",
            "Floodwater swept through low-lying districts of {city} {when}, forcing some {evac} residents to leave and cutting power to thousands of homes, officials said.",
            "Emergency crews in {country} were racing {when} to reinforce levees around {city}, where {durN} of rain had already forced the evacuation of {evac} people.",
            "At least {dead} people have died and {inj} have been injured in floods around {city}, authorities said {when}, as the {adj} government declared a state of emergency in the region.",
        ],
        body: &[
            "Around {evac} residents were evacuated from flooded districts, most of them to schools and sports halls, according to the regional authorities.",
            "At least {n1} homes were damaged, and water covered some {n2} square kilometres of farmland and riverside streets.",
            "The authorities said {dead} people had died and {inj} had been treated in hospital, most of them for hypothermia and minor injuries.",
            "Damage is provisionally estimated at {cost}, a figure officials said was likely to rise once the water receded.",
            "Rain fell almost without pause for {durN}, more than the region usually receives in a month, according to the national weather service.",
            "Police closed several roads and a rail line south of {city} {when}. Boat crews made hundreds of trips into flooded streets to reach elderly residents who had refused to leave.",
            "The floods are the worst in the region since {year}, when an ice jam pushed water into villages along the river.",
            "{p4}, {p4r}, said the river had risen almost two metres in less than {hrsN}. {p4H} said levees built in the 1970s had not been designed for rainfall of this intensity.",
            "Volunteers filled sandbags through the night in the centre of {city}, where the water reached the steps of the town hall by early morning.",
        ],
        quotes: &[
            (1, "The water came in within minutes. People had time to grab their documents and nothing else."),
            (0, "We are pumping water out of basements in the morning and it is back by the evening."),
            (3, "Our crews have been working around the clock, and they will keep working until everyone is safe."),
            (2, "These levees were built for a different climate. We are not going to rebuild them to the old standard."),
            (1, "I have lived beside this river my whole life and I have never seen it like this."),
            (0, "Please do not try to drive through floodwater. Most of the people we pulled out of cars thought they could make it."),
            (4, "The next {hrsN} will be critical. If the rain stops, the worst should be behind us."),
        ],
        n1: (300, 9000),
        n2: (40, 2500),
        cost: (20, 900),
        pct: (100, 400),
    },
    // n1: seats won by the leading party, n2: seats in parliament
    Event {
        name: "election",
        roles: &[
            "leader of the {party0}",
            "leader of the {party1}",
            "chair of the national election commission",
            "a political scientist at the University of {city}",
            "{spok} for the {party0}",
        ],
        headlines: &[
            "{party0} claims victory in {adj} election",
            "{adj} voters hand {party0} {n1} seats, official count shows",
            "Turnout of {pct} as {country} votes in tight election",
            "{p0s} declares victory, but coalition talks loom",
            "{country} election: {party1} concedes defeat",
        ],
        leads: &[
            "The {party0} won the most seats in {country}'s parliamentary election, the election commission said {when}, but fell short of a majority and will need partners to govern.",
            "Voters in {country} gave the {party0} {n1} of the {n2} seats in parliament, according to preliminary results released {when}, with turnout at {pct}.",
            "{p0}, leader of the {party0}, declared victory in {city} {when} after a count that ran for {durN} and left the opposition {party1} in second place.",
        ],
        body: &[
            "Turnout was {pct}, the election commission said, slightly higher than at the last vote in {year}.",
            "The {party0} won {n1} of the {n2} seats, according to the preliminary count. Final results are expected next week once postal ballots have been counted.",
            "Counting took {durN} in some districts after a software fault forced officials to tally ballots by hand.",
            "International observers said the vote was generally well run but criticised the use of state media during the campaign.",
            "The {party1}, which had led in polls until last month, conceded defeat late on election night. Its leader, {p1}, said the party would \"rebuild from the ground up\".",
            "Coalition talks are expected to take weeks. Analysts said the most likely partner for the {party0} was a smaller regional party that won seats in the north.",
            "Both main parties spent a combined {cost} on the campaign, according to figures filed with the election commission.",
            "Hundreds of supporters gathered outside the {party0} headquarters in {city}, waving flags and chanting as the first results came in.",
        ],
        quotes: &[
            (0, "Tonight the people of {country} have chosen change, and we will not waste their trust."),
            (1, "We accept the result. We will be a strong opposition, and we will rebuild from the ground up."),
            (2, "Every ballot has been counted twice. The result is clear and it is final."),
            (3, "This was an election about prices, not about ideology, and the winners understood that first."),
            (4, "We will talk to everyone who shares our priorities, but we will not be rushed into a bad deal."),
            (2, "The turnout shows that people still believe their vote matters."),
        ],
        n1: (40, 140),
        n2: (150, 300),
        cost: (10, 120),
        pct: (420, 780),
    },
    // n1: workers on strike, n2: flights or trains cancelled
    Event {
        name: "strike",
        roles: &[
            "general secretary of the {union}",
            "chief executive of {co0}",
            "{adj} labour minister",
            "{spok} for {co0}",
            "a shift supervisor who has worked at the company for 19 years",
        ],
        headlines: &[
            "{n1} workers walk out as {durA} strike hits {city}",
            "Strike at {co0} enters its {durOrd} day with no talks scheduled",
            "{union} and {co0} return to talks after {durA} walkout",
            "{city} strike: {n2} services cancelled",
            "Workers at {co0} vote to end strike after pay offer",
        ],
        leads: &[
            "About {n1} workers at {co0} walked out {when} at the start of a {durA} strike over pay, halting operations across {city} and forcing the cancellation of {n2} services.",
            "The {union} said {when} that its {durA} strike at {co0} would go ahead after last-minute talks in {city} broke down after {hrsN}.",
            "Talks to end a strike that has shut {co0} sites around {city} for {durN} resumed {when}, the {adj} labour ministry said, with both sides signalling they were ready to compromise.",
        ],
        body: &[
            "The union is asking for a pay rise of {pct} to make up for inflation. The company has offered less than half of that, spread over two years.",
            "Some {n2} services were cancelled on the first day of the walkout, according to the company, which said it was running a reduced timetable.",
            "The company estimates that the strike costs it around {cost} a day in lost revenue.",
            "Talks between the two sides ran for {hrsN} at the labour ministry {when} and ended without agreement, both sides said.",
            "Pickets gathered at the main depot in {city} before dawn, and police said the protests had been peaceful.",
            "It is the longest strike at the company since {year}, when workers stayed out for nearly a month over changes to pensions.",
            "{p2}, {p2r}, urged both sides to return to the table and said the government was ready to mediate.",
            "Passengers and business groups said the disruption was costing the local economy far more than the dispute itself.",
        ],
        quotes: &[
            (0, "Our members have not had a real pay rise in five years. They are not asking for luxury, they are asking to keep up."),
            (1, "The offer on the table is fair and it is the best this company can afford."),
            (4, "Nobody wants a strike. But when you are ignored for two years, you run out of other options."),
            (0, "We will stay out for as long as it takes."),
            (2, "Every day this goes on, passengers pay the price, and that is not acceptable."),
            (3, "We are ready to talk tonight, tomorrow, any time. The door has never been closed."),
        ],
        n1: (1500, 90000),
        n2: (80, 2400),
        cost: (2, 60),
        pct: (40, 150),
    },
    // n1: years of the sentence or the length of the case in months, n2: plaintiffs
    Event {
        name: "court ruling",
        roles: &[
            "presiding judge of the {court}",
            "a lawyer representing the plaintiffs",
            "chief executive of {co0}",
            "{adj} justice minister",
            "{spok} for {co0}",
        ],
        headlines: &[
            "{court} fines {co0} {cost} over pollution case",
            "Court rules against {co0} in landmark case brought by {n2} residents",
            "{co0} to appeal after {city} court ruling",
            "Judges order {co0} to pay {cost} in damages",
        ],
        leads: &[
            "The {court} ordered {co0} {when} to pay {cost} in damages to {n2} residents who said a chemical leak from one of its plants had poisoned their water.",
            "A court in {city} ruled {when} that {co0} had broken environmental law and fined the company {cost}, ending a case that lasted {n1} months.",
            "{co0} said {when} that it would appeal against a ruling by the {court} that found it liable for contaminating groundwater near {city}.",
        ],
        body: &[
            "The case was brought by {n2} residents of villages near the plant, who said they had been drinking contaminated water for years without being told.",
            "The ruling, read out over {hrsN} in a packed courtroom, found that the company had ignored warnings from its own engineers.",
            "The court ordered {co0} to pay {cost} in damages and to fund a clean-up of the site, which will be supervised by an independent panel.",
            "The case lasted {n1} months and involved more than 40 expert witnesses, according to court records.",
            "{co0} has 30 days to lodge an appeal with the Supreme Court. Its shares fell sharply after the ruling.",
            "Environmental groups called the judgment a turning point, and said dozens of similar cases were waiting to be heard.",
            "{p3}, {p3r}, said the government would review the rules on industrial discharges in light of the ruling.",
        ],
        quotes: &[
            (0, "The evidence shows that the company knew, and chose to do nothing."),
            (1, "Today the court has told our clients what they already knew: they were not imagining it."),
            (2, "We respect the court, but we believe this judgment is wrong and we will appeal."),
            (1, "No amount of money brings back the years these families lost."),
            (4, "We have already spent millions on the clean-up and we will continue to do so."),
        ],
        n1: (8, 60),
        n2: (40, 3000),
        cost: (5, 400),
        pct: (100, 400),
    },
    // n1: jobs to be cut, n2: combined staff
    Event {
        name: "company merger",
        roles: &[
            "chief executive of {co0}",
            "{chair} of {co1}",
            "an analyst at {co2}",
            "{adj} economy minister",
            "general secretary of the {union}",
        ],
        headlines: &[
            "{co0} agrees to buy {co1} in {cost} deal",
            "{co0} and {co1} to merge, creating regional giant",
            "{co0}-{co1} merger to cost {n1} jobs, unions warn",
            "Regulators to examine {cost} {co0} takeover",
        ],
        leads: &[
            "{co0} has agreed to buy {co1} for {cost}, the companies said {when}, in a deal that would create one of the largest groups of its kind in {country}.",
            "{co0} and {co1} announced {when} that they would merge in a {cost} deal, though unions warned that as many as {n1} jobs could go.",
            "Shares in {co1} jumped {when} after {co0} confirmed it had agreed to buy the company for {cost}, a premium of {pct} over its last closing price.",
        ],
        body: &[
            "The deal values {co1} at {cost}, including debt, and represents a premium of {pct} to its share price before talks were first reported last month.",
            "The combined company would employ about {n2} people. Unions said they had been told that up to {n1} jobs could be cut over three years.",
            "The merger needs approval from competition regulators in {country} and the European Union, a process that could take a year.",
            "{co0} said the deal would save around {cost2} a year by 2028, mostly by combining purchasing and closing duplicate offices.",
            "The two companies held talks for {durN} in {city} before the board of {co1} agreed to the final terms, people familiar with the matter said.",
            "{p2}, {p2r}, said the price was high but that the logic of the deal was hard to argue with.",
            "It is the largest deal in the sector since {year}, when a similar merger collapsed after regulators objected.",
        ],
        quotes: &[
            (0, "Together we will be stronger, more efficient and better able to invest."),
            (1, "This is a good deal for our shareholders and a good deal for our customers."),
            (4, "Every merger promises synergies. Workers know what that word usually means."),
            (2, "The price is high, but the logic of the deal is hard to argue with."),
            (3, "We will look at this transaction very carefully before we decide anything."),
        ],
        n1: (300, 6000),
        n2: (8000, 90000),
        cost: (900, 24000),
        pct: (150, 450),
    },
    // n1: hectares burned, n2: homes destroyed
    Event {
        name: "wildfire",
        roles: &[
            "{spok} for the {adj} fire service",
            "a resident of a village outside {city}",
            "{adj} civil protection minister",
            "a fire ecologist at the University of {city}",
            "the regional governor",
        ],
        headlines: &[
            "Wildfire near {city} forces {evac} to flee",
            "Firefighters battle blaze near {city} for {durN}",
            "{city} wildfire: {n2} homes destroyed",
            "Wind fans flames as {city} wildfire spreads",
        ],
        leads: &[
            "A wildfire that broke out {swhen} in hills outside {city} has burned some {n1} hectares and forced {evac} people to leave their homes, the fire service said {when}.",
            "Strong winds drove a wildfire towards the outskirts of {city} {when}, destroying {n2} homes and prompting the evacuation of several villages, officials said.",
            "Firefighters near {city} said {when} they had contained about half of a wildfire that has been burning for {durN}, after the wind dropped overnight.",
        ],
        body: &[
            "The fire has burned about {n1} hectares of forest and scrubland, according to the latest estimate from the fire service.",
            "Some {evac} residents were evacuated from villages in the path of the fire, and {n2} homes were destroyed.",
            "More than 600 firefighters, supported by water-bombing aircraft, were battling the flames, officials said. {inj} people were treated for burns and smoke inhalation.",
            "The blaze broke out {swhen} and spread quickly in temperatures of more than 40 degrees Celsius.",
            "Investigators are trying to establish the cause. Police said a man had been questioned but not charged.",
            "It is the worst fire in the region since {year}, when blazes burned through several times that area over the course of a summer.",
            "Damage to homes and farms is estimated at {cost}, according to the regional government.",
        ],
        quotes: &[
            (0, "The wind changed direction in minutes. We had to pull our crews back twice."),
            (1, "We left with the clothes we were wearing. When we came back there was nothing."),
            (4, "The next {hrsN} are decisive. If the wind stays low, we can get this under control."),
            (3, "Fires like this used to happen once in a generation. Now we prepare for them every summer."),
            (2, "Please follow the evacuation orders. Houses can be rebuilt. People cannot be replaced."),
        ],
        n1: (800, 40000),
        n2: (20, 900),
        cost: (10, 600),
        pct: (100, 400),
    },
    // n1: passengers on board, n2: hours of disruption
    Event {
        name: "transport accident",
        roles: &[
            "general secretary of the {union}",
            "chief executive of {co0}",
            "{adj} transport minister",
            "head of the national accident investigation board",
            "a passenger who was travelling in the third carriage",
        ],
        headlines: &[
            "{dead} dead, {inj} injured as train derails near {city}",
            "Investigators search for cause of {city} rail crash",
            "{co0} suspends services after deadly crash near {city}",
            "Passengers describe moment train left the tracks near {city}",
        ],
        leads: &[
            "At least {dead} people were killed and {inj} injured when a passenger train operated by {co0} derailed near {city} {when}, the {adj} transport ministry said.",
            "A passenger train carrying about {n1} people came off the tracks outside {city} {when}, killing {dead} and injuring {inj}, officials said.",
            "Investigators were examining the wreckage of a train that derailed near {city} {when}, as {co0} suspended services on the line and the death toll rose to {dead}.",
        ],
        body: &[
            "The train was carrying about {n1} passengers when it left the tracks at around 7:40 a.m., according to {co0}.",
            "{dead} people were killed and {inj} were injured, {n2} of them seriously, the health ministry said.",
            "Services on the line were suspended for {hrsN}, and replacement buses were put on between {city} and {city2}.",
            "Investigators said it was too early to say what caused the crash, but that they were examining a section of track repaired last month.",
            "It is the deadliest rail accident in {country} since {year}.",
            "The government announced {durN} of national mourning and said families of the victims would receive immediate financial support.",
            "{p3}, {p3r}, said the data recorders had been recovered and would be analysed in {city2}.",
        ],
        quotes: &[
            (4, "There was a huge bang, and then the carriage was on its side. People were screaming."),
            (1, "Our thoughts are with the families. We will cooperate fully with the investigation."),
            (3, "It is too early to speculate. We will follow the evidence wherever it leads."),
            (0, "This line has been underfunded for years, and everyone who works on it knows that."),
            (2, "We will not reopen the line until we are certain it is safe."),
        ],
        n1: (120, 900),
        n2: (3, 40),
        cost: (5, 90),
        pct: (100, 400),
    },
    // n1: aftershocks, n2: buildings collapsed
    Event {
        name: "earthquake",
        roles: &[
            "head of the {adj} disaster management agency",
            "{spok} for the {adj} health ministry",
            "a seismologist at the {city} Observatory",
            "the mayor of {city}",
            "{adj} prime minister",
        ],
        headlines: &[
            "Earthquake of magnitude {mag} strikes near {city}",
            "Rescuers search rubble after {city} earthquake",
            "{city} quake: death toll rises to {dead}",
            "Thousands sleep outdoors after strong earthquake near {city}",
        ],
        leads: &[
            "An earthquake of magnitude {mag} struck near {city} {when}, killing at least {dead} people and injuring {inj}, the {adj} disaster agency said.",
            "Rescuers in {country} dug through collapsed buildings {when} after a magnitude {mag} earthquake hit the region around {city}, leaving at least {dead} dead.",
            "Thousands of people spent the night outdoors around {city} after a strong earthquake {when}, as more than {n1} aftershocks rattled the region.",
        ],
        body: &[
            "The quake had a magnitude of {mag} and struck at a depth of about 10 kilometres, according to the national seismological institute.",
            "At least {dead} people were killed and {inj} injured, and {n2} buildings collapsed, officials said.",
            "About {evac} people were moved to temporary shelters, tents and sports halls as engineers inspected damaged buildings.",
            "More than {n1} aftershocks were recorded in the following {hrsN}, the strongest of them of magnitude 4.8.",
            "The government released {cost} in emergency aid and said teams from neighbouring countries were on their way.",
            "The region was hit by a deadly earthquake in {year}, after which building rules were tightened. Critics say the rules were never properly enforced.",
        ],
        quotes: &[
            (0, "We are still hearing voices under the rubble. Every minute counts."),
            (3, "The ground shook for what felt like a full minute. Everything fell off the shelves."),
            (2, "Aftershocks will continue for weeks. People should not return to damaged buildings."),
            (0, "We have enough tents for tonight, but we need more blankets and more water."),
            (2, "The buildings that collapsed were the ones built before the new rules. That tells you everything."),
        ],
        n1: (40, 400),
        n2: (12, 800),
        cost: (10, 500),
        pct: (100, 400),
    },
    // n1: protesters, n2: arrests
    Event {
        name: "protest",
        roles: &[
            "{spok} for the {city} police",
            "one of the organisers of the protest",
            "{adj} interior minister",
            "a student who joined the march",
            "a lawyer for several of those detained",
        ],
        headlines: &[
            "Tens of thousands march in {city} against fuel price rises",
            "Police detain {n2} as {city} protests enter {durN}",
            "{city} protests: government promises review of price increases",
            "Clashes in {city} as protesters defy ban",
        ],
        leads: &[
            "About {n1} people marched through central {city} {when} to protest against fuel price rises, in the largest demonstration the {adj} capital has seen in years.",
            "Police in {city} detained {n2} people {when} as protests against the government entered their {durOrd} day, officials said.",
            "The {adj} government promised {when} to review planned price increases after {durN} of protests in {city} and other cities.",
        ],
        body: &[
            "Police put the size of the crowd at {n1}. Organisers said it was several times larger.",
            "{n2} people were detained and {inj} were injured, including several police officers, according to the interior ministry.",
            "The protests began {swhen} after the government announced that fuel subsidies would be phased out over the summer.",
            "Protesters blocked the main ring road for about {hrsN} before police cleared it with water cannon.",
            "The government says the subsidies cost about {cost} a year and that the money is needed for schools and hospitals.",
            "Similar protests in {year} forced the government of the day to back down and reinstate the subsidies.",
        ],
        quotes: &[
            (3, "We cannot afford to drive to work any more. Something has to change."),
            (0, "The right to protest is protected, but violence against officers will not be tolerated."),
            (1, "They can arrest us, but they cannot arrest everyone."),
            (2, "We are listening. Nobody in this government wants to make life harder for families."),
            (4, "Most of the people detained were simply standing on the pavement."),
        ],
        n1: (2000, 120000),
        n2: (15, 600),
        cost: (200, 4000),
        pct: (100, 400),
    },
];

/// Paragraphs that fit any story.
pub static GENERIC: &[&str] = &[
    "The {adj} government said it would publish a full account of the events within {durN}. Opposition politicians said they expected the report to raise uncomfortable questions.",
    "Local officials in {city} said they had asked the national government for additional support, including money for emergency housing.",
    "The events come at a difficult time for the government, which is already under pressure over rising prices and a slowing economy.",
    "Officials said more details would be released {next}. A briefing for journalists is scheduled at the interior ministry.",
    "Several residents interviewed in {city} said they had learned about the situation from social media before any official announcement.",
    "The figures could not be independently verified.",
    "International organisations offered help. The European Union said it was in contact with the {adj} authorities and stood ready to assist.",
    "Business groups in {city} said shops and restaurants in the centre had lost a large part of their trade since the trouble began.",
    "Analysts said the longer-term consequences would depend on how quickly the authorities could restore normal services.",
    "A spokesperson for the {adj} government did not respond to a request for comment.",
    "The issue is expected to dominate a parliamentary debate {next}, when ministers will be questioned about their response.",
    "Earlier this month, a report by the national audit office warned that spending on maintenance had fallen for five years in a row.",
    "A hotline for relatives has been set up, and the city council said it would keep its offices open through the weekend.",
    "Critics said the warning signs had been visible for months. Officials rejected that, saying the situation had developed far faster than anyone had expected.",
    "In {city2}, several hundred kilometres away, officials said they were watching the situation closely but saw no immediate risk.",
    "The national statistics office is due to publish figures {next} that could show how much the events have cost the wider economy.",
    "{outlet} was unable to confirm the account independently.",
    "Last month, the government announced a review of emergency planning across the country, but it has not yet published its conclusions.",
    "The mayor of {city2} said on social media that the city was ready to take in anyone who needed a place to stay, and that several hotels had offered rooms free of charge.",
    "Yesterday's announcement followed a week of mounting pressure from regional leaders, who had accused the capital of reacting too slowly. Officials in the capital said they had acted as soon as they had reliable information.",
    "The last time the country faced a comparable situation, in {year}, a parliamentary inquiry found that agencies had failed to share information with one another. Several of its recommendations were never adopted.",
    "Economists said it was too early to estimate the full cost, but that insurers were likely to face a large number of claims in the coming months.",
    "The foreign ministry said it had been in touch with the embassies of several countries whose citizens may have been affected, and that consular staff were available around the clock.",
    "Opposition leaders called for an emergency session of parliament {next}. The governing coalition said it would support a debate but rejected calls for an independent inquiry, at least for now.",
    "Schools in parts of {city} were closed on Monday and some were being used to house families, local authorities said. Classes are expected to resume by the end of the month.",
    "Transport operators warned of delays across the region. Several bus routes were diverted and some regional trains were replaced by buses until further notice.",
    "Aid organisations said their most urgent needs were drinking water, blankets and medical supplies, and asked the public to donate money rather than goods.",
    "A survey published last month found that fewer than half of residents trusted the authorities to handle an emergency of this kind. Officials said they hoped to change that perception.",
    "The government's critics pointed to budget cuts made two years ago, which they said had left local services short of staff and equipment. Ministers said the cuts had not affected front-line services.",
    "Journalists were allowed into the area for the first time on the second day under police escort, and described streets that were almost empty apart from emergency vehicles.",
];

/// Sub-headings for longer features.
pub static SUBHEADS: &[&str] = &[
    "What happens next", "A long road ahead", "Counting the cost", "Questions for the government",
    "The view from {city}", "Background", "Voices from the ground", "Warnings ignored",
];

/// Lines that lead into a social media embed.
pub static SOCIAL: &[&str] = &[
    "Our teams are on the ground in {city} tonight. Thank you to everyone who has offered help. Updates to follow.",
    "Heartbreaking scenes in {city}. Thinking of every family affected.",
    "Just left the meeting in {city}. Long day, some progress, a lot still to do.",
    "Latest figures from {city}: we will keep updating this thread as we learn more.",
];

pub static CAPTIONS: &[&str] = &[
    "Residents walk past damaged buildings in {city} {when}.",
    "{p0} speaks to reporters in {city} {when}.",
    "A view of the centre of {city} {swhen}.",
    "Emergency workers at the scene near {city} {when}.",
    "Delegates arrive for the meeting in {city} {swhen}.",
    "People gather in a square in central {city}.",
];

pub static PHOTOGRAPHERS: &[&str] = &[
    "Jonas Brekke", "Ama Owusu", "Luca Ferrante", "Irena Holub", "Kemal Aslan", "Sara Lindholm",
    "Diego Paredes", "Nia Roberts",
];
