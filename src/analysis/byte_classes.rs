//! Which of sixteen bytes are ASCII letters or digits and which are spaces, one bit per byte:
//! the scan takes the words and single spaces that make up most of a text sixteen bytes at a
//! time. On x86_64 SSE2 answers in a few instructions; other targets use a portable version
//! that gives the same bits.

/// The bytes classified at once.
pub const WIDTH: usize = 16;

/// Bit `k` describes byte `k` of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteClasses {
    /// ASCII letters and digits.
    pub alnum: u32,
    /// The space character (not tabs or line breaks).
    pub spaces: u32,
}

/// The classes of the sixteen bytes of `chunk`.
#[inline]
pub fn classify(chunk: &[u8; WIDTH]) -> ByteClasses {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the function needs SSE2, which this build enables (`cfg` above); every
        // x86_64 CPU has it.
        unsafe { sse2::classify(chunk) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable::classify(chunk)
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use super::{ByteClasses, WIDTH};
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };

    #[target_feature(enable = "sse2")]
    pub fn classify(chunk: &[u8; WIDTH]) -> ByteClasses {
        // One unaligned load: built from two halves, the vector took three more instructions.
        // SAFETY: `chunk` is sixteen readable bytes, and `loadu` needs no alignment.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        // SSE2 compares signed bytes only: adding 0x80 - lo maps lo..lo+n to -128..-128+n,
        // so one signed "less than" tests the range.
        let in_range = |v, lo: u8, n: u8| {
            let shifted = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
            _mm_cmplt_epi8(shifted, _mm_set1_epi8(i8::MIN + n as i8))
        };
        // Setting bit 5 maps 'A'..='Z' onto 'a'..='z' and no other byte into that range.
        let letters = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
        let digits = in_range(v, b'0', 10);
        let spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
        ByteClasses {
            alnum: _mm_movemask_epi8(_mm_or_si128(letters, digits)) as u32,
            spaces: _mm_movemask_epi8(spaces) as u32,
        }
    }
}

#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
mod portable {
    use super::{ByteClasses, WIDTH};

    pub fn classify(chunk: &[u8; WIDTH]) -> ByteClasses {
        let mut classes = ByteClasses {
            alnum: 0,
            spaces: 0,
        };
        for (k, &b) in chunk.iter().enumerate() {
            classes.alnum |= u32::from(b.is_ascii_alphanumeric()) << k;
            classes.spaces |= u32::from(b == b' ') << k;
        }
        classes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_byte(chunk: &[u8; WIDTH]) -> ByteClasses {
        let bits = |is: fn(&u8) -> bool| (0..WIDTH).filter(move |&k| is(&chunk[k])).map(|k| 1 << k);
        ByteClasses {
            alnum: bits(u8::is_ascii_alphanumeric).sum(),
            spaces: bits(|&b| b == b' ').sum(),
        }
    }

    #[test]
    fn every_byte_at_every_place_is_classified_as_a_byte_walk_does() {
        for at in 0..WIDTH {
            for b in 0..=255u8 {
                for mut chunk in [*b"abcdefgh ijklmno", *b"  0  9 Z  A z a ", [0xc3; WIDTH]] {
                    chunk[at] = b;
                    assert_eq!(classify(&chunk), by_byte(&chunk), "{chunk:?}");
                    assert_eq!(portable::classify(&chunk), by_byte(&chunk), "{chunk:?}");
                }
            }
        }
    }
}
