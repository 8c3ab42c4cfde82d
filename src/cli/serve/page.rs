//! The playground's one page: HTML, style and script in one document that
//! loads nothing from the network. The highlighting colours and the table
//! of the aligned view are the HTML view's (`unawait::views::html`).

use serde_json::json;
use unawait::verify::Interpreter;

const TEMPLATE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");

/// The shipped examples, offered in the page's menu.
const EXAMPLES: [(&str, &str); 4] = [
    (
        "countdown.py",
        include_str!("../../../examples/countdown.py"),
    ),
    (
        "async_generators.py",
        include_str!("../../../examples/async_generators.py"),
    ),
    (
        "comprehensions.py",
        include_str!("../../../examples/comprehensions.py"),
    ),
    (
        "async_with_edge_cases.py",
        include_str!("../../../examples/async_with_edge_cases.py"),
    ),
];

/// The page, knowing the passes, the interpreters and the examples.
pub fn render(interpreters: &[Interpreter]) -> String {
    let config = json!({
        "passes": unawait::passes()
            .map(|pass| json!({ "name": pass.name, "description": pass.description }))
            .collect::<Vec<_>>(),
        "pythons": interpreters
            .iter()
            .map(|i| json!({ "version": i.full_version, "path": i.path.display().to_string() }))
            .collect::<Vec<_>>(),
        "examples": EXAMPLES
            .iter()
            .map(|(name, code)| json!({ "name": name, "code": code }))
            .collect::<Vec<_>>(),
        "version": env!("CARGO_PKG_VERSION"),
    })
    .to_string()
    // Inside <script>, `</` could end the element early.
    .replace("</", "<\\/");
    TEMPLATE
        .replace("/*STYLE*/", unawait::views::html::STYLE)
        .replace("/*SCRIPT*/", SCRIPT)
        .replace("/*CONFIG*/", &config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_everything_and_fetches_nothing() {
        let page = render(&[]);
        assert!(!page.contains("/*STYLE*/") && !page.contains("/*SCRIPT*/"));
        assert!(page.contains("async_generators.py"));
        // No resource from elsewhere: no URLs with a scheme at all.
        assert!(!page.contains("http://") && !page.contains("https://"));
        // The examples' code cannot close the script element holding it.
        let config = page.split("id=\"config\">").nth(1).expect("config");
        assert!(
            config
                .split("</script>")
                .next()
                .is_some_and(|json| json.contains("liftoff"))
        );
    }
}
