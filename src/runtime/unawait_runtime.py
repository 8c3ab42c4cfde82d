# unawait runtime: what desugared async code calls into.
#
# Every name here starts with `_unawait_`; when a file already uses that
# prefix, unawait renames all of them consistently. Sections start with a
# `# -- section: NAME (needs: A, B)` line; inline output copies only the
# sections a file uses. Where CPython versions differ (error types, messages,
# lookup order), the branch on `sys.version_info` picks what the running
# interpreter does natively.

# -- section: coroutine
import collections.abc as _unawait_abc
import functools as _unawait_functools
import sys as _unawait_sys
import types as _unawait_types
import warnings as _unawait_warnings

_unawait_exc_info = _unawait_sys.exc_info
_unawait_CO_GENERATOR = 0x20
_unawait_CO_ITERABLE_COROUTINE = 0x100


if _unawait_sys.version_info >= (3, 11):
    def _unawait_not_started(gen):
        return not (gen.gi_suspended or gen.gi_running)
else:
    def _unawait_not_started(gen):
        return gen.gi_frame.f_lasti == -1


class _unawait_Coroutine:
    """A coroutine object for a desugared `async def`.

    It wraps the generator running the function body and behaves like
    CPython's native coroutine object: single use, a RuntimeWarning when
    dropped without ever running, `cr_*` attributes, and registered as a
    `collections.abc.Coroutine` so asyncio accepts it on every version
    (3.12+ no longer accepts generators).
    """

    __slots__ = ("_unawait_gen", "_unawait_awaited", "__weakref__")

    def __init__(self, gen):
        self._unawait_gen = gen
        # Set once an `await` has taken the generator over: this object may
        # then die before the generator starts, without a warning.
        self._unawait_awaited = False

    def send(self, value):
        gen = self._unawait_gen
        if gen.gi_frame is None:
            raise RuntimeError("cannot reuse already awaited coroutine")
        if value is not None and _unawait_not_started(gen):
            raise TypeError("can't send non-None value to a just-started coroutine")
        if gen.gi_running:
            raise ValueError("coroutine already executing")
        return gen.send(value)

    def throw(self, *args):
        gen = self._unawait_gen
        if gen.gi_frame is None:
            raise RuntimeError("cannot reuse already awaited coroutine")
        if gen.gi_running:
            raise ValueError("coroutine already executing")
        return gen.throw(*args)

    def close(self):
        try:
            return self._unawait_gen.close()
        except RuntimeError as error:
            if error.args == ("generator ignored GeneratorExit",):
                raise RuntimeError("coroutine ignored GeneratorExit") from None
            raise

    def __await__(self):
        # A native `await` refuses an `__await__` that returns a coroutine,
        # and the body's generator is flagged as one; hand out a plain
        # generator that delegates to it.
        return _unawait_delegate(_unawait_awaitable_generator(self))

    def __iter__(self):
        # `yield from coro` is allowed only in generator-based coroutines.
        flags = _unawait_sys._getframe(1).f_code.co_flags
        if not flags & _unawait_CO_ITERABLE_COROUTINE:
            raise TypeError("'coroutine' object is not iterable")
        return _unawait_awaitable_generator(self)

    def __repr__(self):
        return "<coroutine object %s at %#x>" % (self.__qualname__, id(self))

    def __del__(self):
        gen = self._unawait_gen
        if self._unawait_awaited or gen.gi_frame is None or not _unawait_not_started(gen):
            return
        if _unawait_sys.version_info >= (3, 7):
            message = "coroutine '%s' was never awaited" % (gen.__qualname__,)
            _unawait_warnings.warn(message, RuntimeWarning, stacklevel=2, source=self)
        else:
            message = "coroutine '%.50s' was never awaited" % (gen.__qualname__,)
            _unawait_warnings.warn(message, RuntimeWarning, stacklevel=2)

    def __getattr__(self, name):
        # A class cannot define `__name__`/`__qualname__` properties for its
        # instances (those names configure the class itself), but lookups
        # that find nothing come here.
        if name == "__name__" or name == "__qualname__":
            return getattr(self._unawait_gen, name)
        raise AttributeError("'coroutine' object has no attribute '%s'" % (name,))

    @property
    def cr_await(self):
        return self._unawait_gen.gi_yieldfrom

    @property
    def cr_frame(self):
        return self._unawait_gen.gi_frame

    @property
    def cr_running(self):
        return self._unawait_gen.gi_running

    @property
    def cr_code(self):
        return self._unawait_gen.gi_code

    @property
    def cr_origin(self):
        return None

    if _unawait_sys.version_info >= (3, 11):
        @property
        def cr_suspended(self):
            return self._unawait_gen.gi_suspended


# Shown as CPython shows its own coroutine type.
_unawait_Coroutine.__name__ = _unawait_Coroutine.__qualname__ = "coroutine"
_unawait_Coroutine.__module__ = "builtins"
_unawait_abc.Coroutine.register(_unawait_Coroutine)


def _unawait_delegate(gen):
    return (yield from gen)


if _unawait_sys.version_info >= (3, 12):
    from inspect import markcoroutinefunction as _unawait_mark_coroutine_function
else:
    def _unawait_mark_coroutine_function(function):
        # Before 3.12 only asyncio has a marker; honour it when asyncio is
        # already loaded rather than importing it for every program.
        coroutines = _unawait_sys.modules.get("asyncio.coroutines")
        marker = getattr(coroutines, "_is_coroutine", None)
        if marker is not None:
            function._is_coroutine = marker
        return function


def _unawait_coroutine(function):
    """Decorator turning a desugared `async def` into a coroutine function.

    `function` is a generator function (unawait keeps it one even when the
    body never awaits); `types.coroutine` flags its code as an iterable
    coroutine, which lets it `yield from` native coroutines. Calling the
    result binds the arguments at once, as a native call does, and returns
    a `coroutine` object instead of the bare generator.
    """
    body = _unawait_types.coroutine(function)

    def coroutine_function(*args, **kwargs):
        return _unawait_Coroutine(body(*args, **kwargs))

    _unawait_functools.update_wrapper(coroutine_function, function)
    return _unawait_mark_coroutine_function(coroutine_function)


def _unawait_lookup_special(obj, name):
    """`type(obj).<name>` bound to `obj`, looked up as CPython looks up
    special methods: on the type's MRO only, never on the instance."""
    for klass in type(obj).__mro__:
        if name in klass.__dict__:
            attribute = klass.__dict__[name]
            bind = getattr(type(attribute), "__get__", None)
            return attribute if bind is None else bind(attribute, obj, type(obj))
    return None


def _unawait_type_has(kind, name):
    return any(name in klass.__dict__ for klass in kind.__mro__)


def _unawait_is_awaitable(obj):
    kind = type(obj)
    if kind is _unawait_Coroutine or kind is _unawait_types.CoroutineType:
        return True
    if kind is _unawait_types.GeneratorType:
        return bool(obj.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE)
    return _unawait_type_has(kind, "__await__")


def _unawait_awaitable_generator(coroutine):
    gen = coroutine._unawait_gen
    if gen.gi_frame is None:
        raise RuntimeError("cannot reuse already awaited coroutine")
    if gen.gi_yieldfrom is not None:
        raise RuntimeError("coroutine is being awaited already")
    if gen.gi_running:
        raise ValueError("coroutine already executing")
    coroutine._unawait_awaited = True
    return gen


def _unawait_await(obj):
    """What `await obj` does before suspending: returns the iterator that
    `yield from` delegates to, or raises the TypeError CPython raises."""
    kind = type(obj)
    if kind is _unawait_Coroutine:
        return _unawait_awaitable_generator(obj)
    if kind is _unawait_types.CoroutineType:
        if obj.cr_await is not None:
            raise RuntimeError("coroutine is being awaited already")
        return obj
    if kind is _unawait_types.GeneratorType and obj.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE:
        return obj
    getter = _unawait_lookup_special(obj, "__await__")
    if getter is None:
        raise TypeError("object %s can't be used in 'await' expression" % kind.__name__)
    iterator = getter()
    iterator_kind = type(iterator)
    if (
        iterator_kind is _unawait_types.CoroutineType
        or iterator_kind is _unawait_Coroutine
        or (
            iterator_kind is _unawait_types.GeneratorType
            and iterator.gi_code.co_flags & _unawait_CO_ITERABLE_COROUTINE
        )
    ):
        raise TypeError("__await__() returned a coroutine")
    if not _unawait_type_has(iterator_kind, "__next__"):
        raise TypeError("__await__() returned non-iterator of type '%s'" % iterator_kind.__name__)
    return iterator


# -- section: async_with (needs: coroutine)
if _unawait_sys.version_info >= (3, 11):
    def _unawait_async_with_methods(manager):
        aenter = _unawait_lookup_special(manager, "__aenter__")
        if aenter is None:
            raise TypeError(
                "'%s' object does not support the asynchronous context manager protocol"
                % type(manager).__name__
            )
        aexit = _unawait_lookup_special(manager, "__aexit__")
        if aexit is None:
            raise TypeError(
                "'%s' object does not support the asynchronous context manager protocol"
                " (missed __aexit__ method)" % type(manager).__name__
            )
        return aenter, aexit
elif _unawait_sys.version_info >= (3, 9):
    def _unawait_async_with_methods(manager):
        aenter = _unawait_lookup_special(manager, "__aenter__")
        if aenter is None:
            raise AttributeError("__aenter__")
        aexit = _unawait_lookup_special(manager, "__aexit__")
        if aexit is None:
            raise AttributeError("__aexit__")
        return aenter, aexit
else:
    def _unawait_async_with_methods(manager):
        aexit = _unawait_lookup_special(manager, "__aexit__")
        if aexit is None:
            raise AttributeError("__aexit__")
        aenter = _unawait_lookup_special(manager, "__aenter__")
        if aenter is None:
            raise AttributeError("__aenter__")
        return aenter, aexit


def _unawait_async_with(manager):
    """Looks up `type(manager).__aenter__` and `__aexit__` (in the order and
    with the errors of the running interpreter) and returns them bound, each
    checking that its call returns an awaitable."""
    aenter, aexit = _unawait_async_with_methods(manager)

    def checked_aenter():
        awaitable = aenter()
        if not _unawait_is_awaitable(awaitable):
            raise TypeError(
                "'async with' received an object from __aenter__ that does not implement __await__: %s"
                % type(awaitable).__name__
            )
        return awaitable

    def checked_aexit(exc_type, exc, traceback):
        awaitable = aexit(exc_type, exc, traceback)
        if not _unawait_is_awaitable(awaitable):
            raise TypeError(
                "'async with' received an object from __aexit__ that does not implement __await__: %s"
                % type(awaitable).__name__
            )
        return awaitable

    return checked_aenter, checked_aexit


# -- section: async_for (needs: coroutine)
def _unawait_aiter(iterable):
    """`type(iterable).__aiter__(iterable)`, with CPython's errors."""
    aiter = _unawait_lookup_special(iterable, "__aiter__")
    if aiter is None:
        raise TypeError(
            "'async for' requires an object with __aiter__ method, got %s" % type(iterable).__name__
        )
    iterator = aiter()
    if not _unawait_type_has(type(iterator), "__anext__"):
        if _unawait_sys.version_info < (3, 7):
            # 3.6 would still try the legacy protocol (awaiting what
            # `__aiter__` returned); unawait reports it as not awaitable.
            kind = type(iterator).__name__
            raise TypeError(
                "'async for' received an invalid object from __aiter__: %s" % kind
            ) from TypeError("object %s can't be used in 'await' expression" % kind)
        raise TypeError(
            "'async for' received an object from __aiter__ that does not implement __anext__: %s"
            % type(iterator).__name__
        )
    return iterator


def _unawait_anext(iterator):
    """`type(iterator).__anext__(iterator)`, looked up on every step as
    CPython does, checked to be awaitable."""
    anext = _unawait_lookup_special(iterator, "__anext__")
    if anext is None:
        raise TypeError(
            "'async for' requires an iterator with __anext__ method, got %s" % type(iterator).__name__
        )
    awaitable = anext()
    if not _unawait_is_awaitable(awaitable):
        kind = type(awaitable).__name__
        raise TypeError(
            "'async for' received an invalid object from __anext__: %s" % kind
        ) from TypeError("object %s can't be used in 'await' expression" % kind)
    return awaitable
