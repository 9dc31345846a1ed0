/// Reconciliation — aligns budget and final-accounts rows, rolls codes up and runs the check rules.
///
/// It works on typed `FinanceModel` tables only: Reconciliation never sees a cell, a sheet or a file.
/// Every figure it reports keeps the `SourceLocation` it came from.
