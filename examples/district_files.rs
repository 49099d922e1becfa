//! Writes one file of district names per province into a folder (the
//! citizens' page fetches them one at a time: `./build.sh build` runs this
//! into `www/districts/`). The names come from the crate's region table, the
//! one source the CLI and the native library use too.
//!
//!     cargo run --example district_files -- www/districts

use klinik_nik::regions::{self, Level};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "www/districts".into());
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {dir}: {e}"));
    for p in regions::codes(Level::Province) {
        let text = regions::district_file(p).expect("a province of the table");
        let path = format!("{dir}/{p:02}.txt");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}
