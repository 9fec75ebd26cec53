//! The embedded data every stage looks things up in: agencies, places, names, titles, topics.
//!
//! Each table is parsed from a file in `data/` once per process and shared; users can extend the
//! agency registry and the topic lexicon through [`crate::ParserBuilder`].

pub mod agencies;
pub mod countries;
pub mod names;
pub mod places;
pub mod topics;
mod word_matcher;
pub mod zones;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

pub use agencies::{Agencies, AgencyEntry, AgencyKind};
pub use places::{Place, Places};
pub use topics::{LexiconTerm, MediaTopic, TopicLexicon, Vocabulary};

/// The hash map of every lookup table: keys are short words and names, hashed on every lookup of
/// a parse, and SipHash cost a fifth of a parse; foldhash is several times faster and still seeded.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// The hash set of every lookup table (see [`FastMap`]).
pub(crate) type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// The longest word [`packed_word`] packs.
pub(crate) const PACKED_WORD_MAX: usize = 15;

/// A word of 1 to [`PACKED_WORD_MAX`] bytes as one integer: its bytes from the high end, zero
/// padded, and its length in the lowest byte (so `a` and `a\0` differ). A map keyed by it hashes
/// and compares a word in one step, where `String` keys follow a pointer to each key's heap copy.
pub(crate) fn packed_word(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > PACKED_WORD_MAX {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[15] = bytes.len() as u8;
    Some(u128::from_be_bytes(buf))
}

/// True when `name` is already a lookup key of both the place and the agency tables: ASCII
/// lower-case letters and digits in words joined by single spaces (most phrases the stages ask
/// about, which they lower-case first). Folding such a name gives it back unchanged, so the
/// lookups skip the fold and its buffer.
pub(crate) fn is_plain_key(name: &str) -> bool {
    // One pass: a blank may not open, close or follow another blank.
    let mut after_blank = true;
    for &b in name.as_bytes() {
        match b {
            b' ' if after_blank => return false,
            b' ' => after_blank = true,
            b'a'..=b'z' | b'0'..=b'9' => after_blank = false,
            _ => return false,
        }
    }
    !after_blank
}

/// All lookup tables a [`crate::Parser`] uses.
#[derive(Debug, Clone)]
pub struct Registry {
    /// News agencies and the markers they use in copy.
    pub agencies: Agencies,
    /// Cities, regions and countries.
    pub places: Arc<Places>,
    /// The IPTC Media Topics vocabulary and the topic lexicon, compiled into one matcher.
    pub topics: Arc<TopicLexicon>,
}

static DEFAULT: LazyLock<Arc<Registry>> = LazyLock::new(|| {
    Arc::new(Registry {
        agencies: Agencies::embedded(),
        places: Arc::new(Places::embedded()),
        topics: TopicLexicon::embedded(),
    })
});

impl Registry {
    /// The registry built from the data shipped in the crate, compiled once per process.
    pub fn embedded() -> Arc<Registry> {
        Arc::clone(&DEFAULT)
    }
}
