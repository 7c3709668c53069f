//! The `summarize` command: a thin shell door onto the library.
//!
//! It parses flags, reads input, calls `article_summarizer::summarize`, and
//! prints. It makes no decisions about the summary itself.
//!
//! Exit codes: 0 when it printed a summary, 1 when the input had nothing to
//! summarize, 2 on any other error. A closed pipe (`| head`) exits 0.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use article_summarizer::{read, summarize, summarize_source, ErrorKind, Lang, Options, Summary};
use serde::{Deserialize, Serialize};

const USAGE: &str = "\
usage: summarize [OPTIONS] FILE        readable summary of FILE ('-' for stdin)
       summarize --json [OPTIONS] FILE  the summary as JSON
       summarize --jsonl [OPTIONS]      JSON lines {\"id\",\"text\"} on stdin,
                                        one JSON line {\"id\", ...summary} out

options:
  --sentences N     headline sentences to choose (default: scales with length)
  --max-chars N     at most N characters of headline sentences in all
  --figures N       key figures to list (default 8)
  --keywords N      keywords to list (default 10)
  --lang L          auto, zh or en (default auto)
  -h, --help        this text
  -V, --version     the version";

#[derive(Debug, PartialEq)]
enum Mode {
    Readable,
    Json,
    JsonLines,
}

#[derive(Debug)]
struct Args {
    mode: Mode,
    input: Option<String>,
    options: Options,
}

/// Why the command stopped early.
enum Stop {
    /// Print this and exit 0 (help, version).
    Info(String),
    /// A usage or input error: print to stderr, exit 2.
    Fail(String),
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Stop::Info(text)) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(Stop::Fail(message)) => {
            eprintln!("summarize: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Stop> {
    let args = parse_args(std::env::args().skip(1))?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match args.mode {
        Mode::JsonLines => run_json_lines(&args.options, &mut out),
        Mode::Json | Mode::Readable => run_one(&args, &mut out),
    };
    let flushed = result.and_then(|code| out.flush().map(|_| code));
    match flushed {
        Ok(code) => Ok(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Stop::Fail(e.to_string())),
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, Stop> {
    let mut parsed = Args { mode: Mode::Readable, input: None, options: Options::default() };
    let number = |flag: &str, value: Option<String>| -> Result<usize, Stop> {
        let value = value.ok_or_else(|| Stop::Fail(format!("{flag} needs a number")))?;
        value.parse().map_err(|_| Stop::Fail(format!("{flag} needs a number, not '{value}'")))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(Stop::Info(USAGE.to_string())),
            "-V" | "--version" => return Err(Stop::Info(format!("summarize {}", env!("CARGO_PKG_VERSION")))),
            "--json" => parsed.mode = Mode::Json,
            "--jsonl" => parsed.mode = Mode::JsonLines,
            "--sentences" => parsed.options.sentences = Some(number("--sentences", args.next())?),
            "--max-chars" => parsed.options.max_chars = Some(number("--max-chars", args.next())?),
            "--figures" => parsed.options.figures = number("--figures", args.next())?,
            "--keywords" => parsed.options.keywords = number("--keywords", args.next())?,
            "--lang" => {
                parsed.options.lang = match args.next().as_deref() {
                    Some("auto") => None,
                    Some("zh") => Some(Lang::Zh),
                    Some("en") => Some(Lang::En),
                    other => return Err(Stop::Fail(format!("--lang takes auto, zh or en, not {other:?}"))),
                }
            }
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Stop::Fail(format!("unknown option {flag}\n{USAGE}")))
            }
            _ if parsed.input.is_some() => {
                return Err(Stop::Fail(format!("only one FILE is read, but '{arg}' is a second")))
            }
            _ => parsed.input = Some(arg),
        }
    }
    match (&parsed.mode, &parsed.input) {
        (Mode::JsonLines, Some(_)) => Err(Stop::Fail("--jsonl reads stdin; give no FILE".into())),
        (Mode::Readable | Mode::Json, None) => Err(Stop::Fail(format!("no FILE given\n{USAGE}"))),
        _ => Ok(parsed),
    }
}

/// Reads the file's bytes, refusing one larger than `max_bytes` before
/// reading it all.
fn read_input(path: &str, max_bytes: usize) -> Result<Vec<u8>, String> {
    let too_large = || format!("{path} is larger than the limit of {max_bytes} bytes");
    let limit = max_bytes as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        if file.metadata().is_ok_and(|m| m.len() > max_bytes as u64) {
            return Err(too_large());
        }
        file.take(limit).read_to_end(&mut bytes)
    };
    read.map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

fn run_one(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let path = args.input.as_deref().unwrap_or("-");
    let bytes = match read_input(path, args.options.max_bytes) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("summarize: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let name = (path != "-").then_some(path);
    let result = read(&bytes, name).and_then(|source| summarize_source(&source, &args.options));
    match result {
        Ok(summary) if args.mode == Mode::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(summary) => write_readable(&summary, out).map(|_| ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("summarize: {path}: {e}");
            Ok(ExitCode::from(if e.kind() == ErrorKind::Empty { 1 } else { 2 }))
        }
    }
}

fn write_readable(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    if let Some(title) = &summary.title {
        writeln!(out, "{title}\n")?;
    }
    writeln!(out, "Headline sentences")?;
    for (i, sentence) in summary.sentences.iter().enumerate() {
        writeln!(out, "  {}. {}", i + 1, sentence.text)?;
    }
    if !summary.figures.is_empty() {
        writeln!(out, "\nKey figures")?;
        for figure in &summary.figures {
            writeln!(out, "  {:<14} {}", figure.text, figure.label)?;
        }
    }
    if !summary.keywords.is_empty() {
        let words: Vec<&str> = summary.keywords.iter().map(|k| k.word.as_str()).collect();
        writeln!(out, "\nKeywords: {}", words.join(", "))?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct Request {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Reply<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a serde_json::Value,
    error: String,
}

/// One request per line; a bad line gets an `{"id", "error"}` line and the
/// run goes on. Exits 1 if any line failed.
fn run_json_lines(options: &Options, out: &mut impl Write) -> io::Result<ExitCode> {
    let mut failed = false;
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = match serde_json::from_str(&line) {
            Ok(request) => request,
            Err(e) => {
                failed = true;
                serde_json::to_writer(
                    &mut *out,
                    &Failure { id: &serde_json::Value::Null, error: format!("line {}: {e}", n + 1) },
                )?;
                writeln!(out)?;
                continue;
            }
        };
        match summarize(&request.text, options) {
            Ok(summary) => serde_json::to_writer(&mut *out, &Reply { id: &request.id, summary: &summary })?,
            Err(e) => {
                failed = true;
                serde_json::to_writer(&mut *out, &Failure { id: &request.id, error: e.to_string() })?;
            }
        }
        writeln!(out)?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
