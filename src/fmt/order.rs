//! Canonical key order for front matter, by moving whole blocks of lines.
//!
//! A block is the comment lines directly above a top-level key (no blank line between), the
//! key line and every line of its value. Blank lines and comments that are not attached to a
//! key split the front matter into groups; keys move only inside their group, so an author's
//! grouping survives (issue 4). The YAML is never re-serialised (deps.md §1.7, item 3).

use crate::document::Entry;

/// One top-level entry as line numbers of the front-matter text.
struct Block {
    /// First line (the first attached comment line, or the key line).
    first: usize,
    /// Last line of the value (inclusive).
    last: usize,
    key: String,
}

/// The rank of `key`: required keys first, then known keys in schema order, then the rest.
/// `convert` sorts the front matter it writes by this rank too, so its output is canonical.
pub(crate) fn rank(key: &str, required: &[&str], known: &[&str]) -> (usize, usize) {
    if let Some(i) = required.iter().position(|k| *k == key) {
        (0, i)
    } else if let Some(i) = known.iter().position(|k| *k == key) {
        (1, i)
    } else {
        (2, 0)
    }
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Reorders the top-level keys of front-matter text `fm` (the text between the fences; every
/// line ends with `\n`) whose first byte is at file offset `base`.
///
/// `entries` are the parsed top-level entries with file byte spans; `required` and `known`
/// give the canonical order (normally `crate::schema::required_keys(kind)` and
/// `crate::schema::known_keys(kind)`). Unknown keys keep their original relative order.
///
/// Returns `None` when nothing moves, or when the layout is not one this function can move
/// safely: duplicate keys, a key not at column 0, or content lines between two blocks that
/// are neither blank nor comments.
#[must_use]
pub fn reorder(
    fm: &str,
    base: usize,
    entries: &[Entry],
    required: &[&str],
    known: &[&str],
) -> Option<String> {
    if entries.len() < 2 {
        return None;
    }
    let lines: Vec<&str> = fm.split_inclusive('\n').collect();
    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
        return None;
    }
    let mut starts = Vec::with_capacity(lines.len());
    let mut pos = 0;
    for l in &lines {
        starts.push(pos);
        pos += l.len();
    }
    let line_of = |offset: usize| -> usize {
        match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    };
    let mut seen = std::collections::HashSet::new();
    let mut blocks: Vec<Block> = Vec::with_capacity(entries.len());
    for e in entries {
        if !seen.insert(e.key.as_str()) {
            return None;
        }
        let k = (e.key_span.start as usize).checked_sub(base)?;
        let key_line = line_of(k);
        if starts[key_line] != k {
            return None; // not at column 0 (flow mapping, quoted key with indent, ...)
        }
        let v_end = (e.value.span.end as usize).checked_sub(base)?.max(k + 1);
        let last = line_of(v_end - 1).max(key_line);
        blocks.push(Block {
            first: key_line,
            last,
            key: e.key.clone(),
        });
    }
    // Attach directly preceding comments, and check that only blank or comment lines lie
    // between blocks.
    let mut prev_end = 0usize; // first line after the previous block
    for b in &mut blocks {
        if b.first < prev_end {
            return None;
        }
        if lines[prev_end..b.first]
            .iter()
            .any(|l| !is_blank(l) && !is_comment(l))
        {
            return None;
        }
        while b.first > prev_end && is_comment(lines[b.first - 1]) {
            b.first -= 1;
        }
        prev_end = b.last + 1;
    }
    if lines[prev_end..]
        .iter()
        .any(|l| !is_blank(l) && !is_comment(l))
    {
        return None;
    }
    // Groups: runs of blocks with nothing between them.
    let mut out = String::with_capacity(fm.len());
    let mut cursor = 0usize;
    let mut i = 0;
    let mut moved = false;
    while i < blocks.len() {
        let mut j = i + 1;
        while j < blocks.len() && blocks[j].first == blocks[j - 1].last + 1 {
            j += 1;
        }
        let group = &blocks[i..j];
        out.extend(lines[cursor..group[0].first].iter().copied());
        let mut order: Vec<usize> = (0..group.len()).collect();
        order.sort_by_key(|&g| rank(&group[g].key, required, known));
        moved |= order.iter().enumerate().any(|(a, b)| a != *b);
        for g in order {
            out.extend(lines[group[g].first..=group[g].last].iter().copied());
        }
        cursor = group[group.len() - 1].last + 1;
        i = j;
    }
    out.extend(lines[cursor..].iter().copied());
    moved.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn run(fm: &str, required: &[&str], known: &[&str]) -> Option<String> {
        let (root, _) = yaml::load(fm, 0).unwrap();
        reorder(fm, 0, root.unwrap().entries(), required, known)
    }

    #[test]
    fn sorts_required_known_then_unknown() {
        let fm = "zeta: 1\ntools: [Read]\n# the name\nname: x\nalpha: 2\ndescription: d\n";
        let out = run(
            fm,
            &["name", "description"],
            &["name", "description", "tools"],
        )
        .unwrap();
        assert_eq!(
            out,
            "# the name\nname: x\ndescription: d\ntools: [Read]\nzeta: 1\nalpha: 2\n"
        );
    }

    #[test]
    fn keeps_groups_and_multi_line_values() {
        let fm = "tools:\n  - Read\n  - Grep\nname: x\n\n# hooks\nmodel: opus\ndescription: |\n  a\n  # not a comment\n";
        let out = run(fm, &["name", "description"], &["tools", "model"]).unwrap();
        assert_eq!(
            out,
            "name: x\ntools:\n  - Read\n  - Grep\n\ndescription: |\n  a\n  # not a comment\n# hooks\nmodel: opus\n"
        );
    }

    #[test]
    fn leaves_ordered_or_duplicated_keys_alone() {
        assert_eq!(run("name: a\ndescription: b\n", &["name"], &[]), None);
        assert_eq!(run("b: 1\na: 2\nb: 3\n", &["a"], &[]), None);
    }
}
