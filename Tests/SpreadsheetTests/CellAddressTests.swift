import Testing
import Spreadsheet

@Suite struct CellAddressTests {
    @Test(arguments: [("A1", 0, 0), ("D12", 11, 3), ("Z1", 0, 25), ("AA1", 0, 26), ("XFD1048576", 1_048_575, 16_383),
                      ("$B$3", 2, 1), ("ab10", 9, 27)])
    func parsesA1(text: String, row: Int, column: Int) {
        #expect(CellAddress(text) == CellAddress(row: row, column: column))
    }

    @Test(arguments: ["A0", "XFE1", "A1048577", "1A", "", "A", "AAAA1", "A-1", "A1B"])
    func rejectsOutOfRange(text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test func roundTripsColumnNames() {
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
            let name = CellAddress.columnName(column)
            #expect(CellAddress.columnIndex(name) == column)
        }
        #expect(CellAddress.columnName(16_383) == "XFD")
    }

    @Test func rangesParseAndContain() throws {
        let r = try #require(CellRange("E3:G3"))
        #expect(r.columnCount == 3 && r.rowCount == 1)
        #expect(r.contains(CellAddress(row: 2, column: 5)))
        #expect(!r.contains(CellAddress(row: 3, column: 5)))
        #expect(CellRange("B2")?.description == "B2")
        #expect(CellRange("H4:A1")?.description == "A1:H4")
    }
}
