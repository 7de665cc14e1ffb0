//! The `knowbridge` binary: parses the command line and calls into the library.

use clap::{Parser, Subcommand};
use knowbridge::cli::create_admin::{self, Outcome};
use knowbridge::cli::{seed_bench, seed_demo};
use knowbridge::matches::ranking::queries;
use knowbridge::{AppState, Config, app, db, memory, telemetry};

#[derive(Parser)]
#[command(
    name = "knowbridge",
    version,
    about = "Connects scientists abroad with the technology problems of their home country"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default): creates and migrates the database first.
    Serve {
        /// Load the demo data (as `seed-demo` does) before serving.
        #[arg(long)]
        with_demo_data: bool,
    },
    /// Create the database if missing and apply migrations, then exit.
    Migrate,
    /// Add demo data: the Korea hub, one account per role and 240 scientist profiles.
    ///
    /// Running it again creates nothing; the passwords of new demo accounts are printed once.
    SeedDemo,
    /// Load synthetic benchmark data in bulk: scientists, organisations, problems, matches.
    ///
    /// Deterministic (the same seed gives the same data). Refuses a database with accounts
    /// outside the bench domain unless --force; an earlier bench load is replaced.
    SeedBench {
        #[arg(long)]
        scientists: usize,
        #[arg(long)]
        problems: usize,
        #[arg(long, default_value_t = seed_bench::DEFAULT_SEED)]
        seed: u64,
        /// Add the bench data even though the database has other accounts.
        #[arg(long)]
        force: bool,
    },
    /// Create the first administrator, or make an existing account an administrator.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// Read the password from standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

fn main() -> anyhow::Result<()> {
    // Before the runtime starts its threads, which the settings must cover.
    memory::configure_allocator();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    telemetry::init(&config.log);
    let pool = db::connect(&config.database_url).await?;
    db::migrate(&pool).await?;

    match cli.command.unwrap_or(Command::Serve {
        with_demo_data: false,
    }) {
        Command::Serve { with_demo_data } => {
            if with_demo_data {
                print!("{}", seed_demo::run(&pool).await?);
            }
            tokio::spawn(fill_missing_match_terms(pool.clone()));
            let listener = tokio::net::TcpListener::bind(&config.bind).await?;
            let address = listener.local_addr()?;
            let state = AppState::new(pool, config)?;
            println!(
                "knowbridge is listening on http://{address} (public URL {})",
                state.config.base_url
            );
            app::serve(listener, state, app::shutdown_signal()).await?;
        }
        Command::Migrate => println!("database is migrated"),
        Command::SeedDemo => print!("{}", seed_demo::run(&pool).await?),
        Command::SeedBench {
            scientists,
            problems,
            seed,
            force,
        } => {
            let options = seed_bench::Options {
                scientists,
                problems,
                seed,
                force,
            };
            print!("{}", seed_bench::run(&pool, &options).await?);
        }
        Command::CreateAdmin {
            email,
            password_stdin,
        } => match create_admin::run(&pool, &email, password_stdin).await? {
            Outcome::Created(id) => println!("created admin {email} (user {id})"),
            Outcome::Promoted(id) => println!("made {email} (user {id}) an admin"),
        },
    }
    Ok(())
}

/// Problems written before their match terms were stored get them now, in the background
/// (ranking analyses them on the fly until then).
async fn fill_missing_match_terms(pool: sqlx::PgPool) {
    match queries::fill_missing_match_terms(&pool).await {
        Ok(0) => {}
        Ok(filled) => tracing::info!(filled, "stored the match terms of older problems"),
        Err(e) => tracing::warn!(error = %e, "could not store the match terms of older problems"),
    }
}
