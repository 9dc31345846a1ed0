/// EvaluationForms — scores the self-evaluation forms and lays them out as styled `Workbook`s.
///
/// It computes the 项目支出绩效自评表 and 部门整体支出绩效自评表 from the reconciled model, using a scoring
/// profile kept as data. It builds grids only: it must never write a file or parse a cell's text.
