/// Recognition — finds the finance tables inside a `Sheet` and maps them onto `FinanceModel` types.
///
/// It skips title rows, reads 编制单位, the unit line and the table code, flattens merged multi-row
/// headers into column paths, maps columns to model fields by synonym tables kept as data, and finds
/// the data and totals rows. It works on grids already read; it must never open a file or see C.
