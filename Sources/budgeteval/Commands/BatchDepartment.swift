import ArgumentParser
import Pipeline

extension BudgetEval {
    /// `budgeteval batch-department REQUEST`: one department of a batch, run by `batch` in a child
    /// process so that a trap ends that department only. Not for direct use.
    struct BatchDepartment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch-department",
            abstract: Help.text("（内部）批量处理中的一个部门。", "(internal) one department of a batch."),
            shouldDisplay: false)

        @Argument(help: ArgumentHelp(Help.text("batch 写的任务文件。", "the request file batch wrote.")))
        var request: String

        func run() throws {
            try finish(Commands.batchDepartment(request: request))
        }
    }
}
