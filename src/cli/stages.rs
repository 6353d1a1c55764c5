//! `segmenta stages`: analyse a file several times in one process and print
//! each stage's fastest, median and slowest time (one JSON object), for the
//! benchmark harness.

use std::path::Path;
use std::time::Instant;

use segmenta::bench::time_stages;
use segmenta::cluster::KSetting;
use segmenta::Settings;

/// Times `repeat` analyses of `file` with k fixed or automatic.
pub fn run(file: &Path, k: KSetting, repeat: usize) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut settings = Settings::default();
    settings.clusters.k = k;
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    let timing = time_stages(&bytes, &settings, repeat, &now).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("{}", serde_json::to_string(&timing).map_err(|e| e.to_string())?);
    Ok(())
}
