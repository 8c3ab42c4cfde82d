//! Line tables of code objects compiled from desugared text, rewritten to
//! give the source's line numbers. The import hook compiles a module's
//! desugared text as CPython compiles a file (`compile(text)`), then gives
//! each code object the source lines its instructions came from through
//! the line map: the same lines compiling a tree whose nodes carry source
//! lines gives (tracebacks, `co_firstlineno`, `sys.settrace`, coverage),
//! without building, remapping and converting that tree in Python.
//!
//! CPython's formats: `co_lnotab` up to 3.9 (Objects/lnotab_notes.txt),
//! PEP 626's `co_linetable` in 3.10, the location table from 3.11
//! (Objects/locations.md). Columns stay the desugared text's, as in a tree
//! compiled with remapped lines.

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple, PyType};

use super::LineMap;

/// `with_source_lines(code, lines, first_line)`: `code` (compiled from
/// desugared text) with the source lines that `lines` (a `LineMap`) maps its
/// lines to, and `first_line` as its `co_firstlineno`; the code objects
/// among its constants likewise, each with the source line of its own first
/// line. The lines compiling the tree the hook's `remap_lines` remaps would
/// give. One call for a module's whole tree of code objects: walked in
/// Python, the walk cost a module as much again as rewriting the tables.
/// The code objects of the bodies `lines` names come out flagged as
/// iterable coroutines (see `is_body`).
#[pyfunction]
pub fn with_source_lines<'py>(
    code: &Bound<'py, PyAny>,
    lines: &Bound<'py, LineMap>,
    first_line: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    // `code.replace` came in 3.8; before it, the constructor's arguments.
    let replace = py.version_info() >= (3, 8);
    rewrite(code, &code.get_type(), lines.get(), first_line, replace)
}

/// [`with_source_lines`] for `code` and, depth first, the code objects
/// (exactly of `code_type`, as the compiler makes them) among its
/// constants. The recursion is as deep as the code objects nest, which the
/// compiler has already recursed through in C, a larger frame per level.
fn rewrite<'py>(
    code: &Bound<'py, PyAny>,
    code_type: &Bound<'py, PyType>,
    map: &LineMap,
    first_line: i64,
    replace: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    let mut consts = code
        .getattr(intern!(py, "co_consts"))?
        .downcast_into::<PyTuple>()?;
    if consts
        .iter()
        .any(|constant| constant.get_type().is(code_type))
    {
        let rewritten = consts
            .iter()
            .map(|constant| {
                if !constant.get_type().is(code_type) {
                    return Ok(constant);
                }
                let own_first: i64 = constant.getattr(intern!(py, "co_firstlineno"))?.extract()?;
                rewrite(
                    &constant,
                    code_type,
                    map,
                    map.lines.line(own_first),
                    replace,
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        consts = PyTuple::new(py, rewritten)?;
    }
    let old_first: i64 = code.getattr(intern!(py, "co_firstlineno"))?.extract()?;
    let (table_name, table, bytecode) = match map.format {
        Format::Lnotab => (
            intern!(py, "co_lnotab"),
            code.getattr(intern!(py, "co_lnotab"))?,
            None,
        ),
        Format::Linetable | Format::Locations => (
            intern!(py, "co_linetable"),
            code.getattr(intern!(py, "co_linetable"))?,
            Some(code.getattr(intern!(py, "co_code"))?),
        ),
    };
    let bytecode = match &bytecode {
        Some(bytecode) => bytecode.downcast::<PyBytes>()?.as_bytes(),
        None => b"",
    };
    let source = Code {
        table: table.downcast::<PyBytes>()?.as_bytes(),
        first_line: old_first,
        bytecode,
    };
    let table = remap(map.format, &source, first_line, map.nop, &map.lines)
        .map(|table| PyBytes::new(py, &table))
        .ok_or_else(|| PyValueError::new_err("malformed line table"))?;
    let flags: i64 = code.getattr(intern!(py, "co_flags"))?.extract()?;
    let flags = if is_body(code, flags, old_first, map)? {
        flags | CO_ITERABLE_COROUTINE
    } else {
        flags
    };
    if !replace {
        let field = |name: &str| code.getattr(name);
        let arguments = PyTuple::new(
            py,
            [
                field("co_argcount")?,
                field("co_kwonlyargcount")?,
                field("co_nlocals")?,
                field("co_stacksize")?,
                flags.into_pyobject(py)?.into_any(),
                field("co_code")?,
                consts.into_any(),
                field("co_names")?,
                field("co_varnames")?,
                field("co_filename")?,
                field("co_name")?,
                first_line.into_pyobject(py)?.into_any(),
                table.into_any(),
                field("co_freevars")?,
                field("co_cellvars")?,
            ],
        )?;
        return code_type.call1(arguments);
    }
    let changes = PyDict::new(py);
    changes.set_item(intern!(py, "co_consts"), consts)?;
    changes.set_item(intern!(py, "co_firstlineno"), first_line)?;
    changes.set_item(table_name, table)?;
    changes.set_item(intern!(py, "co_flags"), flags)?;
    code.call_method(intern!(py, "replace"), (), Some(&changes))
}

/// `inspect`'s code flags.
const CO_GENERATOR: i64 = 0x20;
const CO_COROUTINE: i64 = 0x80;
const CO_ITERABLE_COROUTINE: i64 = 0x100;
const CO_ASYNC_GENERATOR: i64 = 0x200;

/// Whether `code` (flags `flags`, first line `first_line` of the desugared
/// text) is a generator function's that `map`'s bodies name: one the
/// runtime's `_unawait_coroutine` or `_unawait_async_generator` flags as an
/// iterable coroutine (`types.coroutine`) when its module runs. Flagged here
/// instead, once before the code is cached, the decorator finds the flag
/// and skips making a new code object: about 1 µs an `async def` at
/// every import.
fn is_body(code: &Bound<'_, PyAny>, flags: i64, first_line: i64, map: &LineMap) -> PyResult<bool> {
    if map.bodies.is_empty()
        || flags & CO_GENERATOR == 0
        || flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR) != 0
    {
        return Ok(false);
    }
    let name: String = code.getattr(intern!(code.py(), "co_name"))?.extract()?;
    Ok(map.bodies.contains(&(first_line, name)))
}

/// The source line of each line of desugared text.
pub struct Lines {
    /// Per desugared line (index 0 is line 1): the source line, lines from
    /// no source line taking the closest source line before them (1 before
    /// any), as the hook's tree remapping does.
    filled: Vec<i64>,
}

impl Lines {
    pub fn new(map: &[Option<u32>]) -> Lines {
        let mut last = 1;
        let filled = map
            .iter()
            .map(|line| {
                if let Some(line) = line {
                    last = i64::from(*line);
                }
                last
            })
            .collect();
        Lines { filled }
    }

    /// The source line of desugared line `line`. Lines the compiler makes
    /// up (0 for a module's first instruction from 3.12, -1 for none) stay;
    /// lines past the end take the last line's.
    pub fn line(&self, line: i64) -> i64 {
        if line <= 0 {
            return line;
        }
        let index = usize::try_from(line - 1).unwrap_or(usize::MAX);
        self.filled
            .get(index)
            .or(self.filled.last())
            .copied()
            .unwrap_or(1)
    }
}

/// Which table the running CPython keeps.
#[derive(Clone, Copy)]
pub enum Format {
    /// `co_lnotab`, 3.6 to 3.9.
    Lnotab,
    /// `co_linetable`, 3.10 (PEP 626).
    Linetable,
    /// `co_linetable`, 3.11 on: the location table.
    Locations,
}

/// A position as a location table holds it; -1 is "none".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Position {
    line: i64,
    end_line: i64,
    column: i64,
    end_column: i64,
}

/// A code object's line table and what it describes.
pub struct Code<'a> {
    pub table: &'a [u8],
    pub first_line: i64,
    /// Its bytecode (`co_code`): where its NOPs are.
    pub bytecode: &'a [u8],
}

/// `code`'s table with each line mapped through `lines`, encoded against
/// the new first line `new_first`; `nop` is the NOP opcode (`None`: NOPs
/// stay where they are). `None` for a table that does not decode.
///
/// From 3.10 the compiler keeps a NOP only where its line differs from the
/// instructions' around it (so that tracing sees that line); compiled from
/// desugared text, a NOP can be kept for a desugared line that maps to its
/// neighbours' source line, where compiling the remapped tree drops it. Such
/// a NOP takes the next instruction's position: a line event there is the
/// one the next instruction would have had (the tracer, coverage and
/// `co_lines` see what they see without the NOP). The compiler drops a NOP
/// for its previous instruction's line only within a block, so one that
/// starts a block reached by a jump differs: the tree's code keeps it and
/// its line event, here the event is for the next instruction's line.
/// Finding jump targets would mean reading each version's bytecode.
pub fn remap(
    format: Format,
    code: &Code,
    new_first: i64,
    nop: Option<u8>,
    lines: &Lines,
) -> Option<Vec<u8>> {
    let Code {
        table,
        first_line,
        bytecode,
    } = *code;
    match format {
        Format::Lnotab => {
            let starts = decode_lnotab(table, first_line)?;
            let mapped = starts.into_iter().map(|(at, line)| (at, lines.line(line)));
            Some(encode_lnotab(mapped, new_first))
        }
        Format::Linetable => {
            // One entry per instruction (two bytes), to find the NOPs.
            let mut units = Vec::with_capacity(bytecode.len() / 2);
            for (length, line) in decode_linetable(table, first_line)? {
                let line = line.map(|line| lines.line(line));
                units.extend(std::iter::repeat_n(
                    (2, line),
                    usize::try_from(length / 2).ok()?,
                ));
            }
            relocate_nops(&mut units, |index| {
                nop.is_some() && bytecode.get(2 * index).copied() == nop
            });
            Some(encode_linetable(units.into_iter(), new_first))
        }
        Format::Locations => {
            let mut entries = Vec::with_capacity(table.len() / 2);
            let mut unit = 0;
            for (length, position) in decode_locations(table, first_line)? {
                entries.push((unit, length, position.map(|p| map_position(p, lines))));
                unit += usize::from(length);
            }
            let nops: Vec<bool> = entries
                .iter()
                .map(|&(unit, length, _)| {
                    nop.is_some() && length == 1 && bytecode.get(2 * unit).copied() == nop
                })
                .collect();
            relocate_nops(&mut entries, |index| nops[index]);
            let mut out = Vec::with_capacity(table.len() + table.len() / 4);
            let mut previous = new_first;
            for (_, length, position) in entries {
                write_location(&mut out, length, position, &mut previous);
            }
            Some(out)
        }
    }
}

/// Gives each NOP of `items` (instructions or location entries) whose line
/// is the previous or the next item's the next item's position.
fn relocate_nops<T: Located + Copy>(items: &mut [T], is_nop: impl Fn(usize) -> bool) {
    for index in 0..items.len().saturating_sub(1) {
        let (line, next) = (items[index].line(), items[index + 1]);
        if !is_nop(index) || line.is_none() || next.line().is_none() {
            continue;
        }
        let previous = index.checked_sub(1).map(|previous| items[previous].line());
        if previous == Some(line) || next.line() == line {
            items[index].take_position(&next);
        }
    }
}

/// An instruction or location entry, with a line.
trait Located {
    fn line(&self) -> Option<i64>;
    fn take_position(&mut self, other: &Self);
}

/// An instruction of 3.10: its length and line.
impl Located for (u64, Option<i64>) {
    fn line(&self) -> Option<i64> {
        self.1
    }

    fn take_position(&mut self, other: &Self) {
        self.1 = other.1;
    }
}

/// A location entry: its first code unit, length and position.
impl Located for (usize, u8, Option<Position>) {
    fn line(&self) -> Option<i64> {
        self.2.map(|position| position.line)
    }

    fn take_position(&mut self, other: &Self) {
        self.2 = other.2;
    }
}

/// A position with source lines: an end before the start becomes the
/// start, as the hook's tree remapping makes it (the compiler wants ranges
/// that run forwards).
fn map_position(position: Position, lines: &Lines) -> Position {
    let line = lines.line(position.line);
    let mut end_line = lines.line(position.end_line);
    let mut end_column = position.end_column;
    if position.end_line >= 0 && end_line <= line {
        end_line = line;
        if position.column >= 0 && end_column >= 0 && end_column < position.column {
            end_column = position.column;
        }
    }
    Position {
        line,
        end_line,
        column: position.column,
        end_column,
    }
}

/// `co_lnotab`'s line starts: (byte offset, line) where the line changes,
/// the first at offset 0 with `first_line`.
fn decode_lnotab(table: &[u8], first_line: i64) -> Option<Vec<(u64, i64)>> {
    if !table.len().is_multiple_of(2) {
        return None;
    }
    let mut starts = vec![(0, first_line)];
    let (mut at, mut line) = (0u64, first_line);
    for pair in table.chunks_exact(2) {
        at += u64::from(pair[0]);
        let delta = i64::from(pair[1] as i8);
        if delta == 0 {
            continue;
        }
        line += delta;
        match starts.last_mut() {
            Some(last) if last.0 == at => last.1 = line,
            _ => starts.push((at, line)),
        }
    }
    Some(starts)
}

/// Line starts as CPython's compiler writes them: a pair per change of
/// line, split where the offset grows by more than 255 (line increment 0
/// until the rest fits) or the line by more than a signed byte holds.
fn encode_lnotab(starts: impl Iterator<Item = (u64, i64)>, first_line: i64) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut at, mut line) = (0u64, first_line);
    for (start, start_line) in starts {
        if start_line == line {
            continue;
        }
        let mut offset = start - at;
        while offset > 255 {
            out.extend([255, 0]);
            offset -= 255;
        }
        let mut delta = start_line - line;
        while !(-128..=127).contains(&delta) {
            let step: i64 = if delta < 0 { -128 } else { 127 };
            out.extend([offset as u8, step as i8 as u8]);
            offset = 0;
            delta -= step;
        }
        if delta != 0 || offset != 0 {
            out.extend([offset as u8, delta as i8 as u8]);
        }
        (at, line) = (start, start_line);
    }
    out
}

/// PEP 626's ranges: (length in bytes, line or none).
fn decode_linetable(table: &[u8], first_line: i64) -> Option<Vec<(u64, Option<i64>)>> {
    if !table.len().is_multiple_of(2) {
        return None;
    }
    let mut ranges = Vec::with_capacity(table.len() / 2);
    let mut line = first_line;
    for pair in table.chunks_exact(2) {
        let delta = pair[1] as i8;
        let range_line = if delta == -128 {
            None
        } else {
            line += i64::from(delta);
            Some(line)
        };
        if pair[0] > 0 {
            ranges.push((u64::from(pair[0]), range_line));
        }
    }
    Some(ranges)
}

/// Ranges as 3.10's compiler writes them: one per run of a line, its line
/// increment first split into steps of at most 127 on empty ranges, its
/// length into pieces of at most 254 bytes.
fn encode_linetable(ranges: impl Iterator<Item = (u64, Option<i64>)>, first_line: i64) -> Vec<u8> {
    let mut merged: Vec<(u64, Option<i64>)> = Vec::new();
    for (length, line) in ranges {
        match merged.last_mut() {
            Some(last) if last.1 == line => last.0 += length,
            _ => merged.push((length, line)),
        }
    }
    let mut out = Vec::with_capacity(merged.len() * 2);
    let mut previous = first_line;
    for (mut length, line) in merged {
        let mut delta = match line {
            None => -128,
            Some(line) => {
                let mut delta = line - previous;
                previous = line;
                while !(-127..=127).contains(&delta) {
                    let step = delta.signum() * 127;
                    out.extend([0, step as i8 as u8]);
                    delta -= step;
                }
                delta
            }
        };
        while length > 254 {
            out.extend([254, delta as i8 as u8]);
            delta = if line.is_none() { -128 } else { 0 };
            length -= 254;
        }
        out.extend([length as u8, delta as i8 as u8]);
    }
    out
}

/// The location table's entries: (length in code units, position or none).
fn decode_locations(table: &[u8], first_line: i64) -> Option<Vec<(u8, Option<Position>)>> {
    let mut entries = Vec::with_capacity(table.len() / 2);
    let mut bytes = table.iter().copied();
    let mut line = first_line;
    while let Some(first) = bytes.next() {
        if first & 0x80 == 0 {
            return None;
        }
        let code = (first >> 3) & 15;
        let length = (first & 7) + 1;
        let position = match code {
            15 => None,
            14 => {
                line += read_signed_varint(&mut bytes)?;
                let end_line = line + read_varint(&mut bytes)?;
                let column = read_varint(&mut bytes)? - 1;
                let end_column = read_varint(&mut bytes)? - 1;
                Some(Position {
                    line,
                    end_line,
                    column,
                    end_column,
                })
            }
            13 => {
                line += read_signed_varint(&mut bytes)?;
                Some(Position {
                    line,
                    end_line: line,
                    column: -1,
                    end_column: -1,
                })
            }
            10..=12 => {
                line += i64::from(code - 10);
                let column = i64::from(bytes.next()?);
                let end_column = i64::from(bytes.next()?);
                Some(Position {
                    line,
                    end_line: line,
                    column,
                    end_column,
                })
            }
            _ => {
                let second = bytes.next()?;
                let column = i64::from(code) << 3 | i64::from(second >> 4);
                Some(Position {
                    line,
                    end_line: line,
                    column,
                    end_column: column + i64::from(second & 15),
                })
            }
        };
        entries.push((length, position));
    }
    Some(entries)
}

/// One location entry in the form CPython's assembler picks for it
/// (`write_location_info_entry`); `previous` is the line the next line
/// delta counts from.
fn write_location(out: &mut Vec<u8>, length: u8, position: Option<Position>, previous: &mut i64) {
    let first_byte = |code: u8| 0x80 | code << 3 | (length - 1);
    let Some(position) = position.filter(|position| position.line >= 0) else {
        out.push(first_byte(15));
        return;
    };
    let Position {
        line,
        end_line,
        column,
        end_column,
    } = position;
    let delta = line - *previous;
    if column < 0 || end_column < 0 {
        if end_line == line || end_line == -1 {
            out.push(first_byte(13));
            write_signed_varint(out, delta);
            *previous = line;
            return;
        }
    } else if end_line == line {
        if delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
            out.push(first_byte((column >> 3) as u8));
            out.push(((column & 7) << 4 | (end_column - column)) as u8);
            return;
        }
        if (0..3).contains(&delta) && column < 128 && end_column < 128 {
            out.extend([first_byte(10 + delta as u8), column as u8, end_column as u8]);
            *previous = line;
            return;
        }
    }
    out.push(first_byte(14));
    write_signed_varint(out, delta);
    write_varint(out, (end_line - line).max(0));
    write_varint(out, column + 1);
    write_varint(out, end_column + 1);
    *previous = line;
}

/// Six bits at a time, least significant first, bit 6 set on all but the
/// last.
fn read_varint(bytes: &mut impl Iterator<Item = u8>) -> Option<i64> {
    let mut value = 0i64;
    let mut shift = 0;
    loop {
        let byte = bytes.next()?;
        value |= i64::from(byte & 63) << shift;
        if byte & 64 == 0 {
            return Some(value);
        }
        shift += 6;
        if shift > 56 {
            return None;
        }
    }
}

fn read_signed_varint(bytes: &mut impl Iterator<Item = u8>) -> Option<i64> {
    let value = read_varint(bytes)?;
    Some(if value & 1 == 1 {
        -(value >> 1)
    } else {
        value >> 1
    })
}

fn write_varint(out: &mut Vec<u8>, mut value: i64) {
    while value >= 64 {
        out.push(64 | (value & 63) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

fn write_signed_varint(out: &mut Vec<u8>, value: i64) {
    write_varint(
        out,
        if value < 0 {
            (-value) << 1 | 1
        } else {
            value << 1
        },
    );
}
