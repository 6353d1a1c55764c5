//! `segmenta kmeans-eval`: fit K-means for a range of k on a file's (or
//! generated) customers, timing each fit; optionally write the standardised
//! features, so another tool (scikit-learn) can be run on exactly the same
//! points.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use segmenta::bench::time_kmeans;
use segmenta::cluster::Features;
use segmenta::rfm::RfmTable;
use segmenta::sample::{rfm_table, SampleSpec};
use segmenta::{analyze, Settings};

/// Where the customers come from.
pub enum Source {
    /// A transactions file.
    File(PathBuf),
    /// This many generated customers.
    Generated(usize),
}

/// Runs the evaluation and prints one JSON object per k.
pub fn run(
    source: Source,
    k_min: usize,
    k_max: usize,
    n_runs: Option<usize>,
    repeat: usize,
    features_out: Option<PathBuf>,
) -> Result<(), String> {
    let rfm: RfmTable = match source {
        Source::File(path) => {
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            analyze(&bytes, &Settings::default()).map_err(|e| e.to_string())?.rfm
        }
        Source::Generated(customers) => rfm_table(&SampleSpec { customers, ..SampleSpec::default() }),
    };
    let features = Features::from_rfm(&rfm);
    if let Some(path) = features_out {
        write_features(&features, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    for row in time_kmeans(&features, k_min..=k_max, n_runs, repeat, &now).map_err(|e| e.to_string())? {
        println!("{}", serde_json::to_string(&row).map_err(|e| e.to_string())?);
    }
    Ok(())
}

fn write_features(features: &Features, path: &PathBuf) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "recency,frequency,monetary")?;
    for row in features.points.rows() {
        writeln!(out, "{:e},{:e},{:e}", row[0], row[1], row[2])?;
    }
    out.flush()
}
