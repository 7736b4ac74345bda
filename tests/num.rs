//! Native tests of the one formatter every visible number goes through (`ui::num::short`), against literal strings.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::ui::num::short;

/// Each expected string was written by hand (six significant digits of the exact binary value,
/// trailing zeros dropped; below 1e-4 or from 1e6 on, five significant digits as `d.dddde<n>`)
/// and checked against an independent formatter, Python's `'%.6g' % v` and `'%.4e' % v`
/// (CPython 3, whose `%g` switches to exponent form by the same rule: the exponent of the value
/// rounded to six digits below -4 or at least 6).
#[test]
fn six_significant_digits_trailing_zeros_trimmed() {
    for (v, want) in [
        (0.5, "0.5"),
        (-0.5, "-0.5"),
        (1.0, "1"),
        (2.5, "2.5"),
        (100000.0, "100000"),
        // Mazur (2015), dE/dw5 = 0.082167041: six significant digits, the seventh (0) dropped.
        (0.082167041, "0.082167"),
        (0.7413650695523157, "0.741365"),
        (0.298371109, "0.298371"),
        (0.35891648, "0.358916"),
        (123.456789, "123.457"),
        (-123.456789, "-123.457"),
        (0.1 + 0.2, "0.3"),
        // The binary values of these lie just below the written half: they round down.
        (99999.95, "99999.9"),
        (12345.65, "12345.6"),
        (0.0001, "0.0001"),
        (0.00012345678, "0.000123457"),
        (999999.4, "999999"),
    ] {
        assert_eq!(short(v), want, "short({v:?})");
    }
}

#[test]
fn carries_reach_the_next_power_of_ten() {
    for (v, want) in [
        (0.9999995, "1"),
        (0.99999949, "0.999999"),
        (9.999995, "10"),
        (-9.999995, "-10"),
        // 9.9999951e-5 rounds to 1.00000e-4: inside the fixed range after the carry.
        (9.9999951e-5, "0.0001"),
        // 999999.5 rounds to 1.00000e6: the carry leaves the fixed range (not "1000000").
        (999999.5, "1.0000e6"),
        (-999999.5, "-1.0000e6"),
    ] {
        assert_eq!(short(v), want, "short({v:?})");
    }
}

#[test]
fn exponent_form_below_one_ten_thousandth_and_from_a_million() {
    for (v, want) in [
        (1e6, "1.0000e6"),
        (1234567.0, "1.2346e6"),
        (-1234567.0, "-1.2346e6"),
        (9.9999e-5, "9.9999e-5"),
        (9.99996e-5, "1.0000e-4"),
        (-9.99996e-5, "-1.0000e-4"),
        (1.5e-7, "1.5000e-7"),
        (-1.5e-7, "-1.5000e-7"),
        (1e-300, "1.0000e-300"),
        // The smallest subnormal, 2^-1074 = 4.94065645841...e-324.
        (5e-324, "4.9407e-324"),
        (f64::MAX, "1.7977e308"),
        (f64::MIN, "-1.7977e308"),
    ] {
        assert_eq!(short(v), want, "short({v:?})");
    }
}

#[test]
fn zero_of_either_sign_nan_and_infinities() {
    assert_eq!(short(0.0), "0");
    assert_eq!(short(-0.0), "0", "no minus sign on zero");
    // Never the English NaN or inf (docs/korean.md): ±∞, and — where no language is known.
    assert_eq!(short(f64::NAN), "—");
    assert_eq!(short(-f64::NAN), "—");
    assert_eq!(short(f64::INFINITY), "+∞");
    assert_eq!(short(f64::NEG_INFINITY), "−∞");
}

/// Printing never shows more than six significant digits, and the shown text reads back within
/// half a unit in the sixth digit (an independent bound, checked on a sweep of magnitudes).
#[test]
fn the_text_is_the_value_to_half_a_unit_in_the_sixth_digit() {
    let mut v = 1.234_567_891_234_5e-9;
    while v < 1e12 {
        for x in [v, -v, v * 0.999_999_7, v * 7.77] {
            let s = short(x);
            let back: f64 = s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"));
            let digits = s
                .split('e')
                .next()
                .unwrap()
                .trim_start_matches('-')
                .replace('.', "")
                .trim_start_matches('0')
                .len();
            assert!(digits <= 6, "{x:e} shows {s}");
            let unit = 10f64.powi(x.abs().log10().floor() as i32 - 5);
            let exp_form = s.contains('e');
            let bound = if exp_form { 5.0 * unit } else { 0.5 * unit } * 1.000_001;
            assert!((back - x).abs() <= bound, "{x:e} shows {s}");
        }
        v *= 3.1;
    }
}

/// The nudge's rows write their millionths out in decimals, six significant digits as every
/// other decimal on the page (a teacher read `4.3857e-6` on screen and on paper beside
/// `0.000438568`). Expected strings from Python: `'%.*f' % (5 - exponent, v)`, zeros trimmed.
#[test]
fn decimals_write_small_numbers_out_to_six_significant_digits() {
    use backprop_lab::print::decimal;
    // Mazur's dE/dw1 = 0.000438568 times the nudge Δ = 0.01.
    assert_eq!(decimal(4.385677099e-6), "0.00000438568");
    assert_eq!(decimal(1.23456789e-5), "0.0000123457");
    assert_eq!(decimal(1.5e-7), "0.00000015");
    assert_eq!(decimal(-2.5e-9), "-0.0000000025");
    // A carry to 1e-4 is a decimal already; from 1e-4 up, below 1e-9 and elsewhere: as `short`.
    assert_eq!(decimal(9.9999995e-5), "0.0001");
    assert_eq!(decimal(0.5), "0.5");
    assert_eq!(decimal(1e-10), short(1e-10));
    assert_eq!(decimal(0.0), "0");
    assert_eq!(decimal(f64::NAN), short(f64::NAN));
}
