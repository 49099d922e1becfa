#!/usr/bin/env bash
# What reading .xlsx in the desk would cost: a wasm module that only opens the
# first sheet of a workbook with calamine (the well-kept Rust reader), built
# like the site (opt-level z, LTO, wasm-opt -Oz). Prints its gzip size.
# Measured 2026-11-28: calamine 0.38.0 → 460,596 B, 280,319 B gzip, 1.5× the
# whole desk module, so the desk asks for "Save As CSV" instead.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$ROOT/target/xlsx-measure
mkdir -p "$DIR/src"
cat >"$DIR/Cargo.toml" <<'TOML'
[package]
name = "xlsx-measure"
version = "0.1.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[dependencies]
calamine = { version = "0.38", default-features = false }
wasm-bindgen = "=0.2.130"
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
[workspace]
TOML
cat >"$DIR/src/lib.rs" <<'RS'
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;
use wasm_bindgen::prelude::*;
/// The first sheet of a workbook as tab-separated text.
#[wasm_bindgen]
pub fn first_sheet_tsv(bytes: Vec<u8>) -> String {
    let Ok(mut wb) = Xlsx::new(Cursor::new(bytes)) else { return String::new() };
    let Some(Ok(range)) = wb.worksheet_range_at(0) else { return String::new() };
    let mut out = String::new();
    for row in range.rows() {
        for (i, c) in row.iter().enumerate() {
            if i > 0 { out.push('\t'); }
            match c { Data::String(s) => out.push_str(s), other => out.push_str(&other.to_string()) }
        }
        out.push('\n');
    }
    out
}
RS
cd "$DIR"
cargo build --release --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/release/xlsx_measure.wasm
"$ROOT/node_modules/.bin/wasm-opt" -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  pkg/xlsx_measure_bg.wasm -o pkg/opt.wasm
printf 'calamine %s in wasm: %d B, %d B gzip -9\n' \
  "$(awk '/^name = "calamine"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)" \
  "$(wc -c <pkg/opt.wasm)" "$(gzip -9 -c pkg/opt.wasm | wc -c)"
