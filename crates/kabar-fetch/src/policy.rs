//! Where Kabar may connect: http and https only, and never to private, loopback,
//! link-local (cloud metadata: 169.254.169.254, fd00:ec2::254), CGNAT, multicast or
//! reserved addresses unless `allow_private` is set. A host name is checked after DNS
//! resolution (in [`PolicyResolver`], so the address checked is the address connected
//! to), an IP literal before the request and again on every redirect
//! ([`NetPolicy::check_url`] from the redirect policy).

use crate::error::FetchError;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use url::Url;

/// The network policy of a fetcher.
#[derive(Debug, Clone, Default)]
pub struct NetPolicy {
    /// Allow private, loopback and link-local addresses (`--allow-private`).
    pub allow_private: bool,
    /// Exact addresses allowed although private (a test server on 127.0.0.1:PORT).
    /// An IP literal must match address and port; a resolved name its address.
    pub exempt: Vec<SocketAddr>,
    /// Fixed name → addresses, used instead of DNS (like curl's `--resolve`). The
    /// addresses are checked like resolved ones.
    pub hosts: HashMap<String, Vec<IpAddr>>,
}

impl NetPolicy {
    /// Whether `ip` is on the public internet.
    pub fn is_public(ip: IpAddr) -> bool {
        match ip {
            IpAddr::V4(v4) => public_v4(v4),
            IpAddr::V6(v6) => public_v6(v6),
        }
    }

    fn allowed_ip(&self, ip: IpAddr, port: Option<u16>) -> bool {
        self.allow_private
            || Self::is_public(ip)
            || self
                .exempt
                .iter()
                .any(|s| s.ip() == ip && port.is_none_or(|p| p == s.port()))
    }

    /// Checks a URL before requesting it and at every redirect: scheme http(s), a host,
    /// and, when the host is an IP literal, an allowed address.
    pub fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Scheme(url.scheme().to_string()));
        }
        let ip = match url.host() {
            None => return Err(FetchError::BadUrl(format!("{url}: no host"))),
            Some(url::Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(url::Host::Ipv6(v6)) => IpAddr::V6(v6),
            Some(url::Host::Domain(_)) => return Ok(()),
        };
        if self.allowed_ip(ip, url.port_or_known_default()) {
            Ok(())
        } else {
            Err(FetchError::Forbidden(ip.to_string()))
        }
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_unspecified()
        || ip.is_documentation()
        || o[0] == 0
        || (o[0] == 100 && (64..128).contains(&o[1])) // CGNAT 100.64/10
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF 192.0.0/24
        || (o[0] == 198 && (18..20).contains(&o[1])) // benchmarking 198.18/15
        || o[0] >= 240) // reserved 240/4
}

fn public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let s = ip.segments();
    if s[0] == 0x64 && s[1] == 0xff9b {
        // NAT64 64:ff9b::/96 embeds an IPv4 address
        let v4 = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
        return public_v4(v4);
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7 (incl. fd00:ec2::254)
        || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0 && s[4] == 0 && s[5] == 0))
    // ::a.b.c.d
}

/// A DNS resolver that drops addresses the policy forbids, and fails when none is left.
#[derive(Debug, Clone)]
pub struct PolicyResolver(pub Arc<NetPolicy>);

impl reqwest::dns::Resolve for PolicyResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.0.clone();
        let host = name.as_str().to_ascii_lowercase();
        Box::pin(async move {
            let found: Vec<SocketAddr> = match policy.hosts.get(&host) {
                Some(ips) => ips.iter().map(|ip| SocketAddr::new(*ip, 0)).collect(),
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.collect(),
            };
            let allowed: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| policy.allowed_ip(a.ip(), None))
                .collect();
            if allowed.is_empty() {
                let what = found
                    .first()
                    .map_or_else(|| "no address".to_string(), |a| a.ip().to_string());
                let err: Box<dyn std::error::Error + Send + Sync> =
                    Box::new(FetchError::Forbidden(format!("{host} → {what}")));
                return Err(err);
            }
            let addrs: reqwest::dns::Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_ranges_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!NetPolicy::is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["8.8.8.8", "203.189.89.1", "2606:4700::1111"] {
            assert!(NetPolicy::is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn urls_are_checked_by_scheme_and_literal_address() {
        let p = NetPolicy {
            exempt: vec!["127.0.0.1:8080".parse().unwrap()],
            ..Default::default()
        };
        let ok = |u: &str| p.check_url(&Url::parse(u).unwrap());
        assert!(ok("https://news.example/a").is_ok());
        assert!(ok("http://127.0.0.1:8080/feed").is_ok());
        assert!(matches!(
            ok("http://127.0.0.1:8081/"),
            Err(FetchError::Forbidden(_))
        ));
        assert!(matches!(
            ok("http://169.254.169.254/latest/meta-data"),
            Err(FetchError::Forbidden(_))
        ));
        assert!(matches!(ok("http://[::1]/"), Err(FetchError::Forbidden(_))));
        assert!(matches!(
            ok("file:///etc/passwd"),
            Err(FetchError::Scheme(_))
        ));
        let open = NetPolicy {
            allow_private: true,
            ..Default::default()
        };
        assert!(open
            .check_url(&Url::parse("http://10.0.0.1/").unwrap())
            .is_ok());
    }
}
