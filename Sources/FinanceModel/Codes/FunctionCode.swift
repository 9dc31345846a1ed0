/// 功能分类科目 — a functional-classification subject code: 类 3 digits (201 一般公共服务支出),
/// 款 5 (20113 商贸事务), 项 7 (2011308 招商引资).
///
/// Parse with `FunctionCode("2011308")`, `FunctionCode("201 13 08")`, `FunctionCode("2011308.0")` or
/// `FunctionCode(parts: ["201", "13", "08"])`; names come from `SubjectCatalogue`.
public struct FunctionCode: SubjectCode {
    public static let levelLengths = [3, 5, 7]

    /// The joined digits.
    public let digits: String

    public init(validatedDigits: String) { digits = validatedDigits }
}

/// 经济分类科目 — an economic-classification subject code: 类 3 digits (302 商品和服务支出), 款 5 (30217
/// 公务接待费).
///
/// 人员经费 (`personnelCost`) is 301 + 303, 公用经费 (`officeCost`) is 302 + 310.
public struct EconomicCode: SubjectCode {
    public static let levelLengths = [3, 5]

    /// The joined digits.
    public let digits: String

    public init(validatedDigits: String) { digits = validatedDigits }

    /// Which half of 基本支出 the code's 类 belongs to: 301/303 人员经费, 302/310 公用经费, others nil.
    public var basicExpenseGroup: BasicExpenseGroup? {
        switch digits.prefix(3) {
        case "301", "303": .personnelCost
        case "302", "310": .officeCost
        default: nil
        }
    }
}

/// The two halves of 基本支出 (`basicExpenditure`).
public enum BasicExpenseGroup: String, Sendable, Hashable, Codable, CaseIterable {
    /// 人员经费 — 301 工资福利支出 + 303 对个人和家庭的补助.
    case personnelCost
    /// 公用经费 — 302 商品和服务支出 + 310 资本性支出.
    case officeCost
}
