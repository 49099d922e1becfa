#!/usr/bin/env bash
# Klinik NIK: one script to install, build, serve and test.
#
#   ./build.sh serve [PORT]   install what is missing, build, serve the site on 127.0.0.1
#   ./build.sh test           install what is missing, then every test
#   ./build.sh build          build the site into target/site/ (what a host serves) and print
#                             sizes against the budget
#   ./build.sh regions [--check]  regenerate src/regions_table.rs from registry packages
#   ./build.sh bench          throughput of the library and of the CLI
#   ./build.sh screenshots    README pictures from the built site (tools/screenshots/)
#   ./build.sh fuzz [SECONDS] cargo fuzz every input-taking function (nightly)
#   ./build.sh batch [LINES]  the CLI on a hostile 10-million-line batch: order, memory, speed
#   ./build.sh lighthouse     Lighthouse 12 mobile scores and LCP of the built site
#   ./build.sh python         the Python wheel (abi3, maturin) into target/wheels/
#   ./build.sh bench-python [ROWS]  the Python package's speed on 10,000,000 NIKs, beside python-stdnum
#   tools/measure_xlsx.sh     what an .xlsx reader (calamine) would add to the desk, in gzip bytes
#
# Every install step is skipped quickly when its tool is already present.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
TARGET=wasm32-unknown-unknown
# The built site, what a static host serves: www/ (the sources, with the wasm
# modules and district files built into it) with its own JS and CSS minified.
SITE=target/site
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n== %s\n' "$*"; }
CLEANUP=()
trap 'rm -rf "${CLEANUP[@]}"' EXIT

# ---------------------------------------------------------------- installs
wasm_bindgen_version() {
  # The exact version pinned in Cargo.lock.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  rustup target list --installed 2>/dev/null | grep -qx "$TARGET" || rustup target add "$TARGET"
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 2 minutes, once)"
    # --locked fails against this registry mirror (see shared/TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# The citizens' two page modules are built with a pinned nightly: std rebuilt
# with panic=immediate-abort drops the panic and formatting machinery
# (2026-11-28: step 1 57.2 -> 49.7 KB gzip, steps 2 and 3 87.4 -> 79.3 KB).
# Pinned by date, installed here (about 20 s once), so a fresh clone builds
# the same bytes; `./build.sh fuzz` uses it too. Everything else (tests,
# clippy, the CLI) stays on stable.
NIGHTLY=nightly-2026-05-19

ensure_nightly() {
  if ! rustup toolchain list | grep -q "^$NIGHTLY"; then
    say "installing $NIGHTLY with rust-src (for the page modules' build-std; about 20 s, once)"
    rustup toolchain install "$NIGHTLY" --profile minimal -c rust-src
  fi
  rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src --toolchain "$NIGHTLY"
}

ensure_node() {
  command -v node >/dev/null || { echo "node not found (Node 20 is expected on these machines)" >&2; exit 1; }
  # Reinstall only when the lockfile changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.klinik-lock; then
    say "installing npm devDependencies from package-lock.json"
    # No install scripts: esbuild's only checks its binary, which comes in its
    # own package (@esbuild/linux-x64); no other tool has one.
    npm ci --no-audit --no-fund --ignore-scripts
    cp package-lock.json node_modules/.klinik-lock
  fi
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_browser() {
  local need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  command -v zbarimg >/dev/null || need+=(zbar-tools)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (Debian packages)"
    apt_install "${need[@]}"
  fi
}

# The Python package (python/, issue 23): maturin pinned, in a virtual
# environment of its own (target/py-build); Java for the Spark test.
MATURIN=1.16.0
# What the Python tests install into a fresh environment, pinned.
PY_TEST_DEPS=(pyarrow==26.0.1 pandas==3.1.1 polars==2.1.0 duckdb==2.0.1 pyspark==4.3.0 pytest==9.2.0 python-stdnum==2.2 numpy==2.4.6)
ensure_python() {
  command -v python3 >/dev/null || apt_install python3 python3-venv
  if [ "$(target/py-build/bin/maturin --version 2>/dev/null)" != "maturin $MATURIN" ]; then
    say "installing maturin $MATURIN (a virtual environment in target/py-build, once)"
    python3 -m venv target/py-build
    target/py-build/bin/pip install -q "maturin==$MATURIN"
  fi
  command -v java >/dev/null || { say "installing Java 17 (Debian's, for the Spark test)"; apt_install openjdk-17-jre-headless; }
}

# The wheel: one abi3 file for CPython >= 3.9, from the workspace member
# python/ (its name, with the platform tag, is set by build_python).
WHEEL=
build_python() {
  ensure_rust
  ensure_python
  say "building the Python wheel (maturin $MATURIN, abi3)"
  rm -f target/wheels/klinik_nik-*.whl
  target/py-build/bin/maturin build --release --quiet -m python/Cargo.toml -o target/wheels
  WHEEL=$(ls target/wheels/klinik_nik-*.whl)
  printf '  %s: %d B\n' "$WHEEL" "$(stat -c %s "$WHEEL")"
}

# A fresh virtual environment with the wheel and the pinned libraries, then
# pytest (the columns, the CLI agreement, the README's examples, the table
# against python-stdnum, Spark on a million rows) and a brief benchmark.
test_python() {
  local start=$SECONDS
  build_python
  say "Python: a fresh virtual environment with the wheel and ${PY_TEST_DEPS[*]}"
  rm -rf target/py-test
  python3 -m venv target/py-test
  target/py-test/bin/pip install -q "${PY_TEST_DEPS[@]}" "$WHEEL"
  say "Python tests (pytest)"
  KLINIK_NIK_CLI=$ROOT/target/release/klinik-nik target/py-test/bin/pytest -q -p no:cacheprovider python/tests
  say "Python benchmark, brief (./build.sh bench-python for the 10,000,000 rows of the goals)"
  target/py-test/bin/python python/benches/bench.py 1000000 50000 "$WHEEL"
  printf '  the Python package: %d s added to this run (wheel, environment, tests, benchmark)\n' $((SECONDS - start))
}

# ---------------------------------------------------------------- build
# Firefox ESR and WebKitGTK (the Safari engine) for the cross-engine stories
# (tests/engines/): Debian's packages, like Chromium.
ensure_engines() {
  local need=()
  [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || need+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || need+=(xvfb)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (Debian packages, for the cross-engine tests)"
    apt_install "${need[@]}"
  fi
}

build_site() {
  ensure_rust
  ensure_nightly
  ensure_node
  say "building the citizens' first screen (step 1) wasm module ($NIGHTLY, build-std)"
  WASM_STD=1 wasm_module klinik_nik wasm target/std-page
  # Steps 2 and 3: loaded by boot.js once step 1 is on screen.
  say "building the citizens' steps 2 and 3 wasm module ($NIGHTLY, build-std)"
  WASM_STD=1 wasm_module app wasm target/std-app --no-default-features --features app
  # The office desk: its own module (feature "desk", its own target dir so
  # switching features never rebuilds the other), loaded only by desk.html.
  say "building the office desk's wasm module"
  wasm_module desk wasm target/desk --no-default-features --features desk
  # The checks alone, as an ES module with TypeScript types, for other sites.
  say "building the public core module (www/core/)"
  WASM_OUT=www/core WASM_TS=1 wasm_module klinik_nik_core wasm target/core --no-default-features --features core
  printf '{"name": "klinik-nik-core", "version": "%s", "type": "module", "main": "klinik_nik_core.js",\n "types": "klinik_nik_core.d.ts", "license": "MIT AND ODbL-1.0"}\n' \
    "$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)" > www/core/package.json
  # District names, one file per province, from the crate's table (the
  # citizens' wasm has the codes, not the names: see src/web/districts.rs).
  rm -rf www/districts
  cargo run --quiet --example district_files -- www/districts
  assemble_site
  # The guidance pages (panduan/), robots.txt, the share tags of index.html
  # and, with SITE_URL, sitemap.xml and canonical URLs: the knowledge base
  # written out as plain HTML. Then the preview image a shared link shows.
  cargo run --quiet --example guide_pages -- "$SITE"
  preview_image
  write_precache
  size_report
}

# target/site/: a copy of www/ with the hand-written JS and CSS minified (the
# wasm glue in pkg/ is minified as it is built). Measured 2026-11-28, gzip -9:
# boot.js 1793 -> 838 B, style.css 2752 -> 2289, app.css 2144 -> 1894, sw.js
# 1600 -> 793.
assemble_site() {
  rm -rf "$SITE" && mkdir -p "$SITE"
  cp -R www/. "$SITE/"
  # The pages' own modules (boot.js, desk.js) as ES modules: their top-level
  # names are private, so esbuild may shorten them (boot.js 1058 -> 1013 B gzip).
  minify "$SITE" --format=esm "$SITE"/boot.js "$SITE"/desk.js
  local classic=()
  for f in "$SITE"/*.js; do
    case "${f##*/}" in boot.js | desk.js) ;; *) classic+=("$f") ;; esac
  done
  minify "$SITE" "${classic[@]}" "$SITE"/*.css
}

# The 1200x630 picture a link shared in WhatsApp shows (og:image), drawn by
# Chromium from tools/preview.html (the same browser the tests use).
preview_image() {
  ensure_browser
  local out="$ROOT/$SITE/preview.png" tmp
  tmp=$(mktemp -d); CLEANUP+=("$tmp")
  timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$tmp" --force-device-scale-factor=1 --window-size=1200,630 \
    --screenshot="$out" "file://$ROOT/tools/preview.html" >/dev/null 2>&1
  [ -s "$out" ] || { echo "the preview image was not drawn" >&2; exit 1; }
}

# One wasm module: cargo build, wasm-bindgen (as pkg/NAME.js + NAME_bg.wasm), wasm-opt.
# WASM_STD=1: with the pinned nightly, std rebuilt with panic=immediate-abort,
# and -Zlocation-detail=none: no source paths for panics that can only abort
# (step 1 0.24 KB gzip lighter, measured 2026-11-28).
wasm_module() {
  local name=$1 profile=$2 dir=$3; shift 3
  local out=${WASM_OUT:-www/pkg} ts=--no-typescript
  [ -n "${WASM_TS:-}" ] && ts=--typescript
  if [ -n "${WASM_STD:-}" ]; then
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" cargo "+$NIGHTLY" build \
      -Z build-std=std,panic_abort --profile "$profile" --target "$TARGET" --lib --target-dir "$dir" "$@"
  else
    cargo build --profile "$profile" --target "$TARGET" --lib --target-dir "$dir" "$@"
  fi
  wasm-bindgen --target web "$ts" --out-dir "$out" --out-name "$name" \
    "$dir/$TARGET/$profile/klinik_nik.wasm"
  # --converge and the strip flags: 0.45 KB gzip less than -Oz alone (measured 2026-11-28).
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals \
    "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  # The pages' modules only (the public one in www/core/ stays readable for
  # the sites that read it): the glue minified, klinik_nik.js 5.3 -> 4.1 KB
  # gzip, app.js 5.5 -> 4.2; then the names the wasm and its glue share
  # (import and internal export names with wasm-bindgen's hashes) shortened in
  # both: step 1 45.1 + 2.8 KB instead of 46.9 + 4.1, steps 2 and 3 75.8 + 2.8
  # instead of 78.1 + 4.2 (measured 2026-11-28).
  if [ "$out" = www/pkg ]; then
    minify "$out" "$out/$name.js"
    node tools/short_names.mjs "$out/${name}_bg.wasm" "$out/$name.js"
  fi
}

# minify DIR FILE...: each FILE (JS or CSS, in DIR) minified in place by
# esbuild: comments and spaces out, no bundling, no syntax lowered, so the
# names a module exports and imports stay.
minify() {
  local dir=$1; shift
  node_modules/.bin/esbuild "$@" --minify --log-level=warning --allow-overwrite --outdir="$dir"
}

# The files the service worker precaches: everything the flow needs offline.
# The PNG icons are only for installing (fetched by the browser when it
# offers that, online): not in the first visit's offline copy (3.4 KB gzip).
PRECACHE=(index.html style.css boot.js sw.js manifest.webmanifest icon.svg
  offices.json pkg/klinik_nik.js pkg/klinik_nik_bg.wasm app.css pkg/app.js pkg/app_bg.wasm)
# The desk's files: not precached (citizens never need them); the service
# worker keeps them once the desk has been opened, and from then on with
# every new build.
LAZY=(desk.html desk.css desk.js desk-worker.js pkg/desk.js pkg/desk_bg.wasm)
# What the first screen needs (before a typed NIK is explained): step 1's
# module and the page, plus one province's district names (the largest
# file is counted: the worst province).
FIRST_SCREEN=(index.html style.css boot.js pkg/klinik_nik.js pkg/klinik_nik_bg.wasm)

write_precache() {
  local version f list='"./"'
  local lazy='' sep=''
  version=$(cd "$SITE" && cat "${PRECACHE[@]}" "${LAZY[@]}" districts/*.txt | sha256sum | cut -c1-16)
  # index.html is the page "./" already caches (sw.js answers either URL with
  # it): listed once, so a first visit does not download the page twice.
  for f in "${PRECACHE[@]}"; do [ "$f" = index.html ] || list+=", \"$f\""; done
  for f in "${LAZY[@]}"; do lazy+="$sep\"$f\""; sep=', '; done
  printf '// Written by ./build.sh: the service worker'"'"'s cache version and file lists.\nself.KLINIK_VERSION = "%s";\nself.KLINIK_FILES = [%s];\nself.KLINIK_LAZY = [%s];\n' \
    "$version" "$list" "$lazy" > "$SITE/pkg/precache.js"
  echo "service worker cache: klinik-nik-$version (./ and $((${#PRECACHE[@]} - 1)) files)"
}

gz_total() {
  local f total=0
  for f in "$@"; do total=$((total + $(gzip -9 -c "$SITE/$f" | wc -c))); done
  echo "$total"
}

# Ratchets, gzip bytes: a little above what the site weighs now, so any
# growth fails the build (2026-11-28, after the site's own JS and CSS were
# minified into target/site/ and the names shared by the wasm and its glue
# shortened: first screen 55.1 KiB with the largest province file, the
# citizens' whole site 135.9 KiB). The light-first-visit issue's goals (first
# screen 50 KB, first visit 100 KB) are printed beside them: not met.
# 2026-12-03, truth pass 2: the knowledge base grew by what the 2025-2026
# sources required (cause J and the tax service, the 2025 rule for cause D, the
# 2026 SIM rule, 14 more dated sources, both languages) and step 1 by the
# before-2013 region edition and its messages: steps 2 and 3's wasm 75.5 ->
# 80.1 KiB, step 1's 44.1 -> 45.3 KiB, the whole site 139.2 -> 143.7 KiB.
# The total's ratchet moves with it, no further. Then issue 20's right door
# (the KK's regency, the one-tap choices and confirmation, the question before
# sending with an empty name or phone): steps 2 and 3's wasm 80.1 -> 82.2 KiB;
# and step 3 following the door of the top cause (the institution's request,
# the slip first for a visit): 82.2 -> 84.4 KiB. Whole site 148.3 KiB. Step 1
# gained issue 20's guardrails (the child-age question, "Lanjut" scrolling its
# explanation into view): first screen 55.3 -> 55.8 KiB in the build. Then the
# verdict kept above the phone's keyboard (a visualViewport listener; 0.4 KiB
# of wasm and glue): the e2e's real first screen 56.8 -> 57.2 KiB, so the
# ratchet moves 57 -> 57.5 KiB. Issue 21's page that never dies (the report
# contacts in index.html itself, shown when the wasm cannot run, fails or is
# late; boot.js importing step 1 lazily so it can tell): +0.8 KiB, ratchet
# 57.5 -> 58.5 KiB. With the share tags (Open Graph) in index.html, the
# guidance pages' guide.css and the no-script/no-module fallbacks, the whole
# site's ratchet moves 149 -> 151 KiB (the guidance pages and the preview
# image are counted apart: never fetched by the checker). Then issue 20's
# last truth fixes in step 3: cause I's two doors in words (the institution
# if its record is wrong, Dukcapil if the KTP-el is) and where to reach an
# institution when its sources say (BPJS Kesehatan's Mobile JKN, PANDAWA,
# 165; five services, both languages), and boot.js telling a damaged wasm
# download (reload helps) from an engine that refuses wasm: +0.4 KiB, the
# whole site's ratchet 151 -> 151.5 KiB. The built pages lose their HTML
# comments (examples/guide_pages.rs): 0.1 KiB off the first screen.
BUDGET_FIRST_GZ=59904
BUDGET_TOTAL_GZ=155136
GOAL_FIRST_GZ=51200
GOAL_VISIT_GZ=102400

# The desk is loaded only by staff who open desk.html: its own budget, so it
# can never grow the citizens' pages. (2026-11-28: 175 KiB gzip, 168 KiB of it wasm.)
# 2026-12-03, issue 22: the .xlsx download with text cells (src/xlsx.rs, its
# zip and CRC-32) and the HTML clipboard flavour: 175.2 -> 181.8 KiB; then
# real office sheets (a title above the header, month names, Excel damage in
# the KK): 183.4 KiB; then the search over the whole list and the printable
# problem list: 187.0 KiB; the most serious problem first in each row:
# 188.2 KiB. The ratchet moves 178 -> 189 KiB. Then (issue 22, the rest)
# messages in the list's own words and quoting the cell (0.9 KiB), sorting by
# any column (1.0 KiB: the keys and one sort), column headers, the cell each
# problem is about, notes folded away, the jump to the rows, the problem
# rows' own .xlsx download: 193.7 KiB. The
# ratchet moves 189 -> 194 KiB.
BUDGET_DESK_GZ=198656

size_report() {
  say "sizes (raw / gzip -9)"
  local total=0 total_gz=0 f raw gz desk_gz=0 core_gz=0 lazy=" ${LAZY[*]} "
  while IFS= read -r f; do
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
    f=${f#"$SITE"/}
    printf '  %-34s %8d B %8d B\n' "$f" "$raw" "$gz"
    if [[ $lazy == *" $f "* ]]; then desk_gz=$((desk_gz + gz)); continue; fi
    if [[ $f == core/* ]]; then core_gz=$((core_gz + gz)); continue; fi
    total=$((total + raw)); total_gz=$((total_gz + gz))
  done < <(find "$SITE" -type f ! -name '*.map' ! -path "$SITE/districts/*" ! -path "$SITE/panduan/*" \
    ! -name preview.png ! -name sitemap.xml ! -name robots.txt | sort)
  local sizes
  sizes=$(for f in "$SITE"/districts/*.txt; do gzip -9 -c "$f" | wc -c; done | sort -n)
  printf '  %-34s %8s   %d to %d B gzip each, one fetched per province checked\n' \
    "districts/PP.txt ($(echo "$sizes" | wc -l) files)" "" "$(echo "$sizes" | head -1)" "$(echo "$sizes" | tail -1)"
  local guides guides_gz=0 largest=0
  guides=$(find "$SITE/panduan" -name '*.html' | wc -l)
  for f in "$SITE"/panduan/*.html "$SITE"/panduan/en/*.html; do
    gz=$(gzip -9 -c "$f" | wc -c); guides_gz=$((guides_gz + gz)); [ "$gz" -gt "$largest" ] && largest=$gz
  done
  printf '  %-34s %8s   %d B gzip in all, the largest %d B; read one at a time, never by the checker\n' \
    "panduan/ ($guides guidance pages)" "" "$guides_gz" "$largest"
  printf '  %-34s %8d B %8d B   (fetched only by a link preview, e.g. WhatsApp)\n' preview.png \
    "$(wc -c <"$SITE/preview.png")" "$(gzip -9 -c "$SITE/preview.png" | wc -c)"
  printf '  %-34s %8d B %8d B   (budget %d)\n' "total (citizens' site)" "$total" "$total_gz" "$BUDGET_TOTAL_GZ"
  printf '  office desk (desk.html and its files, fetched only there): %d B gzip, budget %d\n' \
    "$desk_gz" "$BUDGET_DESK_GZ"
  printf '  public core module (www/core/, for other sites; never fetched by the pages): %d B gzip\n' "$core_gz"
  local first visit worst
  worst=$(echo "$sizes" | tail -1)
  first=$(( $(gz_total "${FIRST_SCREEN[@]}") + worst ))
  visit=$(( $(gz_total "${PRECACHE[@]}" pkg/precache.js) + worst ))
  printf '  first screen (step 1, the page, the largest province file): %d B gzip, budget %d; goal %d: %s\n' \
    "$first" "$BUDGET_FIRST_GZ" "$GOAL_FIRST_GZ" "$([ "$first" -le "$GOAL_FIRST_GZ" ] && echo met || echo NOT MET)"
  printf '  first visit (the offline copy, steps 2 and 3 included, one province file): %d B gzip; goal %d: %s\n' \
    "$visit" "$GOAL_VISIT_GZ" "$([ "$visit" -le "$GOAL_VISIT_GZ" ] && echo met || echo NOT MET)"
  printf '  (the first-visit e2e test measures both from the requests of a real visit)\n'
  if [ "$first" -gt "$BUDGET_FIRST_GZ" ] || [ "$total_gz" -gt "$BUDGET_TOTAL_GZ" ] \
    || [ "$desk_gz" -gt "$BUDGET_DESK_GZ" ]; then
    echo "SIZE BUDGET EXCEEDED" >&2; exit 1
  fi
}

# ---------------------------------------------------------------- regions
# The packages the region table is generated from, with their sha256.
REGION_PACKAGES=(
  "npm idn-area-data@4.0.1 8d47ffb2be39c08aacb0a2dd43193a1edb5754edb1022d57158341c702acc32d"
  "npm idn-area-data@3.1.2 e9724a3638162ee2ae7f9f75c88e332c848dd7ec2bd2090e2cd54772125bfbbd"
  "npm idn-area-data@2.2.1 43f44025c306ec039c9535da9212d66383c60a9fc34663c4f67615c6960b33fd"
  "npm nik-parser@1.0.1 d4665a887cd40b46282899a66fcd92851aca02fe8ada39ca093f48155f12169a"
  "pypi iniknumber==0.1.0 324c596dad88d451a8190a63e854239dc9f5a0867d35074c0465de2485d3c747"
)

regions() {
  local check=${1:-}
  local cache=$ROOT/target/region-packages
  local work; work=$(mktemp -d)
  CLEANUP+=("$work")
  mkdir -p "$cache"
  local meta='{"packages":[' sep='' kind spec sha file name dir
  for entry in "${REGION_PACKAGES[@]}"; do
    read -r kind spec sha <<<"$entry"
    if [ "$kind" = npm ]; then
      name=${spec%@*}; file="$cache/$name-${spec#*@}.tgz"; dir="$work/$name-${spec#*@}"
      [ -f "$file" ] || (cd "$cache" && npm pack --silent "$spec" >/dev/null)
    else
      name=${spec%==*}; file="$cache/$name-${spec#*==}-py3-none-any.whl"; dir="$work/$name-${spec#*==}"
      [ -f "$file" ] || pip download --quiet --no-deps -d "$cache" "$spec"
    fi
    echo "$sha  $file" | sha256sum -c --quiet - || { echo "checksum mismatch for $spec" >&2; exit 1; }
    mkdir -p "$dir"
    if [ "$kind" = npm ]; then tar xzf "$file" -C "$dir"; else python3 -m zipfile -e "$file" "$dir"; fi
    meta+="$sep[\"$spec ($kind)\",\"$sha\"]"; sep=','
  done
  meta+=']}'
  local out=src/regions_table.rs
  [ "$check" = --check ] && out=$work/regions_table.rs
  KLINIK_REGION_META=$meta python3 tools/gen_regions.py "$work" "$out"
  if [ "$check" = --check ]; then
    if cmp -s "$out" src/regions_table.rs; then
      echo "regions: src/regions_table.rs matches the pinned packages"
    else
      diff "$out" src/regions_table.rs | head -20
      echo "regions: src/regions_table.rs differs from what the pinned packages generate; run ./build.sh regions" >&2
      exit 1
    fi
  else
    git --no-pager diff --stat -- src/regions_table.rs 2>/dev/null || true
  fi
}

# ---------------------------------------------------------------- test
run_tests() {
  ensure_rust
  ensure_node
  ensure_browser
  say "cargo fmt --check"
  cargo fmt --all --check
  say "clippy (native and wasm32), warnings denied"
  cargo clippy --all-targets -- -D warnings
  cargo clippy -p klinik-nik-python -- -D warnings
  cargo clippy --target "$TARGET" --lib --tests -- -D warnings
  cargo clippy --target "$TARGET" --lib --tests --no-default-features --features app --target-dir target/app -- -D warnings
  cargo clippy --target "$TARGET" --lib --tests --no-default-features --features desk -- -D warnings
  cargo clippy --target "$TARGET" --lib --tests --no-default-features --features core --target-dir target/core -- -D warnings
  say "region table matches the pinned packages"
  regions --check
  say "native tests"
  cargo test
  say "wasm tests of the office desk's worker, in a dedicated worker in headless Chromium"
  cargo test --target "$TARGET" --no-default-features --features desk --test desk_web
  say "wasm tests of the public core module's exports, in headless Chromium"
  cargo test --target "$TARGET" --no-default-features --features core --target-dir target/core --test web
  build_site
  say "wasm tests of the citizens' two modules (step 1; steps 2 and 3) on index.html, in headless Chromium"
  cargo test --target "$TARGET" --test page_web
  cargo test --target "$TARGET" --no-default-features --features app --target-dir target/app --test app_web
  cargo build --release --bin klinik-nik
  say "end-to-end tests (node --test, playwright-core, /usr/bin/chromium)"
  # A hung browser or server must fail the run, not stall CI: a per-test timeout and forced exit.
  node --test --test-timeout=180000 --test-force-exit tests/e2e/
  ensure_engines
  say "the same stories in Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKitGTK (selenium-webdriver, Xvfb)"
  local engines_start=$SECONDS
  node --test --test-timeout=120000 --test-force-exit tests/engines/
  printf '  cross-engine stories: %d s added to this run\n' $((SECONDS - engines_start))
  say "Lighthouse 12, mobile (minimum 0.95 in each category; the guidance pages' accessibility and SEO 1.0)"
  node tools/lighthouse.mjs
  # Every documented command runs here at least briefly, so none can rot unseen.
  BENCH_LINES=200000 bench
  say "batch proof, 200,000 hostile lines"
  python3 tools/batch_proof.py target/release/klinik-nik 200000
  test_python
}

bench() {
  say "library, in process"
  cargo bench --bench throughput
  say "CLI end to end (JSON Lines to /dev/null)"
  # The binary the README tells users to build.
  cargo build --release --bin klinik-nik
  # Two sizes: the same peak memory for both shows that the CLI streams.
  local n f
  for n in ${BENCH_LINES:-1000000 10000000}; do
    f=target/bench-input-$n.txt
    [ -f "$f" ] || python3 tools/gen_niks.py "$n" >"$f"
    python3 tools/bench_cli.py target/release/klinik-nik "$f"
  done
  # An office list through `check --table`: memory follows the distinct NIKs
  # (kept for the duplicates report), not the rows: 1/10 distinct, then all distinct.
  for n in ${BENCH_LINES:-1000000 10000000}; do
    [ "$n" -le 1000000 ] || continue
    for d in $((n / 10)) "$n"; do
      f=target/bench-table-$n-$d.csv
      [ -f "$f" ] || python3 tools/gen_table.py "$n" "$d" >"$f"
      printf '%s distinct NIKs: ' "$d"
      python3 tools/bench_cli.py target/release/klinik-nik "$f" --table
    done
  done
}

FUZZ_TARGETS=(check_nik check_kk compare phone wa_message slip office_config diagnose_input table page_modules)

# cargo fuzz on every function that takes outside input. Each target runs until
# 10 million executions or SECONDS, whichever comes first; crash inputs land in
# tools/fuzz/crashes/TARGET/ (commit them: tests/fuzz_replay.rs replays them).
fuzz() {
  local secs=${1:-300} t log corpus runs crashes status=0
  ensure_nightly
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2
  # Safe Rust only: no sanitizer, so the fuzzers run several times faster.
  cargo "+$NIGHTLY" fuzz build --fuzz-dir tools/fuzz -O -s none
  local report=""
  for t in "${FUZZ_TARGETS[@]}"; do
    corpus=target/fuzz-corpus/$t; log=target/fuzz-$t.log
    mkdir -p "$corpus" "tools/fuzz/crashes/$t"
    cp -n tools/fuzz/seeds/$t/* "$corpus/" 2>/dev/null || true
    say "fuzzing $t (up to 10 M executions or ${secs} s)"
    if ! cargo "+$NIGHTLY" fuzz run --fuzz-dir tools/fuzz -O -s none "$t" "$corpus" -- \
        -runs=10000000 -max_total_time="$secs" -print_final_stats=1 \
        -artifact_prefix="tools/fuzz/crashes/$t/" >"$log" 2>&1; then
      status=1
    fi
    runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
    crashes=$(find "tools/fuzz/crashes/$t" -type f ! -name '.*' | wc -l)
    report+=$(printf '%-16s %12s executions  %s crash inputs' "$t" "${runs:-?}" "$crashes")$'\n'
  done
  say "fuzzing summary"
  printf '%s' "$report"
  return $status
}

serve() {
  build_site
  local port=${1:-8000}
  say "serving $SITE/ at http://127.0.0.1:$port/ (Ctrl-C to stop)"
  # Like a real static host: gzip, ETag, application/wasm (tools/serve.mjs).
  exec node tools/serve.mjs "$SITE" "$port"
}

case "${1:-}" in
  serve) shift; serve "$@" ;;
  test) run_tests ;;
  build) build_site ;;
  regions) shift; regions "$@" ;;
  bench) bench ;;
  fuzz) shift; fuzz "$@" ;;
  lighthouse) build_site; ensure_browser; node tools/lighthouse.mjs ;;
  batch) shift; cargo build --release --bin klinik-nik && python3 tools/batch_proof.py target/release/klinik-nik "${1:-10000000}" ;;
  screenshots) build_site; ensure_browser; node tools/screenshots.mjs ;;
  python) build_python ;;
  bench-python) shift; test -x target/py-test/bin/pytest || { echo "run ./build.sh test first (it makes target/py-test)"; exit 2; }
    build_python; target/py-test/bin/pip install -q --force-reinstall --no-deps "$WHEEL"
    target/py-test/bin/python python/benches/bench.py "${1:-10000000}" 200000 "$WHEEL" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
