# The Python half of sc.python(): exec'd once per sidecar process into the
# module _sidecar, after the constants of src/python/protocol.ts. The host
# calls serve(request) through a ctypes entry (which takes the GIL); a
# request and its reply are marshal (version 2) bytes after a 32-byte header
# in a buffer of the shared region. Objects that are not plain values stay
# here in a table and cross as handles (frozenset markers).

import ast
import builtins
import ctypes
import importlib
import io
import linecache
import marshal
import os
import signal
import struct
import sys
import threading
import traceback

_HDR = struct.Struct('<IIQQQ')
_memory = ctypes.pythonapi.PyMemoryView_FromMemory
_memory.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t, ctypes.c_int)
_memory.restype = ctypes.py_object
_PyBUF_WRITE = 0x200

_ctl = None
_buf_addr = 0
_buf = None
_objects = {}
_next_id = 1
_current = 0
_pending = None
_sources = 0
_main = sys.modules['__main__'].__dict__
_resolved = {}
_SCALARS = frozenset((type(None), bool, int, float, str, bytes))
_PLAIN = _SCALARS | {list, tuple, dict}


class _Counted(io.RawIOBase):
    """fd 5, the sidecar's output stream; every byte counted in the control block."""

    def writable(self):
        return True

    def fileno(self):
        return 5

    def write(self, b):
        n = os.write(5, b)
        _ctl[CTL_OUTPUT] += n
        return n


def _on_sigint(signum, frame):
    # Only the request the host asked to interrupt, and only in its user code.
    if _current and _ctl[CTL_INTERRUPT] == _current:
        _ctl[CTL_INTERRUPT] = 0
        raise KeyboardInterrupt


def _handle(v):
    global _next_id
    h = _next_id
    _next_id += 1
    _objects[h] = v
    t = type(v)
    name = t.__qualname__ if t.__module__ == 'builtins' else t.__module__ + '.' + t.__qualname__
    return frozenset(((MARK_HANDLE, h, name),))


def _plain(v, depth=0):
    t = type(v)
    if t in _SCALARS:
        return True
    if depth > 100:
        return False
    if t is list or t is tuple:
        kinds = set(map(type, v))
        if kinds <= _SCALARS:
            return True
        if not kinds <= _PLAIN:
            return False
        return all(_plain(x, depth + 1) for x in v)
    if t is dict:
        return _plain(tuple(v), depth + 1) and _plain(tuple(v.values()), depth + 1)
    return False


def _mark(v, depth=0):
    t = type(v)
    if t in _SCALARS:
        return v
    if depth < 100:
        if t is list:
            return [_mark(x, depth + 1) for x in v]
        if t is tuple:
            return tuple(_mark(x, depth + 1) for x in v)
        if t is dict:
            return {_mark(k, depth + 1): _mark(x, depth + 1) for k, x in v.items()}
    np = sys.modules.get('numpy')
    if np is not None and isinstance(v, np.generic):
        r = v.item()
        if type(r) in _SCALARS:
            return r
    return _handle(v)


def _encode(v):
    if _plain(v):
        return marshal.dumps(v, 2), 0
    return marshal.dumps(_mark(v), 2), FLAG_MARKED


def _region_array(addr, nbytes, typecode, shape, strides, offset):
    import numpy as np

    mv = _memory(addr, nbytes, _PyBUF_WRITE)
    if shape is None:
        return np.frombuffer(mv, dtype=typecode)
    return np.ndarray(shape, dtype=typecode, buffer=mv, offset=offset, strides=strides)


def _marker(m):
    if m[0] == MARK_HANDLE:
        try:
            return _objects[m[1]]
        except KeyError:
            raise ReferenceError('this Python object was released') from None
    return _region_array(*m[1:])


def _unmark(v):
    t = type(v)
    if t is frozenset:
        (m,) = v
        return _marker(m)
    if t is list:
        return [_unmark(x) for x in v]
    if t is tuple:
        return tuple(_unmark(x) for x in v)
    if t is dict:
        return {_unmark(k): _unmark(x) for k, x in v.items()}
    return v


def _resolve(target):
    if type(target) is not str:
        return target
    parts = target.split('.')
    head = parts[0]
    if head in _main:
        obj = _main[head]
    elif hasattr(builtins, head) and len(parts) == 1:
        return getattr(builtins, head)
    else:
        obj = _resolved.get(target)
        if obj is not None:
            return obj
        obj = importlib.import_module(head)
        for i in range(1, len(parts)):
            name = parts[i]
            if hasattr(obj, name):
                obj = getattr(obj, name)
            else:
                obj = importlib.import_module('.'.join(parts[: i + 1]))
        _resolved[target] = obj
        return obj
    for name in parts[1:]:
        obj = getattr(obj, name)
    return obj


def _compile(source, mode):
    global _sources
    _sources += 1
    filename = '<sidecar:%d>' % _sources
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return filename, compile(source, filename, mode, dont_inherit=True)


def _exec(source):
    exec(_compile(source, 'exec')[1], _main)


def _eval(source):
    return eval(_compile(source, 'eval')[1], _main)


def _call(target, args, kwargs):
    return _resolve(target)(*args, **(kwargs or {}))


def _attr(target, name):
    obj = _resolve(target)
    for part in name.split('.'):
        obj = getattr(obj, part)
    return obj


def _function(source):
    filename, _ = _compile(source, 'exec')
    tree = ast.parse(source, filename)
    if not tree.body:
        raise ValueError('py.fn: the source defines no function')
    last = tree.body[-1]
    if isinstance(last, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        exec(compile(tree, filename, 'exec'), _main)
        f = _main[last.name]
    elif isinstance(last, ast.Expr):
        exec(compile(ast.Module(tree.body[:-1], []), filename, 'exec'), _main)
        f = eval(compile(ast.Expression(last.value), filename, 'eval'), _main)
    else:
        raise ValueError('py.fn: the source must end with a def or an expression (a lambda)')
    if not callable(f):
        raise TypeError('py.fn: %r is not callable' % (f,))
    return f


def _value(target):
    obj = _resolve(target)
    np = sys.modules.get('numpy')
    if np is not None and isinstance(obj, (np.ndarray, np.generic)):
        return obj.tolist()
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    return obj


def _array_info(obj):
    return tuple(obj.shape), obj.dtype.str


def _versions():
    np = None
    try:
        import numpy as np
    except Exception:
        pass
    return sys.version, getattr(np, '__version__', None)


_OPS = {
    OP_EXEC: _exec,
    OP_EVAL: _eval,
    OP_CALL: _call,
    OP_ATTR: _attr,
    OP_REPR: lambda t: repr(_resolve(t)),
    OP_IMPORT: importlib.import_module,
    OP_ARRAY: lambda *a: _region_array(*a),
    OP_FUNCTION: _function,
    OP_VALUE: _value,
    OP_VERSIONS: _versions,
}


def _describe(e):
    # The traceback from the user's code on: the helper's own frames are not the user's concern.
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == 'sidecar_host.py':
        tb = tb.tb_next
    text = ''.join(traceback.format_exception(type(e), e, tb))
    return (type(e).__qualname__, str(e), text)


def _reply(mv, status, flags, rid, cap, data):
    global _pending
    if len(data) > cap:
        _pending = (status, flags, data)
        _HDR.pack_into(mv, 0, STATUS_TOO_BIG, 0, rid, cap, len(data))
        return STATUS_TOO_BIG
    mv[32 : 32 + len(data)] = data
    _HDR.pack_into(mv, 0, status, flags, rid, cap, len(data))
    return status


def serve(addr):
    global _current, _pending
    try:
        if addr == _buf_addr:
            mv = _buf
        else:
            cap = struct.unpack('<Q', ctypes.string_at(addr + 16, 8))[0]
            mv = _memory(addr, 32 + cap, _PyBUF_WRITE)
        op, flags, rid, cap, n = _HDR.unpack_from(mv, 0)
        if op == OP_FETCH:
            status, rflags, data = _pending
            _pending = None
            return _reply(mv, status, rflags, rid, cap, data)
        _pending = None
        try:
            req = marshal.loads(mv[32 : 32 + n])
            for h in req[0]:
                _objects.pop(h, None)
            args = req[1:]
            if flags & FLAG_MARKED:
                args = _unmark(args)
            fn = _OPS[op]
            _current = rid
            try:
                value = fn(*args)
            finally:
                _current = 0
            data, rflags = _encode(value)
            status = STATUS_OK
        except BaseException as e:
            _current = 0
            data, rflags = marshal.dumps(_describe(e), 2), 0
            status = STATUS_ERROR
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                pass
        return _reply(mv, status, rflags, rid, cap, data)
    except BaseException as e:
        try:
            t = ('internal error in the sidecar\'s Python helper: ' + repr(e)).encode()[:4000]
            ctypes.memmove(ctypes.addressof(_ctl) + 8 * CTL_TEXT, t, len(t))
            _ctl[CTL_TEXT_LENGTH] = len(t)
        except BaseException:
            pass
        return STATUS_INTERNAL


_entry = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64)(serve)


def init(ctl_addr, buf_addr, buf_cap):
    global _ctl, _buf_addr, _buf
    _ctl = (ctypes.c_uint64 * CTL_WORDS).from_address(ctl_addr)
    _buf_addr = buf_addr
    _buf = _memory(buf_addr, 32 + buf_cap, _PyBUF_WRITE)
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Counted(), 8192), encoding='utf-8', errors='replace', line_buffering=True)
    if not getattr(sys, 'argv', None):
        sys.argv = ['']
    exe = os.path.join(sys.base_exec_prefix, 'bin', 'python%d.%d' % sys.version_info[:2])
    if os.path.exists(exe):
        sys.executable = exe
    signal.signal(signal.SIGINT, _on_sigint)
    _ctl[CTL_THREAD] = threading.get_ident()
    _ctl[CTL_ENTRY] = ctypes.cast(_entry, ctypes.c_void_p).value


def _reshape(a, shape):
    return a if shape is None else a.reshape(shape)
