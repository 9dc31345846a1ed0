/// Picks the delimiter that splits a sample of the text most consistently.
///
/// Each candidate (`,` tab `;` `|` `:`) parses the sample with the real parser, so quoted parts never
/// count. A candidate's field counts per record have a mode; the winner is the one whose mode (above
/// one field) is shared by the most records, then the one giving more fields, then the earlier in the
/// list. When no candidate splits anything, comma.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), 9, UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: ":")]
    /// How much decoded text to look at.
    static let sampleBytes = 64 * 1024
    static let sampleRecords = 200

    /// `utf8` is decoded text; with `complete` false it is the start of a longer text, and its last
    /// (possibly cut) record is ignored.
    static func sniff(_ utf8: UnsafeBufferPointer<UInt8>, complete: Bool) -> UInt8 {
        var sample = UnsafeBufferPointer(rebasing: utf8[..<min(utf8.count, sampleBytes)])
        let cut = sample.count < utf8.count || !complete
        if cut, let lastEnd = sample.lastIndex(where: { $0 == 10 || $0 == 13 }) {
            sample = UnsafeBufferPointer(rebasing: sample[...lastEnd])
        }
        var best = candidates[0]
        var bestScore = (0, 0)
        for candidate in candidates {
            var parser = CSVParser(delimiter: candidate)
            var frequency: [Int: Int] = [:]
            var records = 0
            parser.feed(sample) { fields, _ in
                guard records < sampleRecords, !fields.isEmpty else { return }
                records += 1
                frequency[fields.count, default: 0] += 1
            }
            if !cut { parser.finish { fields, _ in if !fields.isEmpty { frequency[fields.count, default: 0] += 1 } } }
            var mode = 0, modeCount = 0
            for (count, times) in frequency where times > modeCount || (times == modeCount && count > mode) {
                mode = count
                modeCount = times
            }
            guard mode > 1 else { continue }
            let score = (modeCount, mode)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }
}
