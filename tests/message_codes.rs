//! Every message code the engine can report has a Korean wording in the
//! page (www/i18n/ko.js, `messages`), and the page words no code the engine
//! does not know: a new sentence without a translation fails here.

use std::collections::BTreeSet;

use segmenta::message::Code;

/// The keys of the `messages: { … }` object of an i18n file (quoted keys only).
fn message_keys(path: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = text.find("\n  messages: {").unwrap_or_else(|| panic!("{path} has no messages table"));
    let body = &text[start..];
    // The table ends at the first line that closes it at its own indentation.
    let end = body.find("\n  },").expect("the messages table ends");
    body[..end]
        .lines()
        .filter_map(|line| line.strip_prefix("    '"))
        .filter_map(|rest| rest.split_once("':").map(|(key, _)| key.to_owned()))
        .collect()
}

#[test]
fn every_engine_message_code_has_a_korean_wording() {
    let korean = message_keys(concat!(env!("CARGO_MANIFEST_DIR"), "/www/i18n/ko.js"));
    let missing: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).filter(|c| !korean.contains(*c)).collect();
    assert!(missing.is_empty(), "codes without a Korean wording in www/i18n/ko.js: {missing:?}");
}

#[test]
fn the_page_words_only_codes_the_engine_knows() {
    let known: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for file in ["ko.js", "en.js"] {
        let keys = message_keys(&format!("{}/www/i18n/{file}", env!("CARGO_MANIFEST_DIR")));
        assert!(!keys.is_empty(), "{file}: no message keys found");
        let unknown: Vec<&String> = keys.iter().filter(|k| !known.contains(k.as_str())).collect();
        assert!(unknown.is_empty(), "{file} words codes the engine does not have: {unknown:?}");
    }
}
