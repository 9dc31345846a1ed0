import Foundation

/// The rules about outputs (输出文件规则): no output is ever an input — compared by device and inode,
/// so symlinks and hard links count — and an output's extension is the one its command writes.
public struct OutputGuard: Sendable {
    private var inputs: [(identity: DiskIdentity, path: String)]

    /// Every input path a command reads (folders are compared as given and by every file in them).
    public init(inputs: [String]) {
        var all: [(DiskIdentity, String)] = []
        for path in inputs {
            if let identity = DiskIdentity(path: path) { all.append((identity, path)) }
        }
        self.inputs = all
    }

    /// Refuses (exit 64) when `output` is one of the inputs.
    public func check(_ output: String) throws(PipelineError) {
        guard let identity = DiskIdentity(path: output) else { return }
        if let input = inputs.first(where: { $0.identity == identity }) {
            throw PipelineError(
                .usage,
                zh: "输出文件 \(output) 就是输入文件 \(input.path)（同一文件、链接或硬链接）：不会覆盖输入。请换一个输出文件名。",
                en: "the output \(output) is the input \(input.path) (the same file, a link or a hard link): inputs are never overwritten. Choose another output name.")
        }
    }

    /// Refuses (exit 64) an output path whose extension is not one of `allowed` (lower case, no dot).
    public static func requireExtension(_ path: String, _ allowed: [String], option: String) throws(PipelineError) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard !allowed.contains(ext) else { return }
        let list = allowed.map { "." + $0 }
        throw PipelineError(
            .usage,
            zh: "\(option) \(path)：输出文件须以 \(list.joined(separator: " 或 ")) 结尾（例如 \(option) 自评表.\(allowed[0])）。",
            en: "\(option) \(path): the output must end in \(list.joined(separator: " or ")) (e.g. \(option) forms.\(allowed[0])).")
    }
}
