//! `segmenta`: the command-line face of the core, for batch use, large files
//! and benchmarks. Run `segmenta --help`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
