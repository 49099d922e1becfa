//! `klinik_nik._native`: the library's checks over whole columns, for Python.
//!
//! Columns come in through the Arrow PyCapsule interface (`__arrow_c_array__`
//! or `__arrow_c_stream__`: pyarrow, Polars, pandas, DuckDB, nanoarrow) or as
//! a plain Python sequence, and go out as one Arrow struct array, exported
//! the same way. Every rule, name and message is the library's
//! (`klinik_nik::check_nik`, `klinik_nik::table`): this file only moves
//! values. The checking runs with the GIL released; a panic is caught and
//! raised as a `RuntimeError`, never carried into Python.
//!
//! The thin Python layer (`klinik_nik/__init__.py`) turns the results into
//! pyarrow arrays and tables where pyarrow is installed.

use std::ffi::CStr;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use arrow_array::builder::ArrayBuilder;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int32Builder, ListBuilder, StringBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::types::*;
use arrow_array::{
    make_array, Array, ArrayRef, BooleanArray, DictionaryArray, Int32Array, StructArray,
};
use arrow_schema::{DataType, Field, Fields};
use klinik_nik::date::Date;
use klinik_nik::table::{self, Columns, Row, Seen, TableIssue};
use klinik_nik::{check_kk, check_nik, Lang, Report, Sex};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyCapsule, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// One value of a column, borrowed from an Arrow array or owned from Python.
enum Cell<'a> {
    Null,
    Text(&'a str),
    /// A number Excel or pandas stored as floating point.
    Float(f64),
}

/// A column: Arrow chunks, or the values of a Python sequence.
enum Column {
    Arrow(Vec<ArrayRef>),
    Cells(Vec<Owned>),
}

enum Owned {
    Null,
    Text(String),
    Float(f64),
}

impl Cell<'_> {
    fn to_owned(&self) -> Owned {
        match *self {
            Cell::Null => Owned::Null,
            Cell::Text(s) => Owned::Text(s.to_string()),
            Cell::Float(x) => Owned::Float(x),
        }
    }
}

impl Owned {
    fn cell(&self) -> Cell<'_> {
        match self {
            Owned::Null => Cell::Null,
            Owned::Text(s) => Cell::Text(s),
            Owned::Float(x) => Cell::Float(*x),
        }
    }
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Arrow(chunks) => chunks.iter().map(|c| c.len()).sum(),
            Column::Cells(v) => v.len(),
        }
    }

    /// Calls `f` with each value in order.
    fn for_each(&self, mut f: impl FnMut(Cell<'_>)) -> Result<(), String> {
        match self {
            Column::Cells(v) => {
                v.iter().for_each(|c| f(c.cell()));
                Ok(())
            }
            Column::Arrow(chunks) => {
                for a in chunks {
                    each_arrow(a.as_ref(), &mut f)?;
                }
                Ok(())
            }
        }
    }
}

fn each_arrow(a: &dyn Array, f: &mut dyn FnMut(Cell<'_>)) -> Result<(), String> {
    macro_rules! strings {
        ($arr:expr) => {{
            let arr = $arr;
            for i in 0..arr.len() {
                f(if arr.is_null(i) {
                    Cell::Null
                } else {
                    Cell::Text(arr.value(i))
                });
            }
        }};
    }
    macro_rules! bytes {
        ($arr:expr) => {{
            let arr = $arr;
            for i in 0..arr.len() {
                if arr.is_null(i) {
                    f(Cell::Null);
                } else {
                    f(Cell::Text(&String::from_utf8_lossy(arr.value(i))));
                }
            }
        }};
    }
    macro_rules! ints {
        ($t:ty) => {{
            let arr = a.as_primitive::<$t>();
            for i in 0..arr.len() {
                if arr.is_null(i) {
                    f(Cell::Null);
                } else {
                    f(Cell::Text(&arr.value(i).to_string()));
                }
            }
        }};
    }
    match a.data_type() {
        DataType::Null => (0..a.len()).for_each(|_| f(Cell::Null)),
        DataType::Utf8 => strings!(a.as_string::<i32>()),
        DataType::LargeUtf8 => strings!(a.as_string::<i64>()),
        DataType::Utf8View => strings!(a.as_string_view()),
        DataType::Binary => bytes!(a.as_binary::<i32>()),
        DataType::LargeBinary => bytes!(a.as_binary::<i64>()),
        DataType::BinaryView => bytes!(a.as_binary_view()),
        DataType::Int8 => ints!(Int8Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::Int32 => ints!(Int32Type),
        DataType::Int64 => ints!(Int64Type),
        DataType::UInt8 => ints!(UInt8Type),
        DataType::UInt16 => ints!(UInt16Type),
        DataType::UInt32 => ints!(UInt32Type),
        DataType::UInt64 => ints!(UInt64Type),
        DataType::Float32 => {
            let arr = a.as_primitive::<Float32Type>();
            for i in 0..arr.len() {
                f(if arr.is_null(i) {
                    Cell::Null
                } else {
                    Cell::Float(f64::from(arr.value(i)))
                });
            }
        }
        DataType::Float64 => {
            let arr = a.as_primitive::<Float64Type>();
            for i in 0..arr.len() {
                f(if arr.is_null(i) {
                    Cell::Null
                } else {
                    Cell::Float(arr.value(i))
                });
            }
        }
        DataType::Dictionary(_, _) => {
            // Categorical columns (pandas, Polars): each key's value.
            let d = a.as_any_dictionary();
            let keys = d.normalized_keys();
            let mut values: Vec<Owned> = Vec::with_capacity(d.values().len());
            each_arrow(d.values().as_ref(), &mut |c| values.push(c.to_owned()))?;
            for (i, k) in keys.iter().enumerate() {
                match values.get(*k) {
                    Some(v) if !a.is_null(i) => f(v.cell()),
                    _ => f(Cell::Null),
                }
            }
        }
        other => {
            return Err(format!(
            "expected a column of text or numbers (NIK or KK as written), got Arrow type {other}"
        ))
        }
    }
    Ok(())
}

/// What a float cell says, in the list's codes for Excel's damage. Excel
/// keeps 15 significant digits: a whole 16-digit number ending in 0 may have
/// lost its last digit (`TABLE_EXCEL_TRUNCATED`, a warning, as in the CLI's
/// tables); one with 11 significant digits or fewer was read from the
/// scientific notation Excel shows (`3,51102E+15`): its digits are gone
/// (`TABLE_EXCEL_SCIENTIFIC`, an error).
fn float_text(x: f64) -> (String, Option<TableIssue>) {
    if x.is_nan() {
        return (String::new(), None);
    }
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e17 {
        let s = format!("{x:.0}");
        let zeros = s.len() - s.trim_end_matches('0').len();
        if s.len() == 16 && 16 - zeros <= 11 {
            return (format!("{x:E}"), Some(TableIssue::ExcelScientific));
        }
        let cut = s.len() == 16 && zeros > 0;
        return (s, cut.then_some(TableIssue::ExcelTruncated));
    }
    (format!("{x:E}"), Some(TableIssue::ExcelScientific))
}

/// Reads any column argument: Arrow (array or stream) or a Python sequence.
fn column(values: &Bound<'_, PyAny>, what: &str) -> PyResult<Column> {
    if values.hasattr("__arrow_c_array__")? {
        let tuple = values.call_method0("__arrow_c_array__")?;
        let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) = tuple.extract()?;
        return Ok(Column::Arrow(vec![single(
            import_array(&schema, &array)?,
            what,
        )?]));
    }
    if values.hasattr("__arrow_c_stream__")? {
        let capsule = values.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast_into::<PyCapsule>()?;
        let chunks = import_stream(&capsule)?;
        let chunks = chunks
            .into_iter()
            .map(|c| single(c, what))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(Column::Arrow(chunks));
    }
    if values.is_instance_of::<PyString>() || values.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected a column (an Arrow array, a Series, a list of values), got one string; use is_valid() or parse() for one value"
        )));
    }
    let Ok(iter) = values.try_iter() else {
        return Err(PyTypeError::new_err(format!(
            "{what}: expected an Arrow array or chunked array, a Series, or a list of values, got {}",
            values.get_type().name()?
        )));
    };
    let mut cells = Vec::with_capacity(values.len().unwrap_or(0));
    for item in iter {
        cells.push(owned(&item?)?);
    }
    Ok(Column::Cells(cells))
}

/// One Python value of a sequence: None and NaN are missing; text, bytes
/// (read leniently) and numbers are kept; anything else by its `str()`.
fn owned(item: &Bound<'_, PyAny>) -> PyResult<Owned> {
    Ok(if item.is_none() {
        Owned::Null
    } else if let Ok(s) = item.cast::<PyString>() {
        Owned::Text(s.to_string_lossy().into_owned())
    } else if let Ok(b) = item.cast::<PyBytes>() {
        Owned::Text(String::from_utf8_lossy(b.as_bytes()).into_owned())
    } else if item.is_instance_of::<PyBool>() {
        Owned::Text(item.str()?.to_string_lossy().into_owned())
    } else if item.is_instance_of::<PyFloat>()
        || item.hasattr("is_integer")? && !item.is_instance_of::<PyInt>()
    {
        match item.extract::<f64>() {
            Ok(x) if x.is_nan() => Owned::Null,
            Ok(x) => Owned::Float(x),
            Err(_) => Owned::Text(item.str()?.to_string_lossy().into_owned()),
        }
    } else {
        // Integers (a NIK Excel kept as a number), numpy scalars, Decimals, dates…
        Owned::Text(item.str()?.to_string_lossy().into_owned())
    })
}

/// A table's stream yields struct arrays: one column is taken as it is.
fn single(a: ArrayRef, what: &str) -> PyResult<ArrayRef> {
    match a.data_type() {
        DataType::Struct(fields) if fields.len() == 1 => Ok(a.as_struct().column(0).clone()),
        DataType::Struct(fields) => Err(PyTypeError::new_err(format!(
            "{what}: expected one column, got a table of {} columns; pass one of them, e.g. table[\"NIK\"]",
            fields.len()
        ))),
        _ => Ok(a),
    }
}

fn import_array(schema: &Bound<'_, PyCapsule>, array: &Bound<'_, PyCapsule>) -> PyResult<ArrayRef> {
    check_name(schema, c"arrow_schema")?;
    check_name(array, c"arrow_array")?;
    // SAFETY: the capsules hold an ArrowSchema and an ArrowArray (checked by
    // name, as the PyCapsule interface specifies); the array is moved out
    // (its release callback is then ours) and the schema only read.
    unsafe {
        let schema =
            &*(schema.pointer_checked(Some(c"arrow_schema"))?.as_ptr() as *const FFI_ArrowSchema);
        let array = FFI_ArrowArray::from_raw(
            array.pointer_checked(Some(c"arrow_array"))?.as_ptr() as *mut FFI_ArrowArray
        );
        let data = from_ffi(array, schema).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(make_array(data))
    }
}

fn import_stream(capsule: &Bound<'_, PyCapsule>) -> PyResult<Vec<ArrayRef>> {
    check_name(capsule, c"arrow_array_stream")?;
    // SAFETY: the capsule holds an ArrowArrayStream (checked by name); it is
    // moved out and read through arrow-rs's reader, which moves every array
    // it yields into Rust.
    let reader = unsafe {
        ArrayStreamReader::from_raw(
            capsule
                .pointer_checked(Some(c"arrow_array_stream"))?
                .as_ptr() as *mut FFI_ArrowArrayStream,
        )
    }
    .map_err(|e| PyValueError::new_err(e.to_string()))?;
    reader
        .map(|a| a.map_err(|e| PyValueError::new_err(e.to_string())))
        .collect()
}

fn check_name(c: &Bound<'_, PyCapsule>, name: &CStr) -> PyResult<()> {
    match c.name()? {
        Some(n) if unsafe { n.as_cstr() } == name => Ok(()),
        _ => Err(PyValueError::new_err(format!(
            "expected an Arrow PyCapsule named {name:?}"
        ))),
    }
}

/// A result: an Arrow array that Python reads through `__arrow_c_array__`.
#[pyclass(frozen, module = "klinik_nik._native", name = "ArrowResult")]
struct ArrowResult {
    array: ArrayRef,
}

#[pymethods]
impl ArrowResult {
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let _ = requested_schema;
        let field = Field::new("", self.array.data_type().clone(), true);
        let schema =
            FFI_ArrowSchema::try_from(&field).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let array = FFI_ArrowArray::new(&self.array.to_data());
        let schema = PyCapsule::new(py, schema, Some(c"arrow_schema".to_owned()))?;
        let array = PyCapsule::new(py, array, Some(c"arrow_array".to_owned()))?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }

    fn __len__(&self) -> usize {
        self.array.len()
    }
}

/// Runs `f` with the GIL released; a panic becomes a `RuntimeError`.
fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, String> + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|_| {
            PyRuntimeError::new_err("klinik_nik: internal error (a bug: please report the input)")
        })?
        .map_err(PyTypeError::new_err)
}

fn date(today: (i32, u8, u8)) -> PyResult<Date> {
    Date::new(today.0, today.1, today.2).ok_or_else(|| PyValueError::new_err("today: not a date"))
}

/// Days since 1970-01-01 (Arrow's date32).
fn days(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil.
    let (y, m, dd) = (
        d.year() - i32::from(d.month() <= 2),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The builders of one result column (the CLI's JSON Lines record, flat).
struct Out {
    kk: bool,
    /// The input column itself, when it is one Arrow text array (shared,
    /// not copied); otherwise `input` is built.
    input_array: Option<ArrayRef>,
    input: StringBuilder,
    valid: BooleanBuilder,
    number: StringBuilder,
    codes: ListBuilder<StringBuilder>,
    messages: ListBuilder<StringBuilder>,
    region: [Places; 3],
    /// 0 male, 1 female (dictionary keys).
    sex: Int32Builder,
    date: Date32Builder,
    age: Int32Builder,
    serial: StringBuilder,
}

/// The places of one level (province, regency, district) as two dictionary
/// columns sharing their keys: the dotted code and the name of each place
/// are written once per call, each row holds a key (4 bytes instead of
/// about 30: most of the time and memory of a column of names).
struct Places {
    level: usize,
    /// Code → key + 1 (0: not seen yet), indexed by the code itself: for
    /// long columns, where its size (up to 4 MB for districts) is nothing
    /// per row and a lookup is one load.
    seen: Vec<u32>,
    /// Code → key, for short columns (one value: `parse`, `is_valid`),
    /// which would otherwise pay for that table on every call.
    few: std::collections::HashMap<u32, u32>,
    keys: Int32Builder,
    codes: StringBuilder,
    names: StringBuilder,
}

impl Places {
    fn new(level: usize, n: usize) -> Places {
        Places {
            level,
            seen: if n >= 4096 {
                vec![0; [100, 10_000, 1_000_000][level]]
            } else {
                Vec::new()
            },
            few: std::collections::HashMap::new(),
            keys: Int32Builder::with_capacity(n),
            codes: StringBuilder::new(),
            names: StringBuilder::new(),
        }
    }

    fn push(&mut self, r: Option<klinik_nik::regions::Region>) {
        let Some(r) = r else {
            self.keys.append_null();
            return;
        };
        let slot = r.code as usize;
        let known = match self.seen.get(slot) {
            Some(&k) => k.checked_sub(1),
            None => self.few.get(&r.code).copied(),
        };
        let key = match known {
            Some(k) => k,
            None => {
                let k = self.codes.len() as u32;
                let mut buf = [0u8; 8];
                self.codes
                    .append_value(dotted(r.code, self.level, &mut buf));
                self.names.append_value(r.name);
                match self.seen.get_mut(slot) {
                    Some(s) => *s = k + 1,
                    None => {
                        self.few.insert(r.code, k);
                    }
                }
                k
            }
        };
        self.keys.append_value(key as i32);
    }

    /// The code and name columns, as dictionaries or (for Spark, which reads
    /// no dictionary) as plain text.
    fn finish(&mut self, dictionary: bool) -> (ArrayRef, ArrayRef) {
        let keys = self.keys.finish();
        let codes: ArrayRef = Arc::new(self.codes.finish());
        let names: ArrayRef = Arc::new(self.names.finish());
        (
            dict(&keys, codes, dictionary),
            dict(&keys, names, dictionary),
        )
    }
}

/// A dictionary column, or its values taken row by row.
fn dict(keys: &Int32Array, values: ArrayRef, dictionary: bool) -> ArrayRef {
    if dictionary {
        // SAFETY: every key was handed out below `values.len()` as its value
        // was appended (Places::push, the two words of sex): the O(n) check
        // of `DictionaryArray::new` would only repeat that.
        return Arc::new(unsafe {
            DictionaryArray::<Int32Type>::new_unchecked(keys.clone(), values)
        });
    }
    let v = values.as_string::<i32>();
    let mut b = StringBuilder::with_capacity(keys.len(), keys.len() * 16);
    for k in keys.iter() {
        b.append_option(k.map(|k| v.value(k as usize)));
    }
    Arc::new(b.finish())
}

/// `35`, `35.11`, `35.11.01` without allocating.
fn dotted(code: u32, level: usize, buf: &mut [u8; 8]) -> &str {
    let parts = [code / 10_000, code / 100 % 100, code % 100];
    let parts = &parts[2 - level..];
    let mut n = 0;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            buf[n] = b'.';
            n += 1;
        }
        buf[n] = b'0' + (p / 10) as u8;
        buf[n + 1] = b'0' + (p % 10) as u8;
        n += 2;
    }
    // SAFETY: only ASCII digits and dots were written.
    unsafe { std::str::from_utf8_unchecked(&buf[..n]) }
}

impl Out {
    fn new(kk: bool, n: usize) -> Out {
        // Generous byte capacities: pages never written are never touched,
        // and a builder that grows copies everything it holds (measured: a
        // tenth of the time with tight guesses).
        let s = |bytes: usize| StringBuilder::with_capacity(n, n * bytes);
        Out {
            kk,
            input_array: None,
            input: s(20),
            valid: BooleanBuilder::with_capacity(n),
            number: s(16),
            codes: ListBuilder::new(StringBuilder::new()),
            messages: ListBuilder::new(StringBuilder::new()),
            region: [Places::new(0, n), Places::new(1, n), Places::new(2, n)],
            sex: Int32Builder::with_capacity(n),
            date: Date32Builder::with_capacity(n),
            age: Int32Builder::with_capacity(n),
            serial: s(4),
        }
    }

    /// One record: `input` as read (None: a missing value), the report, and
    /// the list's own issue for a number Excel stored (see [`float_text`]).
    fn push(&mut self, input: Option<&str>, r: &Report, extra: Option<TableIssue>, lang: Lang) {
        if self.input_array.is_none() {
            self.input.append_option(input);
        }
        let damaged = extra.is_some_and(TableIssue::is_error);
        self.valid.append_value(r.is_valid() && !damaged);
        self.number.append_option(r.number());
        for i in &r.issues {
            self.codes.values().append_value(i.code());
            self.messages.values().append_value(i.message(lang));
        }
        if let Some(t) = extra {
            let row = lone_row(input.unwrap_or(""), r.clone(), t);
            self.codes.values().append_value(t.code());
            self.messages.values().append_value(t.message(&row, lang));
        }
        self.codes.append(true);
        self.messages.append(true);
        let d = &r.decoded;
        for (places, region) in self
            .region
            .iter_mut()
            .zip([d.province, d.regency, d.district])
        {
            places.push(region);
        }
        self.sex
            .append_option(d.sex.map(|s| i32::from(s == Sex::Female)));
        self.date.append_option(d.date.map(days));
        self.age.append_option(d.age.map(|a| a as i32));
        match d.serial {
            Some(s) => {
                let b = [
                    b'0' + (s / 1000 % 10) as u8,
                    b'0' + (s / 100 % 10) as u8,
                    b'0' + (s / 10 % 10) as u8,
                    b'0' + (s % 10) as u8,
                ];
                // SAFETY: four ASCII digits.
                self.serial
                    .append_value(unsafe { std::str::from_utf8_unchecked(&b) });
            }
            None => self.serial.append_null(),
        }
    }

    fn finish(mut self, dictionary: bool) -> ArrayRef {
        let mut fields: Vec<(Field, ArrayRef)> = Vec::new();
        let utf8 = |n: &str| Field::new(n, DataType::Utf8, true);
        let list = |n: &str| {
            Field::new(
                n,
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                false,
            )
        };
        let text = |n: &str, a: &ArrayRef| Field::new(n, a.data_type().clone(), true);
        let input: ArrayRef = match self.input_array.take() {
            Some(a) => a,
            None => Arc::new(self.input.finish()),
        };
        fields.push((text("input", &input), input));
        fields.push((
            Field::new("valid", DataType::Boolean, false),
            Arc::new(self.valid.finish()),
        ));
        fields.push((
            utf8(if self.kk { "kk" } else { "nik" }),
            Arc::new(self.number.finish()),
        ));
        fields.push((list("codes"), Arc::new(self.codes.finish())));
        fields.push((list("messages"), Arc::new(self.messages.finish())));
        for (level, places) in ["province", "regency", "district"]
            .iter()
            .zip(self.region.iter_mut())
        {
            let (code, name) = places.finish(dictionary);
            fields.push((text(&format!("{level}_code"), &code), code));
            fields.push((text(level, &name), name));
        }
        if !self.kk {
            let keys = self.sex.finish();
            let words: ArrayRef = Arc::new(arrow_array::StringArray::from(vec!["male", "female"]));
            let sex = dict(&keys, words, dictionary);
            fields.push((text("sex", &sex), sex));
        }
        fields.push((
            Field::new(
                if self.kk {
                    "recorded_date"
                } else {
                    "birth_date"
                },
                DataType::Date32,
                true,
            ),
            Arc::new(self.date.finish()),
        ));
        if !self.kk {
            fields.push((
                Field::new("age", DataType::Int32, true),
                Arc::new(self.age.finish()),
            ));
        }
        fields.push((utf8("serial"), Arc::new(self.serial.finish())));
        let (f, a): (Vec<Field>, Vec<ArrayRef>) = fields.into_iter().unzip();
        Arc::new(StructArray::new(Fields::from(f), a, None))
    }
}

/// A one-cell row, so a list message can quote the cell.
fn lone_row(input: &str, nik: Report, t: TableIssue) -> Row {
    Row {
        nik_input: input.to_string(),
        kk_input: input.to_string(),
        nik,
        kk: None,
        stated: Vec::new(),
        table: vec![t],
    }
}

/// Checks every value of a column as a NIK (or KK).
fn check_column(
    col: &Column,
    kk: bool,
    today: Date,
    lang: Lang,
    dictionary: bool,
) -> Result<ArrayRef, String> {
    let mut out = Out::new(kk, col.len());
    if let Column::Arrow(chunks) = col {
        if let [one] = chunks.as_slice() {
            if matches!(
                one.data_type(),
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
            ) {
                out.input_array = Some(one.clone());
            }
        }
    }
    let check = |s: &str| {
        if kk {
            check_kk(s, today)
        } else {
            check_nik(s, today)
        }
    };
    col.for_each(|cell| match cell {
        Cell::Null => out.push(None, &check(""), None, lang),
        Cell::Text(s) => {
            // Text in scientific notation is Excel's damage, as in the CLI's
            // tables (a valid number never is: looked at only otherwise).
            let mut r = check(s);
            let sci = !r.is_valid() && table::is_scientific(s.trim());
            if sci {
                r.issues.clear();
            }
            out.push(
                Some(s),
                &r,
                sci.then_some(TableIssue::ExcelScientific),
                lang,
            )
        }
        Cell::Float(x) => {
            let (s, extra) = float_text(x);
            let mut r = check(&s);
            if extra == Some(TableIssue::ExcelScientific) {
                r.issues.clear();
            }
            out.push(Some(&s), &r, extra, lang)
        }
    })?;
    Ok(out.finish(dictionary))
}

fn lang(s: &str) -> PyResult<Lang> {
    match s {
        "id" => Ok(Lang::Id),
        "en" => Ok(Lang::En),
        _ => Err(PyValueError::new_err("lang: \"id\" or \"en\"")),
    }
}

/// `check_nik` (or, with `kk`, `check_kk`): see the Python layer's docstrings.
#[pyfunction]
#[pyo3(name = "check_column")]
fn check_column_py(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    kk: bool,
    today: (i32, u8, u8),
    lang: &str,
    dictionary: bool,
) -> PyResult<ArrowResult> {
    let (col, today, lang) = (column(values, "values")?, date(today)?, self::lang(lang)?);
    let array = detached(py, || check_column(&col, kk, today, lang, dictionary))?;
    Ok(ArrowResult { array })
}

/// The columns `audit` adds: the library's, as the CLI's CSV has them.
#[pyfunction]
fn result_columns() -> Vec<&'static str> {
    table::RESULT_COLUMNS.to_vec()
}

/// Validity alone, as a boolean column: the same verdict as `check_nik`'s
/// `valid`, without building the rest.
#[pyfunction]
fn is_valid_column(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    today: (i32, u8, u8),
) -> PyResult<ArrowResult> {
    let (col, today) = (column(values, "values")?, date(today)?);
    let array = detached(py, || {
        let mut b = BooleanBuilder::with_capacity(col.len());
        col.for_each(|cell| {
            b.append_value(match cell {
                Cell::Null => false,
                Cell::Text(s) => check_nik(s, today).is_valid() && !table::is_scientific(s.trim()),
                Cell::Float(x) => {
                    let (s, extra) = float_text(x);
                    extra != Some(TableIssue::ExcelScientific) && check_nik(&s, today).is_valid()
                }
            })
        })?;
        Ok(Arc::new(b.finish()) as ArrayRef)
    })?;
    Ok(ArrowResult { array })
}

/// One value checked, as a dict with the fields of `check_nik`'s records.
#[pyfunction]
fn parse_one<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
    today: (i32, u8, u8),
    lang: &str,
    kk: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let list = PyList::new(py, [value])?;
    let col = column(list.as_any(), "value")?;
    let (today, lang) = (date(today)?, self::lang(lang)?);
    let array = detached(py, || check_column(&col, kk, today, lang, false))?;
    let s = array.as_struct();
    let dict = PyDict::new(py);
    for (field, column) in s.fields().iter().zip(s.columns()) {
        let v: Bound<'py, PyAny> = if column.is_null(0) {
            py.None().into_bound(py)
        } else {
            match column.data_type() {
                DataType::Utf8 => column
                    .as_string::<i32>()
                    .value(0)
                    .into_pyobject(py)?
                    .into_any(),
                DataType::Boolean => PyBool::new(
                    py,
                    column
                        .as_any()
                        .downcast_ref::<BooleanArray>()
                        .is_some_and(|b| b.value(0)),
                )
                .to_owned()
                .into_any(),
                DataType::Int32 => column
                    .as_primitive::<Int32Type>()
                    .value(0)
                    .into_pyobject(py)?
                    .into_any(),
                DataType::Date32 => {
                    let d = column.as_primitive::<Date32Type>().value(0);
                    let epoch = py
                        .import("datetime")?
                        .getattr("date")?
                        .call1((1970, 1, 1))?;
                    let delta = py.import("datetime")?.getattr("timedelta")?.call1((d,))?;
                    epoch.call_method1("__add__", (delta,))?
                }
                DataType::List(_) => {
                    let l = column.as_list::<i32>().value(0);
                    let l = l.as_string::<i32>();
                    PyList::new(py, (0..l.len()).map(|i| l.value(i)))?.into_any()
                }
                _ => py.None().into_bound(py),
            }
        };
        dict.set_item(field.name(), v)?;
    }
    Ok(dict)
}

/// `audit`: the CLI's `check --table` over named columns (each a column
/// argument, or None). Returns the nine result columns of the CLI's CSV as
/// one struct array, and the summary.
#[pyfunction]
#[pyo3(signature = (nik, kk, name, birth_date, sex, regency, today, lang, first_row))]
#[allow(clippy::too_many_arguments)]
fn audit_columns<'py>(
    py: Python<'py>,
    nik: &Bound<'py, PyAny>,
    kk: Option<Bound<'py, PyAny>>,
    name: Option<Bound<'py, PyAny>>,
    birth_date: Option<Bound<'py, PyAny>>,
    sex: Option<Bound<'py, PyAny>>,
    regency: Option<Bound<'py, PyAny>>,
    today: (i32, u8, u8),
    lang: &str,
    first_row: u32,
) -> PyResult<(ArrowResult, Bound<'py, PyDict>)> {
    let (today, lang) = (date(today)?, self::lang(lang)?);
    let cols = beside(
        nik,
        &[
            (kk.as_ref(), "kk"),
            (name.as_ref(), "name"),
            (birth_date.as_ref(), "birth_date"),
            (sex.as_ref(), "sex"),
            (regency.as_ref(), "regency"),
        ],
    )?;
    let n = cols[0].as_ref().map_or(0, Column::len);
    let given = |i: usize| cols[i].is_some().then_some(i);
    let columns = Columns {
        nik: Some(0),
        kk: given(1),
        name: given(2),
        birth: given(3),
        sex: given(4),
        regency: given(5),
        header: false,
        title_rows: 0,
    };
    let (array, summary) = detached(py, || {
        // The six columns as text, row by row (dates as the CLI reads them),
        // and what each float NIK says of Excel's damage.
        let text = text_columns(&cols, n)?;
        let floats = match &cols[0] {
            Some(c) => float_issues(c)?,
            None => Vec::new(),
        };
        let record = |i: usize| -> Vec<String> { text.iter().map(|c| c[i].clone()).collect() };
        let first: Vec<Vec<String>> = (0..n.min(table::LOOKAHEAD)).map(record).collect();
        let truncated = table::column_truncated(&first, &columns);
        let mut seen = Seen::default();
        let mut outs: Vec<StringBuilder> = (0..9)
            .map(|_| StringBuilder::with_capacity(n, n * 8))
            .collect();
        let (mut rows, mut valid, mut errors, mut warnings) = (0usize, 0usize, 0usize, 0usize);
        for (i, float) in floats.iter().enumerate().take(n) {
            let fields = record(i);
            let mut row = table::check_row(&fields, &columns, truncated, today);
            if let Some(t) = *float {
                if t == TableIssue::ExcelScientific {
                    row.nik.issues.clear();
                }
                if !row.table.contains(&t) {
                    row.table.push(t);
                }
            }
            let number = first_row + i as u32;
            seen.note(number, &mut row, &fields[2]);
            rows += 1;
            valid += usize::from(row.is_valid());
            match row.worst() {
                Some(klinik_nik::Severity::Error) => errors += 1,
                Some(klinik_nik::Severity::Warning) => warnings += 1,
                _ => {}
            }
            for (b, v) in outs.iter_mut().zip(table::result_values(&row, lang)) {
                b.append_value(v);
            }
        }
        let fields: Vec<Field> = table::RESULT_COLUMNS
            .iter()
            .map(|c| Field::new(*c, DataType::Utf8, false))
            .collect();
        let arrays: Vec<ArrayRef> = outs
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        let array: ArrayRef = Arc::new(StructArray::new(Fields::from(fields), arrays, None));
        Ok((
            array,
            (rows, valid, errors, warnings, truncated, seen.duplicates()),
        ))
    })?;
    let (rows, valid, errors, warnings, truncated, duplicates) = summary;
    let dict = PyDict::new(py);
    dict.set_item("rows", rows)?;
    dict.set_item("valid", valid)?;
    dict.set_item("errors", errors)?;
    dict.set_item("warnings", warnings)?;
    dict.set_item("excel_truncated", truncated)?;
    dict.set_item("duplicates", duplicates)?;
    Ok((ArrowResult { array }, dict))
}

/// Codes and messages per row, as a struct array `{valid, codes, messages}`.
fn issues_array(rows: Vec<(bool, Vec<String>, Vec<String>)>) -> ArrayRef {
    let mut valid = BooleanBuilder::with_capacity(rows.len());
    let mut codes = ListBuilder::new(StringBuilder::new());
    let mut messages = ListBuilder::new(StringBuilder::new());
    for (v, c, m) in rows {
        valid.append_value(v);
        for x in c {
            codes.values().append_value(x);
        }
        for x in m {
            messages.values().append_value(x);
        }
        codes.append(true);
        messages.append(true);
    }
    let list = |n: &str| {
        Field::new(
            n,
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        )
    };
    Arc::new(StructArray::new(
        Fields::from(vec![
            Field::new("valid", DataType::Boolean, false),
            list("codes"),
            list("messages"),
        ]),
        vec![
            Arc::new(valid.finish()),
            Arc::new(codes.finish()),
            Arc::new(messages.finish()),
        ],
        None,
    ))
}

/// The values of a column as text (a float as its digits), in order.
fn texts(col: &Column) -> Result<Vec<String>, String> {
    let mut v = Vec::with_capacity(col.len());
    col.for_each(|cell| {
        v.push(match cell {
            Cell::Null => String::new(),
            Cell::Text(s) => s.to_string(),
            Cell::Float(x) => float_text(x).0,
        })
    })?;
    Ok(v)
}

/// `nik` and the optional columns beside it (absent: `None`), each checked
/// to be as long as `nik`.
fn beside(
    nik: &Bound<'_, PyAny>,
    others: &[(Option<&Bound<'_, PyAny>>, &str)],
) -> PyResult<Vec<Option<Column>>> {
    let first = column(nik, "nik")?;
    let n = first.len();
    let mut cols = vec![Some(first)];
    for (arg, what) in others {
        let c = arg.map(|a| column(a, what)).transpose()?;
        if let Some(c) = &c {
            if c.len() != n {
                return Err(PyValueError::new_err(format!(
                    "{what}: {} values, but nik has {n}",
                    c.len()
                )));
            }
        }
        cols.push(c);
    }
    Ok(cols)
}

/// Each column's values as text; an absent column as `n` empty cells.
fn text_columns(cols: &[Option<Column>], n: usize) -> Result<Vec<Vec<String>>, String> {
    cols.iter()
        .map(|c| match c {
            Some(c) => texts(c),
            None => Ok(vec![String::new(); n]),
        })
        .collect()
}

/// For each value, the code a float says of Excel's damage (see [`float_text`]).
fn float_issues(col: &Column) -> Result<Vec<Option<TableIssue>>, String> {
    let mut v = Vec::with_capacity(col.len());
    col.for_each(|cell| {
        v.push(match cell {
            Cell::Float(x) => float_text(x).1,
            _ => None,
        })
    })?;
    Ok(v)
}

/// A NIK and a KK number given together, row by row (`PAIR_*` codes).
#[pyfunction]
fn check_pair_columns(
    py: Python<'_>,
    nik: &Bound<'_, PyAny>,
    kk: &Bound<'_, PyAny>,
    today: (i32, u8, u8),
    lang: &str,
) -> PyResult<ArrowResult> {
    let (nik, kk, today, lang) = (
        column(nik, "nik")?,
        column(kk, "kk")?,
        date(today)?,
        self::lang(lang)?,
    );
    if nik.len() != kk.len() {
        return Err(PyValueError::new_err(format!(
            "nik has {} values, kk {}",
            nik.len(),
            kk.len()
        )));
    }
    let array = detached(py, || {
        let (a, b) = (texts(&nik)?, texts(&kk)?);
        let rows = a
            .iter()
            .zip(&b)
            .map(|(a, b)| {
                let issues = klinik_nik::check_pair(&check_nik(a, today), &check_kk(b, today));
                let valid = !issues
                    .iter()
                    .any(|i| i.severity == klinik_nik::Severity::Error);
                (
                    valid,
                    issues.iter().map(|i| i.code()).collect(),
                    issues.iter().map(|i| i.message(lang)).collect(),
                )
            })
            .collect();
        Ok(issues_array(rows))
    })?;
    Ok(ArrowResult { array })
}

/// What a list says of each person (birth date, sex, regency of residence)
/// against the NIK, as `check --table` compares them (`STATED_*` codes).
#[pyfunction]
#[pyo3(signature = (nik, birth_date, sex, regency, today, lang))]
fn compare_stated_columns(
    py: Python<'_>,
    nik: &Bound<'_, PyAny>,
    birth_date: Option<Bound<'_, PyAny>>,
    sex: Option<Bound<'_, PyAny>>,
    regency: Option<Bound<'_, PyAny>>,
    today: (i32, u8, u8),
    lang: &str,
) -> PyResult<ArrowResult> {
    let (today, lang) = (date(today)?, self::lang(lang)?);
    let cols = beside(
        nik,
        &[
            (birth_date.as_ref(), "birth_date"),
            (sex.as_ref(), "sex"),
            (regency.as_ref(), "regency"),
        ],
    )?;
    let given = |i: usize| cols[i].is_some().then_some(i);
    let columns = Columns {
        nik: Some(0),
        birth: given(1),
        sex: given(2),
        regency: given(3),
        ..Columns::default()
    };
    let array = detached(py, || {
        let n = cols[0].as_ref().map_or(0, Column::len);
        let text = text_columns(&cols, n)?;
        let rows = (0..n)
            .map(|i| {
                let fields: Vec<String> = text.iter().map(|c| c[i].clone()).collect();
                let row = table::check_row(&fields, &columns, false, today);
                let valid = !row
                    .stated
                    .iter()
                    .any(|i| i.severity == klinik_nik::Severity::Error);
                (
                    valid,
                    row.stated.iter().map(|i| i.code()).collect(),
                    row.stated
                        .iter()
                        .map(|i| table::list_message(i, lang))
                        .collect(),
                )
            })
            .collect();
        Ok(issues_array(rows))
    })?;
    Ok(ArrowResult { array })
}

/// For tests and benchmarks that make NIKs: the first six digits of a real
/// place in every regency code of every edition, its first known district,
/// or 01 where the library has no district list for it (before 2013).
#[pyfunction]
fn places() -> Vec<u32> {
    use klinik_nik::regions::{codes, Level};
    let districts = codes(Level::District);
    codes(Level::Regency)
        .into_iter()
        .map(|r| {
            districts
                .iter()
                .find(|d| *d / 100 == r)
                .copied()
                .unwrap_or(r * 100 + 1)
        })
        .collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowResult>()?;
    m.add_function(wrap_pyfunction!(check_column_py, m)?)?;
    m.add_function(wrap_pyfunction!(result_columns, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_column, m)?)?;
    m.add_function(wrap_pyfunction!(parse_one, m)?)?;
    m.add_function(wrap_pyfunction!(audit_columns, m)?)?;
    m.add_function(wrap_pyfunction!(check_pair_columns, m)?)?;
    m.add_function(wrap_pyfunction!(compare_stated_columns, m)?)?;
    m.add_function(wrap_pyfunction!(places, m)?)?;
    Ok(())
}
