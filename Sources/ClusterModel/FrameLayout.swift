/// The joins and groupings of a frame: which GPUs each instance was joined to, each node's members, the
/// instances of each model and the GPUs of each type. They depend only on the plans and on which targets
/// are shown by themselves, so the builder computes them when those change, not every frame.
struct FrameLayout: Sendable {
    /// Which GPUs and instances it was computed for: the plans' generation and the targets shown by themselves.
    struct Key: Hashable, Sendable {
        var planGeneration: Int
        var placeholders: [Bool]
    }

    var key: Key
    /// Per GPU (display order): its instances, as ids and as positions in the instance list.
    var instanceIDsOfGPU: [SharedValue<[String]>]
    var gpuInstances: [[Int]]
    /// Per instance: its GPUs, as ids and as positions in the GPU list.
    var gpuIDsOfInstance: [SharedValue<[String]>]
    var instanceGPUs: [[Int]]
    /// Per instance: how its GPUs were found.
    var gpuJoins: [GPUJoin]
    /// Nodes sorted by name, with their members; `up` is decided per frame from `nodeGPUs`/`nodeInstances`.
    var nodes: [Node]
    var nodeGPUs: [[Int]]
    var nodeInstances: [[Int]]
    /// Instance positions by model, models sorted.
    var models: [(name: String, members: [Int])]
    /// GPU positions by GPU model (`unknown` when not reported), sorted.
    var gpuTypes: [(name: String, members: [Int])]
    /// Entries of the explicit map that name no GPU reported, for the snapshot's notes.
    var unresolved: [String] = []

    /// An explicit map in the configuration (by GPU id or UUID) wins; then the GPUs whose DCGM series name the
    /// engine's pod (`podGPUs`, by instance id); otherwise every instance of a node is joined to every GPU of
    /// that node, as the pages do not say which GPU an engine uses.
    init(key: Key, gpus: [GPU], instances: [EngineInstance], podGPUs: [String: [String]], configuration: ModelConfiguration) {
        self.key = key
        var gpusByNode: [String: [Int]] = [:]
        var gpuIndex: [String: Int] = [:]
        for index in gpus.indices {
            gpusByNode[gpus[index].node, default: []].append(index)
            if !configuration.instanceGPUs.isEmpty || !podGPUs.isEmpty {
                gpuIndex[gpus[index].id] = index
                if let uuid = gpus[index].uuid, gpuIndex[uuid] == nil { gpuIndex[uuid] = index }
            }
        }
        gpuInstances = Array(repeating: [], count: gpus.count)
        instanceGPUs = Array(repeating: [], count: instances.count)
        gpuJoins = Array(repeating: .node, count: instances.count)
        var unresolved: [String] = []
        for position in instances.indices {
            let instance = instances[position]
            if let explicit = configuration.instanceGPUs[instance.id] ?? configuration.instanceGPUs[instance.target] {
                gpuJoins[position] = .configuration
                instanceGPUs[position] = explicit.compactMap { name in
                    // A GPU's id or UUID, or its index on the instance's node.
                    if let index = gpuIndex[name] { return index }
                    if let local = Int(name), let node = instance.node,
                        let index = gpusByNode[node]?.first(where: { gpus[$0].index == local })
                    {
                        return index
                    }
                    if !gpus.isEmpty {
                        unresolved.append(
                            "instance_gpus: \(instance.target) names GPU \(name), which "
                                + (instance.node.map { "node \($0)" } ?? "no node") + " does not report")
                    }
                    return nil
                }
            } else if let byPod = podGPUs[instances[position].id] {
                gpuJoins[position] = .pod
                instanceGPUs[position] = byPod.compactMap { gpuIndex[$0] }.sorted()
            } else if let node = instances[position].node {
                instanceGPUs[position] = gpusByNode[node] ?? []
            }
            for index in instanceGPUs[position] { gpuInstances[index].append(position) }
        }
        self.unresolved = unresolved
        // GPUs with the same instances (every GPU of a node, usually) share one list, as the ids below do: the frame's
        // per-GPU-type pass then reads a few hundred lists rather than thousands of cold ones (3 % of a frame).
        var lists: Set<[Int]> = []
        for index in gpuInstances.indices {
            let (inserted, list) = lists.insert(gpuInstances[index])
            if !inserted { gpuInstances[index] = list }
        }
        // The lists of ids side by side in one object, which every frame's GPUs and instances retain (see
        // `SharedValue`); members of one node share one list (every GPU of a node has the same instances).
        gpuIDsOfInstance = Self.shared(instanceGPUs) { gpus[$0].id }
        instanceIDsOfGPU = Self.shared(gpuInstances) { instances[$0].id }

        var nodeGPUs: [String: [Int]] = [:]
        var nodeInstances: [String: [Int]] = [:]
        for index in gpus.indices { nodeGPUs[gpus[index].node, default: []].append(index) }
        for index in instances.indices {
            if let node = instances[index].node { nodeInstances[node, default: []].append(index) }
        }
        let names = Set(nodeGPUs.keys).union(nodeInstances.keys).sorted()
        let gpuMembers = names.map { nodeGPUs[$0] ?? [] }
        let instanceMembers = names.map { nodeInstances[$0] ?? [] }
        nodes = names.indices.map { n in
            Node(
                name: names[n], gpuIDs: gpuMembers[n].map { gpus[$0].id },
                instanceIDs: instanceMembers[n].map { instances[$0].id }, up: false)
        }
        self.nodeGPUs = gpuMembers
        self.nodeInstances = instanceMembers

        var models: [String: [Int]] = [:]
        for index in instances.indices { if let model = instances[index].model { models[model, default: []].append(index) } }
        self.models = models.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var types: [String: [Int]] = [:]
        for index in gpus.indices { types[gpus[index].modelName ?? "unknown", default: []].append(index) }
        gpuTypes = types.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The ids of each list of positions, equal lists made once.
    private static func shared(_ lists: [[Int]], id: (Int) -> String) -> [SharedValue<[String]>] {
        var numbers: [[Int]: Int] = [:]
        var distinct: [[String]] = []
        let slots = lists.map { positions in
            if let known = numbers[positions] { return known }
            numbers[positions] = distinct.count
            distinct.append(positions.map(id))
            return distinct.count - 1
        }
        let ids = SharedValue.together(distinct)
        return slots.map { ids[$0] }
    }
}
