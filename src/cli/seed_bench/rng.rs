//! The seeded randomness of the benchmark data: SplitMix64 streams and Zipf draws.
//!
//! Every generated thing (a scientist, an organisation, a problem, the matches of a problem)
//! has its own stream derived from the seed, its kind and its number, so what one scientist
//! looks like does not depend on how many numbers the ones before drew, nor on how the work is
//! split into batches. Only integer arithmetic is used, so the same seed gives the same data on
//! every machine.

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, statistically good enough for test
/// data. Not for anything secret.
pub struct Rng(u64);

/// The kinds of streams; a stream is (seed, kind, number).
#[derive(Clone, Copy)]
pub enum Stream {
    Scientist = 1,
    Organisation = 2,
    Problem = 3,
    Matches = 4,
    Staff = 5,
    Vocabulary = 6,
}

impl Rng {
    pub fn new(seed: u64, stream: Stream, number: u64) -> Rng {
        let mut rng = Rng(seed
            ^ (stream as u64).wrapping_mul(0xd6e8_feb8_6659_fd93)
            ^ number.wrapping_mul(0x2545_f491_4f6c_dd1d));
        // Mix once, so that neighbouring numbers do not start from neighbouring states.
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (Lemire's multiply-shift: no division, negligible bias).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// An integer in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as usize) as i64
    }

    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A value from `(value, weight)` pairs, each as likely as its weight.
    pub fn choose<T: Copy>(&mut self, pairs: &[(T, u32)]) -> T {
        let total: u32 = pairs.iter().map(|(_, w)| w).sum();
        let mut ticket = self.below(total as usize) as u32;
        for (value, weight) in pairs {
            if ticket < *weight {
                return *value;
            }
            ticket -= weight;
        }
        pairs[pairs.len() - 1].0
    }
}

/// Zipf's law with exponent 1 over ranks `0..n`: rank `r` is drawn with a weight of
/// `1 / (r + 1)`, so the first item is twice as common as the second and a hundred times as
/// common as the hundredth. Weights are integers (`SCALE / (r + 1)`), so draws are exact.
pub struct Zipf {
    cumulative: Vec<u64>,
}

const SCALE: u64 = 1 << 40;

impl Zipf {
    pub fn new(n: usize) -> Zipf {
        Zipf::weighted((0..n).map(|r| SCALE / (r as u64 + 1)))
    }

    /// Draws with the given weights (in rank order).
    pub fn weighted(weights: impl Iterator<Item = u64>) -> Zipf {
        let mut total = 0;
        let cumulative = weights
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Zipf { cumulative }
    }

    /// A rank in `0..n`.
    pub fn draw(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("a Zipf law over something");
        let ticket = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&c| c <= ticket)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let draw = |number| {
            let mut rng = Rng::new(7, Stream::Scientist, number);
            (0..4).map(|_| rng.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
        let mut other = Rng::new(7, Stream::Problem, 1);
        assert_ne!(draw(1)[0], other.next_u64());
    }

    #[test]
    fn zipf_makes_the_first_ranks_dominate() {
        let zipf = Zipf::new(100);
        let mut rng = Rng::new(1, Stream::Vocabulary, 0);
        let mut counts = [0usize; 100];
        for _ in 0..100_000 {
            counts[zipf.draw(&mut rng)] += 1;
        }
        // Expected shares: 1/H(100) ≈ 19 % for rank 0, ≈ 0.19 % for rank 99.
        assert!((17_000..21_000).contains(&counts[0]), "{}", counts[0]);
        assert!(10 * counts[0] > 17 * counts[1]);
        assert!((100..350).contains(&counts[99]), "{}", counts[99]);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = Rng::new(3, Stream::Staff, 9);
        assert!((0..10_000).all(|_| rng.below(3) < 3));
        assert!((0..1_000).all(|_| (5..=9).contains(&rng.between(5, 9))));
    }
}
