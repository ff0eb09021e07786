use netreg::store::{Location, Origin};
use std::time::Instant;
fn main() {
    let loc = Location {
        origin: Origin::BuiltIn,
        path: None,
    };
    let n = 3000;
    let r = netreg::store::load(&loc).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(netreg::registry::rules::check(
            &r,
            netreg::registry::Warnings::List,
        ));
    }
    println!("rules {:?}", t.elapsed() / n);
}
