import Exposition

/// The page of NVIDIA's DCGM exporter on one node: the default counters, one sample per GPU, labels in the
/// exporter's template order (`gpu`, `UUID`, `pci_bus_id`, `device`, `modelName`, `Hostname`, driver version).
enum DCGMPage {
    static let driverVersion = "580.105.08"

    private struct Field: Sendable {
        let name: String
        let type: MetricType
        let help: String
        let value: @Sendable (GPUDevice) -> Double
    }

    private static let fields: [Field] = [
        Field(name: "DCGM_FI_DEV_SM_CLOCK", type: .gauge, help: "SM clock frequency (in MHz).") { $0.smClock },
        Field(name: "DCGM_FI_DEV_MEM_CLOCK", type: .gauge, help: "Memory clock frequency (in MHz).") { $0.memClock },
        Field(name: "DCGM_FI_DEV_MEMORY_TEMP", type: .gauge, help: "Memory temperature (in C).") {
            $0.reportsMemoryTemperature ? ($0.temperature + 4).rounded() : 0
        },
        Field(name: "DCGM_FI_DEV_GPU_TEMP", type: .gauge, help: "GPU temperature (in C).") { $0.temperature.rounded() },
        Field(name: "DCGM_FI_DEV_POWER_USAGE", type: .gauge, help: "Power draw (in W).") {
            ($0.powerWatts * 1000).rounded() / 1000
        },
        Field(
            name: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", type: .counter,
            help: "Total energy consumption since boot (in mJ)."
        ) { $0.energyMillijoules.rounded(.down) },
        Field(name: "DCGM_FI_DEV_PCIE_REPLAY_COUNTER", type: .counter, help: "Total number of PCIe retries.") { _ in 0 },
        Field(name: "DCGM_FI_DEV_GPU_UTIL", type: .gauge, help: "GPU utilization (in %).") { $0.utilization },
        Field(name: "DCGM_FI_DEV_MEM_COPY_UTIL", type: .gauge, help: "Memory utilization (in %).") {
            $0.memoryCopyUtilization
        },
        Field(name: "DCGM_FI_DEV_ENC_UTIL", type: .gauge, help: "Encoder utilization (in %).") { _ in 0 },
        Field(name: "DCGM_FI_DEV_DEC_UTIL", type: .gauge, help: "Decoder utilization (in %).") { _ in 0 },
        Field(
            name: "DCGM_FI_DEV_XID_ERRORS", type: .gauge,
            help: "Value of the last XID error encountered."
        ) { _ in 0 },
        Field(name: "DCGM_FI_DEV_FB_FREE", type: .gauge, help: "Framebuffer memory free (in MiB).") { $0.freeMiB },
        Field(name: "DCGM_FI_DEV_FB_USED", type: .gauge, help: "Framebuffer memory used (in MiB).") { $0.usedMiB },
        Field(name: "DCGM_FI_DEV_FB_RESERVED", type: .gauge, help: "Framebuffer memory reserved (in MiB).") {
            $0.spec.reservedMiB
        },
        Field(
            name: "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS", type: .counter,
            help: "Number of remapped rows for uncorrectable errors"
        ) { _ in 0 },
        Field(
            name: "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS", type: .counter,
            help: "Number of remapped rows for correctable errors"
        ) { _ in 0 },
        Field(name: "DCGM_FI_DEV_ROW_REMAP_FAILURE", type: .gauge, help: "Whether remapping of rows has failed") { _ in 0 },
        Field(name: "DCGM_FI_PROF_GR_ENGINE_ACTIVE", type: .gauge, help: "Ratio of time the graphics engine is active.") {
            ratio($0.graphicsActive)
        },
        Field(
            name: "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", type: .gauge,
            help: "Ratio of cycles the tensor (HMMA) pipe is active."
        ) { ratio($0.tensorActive) },
        Field(
            name: "DCGM_FI_PROF_DRAM_ACTIVE", type: .gauge,
            help: "Ratio of cycles the device memory interface is active sending or receiving data."
        ) {
            ratio($0.dramActive)
        },
        Field(
            name: "DCGM_FI_PROF_PCIE_TX_BYTES", type: .gauge,
            help: "The rate of data transmitted over the PCIe bus - including both protocol headers and data "
                + "payloads - in bytes per second."
        ) { $0.pcieTxBytesPerSecond },
        Field(
            name: "DCGM_FI_PROF_PCIE_RX_BYTES", type: .gauge,
            help: "The rate of data received over the PCIe bus - including both protocol headers and data "
                + "payloads - in bytes per second."
        ) { $0.pcieRxBytesPerSecond },
    ]

    /// DCGM prints doubles with `%f`: six decimals is all the precision a ratio has.
    private static func ratio(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    /// Describes the page of the GPUs `indices` of `gpus` into `page` (see `PageSink`).
    static func describe<Page: PageSink>(
        _ gpus: [GPUDevice], _ indices: [Int], hostname: String,
        _ page: inout Page
    ) {
        // Each device read once, a field after the other: `field.value(gpus[index])` in the loop below would copy
        // the device (and retain its strings) once a field.
        let columns = indices.count
        var values = [Double](repeating: 0, count: fields.count * columns)
        for (column, index) in indices.enumerated() {
            let gpu = gpus[index]
            for (row, field) in fields.enumerated() { values[row * columns + column] = field.value(gpu) }
        }
        for (row, field) in fields.enumerated() {
            page.header(field.name, field.type, field.help)
            for (column, index) in indices.enumerated() {
                page.sample(field.name, labels(gpus[index], hostname: hostname), values[row * columns + column])
            }
        }
    }

    private static func labels(_ gpu: GPUDevice, hostname: String) -> Labels {
        Labels(
            [
                Label("gpu", String(gpu.localIndex)), Label("UUID", gpu.uuid), Label("pci_bus_id", gpu.pciBusId),
                Label("device", "nvidia" + String(gpu.localIndex)), Label("modelName", gpu.spec.modelName),
                Label("Hostname", hostname), Label("DCGM_FI_DRIVER_VERSION", driverVersion),
            ]
                + (gpu.pod.map {
                    [
                        Label("container", $0.container), Label("namespace", SimTarget.namespace),
                        Label("pod", $0.name),
                    ]
                } ?? []))
    }
}
