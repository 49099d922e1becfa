//! `klinik-nik`: the batch command for office and data teams.
//!
//! ```text
//! klinik-nik check [--kk] [--today YYYY-MM-DD] [--lang id|en] [--format jsonl|csv] [--] [NUMBER...]
//! klinik-nik diagnose [--today YYYY-MM-DD] [--lang id|en] < answers.json
//! ```
//! With numbers, checks them; without, reads one per line from standard input
//! (CRLF and a UTF-8 BOM tolerated, invalid UTF-8 reported for its line). One
//! record per input, in input order, streamed: memory stays flat whatever the
//! input size. Exit 0 when all input is processed, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The batch command reads files and a clock: it has no meaning in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
