import ClusterModel

/// Lookups by id over one snapshot, built once per frame so that joins (an instance's GPUs, a GPU's
/// instances) cost a hash lookup instead of a scan of thousands of GPUs. It keeps positions, not copies:
/// building it for 2,352 GPUs hashes each id once and copies no GPU.
package struct SnapshotIndex: Sendable {
    /// Elements of one of the snapshot's arrays, by id.
    package struct Lookup<Element: Sendable>: Sendable {
        let elements: [Element]
        let positions: [String: Int]

        init(_ elements: [Element], id: (Element) -> String) {
            self.elements = elements
            var positions = [String: Int](minimumCapacity: elements.count)
            // Backwards, so that the first of equal ids is written last and wins, with one hash of each id.
            for offset in elements.indices.reversed() {
                positions[id(elements[offset])] = offset
            }
            self.positions = positions
        }

        package subscript(_ id: String) -> Element? {
            positions[id].map { elements[$0] }
        }
    }

    package let gpus: Lookup<GPU>
    package let instances: Lookup<EngineInstance>

    package init(_ snapshot: ClusterSnapshot) {
        gpus = Lookup(snapshot.gpus, id: \.id)
        instances = Lookup(snapshot.instances, id: \.id)
    }

    /// The GPUs an instance was joined to, in its order.
    package func gpus(of instance: EngineInstance) -> [GPU] {
        instance.gpuIDs.compactMap { gpus[$0] }
    }

    /// The instances joined to a GPU, in its order.
    package func instances(of gpu: GPU) -> [EngineInstance] {
        gpu.instanceIDs.compactMap { instances[$0] }
    }

    /// The GPU type an instance runs on: the type of its first GPU that names one.
    package func gpuType(of instance: EngineInstance) -> String? {
        for id in instance.gpuIDs { if let name = gpus[id]?.modelName { return name } }
        return nil
    }

    /// The model a GPU serves: the first of its instances that names one.
    package func model(of gpu: GPU) -> String? {
        for id in gpu.instanceIDs { if let model = instances[id]?.model { return model } }
        return nil
    }

    /// Used VRAM summed over an instance's GPUs; nil when none reports it.
    package func vramUsed(of instance: EngineInstance) -> Double? {
        sum(gpus(of: instance).map(\.vramUsedBytes))
    }

    /// Mean utilization of an instance's GPUs (0…1); nil when none reports it.
    package func utilization(of instance: EngineInstance) -> Double? {
        mean(gpus(of: instance).map(\.utilization))
    }

    /// Power drawn by an instance's GPUs, in watts; nil when none reports it.
    package func power(of instance: EngineInstance) -> Double? {
        sum(gpus(of: instance).map(\.powerWatts))
    }
}
