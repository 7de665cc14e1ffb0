//! User-written Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything that
//! could run script or change the page (only then may a template print it with `|safe`).

use pulldown_cmark::{Options, Parser, html};

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow ugc"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_script_removed() {
        let html = to_safe_html("**Bán dẫn** <script>alert(1)</script> [x](javascript:alert(1))");
        assert!(html.contains("<strong>Bán dẫn</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
    }
}
