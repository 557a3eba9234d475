//! One bounded pass over an XML file (GPX, TCX) with quick-xml's streaming reader, no
//! tree: each element's opening (with its attributes) and its closing (with its text) go to
//! the caller with the path of local names that leads to it. Nesting deeper than
//! `MAX_DEPTH` is refused, and so is a file that ends inside an element (truncated: a
//! half-copied file is not read as a shorter activity); entities are never expanded (quick-xml does not read DTDs): a
//! document type that declares any, or a reference to an undeclared one, is refused.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// Deeper than any GPX or TCX file nests.
const MAX_DEPTH: usize = 64;
/// The most text kept of one element (times, numbers and names are far shorter).
const MAX_TEXT: usize = 1024;

/// An element opening (`Open`, with its attributes) or closing (`Close`, with its text).
pub(super) enum Node<'a, 'b> {
    Open(&'a BytesStart<'b>),
    Close(&'a str),
}

/// An attribute's value, unescaped.
pub(super) fn attr(start: &BytesStart, name: &str) -> Option<String> {
    let a = start.try_get_attribute(name).ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.trim().to_string())
}

/// Walks `bytes` (UTF-8, an optional byte-order mark), whose root element must be `root`;
/// `on` gets each node with the path to it (the element itself last). The error is the
/// reason the file is not such a file.
pub(super) fn walk(
    bytes: &[u8],
    root: &str,
    mut on: impl FnMut(&[String], Node) -> Result<(), String>,
) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text =
        std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text at byte {}", e.valid_up_to()))?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    let mut content = String::new();
    let mut seen_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(start) => {
                open(&mut path, &start, root, &mut seen_root)?;
                content.clear();
                on(&path, Node::Open(&start))?;
            }
            Event::Empty(start) => {
                open(&mut path, &start, root, &mut seen_root)?;
                on(&path, Node::Open(&start))?;
                on(&path, Node::Close(""))?;
                path.pop();
            }
            Event::End(_) => {
                on(&path, Node::Close(content.trim()))?;
                content.clear();
                path.pop();
            }
            Event::Text(t) => push(&mut content, &t.xml10_content()),
            Event::CData(t) => push(&mut content, &t),
            Event::GeneralRef(r) => push(&mut content, &entity(&r)?),
            Event::DocType(d) if d.contains("ENTITY") => {
                return Err("its document type declares entities".into());
            }
            Event::Eof => break,
            Event::DocType(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !seen_root {
        return Err(format!("no <{root}> element"));
    }
    if let Some(open) = path.last() {
        return Err(format!("truncated: it ends inside <{}>", crate::text::quote(open, 40)));
    }
    Ok(())
}

fn open(path: &mut Vec<String>, start: &BytesStart, root: &str, seen_root: &mut bool) -> Result<(), String> {
    if path.len() >= MAX_DEPTH {
        return Err(format!("elements nested deeper than {MAX_DEPTH}"));
    }
    let name = start.local_name().as_ref().to_string();
    if path.is_empty() {
        if name != root {
            return Err(format!("its root element is <{}>, not <{root}>", crate::text::quote(&name, 40)));
        }
        *seen_root = true;
    }
    path.push(name);
    Ok(())
}

fn push(content: &mut String, text: &str) {
    if content.len() < MAX_TEXT {
        content.extend(text.chars().take(MAX_TEXT - content.len()));
    }
}

/// A character reference or one of XML's five entities; any other is refused.
fn entity(r: &BytesRef) -> Result<String, String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Ok(c.to_string());
    }
    let name: &str = r;
    let c = match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        other => return Err(format!("an undeclared entity &{};", crate::text::quote(other, 40))),
    };
    Ok(c.into())
}
