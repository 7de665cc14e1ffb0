//! The client's address for rate limits. `X-Forwarded-For` is believed only when the operator
//! says a proxy of ours sits in front (`TRUST_PROXY_HEADERS=true`); otherwise anyone could
//! reset their limit by sending a new header.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

pub fn client_ip(parts: &Parts, trust_proxy_headers: bool) -> IpAddr {
    if trust_proxy_headers {
        // The proxy appends the address it saw last; the right-most entry is the one it added.
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|ip| ip.trim().parse().ok());
        if let Some(ip) = forwarded {
            return ip;
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// Extractor for the client's address, honouring `TRUST_PROXY_HEADERS`.
pub struct ClientIp(pub IpAddr);

impl axum::extract::FromRequestParts<crate::state::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts, state.config.trust_proxy_headers)))
    }
}
