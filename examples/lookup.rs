//! Prints the gazetteer entries a name matches: `cargo run --example lookup -- "Mao"`.
use annalist::gazetteer::table::{push_normalized_word, KeyHash};
use annalist::gazetteer::{Candidate, Gazetteer};

fn main() {
    if let Ok(t) = std::env::var("FIND") {
        debug_find(&t);
    }
    let g = Gazetteer::shipped();
    let views = g.views();
    for name in std::env::args().skip(1) {
        let mut key = Vec::new();
        for (i, w) in
            unicode_segmentation::UnicodeSegmentation::unicode_words(name.as_str()).enumerate()
        {
            if i > 0 {
                key.push(b' ');
            }
            push_normalized_word(w, &mut key);
        }
        let mut h = KeyHash::new();
        h.write(&key);
        for (t, v) in views.iter().enumerate() {
            match v.lookup(&key, h.finish()) {
                None => println!("{name}: not in table {t}"),
                Some(slot) => {
                    println!("{name}: prefix={} values={}", slot.prefix, slot.val_count);
                    for i in slot.val_start..slot.val_start + slot.val_count {
                        let val = v.value(i);
                        let e = Gazetteer::entity(
                            &views,
                            Candidate {
                                table: t as u16,
                                entity: val.entity,
                            },
                        );
                        println!(
                            "  {:?} {} {:?} {} mask={:b} flags={}",
                            e.kind, e.name, e.id, e.file, val.mask, val.flags
                        );
                    }
                }
            }
        }
    }
}

#[allow(dead_code)]
fn debug_find(text: &str) {
    let g = Gazetteer::shipped();
    let views = g.views();
    let mut toks = Vec::new();
    annalist::text::tokenize(text, &mut toks);
    let (mut k, mut hits, mut c) = (Vec::new(), Vec::new(), Vec::new());
    annalist::gazetteer::matcher::find(&views, text, &toks, &mut k, &mut hits, &mut c);
    println!("{hits:?} {c:?}");
}
