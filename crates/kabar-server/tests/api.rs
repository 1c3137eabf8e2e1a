//! The HTTP API answers what the store holds, with the CLI's shapes, on loopback only.

use kabar_core::{Analysis, Lang, Published};
use kabar_server::{router, ServerConfig};
use kabar_store::{ArticleLinks, Store};
use std::io::{Read, Write};

fn get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf[9..12].parse().unwrap();
    let body = buf
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

fn article(id: &str, title: &str) -> Analysis {
    Analysis {
        id: id.into(),
        source: "t.txt".into(),
        external_id: None,
        title: Some(title.into()),
        url: None,
        outlet: Some("Warta".into()),
        dateline: None,
        lang: Lang::Id,
        published: Some(Published {
            value: "2025-03-06".into(),
            inferred: false,
            from: "input".into(),
        }),
        text: format!("{title}. Banjir besar melanda kota."),
        removed: vec![],
        sentences: vec![],
        entities: vec![],
        times: vec![],
        actions: vec![],
        quotes: vec![],
        warnings: vec![],
    }
}

#[test]
fn api_serves_stories_search_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut store = Store::open(&db).unwrap();
    store
        .ingest_batch(&[article("a:1", "Banjir Bandung")], &mut |docs, _| {
            Ok((
                docs.iter()
                    .map(|d| ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: "e:1".into(),
                        story: "s:1".into(),
                    })
                    .collect(),
                vec![],
            ))
        })
        .unwrap();
    drop(store);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move {
        axum::serve(listener, router(ServerConfig { db }))
            .await
            .unwrap()
    });

    let (st, body) = get(addr, "/api/v1/stories");
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v[0]["id"], "s:1");
    assert_eq!(v[0]["articles"][0], "a:1");

    let (st, body) = get(addr, "/api/v1/stories/s:1");
    assert_eq!(st, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["events"][0]["id"], "e:1");
    assert!(v["timeline"].is_array());

    let (st, body) = get(addr, "/api/v1/search?q=banjir");
    assert_eq!(st, 200);
    assert!(body.contains("a:1"));

    let (st, body) = get(addr, "/api/v1/stories/s:nope");
    assert_eq!(st, 404);
    assert!(body.contains("error"));

    let (st, body) = get(addr, "/");
    assert_eq!(st, 200);
    assert!(body.contains("<title>Kabar</title>"));
}
