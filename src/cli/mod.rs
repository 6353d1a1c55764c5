//! Command-line parsing and dispatch.

mod data_quality;
mod ingest_args;
mod input;
mod kmeans_eval;
mod options;
mod stages;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ingest_args::IngestArgs;
use options::{write, RfmFlags};
use segmenta::analysis::{analyze_ingested, check_settings};
use segmenta::cluster::KSetting;
use segmenta::date::Day;
use segmenta::export::{customers_csv, segments_csv, settings_json, summary_json};
use segmenta::generate::{write_transactions, TransactionsSpec};
use segmenta::sample::{generate, SampleSpec};
use segmenta::Settings;

/// Customer segmentation (RFM and K-means) from a transactions CSV.
#[derive(Parser)]
#[command(name = "segmenta", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a transactions file (CSV in any common encoding and delimiter,
    /// or .xlsx) and print the data-quality report and the segment and
    /// cluster summaries.
    Analyze {
        /// The file (header row first); `-` or nothing reads standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// Settings file (JSON, as saved by the page or --save-settings); flags override it.
        #[arg(long)]
        settings: Option<PathBuf>,
        /// Number of K-means clusters, or `auto` to choose it by silhouette [default: auto].
        #[arg(long, value_parser = parse_k)]
        k: Option<KSetting>,
        /// Count recency to this date (YYYY-MM-DD); default: the day after the latest date.
        #[arg(long, value_parser = parse_day)]
        as_of: Option<Day>,
        /// K-means random seed [default: 42].
        #[arg(long)]
        seed: Option<u64>,
        #[command(flatten)]
        rfm: RfmFlags,
        #[command(flatten)]
        ingest: IngestArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write the per-customer CSV here.
        #[arg(long)]
        customers_out: Option<PathBuf>,
        /// Write the per-segment summary here: CSV, or JSON when the name ends in .json.
        #[arg(long)]
        summary_out: Option<PathBuf>,
        /// Write the settings used (segment map in full) here, to reuse with --settings.
        #[arg(long)]
        save_settings: Option<PathBuf>,
    },
    /// Write the built-in sample transactions file (the page's "Try the sample data").
    Sample {
        /// Where to write it; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Number of customers.
        #[arg(long, default_value_t = 2000)]
        customers: usize,
        /// Random seed.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
    },
    /// Fit K-means for each k in a range and print its inertia and fit time
    /// (JSON lines): for benchmarks and the scikit-learn comparison.
    KmeansEval {
        /// A transactions CSV; without it, `--generated` customers are used.
        file: Option<PathBuf>,
        /// Number of generated customers (when no file is given).
        #[arg(long, default_value_t = 100_000)]
        generated: usize,
        /// Smallest k.
        #[arg(long, default_value_t = 2)]
        k_min: usize,
        /// Largest k.
        #[arg(long, default_value_t = 8)]
        k_max: usize,
        /// Restarts per fit (the best inertia is kept); by default the
        /// product's: 10 on small data, else 3.
        #[arg(long)]
        runs: Option<usize>,
        /// Fits per k, for the timing's median, min and max.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        /// Write the standardised features (CSV) here.
        #[arg(long)]
        features_out: Option<PathBuf>,
    },
    /// Analyse a file several times and print each stage's time (JSON): for
    /// the benchmark harness.
    Stages {
        /// The CSV file.
        file: PathBuf,
        /// Number of K-means clusters, or `auto`.
        #[arg(long, default_value = "auto", value_parser = parse_k)]
        k: KSetting,
        /// Analyses to time.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
    /// Write a large, realistic invoice-lines CSV for benchmarks (seeded:
    /// the same arguments always give the same bytes).
    Generate {
        /// Data rows (invoice lines) to write.
        #[arg(long)]
        rows: usize,
        /// Number of customers; default one per ten rows.
        #[arg(long)]
        customers: Option<usize>,
        /// Random seed.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn parse_k(text: &str) -> Result<KSetting, String> {
    match text {
        "auto" => Ok(KSetting::Auto),
        n => n.parse().map(KSetting::Fixed).map_err(|_| format!("`{n}` is neither `auto` nor a whole number")),
    }
}

fn parse_day(text: &str) -> Result<Day, String> {
    Day::parse_iso(text).ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

/// Runs the CLI; errors are printed as one sentence with exit code 1.
pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("segmenta: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Analyze { file, settings, k, as_of, seed, rfm, ingest, format, customers_out, summary_out, save_settings } => {
            let mut settings = match settings {
                Some(path) => options::load(&path)?,
                None => Settings::default(),
            };
            settings.as_of = as_of.or(settings.as_of);
            settings.clusters.k = k.unwrap_or(settings.clusters.k);
            settings.clusters.seed = seed.unwrap_or(settings.clusters.seed);
            rfm.apply(&mut settings.rfm);
            ingest.apply(&mut settings.ingest);
            check_settings(&settings).map_err(|e| e.to_string())?;
            let ingested = input::read(&file, &settings)?;
            let analysis = analyze_ingested(ingested, &settings).map_err(|e| format!("{}: {e}", file.display()))?;
            if let Some(path) = customers_out {
                write(&path, &customers_csv(&analysis))?;
            }
            if let Some(path) = summary_out {
                let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
                let text = if json { summary_json(&analysis.report) } else { segments_csv(&analysis.report.rfm) };
                write(&path, &text)?;
            }
            if let Some(path) = save_settings {
                write(&path, &settings_json(&analysis))?;
            }
            match format {
                Format::Json => {
                    let json = serde_json::to_string_pretty(&analysis.report).map_err(|e| e.to_string())?;
                    println!("{json}");
                }
                Format::Table => print!("{}", table::render(&analysis.report)),
            }
            Ok(())
        }
        Command::KmeansEval { file, generated, k_min, k_max, runs, repeat, features_out } => {
            let source = file.map_or(kmeans_eval::Source::Generated(generated), kmeans_eval::Source::File);
            kmeans_eval::run(source, k_min, k_max, runs, repeat, features_out)
        }
        Command::Stages { file, k, repeat } => stages::run(&file, k, repeat),
        Command::Generate { rows, customers, seed, out } => {
            let spec = TransactionsSpec { rows, customers, seed, ..TransactionsSpec::default() };
            let file = std::fs::File::create(&out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let written = write_transactions(&spec, file).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            eprintln!("{}: {} rows, {} invoices ({} returns), {} bytes", out.display(), written.rows, written.invoices, written.returns, written.bytes);
            Ok(())
        }
        Command::Sample { out, customers, seed } => {
            let csv = generate(&SampleSpec { customers, seed, ..SampleSpec::default() });
            match out {
                Some(path) => std::fs::write(&path, csv).map_err(|e| format!("cannot write {}: {e}", path.display())),
                None => {
                    print!("{csv}");
                    Ok(())
                }
            }
        }
    }
}
