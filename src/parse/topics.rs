//! Topics: IPTC Media Topics with scores and evidence, and keyphrases.

use crate::article::{Keyphrase, Text, Topic};
use crate::registry::Registry;

/// Topics and keyphrases of the article.
pub fn classify(
    _text: &str,
    _headline: Option<&Text>,
    _paragraphs: &[Text],
    _registry: &Registry,
) -> (Vec<Topic>, Vec<Keyphrase>) {
    (Vec::new(), Vec::new())
}
