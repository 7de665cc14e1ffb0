//! The `knowbridge` binary: parses the command line and calls into the library.

use clap::{Parser, Subcommand};
use knowbridge::cli::create_admin::{self, Outcome};
use knowbridge::{AppState, Config, app, db, telemetry};

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
    Serve,
    /// Create the database if missing and apply migrations, then exit.
    Migrate,
    /// Create the first administrator, or make an existing account an administrator.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// Read the password from standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    telemetry::init(&config.log);
    let pool = db::connect(&config.database_url).await?;
    db::migrate(&pool).await?;

    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
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
