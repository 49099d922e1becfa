//! What step 1 keeps in this tab (see `dom::Keep`): the NIK, the KK number
//! and the stated birth date and sex.

use crate::web::dom::Keep;
use web_sys::Document;

pub(super) const KEEP: Keep = Keep {
    fields: &["nik", "kk", "s-birth"],
    ticked_in: "#step-check",
    ticked_key: "ticked-check",
    more: &[],
};

pub(super) fn save(doc: &Document) {
    KEEP.save(doc, &[], |_| {});
}

pub(super) fn restore(doc: &Document) {
    KEEP.restore(doc);
}
