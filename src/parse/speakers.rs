//! Speakers: the people named in the story and what they said.

use crate::article::{Organization, Speaker, Text};
use crate::registry::Registry;

/// People and organisations in the paragraphs.
pub fn extract(
    _text: &str,
    _paragraphs: &[Text],
    _headline: Option<&Text>,
    _registry: &Registry,
) -> (Vec<Speaker>, Vec<Organization>) {
    (Vec::new(), Vec::new())
}
