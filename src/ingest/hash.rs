//! A fast non-cryptographic hash for the per-row hot path (customer ids,
//! order ids, duplicate lines): the files are the user's own, so hash
//! flooding is not a concern, and SipHash would cost more than parsing.

use std::hash::BuildHasherDefault;

/// A `HashMap`/`HashSet` hasher built on [`hash`].
pub(crate) type FastHash = BuildHasherDefault<Fast>;

/// A fast 64-bit hash (FxHash-style words, then a finaliser).
pub(crate) fn hash(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w.try_into().expect("8 bytes"))).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    for &b in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    mix(h)
}

/// The SplitMix64 finaliser.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A fast hasher for byte strings and for keys that are already hashes.
#[derive(Default)]
pub(crate) struct Fast(u64);

impl std::hash::Hasher for Fast {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash(bytes, self.0);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

