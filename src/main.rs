#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    cooldown::cli::main(cooldown::clock::Clock::from_env())
}
