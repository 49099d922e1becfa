//! Replays every fuzz seed and every crash input ever found (tools/fuzz/seeds,
//! tools/fuzz/crashes) through the same entry points the fuzzers drive.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::fuzzing::TARGETS;
use std::path::Path;

#[test]
fn replay_seeds_and_crashes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/fuzz");
    let mut replayed = 0;
    for (name, target) in TARGETS {
        let mut seeds = 0;
        for dir in ["seeds", "crashes"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                {
                    continue;
                }
                target(&std::fs::read(&path).unwrap());
                replayed += 1;
                seeds += usize::from(dir == "seeds");
            }
        }
        assert!(
            seeds > 0,
            "target {name} has no seed in tools/fuzz/seeds/{name}"
        );
        // And the classic junk, whatever the target.
        for junk in [
            &b""[..],
            b"\xff",
            b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
            "😴€3²".as_bytes(),
            &[0u8; 64],
        ] {
            target(junk);
        }
    }
    assert!(replayed >= 20, "{replayed}");
}
