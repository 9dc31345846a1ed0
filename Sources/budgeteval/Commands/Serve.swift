import ArgumentParser
import Pipeline
import Server

extension BudgetEval {
    /// `budgeteval serve [--host 127.0.0.1] [--port 8080] [--token T] [--max-upload-mb 200] [--max-files 500] [--jobs 1]`.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text("启动本机网页和 JSON 接口（见 docs/API.md）。", "serve the local web page and its JSON API (see docs/API.md)."),
            discussion: Help.text(
                """
                打印要打开的网址。每个任务在独立的子进程中运行与 batch 相同的处理；任务及其文件一小时后删除，停止服务时全部删除。\
                绑定非本机回环地址时必须使用令牌（未给出则自动生成并写在网址中），并打印一行警告。
                """,
                """
                Prints the URL to open. Each job runs the same processing as batch, in a child process; jobs and their \
                files are deleted after an hour and when the server stops. Binding anything but loopback requires a \
                token (generated and put in the URL when not given) and prints a one-line warning.
                """))

        @Option(name: .long, help: ArgumentHelp(Help.text("监听地址。", "address to listen on.")))
        var host = "127.0.0.1"

        @Option(name: .long, help: ArgumentHelp(Help.text("端口；0 为任选空闲端口。", "port; 0 picks a free one.")))
        var port = 8080

        @Option(name: .long, help: ArgumentHelp(Help.text("访问令牌。", "access token.")))
        var token: String?

        @Option(name: .customLong("max-upload-mb"), help: ArgumentHelp(Help.text("一次上传的总大小上限（MB）。", "total size limit of one upload (MB).")))
        var maxUploadMB = 200

        @Option(name: .customLong("max-files"), help: ArgumentHelp(Help.text("一次上传的文件数上限。", "file count limit of one upload.")))
        var maxFiles = 500

        @Option(name: .long, help: ArgumentHelp(Help.text("同时运行的任务数，其余排队。", "jobs run at once; the rest queue.")))
        var jobs = 1

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError(Help.text("--port 须在 0–65535 之间。", "--port must be 0–65535.")) }
            guard maxUploadMB >= 1, maxFiles >= 1, jobs >= 1 else {
                throw ValidationError(Help.text("--max-upload-mb、--max-files、--jobs 必须是正整数。", "--max-upload-mb, --max-files and --jobs must be positive."))
            }
            if let token, token.count < 16 || !token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.~".contains($0)) }) {
                throw ValidationError(Help.text("--token 至少 16 个字符，只含字母、数字和 -_.~。", "--token needs at least 16 characters of letters, digits and -_.~."))
            }
        }

        func run() throws {
            try finish(BudgetEvalServer.serve(
                ServerConfiguration(
                    host: host, port: port, token: token, maxUploadMB: maxUploadMB, maxFiles: maxFiles, jobs: jobs,
                    executable: Executable.path),
                language: language.lang))
        }
    }

    /// `budgeteval serve-job REQUEST`: one job of the server, in a child process. Not for direct use.
    struct ServeJob: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve-job",
            abstract: Help.text("（内部）服务中的一个任务。", "(internal) one job of the server."),
            shouldDisplay: false)

        @Argument(help: ArgumentHelp(Help.text("服务写的任务文件。", "the request file the server wrote.")))
        var request: String

        func run() throws {
            try finish(JobRunner.run(requestPath: request))
        }
    }
}
