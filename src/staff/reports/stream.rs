//! A report written to the response as its rows arrive from PostgreSQL.
//!
//! A task reads the rows through sqlx's row stream (`Executor::fetch`: rows come off the
//! socket one by one; nothing collects them), writes them as CSV and sends 64 KiB chunks down
//! a channel of four. The response body reads that channel (`ChannelReader`, an `AsyncRead`
//! that tower-http's `AsyncReadBody` turns into a body). When the client reads slowly the
//! channel fills and the task waits, so memory stays at a few chunks whatever the report's
//! size. The body's end is the task's end; a failure after the headers were sent ends the body
//! with an error, so the client sees a broken download rather than a short file.
//!
//! (Without a direct dependency on `futures`, the row stream is polled with `poll_fn`: the
//! methods of a `dyn Stream` need no trait import.)

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::body::{Body, Bytes};
use sqlx::{Executor, PgPool};
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc;
use tower_http::services::fs::AsyncReadBody;

use crate::staff::reports::labels::Labels;
use crate::staff::reports::params::Filter;
use crate::staff::reports::sheet::{Sheet, bind_filter, select_sql};

/// Excel reads a CSV file as UTF-8 only when it starts with the byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";
const CHUNK_BYTES: usize = 64 * 1024;
const CHANNEL_CHUNKS: usize = 4;
/// A client that reads nothing for this long loses the download, and its pool connection is
/// given back.
const STALL_LIMIT: Duration = Duration::from_secs(60);

/// The streaming body of report `S`; the rows are read by a task started here.
pub fn csv_body<S: Sheet>(pool: PgPool, filter: Filter, labels: Labels) -> Body {
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    tokio::spawn(async move {
        match write_report::<S>(&pool, &filter, &labels, &tx).await {
            Ok(rows) => tracing::info!(rows, "report sent"),
            Err(Stop::Client(reason)) => tracing::info!(reason, "report download abandoned"),
            Err(Stop::Failed(err)) => {
                tracing::error!(error = %err, "report failed while streaming");
                let _ = tx.send(Err(io::Error::other("the report failed"))).await;
            }
        }
    });
    Body::new(AsyncReadBody::with_capacity(
        ChannelReader::new(rx),
        CHUNK_BYTES,
    ))
}

enum Stop {
    Client(&'static str),
    Failed(anyhow::Error),
}

impl From<csv::Error> for Stop {
    fn from(err: csv::Error) -> Self {
        Stop::Failed(err.into())
    }
}

impl From<sqlx::Error> for Stop {
    fn from(err: sqlx::Error) -> Self {
        Stop::Failed(err.into())
    }
}

type Chunks = mpsc::Sender<io::Result<Bytes>>;

/// Writes the BOM, the header and every row; returns the number of rows.
async fn write_report<S: Sheet>(
    pool: &PgPool,
    filter: &Filter,
    labels: &Labels,
    tx: &Chunks,
) -> Result<u64, Stop> {
    let mut first = fresh_buffer();
    first.extend_from_slice(BOM);
    let mut out = csv_writer(first);
    out.write_record(labels.header(S::COLUMNS))?;

    let sql = select_sql::<S>();
    let mut rows = pool.fetch(bind_filter(sqlx::query(&sql), filter));
    let mut count = 0u64;
    while let Some(row) = std::future::poll_fn(|cx| rows.as_mut().poll_next(cx)).await {
        let row = S::from_row(&row?)?;
        out.write_record(row.cells(labels))?;
        count += 1;
        if out.get_ref().len() >= CHUNK_BYTES {
            send(&mut out, tx).await?;
        }
    }
    send(&mut out, tx).await?;
    Ok(count)
}

fn fresh_buffer() -> Vec<u8> {
    // The csv writer keeps up to 8 KiB of its own before it writes here.
    Vec::with_capacity(CHUNK_BYTES + 16 * 1024)
}

/// RFC 4180: fields quoted when they need it, quotes doubled, records ended by CRLF.
fn csv_writer(buffer: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buffer)
}

/// Sends what has been written so far (whole records only), waiting while the client is
/// behind. The writer is replaced by a fresh one over an empty buffer.
async fn send(out: &mut csv::Writer<Vec<u8>>, tx: &Chunks) -> Result<(), Stop> {
    let full = std::mem::replace(out, csv_writer(fresh_buffer()));
    let chunk = full
        .into_inner()
        .map_err(|err| Stop::Failed(anyhow::anyhow!("cannot flush the csv writer: {err}")))?;
    if chunk.is_empty() {
        return Ok(());
    }
    match tokio::time::timeout(STALL_LIMIT, tx.send(Ok(Bytes::from(chunk)))).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) => Err(Stop::Client("the client went away")),
        Err(_) => Err(Stop::Client("the client stopped reading")),
    }
}

/// The receiving end of the chunk channel as an `AsyncRead`.
struct ChannelReader {
    rx: mpsc::Receiver<io::Result<Bytes>>,
    pending: Bytes,
}

impl ChannelReader {
    fn new(rx: mpsc::Receiver<io::Result<Bytes>>) -> ChannelReader {
        ChannelReader {
            rx,
            pending: Bytes::new(),
        }
    }
}

impl AsyncRead for ChannelReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        while this.pending.is_empty() {
            match ready!(this.rx.poll_recv(cx)) {
                Some(Ok(chunk)) => this.pending = chunk,
                Some(Err(err)) => return Poll::Ready(Err(err)),
                // The task is done: end of file.
                None => return Poll::Ready(Ok(())),
            }
        }
        let n = this.pending.len().min(buf.remaining());
        buf.put_slice(&this.pending.split_to(n));
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn the_reader_yields_the_chunks_in_order_then_ends() {
        let (tx, rx) = mpsc::channel(2);
        tokio::spawn(async move {
            for part in ["a,b\r\n", "", "c,\"d\"\"\"\r\n"] {
                tx.send(Ok(Bytes::from(part))).await.unwrap();
            }
        });
        let mut text = String::new();
        ChannelReader::new(rx)
            .read_to_string(&mut text)
            .await
            .unwrap();
        assert_eq!(text, "a,b\r\nc,\"d\"\"\"\r\n");
    }

    #[tokio::test]
    async fn an_error_from_the_writer_reaches_the_reader() {
        let (tx, rx) = mpsc::channel(2);
        tx.send(Ok(Bytes::from("x"))).await.unwrap();
        tx.send(Err(io::Error::other("boom"))).await.unwrap();
        drop(tx);
        let mut bytes = Vec::new();
        let result = ChannelReader::new(rx).read_to_end(&mut bytes).await;
        assert!(result.is_err());
        assert_eq!(bytes, b"x");
    }
}
