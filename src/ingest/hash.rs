//! A fast non-cryptographic hash for the per-row hot path (customer ids,
//! order ids, duplicate lines): the files are the user's own, so hash
//! flooding is not a concern, and SipHash would cost more than parsing.

use std::hash::BuildHasherDefault;

/// A `HashMap`/`HashSet` hasher built on [`hash`].
pub(crate) type FastHash = BuildHasherDefault<Fast>;

/// A fast 64-bit hash (FxHash-style words, then a finaliser).
pub(crate) fn hash(bytes: &[u8], seed: u64) -> u64 {
    // Two independent lanes over 16-byte blocks halve the multiply chain.
    let (mut a, mut b) = (seed, seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        a = fx(a, u64::from_le_bytes(block[..8].try_into().expect("8 bytes")));
        b = fx(b, u64::from_le_bytes(block[8..].try_into().expect("8 bytes")));
    }
    let mut h = a ^ b.rotate_left(32);
    let mut words = blocks.remainder().chunks_exact(8);
    for w in &mut words {
        h = fx(h, u64::from_le_bytes(w.try_into().expect("8 bytes")));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = fx(h, u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
    }
    mix(h ^ bytes.len() as u64)
}

/// One FxHash step: folds a word into the state.
#[inline]
pub(crate) fn fx(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
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
        self.0 = mix(fx(self.0, n));
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = fx(self.0, u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = fx(self.0, n as u64);
    }
}

