import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the parts of an upload into the job's `in/` folder as they stream in: each part named `files`
/// becomes `in/<部门>/<文件名>` (or `in/<文件名>` for a loose file), made only from components
/// `UploadName` accepted, created with O_EXCL | O_NOFOLLOW, mode 0600 in folders of mode 0700.
struct UploadReceiver {
    let input: URL
    let configuration: ServerConfiguration
    private var descriptor: Int32 = -1
    private var discarding = false
    private var names: Set<String> = []
    private(set) var files = 0
    private(set) var stored = 0

    init(input: URL, configuration: ServerConfiguration) {
        self.input = input
        self.configuration = configuration
    }

    mutating func handle(_ event: MultipartParser.Event) throws {
        switch event {
        case .headers(let headers):
            let disposition = headers.first { $0.0 == "content-disposition" }.map { ContentDisposition($0.1) }
            guard disposition?.name == "files" else {
                discarding = true  // another form field: read past it
                return
            }
            files += 1
            if files > configuration.maxFiles { throw ServerError.tooManyFiles(configuration.maxFiles) }
            switch UploadName.check(disposition?.filename) {
            case .refused(let zh, let en):
                throw ServerError.badName(zh, en)
            case .skipped:
                discarding = true
            case .accepted(let name):
                guard names.insert(name.relativePath.precomposedStringWithCanonicalMapping).inserted else {
                    throw ServerError.badName("文件“\(name.relativePath)”上传了两次。", "the file “\(name.relativePath)” was uploaded twice.")
                }
                try create(name)
                discarding = false
            }
        case .body(let bytes):
            guard !discarding, descriptor >= 0 else { return }
            try bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw ServerError.internalError("write: \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        case .partEnd:
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
                stored += 1
            }
            discarding = false
        }
    }

    /// After the last part: at least one file must have been stored.
    mutating func finish() throws {
        abandon()
        if stored == 0 {
            throw ServerError.badRequest(
                "没有收到文件：请在名为 files 的字段中上传一个或多个表格文件。",
                "no file received: upload one or more spreadsheets in parts named files.")
        }
    }

    mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    private mutating func create(_ name: UploadName) throws {
        var folder = input.path
        for component in name.components.dropLast() {
            folder += "/" + component
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw ServerError.internalError("mkdir: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw ServerError.badName("“\(name.relativePath)”与另一个上传文件的名称冲突。", "“\(name.relativePath)” clashes with another uploaded file's name.")
            }
        }
        let path = folder + "/" + name.fileName
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw ServerError.badName("“\(name.relativePath)”与另一个上传文件的名称冲突。", "“\(name.relativePath)” clashes with another uploaded file's name.")
            }
            throw ServerError.internalError("open: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
    }
}
