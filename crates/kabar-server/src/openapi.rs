//! The OpenAPI 3.1 description of `/api/v1/`, built from [`ROUTES`] (a test checks that
//! every `/api/` route the router registers is listed there).
//!
//! Written by hand rather than with utoipa: the rows are the list shapes of
//! `kabar_store`, whose crate carries no OpenAPI derive, and one table keeps the server's
//! build free of a proc-macro dependency; the schemas name the shapes SPEC.md describes.

use serde_json::{json, Map, Value};

/// One documented route.
struct RouteDoc {
    path: &'static str,
    summary: &'static str,
    /// A paged list taking the list parameters.
    list: bool,
    /// Extra query parameters: (name, description, required).
    extra: &'static [(&'static str, &'static str, bool)],
}

const ROUTES: &[RouteDoc] = &[
    RouteDoc {
        path: "/api/v1/health",
        summary: "Store status and row counts",
        list: false,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/stories",
        summary: "Stories (kabar stories rows with outlets and growth)",
        list: true,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/stories/{id}",
        summary: "One story: events, merged timeline, entities, quotes (each part its first 100 items, full sizes in totals)",
        list: false,
        extra: RECORD_PARAMS_STORY,
    },
    RouteDoc {
        path: "/api/v1/events",
        summary: "Events (kabar events rows)",
        list: true,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/events/{id}",
        summary: "One event with its article rows",
        list: false,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/articles",
        summary: "Articles (kabar articles rows)",
        list: true,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/articles/{id}",
        summary: "One stored article's analysis with its event and story",
        list: false,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/entities",
        summary: "Entities, most mentioned first",
        list: true,
        extra: &[
            ("type", "PER, ORG, GPE or LOC", false),
            ("q", "name contains", false),
        ],
    },
    RouteDoc {
        path: "/api/v1/entities/{id}",
        summary: "One entity (ID, name or alias): roles, quotes, related, timeline (each part, and each role's articles, its first 100 items, full sizes in totals)",
        list: false,
        extra: RECORD_PARAMS_ENTITY,
    },
    RouteDoc {
        path: "/api/v1/search",
        summary: "Full-text search, best first; matches in [...]",
        list: true,
        extra: &[("q", "words to search for", true)],
    },
    RouteDoc {
        path: "/api/v1/events/{id}/compare",
        summary: "Cross-outlet comparison of one event: coverage matrix, first reports, copies, discrepancies",
        list: false,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/stories/{id}/compare",
        summary: "Cross-outlet comparison of one story, rolled up by outlet",
        list: false,
        extra: &[],
    },
    RouteDoc {
        path: "/api/v1/export/{table}",
        summary:
            "A whole table (events, actions GDELT-like, entities, articles) as JSON Lines or CSV",
        list: false,
        extra: &[("format", "jsonl (default) or csv", false)],
    },
    RouteDoc {
        path: "/api/v1/openapi.json",
        summary: "This document",
        list: false,
        extra: &[],
    },
];

/// The parameters of a bounded record (`records.rs` in this crate).
const RECORD_PARAMS_STORY: &[(&str, &str, bool)] = &[
    ("part", "events, timeline, entities or quotes: answer one page of that part as an array (X-Total-Count: its full size)", false),
    ("offset", "with part: items to skip", false),
    ("page", "with part: 1-based page (instead of offset)", false),
    ("limit", "items per part, 1..500 (default 100)", false),
    ("full", "true: the whole record, every part complete (the CLI's --json record)", false),
];

/// [`RECORD_PARAMS_STORY`] for an entity's parts.
const RECORD_PARAMS_ENTITY: &[(&str, &str, bool)] = &[
    ("part", "roles, quotes, related or timeline: answer one page of that part as an array (X-Total-Count: its full size; a role with all its articles)", false),
    ("offset", "with part: items to skip", false),
    ("page", "with part: 1-based page (instead of offset)", false),
    ("limit", "items per part, 1..500 (default 100)", false),
    ("full", "true: the whole record, every part complete (the CLI's --json record)", false),
];

const LIST_PARAMS: &[(&str, &str)] = &[
    (
        "limit",
        "rows per page, 1..500 (default 50; search 20, at most 200)",
    ),
    ("offset", "rows to skip"),
    ("page", "1-based page (instead of offset)"),
    ("sort", "latest, oldest, biggest or growth"),
    ("from", "YYYY-MM-DD: reported on or after"),
    ("to", "YYYY-MM-DD: reported on or before"),
    ("outlet", "outlet name"),
    ("entity", "entity ID, name or alias"),
    ("lang", "id or en"),
];

fn param(name: &str, place: &str, desc: &str, required: bool) -> Value {
    json!({"name": name, "in": place, "description": desc, "required": required,
           "schema": {"type": "string"}})
}

fn error_response(desc: &str) -> Value {
    json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

/// The OpenAPI 3.1 document.
pub(crate) fn document() -> Value {
    let mut paths = Map::new();
    for r in ROUTES {
        let mut params: Vec<Value> = Vec::new();
        if r.path.contains("{id}") {
            params.push(param("id", "path", "the record's ID", true));
        }
        if r.path.contains("{table}") {
            params.push(param(
                "table",
                "path",
                "events, actions, entities or articles",
                true,
            ));
        }
        for (n, d, req) in r.extra {
            params.push(param(n, "query", d, *req));
        }
        if r.list {
            for (n, d) in LIST_PARAMS {
                params.push(param(n, "query", d, false));
            }
        }
        let ok = if r.list {
            json!({"description": "one page of rows",
                   "headers": {"X-Total-Count": {"description": "rows matching, all pages", "schema": {"type": "integer"}}},
                   "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}})
        } else {
            json!({"description": "the record", "content": {"application/json": {"schema": {"type": "object"}}}})
        };
        paths.insert(
            r.path.to_string(),
            json!({"get": {
                "summary": r.summary,
                "parameters": params,
                "responses": {
                    "200": ok,
                    "400": error_response("bad parameters"),
                    "404": error_response("no such record"),
                    "503": error_response("no store, or a store needing `kabar ingest` to migrate it")
                }
            }}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Kabar API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Read-only API over a Kabar store; shapes as in docs/SPEC.md."},
        "paths": paths,
        "components": {"schemas": {"Error": {
            "type": "object", "required": ["error", "message"],
            "properties": {"error": {"type": "string", "enum": ["bad_request", "not_found", "method_not_allowed", "unavailable", "internal"]},
                           "message": {"type": "string"}}}}}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `/api/` route the router registers (in this crate's sources) is documented,
    /// and nothing documented is missing from the router.
    #[test]
    fn every_route_is_in_the_document() {
        let doc = document();
        let paths = doc["paths"].as_object().unwrap();
        let mut registered = Vec::new();
        for src in [
            include_str!("lib.rs"),
            include_str!("api.rs"),
            include_str!("compare.rs"),
        ] {
            for part in src.split(".route(").skip(1) {
                let path = part.trim_start().trim_start_matches('"');
                let path = &path[..path.find('"').unwrap()];
                if path.starts_with("/api/") {
                    registered.push(path.to_string());
                }
            }
        }
        assert!(registered.len() >= 10, "{registered:?}");
        for p in &registered {
            assert!(
                paths.contains_key(p),
                "{p} is routed but not in openapi.json"
            );
        }
        for p in paths.keys() {
            assert!(registered.contains(p), "{p} is documented but not routed");
        }
        assert_eq!(doc["openapi"], "3.1.0");
    }
}
