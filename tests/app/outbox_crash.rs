//! The outbox across a worker that dies, or is stopped, in the middle of a batch: every email is
//! accepted by the mail server exactly once. The mail server is a small fake SMTP server that
//! counts the messages it accepted and can hang before accepting one (a send in progress).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use knowbridge::Config;
use knowbridge::notifications::mailer::Mailer;
use knowbridge::notifications::outbox::{self, Delivery};
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

struct FakeSmtp {
    port: u16,
    state: Arc<SmtpState>,
}

#[derive(Default)]
struct SmtpState {
    /// The recipient of every message the server accepted (answered 250 after its data).
    accepted: Mutex<Vec<String>>,
    /// Messages whose data arrived, accepted or not.
    received: AtomicUsize,
    /// The server hangs instead of accepting this message (1 = the first).
    hang_on: Mutex<Option<usize>>,
    hanging: Notify,
}

impl FakeSmtp {
    async fn start() -> FakeSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(SmtpState::default());
        tokio::spawn({
            let state = state.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(smtp_session(stream, state.clone()));
                }
            }
        });
        FakeSmtp { port, state }
    }

    /// A mailer as a new process would build it from `SMTP_URL`.
    fn mailer(&self) -> Mailer {
        let url = format!("smtp://127.0.0.1:{}", self.port);
        let config = Config::from_lookup(|name| (name == "SMTP_URL").then(|| url.clone())).unwrap();
        Mailer::from_config(&config).unwrap()
    }

    fn hang_on(&self, message: Option<usize>) {
        *self.state.hang_on.lock().unwrap() = message;
    }

    async fn until_hanging(&self) {
        tokio::time::timeout(Duration::from_secs(30), self.state.hanging.notified())
            .await
            .expect("the worker reached the message the server hangs on");
    }

    fn accepted(&self) -> Vec<String> {
        let mut all = self.state.accepted.lock().unwrap().clone();
        all.sort();
        all
    }
}

async fn smtp_session(stream: tokio::net::TcpStream, state: Arc<SmtpState>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if write.write_all(b"220 fake ESMTP\r\n").await.is_err() {
        return;
    }
    let mut recipient = String::new();
    loop {
        let mut line = String::new();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("RCPT TO:") {
            recipient = line
                .split(['<', '>'])
                .nth(1)
                .unwrap_or_default()
                .to_lowercase();
            b"250 ok\r\n"
        } else if command == "DATA" {
            if write.write_all(b"354 go ahead\r\n").await.is_err() {
                return;
            }
            loop {
                let mut data = String::new();
                match lines.read_line(&mut data).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) if data == ".\r\n" => break,
                    Ok(_) => {}
                }
            }
            let number = state.received.fetch_add(1, Ordering::SeqCst) + 1;
            if *state.hang_on.lock().unwrap() == Some(number) {
                state.hanging.notify_one();
                std::future::pending::<()>().await;
            }
            state.accepted.lock().unwrap().push(recipient.clone());
            b"250 queued\r\n"
        } else if command == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            // EHLO, MAIL FROM, RSET, NOOP: all fine.
            b"250 fake\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

async fn enqueue_five(pool: &PgPool) -> Vec<String> {
    let mut conn = pool.acquire().await.unwrap();
    let mut to = Vec::new();
    for n in 1..=5 {
        let address = format!("r{n}@example.org");
        outbox::enqueue(&mut conn, &address, "Subject", "Body")
            .await
            .unwrap();
        to.push(address);
    }
    to
}

/// (recipient, status, attempts, still leased) of every email, in order.
async fn rows(pool: &PgPool) -> Vec<(String, String, i32, bool)> {
    sqlx::query_as(
        "select to_address, status, attempts, coalesce(leased_until > now(), false)
           from emails order by id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test]
async fn a_worker_that_dies_mid_batch_loses_and_doubles_no_email(pool: PgPool) {
    let smtp = FakeSmtp::start().await;
    let everyone = enqueue_five(&pool).await;

    // The worker leases all five, sends two, and dies while the third is being sent.
    smtp.hang_on(Some(3));
    let crashed = tokio::spawn({
        let (pool, mailer) = (pool.clone(), smtp.mailer());
        async move { outbox::deliver_due(&pool, &mailer, 10).await }
    });
    smtp.until_hanging().await;
    crashed.abort();
    assert!(crashed.await.unwrap_err().is_cancelled());

    let after_crash = rows(&pool).await;
    assert_eq!(smtp.accepted(), ["r1@example.org", "r2@example.org"]);
    for (to, status, _, leased) in &after_crash[..2] {
        assert_eq!((status.as_str(), *leased), ("sent", false), "{to}");
    }
    for (to, status, _, leased) in &after_crash[2..] {
        assert_eq!(
            (status.as_str(), *leased),
            ("pending", true),
            "{to} still belongs to the dead worker"
        );
    }

    // While its lease runs, no other worker sends those three (the first might be alive).
    smtp.hang_on(None);
    let mailer = smtp.mailer();
    assert_eq!(
        outbox::deliver_due(&pool, &mailer, 10).await.unwrap(),
        Delivery::default()
    );
    // Once it has run out, the next worker sends each of them once.
    sqlx::query("update emails set leased_until = now() - interval '1 second' where leased_until is not null")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        outbox::deliver_due(&pool, &mailer, 10).await.unwrap(),
        Delivery { sent: 3, failed: 0 }
    );
    assert_eq!(
        outbox::deliver_due(&pool, &mailer, 10).await.unwrap(),
        Delivery::default()
    );
    assert_eq!(
        smtp.accepted(),
        everyone,
        "every email accepted exactly once"
    );
    assert!(
        rows(&pool)
            .await
            .iter()
            .all(|(_, status, _, leased)| status == "sent" && !leased)
    );
}

#[sqlx::test]
async fn a_worker_told_to_stop_releases_its_batch_for_the_next_process(pool: PgPool) {
    let smtp = FakeSmtp::start().await;
    let everyone = enqueue_five(&pool).await;

    // The worker is sending the second email when the process is told to stop, and that
    // send never finishes.
    smtp.hang_on(Some(2));
    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(outbox::run_worker(
        pool.clone(),
        Arc::new(smtp.mailer()),
        stopped,
    ));
    smtp.until_hanging().await;
    let told = Instant::now();
    stop.send(true).unwrap();
    tokio::time::timeout(outbox::SEND_GRACE + Duration::from_secs(5), worker)
        .await
        .expect("the worker stops within the grace period")
        .unwrap();
    let took = told.elapsed();
    assert!(
        took >= outbox::SEND_GRACE,
        "the send got its grace: {took:?}"
    );
    eprintln!("outbox: worker stopped {took:?} after being told");

    // The first is sent; the rest are free at once, not leased for five minutes. The one that
    // was being sent keeps its attempt; the three never tried lose theirs.
    let released = rows(&pool).await;
    assert_eq!(
        released
            .iter()
            .map(|(_, status, attempts, leased)| (status.as_str(), *attempts, *leased))
            .collect::<Vec<_>>(),
        [
            ("sent", 1, false),
            ("pending", 1, false),
            ("pending", 0, false),
            ("pending", 0, false),
            ("pending", 0, false),
        ]
    );

    // The next process sends the four straight away; the hung message was never accepted,
    // so nobody gets two.
    smtp.hang_on(None);
    assert_eq!(
        outbox::deliver_due(&pool, &smtp.mailer(), 10)
            .await
            .unwrap(),
        Delivery { sent: 4, failed: 0 }
    );
    assert_eq!(smtp.accepted(), everyone);
}

#[sqlx::test]
async fn a_worker_told_to_stop_between_sends_finishes_quickly(pool: PgPool) {
    let smtp = FakeSmtp::start().await;
    let everyone = enqueue_five(&pool).await;
    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(outbox::run_worker(
        pool.clone(),
        Arc::new(smtp.mailer()),
        stopped,
    ));
    // Let the first round send everything, then stop while the worker waits for the next.
    let started = Instant::now();
    while smtp.accepted().len() < 5 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "worker sent all five"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let told = Instant::now();
    stop.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(2), worker)
        .await
        .expect("an idle worker stops at once")
        .unwrap();
    assert!(told.elapsed() < Duration::from_secs(2));
    assert_eq!(smtp.accepted(), everyone);
    assert!(
        rows(&pool)
            .await
            .iter()
            .all(|(_, status, _, _)| status == "sent")
    );
}
