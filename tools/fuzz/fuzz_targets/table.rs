#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| klinik_nik::fuzzing::table(data));
