//! The word classes the comparison reads, from the language layer's data
//! files (`data/lexicon/en/event_nouns.tsv`, `event_verbs.tsv`, `modal.txt`).

use crate::lang::lexicon;

/// Verbs of an event's start or end ("the summit ended on Thursday").
pub fn event_verb_class(word: &str) -> Option<&'static str> {
    lexicon().event_verb(word)
}

/// Nouns of events that have dates and outcomes.
pub fn event_noun_class(lemma: &str) -> Option<&'static str> {
    lexicon().event_noun(lemma)
}

/// Words that make a sentence about the future or a plan, not a fact.
pub fn is_modal_word(word: &str) -> bool {
    lexicon().is_modal(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_words_have_their_class() {
        assert_eq!(event_noun_class("talk"), Some("meeting"));
        assert_eq!(event_noun_class("referendum"), Some("vote"));
        assert_eq!(event_noun_class("parade"), Some("parade"));
        assert_eq!(event_noun_class("table"), None);
        assert_eq!(event_verb_class("closed"), Some("ended"));
        assert_eq!(event_verb_class("ends"), None, "a present form is a plan");
        assert!(is_modal_word("expected") && !is_modal_word("ended"));
    }
}
