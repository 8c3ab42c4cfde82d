# unawait runtime: what desugared async code calls into.
#
# Every name here starts with `_unawait_`; when a file already uses that
# prefix, unawait renames all of them consistently. Sections start with a
# `# -- section: NAME (needs: A, B)` line; inline output copies only the
# sections a file uses. Where CPython versions differ (error types, messages,
# lookup order), the flags in the table at the top of the coroutine section
# pick what the running interpreter does natively.
#
# Imported as a module (`unawait runtime --write DIR`), it carries the
# version of unawait that wrote it; desugared modules check it first.

__version__ = "0.1.0"


def _unawait_require(version):
    """Called first by a module desugared with `--runtime=import`: the helpers
    and the code calling them must come from the same unawait."""
    if version != __version__:
        raise ImportError(
            "unawait_runtime %s found (%s), but this module was desugared by unawait %s; "
            "write the matching runtime with `unawait runtime --write DIR`"
            % (__version__, __file__, version),
            name=__name__,
            path=__file__,
        )


# -- section: coroutine
# The ABCs' own module, which `collections.abc` re-exports: loaded at every
# start-up, where `collections.abc` also imports `collections` (1.4 ms on
# 3.13, paid by the first desugared module a process imports).
import _collections_abc as _unawait_abc
import operator as _unawait_operator
import sys as _unawait_sys
import types as _unawait_types
import warnings as _unawait_warnings

# The builtins the helpers use when they run, bound here once: inline, the
# helpers share the program's module globals, where `type = ...` or
# `BaseException = ValueError` would otherwise change what they do (CPython's
# own async machinery never looks these names up).
_unawait_AttributeError = AttributeError
_unawait_BaseException = BaseException
_unawait_DeprecationWarning = DeprecationWarning
_unawait_Exception = Exception
_unawait_GeneratorExit = GeneratorExit
_unawait_ImportError = ImportError
_unawait_RuntimeError = RuntimeError
_unawait_RuntimeWarning = RuntimeWarning
_unawait_StopAsyncIteration = StopAsyncIteration
_unawait_StopIteration = StopIteration
_unawait_TypeError = TypeError
_unawait_ValueError = ValueError
_unawait_bool = bool
_unawait_compile = compile
_unawait_delattr = delattr
_unawait_exec = exec
_unawait_frozenset = frozenset
_unawait_getattr = getattr
_unawait_hasattr = hasattr
_unawait_id = id
_unawait_int = int
_unawait_isinstance = isinstance
_unawait_len = len
_unawait_list = list
_unawait_object = object
_unawait_reversed = reversed
_unawait_set = set
_unawait_setattr = setattr
_unawait_str = str
_unawait_tuple = tuple
_unawait_type = type

_unawait_CO_GENERATOR = 0x20
# Read on every `await` (a global costs less than the module attribute).
_unawait_CoroutineType = _unawait_types.CoroutineType
_unawait_GeneratorType = _unawait_types.GeneratorType
_unawait_CodeType = _unawait_types.CodeType
_unawait_CO_ITERABLE_COROUTINE = 0x100

# -- What each CPython version changed, as the helpers reproduce it --------
# Every version-dependent branch below reads one of these names, computed
# once here; none compares versions itself. Supporting a new CPython means
# reading its "What's New", adding or moving lines here, and rerunning
# scripts/conformance.py. Each flag says which version changed what.
_unawait_VERSION = _unawait_sys.version_info[:2]

# 3.7: a never-awaited coroutine's warning names it in full, comes with
# `source=` and lists `cr_origin` (warnings._warn_unawaited_coroutine).
_unawait_WARNS_WITH_ORIGIN = _unawait_VERSION >= (3, 7)
# 3.7: `__aiter__` must return the async iterator itself (3.6 still
# awaited what it returned).
_unawait_AITER_AWAITABLE_PROTOCOL = _unawait_VERSION < (3, 7)
# 3.7: awaiting a finished `__anext__()`/`asend()` or `aclose()` awaitable
# raises RuntimeError.
_unawait_ASEND_REUSE_RAISES = _unawait_VERSION >= (3, 7)
_unawait_ACLOSE_REUSE_RAISES = _unawait_VERSION >= (3, 7)
# 3.7: a list display (no starred item) or a constant set display iterated
# by a comprehension's `async for` is folded into a tuple or frozenset
# (which shows in the TypeError); 3.14: no longer.
_unawait_FOLDS_DISPLAYS = (3, 7) <= _unawait_VERSION < (3, 14)

# 3.8: an async generator refuses a second awaitable while one runs, and
# `ag_running` says whether one is running.
_unawait_CHECKS_RUNNING = _unawait_VERSION >= (3, 8)
# 3.8: a finished `athrow()` awaitable raises when awaited again (before,
# it stepped the generator again).
_unawait_ATHROW_RESTEPS_WHEN_DONE = _unawait_VERSION < (3, 8)
# 3.8: `athrow()` on a closed generator raises StopAsyncIteration (before,
# its awaitable simply completed).
_unawait_ATHROW_ON_CLOSED_RAISES = _unawait_VERSION >= (3, 8)
# 3.8: a dict comprehension evaluates each key before its value.
_unawait_DICT_KEY_BEFORE_VALUE = _unawait_VERSION >= (3, 8)
# 3.8: exceptions no code can catch go to `sys.unraisablehook`.
_unawait_HAS_UNRAISABLEHOOK = _unawait_VERSION >= (3, 8)
# 3.8: refusing to pickle says "cannot pickle 'T' object" (was "can't
# pickle T objects").
_unawait_PICKLE_REFUSAL = "cannot pickle '%s' object" if _unawait_VERSION >= (3, 8) else "can't pickle %s objects"

# 3.9: `async with` looks up `__aenter__` before `__aexit__`; 3.14:
# `__aexit__` first again.
_unawait_AEXIT_LOOKED_UP_FIRST = not ((3, 9) <= _unawait_VERSION < (3, 14))

# 3.11: generators have `gi_suspended` (coroutines `cr_suspended`).
_unawait_HAS_SUSPENDED = _unawait_VERSION >= (3, 11)
# 3.11: a manager without `__aenter__`/`__aexit__` raises TypeError, not
# AttributeError.
_unawait_AWITH_MISSING_IS_TYPEERROR = _unawait_VERSION >= (3, 11)

# 3.12: list, set and dict comprehensions are inlined into their function
# (PEP 709): the first iterator dies with the loop, and no coroutine of
# their own shows in `cr_await`.
_unawait_INLINES_COMPREHENSIONS = _unawait_VERSION >= (3, 12)
# 3.12: `athrow(type, value, tb)` is deprecated.
_unawait_ATHROW_WARNS_THREE_ARGUMENTS = _unawait_VERSION >= (3, 12)
# 3.12: async generators have `ag_suspended`.
_unawait_HAS_AG_SUSPENDED = _unawait_VERSION >= (3, 12)
# 3.12: functions have `__type_params__` (PEP 695).
_unawait_HAS_TYPE_PARAMS = _unawait_VERSION >= (3, 12)

# 3.13: an async generator's awaitables act as coroutines: `close()` throws
# GeneratorExit into the generator, `throw()` starts an unstarted one, and
# one dropped unawaited warns.
_unawait_AWAITABLES_ACT_AS_COROUTINES = _unawait_VERSION >= (3, 13)

# 3.14: a function's annotations are evaluated when first asked, through
# `__annotate__` (PEP 649).
_unawait_DEFERS_ANNOTATIONS = _unawait_VERSION >= (3, 14)
# 3.14: awaiting a non-awaitable says "'T' object can't be awaited".
_unawait_SAYS_CANT_BE_AWAITED = _unawait_VERSION >= (3, 14)
# 3.14: a failing `__get__` of `__await__`/`__aiter__`/`__anext__`
# propagates (before, "object T does not have __await__ method").
_unawait_SLOT_ERRORS_PROPAGATE = _unawait_VERSION >= (3, 14)
# 3.14: a manager missing a method is told which (with its fully qualified
# type name) and pointed at `with` when it has `__enter__`/`__exit__`.
_unawait_AWITH_NAMES_MISSED_METHOD = _unawait_VERSION >= (3, 14)
# 3.14: exceptions in finalizers are reported as "Exception ignored while
# closing generator <repr>" (or "finalizing ...") with no object.
_unawait_UNRAISABLE_SAYS_WHILE = _unawait_VERSION >= (3, 14)
# 3.14: an async generator's awaitable finishing with the value None
# raises StopIteration(None), not StopIteration().
_unawait_STOP_ITERATION_KEEPS_NONE = _unawait_VERSION >= (3, 14)

# 3.15: `__await__` returning a non-iterator (or a coroutine) says
# "T.__await__() must return an iterator, not U".
_unawait_AWAIT_RESULT_ERROR_NAMES_METHOD = _unawait_VERSION >= (3, 15)
# 3.15: `athrow()` checks its argument count when called, not when its
# awaitable runs.
_unawait_ATHROW_CHECKS_ARGUMENT_COUNT = _unawait_VERSION >= (3, 15)
# 3.15: generators, coroutines and async generators have `gi_state`,
# `cr_state`, `ag_state` (what `inspect.get*state` now read).
_unawait_HAS_STATE = _unawait_VERSION >= (3, 15)
# 3.15: the default report of an exception no code can catch shows its
# chain (context and cause), as a traceback does.
_unawait_UNRAISABLE_SHOWS_CHAIN = _unawait_VERSION >= (3, 15)

if _unawait_HAS_SUSPENDED:
    def _unawait_not_started(gen):
        return not (gen.gi_suspended or gen.gi_running)
else:
    def _unawait_not_started(gen):
        return gen.gi_frame.f_lasti == -1


def _unawait_write_unraisable(error, obj, doing):
    """Reports an exception raised where nothing can catch it (a finalizer
    `doing` something to `obj`, e.g. "closing generator"), as CPython
    reports it for its own objects."""
    if _unawait_UNRAISABLE_SAYS_WHILE:
        err_msg = "Exception ignored while %s %r" % (doing, obj)
        obj = None
    else:
        err_msg = None
    hook = _unawait_getattr(_unawait_sys, "unraisablehook", None) if _unawait_HAS_UNRAISABLEHOOK else None
    if hook is not None and hook is not _unawait_getattr(_unawait_sys, "__unraisablehook__", None):
        # A program's own hook; the default one accepts only CPython's
        # argument type, so its output is reproduced below instead.
        hook(_unawait_types.SimpleNamespace(
            exc_type=_unawait_type(error), exc_value=error, exc_traceback=error.__traceback__,
            err_msg=err_msg, object=obj,
        ))
        return
    stream = _unawait_sys.stderr
    if stream is None:
        return
    if err_msg is None:
        stream.write("Exception ignored in: %r\n" % (obj,))
    else:
        stream.write("%s:\n" % (err_msg,))
    try:
        import traceback
    except _unawait_ImportError:
        # Interpreter shutdown: no more imports.
        traceback = None
    if traceback is None or error.__traceback__ is None:
        stream.write(_unawait_exception_only(error))
    else:
        stream.write("".join(traceback.format_exception(
            _unawait_type(error), error, error.__traceback__, chain=_unawait_UNRAISABLE_SHOWS_CHAIN)))
    stream.flush()


def _unawait_ignored_exit(kind, error):
    """The error CPython raises, in C, when a `kind` it closes while freeing it
    ignores GeneratorExit; 3.8+ report it with a traceback (of where the
    object died), earlier versions without."""
    traceback = error.__traceback__ if _unawait_HAS_UNRAISABLEHOOK else None
    return _unawait_RuntimeError("%s ignored GeneratorExit" % (kind,)).with_traceback(traceback)


def _unawait_exception_only(error):
    """The last line of a traceback, as `traceback.format_exception_only`
    writes it for an exception with no notes or syntax details."""
    name = _unawait_qualified_name(_unawait_type(error))
    try:
        text = _unawait_str(error)
    except _unawait_BaseException:
        text = "<exception str() failed>"
    return "%s: %s\n" % (name, text) if text else "%s\n" % (name,)


# unawait's own async generator type and awaitable types, and the code of
# the generator `async for` steps them with, once their section is loaded
# (the helpers above and below take fast paths for them).
_unawait_AsyncGeneratorType = None
_unawait_SELF_ITERATING = ()
_unawait_ANEXT_CODE = None

_unawait_origin_tracking_depth = getattr(_unawait_sys, "get_coroutine_origin_tracking_depth", lambda: 0)


class _unawait_CoroutineWrapper:
    """What `coroutine.__await__()` returns: an iterator over the coroutine."""

    __slots__ = ("_unawait_coroutine",)

    def __init__(self, coroutine):
        self._unawait_coroutine = coroutine

    def __iter__(self):
        return self

    def __reduce__(self):
        raise _unawait_TypeError(_unawait_PICKLE_REFUSAL % "coroutine_wrapper")

    def __next__(self):
        return self._unawait_coroutine.send(None)

    def send(self, value):
        return self._unawait_coroutine.send(value)

    def throw(self, *args):
        try:
            return self._unawait_coroutine.throw(*args)
        finally:
            args = None  # see _unawait_Coroutine.throw

    def close(self):
        return self._unawait_coroutine.close()


def _unawait_name_type(kind, name):
    """Names `kind` and its methods as CPython names its own type `name`
    (`type(x).__name__`, reprs, error messages; a bound method's
    `__qualname__`, which asyncio and anyio use to name tasks)."""
    kind.__name__ = kind.__qualname__ = name
    kind.__module__ = "builtins"
    for attribute, value in _unawait_list(kind.__dict__.items()):
        if _unawait_type(value) is _unawait_types.FunctionType and not attribute.startswith("_unawait_"):
            value.__qualname__ = "%s.%s" % (name, attribute)
            value.__module__ = None


_unawait_name_type(_unawait_CoroutineWrapper, "coroutine_wrapper")


class _unawait_Coroutine:
    """A coroutine object, as a desugared coroutine function returns it.

    It wraps the generator running the function body and behaves like
    CPython's native coroutine object: single use, a RuntimeWarning when
    dropped without ever running, `cr_*` attributes, and registered as a
    `collections.abc.Coroutine` so asyncio accepts it on every version
    (3.12+ no longer accepts generators).
    """

    # Set by the trampoline that creates the object (no `__init__`: a call
    # costs less): `_unawait_gen`, the body's generator, and
    # `_unawait_function`, the coroutine function, whose names this
    # coroutine reports. `__dict__` holds names a program assigns.
    #
    # A call creates an `_unawait_UnawaitedCoroutine`, the subclass whose
    # finalizer warns when it dies never started. Once an `await` takes the
    # generator over, the object becomes this class (no finalizer): it may
    # then die before the generator starts, without a warning, and most
    # coroutines never pay for a finalizer call.
    __slots__ = ("_unawait_gen", "_unawait_function", "__dict__", "__weakref__")

    def _unawait_track_origin(self):
        # sys.set_coroutine_origin_tracking_depth: where it was created.
        frame = _unawait_sys._getframe(2)
        origin = []
        while frame is not None and _unawait_len(origin) < _unawait_origin_tracking_depth():
            origin.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
            frame = frame.f_back
        self.__dict__["cr_origin"] = _unawait_tuple(origin)

    def send(self, value):
        gen = self._unawait_gen
        if _unawait_HAS_SUSPENDED and gen.gi_suspended:
            # Every step after the first (an event loop's): started, not
            # running, not finished, so no check below could fail.
            return gen.send(value)
        if gen.gi_frame is None:
            raise _unawait_RuntimeError("cannot reuse already awaited coroutine")
        if value is not None and _unawait_not_started(gen):
            raise _unawait_TypeError("can't send non-None value to a just-started coroutine")
        if gen.gi_running:
            raise _unawait_ValueError("coroutine already executing")
        return gen.send(value)

    def throw(self, *args):
        gen = self._unawait_gen
        if gen.gi_frame is None:
            raise _unawait_RuntimeError("cannot reuse already awaited coroutine")
        if gen.gi_running:
            raise _unawait_ValueError("coroutine already executing")
        try:
            return gen.throw(*args)
        finally:
            # The exception usually comes back out, its traceback holding
            # this frame: a frame still holding the exception would make a
            # cycle that keeps every local of the frames the exception
            # passed through (an abandoned async generator, say) alive until
            # the cycle collector runs, where CPython frees them when the
            # exception is dropped. So every runtime frame an exception
            # passes through lets go of it.
            args = None

    def close(self):
        try:
            return self._unawait_gen.close()
        except _unawait_RuntimeError as error:
            if error.args != ("generator ignored GeneratorExit",):
                raise
        # Raised outside the handler, with none of the body's frames:
        # CPython's error has no context (only whatever the caller was
        # handling), and nothing of it keeps the body's frame alive.
        raise _unawait_RuntimeError("coroutine ignored GeneratorExit")

    def __await__(self):
        # What native code awaiting this object gets, like CPython's
        # coroutine_wrapper: each step goes through the checked methods above.
        # Until a step starts it, the coroutine can still die never awaited.
        return _unawait_CoroutineWrapper(self)

    def __iter__(self):
        # `yield from coro` is allowed only in generator-based coroutines.
        flags = _unawait_sys._getframe(1).f_code.co_flags
        if flags & _unawait_CO_ITERABLE_COROUTINE:
            return _unawait_awaitable_generator(self)
        if flags & _unawait_CO_GENERATOR:
            raise _unawait_TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
        raise _unawait_TypeError("'coroutine' object is not iterable")

    def __reduce__(self):
        raise _unawait_TypeError(_unawait_PICKLE_REFUSAL % "coroutine")

    def __repr__(self):
        return "<coroutine object %s at %#x>" % (self.__qualname__, _unawait_id(self))

    def __getattr__(self, name):
        # Names not assigned to this coroutine are its function's.
        if name == "__name__" or name == "__qualname__":
            return _unawait_getattr(self._unawait_function, name)
        raise _unawait_AttributeError("'coroutine' object has no attribute '%s'" % (name,))

    # `isinstance()` consults `__class__`: a desugared coroutine passes
    # `isinstance(c, types.CoroutineType)` and `inspect.iscoroutine(c)` as a
    # native one does (`type(c)` is still this class).
    __class__ = property(lambda self: _unawait_types.CoroutineType)

    @property
    def cr_await(self):
        return _unawait_awaited(self._unawait_gen.gi_yieldfrom)

    cr_frame = property(_unawait_operator.attrgetter("_unawait_gen.gi_frame"))

    cr_running = property(_unawait_operator.attrgetter("_unawait_gen.gi_running"))

    @property
    def cr_code(self):
        return _unawait_native_code(self._unawait_gen.gi_code, _unawait_CO_COROUTINE)

    @property
    def cr_origin(self):
        return self.__dict__.get("cr_origin")

    if _unawait_HAS_SUSPENDED:
        @property
        def cr_suspended(self):
            return self._unawait_gen.gi_suspended

    if _unawait_HAS_STATE:
        @property
        def cr_state(self):
            # The interned constants (programs compare them with `is`, as
            # `getcoroutinestate(c) is CORO_CLOSED`).
            return _unawait_CORO_STATES[self._unawait_gen.gi_state]


# Shown as CPython shows its own coroutine type.
_unawait_name_type(_unawait_Coroutine, "coroutine")
_unawait_abc.Coroutine.register(_unawait_Coroutine)

# Moves an object to another class of the same layout, in C (`__class__`
# itself is a read-only property above).
_unawait_set_class = object.__dict__["__class__"].__set__


class _unawait_UnawaitedCoroutine(_unawait_Coroutine):
    """A coroutine no `await` has taken yet (one a program or an event loop
    drives by hand): dying never started, it warns "coroutine ... was never
    awaited"; dying suspended, it closes its body, as CPython's coroutine
    finalizer does."""

    __slots__ = ()

    def __del__(self):
        gen = _unawait_getattr(self, "_unawait_gen", None)  # None: the call's arguments were rejected
        if gen is None or gen.gi_frame is None:
            return
        if not _unawait_not_started(gen):
            # References: this slot, `gen` and getrefcount's argument. With
            # none other the body dies with the coroutine: close it here, so
            # what its closing raises is reported as the coroutine's.
            if _unawait_sys.getrefcount(gen) <= 3:
                self._unawait_close_abandoned(gen)
            return
        # The warning names the line where the coroutine died: the first
        # frame that is not one of the runtime's coroutine methods (closing
        # a coroutine drops what its body held).
        level = 2
        try:
            frame = _unawait_sys._getframe(1)
        except _unawait_ValueError:
            # Finalized with no Python frame running (interpreter shutdown).
            frame = None
        while frame is not None and frame.f_code in _unawait_COROUTINE_METHOD_CODES:
            level += 1
            frame = frame.f_back
        frame = None
        if _unawait_sys.meta_path is None:
            # Interpreter shutdown: CPython can no longer import `warnings`
            # to call its `_warn_unawaited_coroutine`, and warns from C.
            self._unawait_warn_through(None, level + 1)
            return
        patched = _unawait_getattr(_unawait_warnings, "_warn_unawaited_coroutine", None)
        if patched is not _unawait_warn_unawaited_coroutine:
            # CPython calls whatever `warnings._warn_unawaited_coroutine` is
            # now; unawait warns itself (at the right frame) only while it
            # is CPython's own.
            self._unawait_warn_through(patched, level + 1)
            return
        try:
            if _unawait_WARNS_WITH_ORIGIN:
                message = "coroutine '%s' was never awaited\n" % (self.__qualname__,)
                origin = self.__dict__.get("cr_origin")
                if origin is not None:
                    import linecache
                    import traceback

                    frames = [(f, n, name, linecache.getline(f, n)) for f, n, name in _unawait_reversed(origin)]
                    message += "Coroutine created at (most recent call last)\n"
                    message += "".join(traceback.format_list(frames))
                _unawait_warnings.warn(message.rstrip("\n"), _unawait_RuntimeWarning, stacklevel=level, source=self)
            else:
                message = "coroutine '%.50s' was never awaited" % (self.__qualname__,)
                _unawait_warnings.warn(message, _unawait_RuntimeWarning, stacklevel=level)
        except _unawait_BaseException as error:
            # A warning turned into an error cannot leave a finalizer. (3.6
            # warns from C: no Python frame in the error's traceback.)
            if not _unawait_WARNS_WITH_ORIGIN:
                error = error.with_traceback(None)
            _unawait_write_unraisable(error, self, "finalizing coroutine")

    def _unawait_close_abandoned(self, gen):
        try:
            gen.close()
        except _unawait_RuntimeError as error:
            if error.args == ("generator ignored GeneratorExit",):
                error = _unawait_ignored_exit("coroutine", error)
            _unawait_write_unraisable(error, self, "closing generator")
        except _unawait_BaseException as error:
            _unawait_write_unraisable(error, self, "closing generator")

    def _unawait_warn_through(self, warn_unawaited, level):
        # As CPython's finalizer: what the function raises is unraisable,
        # and unless it warned (or raised a RuntimeWarning) a plain warning
        # follows.
        warned = False
        try:
            if warn_unawaited is not None:
                warn_unawaited(self)
                warned = True
        except _unawait_BaseException as error:
            warned = _unawait_isinstance(error, _unawait_RuntimeWarning)
            _unawait_write_unraisable(error, self, "finalizing coroutine")
        if warned:
            return
        try:
            message = "coroutine '%s' was never awaited" % (self.__qualname__,)
            _unawait_warnings.warn(message, _unawait_RuntimeWarning, stacklevel=level, source=self)
        except _unawait_BaseException as error:
            # CPython raises this warning from C: no Python frame in its
            # traceback.
            _unawait_write_unraisable(error.with_traceback(None), self, "finalizing coroutine")


# What CPython's coroutine finalizer calls to warn (3.7+), as it was when
# the runtime loaded.
_unawait_warn_unawaited_coroutine = getattr(_unawait_warnings, "_warn_unawaited_coroutine", None)

_unawait_name_type(_unawait_UnawaitedCoroutine, "coroutine")
_unawait_COROUTINE_TYPES = (_unawait_UnawaitedCoroutine, _unawait_Coroutine)
_unawait_COROUTINE_METHOD_CODES = frozenset(
    method.__code__
    for kind in (_unawait_Coroutine, _unawait_CoroutineWrapper)
    for method in (kind.send, kind.throw, kind.close)
)


def _unawait_delegate(gen):
    return (yield from gen)


# A body generator's `gi_state` as a coroutine's `cr_state` and an async
# generator's `ag_state` (3.15), the same interned strings as CPython's.
_unawait_CORO_STATES = {
    "GEN_CREATED": "CORO_CREATED",
    "GEN_RUNNING": "CORO_RUNNING",
    "GEN_SUSPENDED": "CORO_SUSPENDED",
    "GEN_CLOSED": "CORO_CLOSED",
}
_unawait_AGEN_STATES = {
    "GEN_CREATED": "AGEN_CREATED",
    "GEN_RUNNING": "AGEN_RUNNING",
    "GEN_SUSPENDED": "AGEN_SUSPENDED",
    "GEN_CLOSED": "AGEN_CLOSED",
}

# The code of every desugared coroutine function's body: a generator
# running one of these is a coroutine's body, not the program's own. Those
# of list, set and dict comprehensions on 3.12+ (see _unawait_comprehension)
# are in the second set too.
_unawait_BODY_CODES = set()
_unawait_INLINED_BODY_CODES = set()


def _unawait_awaited(target):
    """What `cr_await`/`ag_await` show for `target`, the iterator a body
    delegates to. Where that is another coroutine's body, native code shows
    the coroutine object; an `await` keeps only the body, so the object is
    found among the body's referrers (slow, but only introspection asks:
    `inspect`, asyncio's call graphs) or, when the program dropped it, a
    stand-in wrapping the body is made, with its names. A comprehension's
    body on 3.12+, which has none natively (PEP 709 inlines it), is looked
    through to what it awaits."""
    if _unawait_type(target) is not _unawait_GeneratorType:
        return target
    if target.gi_code is _unawait_ANEXT_CODE:
        return _unawait_anext_awaitable(target)
    if target.gi_code not in _unawait_BODY_CODES:
        return target
    if target.gi_code in _unawait_INLINED_BODY_CODES:
        return _unawait_awaited(target.gi_yieldfrom)
    import gc

    for referrer in gc.get_referrers(target):
        if _unawait_type(referrer) in _unawait_COROUTINE_TYPES and referrer._unawait_gen is target:
            return referrer
    stand_in = _unawait_object_new(_unawait_Coroutine)
    stand_in._unawait_gen = target
    stand_in._unawait_function = target  # a generator has the function's names
    return stand_in



class _unawait_AsyncFunction:
    """A desugared coroutine or async generator function.
    `inspect.iscoroutinefunction` (what asyncio, unittest and web frameworks
    ask) wants a function whose code carries CO_COROUTINE, and
    `inspect.isasyncgenfunction` (what 3.15's contextlib asks) one whose
    code carries CO_ASYNC_GENERATOR; a function with such code would make
    CPython create a native object on every call (3.12's
    markcoroutinefunction leaves a marker that `functools.wraps` copies).
    This object passes for one (`isinstance(f, types.FunctionType)` through
    `__class__`; `__code__` is the body's code flagged as the native one
    is, never run), and forwards calls, attribute reads and writes to the
    trampoline that does the work."""

    # Made by _unawait_new_async_function. `_unawait_code` holds the flag
    # (CO_COROUTINE or CO_ASYNC_GENERATOR) until `__code__` is first asked
    # for, then the flagged code: most functions never are, and making it
    # at every definition was a tenth of what a desugared module costs to
    # import.
    __slots__ = ("_unawait_function", "_unawait_code", "_unawait_body", "__weakref__")

    # A C getter: a call costs no extra Python frame.
    __call__ = property(_unawait_operator.attrgetter("_unawait_function"))
    __class__ = property(lambda self: _unawait_types.FunctionType)

    @property
    def __code__(self):
        code = self._unawait_code
        if _unawait_type(code) is _unawait_int:
            code = _unawait_native_code(self._unawait_body.__code__, code)
            _unawait_set_code(self, code)
        return code
    __doc__ = property(lambda self: self._unawait_function.__doc__)
    __module__ = property(lambda self: self._unawait_function.__module__)
    # The body's module globals and closure, as the native function has them
    # (`typing.get_type_hints` resolves string annotations in `__globals__`);
    # the trampoline's are its own.
    __globals__ = property(_unawait_operator.attrgetter("_unawait_body.__globals__"))
    __closure__ = property(_unawait_operator.attrgetter("_unawait_body.__closure__"))

    def __get__(self, instance, owner=None):
        return self if instance is None else _unawait_types.MethodType(self, instance)

    def __getattr__(self, name):
        return _unawait_getattr(self._unawait_function, name)

    def __setattr__(self, name, value):
        _unawait_setattr(self._unawait_function, name, value)

    def __delattr__(self, name):
        _unawait_delattr(self._unawait_function, name)

    def __repr__(self):
        return "<function %s at %#x>" % (self._unawait_function.__qualname__, _unawait_id(self))

    # A function is copied as itself and pickled by reference (its module
    # and qualified name), like a native one; through `__getattr__` these
    # would recurse.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, protocol):
        return self._unawait_function.__qualname__


# A desugared coroutine function, which an `await` of a call to it by name
# may skip: `yield from (f._unawait_body(x) if _unawait_type(f) is
# _unawait_CoroutineFunction else _unawait_await(f(x)))` runs the body
# directly. Nothing can observe the coroutine object such a call would make
# and the `await` would take over at once (the stand-in of
# `_unawait_awaited` shows in `cr_await` either way), and the body has the
# function's parameters, so a bad call raises the same TypeError.
#
# Once a program assigns `__code__`, `__defaults__` or `__kwdefaults__`
# (which go to the trampoline, not the body), the function becomes a plain
# `_unawait_AsyncFunction`, which every `await` calls as written.
class _unawait_CoroutineFunction(_unawait_AsyncFunction):
    # A class body would define its own `__doc__` and `__module__`, hiding
    # the function's.
    __doc__ = _unawait_AsyncFunction.__dict__["__doc__"]
    __module__ = _unawait_AsyncFunction.__dict__["__module__"]
    __slots__ = ()

    def __setattr__(self, name, value):
        self._unawait_demote_for(name)
        _unawait_setattr(self._unawait_function, name, value)

    def __delattr__(self, name):
        self._unawait_demote_for(name)
        _unawait_delattr(self._unawait_function, name)

    def _unawait_demote_for(self, name):
        if name == "__code__" or name == "__defaults__" or name == "__kwdefaults__":
            _unawait_set_class(self, _unawait_AsyncFunction)


# Error messages name the type: `object function can't be used in 'await' expression`.
_unawait_AsyncFunction.__name__ = _unawait_AsyncFunction.__qualname__ = "function"
_unawait_CoroutineFunction.__name__ = _unawait_CoroutineFunction.__qualname__ = "function"

# The slots written through their own descriptors: past the forwarding
# `__setattr__`, without a call by name.
_unawait_set_function = _unawait_AsyncFunction.__dict__["_unawait_function"].__set__
_unawait_set_code = _unawait_AsyncFunction.__dict__["_unawait_code"].__set__
_unawait_set_body = _unawait_AsyncFunction.__dict__["_unawait_body"].__set__


def _unawait_new_async_function(kind, trampoline, kind_flag, body):
    made = _unawait_object_new(kind)
    _unawait_set_function(made, trampoline)
    _unawait_set_code(made, kind_flag)
    _unawait_set_body(made, body)
    return made
_unawait_MethodType = _unawait_types.MethodType


def _unawait_bound_body(method):
    """For a method bound from one of unawait's coroutine functions (a
    desugared coroutine method: `__anext__`, `__aenter__`, `__aexit__`),
    the body bound the same way, whose call makes only the generator the
    coroutine would wrap; None for anything else. Only for a call whose
    coroutine is awaited at once, as `async for` and `async with` await
    theirs: then nothing can see the coroutine object (see
    _unawait_CoroutineFunction)."""
    if _unawait_type(method) is _unawait_MethodType and _unawait_type(method.__func__) is _unawait_CoroutineFunction:
        return _unawait_MethodType(method.__func__._unawait_body, method.__self__)
    return None

_unawait_CO_COROUTINE = 0x80
_unawait_CO_ASYNC_GENERATOR = 0x200

_unawait_flagged_codes = {}


def _unawait_native_code(code, kind_flag):
    """A body's code flagged as a native coroutine's (`kind_flag`
    CO_COROUTINE) or async generator's (CO_ASYNC_GENERATOR) code is, for
    `__code__`, `cr_code` and `ag_code`; never run."""
    # Keyed by value and file name: a nested function's body gets a new but
    # equal code object each time its `def` runs (types.coroutine replaces
    # it), which must not add an entry each time; equality ignores the file
    # name, which two modules' equal functions differ in.
    key = (code, code.co_filename, kind_flag)
    flagged = _unawait_flagged_codes.get(key)
    if flagged is not None:
        return flagged
    flags = (code.co_flags & ~(_unawait_CO_GENERATOR | _unawait_CO_ITERABLE_COROUTINE)) | kind_flag
    if _unawait_hasattr(code, "replace"):
        flagged = code.replace(co_flags=flags)
    else:
        flagged = _unawait_types.CodeType(
            code.co_argcount, code.co_kwonlyargcount, code.co_nlocals, code.co_stacksize, flags,
            code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_filename,
            code.co_name, code.co_firstlineno, code.co_lnotab, code.co_freevars, code.co_cellvars,
        )
    _unawait_flagged_codes[key] = flagged
    return flagged


def _unawait_coroutine(function):
    """Decorator making a coroutine function of a desugared one's body.

    `function` is a generator function (unawait keeps it one even when the
    body never awaits); `types.coroutine` flags its code as an iterable
    coroutine, which lets it `yield from` native coroutines. The result is a
    function with the same parameters, defaults and metadata whose call
    returns a `coroutine` object wrapping the generator.
    """
    body = _unawait_iterable_coroutine(function)
    _unawait_BODY_CODES.add(function.__code__)
    coroutine_function = _unawait_trampoline_factory(function, "coroutine")(body, _unawait_UnawaitedCoroutine)
    _unawait_copy_function_metadata(coroutine_function, function)
    return _unawait_new_async_function(_unawait_CoroutineFunction, coroutine_function, _unawait_CO_COROUTINE, function)


if _unawait_VERSION >= (3, 8):
    def _unawait_iterable_coroutine(function):
        """`types.coroutine(function)` for a generator function, inline.
        The import hook compiles a desugared module's bodies flagged
        already: then nothing is left to do."""
        code = function.__code__
        if not code.co_flags & _unawait_CO_ITERABLE_COROUTINE:
            function.__code__ = code.replace(co_flags=code.co_flags | _unawait_CO_ITERABLE_COROUTINE)
        return function
else:
    _unawait_iterable_coroutine = _unawait_types.coroutine


def _unawait_copy_function_metadata(trampoline, function):
    """Gives `trampoline` the defaults and metadata of `function`."""
    # Attribute by attribute (a function has each), not a loop asking for
    # each by name: this runs for every coroutine function a module
    # defines, as it is imported.
    trampoline.__defaults__ = function.__defaults__
    trampoline.__kwdefaults__ = function.__kwdefaults__
    trampoline.__module__ = function.__module__
    trampoline.__qualname__ = function.__qualname__
    trampoline.__doc__ = function.__doc__
    if _unawait_DEFERS_ANNOTATIONS and function.__annotate__ is not None:
        # Evaluated when first asked, as the native function's are: reading
        # `__annotations__` here would evaluate them at the definition.
        trampoline.__annotate__ = function.__annotate__
    else:
        trampoline.__annotations__ = function.__annotations__
    if _unawait_HAS_TYPE_PARAMS:
        trampoline.__type_params__ = function.__type_params__
    attributes = function.__dict__
    if attributes:
        trampoline.__dict__.update(attributes)
    return trampoline


_unawait_trampoline_factories = {}
# The factories by signature alone, their functions named as the helper
# `itself` (see _unawait_named_factory).
_unawait_signature_factories = {}


def _unawait_trampoline_factory(function, wrap_kind):
    """A factory `(body, wrap) -> f` where `f` has `function`'s name and
    parameters and returns `wrap()._unawait_adopt(f, body(<its arguments>))`.

    Having the exact parameters keeps `__code__`, `inspect.signature` and
    the TypeErrors of a bad call as they are for a native coroutine
    function. Compiled once per signature, renamed once per name.
    """
    code = function.__code__
    coroutine = wrap_kind == "coroutine"
    posonly = _unawait_getattr(code, "co_posonlyargcount", 0)
    star = code.co_flags & 0x04
    starstar = code.co_flags & 0x08
    count = code.co_argcount + code.co_kwonlyargcount
    names = code.co_varnames[: count + _unawait_bool(star) + _unawait_bool(starstar)]
    signature = (wrap_kind, code.co_argcount, posonly, code.co_kwonlyargcount, star, starstar, names)
    key = (function.__name__, signature)
    factory = _unawait_trampoline_factories.get(key)
    if factory is not None:
        return factory
    factory = _unawait_signature_factories.get(signature)
    if factory is None:
        positional = _unawait_list(names[: code.co_argcount])
        keyword_only = _unawait_list(names[code.co_argcount : count])
        star_name = names[count] if star else None
        starstar_name = names[count + _unawait_bool(star)] if starstar else None
        parameters = _unawait_list(positional)
        if posonly:
            parameters.insert(posonly, "/")
        if star_name:
            parameters.append("*" + star_name)
        elif keyword_only:
            parameters.append("*")
        parameters += keyword_only
        arguments = _unawait_list(positional)
        if star_name:
            arguments.append("*" + star_name)
        arguments += ["%s=%s" % (name, name) for name in keyword_only]
        if starstar_name:
            parameters.append("**" + starstar_name)
            arguments.append("**" + starstar_name)
        # Every global name the trampoline uses, renamed away from its
        # parameters. The function is defined as `itself` and refers to
        # itself by that name (its own name may be one of its parameters:
        # a coroutine `timeout(source, timeout)`); it gets its own name
        # afterwards, a name per signature being compiled only once.
        helpers = ["body", "wrap", "made", "new", "tracking_depth", "itself"]
        taken = _unawait_set(names)
        while taken.intersection(helpers):
            helpers = [helper + "_" for helper in helpers]
        body, wrap, made, new, tracking_depth, itself = helpers
        if coroutine:
            # The object is made before the generator (see _unawait_adopt)
            # and filled in here, without calling any Python-level method.
            call = (
                "  {made} = {new}({wrap})\n"
                "  {made}._unawait_gen = {body}({arguments})\n"
                "  {made}._unawait_function = {itself}\n"
                "  if {tracking_depth}():\n"
                "   {made}._unawait_track_origin()\n"
                "  return {made}\n"
            )
        else:
            call = "  return {wrap}()._unawait_adopt({itself}, {body}({arguments}))\n"
        source = ("def factory({body}, {wrap}):\n def {itself}({parameters}):\n" + call + " return {itself}\n").format(
            body=body, wrap=wrap, made=made, new=new, tracking_depth=tracking_depth, itself=itself,
            parameters=", ".join(parameters), arguments=", ".join(arguments),
        )
        namespace = {new: _unawait_object.__new__, tracking_depth: _unawait_origin_tracking_depth}
        _unawait_exec(_unawait_compile(source, "<unawait coroutine function>", "exec"), namespace)
        factory = _unawait_signature_factories[signature] = namespace["factory"]
    factory = _unawait_trampoline_factories[key] = _unawait_named_factory(factory, function.__name__)
    return factory


def _unawait_named_factory(factory, name):
    """`factory` (of _unawait_trampoline_factory) making functions named
    `name`: its code with the function's code and qualified name renamed
    (compiling the factory anew for each name costs some 60 microseconds,
    paid by every coroutine function of its own name as a program starts)."""
    code = factory.__code__
    unnamed = "factory.<locals>." + factory(None, None).__name__
    consts = []
    for const in code.co_consts:
        if _unawait_type(const) is _unawait_CodeType:
            if _unawait_hasattr(const, "co_qualname"):  # 3.11+
                const = const.replace(co_name=name, co_qualname="factory.<locals>." + name)
            else:
                const = _unawait_renamed_code(const, name)
        elif const == unnamed:  # the qualified name MAKE_FUNCTION gives it before 3.11
            const = "factory.<locals>." + name
        consts.append(const)
    code = _unawait_renamed_code(code, code.co_name, _unawait_tuple(consts))
    return _unawait_types.FunctionType(code, factory.__globals__, "factory")


def _unawait_renamed_code(code, name, consts=None):
    """`code` named `name` (with `consts` in place of its constants)."""
    consts = code.co_consts if consts is None else consts
    if _unawait_hasattr(code, "replace"):  # 3.8+
        return code.replace(co_name=name, co_consts=consts)
    return _unawait_CodeType(
        code.co_argcount, code.co_kwonlyargcount, code.co_nlocals, code.co_stacksize, code.co_flags,
        code.co_code, consts, code.co_names, code.co_varnames, code.co_filename,
        name, code.co_firstlineno, code.co_lnotab, code.co_freevars, code.co_cellvars,
    )




_unawait_MISSING = object()


def _unawait_lookup_special(obj, name):
    """`type(obj).<name>` bound to `obj`, looked up as CPython looks up
    special methods: on the type's MRO only, never on the instance.
    Returns `_unawait_MISSING` when no class defines it."""
    kind = _unawait_type(obj)
    for klass in kind.__mro__:
        if name in klass.__dict__:
            attribute = klass.__dict__[name]
            bind = _unawait_getattr(_unawait_type(attribute), "__get__", None)
            return attribute if bind is None else bind(attribute, obj, kind)
    return _unawait_MISSING


if _unawait_SLOT_ERRORS_PROPAGATE:
    _unawait_lookup_slot = _unawait_lookup_special
else:
    def _unawait_lookup_slot(obj, name):
        """Like `_unawait_lookup_special`, for the methods CPython reaches
        through a type slot (`__await__`, `__aiter__`, `__anext__`): there a
        failing descriptor `__get__` becomes "object X does not have NAME
        method", raised with no context."""
        try:
            return _unawait_lookup_special(obj, name)
        except _unawait_Exception:
            pass
        raise _unawait_AttributeError("object %.50s does not have %s method" % (_unawait_tp_name(obj), name))


def _unawait_type_has(kind, name):
    for klass in kind.__mro__:
        if name in klass.__dict__:
            return True
    return False


def _unawait_type_defines(kind, name):
    """Whether the MRO of `kind` defines `name` as something other than None
    (no descriptor is called)."""
    for klass in kind.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name] is not None
    return False


_unawait_object_format = object.__format__
_unawait_object_new = object.__new__
_unawait_FORMAT_ERROR_AROUND_NAME = ("unsupported format string passed to ", ".__format__")


def _unawait_tp_name(obj):
    """The name CPython's own error messages give `type(obj)`, its C-level
    `tp_name`: a class statement's bare name, but `module.name` for many
    types defined in C (`itertools.count`), which Python does not expose.
    `object.__format__` names the type that way in its error and calls
    nothing on `obj`, so the name is read from there (error paths only)."""
    try:
        _unawait_object_format(obj, "x")
    except _unawait_TypeError as error:
        before, after = _unawait_FORMAT_ERROR_AROUND_NAME
        return _unawait_str(error)[_unawait_len(before) : -_unawait_len(after)]
    return _unawait_type(obj).__name__


def _unawait_qualified_name(kind):
    """A type's fully qualified name, as CPython 3.13+'s `%T` prints it:
    `module.QualName`, without the module when it is `builtins` or
    `__main__`."""
    module = kind.__module__
    if module.__class__ is not _unawait_str or module in ("builtins", "__main__"):
        return kind.__qualname__
    return "%s.%s" % (module, kind.__qualname__)


class _unawait_Ready:
    """An awaitable whose iterator was already obtained (and checked), so
    that awaiting it does not call `__await__` a second time."""

    __slots__ = ("iterator",)

    def __init__(self, iterator):
        self.iterator = iterator

    def __iter__(self):
        # `yield from _unawait_anext(...)` delegates to the iterator (never
        # a coroutine: `_unawait_anext` returns those unwrapped).
        return self.iterator

    def __await__(self):
        # Reached only from native `await` (a partially desugared file).
        iterator = self.iterator
        if _unawait_type(iterator) is _unawait_types.CoroutineType:
            return iterator.__await__()
        if _unawait_type(iterator) is _unawait_types.GeneratorType:
            return _unawait_delegate(iterator)
        return iterator


def _unawait_awaitable_generator(coroutine):
    gen = coroutine._unawait_gen
    if gen.gi_frame is None:
        raise _unawait_RuntimeError("cannot reuse already awaited coroutine")
    if gen.gi_yieldfrom is not None:
        raise _unawait_RuntimeError("coroutine is being awaited already")
    if gen.gi_running:
        raise _unawait_ValueError("coroutine already executing")
    _unawait_set_class(coroutine, _unawait_Coroutine)
    return gen


def _unawait_await(obj):
    """What awaiting `obj` does before suspending: returns the iterator that
    `yield from` delegates to, or raises the TypeError CPython raises. The
    kinds of object awaited most often are tested first."""
    kind = _unawait_type(obj)
    if kind is _unawait_CoroutineType:
        # Native coroutines (those of the standard library, of asyncio): the
        # most awaited, since an `await` of a call of one of unawait's own
        # coroutine functions by name does not come here.
        if obj.cr_await is not None:
            raise _unawait_RuntimeError("coroutine is being awaited already")
        return obj
    if kind is _unawait_UnawaitedCoroutine:
        gen = obj._unawait_gen
        if gen.gi_yieldfrom is None and gen.gi_frame is not None and not gen.gi_running:
            _unawait_set_class(obj, _unawait_Coroutine)
            return gen
        return _unawait_awaitable_generator(obj)  # raises what CPython raises
    if kind is _unawait_GeneratorType and obj.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE:
        # Generator-based coroutines (`types.coroutine`).
        return obj
    if kind is _unawait_Coroutine:
        return _unawait_awaitable_generator(obj)
    if kind in _unawait_SELF_ITERATING:
        # The awaitables of unawait's async generators iterate themselves.
        return obj
    getter = _unawait_lookup_slot(obj, "__await__")
    if getter is _unawait_MISSING:
        raise _unawait_not_awaitable(obj)
    iterator = getter()
    iterator_kind = _unawait_type(iterator)
    if (
        iterator_kind is _unawait_CoroutineType
        or iterator_kind in _unawait_COROUTINE_TYPES
        or (
            iterator_kind is _unawait_GeneratorType
            and iterator.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE
        )
    ):
        if _unawait_AWAIT_RESULT_ERROR_NAMES_METHOD:
            raise _unawait_bad_await_result(kind, iterator_kind)
        raise _unawait_TypeError("__await__() returned a coroutine")
    if not _unawait_type_has(iterator_kind, "__next__"):
        if _unawait_AWAIT_RESULT_ERROR_NAMES_METHOD:
            raise _unawait_bad_await_result(kind, iterator_kind)
        raise _unawait_TypeError("__await__() returned non-iterator of type '%s'" % _unawait_tp_name(iterator))
    return iterator


# Read once: with the unawait package installed, the imported runtime's
# `_unawait_await` becomes the extension's C version, which falls back on
# this function for every error it raises (see the module's tail).
_unawait_AWAIT_CODE = _unawait_await.__code__


def _unawait_not_awaitable(obj):
    if _unawait_SAYS_CANT_BE_AWAITED:
        return _unawait_TypeError("'%s' object can't be awaited" % _unawait_tp_name(obj))
    return _unawait_TypeError("object %s can't be used in 'await' expression" % _unawait_tp_name(obj))


def _unawait_bad_await_result(kind, result_kind):
    return _unawait_TypeError(
        "%s.__await__() must return an iterator, not %s"
        % (_unawait_qualified_name(kind), _unawait_qualified_name(result_kind))
    )


# -- section: async_with (needs: coroutine)
_unawait_exc_info = _unawait_sys.exc_info


def _unawait_is_awaitable(obj):
    kind = _unawait_type(obj)
    if kind in _unawait_COROUTINE_TYPES or kind is _unawait_types.CoroutineType:
        return True
    if kind is _unawait_types.GeneratorType:
        return _unawait_bool(obj.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE)
    return _unawait_type_has(kind, "__await__")


def _unawait_missing_manager_method(manager, name):
    """The error `async with` raises when `type(manager)` lacks `name`."""
    if not _unawait_AWITH_MISSING_IS_TYPEERROR:
        return _unawait_AttributeError(name)
    kind = _unawait_type(manager)
    message = "'%s' object does not support the asynchronous context manager protocol"
    if not _unawait_AWITH_NAMES_MISSED_METHOD:
        # Only a missing `__aexit__` (looked up second) was named.
        if name == "__aexit__":
            message += " (missed __aexit__ method)"
        return _unawait_TypeError(message % _unawait_tp_name(manager))
    message += " (missed %s method)" % name
    if _unawait_type_defines(kind, "__enter__") and _unawait_type_defines(kind, "__exit__"):
        message += " but it supports the context manager protocol. Did you mean to use 'with'?"
    return _unawait_TypeError(message % _unawait_qualified_name(kind))


def _unawait_async_with_methods(manager):
    if _unawait_AEXIT_LOOKED_UP_FIRST:
        aexit = _unawait_lookup_special(manager, "__aexit__")
        if aexit is _unawait_MISSING:
            raise _unawait_missing_manager_method(manager, "__aexit__")
    aenter = _unawait_lookup_special(manager, "__aenter__")
    if aenter is _unawait_MISSING:
        raise _unawait_missing_manager_method(manager, "__aenter__")
    if not _unawait_AEXIT_LOOKED_UP_FIRST:
        aexit = _unawait_lookup_special(manager, "__aexit__")
        if aexit is _unawait_MISSING:
            raise _unawait_missing_manager_method(manager, "__aexit__")
    return aenter, aexit


def _unawait_async_with(manager):
    """Looks up `type(manager).__aenter__` and `__aexit__` (in the order and
    with the errors of the running interpreter) and returns them bound, each
    checking that its call returns an awaitable."""
    aenter, aexit = _unawait_async_with_methods(manager)
    return _unawait_returning_awaitable(aenter, "__aenter__"), _unawait_returning_awaitable(aexit, "__aexit__")


def _unawait_returning_awaitable(method, name):
    body = _unawait_bound_body(method)
    if body is not None:
        # The body's generator is awaitable; the `await` takes it at once.
        return body

    def call(*args):
        awaitable = method(*args)
        if not _unawait_is_awaitable(awaitable):
            raise _unawait_TypeError(
                "'async with' received an object from %s that does not implement __await__: %s"
                % (name, _unawait_tp_name(awaitable))
            )
        return awaitable

    return call


# -- section: async_for (needs: coroutine)
def _unawait_aiter(iterable):
    """`type(iterable).__aiter__(iterable)`, with CPython's errors."""
    if _unawait_type(iterable) is _unawait_AsyncGeneratorType:
        return iterable
    aiter = _unawait_lookup_slot(iterable, "__aiter__")
    if aiter is _unawait_MISSING:
        raise _unawait_TypeError(
            "'async for' requires an object with __aiter__ method, got %s" % _unawait_tp_name(iterable)
        )
    iterator = aiter()
    if not _unawait_type_has(_unawait_type(iterator), "__anext__"):
        if _unawait_AITER_AWAITABLE_PROTOCOL:
            # 3.6 would still try the legacy protocol (awaiting what
            # `__aiter__` returned); unawait reports it as not awaitable.
            kind = _unawait_tp_name(iterator)
            raise _unawait_TypeError(
                "'async for' received an invalid object from __aiter__: %s" % kind
            ) from _unawait_TypeError("object %s can't be used in 'await' expression" % kind)
        raise _unawait_TypeError(
            "'async for' received an object from __aiter__ that does not implement __anext__: %s"
            % _unawait_tp_name(iterator)
        )
    return iterator


def _unawait_raised_here(error, code):
    """Whether `error` was raised by the function whose code is `code`
    itself (not by code it called)."""
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback is not None and traceback.tb_frame.f_code is code


def _unawait_anext(iterator):
    """`type(iterator).__anext__(iterator)`, looked up on every step as
    CPython does, made ready to await: the desugared `async for` delegates
    to the result with `yield from` (no `_unawait_await` around it), and a
    native `await` (a partially desugared file) awaits it. CPython reports
    any failure to await the awaitable as an invalid `__anext__` result."""
    if _unawait_type(iterator) is _unawait_AsyncGeneratorType:
        # unawait's own async generator (its `__anext__`, inlined): the
        # awaitable, which nothing but this `await` sees, is a generator
        # doing what its `send`, `throw` and `close` would, which `yield
        # from` drives without a Python call per step.
        if not iterator._unawait_hooks_inited:
            iterator._unawait_init_hooks()
        return _unawait_anext_generator(iterator)
    anext = _unawait_lookup_slot(iterator, "__anext__")
    if anext is _unawait_MISSING:
        raise _unawait_TypeError(
            "'async for' requires an iterator with __anext__ method, got %s" % _unawait_tp_name(iterator)
        )
    body = _unawait_bound_body(anext)
    if body is not None:
        return body()
    awaitable = anext()
    try:
        iterator = _unawait_await(awaitable)
        kind = _unawait_type(iterator)
        if kind is _unawait_CoroutineType or (
            kind is _unawait_GeneratorType and iterator.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE
        ):
            # Both `await` and `yield from` take these as they are.
            return iterator
        return _unawait_Ready(iterator)
    except _unawait_BaseException as error:
        if _unawait_raised_here(error, _unawait_AWAIT_CODE):
            # CPython's own error here never passed through a frame.
            error.__traceback__ = None
        raise _unawait_TypeError(
            "'async for' received an invalid object from __anext__: %s" % _unawait_tp_name(awaitable)
        ) from error


# -- section: async_generator (needs: coroutine)
# The runtime writes its own slots with this, past the checking
# `__setattr__` below (a Python call on every write).
_unawait_setslot = object.__setattr__


def _unawait_checked_setattr(self, name, value):
    # Like the native objects, accept only strings as names.
    if (name == "__name__" or name == "__qualname__") and not _unawait_isinstance(value, _unawait_str):
        raise _unawait_TypeError("%s must be set to a string object" % (name,))
    _unawait_setslot(self, name, value)


class _unawait_AsyncYield:
    """Marks a value an async generator's body yields to its consumer: the
    body yields the pair `(_unawait_AsyncYield, value)`.

    The body is one generator: what its awaits yield goes to the event loop,
    what it yields marked so goes to whoever awaits `__anext__()`/`asend()`.
    Nothing else can yield a pair starting with this class. A tuple costs
    no Python call to make, where an instance holding the value cost a
    third of an `async for` step over one of these generators on 3.11.
    """


def _unawait_yielded_item(result):
    """Whether `result`, what a body yielded, is a value for its consumer."""
    return _unawait_type(result) is _unawait_tuple and result and result[0] is _unawait_AsyncYield


class _unawait_AsyncGenerator:
    """The object a desugared async generator function returns; behaves as
    CPython's async generator object."""

    __slots__ = (
        "_unawait_gen",
        "_unawait_running",
        "_unawait_closed",
        "_unawait_hooks_inited",
        "_unawait_finalizer",
        "__dict__",
        "__weakref__",
    )

    def __init__(self):
        # An `__anext__()`/`asend()`/`athrow()` awaitable is in progress: a
        # one-item list, which every step flips in place (writing a slot
        # past the checking `__setattr__` costs a call, which took a fifth
        # of an `async for` step over one of these).
        _unawait_setslot(self, "_unawait_running", [False])
        # Ended by `aclose()`, StopAsyncIteration or GeneratorExit.
        _unawait_setslot(self, "_unawait_closed", False)
        _unawait_setslot(self, "_unawait_hooks_inited", False)
        _unawait_setslot(self, "_unawait_finalizer", None)

    def _unawait_adopt(self, function, gen):
        # Created before its generator, this object is finalized before it
        # when both die in a reference cycle (the collector finalizes in
        # allocation order), as the native object it stands for would be.
        _unawait_setslot(self, "_unawait_gen", gen)
        names = self.__dict__
        names["__name__"] = function.__name__
        names["__qualname__"] = function.__qualname__
        return self

    __setattr__ = _unawait_checked_setattr

    def _unawait_init_hooks(self):
        # As CPython, on the first call of __anext__/asend/athrow/aclose
        # (which check `_unawait_hooks_inited` first: a call less per step).
        _unawait_setslot(self, "_unawait_hooks_inited", True)
        firstiter, finalizer = _unawait_sys.get_asyncgen_hooks()
        _unawait_setslot(self, "_unawait_finalizer", finalizer)
        if firstiter is not None:
            firstiter(self)

    def __aiter__(self):
        return self

    def __anext__(self):
        if not self._unawait_hooks_inited:
            self._unawait_init_hooks()
        return _unawait_ASend(self, None)

    def asend(self, value):
        if not self._unawait_hooks_inited:
            self._unawait_init_hooks()
        return _unawait_ASend(self, value)

    def athrow(self, *args):
        if _unawait_len(args) > 1 and _unawait_ATHROW_WARNS_THREE_ARGUMENTS:
            _unawait_warnings.warn(
                "the (type, exc, tb) signature of athrow() is deprecated, use the single-arg signature instead.",
                _unawait_DeprecationWarning,
                stacklevel=2,
            )
        if _unawait_ATHROW_CHECKS_ARGUMENT_COUNT and not 1 <= _unawait_len(args) <= 3:
            if args:
                raise _unawait_TypeError("athrow expected at most 3 arguments, got %d" % _unawait_len(args))
            raise _unawait_TypeError("athrow expected at least 1 argument, got 0")
        if not self._unawait_hooks_inited:
            self._unawait_init_hooks()
        return _unawait_AThrow(self, args)

    def aclose(self):
        if not self._unawait_hooks_inited:
            self._unawait_init_hooks()
        return _unawait_AThrow(self, None)

    def __reduce__(self):
        raise _unawait_TypeError(_unawait_PICKLE_REFUSAL % "async_generator")

    # As for coroutines: `isinstance(a, types.AsyncGeneratorType)` and
    # `inspect.isasyncgen(a)` hold.
    __class__ = property(lambda self: _unawait_types.AsyncGeneratorType)

    def __repr__(self):
        return "<async_generator object %s at %#x>" % (self.__qualname__, _unawait_id(self))

    @property
    def ag_await(self):
        return _unawait_awaited(self._unawait_gen.gi_yieldfrom)

    ag_frame = property(_unawait_operator.attrgetter("_unawait_gen.gi_frame"))

    @property
    def ag_code(self):
        return _unawait_native_code(self._unawait_gen.gi_code, _unawait_CO_ASYNC_GENERATOR)

    if _unawait_CHECKS_RUNNING:
        @property
        def ag_running(self):
            return self._unawait_running[0]
    else:
        @property
        def ag_running(self):
            return self._unawait_gen.gi_running

    if _unawait_HAS_AG_SUSPENDED:
        @property
        def ag_suspended(self):
            return self._unawait_gen.gi_suspended

    if _unawait_HAS_STATE:
        @property
        def ag_state(self):
            # The body's frame decides, as for native ones: suspended at an
            # await inside the generator is AGEN_SUSPENDED.
            return _unawait_AGEN_STATES[self._unawait_gen.gi_state]

    def __del__(self):
        gen = _unawait_getattr(self, "_unawait_gen", None)  # None: the call's arguments were rejected
        if gen is None or gen.gi_frame is None:
            return
        if self._unawait_finalizer is not None and not self._unawait_closed:
            try:
                self._unawait_finalizer(self)
            except _unawait_BaseException as error:
                _unawait_write_unraisable(error, self, "finalizing generator")
            return
        try:
            gen.close()
        except _unawait_RuntimeError as error:
            if error.args == ("generator ignored GeneratorExit",):
                error = _unawait_ignored_exit("async generator", error)
            _unawait_write_unraisable(error, self, "closing generator")
        except _unawait_BaseException as error:
            _unawait_write_unraisable(error, self, "closing generator")


# The closed flag, written through its slot's own descriptor (no lookup by
# name, as `_unawait_setslot` makes).
_unawait_set_closed = _unawait_AsyncGenerator.__dict__["_unawait_closed"].__set__

_unawait_name_type(_unawait_AsyncGenerator, "async_generator")
_unawait_abc.AsyncGenerator.register(_unawait_AsyncGenerator)


def _unawait_async_generator(function):
    """Decorator making an async generator function of a desugared one's body
    (a generator function that yields each consumer value as the pair
    `(_unawait_AsyncYield, value)`)."""
    body = _unawait_iterable_coroutine(function)
    agen_function = _unawait_trampoline_factory(function, "async_generator")(body, _unawait_AsyncGenerator)
    _unawait_copy_function_metadata(agen_function, function)
    return _unawait_new_async_function(_unawait_AsyncFunction, agen_function, _unawait_CO_ASYNC_GENERATOR, function)


# States of the awaitables below.
_unawait_INIT, _unawait_ITER, _unawait_DONE = 0, 1, 2


def _unawait_body_raised(agen, error):
    """The flags once a step of `agen`'s body raised `error`; whether that
    closed it."""
    agen._unawait_running[0] = False
    if _unawait_isinstance(error, (_unawait_StopAsyncIteration, _unawait_GeneratorExit)):
        _unawait_set_closed(agen, True)
        return True
    return False


def _unawait_body_returned(agen):
    agen._unawait_running[0] = False
    _unawait_set_closed(agen, True)


def _unawait_step(awaitable, step, argument):
    """Runs one step of an async generator's body for one of its awaitables.

    Returns what goes to the event loop; raises StopIteration(value) when
    the body yielded `value` to the consumer, StopAsyncIteration when it
    returned, or whatever the body raised (as is: chaining untouched).

    A frame of this function can outlive the step: an exception the body
    catches and keeps (`except E as e:` around a `yield`) has a traceback
    whose frames link back through it. So once the awaitable is done, no
    local here refers to the generator object any more, nor does the
    awaitable (see `_unawait_KEEPS_AGEN`): otherwise the generator would
    live until the cycle collector ran, where CPython finalizes it as soon
    as the program drops it.
    """
    agen = awaitable._unawait_agen
    try:
        result = step(argument)
    except _unawait_StopIteration:
        returned = True
    except _unawait_BaseException as error:
        argument = None  # see _unawait_Coroutine.throw
        awaitable._unawait_state = _unawait_DONE
        _unawait_body_raised(agen, error)
        if not awaitable._unawait_KEEPS_AGEN:
            awaitable._unawait_agen = None
        awaitable = agen = None
        raise
    else:
        returned = False
    if returned:
        awaitable._unawait_state = _unawait_DONE
        _unawait_body_returned(agen)
        if not awaitable._unawait_KEEPS_AGEN:
            awaitable._unawait_agen = None
        awaitable = agen = None
        raise _unawait_StopAsyncIteration
    if _unawait_yielded_item(result):
        awaitable._unawait_state = _unawait_DONE
        agen._unawait_running[0] = False
        if not awaitable._unawait_KEEPS_AGEN:
            awaitable._unawait_agen = None
        awaitable = agen = None
        value = result[1]
        if value is None and not _unawait_STOP_ITERATION_KEEPS_NONE:
            raise _unawait_StopIteration
        raise _unawait_StopIteration(value)
    return result


class _unawait_AsyncGeneratorAwaitable:
    """What the awaitables of an async generator share: each is its own
    iterator (`anext()` of 3.10+ calls `__await__` at every step), so it is a
    `collections.abc.Coroutine` asyncio can run as a task."""

    __slots__ = ("_unawait_agen", "_unawait_state")

    def __init__(self, agen):
        self._unawait_agen = agen
        self._unawait_state = _unawait_INIT

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    if _unawait_AWAITABLES_ACT_AS_COROUTINES:
        def close(self):
            return _unawait_close_awaitable(self)
    else:
        def close(self):
            self._unawait_state = _unawait_DONE

    def _unawait_already_running(self, method):
        """Ends this awaitable; returns the error to raise."""
        self._unawait_state = _unawait_DONE
        return _unawait_RuntimeError("%s(): asynchronous generator is already running" % (method,))


def _unawait_asend_reused():
    """What awaiting a finished `__anext__()`/`asend()` awaitable raises."""
    if not _unawait_ASEND_REUSE_RAISES:
        return _unawait_StopIteration()
    return _unawait_RuntimeError("cannot reuse already awaited __anext__()/asend()")


class _unawait_ASend(_unawait_AsyncGeneratorAwaitable):
    """The awaitable `__anext__()` and `asend(value)` return."""

    __slots__ = ("_unawait_value",)

    # Done, it only raises its reuse error (see _unawait_step).
    _unawait_KEEPS_AGEN = False

    def __init__(self, agen, value):
        # The base class's fields set here, not through its `__init__`: one
        # is made for every item an async generator produces.
        self._unawait_agen = agen
        self._unawait_state = _unawait_INIT
        self._unawait_value = value

    def send(self, value):
        agen = self._unawait_agen
        if self._unawait_state == _unawait_DONE:
            raise _unawait_asend_reused()
        if self._unawait_state == _unawait_INIT:
            if agen._unawait_running[0] and _unawait_CHECKS_RUNNING:
                raise self._unawait_already_running("anext")
            if value is None:
                value = self._unawait_value
            self._unawait_state = _unawait_ITER
        gen = agen._unawait_gen
        if value is not None and gen.gi_frame is not None and _unawait_not_started(gen):
            raise _unawait_TypeError("can't send non-None value to a just-started async generator")
        agen._unawait_running[0] = True
        return _unawait_step(self, gen.send, value)

    def throw(self, *args):
        if self._unawait_state == _unawait_DONE:
            raise _unawait_asend_reused()
        if self._unawait_state == _unawait_INIT and _unawait_AWAITABLES_ACT_AS_COROUTINES:
            if self._unawait_agen._unawait_running[0]:
                raise self._unawait_already_running("anext")
            self._unawait_state = _unawait_ITER
            self._unawait_agen._unawait_running[0] = True
        try:
            return _unawait_step(self, _unawait_thrower(self._unawait_agen._unawait_gen), args)
        finally:
            args = None  # see _unawait_Coroutine.throw

    if _unawait_AWAITABLES_ACT_AS_COROUTINES:
        def __del__(self):
            _unawait_warn_unused(self, "asend")


@_unawait_types.coroutine
def _unawait_anext_generator(agen):
    """Awaiting `agen.__anext__()`, as `async for` does: each step is one
    step of `_unawait_ASend` (with `_unawait_step`), with the same errors
    and flags. What the consumer's frame throws in is thrown into the body
    after this frame's handler ends (the body's errors chain nothing of
    it); closing this generator is closing the awaitable. Once an exception
    has passed through this frame, every exit drops the locals: a traceback
    through it must keep nothing alive (see _unawait_step)."""
    if agen._unawait_running[0] and _unawait_CHECKS_RUNNING:
        agen = None
        raise _unawait_RuntimeError("anext(): asynchronous generator is already running")
    gen = agen._unawait_gen
    agen._unawait_running[0] = True
    try:
        result = gen.send(None)
    except _unawait_StopIteration:
        returned = True
    except _unawait_BaseException as error:
        _unawait_body_raised(agen, error)
        agen = gen = None
        raise
    else:
        if _unawait_type(result) is _unawait_tuple and result and result[0] is _unawait_AsyncYield:
            # The common case, an item at once (tested inline: a call less):
            # nothing has passed through this frame, so no traceback keeps
            # its locals.
            agen._unawait_running[0] = False
            return result[1]
        returned = False
    if returned:
        _unawait_body_returned(agen)
        agen = gen = None
        raise _unawait_StopAsyncIteration
    # The body awaits: what it yields goes out, what comes back goes in.
    closing = False
    while True:
        sent = thrown = None
        try:
            sent = yield result
        except _unawait_GeneratorExit:
            # Closed (its consumer closed): as `_unawait_ASend.close`.
            if not _unawait_AWAITABLES_ACT_AS_COROUTINES:
                agen = gen = result = None
                return None
            closing = True
            thrown = _unawait_GeneratorExit
        except _unawait_BaseException as error:
            thrown = error
        result = None
        try:
            if thrown is None:
                result = gen.send(sent)
            else:
                result = gen.throw(thrown)
        except _unawait_StopIteration:
            returned = True
        except _unawait_BaseException as error:
            sent = thrown = None
            closed = _unawait_body_raised(agen, error)
            agen = gen = None
            if closing and closed:
                return None
            raise
        else:
            returned = False
        sent = thrown = None
        if returned:
            _unawait_body_returned(agen)
            agen = gen = None
            if closing:
                return None
            raise _unawait_StopAsyncIteration
        if _unawait_yielded_item(result):
            agen._unawait_running[0] = False
            agen = gen = None
            if closing:
                return None
            value = result[1]
            result = None
            return value
        if closing:
            agen = gen = result = None
            raise _unawait_RuntimeError("coroutine ignored GeneratorExit")


def _unawait_anext_awaitable(generator):
    """What `cr_await`/`ag_await` show for `_unawait_anext_generator`: the
    `async_generator_asend` object native code awaits there."""
    awaitable = _unawait_object_new(_unawait_ASend)
    awaitable._unawait_agen = generator.gi_frame.f_locals["agen"]
    awaitable._unawait_state = _unawait_ITER
    awaitable._unawait_value = None
    return awaitable


def _unawait_thrower(gen):
    def throw(args):
        try:
            return gen.throw(*args)
        finally:
            args = None  # see _unawait_Coroutine.throw

    return throw


class _unawait_AThrow(_unawait_AsyncGeneratorAwaitable):
    """The awaitable `athrow(...)` (`args`) and `aclose()` (`args` None) return."""

    __slots__ = ("_unawait_args",)

    # Done, before 3.8 it still steps the generator (see _unawait_step).
    _unawait_KEEPS_AGEN = _unawait_ATHROW_RESTEPS_WHEN_DONE

    def __init__(self, agen, args):
        _unawait_AsyncGeneratorAwaitable.__init__(self, agen)
        self._unawait_args = args

    def _unawait_method(self):
        return "aclose" if self._unawait_args is None else "athrow"

    def _unawait_run(self, step, argument):
        if self._unawait_args is not None:
            try:
                return _unawait_step(self, step, argument)
            finally:
                argument = None  # see _unawait_Coroutine.throw
        # aclose(): the body ending is success, yielding a value is not.
        try:
            result = _unawait_step(self, step, argument)
        except (_unawait_StopAsyncIteration, _unawait_GeneratorExit):
            finished = True
        except _unawait_StopIteration:
            finished = False
        else:
            return result
        if finished:
            raise _unawait_StopIteration
        raise _unawait_RuntimeError("async generator ignored GeneratorExit")

    def send(self, value):
        if self._unawait_state == _unawait_DONE:
            if self._unawait_args is None:
                reuse_raises = _unawait_ACLOSE_REUSE_RAISES
            else:
                reuse_raises = not _unawait_ATHROW_RESTEPS_WHEN_DONE
            if reuse_raises:
                raise _unawait_RuntimeError("cannot reuse already awaited aclose()/athrow()")
            # Older versions send into the generator again.
            gen = self._unawait_agen._unawait_gen
            if gen.gi_frame is None:
                raise _unawait_StopIteration
            return self._unawait_run(gen.send, value)
        agen = self._unawait_agen
        gen = agen._unawait_gen
        if gen.gi_frame is None:
            self._unawait_state = _unawait_DONE
            raise _unawait_StopIteration
        if self._unawait_state == _unawait_ITER:
            return self._unawait_run(gen.send, value)
        if agen._unawait_running[0] and _unawait_CHECKS_RUNNING:
            raise self._unawait_already_running(self._unawait_method())
        if agen._unawait_closed:
            self._unawait_state = _unawait_DONE
            if not _unawait_ATHROW_ON_CLOSED_RAISES:
                # Before 3.8 the awaitable simply completed.
                raise _unawait_StopIteration
            raise _unawait_StopAsyncIteration
        if value is not None:
            raise _unawait_RuntimeError("can't send non-None value to a just-started coroutine")
        self._unawait_state = _unawait_ITER
        agen._unawait_running[0] = True
        if self._unawait_args is None:
            _unawait_set_closed(agen, True)
            return self._unawait_run(_unawait_thrower(gen), (_unawait_GeneratorExit,))
        return self._unawait_run(_unawait_thrower(gen), self._unawait_args)

    def throw(self, *args):
        agen = self._unawait_agen
        if self._unawait_state == _unawait_DONE:
            if _unawait_ATHROW_RESTEPS_WHEN_DONE:
                # Older versions throw into the generator again.
                return _unawait_thrower(agen._unawait_gen)(args)
            raise _unawait_RuntimeError("cannot reuse already awaited aclose()/athrow()")
        if self._unawait_state == _unawait_INIT and _unawait_AWAITABLES_ACT_AS_COROUTINES:
            # 3.13 starts the awaitable; before, it stayed unstarted.
            if agen._unawait_running[0]:
                raise self._unawait_already_running(self._unawait_method())
            self._unawait_state = _unawait_ITER
            agen._unawait_running[0] = True
        try:
            return self._unawait_run(_unawait_thrower(agen._unawait_gen), args)
        finally:
            args = None  # see _unawait_Coroutine.throw

    if _unawait_AWAITABLES_ACT_AS_COROUTINES:
        def __del__(self):
            _unawait_warn_unused(self, self._unawait_method())


def _unawait_close_awaitable(awaitable):
    """3.13+: closing an awaitable of an async generator throws GeneratorExit
    into the generator, as closing a coroutine does."""
    if awaitable._unawait_state == _unawait_DONE:
        return None
    try:
        awaitable.throw(_unawait_GeneratorExit)
    except (_unawait_StopIteration, _unawait_StopAsyncIteration, _unawait_GeneratorExit):
        return None
    raise _unawait_RuntimeError("coroutine ignored GeneratorExit")


def _unawait_warn_unused(awaitable, method):
    """3.13+ warns when an awaitable of an async generator is dropped unused."""
    if awaitable._unawait_state == _unawait_INIT:
        _unawait_warnings.warn(
            "coroutine method '%s' of '%s' was never awaited" % (method, awaitable._unawait_agen.__qualname__),
            _unawait_RuntimeWarning,
            # Where the awaitable died: the frame its `__del__` ran in.
            stacklevel=3,
            source=awaitable,
        )


# Named as CPython names its own awaitable types (what `type(x).__name__`
# and error messages show).
_unawait_name_type(_unawait_ASend, "async_generator_asend")
_unawait_name_type(_unawait_AThrow, "async_generator_athrow")

_unawait_AsyncGeneratorType = _unawait_AsyncGenerator
_unawait_SELF_ITERATING = (_unawait_ASend, _unawait_AThrow)
_unawait_ANEXT_CODE = _unawait_anext_generator.__code__


# -- section: async_comprehension (needs: coroutine, async_for)


# What desugared dict comprehensions test to order a key and its value.
_unawait_KEY_FIRST = _unawait_DICT_KEY_BEFORE_VALUE
# What a comprehension's first synchronous `for` calls on its iterable (the
# program may rebind `iter`; CPython's GET_ITER never looks it up).
_unawait_get_iter = iter


def _unawait_folded(display):
    """A list or constant set display iterated by a comprehension's `async
    for`, as the running CPython's compiler leaves it (see
    `_unawait_FOLDS_DISPLAYS`): only the type's name in the TypeError for a
    missing `__aiter__` can tell."""
    if not _unawait_FOLDS_DISPLAYS:
        return display
    if _unawait_type(display) is _unawait_list:
        return _unawait_tuple(display)
    return _unawait_frozenset(display)



_unawait_COMPREHENSION_KINDS = ("listcomp", "setcomp", "dictcomp", "genexpr")


def _unawait_comprehension_qualname(qualname):
    """`f.<locals>.<listcomp>.<genexpr>` for the desugared
    `f.<locals>._unawait_listcomp_1.<locals>._unawait_genexpr_2`: a
    comprehension is named `<kind>`, and what it holds is not its local."""
    parts = []
    after_comprehension = False
    for part in qualname.split("."):
        if after_comprehension and part == "<locals>":
            after_comprehension = False
            continue
        kind, _, number = part[_unawait_len("_unawait_"):].rpartition("_")
        after_comprehension = (
            part.startswith("_unawait_") and kind in _unawait_COMPREHENSION_KINDS and number.isdigit()
        )
        parts.append("<%s>" % (kind,) if after_comprehension else part)
    return ".".join(parts)


# A comprehension body's code renamed, by the code, its file and the name
# (made once, though the enclosing function's every run makes the body anew).
_unawait_renamed_codes = {}


def _unawait_comprehension(kind):
    """Decorator for the coroutine (or, for "genexpr", async generator)
    function an async comprehension of `kind` ("listcomp", "setcomp",
    "dictcomp", "genexpr") becomes: named as CPython names its own,
    `<listcomp>` (`__qualname__`, tracebacks, `cr_code`), and on 3.12+,
    where list, set and dict comprehensions are inlined and have no
    coroutine of their own, left out of `cr_await` chains."""

    def decorate(made):
        body = made._unawait_body
        name = "<%s>" % (kind,)
        qualname = _unawait_comprehension_qualname(body.__qualname__)
        code = body.__code__
        if _unawait_hasattr(code, "replace"):  # 3.8+
            key = (code, code.co_filename, qualname)
            renamed = _unawait_renamed_codes.get(key)
            if renamed is None:
                changes = {"co_name": name}
                if _unawait_hasattr(code, "co_qualname"):
                    changes["co_qualname"] = qualname
                renamed = _unawait_renamed_codes[key] = code.replace(**changes)
            code = body.__code__ = renamed
            kind_flag = made._unawait_code
            if _unawait_type(kind_flag) is not _unawait_int:
                kind_flag = kind_flag.co_flags & (_unawait_CO_COROUTINE | _unawait_CO_ASYNC_GENERATOR)
            # Made from the renamed body when asked for.
            _unawait_set_code(made, kind_flag)
            if kind != "genexpr":
                _unawait_BODY_CODES.add(code)
        if kind != "genexpr" and _unawait_INLINES_COMPREHENSIONS:
            _unawait_INLINED_BODY_CODES.add(code)
        body.__name__ = made.__name__ = name
        body.__qualname__ = made.__qualname__ = qualname
        return made

    return decorate


class _unawait_iterated:
    """The iterator of a comprehension's first `for`, obtained in the
    enclosing scope as CPython does; iterating this gives it back, without
    calling `__iter__`/`__aiter__` on it again. Generator expressions use it
    as it is; list, set and dict comprehensions use `_unawait_inlined`."""

    __slots__ = ("_unawait_iterator",)

    def __init__(self, iterator):
        self._unawait_iterator = iterator

    def _unawait_give(self):
        return self._unawait_iterator

    __iter__ = __aiter__ = _unawait_give


class _unawait_inlined(_unawait_iterated):
    """The iterator of a list, set or dict comprehension's first `for`.

    CPython 3.12+ inlines these comprehensions (PEP 709): the iterator lives
    on the enclosing frame's stack and is released as soon as the loop ends
    or an exception leaves it, so an abandoned generator is finalized then.
    On 3.12+ this hands the iterator over to the loop and forgets it, leaving
    the loop's reference the only one; before 3.12 it keeps it, as the
    comprehension function's parameter `.0` does (in a traceback, too)."""

    __slots__ = ()

    if _unawait_INLINES_COMPREHENSIONS:

        def _unawait_give(self):
            iterator = self._unawait_iterator
            self._unawait_iterator = None
            return iterator

        __iter__ = __aiter__ = _unawait_give


# -- module only: inline output copies none of what follows.

# With the unawait package installed, its extension takes two hot paths
# over with C code that does exactly what the Python above does, and calls
# it for everything else: an event loop's step of a coroutine (the
# `am_send` slot, which a class written in Python cannot fill), and
# `_unawait_await` of the objects awaited most (src/python/accelerator.rs).
# UNAWAIT_PURE_RUNTIME=1 in the environment keeps the Python.
def _unawait_find_accelerator():
    """The `accelerate` function of an installed unawait package, or None.
    The package is looked for before anything is imported: a program's own
    module named `unawait` is not run for this."""
    if "unawait" not in _unawait_sys.modules:
        import importlib.machinery
        import importlib.util

        try:
            package = importlib.util.find_spec("unawait")
        except (_unawait_ImportError, _unawait_ValueError):
            return None
        if package is None or not package.submodule_search_locations:
            return None
        locations = _unawait_list(package.submodule_search_locations)
        if importlib.machinery.PathFinder.find_spec("_unawait", locations) is None:
            return None
    try:
        from unawait._unawait import accelerate
    except _unawait_ImportError:
        return None
    return accelerate


_unawait_accelerated = False
if not __import__("os").environ.get("UNAWAIT_PURE_RUNTIME"):
    _unawait_accelerate = _unawait_find_accelerator()
    if _unawait_accelerate is not None:
        _unawait_accelerated = _unawait_accelerate(globals(), 1)
