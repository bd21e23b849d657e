//! The rules that find and type entity mentions, by name. A mention's `rule`
//! in the report is [`Rule::id`]; the code compares the enum, never the
//! string.

macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident => $id:literal,)*) => {
        /// The rule that found a mention or decided its kind.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $name,)*
        }

        impl Rule {
            /// Every rule, in declaration order.
            pub const ALL: &[Rule] = &[$(Rule::$name,)*];

            /// The stable id written as the mention's `rule`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$name => $id,)*
                }
            }
        }
    };
}

rules! {
    /// Internal: a span a headline or table rule claimed and then ruled out (never a mention).
    Blocked => "",
    /// A capitalised run with no other evidence.
    Capitalised => "capitalised",
    /// An `@handle`.
    Handle => "handle",
    /// A title before a name ("Gen. Ana Ruiz", "Mr. Wolf").
    TitleName => "title+name",
    /// A role word before a name ("Finance Minister Ana Ruiz").
    RoleName => "role+name",
    /// A name from the user's alias file.
    User => "user",
    /// A country of the gazetteer.
    GazetteerCountry => "gazetteer/country",
    /// A region of the gazetteer.
    GazetteerRegion => "gazetteer/region",
    /// A city of the gazetteer.
    GazetteerCity => "gazetteer/city",
    /// An organization of the gazetteer.
    GazetteerOrganization => "gazetteer/organization",
    /// A known name in a title-case headline.
    HeadlineKnown => "headline/known",
    /// A gazetteer name in a title-case headline.
    HeadlineGazetteer => "headline/gazetteer",
    /// A person's name in a title-case headline.
    HeadlineName => "headline/name",
    /// The place of a wire dateline ("KYIV, March 3 —").
    DatelinePlace => "dateline/place",
    /// A place and a plural nickname: a team ("Texas Rangers").
    PlaceNickname => "place+nickname",
    /// A name ending in a place word ("Lake Tana", "Cobb Mountain").
    PlaceWord => "place-word",
    /// A name ending in an organization word ("Harbor Police Department").
    OrgWord => "org-word",
    /// A first name from the given-name list, before a capitalised word.
    GivenName => "given-name",
    /// A given name that is also a common word or place ("Paris Hilton"): weaker evidence.
    GivenNameAmbiguous => "given-name?",
    /// A name before a speech or action verb ("Ruiz said").
    NameVerb => "name+verb",
    /// A name with a role in apposition ("Ruiz, the finance minister").
    NameApposition => "name+apposition",
    /// An outlet before "reported" ("Eastwire reported").
    OutletReported => "outlet+reported",
    /// An acronym before a verb ("NATO said").
    AcronymVerb => "acronym+verb",
    /// A surname with a kin word after its possessive: a person ("Kafoury's son").
    KinGiven => "kin+given",
    /// A scorer with the minute of the goal ("Ana Ruiz (32nd)").
    NameMinute => "name+minute",
    /// A team in a results table.
    TableTeam => "table/team",
    /// An entrant with a country in brackets between scores: a player ("Hwang Min (Korea)").
    NameCountry => "name+(country)",
    /// An item of a list of names with bracketed notes ("Ana Ruiz (Dunmore), Lea Moss (Greyhaven)").
    ListPerson => "list/person",
    /// The bracketed note of such a list when it names a club, party or company: an organization.
    ListAffiliation => "list/affiliation",
    /// A name of two words or more with an age after it: a person ("Ana Ruiz, 43,").
    NameAge => "name+age",
    /// A place's own person, as news introduces athletes and officials ("Ukraine's Ana Ruiz").
    PlacePossessiveName => "place's+name",
    /// A name after a noun or adjective that describes a person ("forecaster Lea Moss", "German Ana Ruiz").
    NounName => "noun+name",
    /// The batsman of a scorecard line ("Ana Ruiz c Moss b Kast").
    ScorecardPlayer => "scorecard/player",
    /// A town's name that stands for its team in a sports story.
    ContextTeamTown => "context/team-town",
    /// A descriptor before the name: an organization ("the company X", "a club called X"), or a team for a town ("champions Leeds").
    ContextDescriptor => "context/descriptor",
    /// A plural name after "the" in a sports story: a team nickname ("for the Mariners").
    ContextTeamName => "context/team-name",
    /// A team or organization with a descriptor in apposition after it.
    ContextApposition => "context/apposition",
    /// A company by its context ("shares in X", "a stake in X").
    ContextCompany => "context/company",
    /// An organization before a business role and a name ("X chief executive Ana Ruiz").
    ContextRole => "context/role",
    /// A team by a sports role ("X coach", "plays for X").
    ContextSportsRole => "context/sports-role",
    /// A team by a result ("X beat Y 2-1").
    ContextResult => "context/result",
    /// An organization acronym.
    Acronym => "acronym",
    /// A lone surname linked to the full name.
    Surname => "surname",
    /// A lone organization head linked to the full name ("the Commission").
    OrgHead => "org-head",
    /// A role nominal standing for its holder ("the minister").
    NominalRole => "nominal/role",
}

/// The evidence a rule rests on, for the rules that treat a family alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// A title-case headline (`headline/…`).
    Headline,
    /// A results table or scorecard line (`table/…`).
    Table,
    /// The words around the name (`context/…`).
    Context,
    Other,
}

impl Rule {
    /// The family of the rule: the part of its id before `/`.
    pub(crate) fn family(self) -> Family {
        match self.id().split_once('/').map(|(f, _)| f) {
            Some("headline") => Family::Headline,
            Some("table") => Family::Table,
            Some("context") => Family::Context,
            _ => Family::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.id()), "{} twice", r.id());
        }
        assert_eq!(Rule::ContextResult.family(), Family::Context);
        assert_eq!(Rule::HeadlineKnown.family(), Family::Headline);
        assert_eq!(Rule::TableTeam.family(), Family::Table);
        assert_eq!(Rule::Capitalised.family(), Family::Other);
    }
}
