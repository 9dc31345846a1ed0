/// The RFC 4180 state machine over UTF-8 bytes, fed in chunks of any size.
///
/// It reads what Python's `csv` module reads with its default dialect and `strict=False`:
/// - a record ends at CRLF, LF or CR outside quotes; an empty line is a record with no fields;
/// - a quote opens a quoted field only at the start of a field; inside one, `""` is a quote and line
///   ends are kept as they are;
/// - a quote inside an unquoted field is kept literally, and text after a closing quote is appended
///   (`"ab"c` reads `abc`);
/// - a quoted field still open at the end of input ends there;
/// - NUL bytes are ordinary characters.
///
/// With limits, a field longer than `maxFieldBytes`, a record with more than `maxFields` fields or
/// more than `maxRecordBytes` bytes stops the parser (`exceeded` says where): nothing more is kept or
/// emitted, and a field never grows more than a byte or two past its cap, so a hostile file (an
/// unclosed quote, a line of a million commas) cannot fill memory.
struct CSVParser {
    /// Caps on one field and one record.
    struct Limits {
        var maxFieldBytes: Int
        var maxFields: Int
        var maxRecordBytes: Int
    }

    /// Where the parser stopped for a limit: the record's first line and the one-based field.
    enum Exceeded: Equatable {
        case fieldTooLong(line: Int, field: Int)
        case tooManyFields(line: Int)
        case recordTooLong(line: Int)
    }

    private enum State {
        case startRecord, startField, inField, inQuotedField, quoteInQuotedField
    }

    let delimiter: UInt8
    private var state = State.startRecord
    /// True right after a CR that ended a record, so that a following LF is swallowed.
    private var afterCR = false
    private var field: [UInt8] = []
    private var fields: [String] = []
    /// One-based physical line where the current record starts, and the current line.
    private(set) var recordLine = 1
    private(set) var line = 1
    private let maxFieldBytes: Int
    private let maxFields: Int
    private let maxRecordBytes: Int
    /// Bytes of the current record's saved fields.
    private var recordBytes = 0
    /// Set when a limit stopped the parser.
    private(set) var exceeded: Exceeded?
    /// Bytes of the field being read (for tests of the caps).
    var pendingFieldBytes: Int { field.count }

    init(delimiter: UInt8, limits: Limits? = nil) {
        self.delimiter = delimiter
        maxFieldBytes = limits?.maxFieldBytes ?? Int.max
        maxFields = limits?.maxFields ?? Int.max
        maxRecordBytes = limits?.maxRecordBytes ?? Int.max
        field.reserveCapacity(256)
    }

    /// Stops the parser when the field being read or the record has grown past its cap.
    @inline(__always)
    private mutating func overLimit() -> Bool {
        if exceeded != nil { return true }
        if field.count > maxFieldBytes {
            exceeded = .fieldTooLong(line: recordLine, field: fields.count + 1)
        } else if fields.count > maxFields {
            exceeded = .tooManyFields(line: recordLine)
        } else if recordBytes &+ field.count > maxRecordBytes {
            exceeded = .recordTooLong(line: recordLine)
        }
        return exceeded != nil
    }

    private mutating func saveField() {
        recordBytes &+= field.count
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        if overLimit() { return }
        let done = fields
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        state = .startRecord
        try emit(done, recordLine)
    }

    /// Fast path: appends `c` and the run of ordinary bytes after it, up to `special`, CR or LF, at
    /// once; returns where the run ended. The run stops so the field ends at most one byte past its cap
    /// (the next loop turn then stops the parser).
    @inline(__always)
    private mutating func appendRun(_ c: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, from i: Int,
                                    until special: UInt8) -> Int {
        let room = maxFieldBytes &- field.count
        let stop = room >= bytes.count &- i ? bytes.count : i &+ max(room, 0)
        var j = i
        while j < stop {
            let d = bytes[j]
            if d == special || d == 13 || d == 10 { break }
            j &+= 1
        }
        field.append(c)
        if j > i { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
        return j
    }

    /// Parses `bytes`, calling `emit` with each complete record and the line it starts on.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>,
                       _ emit: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        let delimiter = self.delimiter
        var i = 0
        let n = bytes.count
        while i < n {
            if overLimit() { return }
            let c = bytes[i]
            i += 1
            if afterCR {
                afterCR = false
                if c == lf { continue }
            }
            if c == lf || c == cr {
                switch state {
                case .startRecord:
                    afterCR = c == cr
                    line += 1
                    recordLine = line
                    try emit([], line - 1)
                case .startField, .inField, .quoteInQuotedField:
                    afterCR = c == cr
                    saveField()
                    try endRecord(emit)
                    line += 1
                    recordLine = line
                case .inQuotedField:
                    field.append(c)
                    if c == cr && i < n && bytes[i] == lf {
                        field.append(lf)
                        i += 1
                    }
                    line += 1
                }
                continue
            }
            switch state {
            case .startRecord, .startField:
                if c == quote {
                    state = .inQuotedField
                } else if c == delimiter {
                    saveField()
                    state = .startField
                } else {
                    field.append(c)
                    state = .inField
                }
            case .inField:
                if c == delimiter {
                    saveField()
                    state = .startField
                } else {
                    i = appendRun(c, bytes, from: i, until: delimiter)
                }
            case .inQuotedField:
                if c == quote {
                    state = .quoteInQuotedField
                } else {
                    i = appendRun(c, bytes, from: i, until: quote)
                }
            case .quoteInQuotedField:
                if c == quote {
                    field.append(quote)
                    state = .inQuotedField
                } else if c == delimiter {
                    saveField()
                    state = .startField
                } else {
                    field.append(c)
                    state = .inField
                }
            }
        }
        _ = overLimit()  // so the reader sees a passed cap after this chunk, not the next
    }

    /// Ends the input: emits a last record that had no line end, and one whose quoted field never closed.
    mutating func finish(_ emit: (_ fields: [String], _ line: Int) throws -> Void) rethrows {
        afterCR = false
        if overLimit() { return }
        switch state {
        case .startRecord:
            return
        case .startField, .inField, .quoteInQuotedField, .inQuotedField:
            saveField()
            try endRecord(emit)
        }
    }
}
