//! The embedded data every stage looks things up in: agencies, places, names, titles, topics.
//!
//! Each table is parsed from a file in `data/` once per process and shared; users can extend the
//! agency registry and the topic lexicon through [`crate::ParserBuilder`].

pub mod agencies;
pub mod countries;
pub mod names;
pub mod places;
pub mod topics;
pub mod zones;

use std::sync::{Arc, LazyLock};

pub use agencies::{Agencies, AgencyEntry, AgencyKind};
pub use places::{Place, Places};
pub use topics::{LexiconTerm, MediaTopic, TopicLexicon, Vocabulary};

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
