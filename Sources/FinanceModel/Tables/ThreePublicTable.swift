/// "三公"经费支出表 (`threePublic`): 因公出国(境)费, 公务用车购置及运行费 (购置 / 运行), 公务接待费, each
/// with its 预算数 (年初 / 全年) and 决算数.
///
/// Checks: 合计 = 出国 + 车辆 + 接待; 车辆小计 = 购置 + 运行, for every amount column.
public struct ThreePublicTable: FinanceTable {
    public var info: TableInfo
    /// 合计.
    public var total: Amounts
    /// 因公出国(境)费.
    public var overseasTravel: Amounts
    /// 公务用车购置及运行费.
    public var officialCars: OfficialCars
    /// 公务接待费.
    public var reception: Amounts
    /// 会议费 and 培训费, when the table lists them beside the "三公" (江苏: "三公"经费、会议费、培训费支出预算表);
    /// its 合计 then includes them, and `threePublicSubtotal` is the "三公" 小计.
    public var meetings: Amounts = .empty
    public var training: Amounts = .empty
    /// "三公"经费 小计, in a table whose 合计 also covers 会议费 and 培训费.
    public var threePublicSubtotal: Amounts = .empty

    public init(
        info: TableInfo, total: Amounts = .empty, overseasTravel: Amounts = .empty,
        officialCars: OfficialCars = OfficialCars(), reception: Amounts = .empty
    ) {
        self.info = info
        self.total = total
        self.overseasTravel = overseasTravel
        self.officialCars = officialCars
        self.reception = reception
    }

    public func normalised(to unit: Unit) -> ThreePublicTable {
        let from = info.unit
        var copy = self
        copy.info.unit = unit
        copy.total = total.converted(from: from, to: unit)
        copy.overseasTravel = overseasTravel.converted(from: from, to: unit)
        copy.officialCars = OfficialCars(
            subtotal: officialCars.subtotal.converted(from: from, to: unit),
            purchase: officialCars.purchase.converted(from: from, to: unit),
            operation: officialCars.operation.converted(from: from, to: unit))
        copy.reception = reception.converted(from: from, to: unit)
        copy.meetings = meetings.converted(from: from, to: unit)
        copy.training = training.converted(from: from, to: unit)
        copy.threePublicSubtotal = threePublicSubtotal.converted(from: from, to: unit)
        return copy
    }
}

/// 公务用车购置及运行费: the 小计 and its two parts.
public struct OfficialCars: Sendable, Hashable, Codable {
    /// 小计.
    public var subtotal: Amounts
    /// 公务用车购置费.
    public var purchase: Amounts
    /// 公务用车运行维护费.
    public var operation: Amounts

    public init(subtotal: Amounts = .empty, purchase: Amounts = .empty, operation: Amounts = .empty) {
        self.subtotal = subtotal
        self.purchase = purchase
        self.operation = operation
    }
}
