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
///
/// The bytes are read with a few fixed-size loads, two (possibly overlapping) big-endian halves:
/// a copy of variable length into a buffer is a call of `memcpy` per look-up, and the stages look
/// up most tokens in several tables.
pub(crate) fn packed_word(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    if len == 0 || len > PACKED_WORD_MAX {
        return None;
    }
    let mut v: u128 = 0;
    if len >= 8 {
        let head = bytes.first_chunk::<8>().map_or(0, |c| u64::from_be_bytes(*c));
        let tail = bytes.last_chunk::<8>().map_or(0, |c| u64::from_be_bytes(*c));
        // Bytes 8.. of the word are the tail's last `len - 8`; the overlap is shifted out.
        let rest = if len > 8 { tail << (8 * (16 - len)) } else { 0 };
        v = (u128::from(head) << 64) | u128::from(rest);
    } else if len >= 4 {
        let head = bytes.first_chunk::<4>().map_or(0, |c| u32::from_be_bytes(*c));
        let tail = bytes.last_chunk::<4>().map_or(0, |c| u32::from_be_bytes(*c));
        // The tail ends at byte `len - 1`; bytes it shares with the head are the same bytes.
        let word = (u64::from(head) << 32) | (u64::from(tail) << (8 * (8 - len)));
        v = u128::from(word) << 64;
    } else {
        for (i, &b) in bytes.iter().enumerate() {
            v |= u128::from(b) << (8 * (15 - i));
        }
    }
    Some(v | len as u128)
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

#[cfg(test)]
mod tests {
    /// The loads give exactly the layout [`super::packed_word`] documents: bytes from the high
    /// end, zero padded, the length in the lowest byte.
    #[test]
    fn packed_word_is_the_documented_layout() {
        let text = "abcdefghijklmnopqrstuvwxyz\u{e9}\u{2019}";
        for start in 0..4 {
            for end in start..text.len() {
                let Some(w) = text.get(start..end) else { continue };
                let expected = (1..=super::PACKED_WORD_MAX).contains(&w.len()).then(|| {
                    let mut buf = [0u8; 16];
                    buf[..w.len()].copy_from_slice(w.as_bytes());
                    buf[15] = w.len() as u8;
                    u128::from_be_bytes(buf)
                });
                assert_eq!(super::packed_word(w.as_bytes()), expected, "{w:?}");
            }
        }
    }
}
