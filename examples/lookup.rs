//! Prints the gazetteer entries a name matches: `cargo run --example lookup -- "Mao" "Stalin"`.
use annalist::gazetteer::table::{key_of, KeyHash};
use annalist::gazetteer::{Candidate, Gazetteer};

fn main() {
    let g = Gazetteer::shipped();
    let views = g.views();
    for name in std::env::args().skip(1) {
        let key = key_of(&name);
        let mut h = KeyHash::new();
        h.write(&key);
        for (t, v) in views.iter().enumerate() {
            let Some(slot) = v.lookup(&key, h.finish()) else {
                println!("{name}: not in table {t}");
                continue;
            };
            println!("{name}: prefix={} values={}", slot.prefix, slot.val_count);
            for i in slot.val_start..slot.val_start + slot.val_count {
                let val = v.value(i);
                let c = Candidate {
                    table: t as u16,
                    entity: val.entity,
                };
                let e = Gazetteer::entity(&views, c);
                println!(
                    "  {:?} {} {:?} {} mask={:b} flags={}",
                    e.kind, e.name, e.id, e.file, val.mask, val.flags
                );
            }
        }
    }
}
