//! Closed word classes that are plain sets: one file of `data/lexicon/en/`
//! each, one entry a line (a word, a phrase or a punctuation token), named
//! by a [`Class`] so that code never spells a word list or a class name as a
//! string. Each file's header says what its entries mean.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

macro_rules! classes {
    ($($(#[$doc:meta])* $name:ident => $file:literal,)*) => {
        /// A closed word class (its file under `data/lexicon/en/`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Class {
            $($(#[$doc])* $name,)*
        }

        /// Every class with its file name and embedded text, in declaration order.
        pub(crate) const CLASS_FILES: &[(Class, &str, &str)] = &[
            $((Class::$name, $file, include_str!(concat!("../../data/lexicon/en/", $file))),)*
        ];
    };
}

classes! {
    /// Words that can begin a time expression: determiners, modifiers, approximations, month, weekday, season and holiday words, number words, units. The tagger tries its grammar only at these tokens (and at digits), which keeps it fast.
    DateStart => "date-start.txt",
    /// Words before a bare year or month that make it a date ("in 2019", "since March", "fiscal 1999").
    DatePreposition => "date-prepositions.txt",
    /// Modifiers that can open a date and join its span ("early", "late", "mid", "the end of").
    DateModifier => "date-modifiers.txt",
    /// Irregular past tenses (and "was", "had") right before a date: the date is in the past ("met Tuesday").
    PastVerb => "past-verbs.txt",
    /// Words ending in "-ed" that are not past tenses ("need", "indeed").
    NotPastEd => "not-past-ed.txt",
    /// Participles that look past but point ahead when a date follows ("expected in December", "scheduled for Tuesday"): never a past-tense verb before a date.
    FutureParticiple => "future-participles.txt",
    /// Words skipped between a past-tense verb and the date after it ("announced on Tuesday").
    PastVerbGap => "past-verb-gap.txt",
    /// Words before a bare "May" that make it the month ("in May", "since May"); "may" is also a verb.
    MayPreposition => "may-prepositions.txt",
    /// Plural nouns that a year before them classifies rather than counts ("2019 elections").
    YearClassified => "year-classified.txt",
    /// Nouns that a number before them counts: "2019 people" is a count, not a year.
    YearCounted => "year-counted.txt",
    /// Words ending in "s" that are not plural nouns (after a year: "2019 was").
    NotPluralS => "not-plural-s.txt",
    /// Determiners and possessives before a year that classifies the noun after it ("the 2019 budget").
    YearDeterminer => "year-determiners.txt",
    /// Words before "1990's" (no "the") that make it a decade ("in 1990's", "late 1990's").
    DecadeLead => "decade-leads.txt",
    /// Modifiers after "the" before a counted duration ("the past three days", "the final two weeks").
    DurationLead => "duration-leads.txt",
    /// Words between a count and its time unit ("three more days", "five straight weeks").
    DurationInner => "duration-inner.txt",
    /// Words after "a second" that make it a duration ("a second later"), not an ordinal ("a second term").
    SecondAfter => "second-after.txt",
    /// Words before "a year", "a day" that make it a rate, so a set ("5 million a year", "twice a day").
    RateBefore => "rate-before.txt",
    /// Words ending in "s" that are not plural nouns, before "a year" ("takes a day" is no rate).
    RateNotPlural => "rate-not-plural.txt",
    /// Words before a bare plural unit that make it a duration ("for years", "within days").
    BarePluralLead => "bare-plural-leads.txt",
    /// Words after "daily", "weekly"... that keep it a time expression ("meets weekly on"); any other lowercase word makes it an adjective ("quarterly dividend").
    SetAdverbNext => "set-adverb-next.txt",
    /// Words after "the past" that keep it the time reference; another lowercase word makes "past" an adjective ("the past president").
    PastRefNext => "past-ref-next.txt",
    /// Words before a bare season ("in spring") that make it a date; "fall" and "spring" are also verbs.
    SeasonLead => "season-leads.txt",
    /// Words after "the summer" that keep it a date; another lowercase word makes the season a modifier ("the spring offensive").
    SeasonNext => "season-next.txt",
    /// Words after "the" that make a unit a one-unit duration ("the past week", "the next month").
    PastUnitLead => "past-unit-leads.txt",
    /// Words before "year end" that make it the end of the anchor's year ("by year end").
    YearEndLead => "year-end-leads.txt",
    /// Words before a weekday that choose which one ("last Friday", "next Monday").
    WeekdayModifier => "weekday-modifiers.txt",
    /// Words that open an aside after a sentence-opening date ("In April, after the talks ended, ..."): its verbs do not tell the date's tense.
    DateAsideOpener => "date-aside-openers.txt",
    /// Time-zone abbreviations after a clock time, lowercase (matched only when written in capitals: "0415 GMT").
    TimeZone => "time-zones.txt",
    /// Words before a bare "9:30" that make it a clock time ("at 9:30"); a score has none of them.
    ClockLead => "clock-leads.txt",
    /// Function words: they end the noun phrase after a number and are never what it counts.
    CountStop => "count-stop.txt",
    /// Words before a number that make it an identifier, not an amount ("Article 5", "flight 370").
    IdentifierWord => "identifier-words.txt",
    /// Capitalised words that may stand before a number without making it part of a name ("In 2,000 homes"). Matched as written (case-sensitive).
    CapFunctionWord => "cap-function-words.txt",
    /// Irregular past tenses and modals: they end a noun phrase ("the talks broke down").
    IrregularPast => "irregular-past.txt",
    /// Plural nouns that do not end in "s" ("people", "police").
    PluralNoS => "plural-no-s.txt",
    /// Words that end the noun phrase of what is counted (prepositions and verbs: "of", "was").
    NounPhraseEnd => "noun-phrase-end.txt",
    /// Determiners after a plural word that make that word a verb ("the plan drops several proposals").
    PluralVerbNext => "plural-verb-next.txt",
    /// Words after a number that make it a clock time ("9 am", "0415 GMT").
    ClockSuffix => "clock-suffixes.txt",
    /// Nouns after a hyphenated compound that are not what it counts ("a two-time winner").
    NotCountedAfterCompound => "compound-not-counted.txt",
    /// What follows the number in a hyphen compound that makes it no quantity ("two-way", "three-time", "two-thirds").
    NotQuantityCompound => "not-quantity-compounds.txt",
    /// Nouns after an ordinal that make it a date or a period, not a count ("20th century").
    OrdinalUnit => "ordinal-units.txt",
    /// Words that put a date near them in the future ("will", "upcoming", "effective").
    FutureMarker => "future-markers.txt",
    /// Verbs that point ahead when "to" follows ("plans to vote Tuesday"), unless "had" precedes them.
    FutureToLead => "future-to-leads.txt",
    /// Modals that report a plan ("said he would travel Thursday"): a bare weekday near them lies ahead.
    FutureReported => "future-reported.txt",
    /// Scheduling verbs whose simple present right before a bare weekday tells what lies ahead ("The council votes Tuesday").
    ScheduledVerb => "scheduled-verbs.txt",
    /// Adjectives before "period"/"quarter" that point to the same period of another year ("the corresponding period last year").
    SamePeriod => "same-period.txt",
    /// Abbreviations (lowercase, without the period) whose period does not end a word in the attribution tokenizer: titles, months, companies, US state abbreviations ("Sen.", "Calif.").
    AttribAbbrev => "attrib-abbreviations.txt",
    /// Verbs (every form that is written) that introduce or tag a quotation: "said", "told", "warned", "describing". A quote next to one of them is attributed to its subject.
    SpeechCue => "speech-cues.txt",
    /// Adverbs and auxiliaries skipped between a speaker and the cue ("Berg also said", "Ruiz has repeatedly warned").
    CueSkip => "cue-skip.txt",
    /// Short asides set off by commas between a speaker and a naming verb ("Greer, for one, called"): read past, they leave the speaker next to the verb.
    CommaAside => "comma-asides.txt",
    /// Small words that stay lowercase inside a title-cased name ("Bank of England"), compared without case.
    TitleSmallWord => "title-small-words.txt",
    /// Words whose "'s" stands for "is" ("it's", "that's").
    IsContraction => "is-contractions.txt",
    /// Prepositions before a clock time written with a period ("at 10.30").
    ClockPreposition => "clock-prepositions.txt",
    /// Conjunctions that open a clause of contrast ("but", "whereas"): time words do not cross them.
    ClauseContrast => "clause-contrasts.txt",
    /// Words after a source noun that continue its phrase ("a person familiar with").
    SourcePhraseContinuation => "source-phrase-continuations.txt",
    /// Words of negation and outcome that a claim carries as they are ("denied", "postponed", "vetoed").
    ClaimOutcome => "claim-outcomes.txt",
    /// Attribution verbs that may stand before their source ("..., said the ministry").
    InvertibleCue => "invertible-cues.txt",
    /// Words that make a statement a plan or a prediction ("would", "expects"): never compared as a fact.
    PlanWord => "plan-words.txt",
    /// Pronouns that leave a source unnamed for a reader without the article ("he said").
    UnnamedSource => "unnamed-sources.txt",
    /// Predicates whose counts change as a story develops (killed, arrested): later values update earlier ones.
    ChangingPredicate => "changing-predicates.txt",
    /// Nouns whose plural is the singular ("police", "species"): counted as written.
    InvariantNoun => "invariant-nouns.txt",
    /// Verbs before a hyphenated pair of numbers that make it a score ("won 3-1").
    ScoreVerb => "score-verbs.txt",
    /// Verbs that name a thing rather than report speech ("a loophole called “x”").
    NamingVerb => "naming-verbs.txt",
    /// Speech verbs after "by" or "to" whose speaker is the subject of the verb before ("began by saying").
    ByToCue => "by-to-cues.txt",
    /// Cues whose passive subject is spoken to, not speaking ("X was asked").
    AddressedCue => "addressed-cues.txt",
    /// Forms of "be" that make a cue after them passive.
    PassiveAuxiliary => "passive-auxiliaries.txt",
    /// Determiners and possessives before a cue form that make it a noun ("his remarks").
    NounDeterminer => "noun-determiners.txt",
    /// Words an apostrophe opens as an elision, not a quote ("'em", "'til").
    Elision => "elisions.txt",
    /// Reporting verbs that stand inverted in an aside of the writer's sentence, their speaker after them ("The plan, says Ruiz, is dead"). Verbs that take an object ("told her aides,") are not among them.
    AsideCue => "aside-cues.txt",
    /// Nouns for something said, whose possessor is its speaker ("her March comment that, “...”", "Berg's pledge: “...”").
    SpeechNoun => "speech-nouns.txt",
    /// Possessive pronouns that stand for a speaker ("his remark that ...") and the subject pronoun each resolves like.
    SpeakerPossessive => "speaker-possessives.txt",
    /// Subject pronouns that can stand for the speaker of a quote; resolved to a person named earlier.
    SpeakerPronoun => "speaker-pronouns.txt",
    /// Determiners, possessives and small numbers that open a nominal speaker phrase ("the mayor", "two officials").
    SpeakerDeterminer => "speaker-determiners.txt",
    /// Lowercase particles inside personal names ("de", "van", "bin"): a name read across them stays one name.
    NameParticle => "name-particles.txt",
    /// Generational suffixes after a personal name ("Jr.", "III"), matched as written.
    NameSuffix => "name-suffixes.txt",
    /// Capitalised words that start sentences but are not names.
    NotName => "not-names.txt",
    /// Plural roles that speak without a determiner ("officials said").
    BareRole => "bare-roles.txt",
    /// Words that end a nominal speaker phrase when reading forward.
    SpeakerPhraseStop => "speaker-phrase-stop.txt",
    /// Common irregular verbs that end a nominal read forward ("the mayor put ...").
    NominalVerb => "nominal-verbs.txt",
    /// Words that open a clause of their own after a cue: a tag must end the sentence or take a short prepositional setting only, so a cue followed by one of them is no tag.
    TagStop => "tag-stop.txt",
    /// Cue forms that are just as often plural nouns.
    NounishCue => "nounish-cues.txt",
    /// Prepositions that place an event at the place right after them ("near Cobb", "in the camp").
    Locative => "locatives.txt",
    /// Words right after a reporting verb that make it a news report ("reported that", "reported on Monday").
    ReportFollower => "report-followers.txt",
    /// Determiners skipped at the start of the noun phrase a quantity measures after "of" ("of the voters").
    PhraseDeterminer => "phrase-determiners.txt",
    /// Words that limit a figure to the area named after them ("in the region", "across the province").
    AreaLead => "area-leads.txt",
    /// Claim cues in their -s form that are as often plural nouns ("reports show", "claims of").
    ClaimNounishCue => "claim-nounish-cues.txt",
    /// Words right after an inverted source (", said the mayor in Lyon") that end its name.
    InvertedSourceEnd => "inverted-source-ends.txt",
    /// Heads of nominal phrases that name someone who can speak.
    SpeakerRole => "speaker-roles.txt",
    /// Participles of getting hold of someone else's words: their agent is not the author.
    ReceivedWords => "received-words.txt",
    /// Capitalised words that make "X Agency" a government body, not a news agency ("Energy Agency", "Space Agency"). Matched as written.
    AgencyDomain => "agency-domains.txt",
    /// Capitalised words in a name that make it an institution rather than a news outlet ("Ministry", "Council"). Matched as written.
    InstitutionWord => "institution-words.txt",
    /// Nouns that name a source of information when they are the subject of a speech verb or the object of "according to".
    SourceNoun => "source-nouns.txt",
    /// Documents named after "according to" that have an author after them ("according to a report by X").
    DocumentNoun => "document-nouns.txt",
    /// Words that may sit between a source and its speech verb in a claim's attribution ("Eastwire first reported").
    SourceVerbAdverb => "source-verb-adverbs.txt",
    /// Determiners and small numbers that may open a source phrase in a claim's attribution ("the ministry", "two officials").
    SourceDeterminer => "source-determiners.txt",
    /// Capitalised words that open sentences but never names. Matched as written.
    SentenceOpener => "sentence-openers.txt",
    /// Lowercase words (and "&") that may join the words of an organization's or outlet's name ("Bank of England", "van", "al").
    SourceConnector => "source-connectors.txt",
    /// Speech verbs (lowercase) that make their subject the source of a claim ("said", "reported"); "States" in "United States" is not one. (The quote attribution cues are speech-cues.txt; issue 13 merges the two engines.)
    ClaimSpeechVerb => "claim-speech-verbs.txt",
    /// Words after an -s form that show it is a noun ("company reports show", "claims of").
    NounUseFollows => "noun-use-follows.txt",
    /// Prepositions before a capitalised run that make it a place or a thing rather than the source of a claim ("in Kharkiv", "near the Ministry").
    SourcePreposition => "source-prepositions.txt",
    /// Function words that end a source phrase read backwards from its noun ("the" is let through as a determiner).
    SourcePhraseStop => "source-phrase-stop.txt",
    /// Abbreviations (as written, without the period) whose period is part of a name token: titles before names and company suffixes ("Mr.", "Gen.", "Inc."). Matched as written.
    NameAbbrev => "name-abbreviations.txt",
    /// Lowercase particles inside personal names ("de", "van", "bin", "y"): a capitalised run stays one name across them.
    EntityParticle => "entity-particles.txt",
    /// Lowercase words that join the words of an organization or place name ("Bank of England", "Centre for Research").
    EntityConnector => "entity-connectors.txt",
    /// Words that head place names and take "of" ("Republic of Moldova", "Gulf of Mexico").
    PlaceOfWord => "place-of-words.txt",
    /// Last words of geographic feature names.
    GeoWord => "geo-words.txt",
    /// Organization words that name news media; the span is an outlet when one ends it.
    OutletWord => "outlet-words.txt",
    /// Reporting verbs after a capitalised run that make it a speaker, so a person or an organization, not a place ("Kharkiv said" is the city's authorities only when nothing else fits).
    EntityReportVerb => "entity-report-verbs.txt",
    /// Lower-case words that extend a role leftwards ("deputy foreign minister").
    RoleModifier => "role-modifiers.txt",
    /// Words after "X's" that only a business has ("X's chief executive").
    CompanyPossession => "company-possessions.txt",
    /// Market verbs after "X shares" / "X's shares".
    MarketVerb => "market-verbs.txt",
    /// Words that put a sentence on a playing field.
    SportsWord => "sports-words.txt",
    /// Capitalised abbreviations that name no organization: units, time zones, measures, ratings, diseases, document words. Matched as written.
    NonOrgAcronym => "non-org-acronyms.txt",
    /// Negation words of a clause.
    Negation => "negations.txt",
    /// Words that say none of something happened: "no one was killed", "there were no casualties", "no dead or wounded".
    NoneWord => "none-words.txt",
    /// Predicates a "none" clause gives a zero figure for, and the classes a casualty noun stands for.
    ZeroPredicate => "zero-predicates.txt",
    /// Reporting verbs: a background word or a day right after one dates the telling ("said earlier", "said Thursday").
    ReportingVerb => "reporting-verbs.txt",
    /// Words that open a new clause after a comma.
    CommaClauseOpener => "comma-clause-openers.txt",
    /// Abbreviations (as written, without the period) after which a capitalised word is still the same sentence: titles and forms of address always precede a name. Matched as written.
    AlwaysJoin => "abbrev-always-join.txt",
    /// Abbreviations (as written, without the period) that join the next word to the sentence only when a digit follows ("Dec. 12", "Fig. 3"). Matched as written.
    JoinBeforeDigit => "abbrev-join-before-digit.txt",
    /// Abbreviations (as written, without the period) that end a sentence only when a capitalised word follows that is not a name: joined when the next word is lowercase or a digit. Matched as written.
    JoinBeforeLower => "abbrev-join-before-lower.txt",
    /// Words in capitals that start body text but are not dateline places ("BREAKING", "EDITOR'S NOTE"). Matched as written.
    NotDatelinePlace => "not-dateline-places.txt",
    /// Counted nouns that say nothing about which fact a figure is without a predicate ("2,000 people").
    GenericHead => "generic-heads.txt",
    /// Lower-case nouns that name a kind of organization and can stand right before its name or head an apposition about it.
    OrgDescriptor => "org-descriptors.txt",
    /// Descriptors that may also turn a city or region into a team.
    TeamDescriptor => "team-descriptors.txt",
    /// Words right before a town's name that make it the place even in an article that names the town's team ("in Leeds", "near Leeds").
    PlacePreposition => "place-prepositions.txt",
    /// Lower-case nouns right after a town's name that make it the place, not its team ("a Leeds hospital", "Leeds police").
    PlaceNoun => "place-nouns.txt",
    /// Lower-case marks of a cricket scorecard between the names of a batsman, a fielder and a bowler ("c", "b", "lbw", "st"). Matched as written.
    DismissalMark => "dismissal-marks.txt",
    /// Lower-case nouns that describe the person whose name follows them ("world champion Ana Ruiz", "forecaster Lea Moss").
    PersonNoun => "person-nouns.txt",
    /// Verbs of a match result with the winner, loser or drawer before them.
    ResultVerb => "result-verbs.txt",
    /// Participles of a result in the passive: "X were held 0-0 by Y".
    PassiveResult => "passive-results.txt",
    /// Playing and coaching roles: "X coach Ana Ruiz".
    SportsRole => "sports-roles.txt",
    /// Business roles that say the same of a name that is no place: "X chairman Ana Ruiz".
    BusinessRole => "business-roles.txt",
    /// Words before a quote that make it a title of a work or a name.
    TitleIntro => "title-intros.txt",
    /// Abbreviations (as written, without the period) whose period does not end the sentence around a quote: titles, company words, US state and month abbreviations. Matched as written.
    QuoteAbbrev => "quote-abbreviations.txt",
    /// Words after a cue that open a clause of their own, so what follows the cue is more than a short object or setting of it ("X told the local paper." is short; "X told reporters that ..." is not).
    ComplementStop => "complement-stop.txt",
    /// Prepositions before a person's name inside a speaker phrase that make the name an object, not the speaker ("an aide to Ruiz", "talks with Berg").
    SubjectPreposition => "subject-prepositions.txt",
    /// Heads of nominal speaker phrases that stand for a person, not for the organization or place that modifies them ("the union official", "a ministry spokesman").
    PersonHead => "person-heads.txt",
    /// Offices named in an apposition ("Zora Lind, an aide to the minister") that a later generic "the ministry official" may stand for, when exactly one person holds one.
    OfficeWord => "office-words.txt",
    /// Words that may open the clause after a quote before its speaker and cue ("..., in a statement, the ministry said", "..., on Tuesday, Ruiz said").
    SpeakerIntro => "speaker-intros.txt",
    /// Day words of a short time phrase between a subject and its verb ("X on Tuesday night warned", "X yesterday told").
    TimePhraseDay => "time-phrase-days.txt",
    /// Parts of the day or periods that end a short time phrase between a subject and its verb ("X last week told", "X on Tuesday night warned").
    TimePhrasePart => "time-phrase-parts.txt",
    /// Words that open a short time phrase between a subject and its verb ("on", "last", "earlier").
    TimePhraseLead => "time-phrase-leads.txt",
    /// Linking verbs right before a figure: the subject before them is what the figure measures ("the tax rate for state and local taxes was 45.8 percent").
    Copula => "copulas.txt",
    /// Words right after a number that make it a figure (a share, a change, a rate), never a score: "Name 12 pct", "Name 3 up".
    FigureAfterNumber => "figure-after-number.txt",
    /// Regions that are nations and field national teams under their own name (the home nations): like a country, their name stays a place in results and fixtures. Matched as the gazetteer's canonical name.
    TeamNation => "team-nations.txt",
    /// Words too common in news to tell stories or statements apart (the comparison's stopwords; wider than `stopwords.txt`).
    StoryStopword => "story-stopwords.txt",
    /// Words right after a source's name that make it a news outlet ("Eastwire, a newspaper, reported"). Case-sensitive.
    MediaNoun => "media-nouns.txt",
    /// Abbreviated titles that, with their full stop, make the next word a surname ("Mr. Wolf"). Case-sensitive.
    SurnameTitle => "surname-titles.txt",
    /// Past participles that cite a source before "by" ("as first reported by Eastwire").
    PassiveReportCue => "passive-report-cues.txt",
    /// Articles and object pronouns: never the infinitive verb after "to".
    ObjectWord => "object-words.txt",
    /// Words the team-context walk steps over between a name and a result verb ("lost at home to Leeds").
    ScoreLink => "score-links.txt",
    /// Prepositions before "the" and a plural name that make it a place, not a team ("in the Alps").
    TeamPlacePreposition => "team-place-prepositions.txt",
    /// Words after an organisation descriptor that make it the head of its phrase ("the bank that").
    DescriptorEnd => "descriptor-ends.txt",
    /// Function words that never modify an organisation descriptor.
    NotOrgModifier => "not-org-modifiers.txt",
    /// How news writes "versus" between two sides ("v", "vs."). Case-sensitive.
    Versus => "versus.txt",
    /// Short lower-case words of results lines ("pen", "aet"): no sign of prose.
    ResultLineWord => "result-line-words.txt",
    /// Words before a clock time that make it approximate ("about 3 p.m.").
    ClockApproximation => "clock-approximations.txt",
    /// Words of a clock time's own phrase ("p.m.", "GMT", "local time"), not what happened then.
    ClockContextDrop => "clock-context-drop.txt",
    /// Words before a time word that may open a relative time phrase ("last year", "this week").
    RelativeTimeLead => "relative-time-leads.txt",
    /// Things that display words rather than say them ("sign", "banner"): the subject of a sentence naming one does not speak the quote after its colon.
    WrittenDisplay => "written-displays.txt",
    /// Last words of news outlet names ("Times", "Post", "News"). Case-sensitive.
    OutletNameEnd => "outlet-name-ends.txt",
    /// Outlets and agencies not shaped like one ("Reuters", "Al Jazeera"). Case-sensitive.
    OutletName => "outlet-names.txt",
    /// Labels of a page's metadata lines ("published", "last updated").
    MetaLabel => "meta-labels.txt",
    /// Phrases of donation and membership appeals ("support independent journalism").
    AppealPhrase => "appeal-phrases.txt",
    /// Phrases of site chrome other than appeals ("newsletter", "read more").
    ChromePhrase => "chrome-phrases.txt",
    /// Whole lines of buttons and menus ("Back to top", "Monthly").
    MenuWord => "menu-words.txt",
    /// Words opening a parenthesised photo credit at a caption's end ("AP Photo"). Case-sensitive.
    CaptionOpener => "caption-openers.txt",
    /// Nouns naming a photographer with a colon ("Photo by:"). Case-sensitive.
    PhotoNoun => "photo-nouns.txt",
    /// Photo agencies after a slash at a caption's end ("Getty Images"). Case-sensitive.
    PhotoAgency => "photo-agencies.txt",
    /// Labels of a credit line ("Photo credit", "Via"). Case-sensitive.
    CreditLabel => "credit-labels.txt",
    /// Agencies whose name alone is a credit line ("(AP)"). Case-sensitive.
    CreditAgency => "credit-agencies.txt",
    /// Words of a site banner before the site's name ("Support", "Welcome to"). Case-sensitive.
    BannerLead => "banner-leads.txt",
    /// Words opening a byline ("By", "Reporting by"). Case-sensitive.
    BylineLead => "byline-leads.txt",
    /// Relative periods a figure is told for ("last year", "a year earlier").
    RelativePeriod => "relative-periods.txt",
    /// Starts of a line linking to another article ("Read more", "Related:"). Case-sensitive.
    RelatedLinkLead => "related-link-leads.txt",
    /// Third-person subject pronouns ("he", "they") a claim's asserter may be.
    ThirdPersonPronoun => "third-person-pronouns.txt",
    /// The articles "a", "an", "the".
    Article => "articles.txt",
    /// Nouns of a winning margin after "by" and a number ("by six wickets").
    MarginUnit => "margin-units.txt",
    /// Words after "X's chief" that make an officer's title ("chief executive").
    ChiefTitle => "chief-titles.txt",
    /// Days named from the day of writing ("today", "yesterday", "tonight").
    DeicticDay => "deictic-days.txt",
    /// Parts of a day ("morning", "night").
    DayPart => "day-parts.txt",
    /// Plural fraction nouns ("thirds", "quarters"): the number before one is a fraction.
    FractionPlural => "fraction-plurals.txt",
    /// Words before a period noun that make a figure a rate ("per hour", "a year").
    RateLead => "rate-leads.txt",
    /// Audiences addressed in an attribution ("told reporters").
    PressAudience => "press-audiences.txt",
    /// Words that negate an outcome phrase just after them ("did not win").
    OutcomeNegation => "outcome-negations.txt",
}

static SETS: LazyLock<Vec<FxHashSet<&'static str>>> =
    LazyLock::new(|| CLASS_FILES.iter().map(|&(_, _, text)| super::lexicon::entries(text).collect()).collect());

/// A generational suffix of a personal name ("Jr.", "iii"), in any case and
/// with or without its full stop (`name-suffixes.txt`).
pub fn is_name_suffix(word: &str) -> bool {
    static FOLDED: LazyLock<FxHashSet<String>> =
        LazyLock::new(|| members(Class::NameSuffix).map(|s| s.trim_end_matches('.').to_lowercase()).collect());
    let w = word.trim_end_matches('.');
    !w.is_empty() && FOLDED.contains(&w.to_lowercase())
}

/// Whether `word` (as the class file writes it: lowercase unless the file
/// says otherwise) belongs to `class`.
pub fn is(class: Class, word: &str) -> bool {
    SETS.get(class as usize).is_some_and(|s| s.contains(word))
}

/// The entries of `class`, in file order.
pub fn members(class: Class) -> impl Iterator<Item = &'static str> {
    CLASS_FILES.get(class as usize).into_iter().flat_map(|&(_, _, text)| super::lexicon::entries(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_in_file_order() {
        for (n, &(c, name, _)) in CLASS_FILES.iter().enumerate() {
            assert_eq!(c as usize, n, "{name}");
        }
        assert!(is(Class::DateStart, "yesterday") && !is(Class::DateStart, "quake"));
    }

    #[test]
    fn name_suffixes_match_in_any_case_with_or_without_a_stop() {
        for w in ["Jr.", "jr", "SR", "iii", "IV."] {
            assert!(is_name_suffix(w), "{w}");
        }
        for w in ["", ".", "Jay", "V", "Junior"] {
            assert!(!is_name_suffix(w), "{w}");
        }
    }
}
