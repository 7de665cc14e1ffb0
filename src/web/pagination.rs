//! Pagination shared by the lists (directory, board): which page links to show, and list URLs
//! that keep their filters.

/// What `templates/partials/pagination.html` needs: the current page, how many there are, the
/// numbered links (`None` for a gap) and the previous/next links.
#[derive(Clone, Debug)]
pub struct PageNav {
    pub page: i64,
    pub pages: i64,
    pub links: Vec<Option<(i64, String)>>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl PageNav {
    /// Page `page` of `pages`, each page's URL made by `href`.
    pub fn new(page: i64, pages: i64, href: impl Fn(i64) -> String) -> PageNav {
        // No link past the deepest page a list will show.
        let pages = pages.min(MAX_PAGE);
        PageNav {
            page,
            pages: pages.max(1),
            links: page_links(page, pages)
                .into_iter()
                .map(|p| p.map(|n| (n, href(n))))
                .collect(),
            prev: (page > 1).then(|| href(page - 1)),
            next: (page < pages).then(|| href(page + 1)),
        }
    }
}

/// The deepest page a list shows (20 000 results at 20 a page). Deeper pages cost the database
/// in proportion to their offset and no one reads them: narrowing the search is the way on.
pub const MAX_PAGE: i64 = 1000;

/// The page asked for in a `page` query parameter: 1 when none is given, `None` when it is not
/// a whole number from 1 to [`MAX_PAGE`] (the lists then go back to their first page).
pub fn parse_page(page: Option<&str>) -> Option<i64> {
    match page {
        None | Some("") => Some(1),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=MAX_PAGE).contains(p)),
    }
}

/// `path` with the query `pairs` (none: just `path`).
pub fn list_href(path: &str, pairs: &[(&str, String)]) -> String {
    let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// Page numbers to show: first, last, current ±1, with `None` for a gap ("…").
pub fn page_links(current: i64, pages: i64) -> Vec<Option<i64>> {
    let mut links = Vec::new();
    let mut last_shown = 0;
    for page in 1..=pages {
        let near = (page - current).abs() <= 1;
        if page == 1 || page == pages || near {
            if page > last_shown + 1 {
                links.push(None);
            }
            links.push(Some(page));
            last_shown = page;
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_show_ends_and_neighbours() {
        assert_eq!(page_links(1, 1), vec![Some(1)]);
        assert_eq!(
            page_links(5, 10),
            vec![Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
        );
        assert_eq!(page_links(2, 3), vec![Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn page_numbers_are_bounded() {
        assert_eq!(parse_page(None), Some(1));
        assert_eq!(parse_page(Some("")), Some(1));
        assert_eq!(parse_page(Some("7")), Some(7));
        assert_eq!(parse_page(Some("1000")), Some(MAX_PAGE));
        for bad in [
            "0",
            "-1",
            "1001",
            "9223372036854775807",
            "99999999999999999999",
            "x",
        ] {
            assert_eq!(parse_page(Some(bad)), None, "{bad}");
        }
        let nav = PageNav::new(1, 5000, |n| n.to_string());
        assert_eq!(nav.pages, MAX_PAGE);
        assert_eq!(
            nav.links.last(),
            Some(&Some((MAX_PAGE, "1000".to_string())))
        );
    }

    #[test]
    fn list_hrefs_encode_their_filters() {
        assert_eq!(list_href("/problems", &[]), "/problems");
        assert_eq!(
            list_href("/problems", &[("q", "bán dẫn".into())]),
            "/problems?q=b%C3%A1n+d%E1%BA%ABn"
        );
    }
}
