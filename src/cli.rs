//! Command-line flags (clap) and their translation into a validated job and
//! extractor. Nothing below this layer sees clap.

use annalist::dates::Day;
use annalist::output::Format;
use annalist::run::{self, InputFormat, Job, Outcome};
use annalist::{EntityType, Extractor, TypeSet};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Extract people, places, treaties and dates from historical text.
#[derive(Debug, Parser)]
#[command(name = "annalist", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract records from files, folders or standard input.
    Extract(ExtractArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Text,
    Jsonl,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files or folders to read; `-` (the default) is standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: FormatArg,
    /// Write records to FILE instead of standard output (`-`: standard output).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Input format: plain text, or JSON Lines documents {"id", "text", "date"?}.
    #[arg(long, value_enum, default_value = "text")]
    input_format: InputFormatArg,
    /// Types to emit, comma-separated: PERSON, PLACE, TREATY, DATE, ORG, EVENT.
    #[arg(long, value_delimiter = ',', value_parser = parse_type, default_value = "PERSON,PLACE,TREATY,DATE")]
    types: Vec<EntityType>,
    /// Anchors relative dates in documents that have no date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    reference_date: Option<Day>,
    /// Add a gazetteer file (TSV; repeatable).
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Do not use the shipped gazetteers.
    #[arg(long)]
    no_default_gazetteers: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No progress bar or notes on standard error (errors are still reported).
    #[arg(long)]
    quiet: bool,
}

fn parse_type(s: &str) -> Result<EntityType, String> {
    s.parse()
}

fn parse_day(s: &str) -> Result<Day, String> {
    Day::parse(s)
        .ok_or_else(|| format!("{s:?} is not a valid date; expected YYYY-MM-DD, e.g. 1951-02-01"))
}

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    if let Some(n) = args.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n as usize)
            .build_global()
        {
            eprintln!("annalist: --threads {n}: {e}");
            return ExitCode::from(2);
        }
    }
    let mut builder = Extractor::builder().types(args.types.iter().copied().collect::<TypeSet>());
    if args.no_default_gazetteers {
        builder = builder.no_default_gazetteers();
    }
    let mut bad = false;
    for g in &args.gazetteers {
        match builder.clone().gazetteer_file(g) {
            Ok(b) => builder = b,
            Err(e) => {
                eprintln!("annalist: {e}");
                bad = true;
            }
        }
    }
    if bad {
        return ExitCode::from(2);
    }
    let extractor = builder.build();
    let walks_folder = args.paths.iter().any(|p| p.is_dir());
    let job = Job {
        paths: args.paths,
        input_format: match args.input_format {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        },
        format: match args.format {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
        },
        output: args.output,
        reference_date: args.reference_date,
        quiet: args.quiet,
        progress: walks_folder && std::io::stderr().is_terminal(),
    };
    match run::run(&job, &extractor) {
        Ok(Outcome::Complete | Outcome::OutputClosed) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            eprintln!("annalist: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
