/// A date and/or time of day with no time zone, as spreadsheets store them.
///
/// Spreadsheets have no time zones: a cell that shows 2020-12-31 08:30 means exactly that wherever it
/// is read, so nothing here consults the machine's clock or zone.
public struct LocalDateTime: Hashable, Sendable, CustomStringConvertible {
    /// Which parts the value carries.
    public enum Kind: Hashable, Sendable {
        /// A calendar date: `2020-12-31`.
        case date
        /// A date with a time of day: `2020-12-31T08:30:00`.
        case dateTime
        /// A time of day alone: `08:30:00`.
        case time
    }

    // Stored compactly (12 bytes instead of 57) because every `Cell` carries a `CellValue` as large
    // as its largest case, this one. Values beyond the storage are clamped: years to Int32, the other
    // fields to 0…255 (milliseconds 0…65,535); every parser and the serial conversion stay within them.
    private var storedYear: Int32
    private var storedMillisecond: UInt16
    private var storedMonth: UInt8
    private var storedDay: UInt8
    private var storedHour: UInt8
    private var storedMinute: UInt8
    private var storedSecond: UInt8
    public var kind: Kind

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    /// 1…12.
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = UInt8(clamping: newValue) }
    }
    /// 1…31.
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = UInt8(clamping: newValue) }
    }
    /// 0…23.
    public var hour: Int {
        get { Int(storedHour) }
        set { storedHour = UInt8(clamping: newValue) }
    }
    /// 0…59.
    public var minute: Int {
        get { Int(storedMinute) }
        set { storedMinute = UInt8(clamping: newValue) }
    }
    /// 0…59.
    public var second: Int {
        get { Int(storedSecond) }
        set { storedSecond = UInt8(clamping: newValue) }
    }
    /// Milliseconds (0…999); Excel stores times to about a millisecond.
    public var millisecond: Int {
        get { Int(storedMillisecond) }
        set { storedMillisecond = UInt16(clamping: newValue) }
    }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                millisecond: Int = 0, kind: Kind? = nil) {
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
        storedHour = UInt8(clamping: hour)
        storedMinute = UInt8(clamping: minute)
        storedSecond = UInt8(clamping: second)
        storedMillisecond = UInt16(clamping: millisecond)
        self.kind = kind ?? ((hour, minute, second, millisecond) == (0, 0, 0, 0) ? .date : .dateTime)
    }

    /// ISO 8601: `2020-12-31`, `2020-12-31T08:30:00`, `08:30:00`, with `.250` when there are milliseconds.
    public var iso8601: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        var time = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if millisecond != 0 { time += "." + pad(millisecond, 3) }
        switch kind {
        case .date: return date
        case .dateTime: return date + "T" + time
        case .time: return time
        }
    }

    public var description: String { iso8601 }
}

extension LocalDateTime {
    /// Days from 0001-01-01 (proleptic Gregorian) to the given date; used for serial arithmetic.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Algorithm from Howard Hinnant's days_from_civil, shifted to an arbitrary epoch.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Converts an Excel serial day number to a date and time.
    ///
    /// In the 1900 system serial 1 is 1900-01-01 and serial 60 is Excel's phantom 1900-02-29 (shown
    /// here as 1900-02-28, as calamine does); in the 1904 system serial 0 is 1904-01-01. Returns nil for
    /// negative serials or ones past year 9999. A serial below 1 in the 1900 system is a time of day.
    public init?(excelSerial serial: Double, date1904: Bool, kind: Kind? = nil) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var ms = Int(((serial - Double(days)) * 86_400_000).rounded())
        if ms >= 86_400_000 { days += 1; ms -= 86_400_000 }
        let base: Int
        if date1904 {
            base = Self.dayNumber(year: 1904, month: 1, day: 1)
        } else {
            // 1899-12-31 is serial 0; serials after the phantom 1900-02-29 are one day ahead.
            base = Self.dayNumber(year: 1899, month: 12, day: 31)
            if days >= 61 { days -= 1 } else if days == 60 { days = 59 }
        }
        let (y, m, d) = Self.civil(fromDayNumber: base + days)
        let resolvedKind: Kind = kind ?? (!date1904 && serial < 1 ? .time : (ms == 0 ? .date : .dateTime))
        self.init(year: y, month: m, day: d, hour: ms / 3_600_000, minute: ms / 60_000 % 60,
                  second: ms / 1000 % 60, millisecond: ms % 1000, kind: resolvedKind)
    }

    /// The Excel serial day number of this value (the inverse of `init(excelSerial:)`).
    public func excelSerial(date1904: Bool) -> Double {
        let fraction = Double(((hour * 60 + minute) * 60 + second) * 1000 + millisecond) / 86_400_000
        if kind == .time { return fraction }
        let n = Self.dayNumber(year: year, month: month, day: day)
        var days: Int
        if date1904 {
            days = n - Self.dayNumber(year: 1904, month: 1, day: 1)
        } else {
            days = n - Self.dayNumber(year: 1899, month: 12, day: 31)
            if days >= 60 { days += 1 }
        }
        return Double(days) + fraction
    }

    /// Parses ISO 8601 text: `2020-12-31`, `2020-12-31T08:30:00(.sss)`, `2020-12-31 08:30`, `08:30:00`.
    public init?(iso8601 text: some StringProtocol) {
        let s = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for b in s[from..<(from + count)] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        func time(at i: Int) -> (Int, Int, Int, Int, Int)? {  // h, m, s, ms, consumed
            guard let h = num(i, 2), i + 2 < s.count, s[i + 2] == UInt8(ascii: ":"), let mi = num(i + 3, 2),
                  h < 24, mi < 60 else { return nil }
            var j = i + 5
            var sec = 0, ms = 0
            if j < s.count, s[j] == UInt8(ascii: ":") {
                guard let v = num(j + 1, 2), v < 60 else { return nil }
                sec = v
                j += 3
                if j < s.count, s[j] == UInt8(ascii: ".") {
                    var k = j + 1
                    var digits = 0
                    var frac = 0
                    while k < s.count, s[k] >= 48, s[k] <= 57 {
                        if digits < 3 { frac = frac * 10 + Int(s[k] - 48) }
                        digits += 1
                        k += 1
                    }
                    guard digits > 0 else { return nil }
                    if digits < 3 { for _ in digits..<3 { frac *= 10 } }
                    ms = frac
                    j = k
                }
            }
            return (h, mi, sec, ms, j - i)
        }
        if s.count >= 5, s.count <= 12, s[2] == UInt8(ascii: ":"), let t = time(at: 0), t.4 == s.count {
            self.init(year: 1899, month: 12, day: 31, hour: t.0, minute: t.1, second: t.2, millisecond: t.3, kind: .time)
            return
        }
        guard s.count >= 10, let y = num(0, 4), s[4] == UInt8(ascii: "-"), let m = num(5, 2),
              s[7] == UInt8(ascii: "-"), let d = num(8, 2), (1...12).contains(m), d >= 1,
              d <= Self.daysIn(month: m, year: y) else { return nil }
        if s.count == 10 {
            self.init(year: y, month: m, day: d, kind: .date)
            return
        }
        guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "), let t = time(at: 11) else { return nil }
        var end = 11 + t.4
        if end < s.count, s[end] == UInt8(ascii: "Z") { end += 1 }
        guard end == s.count else { return nil }
        self.init(year: y, month: m, day: d, hour: t.0, minute: t.1, second: t.2, millisecond: t.3, kind: .dateTime)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
