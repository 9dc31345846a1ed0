/// EvaluationForms — scores the self-evaluation forms and lays them out as styled `Workbook`s.
///
/// It computes the 项目支出绩效自评表 and 部门整体支出绩效自评表 from the reconciled model, using a scoring
/// profile kept as data. It builds grids only: it must never write a file or parse a cell's text.
///
/// Entry points:
/// - `FormsEvaluator.evaluate(_:profile:unit:findings:)` — the scored department and projects (`FormsReport`);
/// - `FormsWorkbook.build(_:extraSheets:)` / `FormsWorkbook.split(_:)` — the styled workbooks;
/// - `FormsReport.jsonDocument(english:)` — the `forms --json` document;
/// - `FilledFormCheck.findings(in:profile:unit:)` — the figures of filled forms that break the rules;
/// - `ScoringProfile.shipped` (`Data/default-profile.json`) and `ScoringProfile.load(contentsOf:)`.
///
/// Rules (FORMS.md §3–§4): `IndicatorScorer` (正向/等于/反向/定性), `ExecutionScore` (执行率),
/// `WeightAllocation` (category weights, not-applicable rescaling), `ProjectScorer`, `CommonIndicators`
/// (预算完成率 … 固定资产利用率, 无法计算 with a reason) and `DepartmentScorer`.
