/// One node of the simulated cluster: its GPU kind and the instances placed on it.
public struct NodePlan: Sendable, Hashable {
    public var name: String
    public var gpu: GPUSpec
    public var gpuCount: Int
    public var instances: [InstancePlan]
}
