/// One node of the simulated cluster: its GPU kind and the instances placed on it.
package struct NodePlan: Sendable, Hashable {
    package var name: String
    package var gpu: GPUSpec
    package var gpuCount: Int
    package var instances: [InstancePlan]
}
