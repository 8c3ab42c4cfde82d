//! C-speed versions of two hot paths of the imported runtime
//! (`--runtime=import` with the unawait package installed).
//!
//! The runtime module ends by calling `accelerate(globals(), protocol)`;
//! inline output never does, and stays plain Python. What this installs
//! behaves exactly as the Python it stands in for, which stays the
//! reference (the golden suite runs both):
//!
//! - **A coroutine's step by an event loop.** asyncio's Task steps a
//!   coroutine with `PyIter_Send` (3.10+), which uses the type's `am_send`
//!   slot when it has one and otherwise calls the `send` method: a Python
//!   frame per step, for a class written in Python, which cannot fill the
//!   slot. The slot installed here makes `send`'s tests and steps the body
//!   directly where they pass: a suspended body (every step after the
//!   first), or None sent to a body neither finished nor running (an event
//!   loop's first step); it calls `send` for everything else, which raises
//!   what CPython raises. Installed on 3.11+, where a generator tells it
//!   is suspended (`gi_suspended`).
//!
//!   In:  `Task.__step` → `coro.send(None)` → `gen.send(None)` (two frames)
//!   Out: `Task.__step` → `am_send` → `PyIter_Send(gen, None)` (none)
//!
//! - **`_unawait_await(obj)`** for the objects awaited most: a native
//!   coroutine (the standard library's, asyncio's), one of unawait's own
//!   coroutines that no `await` has taken yet (`await obj.method()`), a
//!   generator-based coroutine, an async generator's awaitable. Every other
//!   object, and every await of these that fails, goes to the Python
//!   helper, which raises what CPython raises.
//!
//!   In:  `yield from _unawait_await(queue.get())`: a Python frame
//!   Out: the same line, a C call (`METH_O`) and a type test
//!
//! The slot is written into the class's `PyAsyncMethods`, found at the
//! offset every CPython 3.x has for `tp_as_async` and checked against the
//! slots `PyType_GetSlot` reports before anything is written; anything
//! unexpected leaves the runtime pure Python.

use std::ffi::{CStr, c_int, c_void};
use std::ptr::null_mut;
use std::sync::OnceLock;

use pyo3::Borrowed;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use pyo3::{PyTraverseError, PyVisit};

/// What the runtime's `accelerate` call and this module agree on: the
/// names below, and that `send` starts with the suspended-body step. A
/// runtime that changes either must change this number too.
const PROTOCOL: u32 = 1;

/// `PyIter_Send`, found in the running interpreter (3.10+): the extension is
/// built for CPython 3.7's stable ABI, whose import would fail to link it.
type IterSend =
    unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject, *mut *mut ffi::PyObject) -> c_int;

/// `PySendResult`'s values.
const PYGEN_RETURN: c_int = 0;
const PYGEN_ERROR: c_int = -1;
const PYGEN_NEXT: c_int = 1;

/// `Py_am_send`, the slot number 3.10 added (pyo3's abi3-py37 bindings
/// stop at `Py_am_anext`).
const AM_SEND_INDEX: usize = 3;

/// Interned names and `PyIter_Send`, made once; the objects live as long as
/// the process.
struct Shared {
    iter_send: IterSend,
    names: Names,
}

/// The attributes the fast paths read, interned.
struct Names {
    body: *mut ffi::PyObject,
    gi_suspended: *mut ffi::PyObject,
    gi_frame: *mut ffi::PyObject,
    gi_running: *mut ffi::PyObject,
    gi_yieldfrom: *mut ffi::PyObject,
    gi_code: *mut ffi::PyObject,
    co_flags: *mut ffi::PyObject,
    cr_await: *mut ffi::PyObject,
    send: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    class: *mut ffi::PyObject,
}

// The pointers are only read, with the GIL held (every caller is CPython
// calling a slot or a builtin function).
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

static SHARED: OnceLock<Option<Shared>> = OnceLock::new();

/// `accelerate(namespace, protocol)`: installs the fast paths into the
/// runtime module whose globals are `namespace`. Returns whether it did:
/// False for another version's runtime or protocol, a CPython before 3.11,
/// or a type layout this module does not recognise.
#[pyfunction]
pub fn accelerate(py: Python<'_>, namespace: &Bound<'_, PyDict>, protocol: u32) -> PyResult<bool> {
    let version: Option<String> = namespace
        .get_item("__version__")?
        .and_then(|version| version.extract().ok());
    if protocol != PROTOCOL
        || version.as_deref() != Some(unawait::runtime::VERSION)
        || py.version_info() < (3, 11)
    {
        return Ok(false);
    }
    if SHARED.get_or_init(|| unsafe { Shared::new() }).is_none() {
        return Ok(false);
    }
    let class = |name: &str| -> PyResult<Option<Bound<'_, PyType>>> {
        Ok(namespace
            .get_item(name)?
            .and_then(|class| class.downcast_into::<PyType>().ok()))
    };
    let (Some(coroutine), Some(unawaited), Some(python_await)) = (
        class("_unawait_Coroutine")?,
        class("_unawait_UnawaitedCoroutine")?,
        namespace.get_item("_unawait_await")?,
    ) else {
        return Ok(false);
    };
    let slots = unsafe {
        match (async_methods(&coroutine), async_methods(&unawaited)) {
            (Some(first), Some(second)) => [first, second],
            _ => return Ok(false),
        }
    };
    let Some(fast_await) = new_fast_await(namespace, python_await, &unawaited, &coroutine)? else {
        return Ok(false);
    };
    for (slots, class) in slots.into_iter().zip([&coroutine, &unawaited]) {
        unsafe {
            (*slots)[AM_SEND_INDEX] = coroutine_am_send as *mut c_void;
            ffi::PyType_Modified(class.as_type_ptr());
        }
    }
    namespace.set_item("_unawait_await", fast_await)?;
    Ok(true)
}

impl Shared {
    /// `None` where the interpreter has no `PyIter_Send`.
    unsafe fn new() -> Option<Shared> {
        #[cfg(unix)]
        let iter_send = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"PyIter_Send".as_ptr()) };
        #[cfg(not(unix))]
        let iter_send: *mut c_void = null_mut();
        if iter_send.is_null() {
            return None;
        }
        let intern = |name: &CStr| unsafe { ffi::PyUnicode_InternFromString(name.as_ptr()) };
        let names = Names {
            body: intern(c"_unawait_gen"),
            gi_suspended: intern(c"gi_suspended"),
            gi_frame: intern(c"gi_frame"),
            gi_running: intern(c"gi_running"),
            gi_yieldfrom: intern(c"gi_yieldfrom"),
            gi_code: intern(c"gi_code"),
            co_flags: intern(c"co_flags"),
            cr_await: intern(c"cr_await"),
            send: intern(c"send"),
            value: intern(c"value"),
            class: intern(c"__class__"),
        };
        let all = [
            names.body,
            names.gi_suspended,
            names.gi_frame,
            names.gi_running,
            names.gi_yieldfrom,
            names.gi_code,
            names.co_flags,
            names.cr_await,
            names.send,
            names.value,
            names.class,
        ];
        if all.iter().any(|name| name.is_null()) {
            unsafe { ffi::PyErr_Clear() };
            return None;
        }
        let shared = Shared {
            iter_send: unsafe { std::mem::transmute::<*mut c_void, IterSend>(iter_send) },
            names,
        };
        Some(shared)
    }
}

/// The `PyAsyncMethods` (`am_await`, `am_aiter`, `am_anext`, `am_send`) of
/// a class defined in Python, if its layout is the one expected: a heap
/// type whose `tp_as_async` (the 11th word of every CPython 3 type object:
/// the variable-size object header's three, then `tp_name`, `tp_basicsize`,
/// `tp_itemsize`, `tp_dealloc`, `tp_vectorcall_offset`, `tp_getattr` and
/// `tp_setattr`) points into the type object itself and holds the slots
/// `PyType_GetSlot` reports, with `am_send` empty or already this module's.
unsafe fn async_methods(class: &Bound<'_, PyType>) -> Option<*mut [*mut c_void; 4]> {
    let type_object = class.as_type_ptr();
    if unsafe { ffi::PyType_GetFlags(type_object) } & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
        return None;
    }
    let object_size: usize = class
        .get_type()
        .getattr("__basicsize__")
        .ok()?
        .extract()
        .ok()?;
    let methods = unsafe { *(type_object as *const *mut [*mut c_void; 4]).add(10) };
    let start = type_object as usize;
    let at = methods as usize;
    if methods.is_null() || at < start || at + size_of::<[*mut c_void; 4]>() > start + object_size {
        return None;
    }
    let reported = |slot| unsafe { ffi::PyType_GetSlot(type_object, slot) };
    let table = unsafe { *methods };
    let expected = [
        reported(ffi::Py_am_await),
        reported(ffi::Py_am_aiter),
        reported(ffi::Py_am_anext),
    ];
    // `__await__` is defined on the class: an empty `am_await` would make
    // the comparison prove nothing.
    if table[..3] != expected
        || table[0].is_null()
        || !(table[AM_SEND_INDEX].is_null()
            || table[AM_SEND_INDEX] == coroutine_am_send as *mut c_void)
    {
        return None;
    }
    Some(methods)
}

/// The coroutine classes' `am_send`: `send` (the runtime's
/// `_unawait_Coroutine.send`) without its frame where its tests pass.
unsafe extern "C" fn coroutine_am_send(
    coroutine: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
    result: *mut *mut ffi::PyObject,
) -> c_int {
    unsafe {
        *result = null_mut();
        // Set before any class gets this slot.
        let Some(Some(shared)) = SHARED.get() else {
            ffi::PyErr_SetString(
                ffi::PyExc_SystemError,
                c"unawait accelerator used before it was set up".as_ptr(),
            );
            return PYGEN_ERROR;
        };
        let names = &shared.names;
        // The slot itself, past the class's `__getattr__` hook, which only
        // runs when this lookup fails (and then `send` runs it).
        let body = ffi::PyObject_GenericGetAttr(coroutine, names.body);
        if !body.is_null() {
            // `send`'s tests, in its order: suspended (every step after the
            // first); else, sending None (an event loop's first step), not
            // finished and not running.
            let steppable = match attribute_is(body, names.gi_suspended, ffi::Py_True()) {
                Some(true) => true,
                Some(false) if arg == ffi::Py_None() => {
                    attribute_is(body, names.gi_frame, ffi::Py_None()) == Some(false)
                        && attribute_is(body, names.gi_running, ffi::Py_False()) == Some(true)
                }
                _ => false,
            };
            if steppable {
                let status = (shared.iter_send)(body, arg, result);
                ffi::Py_DECREF(body);
                return status;
            }
            ffi::Py_DECREF(body);
        }
        // Whatever failed above, `send` fails the same way, in Python.
        ffi::PyErr_Clear();
        send_through_method(names, coroutine, arg, result)
    }
}

/// Whether `object.name is expected`; `None` when the lookup fails (its
/// error left set).
unsafe fn attribute_is(
    object: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
    expected: *mut ffi::PyObject,
) -> Option<bool> {
    unsafe {
        let value = ffi::PyObject_GetAttr(object, name);
        if value.is_null() {
            return None;
        }
        let is = value == expected;
        ffi::Py_DECREF(value);
        Some(is)
    }
}

/// `PyIter_Send` of an object without `am_send`: its `send(arg)`, a
/// `StopIteration` read as the return value.
unsafe fn send_through_method(
    names: &Names,
    coroutine: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
    result: *mut *mut ffi::PyObject,
) -> c_int {
    unsafe {
        let value = ffi::PyObject_CallMethodObjArgs(
            coroutine,
            names.send,
            arg,
            null_mut::<ffi::PyObject>(),
        );
        if !value.is_null() {
            *result = value;
            return PYGEN_NEXT;
        }
        if ffi::PyErr_ExceptionMatches(ffi::PyExc_StopIteration) == 0 {
            return PYGEN_ERROR;
        }
        let (mut kind, mut error, mut traceback) = (null_mut(), null_mut(), null_mut());
        ffi::PyErr_Fetch(&mut kind, &mut error, &mut traceback);
        ffi::PyErr_NormalizeException(&mut kind, &mut error, &mut traceback);
        let returned = if error.is_null() {
            ffi::Py_IncRef(ffi::Py_None());
            ffi::Py_None()
        } else {
            ffi::PyObject_GetAttr(error, names.value)
        };
        for object in [kind, error, traceback] {
            ffi::Py_XDECREF(object);
        }
        if returned.is_null() {
            return PYGEN_ERROR;
        }
        *result = returned;
        PYGEN_RETURN
    }
}

/// What `fast_await`'s `self` holds: the Python helper it stands in for,
/// and the runtime's types it tells apart.
#[pyclass(frozen, module = "unawait._unawait")]
struct AwaitFallback {
    python_await: Py<PyAny>,
    /// `types.CoroutineType`.
    native: Py<PyAny>,
    /// `types.GeneratorType`.
    generator: Py<PyAny>,
    /// `_unawait_UnawaitedCoroutine` and `_unawait_Coroutine`.
    unawaited: Py<PyAny>,
    coroutine: Py<PyAny>,
    /// `_unawait_SELF_ITERATING`: the awaitables that iterate themselves.
    self_iterating: Vec<Py<PyAny>>,
    /// `CO_ITERABLE_COROUTINE`.
    iterable_coroutine: i64,
}

#[pymethods]
impl AwaitFallback {
    /// The runtime module's globals hold the builtin whose `self` this is,
    /// and the Python helper's globals are those globals: the collector
    /// must see the references to free that cycle with the module.
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        for object in [
            &self.python_await,
            &self.native,
            &self.generator,
            &self.unawaited,
            &self.coroutine,
        ]
        .into_iter()
        .chain(&self.self_iterating)
        {
            visit.call(object)?;
        }
        Ok(())
    }
}

/// A builtin `_unawait_await(obj)` (one argument, `METH_O`: the cheapest
/// call CPython makes) doing what the runtime's `_unawait_await` does for
/// the objects awaited most (a native coroutine, one of unawait's own that
/// no `await` has taken yet, a generator-based coroutine, an async
/// generator's awaitable) and calling it for every other object, and for
/// each of those whose await fails (it raises what CPython raises).
fn new_fast_await<'py>(
    namespace: &Bound<'py, PyDict>,
    python_await: Bound<'py, PyAny>,
    unawaited: &Bound<'py, PyType>,
    coroutine: &Bound<'py, PyType>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = namespace.py();
    let item = |name: &str| namespace.get_item(name);
    let (Some(native), Some(generator), Some(self_iterating), Some(flag)) = (
        item("_unawait_CoroutineType")?,
        item("_unawait_GeneratorType")?,
        item("_unawait_SELF_ITERATING")?,
        item("_unawait_CO_ITERABLE_COROUTINE")?,
    ) else {
        return Ok(None);
    };
    let fallback = Bound::new(
        py,
        AwaitFallback {
            python_await: python_await.unbind(),
            native: native.unbind(),
            generator: generator.unbind(),
            unawaited: unawaited.clone().into_any().unbind(),
            coroutine: coroutine.clone().into_any().unbind(),
            self_iterating: self_iterating
                .try_iter()?
                .map(|kind| kind.map(Bound::unbind))
                .collect::<PyResult<_>>()?,
            iterable_coroutine: flag.extract()?,
        },
    )?;
    static DEFINITION: OnceLock<usize> = OnceLock::new();
    let definition = *DEFINITION.get_or_init(|| {
        Box::into_raw(Box::new(ffi::PyMethodDef {
            ml_name: c"_unawait_await".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunction: fast_await,
            },
            ml_flags: ffi::METH_O,
            ml_doc: c"What awaiting `obj` does before suspending: the iterator `yield from` delegates to (the C version of unawait's helper).".as_ptr(),
        })) as usize
    });
    unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            // The function takes its own reference to `self`.
            ffi::PyCFunction_NewEx(
                definition as *mut ffi::PyMethodDef,
                fallback.as_ptr(),
                null_mut(),
            ),
        )
    }
    .map(Some)
}

unsafe extern "C" fn fast_await(
    fallback: *mut ffi::PyObject,
    awaited: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe {
        let py = Python::assume_gil_acquired();
        // `new_fast_await` made this function's `self` an `AwaitFallback`,
        // after `accelerate` made the names.
        let fallback = Borrowed::from_ptr(py, fallback);
        let fallback = fallback.downcast_unchecked::<AwaitFallback>().get();
        let Some(Some(shared)) = SHARED.get() else {
            return null_mut();
        };
        let names = &shared.names;
        // The most awaited kind first, without a reference made or dropped.
        if ffi::Py_TYPE(awaited).cast() == fallback.native.as_ptr() {
            let awaiting = ffi::PyObject_GetAttr(awaited, names.cr_await);
            if awaiting == ffi::Py_None() {
                ffi::Py_DECREF(awaiting);
                ffi::Py_IncRef(awaited);
                return awaited;
            }
            if awaiting.is_null() {
                ffi::PyErr_Clear();
            } else {
                ffi::Py_DECREF(awaiting);
            }
        } else if let Ok(Some(iterator)) =
            awaited_directly(fallback, names, &Borrowed::from_ptr(py, awaited))
        {
            return iterator.into_ptr();
        }
        // The Python helper reads the same attributes again (none has side
        // effects) and raises what CPython raises.
        ffi::PyObject_CallFunctionObjArgs(
            fallback.python_await.as_ptr(),
            awaited,
            null_mut::<ffi::PyObject>(),
        )
    }
}

/// The iterator `_unawait_await(awaited)` returns, when `awaited` (not a
/// native coroutine: `fast_await` tests those) is of a kind handled here
/// and its await succeeds; `None` otherwise. The tests, in the helper's
/// order, are the helper's own.
fn awaited_directly<'py>(
    fallback: &AwaitFallback,
    names: &Names,
    awaited: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let kind = awaited.get_type();
    let is = |candidate: &Py<PyAny>| kind.as_ptr() == candidate.as_ptr();
    if is(&fallback.unawaited) {
        let body = attribute(awaited, names.body)?;
        let ready = attribute(&body, names.gi_yieldfrom)?.is_none()
            && !attribute(&body, names.gi_frame)?.is_none()
            && !attribute(&body, names.gi_running)?.is_truthy()?;
        if !ready {
            return Ok(None);
        }
        // `_unawait_set_class`: object's own `__class__` setter.
        let status = unsafe {
            ffi::PyObject_GenericSetAttr(awaited.as_ptr(), names.class, fallback.coroutine.as_ptr())
        };
        if status != 0 {
            return Err(PyErr::fetch(awaited.py()));
        }
        return Ok(Some(body));
    }
    if is(&fallback.generator) {
        let flags: i64 =
            attribute(&attribute(awaited, names.gi_code)?, names.co_flags)?.extract()?;
        return Ok((flags & fallback.iterable_coroutine != 0).then(|| awaited.clone()));
    }
    if fallback.self_iterating.iter().any(is) {
        return Ok(Some(awaited.clone()));
    }
    Ok(None)
}

/// `object.name`, `name` one of [`Names`].
fn attribute<'py>(
    object: &Bound<'py, PyAny>,
    name: *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    unsafe {
        Bound::from_owned_ptr_or_err(object.py(), ffi::PyObject_GetAttr(object.as_ptr(), name))
    }
}
