//! Expanding path arguments into an ordered list of inputs.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One input to read, in output order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Standard input.
    Stdin,
    /// A file, with the document id it gets (DESIGN.md: the argument as
    /// given, or the folder argument joined with the relative path).
    File {
        /// Where to read it.
        path: PathBuf,
        /// Its document id.
        id: String,
        /// Found by walking a folder (so binary files are skipped, not errors).
        walked: bool,
    },
}

/// Expands arguments (files, folders, `-`) into inputs, folders walked
/// recursively in sorted order. Paths that cannot be read are returned as
/// `(path, error)` pairs; the rest are still expanded.
pub fn expand(args: &[PathBuf]) -> (Vec<Item>, Vec<(PathBuf, io::Error)>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            items.push(Item::Stdin);
            continue;
        }
        match fs::metadata(arg) {
            Ok(md) if md.is_dir() => walk(arg, arg, &mut items, &mut errors),
            Ok(_) => items.push(Item::File {
                path: arg.clone(),
                id: arg.display().to_string(),
                walked: false,
            }),
            Err(e) => errors.push((arg.clone(), e)),
        }
    }
    (items, errors)
}

fn walk(root: &Path, dir: &Path, items: &mut Vec<Item>, errors: &mut Vec<(PathBuf, io::Error)>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push((dir.to_path_buf(), e));
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => children.push(e.path()),
            Err(e) => errors.push((dir.to_path_buf(), e)),
        }
    }
    children.sort();
    for child in children {
        match fs::metadata(&child) {
            Ok(md) if md.is_dir() => walk(root, &child, items, errors),
            Ok(md) if md.is_file() => {
                let rel = child.strip_prefix(root).unwrap_or(&child);
                let id = root.join(rel).display().to_string();
                items.push(Item::File {
                    path: child,
                    id,
                    walked: true,
                });
            }
            Ok(_) => {}
            Err(e) => errors.push((child, e)),
        }
    }
}
