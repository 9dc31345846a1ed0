import Foundation
import Hummingbird

/// An API error: its HTTP status, a stable code, and the message in Chinese and English
/// (`{"error": {"code", "message"}}`; English with `?lang=en`).
struct ServerError: Error {
    var status: HTTPResponse.Status
    var code: String
    var zh: String
    var en: String

    func message(english: Bool) -> String { english ? en : zh }

    func json(_ english: Bool) -> String {
        JSONText.object([("error", .object([("code", .string(code)), ("message", .string(message(english: english)))]))]).rendered
    }

    static func internalError(_ detail: String) -> ServerError {
        ServerError(status: .internalServerError, code: "internal", zh: "服务器内部错误：\(detail)", en: "internal server error: \(detail)")
    }

    static let notFound = ServerError(
        status: .notFound, code: "not_found",
        zh: "没有这个任务或文件：任务编号不存在、已删除或已过期（任务保留一小时）。请重新上传。",
        en: "no such job or file: the job id is unknown, deleted or expired (jobs are kept for an hour). Upload again.")
    static let noPreview = ServerError(
        status: .notFound, code: "not_found",
        zh: "没有这个单元格的预览：只能预览检查结果引用的、上传文件中的单元格（输出的自评表不在其中）。",
        en: "no preview of this cell: only cells that a finding cites in an uploaded file can be previewed (not the output forms).")
    static let routeNotFound = ServerError(
        status: .notFound, code: "not_found", zh: "没有这个地址。接口说明见 docs/API.md。", en: "no such address. See docs/API.md.")
    static let unauthorized = ServerError(
        status: .unauthorized, code: "unauthorized",
        zh: "缺少或错误的访问令牌：请使用服务启动时打印的完整网址（含 ?token=），接口调用需带 Authorization: Bearer 令牌。",
        en: "missing or wrong access token: open the full URL the server printed (with ?token=); API calls need Authorization: Bearer TOKEN.")
    static let badHost = ServerError(
        status: .forbidden, code: "forbidden_host",
        zh: "请求的 Host 不是本服务绑定的地址，已拒绝（防止 DNS 重绑定）。请使用服务启动时打印的网址。",
        en: "the request's Host is not the address this server is bound to; refused (DNS rebinding protection). Use the URL the server printed.")
    static let badOrigin = ServerError(
        status: .forbidden, code: "forbidden_origin",
        zh: "请求来自其他网站（Origin 不符），已拒绝。请在服务启动时打印的网址中操作。",
        en: "the request comes from another site (Origin mismatch); refused. Use the page at the URL the server printed.")
    static func tooLarge(_ megabytes: Int) -> ServerError {
        ServerError(
            status: .contentTooLarge, code: "too_large",
            zh: "上传内容超过上限 \(megabytes) MB。请分批上传，或以 --max-upload-mb 启动服务以提高上限。",
            en: "the upload exceeds the \(megabytes) MB limit. Upload in parts, or start the server with a higher --max-upload-mb.")
    }
    static func tooManyFiles(_ count: Int) -> ServerError {
        ServerError(
            status: .contentTooLarge, code: "too_many_files",
            zh: "上传文件超过 \(count) 个。请分批上传，或以 --max-files 启动服务以提高上限。",
            en: "more than \(count) files uploaded. Upload in parts, or start the server with a higher --max-files.")
    }
    static func badRequest(_ zh: String, _ en: String) -> ServerError {
        ServerError(status: .badRequest, code: "bad_request", zh: zh, en: en)
    }
    static func badName(_ zh: String, _ en: String) -> ServerError {
        ServerError(status: .badRequest, code: "bad_file_name", zh: zh, en: en)
    }
}
