//! Streaming a file or standard input into the core, with a progress bar on
//! a terminal (none when standard error is piped or redirected).

use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use segmenta::analysis::stream_for;
use segmenta::ingest::Ingested;
use segmenta::Settings;

/// Read in chunks of this size: memory holds the customers, not the file.
const CHUNK: usize = 1 << 20;

/// Reads `path` (`-` for standard input) through the analysis's
/// [`IngestStream`] (which also gathers the segment movement's earlier
/// customers, so the file is read once). Errors are one sentence naming
/// the input.
pub fn read(path: &Path, settings: &Settings) -> Result<Ingested, String> {
    let verb = "reading";
    let name = if path == Path::new("-") { "standard input".to_owned() } else { path.display().to_string() };
    let (mut source, len): (Box<dyn Read>, Option<u64>) = if path == Path::new("-") {
        if std::io::stdin().is_terminal() {
            return Err("no file given and nothing piped to standard input: give a path (segmenta analyze orders.csv) or pipe a file (segmenta analyze < orders.csv)".into());
        }
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        let len = file.metadata().ok().map(|m| m.len());
        (Box::new(file), len)
    };
    let bar = progress_bar(len, verb);
    let mut stream = stream_for(settings);
    if let Some(len) = len {
        stream.expect_len(len).map_err(|e| format!("{name}: {e}"))?;
    }
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read {name}: {e}")),
        };
        stream.push(&buf[..n]).map_err(|e| format!("{name}: {e}"))?;
        bar.set_position(stream.bytes_read());
        bar.set_message(format!("{} rows", stream.rows_read()));
    }
    bar.finish_and_clear();
    stream.finish().map_err(|e| format!("{name}: {e}"))
}

/// A bar (bytes of a file of known size) or a counter (standard input),
/// drawn on standard error only when it is a terminal.
fn progress_bar(len: Option<u64>, verb: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match len {
        Some(len) => ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(&format!("{verb} {{bar:30}} {{bytes}}/{{total_bytes}} {{msg}} ({{bytes_per_sec}})"))
                .expect("a valid template"),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(&format!("{verb} {{spinner}} {{bytes}} {{msg}} ({{bytes_per_sec}})")).expect("a valid template"),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
