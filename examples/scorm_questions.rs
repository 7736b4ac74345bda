//! The questions a SCORM package reports on, for scripts/scorm.py: `cargo run --example scorm_questions -- FROM TO [SEED]` prints the example's progress key, the longest progress text's length and one `<slug>/<key>` entry a line.

use backprop_lab::lesson::Step;
use backprop_lab::practice::scorm::Asked;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let step = |i: usize| args.get(i).and_then(|s| Step::from_slug(s));
    let (Some(from), Some(to)) = (step(0), step(1)) else {
        eprintln!("usage: scorm_questions FROM TO [SEED] (two step slugs of the lesson, docs/lessons.md)");
        return ExitCode::FAILURE;
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => {
            eprintln!("scorm_questions: the seed is a whole number from 0 to 2^64 - 1");
            return ExitCode::FAILURE;
        }
    };
    match Asked::of(from, to, seed) {
        Ok(Some(asked)) => {
            println!("example {}", asked.example);
            println!("longest {}", asked.longest_text().len());
            for e in &asked.entries {
                println!("entry {e}");
            }
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!(
                "scorm_questions: {} and {} are not a range of the lesson's steps in order",
                args[0], args[1]
            );
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("scorm_questions: the example's numbers do not give a network");
            ExitCode::FAILURE
        }
    }
}
