//! `unawait explain --html`: one self-contained page showing a file and its
//! desugared form side by side, syntax-highlighted, each rewritten
//! construct linked to what it became.
//!
//! The two sides are laid out as rows of one table, aligned through the
//! line map: an output line sits beside the input line it comes from, and
//! lines a rewrite added sit beside blank space. Hovering or clicking a
//! construct (on either side) highlights both sides of it and shows what it
//! became and where the rule comes from; a click keeps the selection.
//! Loading the page with `#selftest` runs that interaction on every
//! construct and writes the results into the page (the browser test reads
//! them); with `#line-N` it opens with the construct on input line N
//! selected.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::Output;
use crate::explain::Construct;
use crate::syntax::{TokenClass, highlight};

/// The page for `original` (named `name`) and its desugared `output`.
pub fn page(name: &str, original: &str, output: &Output) -> String {
    let rows = aligned_rows(original, output);
    let notes_json = notes_json(output);
    let count = output.constructs.len();
    let summary = match count {
        0 => "nothing to desugar".to_string(),
        1 => "1 construct rewritten".to_string(),
        n => format!("{n} constructs rewritten"),
    };
    let name = escape(name);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name} desugared by unawait</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1><code>{name}</code> <span class=\"arrow\">→</span> desugared</h1>\n\
         <p class=\"hint\">{summary}. Hover over or click a highlighted line to see what it \
         became and which rule says so; click again or press Escape to let go.</p>\n\
         <div id=\"note\" class=\"note\" aria-live=\"polite\">Nothing selected.</div>\n</header>\n\
         <table class=\"code\">\n<colgroup><col class=\"num\"><col class=\"src\">\
         <col class=\"num\"><col class=\"src\"></colgroup>\n\
         <thead><tr><th colspan=\"2\">{name} (input)</th><th colspan=\"2\">desugared (output)</th></tr></thead>\n\
         <tbody>\n{rows}</tbody>\n</table>\n\
         <pre id=\"selftest\" hidden></pre>\n\
         <script type=\"application/json\" id=\"notes\">{notes_json}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
}

/// The table rows of the page: each output line beside the input line it
/// comes from, lines a rewrite added beside blank space. `unawait serve`
/// shows the same rows.
pub fn aligned_rows(original: &str, output: &Output) -> String {
    let left = highlighted_lines(original);
    let right = highlighted_lines(&output.code);
    let notes = notes_by_line(output);

    let mut rows = String::new();
    let mut next_left = 0usize;
    let push_left_only = |rows: &mut String, index: usize| {
        push_row(rows, Some((index, &left[index])), None, &notes, None);
    };
    for (index, html) in right.iter().enumerate() {
        let origin = output.line_map.get(index).copied().flatten();
        match origin {
            Some(line) if line as usize > next_left && (line as usize) <= left.len() => {
                let line = line as usize;
                for skipped in next_left..line - 1 {
                    push_left_only(&mut rows, skipped);
                }
                push_row(
                    &mut rows,
                    Some((line - 1, &left[line - 1])),
                    Some((index, html)),
                    &notes,
                    origin,
                );
                next_left = line;
            }
            _ => push_row(&mut rows, None, Some((index, html)), &notes, origin),
        }
    }
    for skipped in next_left..left.len() {
        push_left_only(&mut rows, skipped);
    }
    rows
}

fn notes_by_line(output: &Output) -> BTreeMap<u32, Vec<Construct>> {
    let mut notes: BTreeMap<u32, Vec<Construct>> = BTreeMap::new();
    for &(line, construct) in &output.constructs {
        notes.entry(line).or_default().push(construct);
    }
    notes
}

/// The constructs of `output` by input line, as a JSON object safe to put
/// inside a `<script>` element: `{"12": [{"syntax", "becomes", "source"}]}`.
pub fn notes_json(output: &Output) -> String {
    serde_json::Value::Object(
        notes_by_line(output)
            .iter()
            .map(|(line, constructs)| {
                let list: Vec<serde_json::Value> = constructs
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "syntax": c.syntax(),
                            "becomes": c.becomes(),
                            "source": c.source(),
                        })
                    })
                    .collect();
                (line.to_string(), serde_json::Value::Array(list))
            })
            .collect(),
    )
    .to_string()
    // Inside <script>, `</` could end the element early.
    .replace("</", "<\\/")
}

/// One table row: an input line (0-based index, HTML) or blank space, and
/// an output line or blank space. `origin` is the output line's input line.
fn push_row(
    rows: &mut String,
    left: Option<(usize, &String)>,
    right: Option<(usize, &String)>,
    notes: &BTreeMap<u32, Vec<Construct>>,
    origin: Option<u32>,
) {
    rows.push_str("<tr>");
    match left {
        Some((index, html)) => {
            let line = index as u32 + 1;
            let construct = if notes.contains_key(&line) {
                format!(" construct\" data-c=\"{line}")
            } else {
                String::new()
            };
            let _ = write!(
                rows,
                "<td class=\"n\">{line}</td><td class=\"in{construct}\" id=\"in{line}\">{html}</td>"
            );
        }
        None => rows.push_str("<td class=\"n\"></td><td class=\"in gap\"></td>"),
    }
    match right {
        Some((index, html)) => {
            let line = index + 1;
            let mut attributes = String::from("class=\"out");
            if let Some(origin) = origin {
                if notes.contains_key(&origin) {
                    let _ = write!(attributes, " construct\" data-c=\"{origin}");
                }
                let _ = write!(attributes, "\" data-from=\"{origin}");
            }
            let _ = write!(
                rows,
                "<td class=\"n\">{line}</td><td {attributes}\" id=\"out{line}\">{html}</td>"
            );
        }
        None => rows.push_str("<td class=\"n\"></td><td class=\"out gap\"></td>"),
    }
    rows.push_str("</tr>\n");
}

/// Each line of `text` as HTML, tokens wrapped in classed `<span>`s (a
/// token spanning lines, such as a triple-quoted string, is split at them).
pub fn highlighted_lines(text: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut at = 0;
    for (range, class) in highlight(text) {
        let (start, end) = (usize::from(range.start()), usize::from(range.end()));
        if start < at {
            continue;
        }
        segments.push((at, start, None));
        segments.push((start, end, Some(class)));
        at = end;
    }
    segments.push((at, text.len(), None));

    let bytes = text.as_bytes();
    let mut lines = vec![String::new()];
    let emit = |lines: &mut Vec<String>, piece: &str, class: Option<TokenClass>| {
        if piece.is_empty() {
            return;
        }
        let line = lines.last_mut().expect("there is a line");
        match class {
            Some(class) => {
                let _ = write!(
                    line,
                    "<span class=\"{}\">{}</span>",
                    css_class(class),
                    escape(piece)
                );
            }
            None => line.push_str(&escape(piece)),
        }
    };
    for (start, end, class) in segments {
        let mut piece_start = start;
        for i in start..end {
            match bytes[i] {
                b'\n' | b'\r' => {
                    emit(&mut lines, &text[piece_start..i], class);
                    piece_start = i + 1;
                    // `\r\n` is one break, already taken at the `\r`.
                    if !(bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r') {
                        lines.push(String::new());
                    }
                }
                _ => {}
            }
        }
        emit(&mut lines, &text[piece_start..end], class);
    }
    // A final line break ends the last line rather than starting one.
    if lines.len() > 1 && text.ends_with(['\n', '\r']) {
        lines.pop();
    }
    lines
}

fn css_class(class: TokenClass) -> &'static str {
    match class {
        TokenClass::AsyncKeyword => "ak",
        TokenClass::Keyword => "k",
        TokenClass::Definition => "d",
        TokenClass::String => "s",
        TokenClass::Number => "m",
        TokenClass::Comment => "c",
        TokenClass::Operator => "o",
    }
}

/// Text as HTML character data or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("    "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The page's style sheet; `unawait serve`'s page uses it too.
pub const STYLE: &str = r#"
:root {
  --bg: #fbfbfd; --fg: #1f2328; --muted: #6e7781; --rule: #d8dee4;
  --gap: #f3f4f6; --construct: #fff4d6; --hl: #ffd866; --from: #e7f0ff;
  --k: #8250df; --ak: #cf222e; --d: #0550ae; --s: #0a7d32; --m: #953800;
  --c: #6e7781; --o: #57606a; --note: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #8b949e; --rule: #30363d;
    --gap: #161b22; --construct: #2d2508; --hl: #5c4a00; --from: #132a4a;
    --k: #d2a8ff; --ak: #ff7b72; --d: #79c0ff; --s: #7ee787; --m: #ffa657;
    --c: #8b949e; --o: #a5b1bd; --note: #161b22;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
header { position: sticky; top: 0; z-index: 1; background: var(--bg);
  padding: 12px 20px 10px; border-bottom: 1px solid var(--rule); }
h1 { font-size: 19px; margin: 0 0 4px; font-weight: 600; }
h1 .arrow { color: var(--muted); }
.hint { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
.note { min-height: 2.9em; padding: 7px 12px; border: 1px solid var(--rule);
  border-left: 4px solid var(--hl); border-radius: 6px; background: var(--note); font-size: 14px; }
.note b { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.note .src { color: var(--muted); }
table.code { border-collapse: collapse; width: 100%; table-layout: fixed;
  font: 13px/1.5 "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; }
col.num { width: 3.6em; } col.src { width: calc(50% - 3.6em); }
thead th { text-align: left; font: 600 13px system-ui, "DejaVu Sans", sans-serif; color: var(--muted);
  padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th + th { border-left: 1px solid var(--rule); }
td { vertical-align: top; padding: 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
td.n { text-align: right; color: var(--muted); user-select: none; padding-right: 6px; }
td.out, tbody td.n:nth-child(3) { border-left: 1px solid var(--rule); }
td.gap { background: var(--gap); }
td.construct { background: var(--construct); cursor: pointer; }
td.from { background: var(--from); }
td.hl { background: var(--hl); }
td.pinned { outline: 2px solid var(--ak); outline-offset: -2px; }
.k { color: var(--k); } .ak { color: var(--ak); font-weight: 700; } .d { color: var(--d); }
.s { color: var(--s); } .m { color: var(--m); } .c { color: var(--c); font-style: italic; }
.o { color: var(--o); }
"#;

const SCRIPT: &str = r#"
(function () {
  var notes = JSON.parse(document.getElementById('notes').textContent);
  var note = document.getElementById('note');
  var pinned = null;
  function cells(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function clear(cls) { cells('td.' + cls).forEach(function (td) { td.classList.remove(cls); }); }
  function show(line) {
    clear('hl');
    note.textContent = '';
    if (line === null) { note.textContent = 'Nothing selected.'; return; }
    cells('td[data-c="' + line + '"]').forEach(function (td) { td.classList.add('hl'); });
    (notes[line] || []).forEach(function (n, i) {
      if (i) note.appendChild(document.createElement('br'));
      var b = document.createElement('b'); b.textContent = n.syntax;
      note.appendChild(b);
      note.appendChild(document.createTextNode(' \u2192 ' + n.becomes + ' '));
      var s = document.createElement('span'); s.className = 'src'; s.textContent = '(' + n.source + ')';
      note.appendChild(s);
    });
  }
  function fromLine(td) {
    clear('from');
    var from = td && td.getAttribute('data-from');
    if (from) { var src = document.getElementById('in' + from); if (src) src.classList.add('from'); }
  }
  function pin(line) {
    clear('pinned');
    pinned = pinned === line ? null : line;
    if (pinned !== null) {
      cells('td[data-c="' + pinned + '"]').forEach(function (td) { td.classList.add('pinned'); });
    }
    show(pinned);
  }
  document.addEventListener('mouseover', function (event) {
    var td = event.target.closest && event.target.closest('td');
    if (!td) return;
    fromLine(td);
    var line = td.getAttribute('data-c');
    if (line !== null) show(line); else show(pinned);
  });
  document.addEventListener('click', function (event) {
    var td = event.target.closest && event.target.closest('td[data-c]');
    if (td) pin(td.getAttribute('data-c'));
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && pinned !== null) pin(pinned);
  });
  // `#line-N` opens the page with the construct on input line N selected.
  var wanted = /^#line-(\d+)$/.exec(location.hash);
  if (wanted && notes[wanted[1]]) {
    pin(wanted[1]);
    var first = document.querySelector('td[data-c="' + wanted[1] + '"]');
    if (first) first.scrollIntoView({ block: 'nearest' });
  }
  if (location.hash !== '#selftest') return;
  // Hover and click each construct from both sides; record what lit up.
  var report = [];
  var failures = 0;
  Object.keys(notes).forEach(function (line) {
    ['in', 'out'].forEach(function (side) {
      var td = document.querySelector('td.' + side + '[data-c="' + line + '"]');
      if (!td) { report.push('line ' + line + ' ' + side + ': missing'); failures++; return; }
      td.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      var lit = cells('td.hl');
      var inputs = lit.filter(function (c) { return c.classList.contains('in'); }).length;
      var outputs = lit.filter(function (c) { return c.classList.contains('out'); }).length;
      var foreign = lit.filter(function (c) { return c.getAttribute('data-c') !== line; }).length;
      var explained = note.textContent.indexOf(notes[line][0].syntax) >= 0;
      td.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var kept = cells('td.pinned').length === lit.length;
      td.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var released = cells('td.pinned').length === 0;
      var ok = inputs === 1 && outputs > 0 && foreign === 0 && explained && kept && released;
      if (!ok) failures++;
      report.push('line ' + line + ' ' + side + ': input ' + inputs + ' output ' + outputs +
        ' foreign ' + foreign + ' explained ' + explained + ' pinned ' + kept +
        ' released ' + released + (ok ? ' ok' : ' FAIL'));
    });
  });
  var out = document.getElementById('selftest');
  out.hidden = false;
  out.setAttribute('data-result', failures ? 'fail' : 'pass');
  out.textContent = report.join('\n');
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_highlighted_and_escaped() {
        let lines = highlighted_lines("x = '<a&b>'\nasync def f():\n    s = '''1\n2'''\n");
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0],
            "x <span class=\"o\">=</span> <span class=\"s\">&#39;&lt;a&amp;b&gt;&#39;</span>"
        );
        assert!(lines[1].starts_with("<span class=\"ak\">async</span> <span class=\"k\">def</span> <span class=\"d\">f</span>"));
        // A string spanning lines is coloured on each of them.
        assert!(lines[2].ends_with("<span class=\"s\">&#39;&#39;&#39;1</span>"));
        assert_eq!(lines[3], "<span class=\"s\">2&#39;&#39;&#39;</span>");
    }

    #[test]
    fn crlf_and_missing_final_newline_count_lines_like_an_editor() {
        assert_eq!(highlighted_lines("a\r\nb").len(), 2);
        assert_eq!(highlighted_lines("a\r\nb\r\n").len(), 2);
    }
}
