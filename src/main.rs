#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    cooldown::cli::main()
}
