//! Clock times as transcripts write them: `H:M:S.ms`, `M:S`, `HH:MM:SS,mmm` (SRT), plain
//! seconds; fast paths for the common fixed shapes give the general path's values to the bit.

use super::shared::trimmed;

/// Parses `H:M:S.ms`, `M:S`, `HH:MM:SS,mmm` (SRT) or plain seconds into seconds.
/// Accepts Teams' unpadded `0:0:0.0`. Returns None for anything else.
pub fn parse_clock(s: &str) -> Option<f64> {
    // The usual `HH:MM:SS` or `MM:SS`: digits and colons only, which the general path below
    // would trim, measure and try as a cue time before reading it this way.
    if let Some(seconds) = two_digit_clock(s.as_bytes()) {
        return Some(f64::from(seconds));
    }
    let s = trimmed(s);
    if s.is_empty() || s.len() > 32 {
        return None;
    }
    if let Some(time) = cue_clock(s.as_bytes()) {
        return Some(time);
    }
    if let Some(whole) = whole_seconds(s) {
        return Some(whole);
    }
    // Clocks are short: a plain loop finds the byte before a vector search has set up.
    let (clock, seconds) = match s.bytes().rposition(|b| b == b':') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => ("", s),
    };
    let mut total = 0.0;
    if !clock.is_empty() {
        let mut groups = 0;
        for part in clock.split(':') {
            groups += 1;
            if groups > 2 || part.is_empty() || part.len() > 6 {
                return None;
            }
            total = total * 60.0 + f64::from(digits_value(part)?);
        }
    }
    Some(total * 60.0 + parse_seconds(seconds)?)
}

/// `HH:MM:SS.mmm` or `MM:SS,mmm`, two digits a group and three after the point, the way
/// WebVTT and SubRip write every cue time: read at fixed places. The sums run in the
/// general path's order (minutes * 60, plus seconds and fraction), so the value is the same
/// to the bit. None: use the general path.
pub fn cue_clock(b: &[u8]) -> Option<f64> {
    let pair = |i: usize| two_digits(b, i);
    let n = b.len();
    if n < 9 || !matches!(b[n - 4], b'.' | b',') {
        return None;
    }
    let (minutes, seconds) = match n {
        12 if b[2] == b':' && b[5] == b':' => (pair(0)? * 60 + pair(3)?, pair(6)?),
        9 if b[2] == b':' => (pair(0)?, pair(3)?),
        _ => return None,
    };
    let hundreds = b[n - 3].wrapping_sub(b'0');
    if hundreds >= 10 {
        return None;
    }
    let millis = u32::from(hundreds) * 100 + pair(n - 2)?;
    Some(f64::from(minutes * 60) + (f64::from(seconds) + f64::from(millis) / 1000.0))
}

/// The value of up to nine ASCII digits (the callers bound the length); None for any other
/// byte. Integers this small are exact in an f64, so this gives what `str::parse::<f64>` did.
fn digits_value(s: &str) -> Option<u32> {
    s.bytes().try_fold(0u32, |value, b| {
        let digit = b.wrapping_sub(b'0');
        (digit < 10).then(|| value * 10 + u32::from(digit))
    })
}

/// The common `HH:MM:SS` / `MM:SS` shape (one to three groups of one or two digits) without
/// float parsing, which dominates reading text files with a time on every line. Integer
/// arithmetic gives the same value as the general path for these. None: use the general path.
fn whole_seconds(s: &str) -> Option<f64> {
    if let Some(seconds) = two_digit_clock(s.as_bytes()) {
        return Some(f64::from(seconds));
    }
    let (mut total, mut value): (u32, u32) = (0, 0);
    let (mut groups, mut digits) = (1, 0);
    for &b in s.as_bytes() {
        if b == b':' {
            if digits == 0 || groups == 3 {
                return None;
            }
            total = total * 60 + value;
            (value, digits, groups) = (0, 0, groups + 1);
        } else if b.is_ascii_digit() && digits < 2 {
            value = value * 10 + u32::from(b - b'0');
            digits += 1;
        } else {
            return None;
        }
    }
    (digits > 0).then(|| f64::from(total * 60 + value))
}

/// `HH:MM:SS` or `MM:SS` with two digits a group, the way most transcripts write times: read
/// at fixed places, where the loop of `whole_seconds` took about 80 instructions a time.
pub fn two_digit_clock(b: &[u8]) -> Option<u32> {
    let pair = |i: usize| two_digits(b, i);
    match b.len() {
        8 if b[2] == b':' && b[5] == b':' => Some((pair(0)? * 60 + pair(3)?) * 60 + pair(6)?),
        5 if b[2] == b':' => Some(pair(0)? * 60 + pair(3)?),
        _ => None,
    }
}

/// The two digits at `b[i..i + 2]` as a number.
#[inline]
fn two_digits(b: &[u8], i: usize) -> Option<u32> {
    let (tens, ones) = (b[i].wrapping_sub(b'0'), b[i + 1].wrapping_sub(b'0'));
    (tens < 10 && ones < 10).then(|| u32::from(tens) * 10 + u32::from(ones))
}

/// `12`, `12.5`, `12,500` (the SRT decimal comma): digits with at most one separator.
fn parse_seconds(s: &str) -> Option<f64> {
    let (whole, frac) = match s.bytes().position(|b| b == b'.' || b == b',') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if whole.is_empty() || whole.len() > 9 || frac.len() > 9 {
        return None;
    }
    let whole = digits_value(whole)?;
    let frac_value = if frac.is_empty() {
        0.0
    } else {
        f64::from(digits_value(frac)?) / POWERS_OF_TEN[frac.len()]
    };
    Some(f64::from(whole) + frac_value)
}

/// `10f64.powi(n)` for the nine digits a fraction may have: exact, so a table gives the same.
const POWERS_OF_TEN: [f64; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/// True when `s` is a clock time like `0:03`, `01:23` or `1:02:03` (whole seconds).
pub fn is_clock(s: &str) -> bool {
    let mut groups = 0;
    for part in s.split(':') {
        groups += 1;
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    (2..=3).contains(&groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `whole_seconds` before it became one loop over the bytes.
    fn whole_seconds_by_split(s: &str) -> Option<f64> {
        let mut total: u32 = 0;
        let mut groups = 0;
        for part in s.as_bytes().split(|&b| b == b':') {
            groups += 1;
            if groups > 3 || part.is_empty() || part.len() > 2 {
                return None;
            }
            let mut value = 0;
            for &b in part {
                if !b.is_ascii_digit() {
                    return None;
                }
                value = value * 10 + u32::from(b - b'0');
            }
            total = total * 60 + value;
        }
        Some(f64::from(total))
    }

    /// `parse_clock` before it read digits as integers, with `str::parse::<f64>`.
    fn parse_clock_by_float(s: &str) -> Option<f64> {
        let s = s.trim();
        if s.is_empty() || s.len() > 32 {
            return None;
        }
        if let Some(whole) = whole_seconds_by_split(s) {
            return Some(whole);
        }
        let (clock, seconds) = match s.rfind(':') {
            Some(i) => (&s[..i], &s[i + 1..]),
            None => ("", s),
        };
        let mut total = 0.0;
        if !clock.is_empty() {
            for (groups, part) in clock.split(':').enumerate() {
                let digits = part.bytes().all(|b| b.is_ascii_digit());
                if groups >= 2 || part.is_empty() || part.len() > 6 || !digits {
                    return None;
                }
                total = total * 60.0 + part.parse::<f64>().ok()?;
            }
        }
        let (whole, frac) = match seconds.find(['.', ',']) {
            Some(i) => (&seconds[..i], &seconds[i + 1..]),
            None => (seconds, ""),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 9 || frac.len() > 9
        {
            return None;
        }
        let frac_value = if frac.is_empty() {
            0.0
        } else {
            frac.parse::<f64>().ok()? / 10f64.powi(frac.len() as i32)
        };
        Some(total * 60.0 + (whole.parse::<f64>().ok()? + frac_value))
    }

    fn bits(t: Option<f64>) -> Option<u64> {
        t.map(f64::to_bits)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn clocks_read_as_float_parsing_did(s in "[0-9:.,a ]{0,16}") {
            prop_assert_eq!(bits(parse_clock(&s)), bits(parse_clock_by_float(&s)));
        }

        #[test]
        fn cue_clocks_read_as_float_parsing_did(
            s in "([0-9]{1,3}:)?[0-9]{1,3}:[0-9]{1,3}[.,][0-9]{1,4}"
        ) {
            prop_assert_eq!(bits(parse_clock(&s)), bits(parse_clock_by_float(&s)));
        }

        #[test]
        fn two_digit_clocks_parse_as_float_parsing_did(s in "[0-9]{2}:[0-9a]{2}(:[0-9]{2})?") {
            prop_assert_eq!(bits(parse_clock(&s)), bits(parse_clock_by_float(&s)));
        }

        #[test]
        fn whole_seconds_reads_clocks_as_the_split_did(s in "[0-9:a ]{0,9}") {
            prop_assert_eq!(whole_seconds(&s), whole_seconds_by_split(&s));
        }

        #[test]
        fn two_digit_clocks_read_as_the_split_did(
            s in "[0-9:a/]{1,2}[0-9:]{1,2}[0-9:a]{1,2}[0-9:]{0,2}[0-9:a/]{0,2}"
        ) {
            prop_assert_eq!(whole_seconds(&s), whole_seconds_by_split(&s));
            if let Some(t) = two_digit_clock(s.as_bytes()) {
                prop_assert_eq!(Some(f64::from(t)), whole_seconds_by_split(&s));
            }
        }
    }

    #[test]
    fn the_table_of_powers_of_ten_is_powi() {
        for (n, &p) in POWERS_OF_TEN.iter().enumerate() {
            assert_eq!(p.to_bits(), 10f64.powi(n as i32).to_bits());
        }
    }

    #[test]
    fn clocks_in_every_common_shape() {
        assert_eq!(parse_clock("00:01:23"), Some(83.0));
        assert_eq!(parse_clock("01:23"), Some(83.0));
        assert_eq!(parse_clock("0:0:0.570"), Some(0.57));
        assert_eq!(parse_clock("00:00:07,500"), Some(7.5));
        assert_eq!(parse_clock("01:02:03.405"), Some(3723.405));
        assert_eq!(parse_clock("02:03.4x5"), None);
        assert_eq!(parse_clock("12.5"), Some(12.5));
        assert_eq!(parse_clock("1:2:3:4"), None);
        assert_eq!(two_digit_clock(b"01:23:45"), Some(5025));
        assert_eq!(two_digit_clock(b"99:59"), Some(5999));
        assert_eq!(two_digit_clock(b"1:23:45"), None);
        assert_eq!(two_digit_clock(b"0a:00"), None);
        assert_eq!(two_digit_clock(b"00:00/00"), None);
        assert_eq!(parse_clock("ab:cd"), None);
        assert_eq!(parse_clock(""), None);
    }
}
