//! Graceful shutdown of the real binary: SIGTERM while requests are in flight. Every request
//! the server had accepted is answered in full, new connections are refused at once, and the
//! process exits with status 0 within 10 seconds, even when a client never finishes its
//! request.

use std::io::ErrorKind;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const EXIT_WITHIN: Duration = Duration::from_secs(10);

struct Server {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !std::thread::panicking() {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

impl Server {
    /// `knowbridge serve` on a free port, on the test's own database.
    async fn start(pool: &PgPool) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::env::temp_dir().join(format!("knowbridge-shutdown-{port}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_knowbridge"))
            .arg("serve")
            .env("DATABASE_URL", database_url(pool))
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("BASE_URL", format!("http://127.0.0.1:{port}"))
            .env("LOG", "info")
            .env_remove("SMTP_URL")
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, port, log };
        let started = Instant::now();
        loop {
            if let Ok((status, _, _)) = server.request(&get("/healthz")).await
                && status == 200
            {
                return server;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "server did not start:\n{}",
                server.log_text()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn terminate(&self) -> Instant {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
        Instant::now()
    }

    /// Waits for the process to end; its exit status and when it ended.
    async fn exited(&mut self, since: Instant) -> (std::process::ExitStatus, Duration) {
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, since.elapsed());
            }
            assert!(
                since.elapsed() < EXIT_WITHIN + Duration::from_secs(5),
                "still running {:?} after SIGTERM:\n{}",
                since.elapsed(),
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    async fn connect(&self) -> std::io::Result<TcpStream> {
        TcpStream::connect(("127.0.0.1", self.port)).await
    }

    /// One request on its own connection: status, head and body.
    async fn request(&self, raw: &str) -> std::io::Result<(u16, String, String)> {
        let mut stream = self.connect().await?;
        stream.write_all(raw.as_bytes()).await?;
        read_response(&mut stream).await
    }
}

fn database_url(pool: &PgPool) -> String {
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let mut url = url::Url::parse(&base).unwrap();
    url.set_path(pool.connect_options().get_database().unwrap());
    url.to_string()
}

fn get(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
}

async fn read_response(stream: &mut TcpStream) -> std::io::Result<(u16, String, String)> {
    let mut bytes = Vec::new();
    tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut bytes))
        .await
        .map_err(|_| std::io::Error::new(ErrorKind::TimedOut, "no complete response"))??;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::new(ErrorKind::UnexpectedEof, "no response head"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::new(ErrorKind::InvalidData, "no status"))?;
    Ok((status, head.to_string(), body.to_string()))
}

/// The anonymous CSRF token (cookie and form field carry the same value).
async fn csrf_token(server: &Server) -> String {
    let (status, head, body) = server.request(&get("/")).await.unwrap();
    assert_eq!(status, 200);
    let cookie = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .find_map(|(_, value)| value.trim().strip_prefix("kb_csrf="))
        .expect("a CSRF cookie");
    let token = cookie.split(';').next().unwrap().to_string();
    assert!(body.contains(&format!("name=\"csrf\" value=\"{token}\"")));
    token
}

/// A form post (the language switch, answered 303) whose body is only half sent.
struct HalfSentForm {
    stream: TcpStream,
    rest: Vec<u8>,
}

async fn start_form(server: &Server, token: &str) -> HalfSentForm {
    let body = format!("csrf={token}&locale=ja&return_to=%2Fproblems");
    let head = format!(
        "POST /language HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Cookie: kb_csrf={token}\r\n\r\n",
        body.len()
    );
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    let mut stream = server.connect().await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first).await.unwrap();
    HalfSentForm {
        stream,
        rest: rest.to_vec(),
    }
}

#[sqlx::test]
async fn sigterm_finishes_requests_in_flight_refuses_new_ones_and_exits(pool: PgPool) {
    let mut server = Server::start(&pool).await;
    let token = csrf_token(&server).await;

    // Twelve requests in flight: each sent its head and half its body; the server has read
    // the head, loaded the context and waits for the rest.
    let mut forms = Vec::new();
    for _ in 0..12 {
        forms.push(start_form(&server, &token).await);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // And a burst of page requests (a search each) sent just before the signal, some still
    // being answered when it comes.
    let mut burst = Vec::new();
    for n in 0..24 {
        let mut stream = server.connect().await.unwrap();
        let raw = get(&format!("/problems?q=water+{n}"));
        stream.write_all(raw.as_bytes()).await.unwrap();
        burst.push(tokio::spawn(
            async move { read_response(&mut stream).await },
        ));
    }

    let signalled = server.terminate();
    // New connections are refused as soon as the signal is handled.
    let refused_after = loop {
        match server.connect().await {
            Err(err) if err.kind() == ErrorKind::ConnectionRefused => break signalled.elapsed(),
            Err(err) => panic!("unexpected connect error: {err}"),
            Ok(stream) => drop(stream),
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(5),
            "still accepting connections"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the process waits for the requests in flight"
    );

    // The clients finish their forms after the signal: every one gets its full answer.
    for form in &mut forms {
        form.stream.write_all(&form.rest).await.unwrap();
    }
    for form in &mut forms {
        let (status, head, _) = read_response(&mut form.stream).await.unwrap();
        assert_eq!(status, 303, "{head}");
        assert!(head.contains("location: /problems"), "{head}");
    }
    let answered_after = signalled.elapsed();
    // A page request either was accepted and answered in full, or never got in (refused, or
    // reset in the listen queue before the server took it): never a cut answer.
    let (mut pages, mut not_accepted) = (0, 0);
    for request in burst {
        match request.await.unwrap() {
            Ok((status, head, body)) => {
                assert_eq!(status, 200, "{head}");
                assert!(body.trim_end().ends_with("</html>"), "a whole page");
                pages += 1;
            }
            Err(err) => {
                assert!(
                    matches!(
                        err.kind(),
                        ErrorKind::ConnectionRefused
                            | ErrorKind::ConnectionReset
                            | ErrorKind::UnexpectedEof
                    ),
                    "{err}"
                );
                not_accepted += 1;
            }
        }
    }

    let (status, exited_after) = server.exited(signalled).await;
    assert!(status.success(), "{status:?}\n{}", server.log_text());
    assert!(exited_after < EXIT_WITHIN, "{exited_after:?}");
    eprintln!(
        "shutdown: refused new connections {refused_after:?} after SIGTERM, \
         {} forms and {pages} pages answered by {answered_after:?} ({not_accepted} pages \
         never accepted), exited with 0 after {exited_after:?}",
        forms.len()
    );
}

#[sqlx::test]
async fn a_request_that_never_finishes_does_not_hold_the_shutdown(pool: PgPool) {
    let mut server = Server::start(&pool).await;
    let token = csrf_token(&server).await;
    // A client that sends half a form and then nothing, ever.
    let _stuck = start_form(&server, &token).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let signalled = server.terminate();
    let (status, exited_after) = server.exited(signalled).await;
    assert!(status.success(), "{status:?}\n{}", server.log_text());
    assert!(exited_after < EXIT_WITHIN, "{exited_after:?}");
    assert!(
        server.log_text().contains("stopping anyway"),
        "{}",
        server.log_text()
    );
    eprintln!("shutdown with a stuck client: exited with 0 after {exited_after:?}");
}
