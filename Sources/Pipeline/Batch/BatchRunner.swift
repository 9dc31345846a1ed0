public import Foundation

/// What a batch run is asked to do (`budgeteval batch IN_DIR -o OUT_DIR …`).
public struct BatchOptions: Sendable, Hashable {
    public var input: URL
    public var output: URL
    /// Departments processed at once (≥ 1).
    public var jobs: Int
    /// Overwrite the files this run writes in an existing, non-empty OUT_DIR.
    public var force: Bool
    /// Reports in English instead of Chinese.
    public var english: Bool
    /// In-process (tests with scripted stages) or one child process per department (the command line).
    public var isolation: DepartmentIsolation

    public init(
        input: URL, output: URL, jobs: Int, force: Bool = false, english: Bool = false,
        isolation: DepartmentIsolation = .inProcess
    ) {
        self.isolation = isolation
        self.input = input
        self.output = output
        self.jobs = max(1, jobs)
        self.force = force
        self.english = english
    }
}

/// What a batch run tells whoever shows progress. Sent from worker threads.
public enum BatchEvent: Sendable {
    /// The plan is made: `departments` to process.
    case planned(departments: Int, ungrouped: [UngroupedFile])
    /// A worker took up a department.
    case started(department: String)
    /// A department is done (its outputs are in place).
    case finished(DepartmentResult)
}

/// Runs a whole folder of departments (批量处理): plan, process each department on a bounded pool of
/// threads, then write 汇总.xlsx and 汇总.json.
///
/// Outputs depend only on the inputs: departments are sorted by name, every writer is deterministic and
/// nothing records the time, so `--jobs 1` and `--jobs 8` give the same bytes. A department's trouble
/// never stops the others; only an unreadable IN_DIR or an unwritable OUT_DIR ends the run.
public enum BatchRunner {
    public static let summaryWorkbookName = "汇总.xlsx"
    public static let summaryJSONName = "汇总.json"

    public static func run(
        _ options: BatchOptions, stages: any BatchStages, progress: @escaping @Sendable (BatchEvent) -> Void = { _ in }
    ) throws(BatchError) -> BatchSummary {
        _ = try DepartmentDiscovery.listing(of: options.input)
        try OutputFiles.prepare(output: options.output, input: options.input, force: options.force)
        let plan = try DepartmentDiscovery.plan(inputDirectory: options.input, stages: stages, jobs: options.jobs)
        progress(.planned(departments: plan.departments.count, ungrouped: plan.ungrouped))
        let outcomes = ParallelMap.map(plan.departments, jobs: options.jobs) { _, department in
            progress(.started(department: department.name))
            let outcome = Result { () throws(BatchError) -> DepartmentResult in
                if case .childProcess(let executable) = options.isolation, let real = stages as? PipelineStages {
                    return try DepartmentProcess.run(
                        department, executable: executable, output: options.output, english: options.english,
                        profilePath: real.profilePath, options: real.options)
                }
                return try DepartmentJob(
                    plan: department, stages: stages, outputDirectory: options.output, english: options.english
                ).run()
            }
            if case .success(let result) = outcome { progress(.finished(result)) }
            return outcome
        }
        var results: [DepartmentResult] = []
        for outcome in outcomes { results.append(try outcome.get()) }
        let summary = BatchSummary(departments: results, ungrouped: plan.ungrouped)
        try SummaryWorkbook.write(summary, to: options.output.appendingPathComponent(summaryWorkbookName))
        try OutputFiles.write(
            SummaryJSON.text(summary), to: options.output.appendingPathComponent(summaryJSONName))
        return summary
    }
}
