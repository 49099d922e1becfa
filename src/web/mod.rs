//! The citizens' page, as two wasm modules from this crate so the first
//! screen is light:
//!
//! - [`check`] (feature `page`, `pkg/klinik_nik.js`): step 1, the NIK and KK
//!   checks with every region-code table, the step navigation and the
//!   language switch. It is all a first visit needs before a typed NIK is
//!   explained.
//! - [`app`] (feature `app`, `pkg/app.js`): steps 2 and 3, the diagnosis,
//!   offices, the WhatsApp report and the visit slip. boot.js loads it once
//!   step 1 is on screen. It has no check and no district table: step 1 hands
//!   it what the checks found ([`crate::diagnose::Handoff`], on
//!   `<body data-check>`, announced with the `klinik-step1` event).
//!
//! Logic stays in the core, called in Rust; [`dom`] is what both modules do
//! with the page.

// Each module uses most of it; what one of them leaves unused is no fault.
#[cfg_attr(not(all(feature = "page", feature = "app")), allow(dead_code))]
mod dom;

#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "page")]
pub mod check;

/// The two page modules' allocator: talc, built for wasm, is smaller than the
/// standard library's dlmalloc (measured 2026-11-28, gzip -9: step 1
/// 47.9 -> 46.9 KB, steps 2 and 3 79.2 -> 78.0 KB). The desk and the public
/// module keep the default.
#[global_allocator]
// SAFETY: `new_global` asks for single-threaded wasm, which these modules
// are (no threads, no shared memory).
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
