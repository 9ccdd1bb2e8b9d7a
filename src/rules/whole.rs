//! Whole numbers in messages: what `{:.0}` writes for a float, for less.

use std::fmt;

/// Writes a float as `format!("{:.0}", x)` does: the nearest whole number, ties to even. A
/// finite, non-negative number below 2^53 is written as the integer it rounds to: the float
/// formatting's exact decimal expansion cost about a thousand instructions a number, in
/// messages that quote seconds and shares. Other values (negative, huge, not finite) go
/// through `{:.0}` itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whole(pub f64);

/// Every whole number below this is a float exactly, so rounding loses nothing.
const EXACT: f64 = 9_007_199_254_740_992.0;

impl fmt::Display for Whole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        // `is_sign_positive` leaves out -0.0, which `{:.0}` writes as "-0"; NaN fails `<`.
        if x.is_sign_positive() && x < EXACT {
            write!(f, "{}", x.round_ties_even() as u64)
        } else {
            write!(f, "{x:.0}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(x: f64) -> (String, String) {
        (Whole(x).to_string(), format!("{x:.0}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]
        #[test]
        fn writes_what_the_float_formatting_writes(x in any::<f64>()) {
            let (ours, std) = both(x);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn writes_seconds_and_shares_as_the_float_formatting_does(
            whole in 0u64..100_000,
            hundredths in 0u32..100,
            step in -2i64..=2,
        ) {
            // Near every tie and every whole number: x.5 and its neighbours, x.00 and x.99.
            let x = whole as f64 + f64::from(hundredths) / 100.0;
            let x = f64::from_bits((x.to_bits() as i64 + step) as u64);
            let (ours, std) = both(x);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn ties_go_to_even_and_edges_fall_back() {
        for x in [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.49999999999999994,
            99.5,
            100.0,
            -0.4,
            -2.5,
            EXACT,
            EXACT - 1.0,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ] {
            let (ours, std) = both(x);
            assert_eq!(ours, std, "{x:?}");
        }
    }
}
