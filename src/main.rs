//! The `annalist` command: parses the flags, builds the extractor, runs the job.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
