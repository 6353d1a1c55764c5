//! Customer ids as hash-map keys, short ones held inline.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

/// Longest id held inline.
const INLINE: usize = 22;

/// A customer id as a hash-map key: ids up to 22 bytes (nearly all) sit in
/// the map's own slot, so a look-up compares bytes already in cache, and
/// adding a customer allocates nothing; longer ids are boxed.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    /// A short id: its length and bytes.
    Inline(u8, [u8; INLINE]),
    /// A long id.
    Boxed(Box<[u8]>),
}

impl Key {
    /// The key for `id`.
    pub(crate) fn new(id: &[u8]) -> Key {
        if id.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..id.len()].copy_from_slice(id);
            Key::Inline(id.len() as u8, bytes)
        } else {
            Key::Boxed(id.into())
        }
    }

    /// The id's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Key::Inline(len, bytes) => &bytes[..usize::from(*len)],
            Key::Boxed(bytes) => bytes,
        }
    }
}

impl Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.bytes()
    }
}

// Hashes and compares as its bytes, so a map can be searched with `&[u8]`.
impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes().hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for Key {}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn short_and_long_ids_are_found_by_their_bytes() {
        let long = "x".repeat(40);
        let mut map = HashMap::new();
        for (i, id) in ["", "a", "1234567890123456789012", long.as_str()].iter().enumerate() {
            map.insert(Key::new(id.as_bytes()), i);
        }
        assert!(matches!(Key::new(b"1234567890123456789012"), Key::Inline(22, _)));
        assert!(matches!(Key::new(long.as_bytes()), Key::Boxed(_)));
        for (i, id) in ["", "a", "1234567890123456789012", long.as_str()].iter().enumerate() {
            assert_eq!(map.get(id.as_bytes()), Some(&i));
        }
        assert_eq!(map.get(&b"b"[..]), None);
        assert_eq!(std::mem::size_of::<Key>(), 24);
    }
}
