//! Sends one email: over SMTP when `SMTP_URL` is set, otherwise to the log (development).

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;

pub enum Mailer {
    /// Writes each email to the log, links included, so a developer can follow them.
    Log,
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let Some(url) = &config.smtp_url else {
            return Ok(Mailer::Log);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context("SMTP_URL is invalid")?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = config.mail_from.parse().context("MAIL_FROM is invalid")?;
        Ok(Mailer::Smtp { transport, from })
    }

    pub async fn send(&self, to: &str, subject: &str, body: &str) -> anyhow::Result<()> {
        match self {
            Mailer::Log => {
                tracing::info!(to, subject, body, "email (no SMTP_URL set, so logged)");
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let message = Message::builder()
                    .from(from.clone())
                    .to(to.parse().context("recipient address")?)
                    .subject(subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(body.to_string())?;
                transport.send(message).await?;
                Ok(())
            }
        }
    }
}
