//! The word floor: the least work a scorer that reads every word must do, as a program to time
//! beside `rg -c` and callscore. It reads every file under a folder, splits the text into words,
//! lower-cases them and looks each one up in the set of one-word patterns, on all cores, and
//! prints the counts. Phrases, sentences, speakers and rules are left out, so its time is a lower
//! bound on any scorer's, not a scorer.
//!
//! `cargo bench --bench word_floor -- [--words-only] [--check] [-jN] PATTERNS DIR` (`bench.sh`
//! runs it). With `--words-only` it only counts words, like `wc -w`; `--check` compares each
//! file's counts with a plain byte-by-byte look-up.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

/// Letters, digits and the apostrophe: the bytes of a word. Other bytes (white space,
/// punctuation, the bytes of non-ASCII characters) end one.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    t
};

/// Words of up to eight bytes, packed into a `u64` (first byte lowest), in a table where no two
/// keys share a slot: a look-up is a multiply, a load and a compare, with no branch.
struct ShortWords {
    slots: Vec<u64>,
    multiplier: u64,
    shift: u32,
}

impl ShortWords {
    fn new(keys: &[u64]) -> Self {
        let mut bits = (keys.len() * keys.len() / 4)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(8, 20);
        let mut multiplier = 0x9E37_79B9_7F4A_7C15u64;
        loop {
            for _ in 0..64 {
                if let Some(table) = Self::without_collisions(keys, multiplier, bits) {
                    return table;
                }
                // The next odd multiplier of a 64-bit LCG.
                multiplier = multiplier
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407)
                    | 1;
            }
            bits += 1;
        }
    }

    fn without_collisions(keys: &[u64], multiplier: u64, bits: u32) -> Option<Self> {
        let mut table = ShortWords {
            slots: vec![0; 1 << bits],
            multiplier,
            shift: 64 - bits,
        };
        for &k in keys {
            let i = table.slot(k);
            if table.slots[i] != 0 && table.slots[i] != k {
                return None;
            }
            table.slots[i] = k;
        }
        Some(table)
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(self.multiplier) >> self.shift) as usize
    }

    fn contains(&self, key: u64) -> bool {
        self.slots[self.slot(key)] == key
    }
}

fn pack(word: &[u8]) -> u64 {
    word.iter()
        .enumerate()
        .fold(0, |k, (i, &b)| k | u64::from(b) << (8 * i))
}

struct Patterns {
    short: ShortWords,
    long: HashSet<Vec<u8>>,
}

impl Patterns {
    /// The one-word lines of a pattern file (as `benches/patterns.py` writes it), lower-cased.
    fn read(path: &Path) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        let words: Vec<Vec<u8>> = text
            .lines()
            .map(|l| l.trim().to_ascii_lowercase().into_bytes())
            .filter(|w| !w.is_empty() && w.iter().all(|&b| WORD[usize::from(b)]))
            .collect();
        let short: Vec<u64> = words
            .iter()
            .filter(|w| w.len() <= 8)
            .map(|w| pack(w))
            .collect();
        let long = words.into_iter().filter(|w| w.len() > 8).collect();
        Ok(Patterns {
            short: ShortWords::new(&short),
            long,
        })
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    bytes: u64,
    words: u64,
    hits: u64,
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts {
            bytes: self.bytes + o.bytes,
            words: self.words + o.words,
            hits: self.hits + o.hits,
        }
    }
}

/// Bytes of a `u64`, each `b`.
const fn bytes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte of `x` (of at most 0x7f) that lies in `lo..=hi`, eight bytes at a
/// time: the sums carry into a byte's high bit exactly when it reaches the bound, and no further.
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = x + bytes(0x80 - lo);
    let above_hi = x + bytes(0x7f - hi);
    at_least_lo & !above_hi & bytes(0x80)
}

/// Bit `j` is set when byte `j` of the eight in `x` (first byte lowest) is a word byte.
fn word_bits8(x: u64) -> u64 {
    let ascii = !x & bytes(0x80);
    let low = x & bytes(0x7f);
    let letter = in_range(low | bytes(0x20), b'a', b'z');
    let digit = in_range(low, b'0', b'9');
    // A byte equal to the apostrophe is zero after the xor, and only a zero byte plus 0x7f
    // leaves the high bit clear.
    let apostrophe = !((low ^ bytes(b'\'')) + bytes(0x7f)) & bytes(0x80);
    let high_bits = (letter | digit | apostrophe) & ascii;
    // Gathers the eight high bits into the low byte, byte k's into bit k.
    (high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Bit `j` is set when byte `j` of `block` (at most 64 bytes) is a word byte.
fn word_bits(block: &[u8]) -> u64 {
    // Sixteen bytes at a time with SSE2, as callscore's tokeniser does (`byte_classes`), where
    // the machine has it: with the eight-byte arithmetic below, finding the words of the 1 GB
    // corpus took about twice as long, and the floor should be low.
    #[cfg(target_arch = "x86_64")]
    if let Ok(full) = <&[u8; 64]>::try_from(block) {
        // SAFETY: SSE2 is part of the x86_64 baseline, so every x86_64 machine has it.
        return unsafe { word_bits_sse2(full) };
    }
    let mut m = 0;
    for (k, eight) in block.chunks(8).enumerate() {
        let mut x = [0; 8];
        x[..eight.len()].copy_from_slice(eight);
        m |= word_bits8(u64::from_le_bytes(x)) << (8 * k);
    }
    m
}

/// [`word_bits`] for a whole block: letters after `| 0x20`, digits and the apostrophe, tested
/// sixteen bytes at a time. Bytes past ASCII are negative as `i8`, so they fall outside both
/// ranges.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn word_bits_sse2(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::*;
    let w = |i: usize| u64::from_le_bytes(block[8 * i..8 * i + 8].try_into().expect("8")) as i64;
    let mut m = 0u64;
    for k in 0..4 {
        let x = _mm_set_epi64x(w(2 * k + 1), w(2 * k));
        let lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
        let within = |v, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(v, _mm_set1_epi8(hi as i8 + 1)),
            )
        };
        let letter = within(lower, b'a', b'z');
        let digit = within(x, b'0', b'9');
        let apostrophe = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8));
        let word = _mm_or_si128(_mm_or_si128(letter, digit), apostrophe);
        m |= u64::from(_mm_movemask_epi8(word) as u16) << (16 * k);
    }
    m
}

/// How far the run of word bytes that starts at bit `j` of block `at` goes.
fn run_length(masks: &[u64], at: usize, j: u32) -> usize {
    let run = (!(masks[at] >> j)).trailing_zeros() as usize;
    if run < 64 - j as usize {
        return run;
    }
    // The word goes on into the next blocks: rare.
    let mut len = run;
    for &m in &masks[at + 1..] {
        let more = (!m).trailing_zeros() as usize;
        len += more;
        if more < 64 {
            break;
        }
    }
    len
}

/// Splits `text` into words and looks each one up, lower-cased. The word bytes are found 64 at a
/// time as a bit mask, and each word is read in one load: apart from the loop's own and the rare
/// word of over eight bytes, no branch depends on a word, so that unpredictable word lengths and
/// look-up results cost no mispredictions.
/// `text` ends with eight bytes of padding, which are not counted.
fn look_up(text: &[u8], patterns: &Patterns, scratch: &mut Scratch) -> Counts {
    let len = text.len() - PAD;
    fill_masks(&text[..len], &mut scratch.masks);
    let masks = &scratch.masks;
    let (mut words, mut hits) = (0, 0);
    for (at, mut starts) in word_starts(masks) {
        while starts != 0 {
            let j = starts.trailing_zeros();
            starts &= starts - 1;
            let pos = at * 64 + j as usize;
            let n = run_length(masks, at, j);
            words += 1;
            let raw = u64::from_le_bytes(text[pos..pos + 8].try_into().expect("padding"));
            // Word bytes are letters, digits and apostrophes: `| 0x20` lower-cases the letters
            // and leaves the others as they are.
            let key = (raw | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * n.min(8)));
            let found = if n <= 8 {
                patterns.short.contains(key)
            } else {
                scratch.long_word.clear();
                let word = text[pos..pos + n].iter().map(|b| b | 0x20);
                scratch.long_word.extend(word);
                patterns.long.contains(scratch.long_word.as_slice())
            };
            hits += u64::from(found);
        }
    }
    Counts {
        bytes: len as u64,
        words,
        hits,
    }
}

/// Counts the words of `text` (which ends with [`PAD`] bytes) from the masks alone.
fn count_words(text: &[u8], scratch: &mut Scratch) -> Counts {
    let len = text.len() - PAD;
    fill_masks(&text[..len], &mut scratch.masks);
    let words = word_starts(&scratch.masks)
        .map(|(_, starts)| u64::from(starts.count_ones()))
        .sum();
    Counts {
        bytes: len as u64,
        words,
        hits: 0,
    }
}

/// Each block's index and the bits where a word starts in it: a word byte after a byte that is
/// not one, the previous block's last byte included.
fn word_starts(masks: &[u64]) -> impl Iterator<Item = (usize, u64)> + '_ {
    masks.iter().enumerate().scan(0, |carry, (at, &m)| {
        let starts = m & !(m << 1 | *carry);
        *carry = m >> 63;
        Some((at, starts))
    })
}

/// The word-byte masks of `text`, and a zero block after the last, so that a run can always
/// look one block further.
fn fill_masks(text: &[u8], masks: &mut Vec<u64>) {
    masks.clear();
    masks.extend(text.chunks(64).map(word_bits));
    masks.push(0);
}

/// Bytes after a file's text, so that a word at the very end can be read in one load.
const PAD: usize = 8;

#[derive(Default)]
struct Scratch {
    masks: Vec<u64>,
    long_word: Vec<u8>,
}

/// [`look_up`] byte by byte, the plain way: `--check` compares the two.
fn look_up_plainly(text: &[u8], patterns: &Patterns) -> Counts {
    let text = &text[..text.len() - PAD];
    let (mut words, mut hits) = (0, 0);
    for word in text
        .split(|&b| !WORD[usize::from(b)])
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = word.to_ascii_lowercase();
        let found = if lower.len() <= 8 {
            patterns.short.contains(pack(&lower))
        } else {
            patterns.long.contains(&lower)
        };
        hits += u64::from(found);
    }
    Counts {
        bytes: text.len() as u64,
        words,
        hits,
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}

fn main() {
    // `cargo bench` passes `--bench`; the other flags are this program's.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let words_only = args.iter().any(|a| a == "--words-only");
    // -jN: threads, as callscore and rg take them; all cores by default.
    if let Some(n) = args.iter().find_map(|a| a.strip_prefix("-j")?.parse().ok()) {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .expect("the first thread pool");
    }
    let check = args.iter().any(|a| a == "--check");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let [patterns, dir] = paths[..] else {
        eprintln!("usage: word_floor [--words-only] [--check] [-jN] PATTERNS DIR");
        std::process::exit(2);
    };
    let patterns = Patterns::read(Path::new(patterns)).unwrap_or_else(|e| {
        eprintln!("{patterns}: {e}");
        std::process::exit(2);
    });
    let started = Instant::now();
    let counts = files(Path::new(dir))
        .par_iter()
        .map_init(
            || (Vec::new(), Scratch::default()),
            |(buf, scratch), path| {
                use std::io::Read;
                buf.clear();
                let read = std::fs::File::open(path).and_then(|mut f| f.read_to_end(buf));
                if let Err(e) = read {
                    eprintln!("{}: {e}", path.display());
                    return Counts::default();
                }
                buf.extend_from_slice(&[0; PAD]);
                let counts = if words_only {
                    count_words(buf, scratch)
                } else {
                    look_up(buf, &patterns, scratch)
                };
                if check && !words_only {
                    let plain = look_up_plainly(buf, &patterns);
                    assert_eq!(
                        (counts.words, counts.hits),
                        (plain.words, plain.hits),
                        "{}",
                        path.display()
                    );
                }
                counts
            },
        )
        .reduce(Counts::default, |a, b| a + b);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} words, {} one-word pattern hits, {:.3} s, {:.0} MB/s",
        counts.bytes,
        counts.words,
        counts.hits,
        secs,
        counts.bytes as f64 / secs / 1e6
    );
}
