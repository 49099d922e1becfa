#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| klinik_nik::fuzzing::page_modules(data));
