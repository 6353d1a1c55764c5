//! Command-line parsing and dispatch.

mod input;
mod kmeans_eval;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use segmenta::analysis::{analyze_ingested, check_settings};
use segmenta::cluster::KSetting;
use segmenta::date::Day;
use segmenta::ingest::{DateFormat, DecimalMark, IngestOptions, ReturnsPolicy};
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
        /// Number of K-means clusters, or `auto` to choose it by silhouette.
        #[arg(long, default_value = "auto", value_parser = parse_k)]
        k: KSetting,
        /// Count recency to this date (YYYY-MM-DD); default: the day after the latest date.
        #[arg(long, value_parser = parse_day)]
        as_of: Option<Day>,
        /// K-means random seed.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        ingest: IngestArgs,
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
        /// Restarts per fit (the best inertia is kept).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Fits per k, for the timing's median, min and max.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        /// Write the standardised features (CSV) here.
        #[arg(long)]
        features_out: Option<PathBuf>,
    },
}

/// How the file is read; everything left out is detected.
#[derive(clap::Args)]
struct IngestArgs {
    /// Settings file (JSON, as the page saves them); the flags below override it.
    #[arg(long)]
    settings: Option<PathBuf>,
    /// Text encoding: utf-8, utf-16le, utf-16be, euc-kr (cp949), windows-1252, …
    #[arg(long)]
    encoding: Option<String>,
    /// Field delimiter: `,` `;` `|` or `tab`.
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<char>,
    /// Date format, such as `D/M/YYYY`, `M/D/YYYY`, `YYYY-MM-DD`, `YYYYMMDD`, `excel serial`.
    #[arg(long, value_parser = parse_date_format)]
    date_format: Option<DateFormat>,
    /// Decimal mark of amounts.
    #[arg(long, value_enum)]
    decimal_mark: Option<DecimalArg>,
    /// Returns and cancellations: subtract them from spend (net) or leave them out (drop).
    #[arg(long, value_enum)]
    returns: Option<ReturnsArg>,
    /// Worksheet of an .xlsx file (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Customer id column (header name).
    #[arg(long)]
    customer: Option<String>,
    /// Order date column.
    #[arg(long)]
    date: Option<String>,
    /// Amount column.
    #[arg(long)]
    amount: Option<String>,
    /// Order id column.
    #[arg(long)]
    order: Option<String>,
    /// Quantity column (amount = quantity × unit price).
    #[arg(long)]
    quantity: Option<String>,
    /// Unit price column.
    #[arg(long)]
    unit_price: Option<String>,
}

impl IngestArgs {
    /// The ingest settings: the settings file's, then each flag given.
    fn apply(self, settings: &mut Settings) -> Result<(), String> {
        if let Some(path) = &self.settings {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let loaded: Settings = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            settings.ingest = loaded.ingest;
            settings.as_of = settings.as_of.or(loaded.as_of);
        }
        let o: &mut IngestOptions = &mut settings.ingest;
        let set = |slot: &mut Option<String>, v: Option<String>| {
            if v.is_some() {
                *slot = v;
            }
        };
        set(&mut o.encoding, self.encoding);
        set(&mut o.sheet, self.sheet);
        set(&mut o.columns.customer, self.customer);
        set(&mut o.columns.date, self.date);
        set(&mut o.columns.amount, self.amount);
        set(&mut o.columns.order, self.order);
        set(&mut o.columns.quantity, self.quantity);
        set(&mut o.columns.unit_price, self.unit_price);
        o.delimiter = self.delimiter.or(o.delimiter);
        o.date_format = self.date_format.or(o.date_format);
        if let Some(mark) = self.decimal_mark {
            o.decimal_mark = Some(match mark {
                DecimalArg::Point => DecimalMark::Point,
                DecimalArg::Comma => DecimalMark::Comma,
            });
        }
        if let Some(policy) = self.returns {
            o.returns = match policy {
                ReturnsArg::Net => ReturnsPolicy::Net,
                ReturnsArg::Drop => ReturnsPolicy::Drop,
            };
        }
        Ok(())
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum DecimalArg {
    Point,
    Comma,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReturnsArg {
    Net,
    Drop,
}

fn parse_delimiter(text: &str) -> Result<char, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok('\t'),
        _ if text.chars().count() == 1 => Ok(text.chars().next().unwrap_or(',')),
        _ => Err(format!("`{text}` is not one character (use `tab` for a tab)")),
    }
}

fn parse_date_format(text: &str) -> Result<DateFormat, String> {
    DateFormat::ALL
        .into_iter()
        .find(|f| f.pattern().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            let known: Vec<&str> = DateFormat::ALL.iter().map(|f| f.pattern()).collect();
            format!("`{text}` is not a known date format; use one of: {}", known.join(", "))
        })
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
        Command::Analyze { file, k, as_of, seed, format, ingest } => {
            let mut settings = Settings { as_of, ..Settings::default() };
            settings.clusters.k = k;
            settings.clusters.seed = seed;
            ingest.apply(&mut settings)?;
            check_settings(&settings).map_err(|e| e.to_string())?;
            let ingested = input::read(&file, &settings)?;
            let analysis = analyze_ingested(ingested, &settings).map_err(|e| format!("{}: {e}", file.display()))?;
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
