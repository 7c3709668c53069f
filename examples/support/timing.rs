//! Timing shared by the benchmark examples, included with `#[path]`.

use std::time::Instant;

/// The median wall time of `runs` calls of `work`, in milliseconds.
pub fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}
