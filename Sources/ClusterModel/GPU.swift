/// One GPU (or one MIG instance of a GPU) as the exporters describe it, units normalized:
/// bytes, 0–1 fractions, degrees Celsius, watts, MHz. Absent fields are nil, never 0.
package struct GPU: Sendable, Hashable, Identifiable {
    /// What names it, which does not change from frame to frame: made once by the cluster model's plan and shared
    /// by every frame's copy (see `SharedValue`); read and changed through the properties below.
    package var identity: SharedValue<GPUIdentity>
    /// Stable identity across frames: `"node/index"` for a whole GPU (or its UUID when no node is known),
    /// `"UUID/GPU_I_ID"` for a MIG instance.
    package var id: String {
        get { identity.value.id }
        set { identity.value.id = newValue }
    }
    /// The node (host) it belongs to.
    package var node: String {
        get { identity.value.node }
        set { identity.value.node = newValue }
    }
    /// The device index on its node (DCGM `gpu`, Triton order).
    package var index: Int {
        get { identity.value.index }
        set { identity.value.index = newValue }
    }
    package var uuid: String? {
        get { identity.value.uuid }
        set { identity.value.uuid = newValue }
    }
    /// e.g. `NVIDIA L4`, `GRID A100-40C`.
    package var modelName: String? {
        get { identity.value.modelName }
        set { identity.value.modelName = newValue }
    }
    package var vramUsedBytes: Double?
    package var vramFreeBytes: Double?
    package var vramTotalBytes: Double?
    /// 0–1.
    package var utilization: Double?
    package var temperatureC: Double?
    package var powerWatts: Double?
    package var powerLimitWatts: Double?
    package var smClockMHz: Double?
    package var memClockMHz: Double?
    /// The MIG profile (`GPU_I_PROFILE`, e.g. `1g.10gb`) when this is a MIG instance.
    package var migProfile: String? {
        get { identity.value.migProfile }
        set { identity.value.migProfile = newValue }
    }
    /// The Kubernetes pod using it (DCGM's pod labels), when the exporter reports one.
    package var pod: PodReference? {
        get { identity.value.pod }
        set { identity.value.pod = newValue }
    }
    /// Engine instances joined to this GPU.
    package var instanceIDs: [String] {
        get { joinedInstances.value }
        set { joinedInstances.value = newValue }
    }
    /// `instanceIDs` held by reference: the frame layout's list, shared by every frame (see `SharedValue`).
    package var joinedInstances: SharedValue<[String]>
    /// True when the GPU's exporter stopped reporting it (values are the last ones seen, or nil).
    package var stale: Bool

    package init(
        id: String, node: String, index: Int, uuid: String? = nil, modelName: String? = nil,
        vramUsedBytes: Double? = nil, vramFreeBytes: Double? = nil, vramTotalBytes: Double? = nil,
        utilization: Double? = nil, temperatureC: Double? = nil, powerWatts: Double? = nil,
        powerLimitWatts: Double? = nil, smClockMHz: Double? = nil, memClockMHz: Double? = nil,
        migProfile: String? = nil, instanceIDs: [String] = [], stale: Bool = false
    ) {
        self.init(
            identity: SharedValue(
                GPUIdentity(id: id, node: node, index: index, uuid: uuid, modelName: modelName, migProfile: migProfile)),
            vramUsedBytes: vramUsedBytes, vramFreeBytes: vramFreeBytes, vramTotalBytes: vramTotalBytes,
            utilization: utilization, temperatureC: temperatureC, powerWatts: powerWatts,
            powerLimitWatts: powerLimitWatts, smClockMHz: smClockMHz, memClockMHz: memClockMHz,
            joinedInstances: instanceIDs.isEmpty ? .none : SharedValue(instanceIDs), stale: stale)
    }

    /// A GPU of a known identity (a plan's), shared rather than made anew.
    package init(
        identity: SharedValue<GPUIdentity>, vramUsedBytes: Double?, vramFreeBytes: Double?, vramTotalBytes: Double?,
        utilization: Double?, temperatureC: Double?, powerWatts: Double?, powerLimitWatts: Double?,
        smClockMHz: Double?, memClockMHz: Double?, joinedInstances: SharedValue<[String]>, stale: Bool
    ) {
        self.identity = identity
        self.vramUsedBytes = vramUsedBytes
        self.vramFreeBytes = vramFreeBytes
        self.vramTotalBytes = vramTotalBytes
        self.utilization = utilization
        self.temperatureC = temperatureC
        self.powerWatts = powerWatts
        self.powerLimitWatts = powerLimitWatts
        self.smClockMHz = smClockMHz
        self.memClockMHz = memClockMHz
        self.joinedInstances = joinedInstances
        self.stale = stale
    }

    /// Used / total VRAM (0–1), or nil when either is unknown or the total is 0; `.nan` (invalid) when either is
    /// invalid or the exporter says more is used than there is.
    package var vramFraction: Double? {
        guard let used = vramUsedBytes, let total = vramTotalBytes else { return nil }
        guard !used.isNaN, !total.isNaN else { return .nan }
        guard total > 0 else { return nil }
        let fraction = used / total
        return fraction <= 1.000_001 ? fraction : .nan
    }
}

/// What names a GPU: the same in every frame while its exporter reports it.
package struct GPUIdentity: Sendable, Hashable {
    package var id: String
    package var node: String
    package var index: Int
    package var uuid: String?
    package var modelName: String?
    package var migProfile: String?
    package var pod: PodReference?

    package init(
        id: String, node: String, index: Int, uuid: String? = nil, modelName: String? = nil, migProfile: String? = nil,
        pod: PodReference? = nil
    ) {
        self.id = id
        self.node = node
        self.index = index
        self.uuid = uuid
        self.modelName = modelName
        self.migProfile = migProfile
        self.pod = pod
    }
}
